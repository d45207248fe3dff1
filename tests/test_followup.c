/* test_followup.c - issue 14 in the interface: a session that follows an earlier one. Every
 * row's scoring step still shows at once at 80x24, with 30 votes revealed, the agreed phases
 * and last time's beside them; the summary marks how each row moved without colour; the step
 * of last time's actions lists them, and d, m and x record done, carried over and dropped
 * exactly (nothing in --review); opening a session that follows one puts that step first and
 * leaves the other steps' ids. No curses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <unistd.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "builtin_content.h"
#include "follower.h"
#include "followup.h"
#include "keys.h"
#include "page_check.h"
#include "start.h"
#include "ui.h"
#include "utf8.h"

enum { ENTER_KEY = '\n' };

static char folder[] = "/tmp/meetlat-followup-XXXXXX";
static char earlier[256]; /* the earlier session: every row 1 -> 2, three open actions */

/* Writes the earlier session to PATH: "Nulmeting" of 15 Jan 2026 of Team communicatie of
 * Gemeente Voorbeeld, every row agreed at current 1, target 2; actions: one overdue, one for
 * conversatie, one done, one open. */
static void write_earlier(const char *path)
{
	struct session *s = session_new(content, "Nulmeting");
	const char *why;
	struct diag d;
	size_t len;
	char *buf;
	FILE *f;

	assert_non_null(s);
	assert_true(session_set_meta(s, META_DATE, "2026-01-15", &why));
	assert_true(session_set_meta(s, META_ORGANISATION, "Gemeente Voorbeeld", &why));
	assert_true(session_set_meta(s, META_GROUP, "Team communicatie", &why));
	for (size_t i = 0; i < content->n_dimensions; i++) {
		assert_true(session_set_current(s, content, i, 1, &why));
		assert_true(session_set_target(s, content, i, 2, &why));
	}
	assert_true(session_action_add(s, content, &(struct action_fields){ "Webcarebeleid", NULL,
			"Anna", "2026-03-01" }, &why) >= 0);
	assert_true(session_action_add(s, content, &(struct action_fields){ "Team trainen",
			"conversatie", "Bram", "2099-01-01" }, &why) >= 0);
	assert_true(session_action_add(s, content, &(struct action_fields){ "Al gedaan", NULL, "",
			NULL }, &why) >= 0);
	assert_true(session_action_toggle(s, 2, &why));
	assert_true(session_action_add(s, content, &(struct action_fields){ "Nieuwsbrief", NULL,
			"Cor", NULL }, &why) >= 0);
	assert_true(store_emit(s, &buf, &len, &d));
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(buf, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	free(buf);
	session_free(s);
}

static int setup(void **state)
{
	if (load_content(state) || !mkdtemp(folder))
		return -1;
	snprintf(earlier, sizeof(earlier), "%s/nulmeting.yaml", folder);
	write_earlier(earlier);
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", folder);
	free_content(state);
	return system(cmd);
}

/* A clock that stands still. */
static double still_clock(void)
{
	return 1000.0;
}

/* Goes to the first step of KIND (of row ID when not NULL). */
static void go(struct ui *u, enum step_kind kind, const char *id)
{
	for (size_t i = 0; i < u->c->n_steps; i++) {
		const struct content_step *st = &u->c->steps[i];

		if (st->kind == kind &&
		    (!id || strcmp(u->c->dimensions[st->dimension].id, id) == 0)) {
			ui_move(u, i);
			return;
		}
	}
	fail_msg("no such step");
}

/* Starts U at COLS x ROWS on a new session (a preview: nothing is written) that follows the
 * earlier session, READ_ONLY or not, on the almanac with the step of last time's actions
 * first. */
static void start_following(struct ui *u, int cols, int rows, bool read_only)
{
	struct content *with = content_with_followup(content, 10);
	struct diag d;

	assert_non_null(with);
	assert_true(ui_init(u, with, read_only, true, true));
	u->own_content = with;
	u->clock = still_clock;
	u->s = session_new(with, "Vervolg");
	assert_non_null(u->s);
	assert_true(baseline_choose(u->s, with, earlier, NULL, &d));
	ui_resize(u, cols, rows);
	ui_begin(u);
}

/* Returns line I of page P as the terminal shows it, its spans at their columns (malloc'd). */
static char *line_text(const struct page *p, size_t i)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	int col = 0;

	assert_non_null(out);
	for (size_t k = 0; k < p->lines[i].n; k++) {
		const struct span *sp = &p->lines[i].spans[k];

		for (; col < sp->x; col++)
			putc(' ', out);
		fwrite(sp->text, 1, sp->len, out);
		col += (int)utf8_width(sp->text, sp->len);
	}
	fclose(out);
	return buf;
}

