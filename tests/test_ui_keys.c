/* test_ui_keys.c - key sequences through the key handler (ui_key) on the interface's state,
 * when the loop must wake up without a key (ui_next_wake),
 * without a terminal: scoring a row, moving, the overlays, the forms and the questions, dates
 * typed the Dutch way, what read-only refuses, and the start screen. Each test starts on a new session in preview (nothing is written)
 * on the built-in almanac, at 80x24, with a clock that stands still. */
#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "keys.h"
#include "start.h"
#include "ui.h"
#include "utf8.h"
#include "wrap.h"
#include "builtin_content.h"
#include "file_check.h"
#include "page_check.h"
#include "temp_session.h"
#include "ui_fixture.h"

#define ENTER '\r'
#define ESC UI_KEY_ESC

static int setup(void **state)
{
	*state = ui_fixture_new("Keys", false);
	return 0;
}

static int setup_read_only(void **state)
{
	*state = ui_fixture_new("Keys", true);
	return 0;
}

static int teardown(void **state)
{
	ui_fixture_free(*state);
	return 0;
}

/* Types the characters of TEXT (one key each, ASCII). */
static void type(struct ui *u, const char *text)
{
	for (; *text; text++)
		ui_key(u, (unsigned char)*text);
}

/* Types the keys of KEYS (0-terminated). */
static void keys(struct ui *u, const int *k)
{
	for (; *k; k++)
		ui_key(u, *k);
}

/* Returns the first step of KIND scoring row ID (NULL: any), failing when there is none. */
static size_t step_of(enum step_kind kind, const char *id)
{
	for (size_t i = 0; i < content->n_steps; i++)
		if (content->steps[i].kind == kind &&
		    (!id || strcmp(content->dimensions[content->steps[i].dimension].id, id) == 0))
			return i;
	fail_msg("no such step");
	return 0;
}

/* Goes to the scoring step of row ID and returns the row's index. */
static size_t on_row(struct ui *u, const char *id)
{
	ui_move(u, step_of(STEP_SCORE, id));
	return u->c->steps[u->s->position].dimension;
}

static void test_votes_reveal_and_agreement(void **state)
{
	struct ui *u = *state;
	size_t dim = on_row(u, "content");
	const struct session_score *sc = &u->s->scores[dim];

	type(u, "332rc3t4");
	assert_int_equal(sc->n_votes, 3);
	assert_int_equal(sc->votes[0], 3);
	assert_int_equal(sc->votes[1], 3);
	assert_int_equal(sc->votes[2], 2);
	assert_true(u->revealed[dim]);
	assert_int_equal(sc->current, 3);
	assert_int_equal(sc->target, 4);
	assert_int_equal(u->pending, 0);
	assert_int_equal(u->overlay, OV_NONE);
	type(u, "r");
	assert_false(u->revealed[dim]);
}

static void test_undo_and_refused_digits(void **state)
{
	struct ui *u = *state;
	size_t dim = on_row(u, "context");
	const struct session_score *sc = &u->s->scores[dim];

	type(u, "149u");
	assert_int_equal(sc->n_votes, 1); /* 9 names no phase; u took back the 4 */
	assert_int_equal(sc->votes[0], 1);
	assert_string_equal(u->message, "Last vote undone: 1 left.");
	type(u, "9");
	assert_string_equal(u->message, "There is no phase 9: the phases are 1-4.");
	type(u, "c9");
	assert_int_equal(sc->current, 0);
	assert_string_equal(u->message, "Not done: there is no such phase");
}

static void test_pending_digit_is_cancelled_by_another_key(void **state)
{
	struct ui *u = *state;
	size_t dim = on_row(u, "content");

	type(u, "c");
	assert_int_equal(u->pending, 'c');
	ui_key(u, ESC);
	assert_int_equal(u->pending, 0);
	assert_string_equal(u->message, "Cancelled.");
	type(u, "3"); /* now a vote, not the current phase */
	assert_int_equal(u->s->scores[dim].current, 0);
	assert_int_equal(u->s->scores[dim].n_votes, 1);
	type(u, "c3c0");
	assert_int_equal(u->s->scores[dim].current, 0); /* c then 0 clears it */
}

static void test_target_below_current_asks_first(void **state)
{
	struct ui *u = *state;
	size_t dim = on_row(u, "content");

	type(u, "c3t2");
	assert_int_equal(u->overlay, OV_CONFIRM);
	assert_non_null(strstr(u->question, "The target (2) lies below the current phase (3)"));
	type(u, "n");
	assert_int_equal(u->overlay, OV_NONE);
	assert_int_equal(u->s->scores[dim].target, 0);
	type(u, "t2y");
	assert_int_equal(u->overlay, OV_NONE);
	assert_int_equal(u->s->scores[dim].target, 2);
}

static void test_scoring_keys_off_a_scoring_step(void **state)
{
	struct ui *u = *state;

	assert_int_equal(u->s->position, 0);
	type(u, "3r");
	for (size_t d = 0; d < u->c->n_dimensions; d++)
		assert_int_equal(u->s->scores[d].n_votes, 0);
	assert_string_equal(u->message, "Scoring happens on a row's step (o shows the steps).");
}

static void test_moving_through_the_agenda(void **state)
{
	struct ui *u = *state;
	size_t last = u->c->n_steps - 1;

	keys(u, (const int[]){ UI_KEY_RIGHT, UI_KEY_PAGE_DOWN, 'l', 0 });
	assert_int_equal(u->s->position, 3);
	keys(u, (const int[]){ UI_KEY_LEFT, UI_KEY_DEL, 0 });
	assert_int_equal(u->s->position, 1);
	keys(u, (const int[]){ UI_KEY_END, 0 });
	assert_int_equal(u->s->position, last);
	keys(u, (const int[]){ UI_KEY_RIGHT, 0 });
	assert_int_equal(u->s->position, last); /* no step after the last */
	keys(u, (const int[]){ 'g', 0 });
	assert_int_equal(u->s->position, 0);
	type(u, "h");
	assert_int_equal(u->s->position, 0);
	keys(u, (const int[]){ 'G', UI_KEY_HOME, 0 });
	assert_int_equal(u->s->position, 0);
}

