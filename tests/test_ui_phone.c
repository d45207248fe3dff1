/* test_ui_phone.c - phone voting in the interface's state, without a terminal: the votes the
 * phones send (a list of events, as vote_room_take gives them; no network) count on their own
 * row, a changed vote replaces the device's earlier one, a batch is one change, typed votes
 * still add; v opens the box with the address (the server on 127.0.0.1, port 0, written to
 * the --url-file), v, r or another step closes it, the presenter view and other overlays
 * take its place for a while; a port in use is one message and typing goes on; --review
 * refuses v; at the end nothing is left listening; the sidecar next to the session file
 * says the address and the row open (or none while V keeps the page open) for the room's
 * view, and is gone when nothing is open and at the end. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "keys.h"
#include "ui.h"
#include "vote.h"
#include "builtin_content.h"
#include "page_check.h"
#include "temp_session.h"
#include "ui_fixture.h"

/* Goes to the scoring step of the N-th row and returns the row. */
static size_t on_row(struct ui *u, size_t n)
{
	for (size_t i = 0; i < content->n_steps; i++)
		if (content->steps[i].kind == STEP_SCORE && content->steps[i].dimension == n) {
			ui_move(u, i);
			return n;
		}
	fail_msg("no scoring step for row %zu", n);
	return 0;
}

/* Fails unless row DIM of U holds the N votes WANT, in that order. */
static void votes_are(const struct ui *u, size_t dim, const int *want, size_t n)
{
	const struct session_score *sc = &u->s->scores[dim];

	assert_int_equal(sc->n_votes, n);
	if (n)
		assert_memory_equal(sc->votes, want, n * sizeof(*want));
}

/* The phones' votes count on their rows, also a row no longer open; a changed vote replaces
 * the device's earlier one, or is only added when that one was undone; a row the content
 * lacks is left out; the batch is one change, saved once; digits still add. */
static void test_votes_applied(void **state)
{
	struct ui *u = ui_fixture_new("Phones", false);
	size_t a = on_row(u, 0), b = 1;
	const char *ida = content->dimensions[a].id, *idb = content->dimensions[b].id;
	struct vote_event ev[6] = { { "", 3, 0 }, { "", 2, 0 }, { "", 4, 3 },
				    { "", 1, 0 }, { "no-such-row", 2, 0 }, { "", 1, 2 } };

	(void)state;
	snprintf(ev[0].row, sizeof(ev[0].row), "%s", ida);
	snprintf(ev[1].row, sizeof(ev[1].row), "%s", ida);
	snprintf(ev[2].row, sizeof(ev[2].row), "%s", ida);
	snprintf(ev[3].row, sizeof(ev[3].row), "%s", idb);
	snprintf(ev[5].row, sizeof(ev[5].row), "%s", ida);
	u->stale = u->overlay_stale = u->change_unsaved = false;
	u->page_builds = 0;
	assert_true(ui_phone_apply(u, ev, 6));
	votes_are(u, a, (int[]){ 4, 1 }, 2); /* 3 -> 4, then 2 -> 1 */
	votes_are(u, b, (int[]){ 1 }, 1);
	assert_true(u->stale && u->overlay_stale);
	ui_build_page(u);
	assert_int_equal(u->page_builds, 1);
	ui_key(u, 'u'); /* the facilitator undoes the 1 */
	ev[0] = (struct vote_event){ "", 3, 1 };
	snprintf(ev[0].row, sizeof(ev[0].row), "%s", ida);
	assert_true(ui_phone_apply(u, ev, 1)); /* 1 is gone: 3 is only added */
	votes_are(u, a, (int[]){ 4, 3 }, 2);
	ui_key(u, '2');
	votes_are(u, a, (int[]){ 4, 3, 2 }, 3);
	assert_false(ui_phone_apply(u, ev + 4, 1)); /* nothing counted, nothing changed */
	ui_fixture_free(u);
}

/* 300 phones at once: one change, every vote counted once. */
static void test_batch_of_300(void **state)
{
	struct ui *u = ui_fixture_new("Phones", false);
	size_t a = on_row(u, 2);
	static struct vote_event ev[300];

	(void)state;
	for (size_t i = 0; i < 300; i++) {
		snprintf(ev[i].row, sizeof(ev[i].row), "%s", content->dimensions[a].id);
		ev[i].phase = 1 + (int)(i % 4);
	}
	u->page_builds = 0;
	assert_true(ui_phone_apply(u, ev, 300));
	assert_int_equal(u->s->scores[a].n_votes, 300);
	ui_build_page(u);
	assert_int_equal(u->page_builds, 1);
	ui_fixture_free(u);
}