/* Returns the first ROWS lines of page P, joined (malloc'd). */
static char *shown_text(const struct page *p, int rows)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	for (int i = 0; i < rows && i < (int)p->n; i++) {
		char *line = line_text(p, (size_t)i);

		fprintf(out, "%s\n", line);
		free(line);
	}
	fclose(out);
	return buf;
}

/* Returns the line of page P that holds TEXT (malloc'd), or NULL; its number in *AT. */
static char *line_with(const struct page *p, const char *text, int *at)
{
	for (size_t i = 0; i < p->n; i++) {
		char *line = line_text(p, i);

		if (strstr(line, text)) {
			*at = (int)i;
			return line;
		}
		free(line);
	}
	return NULL;
}

/* At 80x24, with 30 votes revealed, every row's scoring step shows last time's phases on the
 * line of the agreed ones ("last time: 1 → 2"), so that the page is not one line longer than
 * without a baseline: what showed at once as the step opened still does (the row, the phase
 * headings, and the agreed phases with last time's wherever they showed before). */
static void test_every_score_page_with_last_time_fits_80x24(void **state)
{
	struct ui u;
	const char *why;

	(void)state;
	start_following(&u, 80, 24, false);
	assert_true(session_set_meta(u.s, META_PARTICIPANTS, "32", &why));
	for (size_t d = 0; d < content->n_dimensions; d++) {
		const struct content_dimension *dim = &content->dimensions[d];
		char *shown, *agreed;
		int at, at_without;
		size_t with_lines;

		go(&u, STEP_SCORE, dim->id);
		for (int k = 0; k < 30; k++)
			assert_true(session_vote_add(u.s, u.c, d,
						     k < 2 ? 1 : k < 11 ? 2 : k < 25 ? 3 : 4, &why));
		assert_true(session_set_current(u.s, u.c, d, 2, &why));
		assert_true(session_set_target(u.s, u.c, d, 3, &why));
		ui_changed(&u);
		ui_key(&u, 'r');
		ui_build_page(&u);
		assert_int_equal(page_clamp_scroll(&u.page, 0, u.l.body_rows), 0);
		shown = shown_text(&u.page, u.l.body_rows);
		if (getenv("SHOW_PAGE"))
			fprintf(stderr, "%s----\n", shown);
		assert_non_null(strstr(shown, dim->name));
		assert_non_null(strstr(shown, "4 de gemeente"));
		free(shown);
		agreed = line_with(&u.page, "Agreed:", &at);
		assert_non_null(agreed);
		assert_non_null(strstr(agreed, "last time: 1 → 2"));
		assert_true(utf8_width(agreed, strlen(agreed)) <= 80);
		free(agreed);
		with_lines = u.page.n;
		u.s->baseline->state = BASELINE_MISSING; /* the same page, compared with nothing */
		u.stale = true;
		ui_build_page(&u);
		assert_int_equal(u.page.n, with_lines);
		free(line_with(&u.page, "Agreed:", &at_without));
		assert_int_equal(at, at_without);
		u.s->baseline->state = BASELINE_OK;
	}
	ui_free(&u);
	session_free(u.s);
}

/* Returns the line of the summary's chart of row NAME (malloc'd), or fails. */
static char *chart_line(const struct page *p, const char *name)
{
	for (size_t i = 0; i < p->n; i++) {
		char *line = line_text(p, i);

		if (strncmp(line + strspn(line, " "), name, strlen(name)) == 0)
			return line;
		free(line);
	}
	fail_msg("no chart line for %s", name);
	return NULL;
}