static void test_space_shows_the_rest_then_moves_on(void **state)
{
	struct ui *u = *state;
	size_t phase = 0;

	while (u->c->steps[phase].kind != STEP_PHASE || u->c->steps[phase].phase != 4)
		phase++;
	ui_move(u, phase);
	ui_build_page(u);
	assert_true((int)u->page.n > u->l.body_rows); /* phase 4's text is longer than a screen */
	type(u, " ");
	assert_int_equal(u->s->position, phase);
	assert_int_equal(u->scroll, u->l.body_rows - 1);
	while (u->s->position == phase) {
		ui_build_page(u);
		type(u, " ");
	}
	assert_int_equal(u->s->position, phase + 1);
	assert_int_equal(u->scroll, 0);
}

static void test_table_selection_and_enter(void **state)
{
	struct ui *u = *state;

	ui_move(u, step_of(STEP_TABLE, NULL));
	keys(u, (const int[]){ 'j', UI_KEY_DOWN, 'k', 'j', 0 });
	assert_int_equal(u->table_row, 2);
	type(u, "\r");
	assert_int_equal(u->s->position, step_of(STEP_SCORE, u->c->dimensions[2].id));
}

static void test_overview_jumps_and_closes(void **state)
{
	struct ui *u = *state;

	type(u, "o");
	assert_int_equal(u->overlay, OV_OVERVIEW);
	assert_int_equal(u->selected, 0);
	keys(u, (const int[]){ 'j', UI_KEY_DOWN, UI_KEY_DOWN, UI_KEY_UP, ENTER, 0 });
	assert_int_equal(u->overlay, OV_NONE);
	assert_int_equal(u->s->position, 2);
	type(u, "oq");
	assert_int_equal(u->overlay, OV_NONE);
	assert_false(u->quit); /* q closed the list; it did not quit */
	keys(u, (const int[]){ 'o', ESC, 0 });
	assert_int_equal(u->overlay, OV_NONE);
	assert_int_equal(u->s->position, 2);
}

static void test_help_scrolls_and_any_key_closes_it(void **state)
{
	struct ui *u = *state;

	type(u, "?");
	assert_int_equal(u->overlay, OV_HELP);
	keys(u, (const int[]){ 'j', UI_KEY_DOWN, 'k', 0 });
	assert_int_equal(u->overlay_scroll, 1);
	type(u, "x");
	assert_int_equal(u->overlay, OV_NONE);
	assert_true(u->uncovered); /* the body is painted whole again */
	assert_int_equal(u->s->position, 0);
}

static void test_action_form_checks_then_saves(void **state)
{
	struct ui *u = *state;
	size_t dim = on_row(u, "conversatie");
	const struct session_action *act;

	type(u, "aBel de raad\tPiet\t2027-13-01\r");
	assert_int_equal(u->overlay, OV_FORM); /* no such date: the form stays */
	assert_string_equal(u->form.error, "Due date: the month must be 1 to 12");
	assert_int_equal(u->form.focus, 2); /* the refused field has the focus */
	keys(u, (const int[]){ UI_KEY_CTRL('u'), 0 });
	type(u, "2027-01-15\r");
	assert_int_equal(u->overlay, OV_NONE);
	assert_int_equal(u->s->n_actions, 1);
	act = &u->s->actions[0];
	assert_string_equal(act->text, "Bel de raad");
	assert_string_equal(act->owner, "Piet");
	assert_string_equal(act->due, "2027-01-15");
	assert_string_equal(act->dimension, u->c->dimensions[dim].id); /* the row scored */
}

static void test_action_form_row_field_and_cancel(void **state)
{
	struct ui *u = *state;

	type(u, "aIets");
	keys(u, (const int[]){ UI_KEY_BACK_TAB, UI_KEY_RIGHT, UI_KEY_RIGHT, UI_KEY_LEFT, 0 });
	assert_int_equal(u->form.focus, 3);
	assert_int_equal(u->form.fields[3].row, 0); /* from the workshop (-1) on to row 1 */
	type(u, "\x1by");
	assert_int_equal(u->overlay, OV_NONE);
	assert_int_equal(u->s->n_actions, 0); /* Esc changed nothing */
	type(u, "a\r");
	assert_int_equal(u->overlay, OV_FORM); /* an action needs a text */
	assert_non_null(strstr(u->form.error, "Not saved: "));
}

static void test_note_form_edits_and_esc_keeps_the_old(void **state)
{
	struct ui *u = *state;
	size_t dim = on_row(u, "content");

	type(u, "nEerst dit");
	keys(u, (const int[]){ UI_KEY_CTRL('w'), 0 });
	type(u, "dat\r");
	assert_string_equal(u->s->scores[dim].note, "Eerst dat");
	type(u, "n");
	keys(u, (const int[]){ UI_KEY_HOME, UI_KEY_DELETE, ESC, 'j', 0 });
	assert_string_equal(u->s->scores[dim].note, "Eerst dat");
	type(u, "n");
	keys(u, (const int[]){ UI_KEY_HOME, UI_KEY_DELETE, 'F', ENTER, 0 });
	assert_string_equal(u->s->scores[dim].note, "Ferst dat");
}

static void test_details_form_refuses_without_changing(void **state)
{
	struct ui *u = *state;

	type(u, "e");
	keys(u, (const int[]){ UI_KEY_CTRL('u'), 0 });
	type(u, "Nieuwe titel");
	keys(u, (const int[]){ UI_KEY_UP, 0 }); /* to Participants, the last field */
	type(u, "x\r");
	assert_int_equal(u->overlay, OV_FORM);
	assert_string_equal(u->form.error, "Participants: write a whole number");
	type(u, "\x1by");
	assert_string_equal(u->s->meta[META_TITLE], "Keys");
	type(u, "e");
	keys(u, (const int[]){ UI_KEY_CTRL('u'), 0 });
	type(u, "Nieuwe titel\r");
	assert_string_equal(u->s->meta[META_TITLE], "Nieuwe titel");
}

