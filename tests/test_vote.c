/* test_vote.c - the phone-vote server (vote/), talked to over loopback sockets by a tiny client
 * (vote_client.h): only its own paths answer, texts are escaped, a device gets a token, a vote
 * is queued once and a second one replaces it, closed rows and stale pages refuse votes, the
 * limits answer 413 and 429, and nothing listens after the room is freed. */
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "hostile_strings.h"
#include "mem.h"
#include "utf8.h"
#include "vote.h"
#include "vote_client.h"
#include "vote_page.h"

/* A row as a scoring step would open it. */
static const struct vote_row plain_row = {
	.id = "r-beleid",
	.name = "Beleid",
	.group = "Strategie",
	.phase_name = { "Fase 1", "Fase 2", "Fase 3", "Fase 4" },
	.behaviour = { "Er is geen beleid.", "Er zijn losse afspraken.", "Er is beleid.",
		       "Beleid wordt elk jaar herzien." },
	.lang = "nl",
};

/* A room of the test: the room, where it listens, its last reply, a device's cookie. */
struct fixture {
	struct vote_room *room;
	struct vote_target at;
	struct vote_reply reply;
	char cookie[64];
};

/* Makes a room on LISTEN and opens ROW in it. */
static void room_up(struct fixture *f, const char *listen, const struct vote_row *row)
{
	struct vote_options o = { .listen = listen };
	char why[256] = "";

	memset(f, 0, sizeof(*f));
	f->room = vote_room_new(&o, why, sizeof(why));
	assert_non_null(f->room);
	assert_true(vote_room_open(f->room, row, why, sizeof(why)));
	assert_true(vote_target_parse(vote_room_url(f->room), &f->at));
}

/* Frees the room and the last reply. */
static void room_down(struct fixture *f)
{
	vote_reply_free(&f->reply);
	vote_room_free(f->room);
	f->room = NULL;
}

/* Sends METHOD PATH (the room's code put in for %s) with the fixture's cookie and BODY;
 * returns the status. */
static int ask(struct fixture *f, const char *method, const char *path, const char *body)
{
	char full[256];

	vote_reply_free(&f->reply);
	snprintf(full, sizeof(full), path, f->at.code, f->at.code);
	vote_request(&f->at, method, full, f->cookie[0] ? f->cookie : NULL, body, &f->reply);
	return f->reply.status;
}

/* Joins: GET /CODE, keeping the cookie; returns the serial of the row the page votes on. */
static unsigned join(struct fixture *f)
{
	f->cookie[0] = '\0';
	assert_int_equal(ask(f, "GET", "/%s", NULL), 200);
	assert_true(vote_reply_cookie(&f->reply, f->cookie));
	return vote_reply_serial(&f->reply);
}

/* Votes PHASE on the row of SERIAL; returns the status. */
static int vote(struct fixture *f, unsigned serial, int phase)
{
	char body[64];

	snprintf(body, sizeof(body), "row=%u&phase=%d", serial, phase);
	return ask(f, "POST", "/%s", body);
}

/* True when the room's wake fd is readable now. */
static bool woken(struct fixture *f)
{
	struct pollfd p = { .fd = vote_room_wake_fd(f->room), .events = POLLIN };

	return poll(&p, 1, 0) == 1;
}

/* Takes the queued events into OUT (at most 8); returns how many. */
static size_t take(struct fixture *f, struct vote_event out[8])
{
	return vote_room_take(f->room, out, 8);
}

/* True when libmicrohttpd is mapped into this process. */
static bool library_mapped(void)
{
	FILE *maps = fopen("/proc/self/maps", "r");
	char line[4096];
	bool found = false;

	assert_non_null(maps);
	while (fgets(line, sizeof(line), maps))
		found = found || strstr(line, "libmicrohttpd") != NULL;
	fclose(maps);
	return found;
}

/* A room that never opens voting loads no libmicrohttpd (start-up costs nothing); the first
 * open loads it. Runs first. */
static void test_library_loaded_on_first_open(void **state)
{
	struct vote_options o = { .listen = "127.0.0.1:0" };
	char why[256];
	struct vote_room *r;

	(void)state;
	assert_false(library_mapped());
	r = vote_room_new(&o, why, sizeof(why));
	assert_non_null(r);
	vote_room_keep_open(r, true);
	vote_room_close(r);
	assert_false(library_mapped());
	assert_true(vote_room_open(r, &plain_row, why, sizeof(why)));
	assert_true(library_mapped());
	vote_room_free(r);
}

