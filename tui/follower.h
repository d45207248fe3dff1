/* follower.h - meetlat --follow: the room view of a session that the facilitator's meetlat
 * runs, read again whenever the file is saved: the step the facilitator is on, the votes as
 * the room is shown them, the summary when it is open, the box of phone voting (its QR code
 * and address from the sidecar next to the session, store_vote.h) while the row is open to
 * the phones. It never writes and holds no lock; it
 * notices when the facilitator's meetlat has closed. No curses (follow.c draws it). */
#ifndef MEETLAT_FOLLOWER_H
#define MEETLAT_FOLLOWER_H

#include <stdbool.h>

#include "store.h"
#include "ui.h"

struct follower {
	struct ui ui;            /* read-only; ui.s and ui.f: the session as last read */
	struct store_stamp seen; /* the file as it was when last read */
	bool ended;              /* no meetlat holds the session (any more, or yet) */
	bool held_once;          /* a meetlat was seen holding it */
	bool waiting;            /* none has been seen yet: the follower waits for it */
	unsigned long reads;     /* how many times the file was read and shown */
};

/* Opens the session at PATH read-only for content C into FW, laid out for COLS x ROWS;
 * false with D when it cannot be read (nothing is shown then). */
bool follower_start(struct follower *fw, const struct content *c, const char *path,
		    bool unicode, int cols, int rows, struct diag *d);

/* Reads the session file again when it changed since it was last read, and shows what it
 * holds; true when it was read. A file that cannot be read now (a save being made by hand)
 * leaves what is shown as it is. */
bool follower_refresh(struct follower *fw);

/* Reads the sidecar of phone voting next to the session again and shows the box of phone
 * voting while the facilitator's meetlat holds the session (as follower_check_end last found)
 * and the sidecar names the row of the step the session is at, the count of its votes from
 * the session file; takes it away otherwise. True when what the box shows changed. */
bool follower_refresh_vote(struct follower *fw);

/* Finds out whether the facilitator's meetlat holds the session, and says in the status line,
 * until one holds it (again), that the follower waits for it (none was seen yet) or that the
 * workshop has ended; true when what is said changed. */
bool follower_check_end(struct follower *fw);

/* Writes the folder of the session file PATH (every link followed) into DIR, and its name and
 * those of its lock file and of its sidecar of phone voting into NAME, LOCK_NAME and
 * VOTE_NAME (each SIZE bytes): what a watch on the folder looks for; false when PATH cannot
 * be followed to a file. */
bool follower_names(const char *path, char *dir, char *name, char *lock_name,
		    char *vote_name, size_t size);

/* Releases what FW holds. */
void follower_free(struct follower *fw);

#endif