static void test_esc_on_typed_text_asks_before_discarding(void **state)
{
	struct ui *u = *state;

	type(u, "aBel de raad");
	keys(u, (const int[]){ ESC, 0 });
	assert_int_equal(u->overlay, OV_FORM); /* typed text: Esc asks first */
	assert_true(u->form.discarding);
	assert_string_equal(u->form.question, "Discard what you typed?");
	ui_build_overlay(u);
	assert_true(page_contains(&u->overlay_page, "Discard what you typed?"));
	assert_true(page_contains(&u->overlay_page, "y/j yes"));
	type(u, "n"); /* no: back to the form, its text kept */
	assert_int_equal(u->overlay, OV_FORM);
	assert_false(u->form.discarding);
	assert_string_equal(u->form.fields[0].editor.text, "Bel de raad");
	type(u, " nu");
	keys(u, (const int[]){ ESC, 'y', 0 });
	assert_int_equal(u->overlay, OV_NONE);
	assert_int_equal(u->s->n_actions, 0);
	/* typed, then taken back: nothing differs from what the form was given */
	type(u, "ax");
	keys(u, (const int[]){ UI_KEY_BACKSPACE, ESC, 0 });
	assert_int_equal(u->overlay, OV_NONE);
	/* Home and End in the row field: the first and the last of its list */
	type(u, "a");
	keys(u, (const int[]){ UI_KEY_BACK_TAB, UI_KEY_END, 0 });
	assert_int_equal(u->form.fields[3].row, (long)u->c->n_dimensions - 1);
	keys(u, (const int[]){ UI_KEY_HOME, 0 });
	assert_int_equal(u->form.fields[3].row, -1);
	keys(u, (const int[]){ ESC, 0 }); /* back as it was given: nothing to ask */
	assert_int_equal(u->overlay, OV_NONE);
	/* the row chosen is a change too */
	type(u, "a");
	keys(u, (const int[]){ UI_KEY_BACK_TAB, UI_KEY_RIGHT, ESC, 0 });
	assert_int_equal(u->overlay, OV_FORM);
	type(u, "j");
	assert_int_equal(u->overlay, OV_NONE);
}

static void test_esc_on_an_untouched_form_closes_at_once(void **state)
{
	struct ui *u = *state;

	on_row(u, "content");
	type(u, "n");
	keys(u, (const int[]){ UI_KEY_TAB, UI_KEY_HOME, UI_KEY_END, ESC, 0 });
	assert_int_equal(u->overlay, OV_NONE); /* moving is not typing */
	type(u, "e");
	keys(u, (const int[]){ ESC, 0 });
	assert_int_equal(u->overlay, OV_NONE);
}

static void test_home_and_end_in_the_lists(void **state)
{
	struct ui *u = *state;

	ui_move(u, 3);
	type(u, "o");
	assert_int_equal(u->selected, 3);
	keys(u, (const int[]){ UI_KEY_END, 0 });
	assert_int_equal(u->selected, u->c->n_steps - 1);
	keys(u, (const int[]){ UI_KEY_HOME, 0 });
	assert_int_equal(u->selected, 0);
	type(u, "G");
	assert_int_equal(u->selected, u->c->n_steps - 1);
	type(u, "g\r");
	assert_int_equal(u->overlay, OV_NONE);
	assert_int_equal(u->s->position, 0);
	type(u, "aeen\raander\raderde\rA");
	assert_int_equal(u->overlay, OV_ACTIONS);
	keys(u, (const int[]){ UI_KEY_END, 0 });
	assert_int_equal(u->selected, 2);
	keys(u, (const int[]){ UI_KEY_HOME, 0 });
	assert_int_equal(u->selected, 0);
	type(u, "?"); /* the help: Home and End go to its top and bottom */
	type(u, "q?");
	assert_int_equal(u->overlay, OV_HELP);
	ui_build_overlay(u); /* as the painter does before the next key */
	keys(u, (const int[]){ UI_KEY_END, 0 });
	assert_true(u->overlay_scroll > 0);
	assert_int_equal(u->overlay_scroll, (int)u->overlay_page.n - (u->l.box_height - 2));
	keys(u, (const int[]){ UI_KEY_HOME, 0 });
	assert_int_equal(u->overlay_scroll, 0);
	assert_int_equal(u->overlay, OV_HELP);
}

static void test_s_opens_the_summary_over_the_step_and_esc_returns(void **state)
{
	struct ui *u = *state;
	size_t dim = on_row(u, "conversatie"), step = u->s->position;

	type(u, "3");
	type(u, "s");
	assert_int_equal(u->overlay, OV_SUMMARY); /* over the step, not a move */
	assert_int_equal(u->s->position, step);
	ui_build_overlay(u);
	assert_true(u->overlay_page.n > 0);
	keys(u, (const int[]){ UI_KEY_DOWN, ' ', 0 }); /* scrolling stays in the summary */
	assert_int_equal(u->overlay, OV_SUMMARY);
	keys(u, (const int[]){ ESC, 0 });
	assert_int_equal(u->overlay, OV_NONE);
	assert_int_equal(u->s->position, step);
	assert_true(u->uncovered); /* the step is painted whole again */
	assert_int_equal(u->s->scores[dim].n_votes, 1);
	type(u, "s");
	keys(u, (const int[]){ UI_KEY_LEFT, 0 }); /* another key closes it too, doing nothing */
	assert_int_equal(u->overlay, OV_NONE);
	assert_int_equal(u->s->position, step);
}