/* Every path without the join code, with a wrong one, or unknown, is not found. */
static void test_not_found(void **state)
{
	struct fixture f;
	static const char *const paths[] = {
		"/", "/favicon.ico", "/index.html", "/%s/x", "/%s/state/", "/%s/../%s", "/../%s",
		"/%s/..", "/%s%%2e%%2e", "//%s", "/%sx", "/state", "/etc/passwd", "/%s/state/../..",
		"/%s/%%00", "/%s/\xff\xfe",
	};

	(void)state;
	room_up(&f, "127.0.0.1:0", &plain_row);
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		if (ask(&f, "GET", paths[i], NULL) != 404)
			fail_msg("%s: %d", paths[i], f.reply.status);
		assert_null(strstr(f.reply.head, "Set-Cookie"));
	}
	/* a code of the same length but another */
	char wrong[32];

	snprintf(wrong, sizeof(wrong), "/%s", f.at.code);
	wrong[1] = wrong[1] == 'a' ? 'b' : 'a';
	vote_reply_free(&f.reply);
	vote_request(&f.at, "GET", wrong, NULL, NULL, &f.reply);
	assert_int_equal(f.reply.status, 404);
	assert_int_equal(ask(&f, "POST", "/nothing", "row=1&phase=1"), 404);
	assert_int_equal(ask(&f, "PUT", "/%s", "row=1&phase=1"), 405);
	room_down(&f);
}

/* Wrong join codes share one budget over all connections: past 200 in 10 s they get 429
 * instead of 404 (guessing the code is slowed down to 20 tries a second), while requests with
 * the right code, and its own unknown paths, are answered as before. */
static void test_wrong_code_budget(void **state)
{
	struct fixture f;
	int not_found = 0, limited = 0;

	(void)state;
	room_up(&f, "127.0.0.1:0", &plain_row);
	for (int i = 0; i < 250; i++) {
		char path[32];

		snprintf(path, sizeof(path), "/%07d", i); /* 0 and 1 are in no join code */
		vote_reply_free(&f.reply);
		vote_request(&f.at, "GET", path, NULL, NULL, &f.reply);
		not_found += f.reply.status == 404;
		limited += f.reply.status == 429;
	}
	assert_int_equal(not_found, 200);
	assert_int_equal(limited, 50);
	assert_int_equal(ask(&f, "GET", "/%s", NULL), 200);
	assert_int_equal(ask(&f, "GET", "/%s/state", NULL), 200);
	assert_int_equal(ask(&f, "GET", "/%s/x", NULL), 404);
	room_down(&f);
}

/* The page and a 404 carry the security headers; the policy allows no other origin. */
static void test_security_headers(void **state)
{
	struct fixture f;
	char value[512];

	(void)state;
	room_up(&f, "127.0.0.1:0", &plain_row);
	for (int i = 0; i < 2; i++) {
		ask(&f, "GET", i ? "/nope" : "/%s", NULL);
		assert_true(vote_reply_header(&f.reply, "Content-Security-Policy", value,
					      sizeof(value)));
		assert_non_null(strstr(value, "default-src 'none'"));
		assert_non_null(strstr(value, "script-src 'sha256-"));
		assert_null(strstr(value, "unsafe"));
		assert_true(vote_reply_header(&f.reply, "X-Content-Type-Options", value, sizeof(value)));
		assert_string_equal(value, "nosniff");
		assert_true(vote_reply_header(&f.reply, "Referrer-Policy", value, sizeof(value)));
		assert_string_equal(value, "no-referrer");
		assert_true(vote_reply_header(&f.reply, "Cache-Control", value, sizeof(value)));
		assert_string_equal(value, "no-store");
	}
	room_down(&f);
}

/* Counts the bytes C in TEXT. */
static size_t count_char(const char *text, char c)
{
	size_t n = 0;

	for (; *text; text++)
		n += *text == c;
	return n;
}

/* Hostile texts in every field change no markup: the page has as many '<' and '"' as that of a
 * plain row, is valid UTF-8, and shows the texts escaped. */
