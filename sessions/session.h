/* session.h - one workshop: its metadata, the group's votes and agreements per row, the
 * actions, the time spent per step and where to resume. No terminal here.
 *
 * Every operation validates its input against the content and refuses what does not fit,
 * with a short reason in *WHY (a static string, in the language the interface speaks). A
 * refused operation changes nothing. */
#ifndef MEETLAT_SESSION_H
#define MEETLAT_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "content.h"

enum {
	SESSION_VERSION = 1,
	SESSION_TEXT_MAX = 16384, /* bytes in one text field (note, action text, ...) */
	SESSION_VOTES_MAX = 999,  /* votes per row */
	SESSION_ACTIONS_MAX = 10000,
	SESSION_SECONDS_MAX = 999999999, /* time on one step (31 years): what a file may hold */
};

/* What the group recorded for one row of the behaviour table. */
struct session_score {
	char *dimension;   /* the row's id */
	bool known;        /* the content has this row; false: kept from the file, not shown */
	int *votes;        /* phase numbers, in the order given */
	size_t n_votes, cap_votes;
	int current, target; /* agreed phases; 0 when not agreed */
	char *note;        /* "" when none */
	bool revealed;     /* the room is shown the votes (the spread), not only their number */
};

struct session_action {
	char *text;      /* never empty */
	char *dimension; /* the row's id, or NULL for the workshop as a whole */
	char *owner;     /* "" when nobody is named */
	char due[11];    /* YYYY-MM-DD, or "" */
	bool done;
	size_t origin; /* the store's number for what it was read from (0: added since); the
			  model only carries it along, through edits and deletions */
	unsigned long serial; /* names it in this session while it is open: given when it is
				 added, in increasing order, kept through edits, never reused */
};

/* The fields of an action as a form gives them (borrowed strings). */
struct action_fields {
	const char *text, *dimension, *owner, *due; /* dimension and due may be NULL or "" */
};

enum { SESSION_SCROLLED_END = 1000 };

/* What the room is shown over the step the session is at. */
enum session_showing { SHOWING_STEP, SHOWING_SUMMARY };

enum session_meta { META_TITLE, META_ORGANISATION, META_GROUP, META_FACILITATOR, META_DATE,
		    META_PARTICIPANTS, META_COUNT };

/* What the store keeps of the file a session was read from, so that it can write back what
 * this version does not know (unknown keys, timings and rows it cannot place). Opaque here:
 * the store (sessions/store*) defines, fills and reads it; the model knows no file format. */
struct store_origin;

/* The earlier session this one follows (baseline.h); NULL when none. */
struct session_baseline;
struct session_followup;

struct session {
	const struct content *content; /* the content it is open with; outlives the session */
	char *meta[META_COUNT]; /* texts; date is YYYY-MM-DD or "", participants digits or "" */
	char *content_id;
	char content_sha256[SHA256_HEX];
	char *other_content_id; /* the content the file named when it was another: NULL */
	/* ISO 8601 with the local offset, e.g. 2026-11-26T14:03:00+01:00; kept as read from a
	 * file (which may write UTC as 2026-11-26T13:03:00Z), until a save sets UPDATED anew */
	char created[32], updated[32];
	size_t position; /* agenda step to resume at, 0-based (by its step id in the file) */
	enum session_showing showing; /* shown over that step (a follower shows it too) */
	/* Where the room's view of that step is (a follower and a resume show the same): */
	size_t selected;   /* on a table step, the row selected (0: the first) */
	unsigned scrolled; /* how far the step is scrolled, per mille of the way from its top
			      to its end (0: the top, SESSION_SCROLLED_END: the end) */
	/* scores[i] for i < n_dimensions of the content is row i; after them the rows the
	 * content no longer has, kept as read. */
	struct session_score *scores;
	size_t n_scores;
	struct session_action *actions; /* in the order added, so in increasing serial */
	size_t n_actions, cap_actions;
	unsigned long action_serials; /* the serial given last (0: none yet) */
	unsigned long *seconds; /* time spent per step, n_steps of the content */
	size_t n_seconds;
	bool dirty;             /* changed since it was last saved */
	/* What it was read from, or NULL for a new session: the store sets both, and
	 * session_free releases ORIGIN by calling ORIGIN_FREE. */
	struct store_origin *origin;
	void (*origin_free)(struct store_origin *origin);
	char **warnings; /* things worth telling the facilitator after a read */
	size_t n_warnings;
	char *agenda_notice; /* one line when the agenda changed since the file was written */
	struct session_baseline *baseline; /* the earlier session it follows, or NULL */
	/* last time's open actions and what this session decided for each (baseline.h) */
	struct session_followup *followups;
	size_t n_followups;
};