static void test_a_long_question_wraps_inside_its_box(void **state)
{
	struct ui *u = *state;
	static const char text[] = "Vraag het team communicatie om elke week de reacties op de "
				   "gemeentelijke kanalen samen te vatten voor de raad";
	char joined[512] = "";

	type(u, "a");
	type(u, text);
	type(u, "\rAd");
	assert_int_equal(u->overlay, OV_CONFIRM);
	ui_build_overlay(u);
	assert_int_equal((int)u->overlay_page.n, ui_overlay_height(u));
	assert_true(ui_overlay_height(u) > 7); /* two lines of question or more */
	for (size_t i = 0; i < u->overlay_page.n; i++)
		for (size_t k = 0; k < u->overlay_page.lines[i].n; k++) {
			const struct span *sp = &u->overlay_page.lines[i].spans[k];

			/* inside the border and the margin of the box */
			assert_true(sp->x >= 2);
			assert_true(sp->x + (int)utf8_width(sp->text, sp->len) <= u->l.box_width - 2);
			if (sp->style == STYLE_WARNING) {
				strncat(joined, sp->text, sp->len);
				strcat(joined, " ");
			}
		}
	assert_non_null(strstr(joined, text) ? joined : NULL);
	assert_true(page_contains(&u->overlay_page, "y/j yes"));
	type(u, "j");
	assert_int_equal(u->s->n_actions, 0);
}

static void test_i_shows_a_line_of_hints_for_the_step(void **state)
{
	struct ui *u = *state;
	struct page p = { .focus_top = -1, .focus_bottom = -1 };

	ui_hints(&p, u);
	assert_int_equal(p.n, 0); /* none until asked for */
	type(u, "i");
	assert_true(u->hints);
	ui_hints(&p, u);
	assert_true(p.n >= 1);
	assert_true(page_contains(&p, "? shows the keys"));
	assert_false(page_contains(&p, "1-9 adds a vote"));
	page_clear(&p);
	on_row(u, "content");
	ui_hints(&p, u);
	assert_true(page_contains(&p, "1-9 adds a vote for that phase"));
	page_clear(&p);
	type(u, "?"); /* ? stays the full help; the line waits under it */
	assert_int_equal(u->overlay, OV_HELP);
	ui_hints(&p, u);
	assert_int_equal(p.n, 0);
	type(u, "xi");
	assert_false(u->hints);
	assert_true(u->uncovered); /* the body's line under it is painted again */
	ui_hints(&p, u);
	assert_int_equal(p.n, 0);
}

/* p shows the presenter panel in the body: the hidden votes per phase, which the room's view
 * holds only the number of; p again shows the room's view; neither is recorded anywhere. */
static void test_p_toggles_the_presenter_panel(void **state)
{
	struct ui *u = *state;
	size_t dim = on_row(u, "content");
	enum session_showing showing = u->s->showing;

	type(u, "332");
	ui_build_page(u);
	assert_true(page_contains(&u->page, "3 votes, hidden"));
	assert_false(page_contains(&u->page, "phase 3: 2"));
	type(u, "p");
	assert_true(u->presenter);
	assert_int_equal(u->overlay, OV_NONE);
	assert_true(u->stale);
	ui_build_page(u);
	assert_true(page_contains(&u->page, "3 votes, hidden from the room"));
	assert_true(page_contains(&u->page, "phase 3: 2"));
	assert_true(page_contains(&u->page, "phase 2: 1"));
	assert_true(page_contains(&u->page, "1-9 adds a vote for that phase"));
	assert_true(page_contains(&u->page, "p shows the room's view again."));
	assert_false(u->revealed[dim]); /* the room still sees only the number */
	type(u, "3"); /* the keys of the step still work, and the panel follows them */
	ui_build_page(u);
	assert_true(page_contains(&u->page, "4 votes, hidden from the room"));
	assert_true(page_contains(&u->page, "phase 3: 3"));
	type(u, "p");
	assert_false(u->presenter);
	ui_build_page(u);
	assert_true(page_contains(&u->page, "4 votes, hidden"));
	assert_false(page_contains(&u->page, "phase 3: 3"));
	assert_int_equal(u->s->showing, showing);
}

/* p and p again return to the room's view where it was scrolled (and to the panel where it
 * was); i's line of keys is not shown twice: the panel lists them, so the line waits until
 * the room's view is back; a move to another step starts both views at their top. */
static void test_p_keeps_each_views_scroll_and_shows_the_keys_once(void **state)
{
	struct ui *u = *state;
	struct page p = { .focus_top = -1, .focus_bottom = -1 };
	int scrolled;

	ui_move(u, step_of(STEP_PHASE, NULL));
	ui_build_page(u);
	assert_true((int)u->page.n > u->l.body_rows); /* a step that scrolls at 80x24 */
	keys(u, (const int[]){ UI_KEY_DOWN, UI_KEY_DOWN, UI_KEY_DOWN, 0 });
	ui_build_page(u);
	scrolled = u->scroll;
	assert_true(scrolled > 0);
	type(u, "ip");
	ui_build_page(u);
	assert_int_equal(u->scroll, 0);
	assert_true(page_contains(&u->page, "? shows the keys"));
	ui_hints(&p, u);
	assert_int_equal(p.n, 0); /* the panel holds them already */
	type(u, "p");
	ui_build_page(u);
	assert_int_equal(u->scroll, scrolled);
	ui_hints(&p, u);
	assert_true(page_contains(&p, "? shows the keys"));
	page_clear(&p);
	type(u, "p");
	ui_move(u, u->s->position + 1);
	type(u, "p");
	ui_build_page(u);
	assert_int_equal(u->scroll, 0);
}

/* On a session file: p and p again save nothing (the file keeps its bytes' mtime), and the
 * panel's clock rebuilds it each second while the room's view is not rebuilt for it. */