static void test_page_escapes(void **state)
{
	struct fixture f;
	size_t plain_lt, plain_quote;
	char why[256];

	(void)state;
	room_up(&f, "127.0.0.1:0", &plain_row);
	assert_int_equal(ask(&f, "GET", "/%s", NULL), 200);
	assert_non_null(strstr(f.reply.body, "<html lang=\"nl\">"));
	assert_non_null(strstr(f.reply.body, "<h1>Beleid</h1>"));
	assert_non_null(strstr(f.reply.body, "Er zijn losse afspraken."));
	plain_lt = count_char(f.reply.body, '<');
	plain_quote = count_char(f.reply.body, '"');
	for (size_t i = 0; i < HOSTILE_COUNT + 2; i++) {
		const char *h = i < HOSTILE_COUNT ? hostile_strings[i]
				: i == HOSTILE_COUNT ? "<script>alert(1)</script>"
						     : "\"><img src=x onerror=alert(1)>&amp;";
		struct vote_row row = { .id = "x", .name = h, .group = h, .lang = h,
					.phase_name = { h, h, h, h }, .behaviour = { h, h, h, h } };

		assert_true(vote_room_open(f.room, &row, why, sizeof(why)));
		assert_int_equal(ask(&f, "GET", "/%s", NULL), 200);
		assert_int_equal(count_char(f.reply.body, '<'), plain_lt);
		assert_int_equal(count_char(f.reply.body, '"'), plain_quote);
		assert_int_equal(utf8_invalid_offset(f.reply.body, f.reply.body_len), f.reply.body_len);
		assert_null(strstr(f.reply.body, "\x1b"));
	}
	assert_non_null(strstr(f.reply.body, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;"));
	assert_non_null(strstr(f.reply.body, "<html lang=\"en\">")); /* not a language code */
	room_down(&f);
}

/* Joining sets a cookie of 128 bits (32 hex digits), HttpOnly, SameSite=Lax (sent when a
 * phone opens the link from a chat app, so that it keeps its one token; never with a
 * cross-site POST), for /CODE only; a device keeps its token; two devices get different
 * ones. */
static void test_join_cookie(void **state)
{
	struct fixture f;
	char value[256], path[32], first[64];

	(void)state;
	room_up(&f, "127.0.0.1:0", &plain_row);
	join(&f);
	assert_true(vote_reply_header(&f.reply, "Set-Cookie", value, sizeof(value)));
	assert_int_equal(strspn(value + strlen("meetlat="), "0123456789abcdef"), 32);
	assert_int_equal(value[strlen("meetlat=") + 32], ';');
	snprintf(path, sizeof(path), "; Path=/%s;", f.at.code);
	assert_non_null(strstr(value, path));
	assert_non_null(strstr(value, "; HttpOnly"));
	assert_non_null(strstr(value, "; SameSite=Lax"));
	assert_null(strstr(value, "Strict"));
	snprintf(first, sizeof(first), "%s", f.cookie);
	assert_int_equal(ask(&f, "GET", "/%s", NULL), 200); /* known: no new cookie */
	assert_null(strstr(f.reply.head, "Set-Cookie"));
	join(&f);
	assert_string_not_equal(first, f.cookie);
	room_down(&f);
}

/* A vote is queued once (and wakes the fd); the same device's second vote replaces the first;
 * the same phase again changes nothing; the page confirms the choice. */
static void test_vote_and_replace(void **state)
{
	struct fixture f;
	struct vote_event e[8];
	unsigned serial;
	char value[64], location[32];

	(void)state;
	room_up(&f, "127.0.0.1:0", &plain_row);
	serial = join(&f);
	assert_true(serial > 0);
	assert_false(woken(&f));
	assert_int_equal(vote(&f, serial, 3), 303);
	assert_true(vote_reply_header(&f.reply, "Location", value, sizeof(value)));
	snprintf(location, sizeof(location), "/%s", f.at.code);
	assert_string_equal(value, location);
	assert_true(woken(&f));
	assert_int_equal(take(&f, e), 1);
	assert_string_equal(e[0].row, "r-beleid");
	assert_int_equal(e[0].phase, 3);
	assert_int_equal(e[0].replaces, 0);
	assert_false(woken(&f));
	assert_int_equal(ask(&f, "GET", "/%s", NULL), 200);
	assert_non_null(strstr(f.reply.body, "Your vote has been received: phase 3"));
	assert_non_null(strstr(f.reply.body, "value=\"3\" aria-pressed=\"true\""));
	assert_non_null(strstr(f.reply.body, "value=\"2\" aria-pressed=\"false\""));
	assert_int_equal(ask(&f, "GET", "/%s/state", NULL), 200);
	snprintf(value, sizeof(value), "{\"key\":\"%u\",\"vote\":3}\n", serial);
	assert_string_equal(f.reply.body, value);
	assert_int_equal(vote(&f, serial, 1), 303);
	assert_int_equal(take(&f, e), 1);
	assert_int_equal(e[0].phase, 1);
	assert_int_equal(e[0].replaces, 3);
	assert_int_equal(vote(&f, serial, 1), 303); /* the same again */
	assert_int_equal(take(&f, e), 0);
	room_down(&f);
}

/* A vote from a device without a valid token is not counted: the page comes back with a
 * cookie and says so; a malformed form is refused. */
static void test_vote_without_token(void **state)
{
	struct fixture f;
	struct vote_event e[8];
	char cookie[64];

	(void)state;
	room_up(&f, "127.0.0.1:0", &plain_row);
	snprintf(f.cookie, sizeof(f.cookie), "meetlat=%032d", 7);
	assert_int_equal(vote(&f, 1, 2), 200);
	assert_true(vote_reply_cookie(&f.reply, cookie));
	assert_non_null(strstr(f.reply.body, "Your phone was not known yet"));
	assert_int_equal(take(&f, e), 0);
	snprintf(f.cookie, sizeof(f.cookie), "%s", cookie);
	assert_int_equal(ask(&f, "POST", "/%s", "row=1&phase=5"), 400);
	assert_int_equal(ask(&f, "POST", "/%s", "row=1&phase=2&x=1"), 400);
	assert_int_equal(ask(&f, "POST", "/%s", "row=1&phase=%32"), 400);
	assert_int_equal(take(&f, e), 0);
	assert_int_equal(vote(&f, 1, 2), 303);
	assert_int_equal(take(&f, e), 1);
	room_down(&f);
}

/* With the row closed (the page kept open) a vote is refused with "closed" and no event; a
 * page of an earlier row is refused too; reopening the same row keeps the device's vote, a new
 * row forgets it. */
static void test_closed_and_rows(void **state)
{
	struct fixture f;
	struct vote_event e[8];
	struct vote_row other = plain_row;
	unsigned serial;
	char why[256];

	(void)state;
	room_up(&f, "127.0.0.1:0", &plain_row);
	serial = join(&f);
	assert_int_equal(vote(&f, serial, 2), 303);
	assert_int_equal(take(&f, e), 1);
	vote_room_keep_open(f.room, true);
	vote_room_close(f.room);
	assert_false(vote_room_is_open(f.room));
	assert_int_equal(vote(&f, serial, 4), 409);
	assert_non_null(strstr(f.reply.body, "Voting is closed."));
	assert_non_null(strstr(f.reply.body, "Waiting for the next question"));
	assert_int_equal(ask(&f, "GET", "/%s/state", NULL), 200);
	assert_string_equal(f.reply.body, "{\"key\":\"0\",\"vote\":0}\n");
	assert_int_equal(take(&f, e), 0);
	assert_true(vote_room_open(f.room, &plain_row, why, sizeof(why)));
	assert_int_equal(vote(&f, serial, 4), 303);
	assert_int_equal(take(&f, e), 1);
	assert_int_equal(e[0].replaces, 2);
	other.id = "r-inzet";
	assert_true(vote_room_open(f.room, &other, why, sizeof(why)));
	assert_int_equal(vote(&f, serial, 1), 409); /* the page of the earlier row */
	assert_non_null(strstr(f.reply.body, "That question has closed"));
	assert_int_equal(take(&f, e), 0);
	assert_int_equal(vote(&f, vote_reply_serial(&f.reply), 1), 303);
	assert_int_equal(take(&f, e), 1);
	assert_string_equal(e[0].row, "r-inzet");
	assert_int_equal(e[0].replaces, 0);
	room_down(&f);
}

/* Votes are kept per row: A, then B, then A again, and a phone's next vote on A replaces its
 * first one there (one phone, one vote a row); its page of A shows that vote. */
static void test_rows_remembered(void **state)
{
	struct fixture f;
	struct vote_event e[8];
	struct vote_row other = plain_row;
	char why[256];

	(void)state;
	other.id = "r-inzet";
	room_up(&f, "127.0.0.1:0", &plain_row);
	assert_int_equal(vote(&f, join(&f), 2), 303);
	assert_int_equal(take(&f, e), 1);
	assert_true(vote_room_open(f.room, &other, why, sizeof(why)));
	assert_int_equal(ask(&f, "GET", "/%s", NULL), 200);
	assert_int_equal(vote(&f, vote_reply_serial(&f.reply), 3), 303);
	assert_int_equal(take(&f, e), 1);
	assert_int_equal(e[0].replaces, 0);
	assert_true(vote_room_open(f.room, &plain_row, why, sizeof(why)));
	assert_int_equal(ask(&f, "GET", "/%s", NULL), 200);
	assert_non_null(strstr(f.reply.body, "value=\"2\" aria-pressed=\"true\""));
	assert_int_equal(vote(&f, vote_reply_serial(&f.reply), 4), 303);
	assert_int_equal(take(&f, e), 1);
	assert_string_equal(e[0].row, "r-beleid");
	assert_int_equal(e[0].phase, 4);
	assert_int_equal(e[0].replaces, 2);
	assert_true(vote_room_open(f.room, &other, why, sizeof(why)));
	assert_int_equal(ask(&f, "GET", "/%s", NULL), 200);
	assert_int_equal(vote(&f, vote_reply_serial(&f.reply), 3), 303); /* the vote it has */
	assert_int_equal(take(&f, e), 0);
	room_down(&f);
}

/* A room remembers the votes of 64 rows: opening a 65th forgets those of the row opened
 * first, and only those. */
static void test_rows_cap(void **state)
{
	struct fixture f;
	struct vote_event e[8];
	struct vote_row row = plain_row;
	char id[16], why[256];
	unsigned serial;

	(void)state;
	room_up(&f, "127.0.0.1:0", &plain_row);
	serial = join(&f);
	for (int i = 0; i <= 64; i++) {
		if (i) {
			snprintf(id, sizeof(id), "r-%d", i);
			row.id = id;
			assert_true(vote_room_open(f.room, &row, why, sizeof(why)));
			serial++;
		}
		if (i < 2) {
			assert_int_equal(vote(&f, serial, 1), 303);
			assert_int_equal(take(&f, e), 1);
		}
	}
	row.id = "r-1";
	assert_true(vote_room_open(f.room, &row, why, sizeof(why)));
	assert_int_equal(vote(&f, ++serial, 2), 303);
	assert_int_equal(take(&f, e), 1);
	assert_int_equal(e[0].replaces, 1); /* still remembered */
	assert_true(vote_room_open(f.room, &plain_row, why, sizeof(why)));
	assert_int_equal(vote(&f, ++serial, 2), 303);
	assert_int_equal(take(&f, e), 1);
	assert_int_equal(e[0].replaces, 0); /* forgotten: r-64 took its place */
	room_down(&f);
}

/* Callocs still to fail (the server's thread takes them while the test thread waits). */
static volatile int callocs_to_fail;

/* calloc, failing while callocs_to_fail is above 0. */
static void *failing_calloc(size_t count, size_t size)
{
	if (callocs_to_fail > 0) {
		callocs_to_fail--;
		errno = ENOMEM;
		return NULL;
	}
	return calloc(count, size);
}

/* A connection whose request count finds no memory is refused (closed with no answer), not
 * let through without limits; the next connection is answered. */
static void test_connection_without_memory(void **state)
{
	struct fixture f;

	(void)state;
	room_up(&f, "127.0.0.1:0", &plain_row);
	callocs_to_fail = 1; /* the count of the next connection */
	mem.calloc = failing_calloc;
	ask(&f, "GET", "/%s", NULL);
	mem_reset();
	assert_int_equal(callocs_to_fail, 0);
	assert_int_equal(f.reply.status, 0);
	assert_int_equal(ask(&f, "GET", "/%s", NULL), 200);
	room_down(&f);
}

/* Milliseconds on the monotonic clock. */
static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* A body over 1 KB is refused with 413 by its length; one that arrives in chunks is cut off
 * once it passes 1 KB: the connection closes at once instead of at the idle timeout (10 s)
 * with no event. */
static void test_body_too_large(void **state)
{
	enum { CHUNK = 100 * 1024 };
	struct fixture f;
	struct vote_event e[8];
	char *body = malloc(2048), *request = malloc(CHUNK + 512), byte;
	unsigned serial;
	size_t n;
	long start;
	int fd;
	ssize_t got;

	(void)state;
	room_up(&f, "127.0.0.1:0", &plain_row);
	serial = join(&f);
	snprintf(body, 2048, "row=%u&phase=2&", serial);
	memset(body + strlen(body), '&', 2047 - strlen(body));
	body[2047] = '\0';
	assert_int_equal(ask(&f, "POST", "/%s", body), 413);
	n = (size_t)snprintf(request, 512,
			     "POST /%s HTTP/1.1\r\nHost: x\r\nCookie: %s\r\n"
			     "Transfer-Encoding: chunked\r\n\r\n%x\r\n",
			     f.at.code, f.cookie, (unsigned)CHUNK);
	memset(request + n, '&', CHUNK); /* and no last chunk: the upload would go on */
	start = now_ms();
	fd = vote_connect(&f.at, 5);
	assert_true(fd >= 0);
	(void)vote_send_all(fd, request, n + CHUNK); /* the server may close before the end */
	do
		got = recv(fd, &byte, 1, 0);
	while (got > 0 || (got < 0 && errno == EINTR));
	assert_true(got == 0 || errno == ECONNRESET); /* closed, not timed out */
	assert_true(now_ms() - start < 3000);
	close(fd);
	assert_int_equal(take(&f, e), 0);
	free(request);
	free(body);
	room_down(&f);
}

/* A GET or HEAD that carries a body (by its length or chunked) is refused with 400 and its
 * body never taken: no crash (the sanitized build runs this), and the room still answers. */
static void test_body_where_none_belongs(void **state)
{
	static const char *const heads[] = {
		"GET /%s HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 1000\r\n\r\n",
		"HEAD /%s HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 1000\r\n\r\n",
		"GET /%s/state HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
		"Content-Length: 1000\r\n\r\n",
		"GET /%s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
		"Transfer-Encoding: chunked\r\n\r\n3e8\r\n",
	};
	struct fixture f;
	char request[2048];

	(void)state;
	room_up(&f, "127.0.0.1:0", &plain_row);
	for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
		int n = snprintf(request, sizeof(request), heads[i], f.at.code);

		memset(request + n, 'A', 1000);
		vote_reply_free(&f.reply);
		vote_exchange(&f.at, request, (size_t)n + 1000, &f.reply);
		assert_int_equal(f.reply.status, 400);
	}
	assert_int_equal(ask(&f, "GET", "/%s", NULL), 200);
	room_down(&f);
}

/* More than 20 votes from a device in 10 s get 429; so does a 61st request on one connection
 * within 10 s, which is then closed. */
static void test_rate_limits(void **state)
{
	struct fixture f;
	struct vote_event e[8];
	unsigned serial;
	char *request = malloc(70 * 256);
	size_t len = 0, got;
	int fd, limited = 0, answered = 0;
	char *answers;

	(void)state;
	room_up(&f, "127.0.0.1:0", &plain_row);
	serial = join(&f);
	for (int i = 0; i < 20; i++) {
		assert_int_equal(vote(&f, serial, 1 + i % 2), 303);
		assert_int_equal(take(&f, e), 1);
	}
	assert_int_equal(vote(&f, serial, 3), 429);
	assert_int_equal(take(&f, e), 0);
	for (int i = 0; i < 70; i++)
		len += (size_t)sprintf(request + len, "GET /%s/state HTTP/1.1\r\nHost: x\r\n%s\r\n",
				       f.at.code, i == 69 ? "Connection: close\r\n" : "");
	fd = vote_connect(&f.at, 5);
	assert_true(fd >= 0);
	assert_true(vote_send_all(fd, request, len));
	answers = vote_read_all(fd, &got);
	close(fd);
	for (const char *a = answers; (a = strstr(a, "HTTP/1.1 429")); a++)
		limited++;
	for (const char *a = answers; (a = strstr(a, "HTTP/1.1 200")); a++)
		answered++;
	assert_int_equal(answered, 60); /* then one 429, and the connection is closed */
	assert_int_equal(limited, 1);
	free(answers);
	free(request);
	room_down(&f);
}

/* A client that sends half a request and waits blocks nobody; headers of 20 KB are refused
 * with a 4xx answer. */
static void test_slow_and_oversized(void **state)
{
	struct fixture f;
	char *request = malloc(32 * 1024);
	size_t n;
	int slow;

	(void)state;
	room_up(&f, "127.0.0.1:0", &plain_row);
	slow = vote_connect(&f.at, 5);
	assert_true(slow >= 0);
	assert_true(vote_send_all(slow, "GET /", 5));
	assert_int_equal(ask(&f, "GET", "/%s", NULL), 200);
	close(slow);
	n = (size_t)snprintf(request, 64, "GET /%s HTTP/1.1\r\nHost: x\r\nX-Big: ", f.at.code);
	memset(request + n, 'x', 20 * 1024);
	n += 20 * 1024;
	snprintf(request + n, 64, "\r\nConnection: close\r\n\r\n");
	vote_reply_free(&f.reply);
	vote_exchange(&f.at, request, strlen(request), &f.reply);
	assert_true(f.reply.status >= 400 && f.reply.status < 500);
	free(request);
	room_down(&f);
}

/* A flood of new devices (4096 and more GETs without a cookie) locks no phone out: a phone
 * that arrives after it joins and votes, the ones that voted before it still vote, and a
 * flooding token that never voted has lost its place. Only when all 4096 places hold phones
 * that voted does a new one get 429, with no cookie. */
static void test_device_flood(void **state)
{
	struct fixture f;
	struct vote_event e[8];
	char first[64], flooded[64];
	unsigned serial;

	(void)state;
	room_up(&f, "127.0.0.1:0", &plain_row);
	serial = join(&f);
	snprintf(first, sizeof(first), "%s", f.cookie);
	assert_int_equal(vote(&f, serial, 1), 303);
	assert_int_equal(take(&f, e), 1);
	for (int i = 0; i < 4096 + 100; i++) {
		f.cookie[0] = '\0';
		assert_int_equal(ask(&f, "GET", "/%s", NULL), 200);
		if (i == 0)
			assert_true(vote_reply_cookie(&f.reply, flooded));
	}
	join(&f); /* the phone that arrives after the flood */
	assert_int_equal(vote(&f, serial, 3), 303);
	assert_int_equal(take(&f, e), 1);
	assert_int_equal(e[0].replaces, 0);
	snprintf(f.cookie, sizeof(f.cookie), "%s", first);
	assert_int_equal(vote(&f, serial, 2), 303);
	assert_int_equal(take(&f, e), 1);
	assert_int_equal(e[0].replaces, 1);
	snprintf(f.cookie, sizeof(f.cookie), "%s", flooded);
	assert_int_equal(vote(&f, serial, 2), 200); /* not counted: a new token instead */
	assert_non_null(strstr(f.reply.body, "Your phone was not known yet"));
	assert_int_equal(take(&f, e), 0);
	for (int i = 3; i < 4096; i++) { /* 2 voted, and the new token of FLOODED */
		join(&f);
		assert_int_equal(vote(&f, serial, 4), 303);
	}
	join(&f); /* takes the place of FLOODED's new token, which never voted */
	assert_int_equal(vote(&f, serial, 4), 303);
	f.cookie[0] = '\0';
	assert_int_equal(ask(&f, "GET", "/%s", NULL), 429);
	assert_null(strstr(f.reply.head, "Set-Cookie"));
	assert_int_equal(ask(&f, "POST", "/%s", "row=1&phase=1"), 429);
	snprintf(f.cookie, sizeof(f.cookie), "%s", first);
	assert_int_equal(vote(&f, serial, 3), 303);
	room_down(&f);
}

/* The number of open file descriptors of this process. */
static int open_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	int n = 0;

	assert_non_null(d);
	while (readdir(d))
		n++;
	closedir(d);
	return n;
}