/* The summary marks, for each row compared, how the current and the target phase moved:
 * ↑ up, ↓ down, = the same (^ v = in ASCII), and last time's phases, and names the earlier
 * session; a row not agreed now shows no movement. */
static void test_summary_marks_the_movement_without_colour(void **state)
{
	struct ui u;
	const char *why;
	char *line;

	(void)state;
	start_following(&u, 80, 24, false);
	assert_true(session_set_current(u.s, content, 0, 2, &why)); /* content: 1 -> 2 was */
	assert_true(session_set_target(u.s, content, 0, 2, &why));
	assert_true(session_set_current(u.s, content, 1, 1, &why)); /* the same, and down */
	assert_true(session_set_target(u.s, content, 1, 1, &why));
	go(&u, STEP_SUMMARY, NULL);
	ui_build_page(&u);
	assert_true(page_contains(&u.page, "Compared with last time: “Nulmeting”, 15 Jan 2026"));
	line = chart_line(&u.page, content->dimensions[0].name);
	assert_non_null(strstr(line, "↑ =  1→2"));
	free(line);
	line = chart_line(&u.page, content->dimensions[1].name);
	assert_non_null(strstr(line, "= ↓  1→2"));
	free(line);
	line = chart_line(&u.page, content->dimensions[2].name);
	assert_non_null(strstr(line, "- -  1→2"));
	free(line);
	u.unicode = false;
	u.stale = true;
	ui_build_page(&u);
	line = chart_line(&u.page, content->dimensions[0].name);
	assert_non_null(strstr(line, "^ =  1>2"));
	free(line);
	ui_free(&u);
	session_free(u.s);
}

/* The step of last time's actions lists the open ones with owner and due date, the overdue
 * one marked; d, m and x (with j between) record done, carried over and dropped exactly,
 * carrying over makes an action of this session, and a key pressed again makes it open. */
static void test_followup_step_keys_record_outcomes(void **state)
{
	struct ui u;

	(void)state;
	start_following(&u, 80, 24, false);
	ui_move(&u, 0);
	assert_int_equal(u.c->steps[0].kind, STEP_FOLLOWUP);
	ui_build_page(&u);
	assert_true(page_contains(&u.page, "Last time's actions"));
	assert_true(page_contains(&u.page, "Webcarebeleid"));
	assert_true(page_contains(&u.page, "Anna, due 1 Mar 2026, overdue"));
	assert_true(page_contains(&u.page, "Bram, due 1 Jan 2099"));
	assert_false(page_contains(&u.page, "Al gedaan")); /* done then: not followed up */
	assert_true(page_contains(&u.page, "3 actions were left open; 3 still to decide."));
	ui_key(&u, 'd');  /* done; the selection moves on */
	ui_key(&u, 'm');  /* carried over */
	ui_key(&u, 'x');  /* dropped */
	assert_int_equal(u.s->followups[0].outcome, FOLLOWUP_DONE);
	assert_int_equal(u.s->followups[1].outcome, FOLLOWUP_CARRIED);
	assert_int_equal(u.s->followups[2].outcome, FOLLOWUP_DROPPED);
	assert_int_equal(u.s->n_actions, 1);
	assert_string_equal(u.s->actions[0].text, "Team trainen (from 15 Jan 2026)");
	ui_build_page(&u);
	assert_true(page_contains(&u.page, "[done]"));
	assert_true(page_contains(&u.page, "[carried over]"));
	assert_true(page_contains(&u.page, "[dropped]"));
	assert_true(page_contains(&u.page, "0 still to decide"));
	ui_key(&u, 'k');
	ui_key(&u, 'm'); /* again: open, and the carried action is taken back */
	assert_int_equal(u.s->followups[1].outcome, FOLLOWUP_OPEN);
	assert_int_equal(u.s->n_actions, 0);
	ui_free(&u);
	session_free(u.s);
}

