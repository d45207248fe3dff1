/* store_impl.h - what the reader, the writer and the file handling of session files share.
 * Private to sessions/store*.c and their tests. */
#ifndef MEETLAT_STORE_IMPL_H
#define MEETLAT_STORE_IMPL_H

#include "session.h"
#include "store.h"
#include "ynode.h"

/* The keys of a session file, in the order they are written (meetlat-session(5)). */
enum {
	SF_VERSION,
	SF_META, /* META_COUNT keys, in the order of enum session_meta */
	SF_CONTENT = SF_META + META_COUNT,
	SF_CREATED,
	SF_UPDATED,
	SF_POSITION,
	SF_SHOWING,
	SF_SELECTED,
	SF_SCROLLED,
	SF_SCORES,
	SF_ACTIONS,
	SF_TIMINGS,
	SF_BASELINE,
	SF_FOLLOWED_UP,
	SF_COUNT
};
/* The keys of `content`, of a row of `scores`, of an action and of a timing. */
enum { CF_ID, CF_SHA256, CF_COUNT };
enum { SC_VOTES, SC_CURRENT, SC_TARGET, SC_NOTE, SC_REVEALED, SC_COUNT };
enum { AF_TEXT, AF_DIMENSION, AF_OWNER, AF_DUE, AF_DONE, AF_COUNT };
enum { TF_STEP, TF_SECONDS, TF_COUNT };
/* The keys of `baseline` and of a follow-up of last time's actions. */
enum { BF_PATH, BF_SHA256, BF_COUNT };
enum { FU_TEXT, FU_DIMENSION, FU_OWNER, FU_DUE, FU_OUTCOME, FU_ACTION, FU_COUNT };

/* The values of `showing:` (enum session_showing): what the room is shown over the step. */
extern const char *const store_showing_names[SHOWING_SUMMARY + 1];

extern const struct yfield store_fields[SF_COUNT];
extern const struct yfield store_content_fields[CF_COUNT];
extern const struct yfield store_score_fields[SC_COUNT];
extern const struct yfield store_action_fields[AF_COUNT];
extern const struct yfield store_timing_fields[TF_COUNT];
extern const struct yfield store_baseline_fields[BF_COUNT];
extern const struct yfield store_followup_fields[FU_COUNT];

/* A timing read from the file and written back as it was, after the timings of the steps:
 * one for a step the agenda does not have (or an old step number that cannot be trusted),
 * or a second entry for a step (its seconds are counted in that step's time). */
struct store_kept_timing {
	const struct ynode *node; /* the mapping as read */
	long step;                /* the step it is a repeat for, or -1 when not placed */
	unsigned long seconds;
};

/* What a session read from a file keeps of it (session.h: s->origin): the parsed document,
 * which stays alive so that unknown keys are written back, and where in it each part of the
 * session was read from. Made by the reader, released through s->origin_free. */
struct store_origin {
	struct ydoc doc;
	const struct ynode *root, *content; /* the top-level mapping and `content:` */
	const struct ynode **scores; /* per row of the session: the mapping it was read from */
	size_t n_scores;             /* rows in SCORES (NULL when the file had no `scores:`) */
	const struct ynode *actions; /* `actions:`; the action with origin N was item N - 1 */
	const struct ynode *baseline; /* `baseline:` */
	const struct ynode *followups; /* `followed_up:`; the follow-up with origin N: item N - 1 */
	const struct ynode **timings; /* per step of the content: its timing as read, or NULL */
	struct store_kept_timing *kept_timings; /* in the order read */
	size_t n_kept_timings, cap_kept_timings;
	char *kept_text; /* the kept timings as written, made on the first save, or NULL */
	size_t kept_len;
};

/* True (the default): store_emit writes what it can directly, byte for byte as libyaml
 * would; false: everything through libyaml (for the tests that compare the two). */
extern bool store_direct_writes;

/* Returns a malloc'd string made from FMT, or NULL when memory is exhausted. */
char *store_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Adds a warning made from FMT to S->warnings; false when memory is exhausted. */
bool store_warn(struct session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