static void test_p_writes_nothing_to_the_session(void **state)
{
	struct ui *u = *state;
	struct session *preview_session = u->s;
	struct temp_session t;
	long long saved;

	temp_session_open(&t, "meetlat-presenter", content, &u->f, &u->s);
	u->preview = false;
	ui_begin(u);
	on_row(u, "content");
	type(u, "2");
	assert_true(ui_save_change(u));
	assert_false(u->s->dirty);
	saved = mtime_of(t.path);
	type(u, "p");
	ui_build_page(u);
	assert_false(ui_save_change(u));
	assert_false(u->s->dirty);
	assert_true(page_clock_shown(&u->page, u->scroll, u->l.body_rows));
	assert_true(ui_wait_ms(u) <= 1001); /* wakes for the panel's next second */
	clock_now += 1;
	assert_true(ui_tick(u));
	assert_true(u->stale); /* the panel's clocks are built again */
	ui_build_page(u);
	type(u, "p");
	ui_build_page(u);
	assert_false(ui_save_change(u));
	assert_int_equal(mtime_of(t.path), saved);
	clock_now += 1;
	assert_true(ui_tick(u));
	assert_false(u->stale); /* the room's view has no clock to build again */
	store_close(u->f);
	u->f = NULL;
	session_free(u->s);
	u->s = preview_session;
	temp_session_remove(&t);
}

/* A change is painted before it is saved, and until ui_save_change has saved it the status
 * line says "saving", never "saved"; after the save the file holds it and the line says
 * "saved". */
static void test_a_change_shows_saving_until_it_is_on_disk(void **state)
{
	struct ui *u = *state;
	struct session *preview_session = u->s, *back;
	struct page p = { .focus_top = -1, .focus_bottom = -1 };
	struct store_file *f;
	struct temp_session t;
	struct diag d;

	temp_session_open(&t, "meetlat-saving", content, &u->f, &u->s);
	u->preview = false;
	ui_begin(u);
	on_row(u, "content");
	type(u, "3");
	ui_status(&p, u);
	assert_true(page_contains(&p, "saving"));
	assert_false(page_contains(&p, "saved"));
	page_clear(&p);
	assert_true(ui_save_change(u));
	ui_status(&p, u);
	assert_true(page_contains(&p, "saved"));
	page_clear(&p);
	store_close(u->f);
	u->f = NULL;
	assert_true(store_open(t.path, content, STORE_READ_ONLY, &f, &back, &d));
	assert_int_equal(back->scores[content_dimension_index(content, "content")].n_votes, 1);
	store_close(f);
	session_free(back);
	session_free(u->s);
	u->s = preview_session;
	temp_session_remove(&t);
}

/* In --review p shows the panel too, with no key that edits. */
static void test_p_in_review_shows_no_editing_keys(void **state)
{
	struct ui *u = *state;

	on_row(u, "content");
	type(u, "p");
	assert_true(u->presenter);
	ui_build_page(u);
	assert_true(page_contains(&u->page, "0 votes, hidden from the room"));
	assert_true(page_contains(&u->page, "p shows the room's view again."));
	assert_false(page_contains(&u->page, "1-9 adds"));
	assert_false(page_contains(&u->page, "writes a note"));
	type(u, "p");
	assert_false(u->presenter);
}

/* Adds an action with TEXT through the form. */
static void add_action(struct ui *u, const char *text)
{
	type(u, "a");
	type(u, text);
	type(u, "\r");
}

static void test_action_list_toggle_delete_and_confirm(void **state)
{
	struct ui *u = *state;

	add_action(u, "Een");
	add_action(u, "Twee");
	type(u, "Aj ");
	assert_int_equal(u->overlay, OV_ACTIONS);
	assert_int_equal(u->selected, 1);
	assert_true(u->s->actions[1].done);
	type(u, " ");
	assert_false(u->s->actions[1].done);
	type(u, "dn");
	assert_int_equal(u->overlay, OV_ACTIONS); /* back to the list, nothing deleted */
	assert_int_equal(u->s->n_actions, 2);
	keys(u, (const int[]){ UI_KEY_DELETE, 'y', 0 });
	assert_int_equal(u->overlay, OV_ACTIONS);
	assert_int_equal(u->s->n_actions, 1);
	assert_int_equal(u->selected, 0); /* the selection follows */
	assert_string_equal(u->s->actions[0].text, "Een");
	type(u, "\r");
	assert_int_equal(u->overlay, OV_FORM); /* Enter edits the action */
	keys(u, (const int[]){ UI_KEY_END, 0 });
	type(u, "s\r");
	assert_int_equal(u->overlay, OV_ACTIONS);
	assert_string_equal(u->s->actions[0].text, "Eens");
	type(u, "q");
	assert_int_equal(u->overlay, OV_NONE);
}

/* ---- dates in the forms ---------------------------------------------------------------- */

enum { DUE_FIELD = 2, DATE_FIELD = 4 };

/* Opens the action form with today set to TODAY and types TEXT, OWNER and DUE into its fields
 * (Tab between them), then Enter. */
static void add_action_due(struct ui *u, const char *today, const char *text, const char *due)
{
	type(u, "a");
	assert_int_equal(u->overlay, OV_FORM);
	snprintf(u->form.today, sizeof(u->form.today), "%s", today);
	type(u, text);
	type(u, "\t\t");
	type(u, due);
	type(u, "\r");
}

static void test_due_date_typed_the_dutch_way_is_saved_as_iso(void **state)
{
	static const struct { const char *typed, *iso; } dates[] = {
		{ "15-1-2027", "2027-01-15" },    { "15-01-2027", "2027-01-15" },
		{ "15 januari 2027", "2027-01-15" }, { "3 mrt. 2027", "2027-03-03" },
		{ "2027-01-15", "2027-01-15" },   { "  ", "" },
	};
	struct ui *u = *state;

	for (size_t i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		add_action_due(u, "2026-12-01", "Bel de raad", dates[i].typed);
		assert_int_equal(u->overlay, OV_NONE); /* saved at once: no question, no error */
		assert_int_equal(u->s->n_actions, i + 1);
		assert_string_equal(u->s->actions[i].due, dates[i].iso);
	}
}

