/* test_follower.c - meetlat --follow without a terminal: the follower shows the step, the
 * rows revealed, the summary, how far the step is scrolled and the table's row selected as
 * the facilitator's saves say; it reads the file again only when it changed, and a save
 * renamed into place while it read is shown by the next refresh; it never writes the file
 * (checked after each save it showed); it waits for the facilitator's meetlat until one
 * holds the session, says that the workshop has ended when it closes, and stops saying so
 * when one holds it again; its header and status line say that it is live, never
 * "read-only review", and it never shows the presenter panel; it shows the box of phone
 * voting (the QR code, the address, the count from the file, the votes hidden) while the
 * sidecar names the row the session is at and the facilitator's meetlat holds the session,
 * never for another row, after the sidecar is removed, nor when no meetlat holds it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <unistd.h>

#include "follower.h"
#include "keys.h"
#include "mem.h"
#include "builtin_content.h"
#include "file_check.h"
#include "page_check.h"
#include "store_vote.h"

/* A session file in a fresh folder, held by the facilitator's meetlat (F, S), and the
 * follower of it (started by the test). */
struct fixture {
	char dir[32], path[128], lock[160], next[160], vote[160];
	struct store_file *f;
	struct session *s;
	struct follower fw;
	bool following;
};

static int setup(void **state)
{
	struct fixture *x = calloc(1, sizeof(*x));
	struct diag d;

	assert_non_null(x);
	snprintf(x->dir, sizeof(x->dir), "/tmp/meetlat-follow-XXXXXX");
	assert_non_null(mkdtemp(x->dir));
	snprintf(x->path, sizeof(x->path), "%s/s.yaml", x->dir);
	snprintf(x->lock, sizeof(x->lock), "%s/.s.yaml.lock", x->dir);
	snprintf(x->next, sizeof(x->next), "%s/next.yaml", x->dir);
	snprintf(x->vote, sizeof(x->vote), "%s/.s.yaml.vote", x->dir);
	assert_true(store_open(x->path, content, 0, &x->f, &x->s, &d));
	*state = x;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *x = *state;

	if (x->following)
		follower_free(&x->fw);
	store_close(x->f);
	session_free(x->s);
	unlink(x->path);
	unlink(x->lock);
	unlink(x->next);
	unlink(x->vote);
	rmdir(x->dir);
	free(x);
	return 0;
}

/* Saves the facilitator's session and fails the test unless it was written. */
static void save(struct fixture *x)
{
	struct diag d;

	assert_int_equal(store_save(x->f, x->s, &d), SAVE_OK);
}

/* Starts the follower of X's file for a terminal of COLS x ROWS. */
static void follow(struct fixture *x, int cols, int rows)
{
	struct diag d;

	assert_true(follower_start(&x->fw, content, x->path, true, cols, rows, &d));
	x->following = true;
}

/* The facilitator saves; the follower reads the save and shows it, and afterwards the file
 * still holds the bytes and the mtime the save gave it: the follower wrote nothing. */
static void saved_and_followed(struct fixture *x)
{
	struct file_state saved;

	save(x);
	saved = file_state_of(x->path);
	assert_true(follower_refresh(&x->fw));
	ui_build_page(&x->fw.ui);
	assert_true(file_state_kept(x->path, &saved));
	file_state_free(&saved);
}

/* The follower shows each save: the step (its row selected), the votes hidden, then the row
 * revealed and the summary open, then the summary closed; a file that did not change is not
 * read again; the end of the facilitator's meetlat is said, and unsaid when it is back. */