/* Returns the style of the span of page P whose text holds TEXT; fails when none does. */
static enum style style_of(const struct page *p, const char *text)
{
	for (size_t i = 0; i < p->n; i++)
		for (size_t k = 0; k < p->lines[i].n; k++) {
			const struct span *sp = &p->lines[i].spans[k];
			char shown[256];

			snprintf(shown, sizeof(shown), "%.*s", (int)sp->len, sp->text);
			if (strstr(shown, text))
				return sp->style;
		}
	fail_msg("no span holds '%s'", text);
	return STYLE_NORMAL;
}

/* Only an action whose due date has passed is shown as overdue (in the warning style): not
 * one whose owner's name holds the word. */
static void test_overdue_style_follows_the_date_not_the_words(void **state)
{
	const char *why;
	struct ui u;

	(void)state;
	start_following(&u, 80, 24, false);
	assert_true(session_followup_add(u.s, &(struct action_fields){ "Later", NULL,
			"overdue Olga", "2099-06-01" }, FOLLOWUP_OPEN, &why));
	assert_true(session_followup_add(u.s, &(struct action_fields){ "Zonder datum", NULL,
			"Piet overdue", NULL }, FOLLOWUP_OPEN, &why));
	ui_move(&u, 0);
	ui_build_page(&u);
	assert_int_equal(style_of(&u.page, "Anna, due 1 Mar 2026, overdue"), STYLE_WARNING);
	assert_int_equal(style_of(&u.page, "Bram, due 1 Jan 2099"), STYLE_NORMAL);
	assert_int_equal(style_of(&u.page, "overdue Olga, due 1 Jun 2099"), STYLE_NORMAL);
	assert_int_equal(style_of(&u.page, "Piet overdue"), STYLE_NORMAL);
	ui_free(&u);
	session_free(u.s);
}

/* In --review the step shows the decisions and invites none: d changes nothing. */
static void test_followup_step_in_review_changes_nothing(void **state)
{
	struct ui u;
	struct page hints = { .focus_top = -1, .focus_bottom = -1 };

	(void)state;
	start_following(&u, 80, 24, true);
	ui_move(&u, 0);
	ui_key(&u, 'd');
	assert_int_equal(u.s->followups[0].outcome, FOLLOWUP_OPEN);
	assert_true(strstr(u.message, "Read-only") != NULL);
	u.hints = true;
	ui_hints(&hints, &u);
	assert_false(page_contains(&hints, "d done"));
	page_clear(&hints);
	ui_free(&u);
	session_free(u.s);
}

/* Opening a session with --baseline puts the step of last time's actions first (the
 * interface's content becomes the almanac with that step); every other step keeps its id. */
static void test_opening_with_a_baseline_puts_its_step_first(void **state)
{
	char path[300];
	struct diag d;
	struct ui u;

	(void)state;
	snprintf(path, sizeof(path), "%s/vervolg.yaml", folder);
	assert_true(ui_init(&u, content, false, false, true));
	assert_true(ui_open_session(&u, path, earlier, 0, &d));
	assert_true(u.c != content);
	assert_true(u.c == u.own_content);
	assert_int_equal(u.c->n_steps, content->n_steps + 1);
	assert_string_equal(u.c->steps[0].id, "follow-up");
	for (size_t i = 0; i < content->n_steps; i++)
		assert_string_equal(u.c->steps[i + 1].id, content->steps[i].id);
	assert_int_equal(u.s->n_followups, 3);
	assert_int_equal(u.s->position, 0);
	assert_string_equal(u.s->baseline->path, "nulmeting.yaml");
	store_close(u.f);
	session_free(u.s);
	ui_free(&u);
	/* a session without one is opened with the content as it is */
	snprintf(path, sizeof(path), "%s/los.yaml", folder);
	assert_true(ui_init(&u, content, false, false, true));
	assert_true(ui_open_session(&u, path, NULL, 0, &d));
	assert_true(u.c == content);
	assert_null(u.own_content);
	store_close(u.f);
	session_free(u.s);
	ui_free(&u);
}

/* On the start screen, f on an earlier session opens the title form of a new session that
 * follows it up: made in the same folder, it names the earlier one by its bare name, takes
 * its organisation and group, and starts with last time's open actions. */
