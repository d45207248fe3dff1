/* store_vote.h - the sidecar of phone voting: a small hidden file next to the session file,
 * "<folder>/.<name>.vote", in which the facilitator's meetlat says, while a row is open to
 * the phones (or the participants' page is kept open), what the room's box needs: the
 * phones' address (the server's own address and join code) and the id of the row open. A
 * follower (meetlat --follow) reads it to show the same box. It holds nothing else: no
 * tokens, no phones' addresses, no times. It is transient (removed when voting closes and at
 * the end; a kill leaves it, and the next meetlat to hold the session removes it), so it is
 * replaced atomically (a temporary file renamed over it, mode 0600) but never flushed to
 * disk: after a crash of the machine it may be missing or old, never half written. */
#ifndef MEETLAT_STORE_VOTE_H
#define MEETLAT_STORE_VOTE_H

#include <stdbool.h>

enum {
	STORE_VOTE_URL_MAX = 256, /* the address, with its terminating NUL */
	STORE_VOTE_ROW_MAX = 65,  /* a row's id (ident_valid: at most 64 characters) and NUL */
};

/* What the sidecar says. */
struct store_vote {
	char url[STORE_VOTE_URL_MAX]; /* http://ADDR:PORT/CODE: printable ASCII, no spaces */
	char row[STORE_VOTE_ROW_MAX]; /* the id of the row open to the phones; "" when only the
				       * participants' page is kept open */
};

/* Returns the malloc'd path of the sidecar of the session file REAL_PATH (every link
 * followed): "<folder>/.<name>.vote"; NULL when memory is exhausted. */
char *store_vote_name(const char *real_path);

/* Writes V as the sidecar of the session file REAL_PATH, replacing the one there in one
 * step (a reader sees the old one or the new one, never a part); false with errno (EINVAL
 * for a V that is not one: see struct store_vote), nothing left behind then. */
bool store_vote_write(const char *real_path, const struct store_vote *v);

/* Reads the sidecar of the session file REAL_PATH into V; false when there is none, or what
 * is there is not a sidecar as store_vote_write writes it (garbled, too long, not a regular
 * file): then no vote is open. */
bool store_vote_read(const char *real_path, struct store_vote *v);

/* Removes the sidecar of the session file REAL_PATH; true when there is none now. */
bool store_vote_remove(const char *real_path);

#endif