static void test_follower_follows(void **state)
{
	struct fixture *x = *state;
	size_t step = first_score_step(), dim = content->steps[step].dimension;
	struct follower *fw = &x->fw;
	struct file_state saved;
	const char *why;
	struct diag d;

	save(x);
	follow(x, 80, 24);
	assert_false(fw->ended);
	assert_false(fw->waiting);
	assert_int_equal(fw->ui.s->position, 0);
	assert_false(follower_refresh(fw)); /* nothing changed: not read again */
	assert_int_equal(fw->reads, 1);

	assert_true(session_move(x->s, content, step, &why));
	assert_true(session_vote_add(x->s, content, dim, 3, &why));
	saved_and_followed(x);
	assert_int_equal(fw->ui.s->position, step);
	assert_int_equal(fw->ui.table_row, dim);
	assert_int_equal(fw->ui.s->scores[dim].n_votes, 1);
	assert_false(fw->ui.revealed[dim]);

	assert_true(session_set_revealed(x->s, dim, true, &why));
	session_set_showing(x->s, SHOWING_SUMMARY);
	saved_and_followed(x);
	assert_true(fw->ui.revealed[dim]);
	assert_int_equal(fw->ui.overlay, OV_SUMMARY);
	ui_build_overlay(&fw->ui);
	session_set_showing(x->s, SHOWING_STEP);
	saved_and_followed(x);
	assert_int_equal(fw->ui.overlay, OV_NONE);

	saved = file_state_of(x->path);
	assert_false(follower_check_end(fw)); /* still held */
	store_close(x->f);
	x->f = NULL;
	assert_true(follower_check_end(fw));
	assert_true(fw->ended);
	assert_false(fw->waiting); /* it was held before: not waiting, ended */
	assert_string_equal(fw->ui.message, "The workshop has ended. Press q to close.");
	assert_false(follower_check_end(fw));
	session_free(x->s);
	assert_true(store_open(x->path, content, 0, &x->f, &x->s, &d));
	assert_true(follower_check_end(fw)); /* held again: the message goes */
	assert_false(fw->ended);
	assert_string_equal(fw->ui.message, "");
	assert_true(file_state_kept(x->path, &saved)); /* the follower never wrote */
	file_state_free(&saved);
}

/* A follower started before any meetlat holds the session waits for the facilitator's and
 * says so, not that the workshop has ended; once one held it, its closing is the end. */
static void test_follower_waits_for_the_facilitator(void **state)
{
	struct fixture *x = *state;
	struct follower *fw = &x->fw;
	struct diag d;

	save(x);
	store_close(x->f); /* the file is there, no meetlat holds it yet */
	x->f = NULL;
	follow(x, 80, 24);
	assert_true(fw->waiting);
	assert_true(fw->ended);
	assert_string_equal(fw->ui.message, "Waiting for the facilitator's meetlat…");
	assert_false(follower_check_end(fw)); /* still waiting: nothing new to say */
	session_free(x->s);
	assert_true(store_open(x->path, content, 0, &x->f, &x->s, &d));
	assert_true(follower_check_end(fw));
	assert_false(fw->waiting);
	assert_false(fw->ended);
	assert_string_equal(fw->ui.message, "");
	store_close(x->f);
	x->f = NULL;
	assert_true(follower_check_end(fw));
	assert_false(fw->waiting);
	assert_string_equal(fw->ui.message, "The workshop has ended. Press q to close.");
}

static const char *swap_from, *swap_to; /* the rename the allocator makes, once */

/* The allocator, renaming SWAP_FROM to SWAP_TO on the first large allocation: the buffer
 * the store reads a file into (content/ynode.c read_whole, 64 KiB), allocated once the file
 * is open. So a save lands just while the follower reads the one before. */
static void *malloc_renaming(size_t size)
{
	if (swap_from && size >= 64 * 1024) {
		assert_int_equal(rename(swap_from, swap_to), 0);
		swap_from = NULL;
	}
	return malloc(size);
}