/* v opens the box of phone voting with the address, written to the url file; v closes it;
 * r and another step close it too; p and the help take its place and give it back; V keeps
 * the page open; at the end the room is gone and nothing listens. */
static void test_v_opens_and_closes(void **state)
{
	struct ui *u = ui_fixture_new("Phones", false);
	char path[] = "/tmp/meetlat-phone-XXXXXX", file[64], got[256] = "";
	size_t dim = on_row(u, 0);
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(path));
	snprintf(file, sizeof(file), "%s/url", path);
	u->vote_listen = "127.0.0.1:0";
	u->vote_url_file = file;
	ui_key(u, 'v');
	assert_int_equal(u->overlay, OV_VOTE);
	assert_int_equal(u->vote_row, (long)dim);
	assert_non_null(ui_phone_url(u));
	assert_int_equal(strncmp(ui_phone_url(u), "http://127.0.0.1:", 17), 0);
	assert_true(ui_phone_fd(u) >= 0);
	f = fopen(file, "r");
	assert_non_null(f);
	assert_non_null(fgets(got, sizeof(got), f));
	fclose(f);
	got[strcspn(got, "\n")] = '\0';
	assert_string_equal(got, ui_phone_url(u));
	assert_null(u->vote_sidecar_of); /* --preview: no sidecar for a follower, ever */
	ui_build_overlay(u);
	assert_true(u->overlay_page.n > 10); /* the code and the address */
	ui_key(u, '3'); /* typed votes while it is open */
	assert_int_equal(u->s->scores[dim].n_votes, 1);
	assert_int_equal(u->overlay, OV_VOTE);
	ui_key(u, 'p');
	assert_int_equal(u->overlay, OV_NONE);
	assert_non_null(ui_phone_url(u)); /* still open, shown in the presenter panel */
	ui_build_page(u);
	assert_true(page_contains(&u->page, ui_phone_url(u)));
	assert_true(page_contains(&u->page, "phase 3: 1")); /* the live distribution */
	ui_key(u, 'p');
	assert_int_equal(u->overlay, OV_VOTE);
	ui_key(u, '?');
	assert_int_equal(u->overlay, OV_HELP);
	ui_key(u, UI_KEY_ESC);
	assert_int_equal(u->overlay, OV_VOTE);
	ui_key(u, 'v');
	assert_int_equal(u->overlay, OV_NONE);
	assert_int_equal(u->vote_row, -1);
	assert_null(ui_phone_url(u));
	ui_key(u, 'v');
	ui_key(u, 'r');
	assert_int_equal(u->overlay, OV_NONE);
	assert_true(u->revealed[dim]);
	ui_key(u, 'r');
	ui_key(u, 'v');
	ui_key(u, UI_KEY_RIGHT);
	assert_int_equal(u->overlay, OV_NONE);
	assert_int_equal(u->vote_row, -1);
	ui_key(u, 'V');
	assert_true(u->vote_kept);
	ui_phone_end(u);
	assert_null(u->room);
	assert_int_equal(ui_phone_fd(u), -1);
	unlink(file);
	rmdir(path);
	ui_fixture_free(u);
}

/* v on a row whose votes are shown opens nothing (phones would vote after the reveal) and
 * says why; once r hides them again, v opens the row. */
static void test_revealed_refuses(void **state)
{
	struct ui *u = ui_fixture_new("Phones", false);
	size_t dim = on_row(u, 0);

	(void)state;
	u->vote_listen = "127.0.0.1:0";
	ui_key(u, '2');
	ui_key(u, 'r');
	assert_true(u->revealed[dim]);
	ui_key(u, 'v');
	assert_int_equal(u->vote_row, -1);
	assert_int_equal(u->overlay, OV_NONE);
	assert_null(u->room);
	assert_true(u->message_warns);
	assert_non_null(strstr(u->message, "The votes of this row are shown"));
	ui_key(u, 'r');
	assert_false(u->revealed[dim]);
	ui_key(u, 'v');
	assert_int_equal(u->vote_row, (long)dim);
	ui_phone_end(u);
	ui_fixture_free(u);
}