/* Closing stops the server (the same port comes back on the next open); after free nothing
 * listens and no descriptor is left open. */
static void test_stops_listening(void **state)
{
	struct fixture f;
	char url[128], why[256];
	int before = open_fds(), fd;

	(void)state;
	room_up(&f, "127.0.0.1:0", &plain_row);
	snprintf(url, sizeof(url), "%s", vote_room_url(f.room));
	vote_room_close(f.room);
	fd = vote_connect(&f.at, 2);
	assert_int_equal(fd, -1);
	assert_int_equal(errno, ECONNREFUSED);
	assert_true(vote_room_open(f.room, &plain_row, why, sizeof(why)));
	assert_string_equal(vote_room_url(f.room), url);
	assert_int_equal(ask(&f, "GET", "/%s", NULL), 200);
	room_down(&f);
	fd = vote_connect(&f.at, 2);
	assert_int_equal(fd, -1);
	assert_int_equal(errno, ECONNREFUSED);
	assert_int_equal(open_fds(), before);
}

/* Join codes are 7 characters without 0, o, 1, l or i, different for each room. */
static void test_join_codes(void **state)
{
	enum { ROOMS = 40 };
	char codes[ROOMS][16], why[256];
	struct vote_options o = { .listen = "127.0.0.1:0" };

	(void)state;
	for (int i = 0; i < ROOMS; i++) {
		struct vote_room *r = vote_room_new(&o, why, sizeof(why));
		struct vote_target t;

		assert_non_null(r);
		assert_null(vote_room_url(r)); /* nothing bound yet */
		assert_true(vote_room_open(r, &plain_row, why, sizeof(why)));
		assert_true(vote_target_parse(vote_room_url(r), &t));
		snprintf(codes[i], sizeof(codes[i]), "%s", t.code);
		assert_int_equal(strlen(codes[i]), 7);
		assert_int_equal(strspn(codes[i], "23456789abcdefghjkmnpqrstuvwxyz"), 7);
		for (int j = 0; j < i; j++)
			assert_string_not_equal(codes[i], codes[j]);
		vote_room_free(r);
	}
}

