/* test_room.c - what the room sees goes through the session: revealing a row's votes and
 * opening the summary are recorded in the session by the save after the key (so that a
 * follower and a resumed walk see them), hiding and closing again too; a session that says
 * so opens with the row revealed and the summary over its step; a resume after a kill says
 * so in one line of the status, not in an overlay. No terminal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "keys.h"
#include "ui.h"
#include "builtin_content.h"

static double clock_now = 1000.0;

/* The test's clock: it stands still. */
static double test_clock(void)
{
	return clock_now;
}

/* Starts U (a preview at 80x24) on session S, which it then holds, with F as its file. */
static void start(struct ui *u, struct session *s, struct store_file *f)
{
	assert_true(ui_init(u, content, false, true, true));
	u->clock = test_clock;
	u->s = s;
	u->f = f;
	ui_resize(u, 80, 24);
	ui_begin(u);
}

/* Releases U and its session. */
static void stop(struct ui *u)
{
	ui_free(u);
	session_free(u->s);
}

/* r on a scoring row reveals it for the room and the save after the key records it in the
 * session; r again hides it; opening the summary and closing it are recorded the same way. */
static void test_room_recorded(void **state)
{
	size_t step = first_score_step(), dim = content->steps[step].dimension;
	struct ui u;
	const char *why;

	(void)state;
	start(&u, session_new(content, "Room"), NULL);
	ui_move(&u, step);
	assert_true(session_vote_add(u.s, content, dim, 2, &why));
	ui_key(&u, 'r');
	assert_true(u.revealed[dim]);
	ui_save_change(&u);
	assert_true(u.s->scores[dim].revealed);
	ui_key(&u, 'r');
	ui_save_change(&u);
	assert_false(u.s->scores[dim].revealed);
	ui_open(&u, OV_SUMMARY);
	ui_save_change(&u);
	assert_int_equal(u.s->showing, SHOWING_SUMMARY);
	ui_key(&u, UI_KEY_ESC);
	assert_int_equal(u.overlay, OV_NONE);
	ui_save_change(&u);
	assert_int_equal(u.s->showing, SHOWING_STEP);
	stop(&u);
}

/* A session that was left with a row revealed and the summary open starts that way; the page
 * of the row then shows the spread (what a hidden row does not). */
static void test_room_resumed(void **state)
{
	size_t step = first_score_step(), dim = content->steps[step].dimension;
	struct session *s = session_new(content, "Room");
	const char *why;
	struct ui u;

	(void)state;
	assert_true(session_move(s, content, step, &why));
	assert_true(session_vote_add(s, content, dim, 2, &why));
	assert_true(session_set_revealed(s, dim, true, &why));
	session_set_showing(s, SHOWING_SUMMARY);
	start(&u, s, NULL);
	assert_true(u.revealed[dim]);
	for (size_t i = 0; i < content->n_dimensions; i++)
		assert_int_equal(u.revealed[i], i == dim);
	assert_int_equal(u.overlay, OV_SUMMARY);
	ui_save_change(&u);
	assert_true(u.s->scores[dim].revealed); /* starting changed nothing */
	assert_int_equal(u.s->showing, SHOWING_SUMMARY);
	stop(&u);
}

/* Opening a file whose last meetlat was killed shows one calm line in the status (for longer
 * than a passing message; a narrow terminal wraps it over the body's last line, as every long
 * message), and no overlay; a normal open shows neither. */
static void test_resumed_after_stop(void **state)
{
	struct store_file stopped = { .stopped_before = true }, closed = { 0 };
	struct page status = { .focus_top = -1, .focus_bottom = -1 };
	struct ui u;

	(void)state;
	start(&u, session_new(content, "Room"), &stopped);
	assert_int_equal(u.overlay, OV_NONE);
	assert_string_equal(u.message, "Resumed after an unexpected stop; nothing was lost.");
	assert_true(u.message_until > clock_now + 10);
	ui_resize(&u, 120, 30);
	ui_status(&status, &u);
	assert_int_equal(status.n, 1); /* one line beside the step and the save state */
	page_clear(&status);
	stop(&u);
	start(&u, session_new(content, "Room"), &closed);
	assert_string_equal(u.message, "");
	stop(&u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_room_recorded),
		cmocka_unit_test(test_room_resumed),
		cmocka_unit_test(test_resumed_after_stop),
	};

	return cmocka_run_group_tests(tests, load_content, free_content);
}
