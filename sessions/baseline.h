/* baseline.h - the earlier session a session follows (the nulmeting, or the last meeting of
 * the same group): where each row stood then, and the actions left open then, with what this
 * session decides about each. The earlier file is only ever read: no lock, never written.
 *
 * A session file names its baseline by path and sha256 (meetlat-session(5)). When that file
 * is missing, cannot be read or was scored against another content, this is said in one
 * plain line (baseline_note) and nothing else changes; when it changed since it was chosen,
 * it is still used, and the line says so. */
#ifndef MEETLAT_BASELINE_H
#define MEETLAT_BASELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "session.h"

struct store_file;

enum baseline_state {
	BASELINE_UNREAD,        /* named by the session, not read (yet) */
	BASELINE_OK,            /* read and used */
	BASELINE_CHANGED,       /* read and used, but its bytes changed since it was chosen */
	BASELINE_OTHER_CONTENT, /* scored against another content: not used */
	BASELINE_MISSING,       /* no file there: not used */
	BASELINE_UNREADABLE,    /* not a session file that can be read: not used */
};

struct session_baseline {
	char *path;              /* as in the file: relative to the session's folder, or absolute */
	char sha256[SHA256_HEX]; /* of its bytes when it was chosen, or "" */
	enum baseline_state state;
	char *title;             /* of the earlier session once read, else NULL */
	char *organisation, *group; /* the same */
	char date[11];           /* its date (YYYY-MM-DD) once read, or "" */
	int *current, *target;   /* per row of the content then, 0: not agreed; NULL unless used */
	size_t n_rows;
	bool actions_missing;    /* memory ran out: not every open action of it was taken */
};

/* What this session decided about one action left open last time. */
enum followup_outcome { FOLLOWUP_OPEN, FOLLOWUP_DONE, FOLLOWUP_CARRIED, FOLLOWUP_DROPPED,
			FOLLOWUP_COUNT };

struct session_followup {
	char *text;      /* never empty */
	char *owner;     /* "" when nobody is named */
	char due[11];    /* YYYY-MM-DD, or "" */
	char *dimension; /* the row's id, or NULL */
	enum followup_outcome outcome;
	size_t origin;   /* the store's number of the item it was read from (0: since) */
	unsigned long carried_by; /* carried: the serial of the action of this session that
				     carries it over (0: none, or not known) */
};

/* How a row moved from last time to now. */
enum movement { MOVE_NONE, MOVE_UP, MOVE_SAME, MOVE_DOWN };

/* Returns the word an outcome is written as in a file ("open", "done", "carried", "dropped"). */
const char *followup_outcome_key(enum followup_outcome o);

/* Returns the outcome written as KEY, or FOLLOWUP_COUNT. */
enum followup_outcome followup_outcome_from_key(const char *key);

/* Returns how outcome O is shown to people, in the language spoken now. */
const char *followup_outcome_label(enum followup_outcome o);

/* Records that S follows the session file at PATH (as the file writes it), whose bytes had
 * SHA256 ("" when unknown) when it was chosen; false with *WHY for an empty or multi-line
 * path or a malformed sha256. The baseline is read by baseline_apply. */
bool session_set_baseline(struct session *s, const char *path, const char *sha256,
			  const char **why);

/* Appends a decided follow-up (as read from a file) to S; false with *WHY. */
bool session_followup_add(struct session *s, const struct action_fields *f,
			  enum followup_outcome o, const char **why);

/* Makes S (saved at SESSION_PATH, which need not exist yet) follow the earlier session at
 * FILE: reads it (read-only), refuses with a message in D what cannot be read or was scored
 * against another content than C, and records its path (relative when both lie in one
 * folder) and sha256, then applies it (baseline_apply). */
bool baseline_choose(struct session *s, const struct content *c, const char *file,
		     const char *session_path, struct diag *d);

/* Reads the baseline S names (a relative path from the folder of SESSION_PATH), read-only:
 * sets its state, last time's phases per row of C, and adds its open actions that S has not
 * decided yet to S's follow-ups (as FOLLOWUP_OPEN). Does nothing when S names none. */
void baseline_apply(struct session *s, const struct content *c, const char *session_path);

/* Opens the session at PATH (store_open with C and FLAGS) into *F and *S, following BASELINE
 * (a session file to follow from now on, or NULL: the one the session names, if any). When
 * it has follow-ups (the baseline left actions open, or the session decided some), it is
 * opened with C's agenda led by the step of last time's actions: that content is made in
 * *WITH (C itself is *WITH's base; the caller releases *WITH after the session), else *WITH
 * is NULL. False with D, nothing left open. */
bool baseline_open(const char *path, const char *baseline, const struct content *c,
		   unsigned flags, struct content **with, struct store_file **f,
		   struct session **s, struct diag *d);

/* Returns true when S follows a baseline that was read and is used (OK or CHANGED). */
bool baseline_in_use(const struct session *s);

/* Stores last time's agreed phases of row DIM in *CURRENT and *TARGET (0: not agreed); false
 * when the baseline is not in use or agreed nothing for the row. */
bool baseline_row(const struct session *s, size_t dim, int *current, int *target);

/* Returns how a phase moved from BEFORE to NOW (0: not agreed; then MOVE_NONE). */
enum movement baseline_movement(int before, int now);

/* Returns the mark of movement M: "↑", "↓", "=" (UNICODE) or "^", "v", "="; "" for none. */
const char *movement_mark(enum movement m, bool unicode);

/* Writes the one plain line that names S's baseline and its state into BUF ("Compared with
 * last time: ...", or why it is not used); returns BUF, or NULL when S follows none. */
const char *baseline_note(const struct session *s, char *buf, size_t size);

/* Returns true when the note of S's baseline tells of a problem (not used, or changed). */
bool baseline_note_warns(const struct session *s);

/* Decides follow-up I of S: done, carried over (a new action of S, for the same row and
 * owner, its text naming the date it came from), dropped, or open again (the action that
 * carried it over is taken back, if it is still there, however it was edited). False with
 * *WHY. */
bool session_followup_decide(struct session *s, const struct content *c, size_t i,
			     enum followup_outcome o, const char **why);

/* Returns how many follow-ups of S are still undecided. */
size_t session_followups_open(const struct session *s);

/* Releases S's baseline and follow-ups (session_free calls it). */
void session_baseline_clear(struct session *s);

#endif