static void test_due_date_without_a_year_is_this_or_next_year(void **state)
{
	struct ui *u = *state;

	add_action_due(u, "2026-12-01", "Een", "15 jan");
	assert_string_equal(u->s->actions[0].due, "2027-01-15"); /* passed this year: next year */
	add_action_due(u, "2026-01-10", "Twee", "15 jan");
	assert_string_equal(u->s->actions[1].due, "2026-01-15");
	add_action_due(u, "2026-01-15", "Drie", "15 JAN.");
	assert_string_equal(u->s->actions[2].due, "2026-01-15"); /* today itself: this year */
	assert_int_equal(u->overlay, OV_NONE);
}

static void test_a_date_read_two_ways_is_refused_with_its_reason(void **state)
{
	struct ui *u = *state;
	char iso[DATE_ISO_SIZE], want[256];
	const char *why = date_parse("1/2", "2026-12-01", iso);

	assert_non_null(why);
	snprintf(want, sizeof(want), "Due date: %s", why);
	add_action_due(u, "2026-12-01", "Bel de raad", "1/2");
	assert_int_equal(u->overlay, OV_FORM);
	assert_int_equal(u->s->n_actions, 0); /* nothing saved */
	assert_string_equal(u->form.error, want);
	assert_non_null(strstr(u->form.error, "read two ways"));
	assert_int_equal(u->form.focus, DUE_FIELD);
	assert_string_equal(u->form.fields[DUE_FIELD].editor.text, "1/2"); /* kept to correct */
	ui_key(u, UI_KEY_TAB); /* leaving the field is refused too */
	assert_int_equal(u->form.focus, DUE_FIELD);
	keys(u, (const int[]){ UI_KEY_CTRL('u'), 0 });
	type(u, "1 feb 2027\r");
	assert_int_equal(u->overlay, OV_NONE);
	assert_string_equal(u->s->actions[0].due, "2027-02-01");
}

static void test_a_due_date_in_the_past_asks_first(void **state)
{
	struct ui *u = *state;

	add_action_due(u, "2026-12-01", "Te laat", "1-6-2026");
	assert_int_equal(u->overlay, OV_FORM);
	assert_true(u->form.asking);
	assert_string_equal(u->form.question, "The date 1 Jun 2026 lies in the past. Save it anyway?");
	assert_int_equal(u->s->n_actions, 0);
	type(u, "n"); /* no: back to the field, its text kept */
	assert_int_equal(u->overlay, OV_FORM);
	assert_false(u->form.asking);
	assert_int_equal(u->form.focus, DUE_FIELD);
	assert_string_equal(u->form.fields[DUE_FIELD].editor.text, "1-6-2026");
	assert_int_equal(u->s->n_actions, 0);
	type(u, "n"); /* now typed into the field again */
	assert_string_equal(u->form.fields[DUE_FIELD].editor.text, "1-6-2026n");
	keys(u, (const int[]){ UI_KEY_DEL, ENTER, 0 });
	assert_true(u->form.asking);
	type(u, "y");
	assert_int_equal(u->overlay, OV_NONE);
	assert_int_equal(u->s->n_actions, 1);
	assert_string_equal(u->s->actions[0].due, "2026-06-01");
	add_action_due(u, "2026-12-01", "Ook te laat", "30 november 2026");
	assert_true(u->form.asking); /* yesterday is in the past too */
	type(u, "j"); /* ja */
	assert_int_equal(u->overlay, OV_NONE);
	assert_int_equal(u->s->n_actions, 2);
	assert_string_equal(u->s->actions[1].due, "2026-11-30");
}

static void test_a_stored_date_is_shown_as_read_and_kept(void **state)
{
	struct ui *u = *state;

	add_action_due(u, "2026-12-01", "Een", "2020-03-01");
	type(u, "J"); /* long past, and saved */
	assert_string_equal(u->s->actions[0].due, "2020-03-01");
	type(u, "A\r");
	assert_int_equal(u->overlay, OV_FORM);
	assert_string_equal(u->form.fields[DUE_FIELD].editor.text, "1 Mar 2020");
	assert_int_equal(u->form.focus, 0);
	keys(u, (const int[]){ UI_KEY_END, 0 });
	type(u, "s\r"); /* only the text changed: the past date is not asked about again */
	assert_int_equal(u->overlay, OV_ACTIONS);
	assert_string_equal(u->s->actions[0].text, "Eens");
	assert_string_equal(u->s->actions[0].due, "2020-03-01");
}

static void test_the_session_date_reads_dutch_dates_and_never_asks(void **state)
{
	struct ui *u = *state;

	type(u, "e");
	snprintf(u->form.today, sizeof(u->form.today), "2026-12-01");
	while (u->form.focus != DATE_FIELD)
		ui_key(u, UI_KEY_TAB);
	keys(u, (const int[]){ UI_KEY_END, UI_KEY_CTRL('u'), 0 });
	type(u, "26-11-2026\r"); /* a session's date may well lie in the past */
	assert_int_equal(u->overlay, OV_NONE);
	assert_string_equal(u->s->meta[META_DATE], "2026-11-26");
	type(u, "e");
	assert_string_equal(u->form.fields[DATE_FIELD].editor.text, "26 Nov 2026");
	type(u, "\r");
	assert_string_equal(u->s->meta[META_DATE], "2026-11-26");
}

static void test_j_answers_yes_to_a_question(void **state)
{
	struct ui *u = *state;
	size_t dim = on_row(u, "content");

	type(u, "c3t2j");
	assert_int_equal(u->overlay, OV_NONE);
	assert_int_equal(u->s->scores[dim].target, 2);
	add_action(u, "Een");
	type(u, "AdJ");
	assert_int_equal(u->s->n_actions, 0);
}

static void test_quit_and_redraw(void **state)
{
	struct ui *u = *state;

	keys(u, (const int[]){ UI_KEY_CTRL('l'), 0 });
	assert_true(u->redraw);
	u->save_failed = true; /* as after a failed save */
	type(u, "q");
	assert_false(u->quit);
	assert_true(u->quit_armed);
	type(u, "j");
	assert_false(u->quit_armed); /* another key disarms it */
	type(u, "qq");
	assert_true(u->quit);
}

