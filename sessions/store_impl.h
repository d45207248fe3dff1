/* store_impl.h - what the reader, the writer and the file handling of session files share.
 * Private to sessions/store*.c and their tests. */
#ifndef MEETLAT_STORE_IMPL_H
#define MEETLAT_STORE_IMPL_H

#include "session.h"
#include "ynode.h"

/* The keys of a session file, in the order they are written (meetlat-session(5)). */
enum {
	SF_VERSION,
	SF_META, /* META_COUNT keys, in the order of enum session_meta */
	SF_CONTENT = SF_META + META_COUNT,
	SF_CREATED,
	SF_UPDATED,
	SF_POSITION,
	SF_SCORES,
	SF_ACTIONS,
	SF_TIMINGS,
	SF_COUNT
};
/* The keys of `content`, of a row of `scores`, of an action and of a timing. */
enum { CF_ID, CF_SHA256, CF_COUNT };
enum { SC_VOTES, SC_CURRENT, SC_TARGET, SC_NOTE, SC_COUNT };
enum { AF_TEXT, AF_DIMENSION, AF_OWNER, AF_DUE, AF_DONE, AF_COUNT };
enum { TF_STEP, TF_SECONDS, TF_COUNT };

extern const struct yfield session_fields[SF_COUNT];
extern const struct yfield session_content_fields[CF_COUNT];
extern const struct yfield session_score_fields[SC_COUNT];
extern const struct yfield session_action_fields[AF_COUNT];
extern const struct yfield session_timing_fields[TF_COUNT];

/* Returns a malloc'd string made from FMT, or NULL when memory is exhausted. */
char *store_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Adds a warning made from FMT to S->warnings; false when memory is exhausted. */
bool session_warn(struct session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