/* Writes session S as a file at PATH (the bytes a save would rename into place). */
static void write_session(const struct session *s, const char *path)
{
	FILE *f = fopen(path, "wb");
	struct diag d;
	char *buf;
	size_t len;

	assert_non_null(f);
	assert_true(store_emit(s, &buf, &len, &d));
	assert_int_equal(fwrite(buf, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	free(buf);
}

/* A save renamed into place while the follower reads the save before it: the follower shows
 * what it read (the earlier save), and its next refresh reads and shows the later one,
 * instead of taking the later file's stamp for what it read. */
static void test_a_save_during_the_read_is_shown_next(void **state)
{
	struct fixture *x = *state;
	struct follower *fw = &x->fw;
	const char *why;

	save(x);
	follow(x, 80, 24);
	assert_true(session_move(x->s, content, 1, &why));
	save(x); /* the save the follower is about to read */
	assert_true(session_move(x->s, content, 2, &why));
	write_session(x->s, x->next); /* the save that lands while it reads */
	swap_from = x->next;
	swap_to = x->path;
	mem.malloc = malloc_renaming;
	assert_true(follower_refresh(fw));
	mem_reset();
	assert_null(swap_from); /* the rename was made, during the read */
	assert_int_equal(fw->ui.s->position, 1); /* the bytes it read: the earlier save */
	assert_true(follower_refresh(fw));
	assert_int_equal(fw->ui.s->position, 2);
	assert_false(follower_refresh(fw));
}

/* Starts U as the facilitator's meetlat on X's session at COLS x ROWS, as tui_run does. */
static void facilitator(struct ui *u, struct fixture *x, int cols, int rows)
{
	assert_true(ui_init(u, content, false, false, true));
	u->s = x->s;
	u->f = x->f;
	ui_resize(u, cols, rows);
	ui_begin(u);
}

/* The facilitator's meetlat answers what was done: the answer painted (the page built,
 * scrolled no further than it goes, as app_paint does), then the change saved; true when it
 * was saved. */
static bool answered(struct ui *u)
{
	ui_build_page(u);
	u->scroll = page_clamp_scroll(&u->page, u->scroll, u->l.body_rows);
	return ui_save_change(u);
}

/* The facilitator presses KEY; true when its change was saved (answered). */
static bool press(struct ui *u, int key)
{
	ui_key(u, key);
	return answered(u);
}

/* Returns the line of the page P (or "") the view scrolled to SCROLL shows at its top. */
static const char *top_line(const struct page *p, int scroll)
{
	return (size_t)scroll < p->n && p->lines[scroll].n ? p->lines[scroll].spans[0].text : "";
}

/* How far the facilitator scrolled the room's view of a step (↓, Space, ↑) is saved and
 * followed: at the same size the follower shows the same line at the top; at another size
 * the end of the step is its end too, the top its top. While the presenter panel holds the
 * facilitator's body (p), the keys scroll the panel: nothing is saved, the room's view stays
 * where it was. On the table, the row selected is followed (by its id in the file). A
 * resume shows the step as far down, and the table's row, as the facilitator left them. */
static void test_scroll_and_selection_are_followed(void **state)
{
	struct fixture *x = *state;
	size_t chapters = first_step_of(STEP_CHAPTERS), table = first_step_of(STEP_TABLE);
	struct follower *fw = &x->fw;
	struct ui u, again;
	struct file_state saved;
	int scroll, range;
	struct diag d;

	save(x);
	follow(x, 80, 24);
	facilitator(&u, x, 80, 24);
	ui_move(&u, chapters);
	assert_true(answered(&u));
	assert_true(follower_refresh(fw));
	ui_build_page(&fw->ui);
	assert_int_equal(fw->ui.s->position, chapters);
	assert_true((int)u.page.n > 2 * u.l.body_rows); /* the chapters: more than 2 screens */
	assert_int_equal(fw->ui.scroll, 0);

	assert_true(press(&u, ' ')); /* the next screenful: saved */
	assert_true(u.scroll > 0);
	assert_true(x->s->scrolled > 0 && x->s->scrolled < SESSION_SCROLLED_END);
	saved = file_state_of(x->path);
	assert_true(follower_refresh(fw));
	ui_build_page(&fw->ui);
	assert_int_equal(fw->ui.scroll, u.scroll);
	assert_string_equal(top_line(&fw->ui.page, fw->ui.scroll), top_line(&u.page, u.scroll));
	assert_true(file_state_kept(x->path, &saved));
	file_state_free(&saved);

	assert_true(press(&u, UI_KEY_DOWN));
	saved_and_followed(x);
	assert_int_equal(fw->ui.scroll, u.scroll);

	scroll = u.scroll; /* p: the keys scroll the panel; the room's view stays */
	assert_false(press(&u, 'p'));
	assert_false(press(&u, UI_KEY_DOWN));
	assert_false(follower_refresh(fw));
	assert_false(press(&u, 'p'));
	assert_int_equal(u.scroll, scroll);

	while (u.scroll + u.l.body_rows < (int)u.page.n) /* to the end of the step */
		assert_true(press(&u, UI_KEY_DOWN));
	assert_int_equal(x->s->scrolled, SESSION_SCROLLED_END);
	follower_free(fw);
	follow(x, 100, 30); /* a projector of another size shows the end too */
	ui_build_page(&fw->ui);
	range = (int)fw->ui.page.n - fw->ui.l.body_rows;
	assert_int_equal(fw->ui.scroll, range > 0 ? range : 0);

	scroll = u.scroll;
	ui_free(&u); /* resumed: as far down as the facilitator left it */
	facilitator(&again, x, 80, 24);
	assert_int_equal(again.scroll, scroll);
	while (again.scroll > 0)
		assert_true(press(&again, UI_KEY_UP));
	saved_and_followed(x);
	assert_int_equal(fw->ui.scroll, 0);
	assert_int_equal(x->s->scrolled, 0);

	ui_move(&again, table);
	assert_true(answered(&again));
	assert_true(follower_refresh(fw));
	assert_int_equal(fw->ui.table_row, 0);
	assert_true(press(&again, UI_KEY_DOWN));
	assert_true(press(&again, UI_KEY_DOWN));
	assert_int_equal(again.table_row, 2);
	saved_and_followed(x);
	assert_int_equal(fw->ui.table_row, 2);
	assert_int_equal(x->s->selected, 2);
	ui_free(&again);
	store_close(x->f);
	session_free(x->s);
	assert_true(store_open(x->path, content, 0, &x->f, &x->s, &d));
	assert_int_equal(x->s->selected, 2); /* read back by the row's id */
	facilitator(&again, x, 80, 24);
	assert_int_equal(again.table_row, 2);
	ui_free(&again);
}

/* The follower says it follows the facilitator live, in the header and the status line, and
 * not that it is a read-only review; it shows the room's view even if the presenter flag is
 * set, so that the projector never shows the facilitator's panel. */
static void test_follower_says_live_and_shows_the_room(void **state)
{
	struct fixture *x = *state;
	size_t step = first_score_step(), dim = content->steps[step].dimension;
	struct page head = { .focus_top = -1, .focus_bottom = -1 };
	struct page status = { .focus_top = -1, .focus_bottom = -1 };
	struct follower *fw = &x->fw;
	const char *why;

	assert_true(session_move(x->s, content, step, &why));
	assert_true(session_vote_add(x->s, content, dim, 3, &why));
	assert_true(session_vote_add(x->s, content, dim, 2, &why));
	save(x);
	follow(x, 80, 24);
	ui_header(&head, &fw->ui);
	ui_status(&status, &fw->ui);
	assert_true(page_contains(&head, "live, following the facilitator"));
	assert_false(page_contains(&head, "read-only"));
	assert_true(page_contains(&status, "live"));
	assert_false(page_contains(&status, "read-only"));
	fw->ui.presenter = true;
	fw->ui.stale = true;
	ui_build_page(&fw->ui);
	assert_true(page_contains(&fw->ui.page, "2 votes, hidden"));
	assert_false(page_contains(&fw->ui.page, "hidden from the room"));
	assert_false(page_contains(&fw->ui.page, "phase 3: 1"));
	page_clear(&head);
	page_clear(&status);
}

/* Writes the sidecar of X's session as the facilitator's meetlat does when row DIM is open
 * to the phones at URL. */
static void vote_opened(struct fixture *x, size_t dim, const char *url)
{
	struct store_vote v = { "", "" };

	snprintf(v.url, sizeof(v.url), "%s", url);
	snprintf(v.row, sizeof(v.row), "%s", content->dimensions[dim].id);
	assert_true(store_vote_write(x->f->real_path, &v));
}

/* Fails unless the follower shows the box of phone voting for row DIM: its title, the row,
 * URL, the count COUNT and that the votes stay hidden (no spread). */
static void box_shown(struct follower *fw, size_t dim, const char *url, const char *count)
{
	assert_int_equal(fw->ui.overlay, OV_VOTE);
	assert_int_equal(fw->ui.vote_row, (long)dim);
	ui_build_overlay(&fw->ui);
	assert_true(page_contains(&fw->ui.overlay_page, "Vote on your phone"));
	assert_true(page_contains(&fw->ui.overlay_page, content->dimensions[dim].name));
	assert_true(page_contains(&fw->ui.overlay_page, url));
	assert_true(page_contains(&fw->ui.overlay_page, count));
	assert_true(page_contains(&fw->ui.overlay_page, "The votes stay hidden."));
}

/* Fails unless the follower shows no box of phone voting. */
static void no_box(struct follower *fw)
{
	assert_int_not_equal(fw->ui.overlay, OV_VOTE);
	assert_int_equal(fw->ui.vote_row, -1);
}

/* The box of phone voting: shown while the sidecar names the row the session is at and the
 * facilitator's meetlat holds the session, its count following the file's votes; the summary
 * takes its place and gives it back; it goes when the sidecar is removed, is not shown for
 * another row nor on another step, and not while no meetlat holds the session (a sidecar
 * left by a kill). */
static void test_vote_box_from_the_sidecar(void **state)
{
	struct fixture *x = *state;
	size_t step = first_score_step(), dim = content->steps[step].dimension;
	const char *url = "http://127.0.0.1:45678/k7m2p9x";
	struct follower *fw = &x->fw;
	const char *why;

	assert_true(session_move(x->s, content, step, &why));
	assert_true(session_vote_add(x->s, content, dim, 2, &why));
	save(x);
	follow(x, 80, 24);
	no_box(fw);
	assert_false(follower_refresh_vote(fw)); /* no sidecar: nothing changed */

	vote_opened(x, dim, url);
	assert_true(follower_refresh_vote(fw));
	box_shown(fw, dim, url, "1 vote");
	assert_false(follower_refresh_vote(fw)); /* the same sidecar: nothing to build again */
	assert_string_equal(ui_phone_url(&fw->ui), url);
	assert_true(session_vote_add(x->s, content, dim, 3, &why));
	saved_and_followed(x);
	box_shown(fw, dim, url, "2 votes"); /* the count from the file */
	assert_false(fw->ui.revealed[dim]);

	session_set_showing(x->s, SHOWING_SUMMARY);
	saved_and_followed(x);
	assert_int_equal(fw->ui.overlay, OV_SUMMARY); /* in the box's place, as the facilitator's */
	session_set_showing(x->s, SHOWING_STEP);
	saved_and_followed(x);
	box_shown(fw, dim, url, "2 votes");

	assert_true(store_vote_remove(x->f->real_path)); /* voting closed */
	assert_true(follower_refresh_vote(fw));
	no_box(fw);

	vote_opened(x, dim + 1, url); /* another row than the session's */
	assert_false(follower_refresh_vote(fw));
	no_box(fw);
	vote_opened(x, dim, url);
	assert_true(session_move(x->s, content, step + 1, &why)); /* the session moved on */
	saved_and_followed(x);
	no_box(fw);
	assert_true(session_move(x->s, content, step, &why));
	saved_and_followed(x);
	box_shown(fw, dim, url, "2 votes");

	store_close(x->f); /* a kill would leave the sidecar: no meetlat holds the session */
	x->f = NULL;
	assert_true(follower_check_end(fw));
	no_box(fw);
	assert_false(follower_refresh_vote(fw));
	no_box(fw);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_follower_follows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_follower_waits_for_the_facilitator, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_a_save_during_the_read_is_shown_next, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_scroll_and_selection_are_followed, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_vote_box_from_the_sidecar, setup, teardown),
		cmocka_unit_test_setup_teardown(test_follower_says_live_and_shows_the_room, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, load_content, free_content);
}
