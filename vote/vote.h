/* vote/vote.h - phone voting on the room's network: an embedded HTTP server (libmicrohttpd,
 * its own thread) that serves one small page per open row and queues the votes for the TUI.
 *
 * The room lives for the workshop: it holds the join code (random, made once per room), the
 * address to listen on and the devices' tokens and votes. The server runs only while a row is
 * open or the page is kept open (vote_room_keep_open); it listens only on the address given
 * (never all interfaces unless 0.0.0.0 or [::] is named). Nothing about devices is written
 * anywhere. All functions are called from one thread (the TUI's); the server's own thread
 * shares the room state with them under a mutex. */
#ifndef MEETLAT_VOTE_H
#define MEETLAT_VOTE_H

#include <stdbool.h>
#include <stddef.h>

struct vote_room; /* lives for the workshop: join code, devices, the address */

/* LISTEN: "ADDR:PORT" or "[V6ADDR]:PORT"; NULL: the first private LAN address (10/8,
 * 172.16/12, 192.168/16, fd00::/8), port 8421; port 0: any free port. Never all interfaces
 * unless the facilitator names 0.0.0.0 or [::] explicitly. */
struct vote_options {
	const char *listen;
};

/* The open row as the phone page shows it; the texts are copied. */
struct vote_row {
	const char *id;            /* the row's id (at most 63 bytes) */
	const char *name, *group;  /* shown as the page's heading */
	const char *phase_name[4]; /* "Fase 1" ... or the content's phase names */
	const char *behaviour[4];  /* the four behaviour texts: the buttons */
	const char *lang;          /* "nl"/"en": the page's lang= and language */
};

/* One vote taken from the queue: ROW's id, PHASE 1..4; REPLACES is 0, or this device's
 * earlier phase for that row, which this vote replaces. A device that votes the phase it
 * already has makes no event. */
struct vote_event {
	char row[64];
	int phase;
	int replaces;
};

/* Parses the address, makes the join code (7 characters of 2-9 and a-z without o, l, i;
 * random, per workshop); binds nothing and loads no library yet. With no address given the
 * private address is looked up at the first open. NULL and the reason in WHY when the address
 * cannot be parsed. */
struct vote_room *vote_room_new(const struct vote_options *o, char *why, size_t why_size);

/* Opens voting on ROW: starts the server if it is not running (loading libmicrohttpd the
 * first time; binding; after the first bind the same port again). The devices' votes are kept
 * per row id: opening a row again, right away or after others, keeps the devices' votes on
 * it, and a phone's next vote then replaces its earlier one (up to 64 rows; past them the row
 * opened first of those remembered is forgotten). A page of the row opened before is stale
 * unless the same row is opened again right away. False and a clear reason in WHY (port in
 * use, no such address, no network, libmicrohttpd not installed). */
bool vote_room_open(struct vote_room *r, const struct vote_row *row, char *why, size_t why_size);

/* Closes voting (a vote now gets "voting is closed"); stops the server unless kept open. */
void vote_room_close(struct vote_room *r);

/* KEEP: the participant page stays served between rows (the server keeps running after
 * vote_room_close, and starts again now if it ran before; false stops it if no row is
 * open). */
void vote_room_keep_open(struct vote_room *r, bool keep);

/* True while a row is open for votes. */
bool vote_room_is_open(const struct vote_room *r);

/* "http://192.168.1.20:8421/k7m2p9x" once bound (the server has run at least once), else
 * NULL. */
const char *vote_room_url(const struct vote_room *r);

/* Readable while votes are queued; the TUI polls it with stdin. */
int vote_room_wake_fd(const struct vote_room *r);

/* Takes up to MAX queued votes into OUT, oldest first, and returns how many; clears the wake
 * fd when the queue is empty. */
size_t vote_room_take(struct vote_room *r, struct vote_event *out, size_t max);

/* Stops the server (nothing listens after it) and frees the room. NULL is allowed. */
void vote_room_free(struct vote_room *r);

#endif