static void test_read_only_refuses_what_changes_the_session(void **state)
{
	struct ui *u = *state;
	size_t dim = on_row(u, "content");

	type(u, "3c3");
	assert_int_equal(u->s->scores[dim].n_votes, 0);
	assert_int_equal(u->s->scores[dim].current, 0);
	assert_string_equal(u->message, "Read-only review: nothing can be changed.");
	type(u, "aen");
	assert_int_equal(u->overlay, OV_NONE);
	type(u, "r"); /* showing the votes changes nothing: allowed */
	assert_true(u->revealed[dim]);
	type(u, "A ");
	assert_int_equal(u->overlay, OV_ACTIONS);
	assert_string_equal(u->message, "Read-only review: nothing can be changed.");
}

static void test_time_is_counted_on_the_step(void **state)
{
	struct ui *u = *state;

	clock_now += 75.5;
	type(u, " ");
	assert_int_equal(u->s->seconds[0], 75); /* whole seconds, counted when leaving */
	assert_int_equal(u->s->position, 1);
	clock_now += 3;
	ui_tick(u);
	assert_int_equal(u->s->seconds[1], 3);
}

static void test_mouse_wheel_and_overview_click(void **state)
{
	struct ui *u = *state;

	ui_move(u, step_of(STEP_TABLE, NULL));
	ui_wheel(u, 3);
	assert_int_equal(u->table_row, 3);
	type(u, "o");
	ui_build_overlay(u);
	ui_click(u, u->overlay_page.marks[4]);
	assert_int_equal(u->overlay, OV_NONE);
	assert_int_equal(u->s->position, 4);
}

/* ---- waking up: the loop sleeps until something shown or saved changes ----------------- */

static void test_wakes_for_the_next_second_of_a_clock_shown(void **state)
{
	struct ui *u = *state;

	assert_true(ui_status_clock_shown(u)); /* 80x24: the status line has room for it */
	assert_true(ui_next_wake(u) == 1001.0);
	clock_now += 0.4;
	assert_int_equal(ui_wait_ms(u), 601); /* rounded up: never woken before the second */
	clock_now += 0.6;
	assert_true(ui_tick(u));
	assert_int_equal(u->s->seconds[0], 1);
	assert_true(ui_next_wake(u) == 1002.0);
	assert_int_equal(ui_wait_ms(u), 1001);
}

static void test_sleeps_while_nothing_shown_can_change(void **state)
{
	struct ui *u = *state;

	ui_resize(u, 40, 12); /* the status line has no room for the clock */
	assert_false(ui_status_clock_shown(u));
	assert_true(ui_next_wake(u) == HUGE_VAL);
	assert_int_equal(ui_wait_ms(u), -1);
	type(u, "A"); /* the action list shows no clock */
	ui_build_overlay(u);
	assert_false(u->overlay_stale);
	clock_now += 5;
	assert_true(ui_tick(u)); /* time still counts, at the next wake-up */
	assert_false(u->overlay_stale);
	assert_int_equal(ui_wait_ms(u), -1);
	type(u, "a"); /* a form: nothing to save in a preview, no clock */
	assert_int_equal(ui_wait_ms(u), -1);
}

static void test_wakes_when_a_message_ends(void **state)
{
	struct ui *u = *state;

	ui_resize(u, 40, 12);
	ui_flash(u, false, "passing");
	assert_true(ui_next_wake(u) == 1004.0);
	assert_int_equal(ui_wait_ms(u), 4001);
	clock_now += 4;
	assert_int_equal(ui_wait_ms(u), -1); /* gone: nothing more to wait for */
}

static void test_a_clock_in_the_overlay_rebuilds_it_each_second(void **state)
{
	struct ui *u = *state;

	ui_resize(u, 100, 30);
	type(u, "o"); /* the overview shows the time of every step, this one's running */
	ui_build_overlay(u);
	assert_false(u->overlay_stale);
	assert_true(page_clock_shown(&u->overlay_page, u->overlay_scroll, u->l.box_height - 2));
	clock_now += 0.5;
	assert_false(ui_tick(u)); /* no whole second yet: nothing changed */
	assert_false(u->overlay_stale);
	clock_now += 0.5;
	assert_true(ui_tick(u));
	assert_true(u->overlay_stale);
}

static void test_save_due_retries_and_time_saves(void **state)
{
	struct ui *u = *state;

	u->preview = false; /* as a session with a file; nothing here saves */
	assert_true(ui_save_due(u) == 1000.0 + 60);
	clock_now += 2;
	ui_tick(u);
	assert_true(u->time_unsaved);
	assert_true(ui_save_due(u) == 1000.0 + 60);
	u->save_failed = true;
	u->retry_at = 1007.0;
	assert_true(ui_save_due(u) == 1007.0); /* a failed save waits for its retry only */
	assert_true(ui_next_wake(u) == 1003.0); /* the clock's next second comes first */
	u->preview = true;
	u->save_failed = false;
}

static void test_read_only_time_stands_still(void **state)
{
	struct ui *u = *state;

	assert_true(ui_status_clock_shown(u));
	assert_true(ui_next_wake(u) == HUGE_VAL); /* its clock does not run */
	assert_int_equal(ui_wait_ms(u), -1);
}

