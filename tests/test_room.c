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
#include "temp_session.h"

static double clock_now = 1000.0;

/* The test's clock: it stands still. */
static double test_clock(void)
{
	return clock_now;
}

/* Starts U at 80x24 on session S, which it then holds, with F as its file (NULL: a
 * preview, which saves nothing). */
static void start(struct ui *u, struct session *s, struct store_file *f)
{
	assert_true(ui_init(u, content, false, f == NULL, true));
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

/* Returns the session that the file PATH holds now (read back through the store). */
static struct session *read_back(const char *path)
{
	struct store_file *f;
	struct session *s;
	struct diag d;

	assert_true(store_open(path, content, STORE_READ_ONLY, &f, &s, &d));
	store_close(f);
	return s;
}

/* Saves what changed on U and asserts that it was saved: the file then says whether row
 * DIM is REVEALED and what is SHOWING. */
static void expect_saved(struct ui *u, const char *path, size_t dim, bool revealed,
			 enum session_showing showing)
{
	struct session *back;

	assert_true(ui_save_change(u));
	assert_false(ui_save_change(u)); /* nothing more to save */
	back = read_back(path);
	assert_int_equal(back->scores[dim].revealed, revealed);
	assert_int_equal(back->showing, showing);
	session_free(back);
}

/* r on a scoring row reveals it for the room and the save after the key records it in the
 * session file; r again hides it; opening the summary and closing it are saved the same
 * way. */
static void test_room_recorded(void **state)
{
	size_t step = first_score_step(), dim = content->steps[step].dimension;
	struct store_file *f;
	struct session *s;
	struct temp_session t;
	struct ui u;
	const char *why;

	(void)state;
	temp_session_open(&t, "meetlat-room", content, &f, &s);
	start(&u, s, f);
	ui_move(&u, step);
	assert_true(session_vote_add(u.s, content, dim, 2, &why));
	ui_changed(&u);
	expect_saved(&u, t.path, dim, false, SHOWING_STEP);
	ui_key(&u, 'r');
	assert_true(u.revealed[dim]);
	expect_saved(&u, t.path, dim, true, SHOWING_STEP);
	ui_key(&u, 'r');
	expect_saved(&u, t.path, dim, false, SHOWING_STEP);
	ui_open(&u, OV_SUMMARY);
	expect_saved(&u, t.path, dim, false, SHOWING_SUMMARY);
	ui_key(&u, UI_KEY_ESC);
	assert_int_equal(u.overlay, OV_NONE);
	expect_saved(&u, t.path, dim, false, SHOWING_STEP);
	store_close(u.f);
	u.f = NULL;
	stop(&u);
	temp_session_remove(&t);
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