/* A port in use: one warning in the status line, no box, and typed votes go on. */
static void test_port_in_use(void **state)
{
	struct ui *u = ui_fixture_new("Phones", false);
	struct sockaddr_in sa = { .sin_family = AF_INET };
	socklen_t len = sizeof(sa);
	int s = socket(AF_INET, SOCK_STREAM, 0);
	char listen_at[64];
	size_t dim = on_row(u, 0);

	(void)state;
	assert_true(s >= 0);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(s, (struct sockaddr *)&sa, sizeof(sa)), 0);
	assert_int_equal(listen(s, 1), 0);
	assert_int_equal(getsockname(s, (struct sockaddr *)&sa, &len), 0);
	snprintf(listen_at, sizeof(listen_at), "127.0.0.1:%d", ntohs(sa.sin_port));
	u->vote_listen = listen_at;
	ui_key(u, 'v');
	assert_int_equal(u->overlay, OV_NONE);
	assert_int_equal(u->vote_row, -1);
	assert_true(u->message_warns);
	assert_non_null(strstr(u->message, "Phone voting is not available"));
	ui_key(u, '4');
	assert_int_equal(u->s->scores[dim].n_votes, 1);
	close(s);
	ui_fixture_free(u);
}

/* --review: v and V are refused; no server is made. */
static void test_review_refuses(void **state)
{
	struct ui *u = ui_fixture_new("Phones", true);

	(void)state;
	on_row(u, 0);
	u->vote_listen = "127.0.0.1:0";
	ui_key(u, 'v');
	ui_key(u, 'V');
	assert_null(u->room);
	assert_int_equal(u->overlay, OV_NONE);
	ui_fixture_free(u);
}

/* Fails unless the sidecar of U's session says the phones' address and the row ROW ("": the
 * page only kept open). */
static void sidecar_says(const struct ui *u, const char *row)
{
	struct store_vote v;

	assert_true(store_vote_read(u->f->real_path, &v));
	assert_string_equal(v.url, vote_room_url(u->room));
	assert_string_equal(v.row, row);
}

/* With a session file: v writes the sidecar with the address and the row's id, v again
 * removes it; with V the page kept open it names no row; V off removes it; at the end
 * (ui_phone_end, as q) it is gone. */
static void test_sidecar_for_the_room(void **state)
{
	struct ui *u = malloc(sizeof(*u));
	struct temp_session t;
	struct store_vote v;
	size_t dim;

	(void)state;
	assert_non_null(u);
	assert_true(ui_init(u, content, false, false, true));
	u->clock = test_clock;
	temp_session_open(&t, "meetlat-phone", content, &u->f, &u->s);
	ui_resize(u, 80, 24);
	ui_begin(u);
	dim = on_row(u, 1);
	u->vote_listen = "127.0.0.1:0";
	assert_false(store_vote_read(u->f->real_path, &v));
	ui_key(u, 'v');
	assert_int_equal(u->vote_row, (long)dim);
	sidecar_says(u, content->dimensions[dim].id);
	ui_key(u, 'v');
	assert_false(store_vote_read(u->f->real_path, &v));
	ui_key(u, 'V');
	ui_key(u, 'v');
	sidecar_says(u, content->dimensions[dim].id);
	ui_key(u, 'r'); /* closes the row; the page stays */
	sidecar_says(u, "");
	ui_key(u, 'V');
	assert_false(store_vote_read(u->f->real_path, &v));
	ui_key(u, 'r');
	ui_key(u, 'v');
	sidecar_says(u, content->dimensions[dim].id);
	ui_phone_end(u);
	assert_false(store_vote_read(u->f->real_path, &v));
	assert_null(u->vote_sidecar_of);
	ui_free(u);
	store_close(u->f);
	session_free(u->s);
	temp_session_remove(&t);
	free(u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_votes_applied),
		cmocka_unit_test(test_batch_of_300),
		cmocka_unit_test(test_v_opens_and_closes),
		cmocka_unit_test(test_revealed_refuses),
		cmocka_unit_test(test_port_in_use),
		cmocka_unit_test(test_review_refuses),
		cmocka_unit_test(test_sidecar_for_the_room),
	};

	return cmocka_run_group_tests(tests, load_content, free_content);
}