/* Removes PATH, whatever it is (for nftw). */
static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void test_start_screen_makes_a_new_session(void **state)
{
	char home[] = "/tmp/meetlat-start-XXXXXX";
	struct start st = { 0 };
	struct ui u;

	(void)state;
	assert_non_null(mkdtemp(home));
	assert_int_equal(setenv("XDG_DATA_HOME", home, 1), 0);
	assert_true(ui_init(&u, content, false, false, true));
	start_init(&st, &u);
	assert_string_equal(st.error, "");
	assert_int_equal(st.n, 0); /* an empty folder: only "a new session" */
	assert_int_equal(start_key(&st, &u, 'j'), 0);
	assert_int_equal(st.selected, 0);
	assert_int_equal(start_key(&st, &u, ENTER), 0);
	assert_true(st.naming);
	assert_int_equal(start_key(&st, &u, ESC), 0);
	assert_false(st.naming);
	assert_int_equal(start_key(&st, &u, 'n'), 0);
	assert_int_equal(start_key(&st, &u, ENTER), 0);
	assert_string_equal(st.form.error, "A session needs a title.");
	for (const char *k = "Workshop mei"; *k; k++)
		assert_int_equal(start_key(&st, &u, *k), 0);
	assert_int_equal(start_key(&st, &u, ENTER), 1);
	assert_non_null(u.s);
	assert_string_equal(u.s->meta[META_TITLE], "Workshop mei");
	assert_non_null(strstr(u.f->path, home));
	assert_non_null(strstr(u.f->path, "/meetlat/sessions/workshop-mei"));
	start_free(&st);
	store_close(u.f);
	session_free(u.s);
	ui_free(&u);
	assert_int_equal(nftw(home, remove_one, 8, FTW_DEPTH | FTW_PHYS), 0);
}

static void test_start_screen_home_and_end(void **state)
{
	struct start st = { .n = 3 }; /* three sessions listed (their entries are not read) */
	struct ui u;

	(void)state;
	assert_true(ui_init(&u, content, false, false, true));
	assert_int_equal(start_key(&st, &u, UI_KEY_END), 0);
	assert_int_equal(st.selected, 3); /* the last line: a new session */
	assert_int_equal(start_key(&st, &u, UI_KEY_HOME), 0);
	assert_int_equal(st.selected, 0);
	assert_int_equal(start_key(&st, &u, 'G'), 0);
	assert_int_equal(st.selected, 3);
	assert_int_equal(start_key(&st, &u, 'k'), 0);
	assert_int_equal(st.selected, 2);
	assert_int_equal(start_key(&st, &u, 'g'), 0);
	assert_int_equal(st.selected, 0);
	ui_free(&u);
}

static void test_start_screen_quits(void **state)
{
	struct start st = { 0 };
	struct ui u;

	(void)state;
	assert_int_equal(setenv("XDG_DATA_HOME", "relative/is/refused", 1), 0);
	assert_int_equal(unsetenv("HOME"), 0);
	assert_true(ui_init(&u, content, false, false, true));
	start_init(&st, &u);
	assert_non_null(strstr(st.error, "no folder for sessions"));
	assert_int_equal(start_key(&st, &u, 'n'), 0);
	assert_false(st.naming); /* no folder: no new session either; the error stays */
	assert_non_null(strstr(st.error, "no folder for sessions"));
	assert_int_equal(start_key(&st, &u, 'q'), -1);
	assert_null(u.s);
	start_free(&st);
	ui_free(&u);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_votes_reveal_and_agreement),
		T(test_undo_and_refused_digits),
		T(test_pending_digit_is_cancelled_by_another_key),
		T(test_target_below_current_asks_first),
		T(test_scoring_keys_off_a_scoring_step),
		T(test_moving_through_the_agenda),
		T(test_space_shows_the_rest_then_moves_on),
		T(test_table_selection_and_enter),
		T(test_overview_jumps_and_closes),
		T(test_help_scrolls_and_any_key_closes_it),
		T(test_action_form_checks_then_saves),
		T(test_action_form_row_field_and_cancel),
		T(test_note_form_edits_and_esc_keeps_the_old),
		T(test_details_form_refuses_without_changing),
		T(test_esc_on_typed_text_asks_before_discarding),
		T(test_esc_on_an_untouched_form_closes_at_once),
		T(test_home_and_end_in_the_lists),
		T(test_s_opens_the_summary_over_the_step_and_esc_returns),
		T(test_a_long_question_wraps_inside_its_box),
		T(test_i_shows_a_line_of_hints_for_the_step),
		T(test_p_toggles_the_presenter_panel),
		T(test_p_keeps_each_views_scroll_and_shows_the_keys_once),
		T(test_p_writes_nothing_to_the_session),
		T(test_a_change_shows_saving_until_it_is_on_disk),
		cmocka_unit_test_setup_teardown(test_p_in_review_shows_no_editing_keys,
						setup_read_only, teardown),
		T(test_action_list_toggle_delete_and_confirm),
		T(test_due_date_typed_the_dutch_way_is_saved_as_iso),
		T(test_due_date_without_a_year_is_this_or_next_year),
		T(test_a_date_read_two_ways_is_refused_with_its_reason),
		T(test_a_due_date_in_the_past_asks_first),
		T(test_a_stored_date_is_shown_as_read_and_kept),
		T(test_the_session_date_reads_dutch_dates_and_never_asks),
		T(test_j_answers_yes_to_a_question),
		T(test_quit_and_redraw),
		cmocka_unit_test_setup_teardown(test_read_only_refuses_what_changes_the_session,
						setup_read_only, teardown),
		T(test_time_is_counted_on_the_step),
		T(test_mouse_wheel_and_overview_click),
		T(test_wakes_for_the_next_second_of_a_clock_shown),
		T(test_sleeps_while_nothing_shown_can_change),
		T(test_wakes_when_a_message_ends),
		T(test_a_clock_in_the_overlay_rebuilds_it_each_second),
		T(test_save_due_retries_and_time_saves),
		cmocka_unit_test_setup_teardown(test_read_only_time_stands_still, setup_read_only,
						teardown),
		cmocka_unit_test(test_start_screen_makes_a_new_session),
		cmocka_unit_test(test_start_screen_quits),
		cmocka_unit_test(test_start_screen_home_and_end),
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	int failed = cmocka_run_group_tests(tests, load_content, free_content);

	wrap_close(); /* the dictionary the pages opened */
	return failed;
}
