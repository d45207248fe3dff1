/* test_follower.c - meetlat --follow without a terminal: the follower shows the step, the
 * rows revealed and the summary the facilitator's saves say; it reads the file again only
 * when it changed; it never writes the file; it says that the workshop has ended when the
 * facilitator's meetlat closes, and stops saying so when one holds the session again; its
 * header and status line say that it is live, never "read-only review", and it never shows
 * the presenter panel. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <sys/stat.h>
#include <unistd.h>

#include "follower.h"
#include "builtin_content.h"
#include "page_check.h"

/* Saves S through F and fails the test unless it was written. */
static void save(struct store_file *f, struct session *s)
{
	struct diag d;

	assert_int_equal(store_save(f, s, &d), SAVE_OK);
}

/* Returns the mtime of PATH in nanoseconds. */
static long long mtime_of(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
}

/* The follower shows each save: the step (its row selected), the votes hidden, then the row
 * revealed and the summary open, then the summary closed; a file that did not change is not
 * read again; the end of the facilitator's meetlat is said, and unsaid when it is back. */
static void test_follower_follows(void **state)
{
	char dir[] = "/tmp/meetlat-follow-XXXXXX", path[128], lock[160];
	size_t step = first_score_step(), dim = content->steps[step].dimension;
	struct follower fw;
	struct store_file *f, *g;
	struct session *s, *again;
	const char *why;
	struct diag d;
	long long saved;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/s.yaml", dir);
	snprintf(lock, sizeof(lock), "%s/.s.yaml.lock", dir);
	assert_true(store_open(path, content, 0, &f, &s, &d));
	save(f, s);
	assert_true(follower_start(&fw, content, path, true, 80, 24, &d));
	assert_false(fw.ended);
	assert_int_equal(fw.ui.s->position, 0);
	assert_false(follower_refresh(&fw)); /* nothing changed: not read again */
	assert_int_equal(fw.reads, 1);

	assert_true(session_move(s, content, step, &why));
	assert_true(session_vote_add(s, content, dim, 3, &why));
	save(f, s);
	assert_true(follower_refresh(&fw));
	assert_int_equal(fw.ui.s->position, step);
	assert_int_equal(fw.ui.table_row, dim);
	assert_int_equal(fw.ui.s->scores[dim].n_votes, 1);
	assert_false(fw.ui.revealed[dim]);
	assert_true(fw.ui.stale);

	assert_true(session_set_revealed(s, dim, true, &why));
	session_set_showing(s, SHOWING_SUMMARY);
	save(f, s);
	assert_true(follower_refresh(&fw));
	assert_true(fw.ui.revealed[dim]);
	assert_int_equal(fw.ui.overlay, OV_SUMMARY);
	ui_build_page(&fw.ui);
	ui_build_overlay(&fw.ui);
	session_set_showing(s, SHOWING_STEP);
	save(f, s);
	assert_true(follower_refresh(&fw));
	assert_int_equal(fw.ui.overlay, OV_NONE);

	saved = mtime_of(path);
	assert_false(follower_check_end(&fw)); /* still held */
	store_close(f);
	assert_true(follower_check_end(&fw));
	assert_true(fw.ended);
	assert_string_equal(fw.ui.message, "The workshop has ended. Press q to close.");
	assert_false(follower_check_end(&fw));
	assert_true(store_open(path, content, 0, &g, &again, &d));
	assert_true(follower_check_end(&fw)); /* held again: the message goes */
	assert_false(fw.ended);
	assert_string_equal(fw.ui.message, "");
	assert_int_equal(mtime_of(path), saved); /* the follower never wrote */
	follower_free(&fw);
	store_close(g);
	session_free(again);
	session_free(s);
	unlink(path);
	unlink(lock);
	rmdir(dir);
}

/* The follower says it follows the facilitator live, in the header and the status line, and
 * not that it is a read-only review; it shows the room's view even if the presenter flag is
 * set, so that the projector never shows the facilitator's panel. */
static void test_follower_says_live_and_shows_the_room(void **state)
{
	char dir[] = "/tmp/meetlat-follow-XXXXXX", path[128], lock[160];
	size_t step = first_score_step(), dim = content->steps[step].dimension;
	struct page head = { .focus_top = -1, .focus_bottom = -1 };
	struct page status = { .focus_top = -1, .focus_bottom = -1 };
	struct follower fw;
	struct store_file *f;
	struct session *s;
	const char *why;
	struct diag d;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/s.yaml", dir);
	snprintf(lock, sizeof(lock), "%s/.s.yaml.lock", dir);
	assert_true(store_open(path, content, 0, &f, &s, &d));
	assert_true(session_move(s, content, step, &why));
	assert_true(session_vote_add(s, content, dim, 3, &why));
	assert_true(session_vote_add(s, content, dim, 2, &why));
	save(f, s);
	assert_true(follower_start(&fw, content, path, true, 80, 24, &d));
	ui_header(&head, &fw.ui);
	ui_status(&status, &fw.ui);
	assert_true(page_contains(&head, "live, following the facilitator"));
	assert_false(page_contains(&head, "read-only"));
	assert_true(page_contains(&status, "live"));
	assert_false(page_contains(&status, "read-only"));
	fw.ui.presenter = true;
	fw.ui.stale = true;
	ui_build_page(&fw.ui);
	assert_true(page_contains(&fw.ui.page, "2 votes, hidden"));
	assert_false(page_contains(&fw.ui.page, "hidden from the room"));
	assert_false(page_contains(&fw.ui.page, "phase 3: 1"));
	page_clear(&head);
	page_clear(&status);
	follower_free(&fw);
	store_close(f);
	session_free(s);
	unlink(path);
	unlink(lock);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_follower_follows),
		cmocka_unit_test(test_follower_says_live_and_shows_the_room),
	};

	return cmocka_run_group_tests(tests, load_content, free_content);
}