/* A port in use, an address not of this computer and a malformed --listen give clear reasons. */
static void test_bind_failures(void **state)
{
	struct fixture f;
	struct vote_options o;
	struct vote_room *r;
	char listen[64], why[256] = "";

	(void)state;
	room_up(&f, "127.0.0.1:0", &plain_row);
	snprintf(listen, sizeof(listen), "127.0.0.1:%d", f.at.port);
	o.listen = listen;
	r = vote_room_new(&o, why, sizeof(why));
	assert_non_null(r);
	assert_false(vote_room_open(r, &plain_row, why, sizeof(why)));
	assert_non_null(strstr(why, "is in use"));
	assert_non_null(strstr(why, listen + strlen("127.0.0.1:")));
	assert_false(vote_room_is_open(r));
	assert_null(vote_room_url(r));
	vote_room_free(r);
	o.listen = "192.0.2.1:0"; /* TEST-NET-1: no computer's address */
	r = vote_room_new(&o, why, sizeof(why));
	assert_non_null(r);
	assert_false(vote_room_open(r, &plain_row, why, sizeof(why)));
	assert_non_null(strstr(why, "is not an address of this computer"));
	vote_room_free(r);
	static const char *const bad[] = { "localhost:80", "1.2.3.4:99999", "::1:80", "[::1",
					   "1.2.3.4:", "1.2.3.4:x", "[::1]x" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		o.listen = bad[i];
		why[0] = '\0';
		assert_null(vote_room_new(&o, why, sizeof(why)));
		assert_non_null(strstr(why, "cannot listen on"));
	}
	room_down(&f);
}