static void test_start_screen_f_follows_up_the_selected_session(void **state)
{
	char home[300], sessions[400], path[500];
	struct start st = { 0 };
	struct diag d;
	struct ui u;

	(void)state;
	snprintf(home, sizeof(home), "%s/home", folder);
	assert_int_equal(setenv("XDG_DATA_HOME", home, 1), 0);
	assert_true(store_default_dir(sessions, sizeof(sessions), &d));
	snprintf(path, sizeof(path), "%s/nulmeting-2026.yaml", sessions);
	write_earlier(path);
	assert_true(ui_init(&u, content, false, false, true));
	start_init(&st, &u);
	assert_int_equal(st.n, 1);
	assert_int_equal(start_key(&st, &u, 'f'), 0);
	assert_true(st.naming);
	assert_string_equal(st.form.title, "New session, following “Nulmeting” of 15 Jan 2026");
	for (const char *k = "Vervolg"; *k; k++)
		assert_int_equal(start_key(&st, &u, *k), 0);
	assert_int_equal(start_key(&st, &u, ENTER_KEY), 1);
	assert_string_equal(u.s->meta[META_TITLE], "Vervolg");
	assert_string_equal(u.s->meta[META_ORGANISATION], "Gemeente Voorbeeld");
	assert_string_equal(u.s->meta[META_GROUP], "Team communicatie");
	assert_string_equal(u.s->baseline->path, "nulmeting-2026.yaml");
	assert_true(baseline_in_use(u.s));
	assert_int_equal(u.s->n_followups, 3);
	assert_int_equal(u.c->steps[0].kind, STEP_FOLLOWUP);
	assert_int_equal(u.s->position, 0);
	start_free(&st);
	store_close(u.f);
	session_free(u.s);
	ui_free(&u);
	/* n still makes a session that follows none */
	assert_true(ui_init(&u, content, false, false, true));
	memset(&st, 0, sizeof(st));
	start_init(&st, &u);
	assert_int_equal(start_key(&st, &u, 'n'), 0);
	assert_string_equal(st.form.title, "New session");
	for (const char *k = "Los"; *k; k++)
		assert_int_equal(start_key(&st, &u, *k), 0);
	assert_int_equal(start_key(&st, &u, ENTER_KEY), 1);
	assert_null(u.s->baseline);
	assert_true(u.c == content);
	start_free(&st);
	store_close(u.f);
	session_free(u.s);
	ui_free(&u);
}

/* The room's view (--follow) of a session that follows an earlier one shows the step of last
 * time's actions as the facilitator's does, and never invites a decision. */
static void test_follower_shows_last_times_actions(void **state)
{
	static const char text[] = "meetlat_session: 1\ntitle: \"Vervolg\"\n"
				   "content: {id: sociale-media-almanak}\nposition: \"follow-up\"\n"
				   "baseline: {path: \"nulmeting.yaml\"}\n";
	struct follower fw;
	char path[300];
	struct diag d;
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "%s/gevolgd.yaml", folder);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	assert_true(follower_start(&fw, content, path, true, 80, 24, &d));
	assert_int_equal(fw.ui.c->steps[0].kind, STEP_FOLLOWUP);
	assert_int_equal(fw.ui.s->position, 0);
	ui_build_page(&fw.ui);
	assert_true(page_contains(&fw.ui.page, "Last time's actions"));
	assert_true(page_contains(&fw.ui.page, "Webcarebeleid"));
	assert_false(page_contains(&fw.ui.page, "▶"));
	follower_free(&fw);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_score_page_with_last_time_fits_80x24),
		cmocka_unit_test(test_summary_marks_the_movement_without_colour),
		cmocka_unit_test(test_followup_step_keys_record_outcomes),
		cmocka_unit_test(test_overdue_style_follows_the_date_not_the_words),
		cmocka_unit_test(test_followup_step_in_review_changes_nothing),
		cmocka_unit_test(test_opening_with_a_baseline_puts_its_step_first),
		cmocka_unit_test(test_start_screen_f_follows_up_the_selected_session),
		cmocka_unit_test(test_follower_shows_last_times_actions),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, setup, teardown);
}
