/* test_presenter.c - the presenter panel (screen_presenter): the step and the next one, the
 * time on the step and what is left of the workshop's plan (or how far over it is), on a
 * row's step the votes per phase also while the room sees only their number, and the row's
 * note, then the keys of the step (none that edit in --review) and p back to the room's
 * view; every line within the terminal's width less a column. No terminal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "date.h"
#include "page_check.h"
#include "presenter.h"
#include "utf8.h"
#include "builtin_content.h"

enum { COLS = 80, ROWS = 24 };

/* Returns true when some line of P holds TEXT; fails when a line reaches the last column. */
static bool holds(const struct page *p, const char *text)
{
	bool found = false;

	for (size_t i = 0; i < p->n; i++) {
		char *line = page_line_text(p, i);

		assert_non_null(line);
		assert_true(utf8_width(line, strlen(line)) <= COLS - 1);
		found = found || strstr(line, text) != NULL;
		free(line);
	}
	return found;
}

/* Returns the step of the scoring of row ID. */
static size_t score_step(const char *id)
{
	for (size_t i = 0; i < content->n_steps; i++)
		if (content->steps[i].kind == STEP_SCORE &&
		    strcmp(content->dimensions[content->steps[i].dimension].id, id) == 0)
			return i;
	fail_msg("no scoring step for %s", id);
	return 0;
}

/* Builds the panel of STEP of S, the rows REVEALED, into P (cleared first), read-only (as in
 * --review) when READ_ONLY. */
static void build_as(struct page *p, const struct session *s, size_t step, const bool *revealed,
		     bool read_only)
{
	struct layout l;
	struct view v = { .c = content, .s = s, .l = &l, .step = step, .revealed = revealed,
			  .unicode = true, .read_only = read_only };

	layout_compute(&l, COLS, ROWS, content->n_phases);
	page_clear(p);
	screen_presenter(p, &v);
	assert_false(p->failed);
}

/* Builds the panel of STEP of S, the rows REVEALED, into P, as the facilitator walks it. */
static void build(struct page *p, const struct session *s, size_t step, const bool *revealed)
{
	build_as(p, s, step, revealed, false);
}

/* A row's step: the votes per phase while hidden from the room, then the same when shown;
 * the note; the keys of scoring; the step and the next. */
static void test_presenter_row(void **state)
{
	struct session *s = session_new(content, "P");
	size_t step = score_step("content"), dim = content->steps[step].dimension;
	bool revealed[64] = { false };
	struct page p = { .focus_top = -1, .focus_bottom = -1 };
	const char *why;
	char want[128], next[512];

	(void)state;
	assert_true(session_vote_add(s, content, dim, 3, &why));
	assert_true(session_vote_add(s, content, dim, 3, &why));
	assert_true(session_vote_add(s, content, dim, 1, &why));
	assert_true(session_set_note(s, dim, "Veel zenden, weinig gesprek.", &why));
	build(&p, s, step, revealed);
	snprintf(want, sizeof(want), "Step %zu of %zu", step + 1, content->n_steps);
	assert_true(holds(&p, want));
	content_step_label(content, step + 1, next, sizeof(next));
	snprintf(want, sizeof(want), "Next: %.20s", next);
	assert_true(holds(&p, want));
	assert_true(holds(&p, "3 votes, hidden from the room"));
	assert_true(holds(&p, "phase 1: 1"));
	assert_true(holds(&p, "phase 2: 0"));
	assert_true(holds(&p, "phase 3: 2"));
	assert_true(holds(&p, "Veel zenden, weinig gesprek."));
	assert_true(holds(&p, "1-9 adds a vote for that phase"));
	assert_true(holds(&p, "r reveals the votes"));
	assert_true(holds(&p, "p shows the room's view again."));
	assert_true((int)p.n <= ROWS - 3); /* the whole panel fits the body at 80x24 */
	revealed[dim] = true;
	build(&p, s, step, revealed);
	assert_true(holds(&p, "3 votes, shown to the room"));
	assert_true(holds(&p, "phase 3: 2"));
	assert_false(holds(&p, "r reveals the votes"));
	page_clear(&p);
	session_free(s);
}

/* In --review the panel shows the votes and the note, and no key that edits. */
static void test_presenter_read_only(void **state)
{
	struct session *s = session_new(content, "P");
	size_t step = score_step("content"), dim = content->steps[step].dimension;
	bool revealed[64] = { false };
	struct page p = { .focus_top = -1, .focus_bottom = -1 };
	const char *why;

	(void)state;
	assert_true(session_vote_add(s, content, dim, 2, &why));
	build_as(&p, s, step, revealed, true);
	assert_true(holds(&p, "1 vote, hidden from the room"));
	assert_true(holds(&p, "phase 2: 1"));
	assert_true(holds(&p, "r reveals the votes"));
	assert_true(holds(&p, "p shows the room's view again."));
	assert_false(holds(&p, "1-9 adds"));
	assert_false(holds(&p, "writes a note"));
	assert_false(holds(&p, "c then a digit"));
	page_clear(&p);
	session_free(s);
}

/* Another step: no votes, the keys of walking on; the time on the step with its plan and
 * the workshop's time left, then over the plan; the last step has no next one. */
static void test_presenter_times(void **state)
{
	struct session *s = session_new(content, "P");
	bool revealed[64] = { false };
	struct page p = { .focus_top = -1, .focus_bottom = -1 };
	unsigned long planned = content_planned_minutes(content) * 60ul;
	const char *why;
	char want[128], left[24];

	(void)state;
	assert_true(session_tick(s, 0, 83, &why));
	build(&p, s, 0, revealed);
	assert_false(holds(&p, "votes"));
	assert_true(holds(&p, "? shows the keys"));
	snprintf(want, sizeof(want), "This step: 1:23 / %u min", content->steps[0].minutes);
	assert_true(holds(&p, want));
	duration_clock(planned - 83, left, sizeof(left));
	snprintf(want, sizeof(want), "Workshop: 1:23 spent, %s left", left);
	assert_true(holds(&p, want));
	assert_true(p.clock_top >= 0);
	assert_true(session_tick(s, 1, planned, &why));
	build(&p, s, content->n_steps - 1, revealed);
	assert_true(holds(&p, "This is the last step."));
	snprintf(want, sizeof(want), "1:23 over the plan");
	assert_true(holds(&p, want));
	page_clear(&p);
	session_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_presenter_row),
		cmocka_unit_test(test_presenter_read_only),
		cmocka_unit_test(test_presenter_times),
	};

	return cmocka_run_group_tests(tests, load_content, free_content);
}