/* The server answers on IPv6 loopback too (skipped where ::1 cannot be bound). */
static void test_ipv6(void **state)
{
	struct sockaddr_in6 s6 = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	int probe = socket(AF_INET6, SOCK_STREAM, 0);
	bool usable = probe >= 0 && bind(probe, (struct sockaddr *)&s6, sizeof(s6)) == 0;
	struct fixture f;
	struct vote_event e[8];

	(void)state;
	if (probe >= 0)
		close(probe);
	if (!usable)
		skip();
	room_up(&f, "[::1]:0", &plain_row);
	assert_non_null(strstr(vote_room_url(f.room), "http://[::1]:"));
	assert_int_equal(vote(&f, join(&f), 4), 303);
	assert_int_equal(take(&f, e), 1);
	assert_int_equal(e[0].phase, 4);
	room_down(&f);
}

/* The form parser takes exactly row=N&phase=1..4. */
static void test_form_parse(void **state)
{
	unsigned serial = 0;
	int phase = 0;
	static const char *const bad[] = { "", "row=1", "phase=2", "row=1&phase=0", "row=&phase=1",
					   "row=1&phase=2&row=3", "row=x&phase=1", "row=1&phase",
					   "row=1234567890&phase=1", "row=1;phase=2" };

	(void)state;
	assert_true(vote_form_parse("row=12&phase=4", 14, &serial, &phase));
	assert_int_equal(serial, 12);
	assert_int_equal(phase, 4);
	assert_true(vote_form_parse("phase=1&&row=3&", 15, &serial, &phase));
	assert_int_equal(serial, 3);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(vote_form_parse(bad[i], strlen(bad[i]), &serial, &phase));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_library_loaded_on_first_open),
		cmocka_unit_test(test_not_found),
		cmocka_unit_test(test_wrong_code_budget),
		cmocka_unit_test(test_security_headers),
		cmocka_unit_test(test_page_escapes),
		cmocka_unit_test(test_join_cookie),
		cmocka_unit_test(test_vote_and_replace),
		cmocka_unit_test(test_vote_without_token),
		cmocka_unit_test(test_closed_and_rows),
		cmocka_unit_test(test_rows_remembered),
		cmocka_unit_test(test_rows_cap),
		cmocka_unit_test(test_body_too_large),
		cmocka_unit_test(test_body_where_none_belongs),
		cmocka_unit_test(test_rate_limits),
		cmocka_unit_test(test_slow_and_oversized),
		cmocka_unit_test(test_device_flood),
		cmocka_unit_test(test_connection_without_memory),
		cmocka_unit_test(test_stops_listening),
		cmocka_unit_test(test_join_codes),
		cmocka_unit_test(test_bind_failures),
		cmocka_unit_test(test_ipv6),
		cmocka_unit_test(test_form_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