/* Returns a new empty session for content C (which must outlive it), titled TITLE, dated
 * today; NULL on exhaustion. */
struct session *session_new(const struct content *c, const char *title);

/* Releases S and everything it holds; NULL is allowed. */
void session_free(struct session *s);

/* Returns the name of metadata field F as written in the file ("title", "organisation", ...). */
const char *session_meta_key(enum session_meta f);

/* Returns how metadata field F is labelled for people ("Title", "Organisation", ...). */
const char *session_meta_label(enum session_meta f);

/* Returns the index in C of the row action A belongs to; -1 when it is for the workshop as a
 * whole or C no longer has that row. */
long session_action_row(const struct session_action *a, const struct content *c);

/* Returns true when VALUE may be metadata field F: one line; a title not empty, a date that
 * exists, participants 0-9999. */
bool session_meta_valid(enum session_meta f, const char *value, const char **why);

/* Sets metadata field F to VALUE (see session_meta_valid). */
bool session_set_meta(struct session *s, enum session_meta f, const char *value,
		      const char **why);

/* Adds one vote for PHASE to row DIM. */
bool session_vote_add(struct session *s, const struct content *c, size_t dim, int phase,
		      const char **why);

/* Replaces one vote for EARLIER of row DIM by a vote for PHASE, added last (a participant
 * who changes their vote); when no vote for EARLIER is left (the facilitator undid it), only
 * adds. A PHASE or row refused changes nothing. */
bool session_vote_replace(struct session *s, const struct content *c, size_t dim, int earlier,
			  int phase, const char **why);

/* Removes the last vote of row DIM. */
bool session_vote_undo(struct session *s, size_t dim, const char **why);

/* Sets the agreed current phase of row DIM (0 clears it). */
bool session_set_current(struct session *s, const struct content *c, size_t dim, int phase,
			 const char **why);

/* Sets the target phase of row DIM (0 clears it). A target below the current phase is
 * accepted here: asking for confirmation is the screen's task. */
bool session_set_target(struct session *s, const struct content *c, size_t dim, int phase,
			const char **why);

/* Sets the note of row DIM ("" clears it). */
bool session_set_note(struct session *s, size_t dim, const char *text, const char **why);

/* Appends an action; returns its index, or -1 with *WHY. */
long session_action_add(struct session *s, const struct content *c,
			const struct action_fields *f, const char **why);

/* Replaces the fields of action I; its row may stay one the content no longer has. */
bool session_action_edit(struct session *s, const struct content *c, size_t i,
			 const struct action_fields *f, const char **why);

/* Returns the index of the action of S with SERIAL, or -1 when it has none (deleted). */
long session_action_find(const struct session *s, unsigned long serial);

/* Flips action I between done and not done. */
bool session_action_toggle(struct session *s, size_t i, const char **why);

/* Deletes action I. */
bool session_action_delete(struct session *s, size_t i, const char **why);

/* Shows (REVEALED) or hides the spread of the votes of row DIM to the room. */
bool session_set_revealed(struct session *s, size_t dim, bool revealed, const char **why);

/* Sets what the room is shown over the current step. */
void session_set_showing(struct session *s, enum session_showing showing);

/* Sets where the room's view of the current step is: SELECTED, the row selected on a table
 * step (0 on other steps), and SCROLLED, how far it is scrolled (per mille, at most
 * SESSION_SCROLLED_END); false with *WHY for a row the content does not have. */
bool session_set_view(struct session *s, size_t selected, unsigned scrolled, const char **why);

/* Sets the step to resume at (0-based, below the content's number of steps). */
bool session_move(struct session *s, const struct content *c, size_t step, const char **why);

/* Adds SECONDS to the time spent on STEP, up to SESSION_SECONDS_MAX. Not a change that needs
 * an immediate save. */
bool session_tick(struct session *s, size_t step, unsigned long seconds, const char **why);

/* Returns true when row DIM has an agreed current or target phase. */
bool session_row_scored(const struct session *s, size_t dim);

/* Returns the seconds spent on all the steps together. */
unsigned long session_seconds_spent(const struct session *s);

/* Writes the moment WHEN as local time in ISO 8601 with the local offset from UTC into BUF (at
 * least 32 bytes): 2026-12-01T13:05:09+01:00 in Amsterdam in winter, +02:00 in summer,
 * +00:00 in UTC; with Z, in UTC, only when the local offset cannot be had. */
void session_time_format(time_t when, char *buf, size_t size);

/* Writes the current local time as session_time_format does into BUF (at least 32 bytes). */
void session_timestamp(char *buf, size_t size);

#endif
