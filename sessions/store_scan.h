/* store_scan.h - what a reader of many session files (the report) asks of one that the
 * session model does not say: which rows the file itself listed, and which content version
 * it names. For a session that store_read made; NULL-safe for a new one. */
#ifndef MEETLAT_STORE_SCAN_H
#define MEETLAT_STORE_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "content.h"
#include "diag.h"
#include "session.h"

/* How store_read's messages name the parts of a file (the parts that come many times and
 * those of every file), in the language spoken when store_words_init made them: a reader of
 * many files (the report) makes them once, not once per file. Read-only once made, so one
 * set serves any number of threads. */
struct store_words {
	const char *vote, *row, *row_id, *timing, *timing_step, *timing_seconds;
	const char *action, *action_text, *action_row, *action_owner, *action_due;
	const char *session_file, *content_id;
	char meta[META_COUNT][32]; /* "'title'", "'organisation'", ... */
};

/* Fills W in the language spoken now. */
void store_words_init(struct store_words *w);

/* As store_read (store.h), naming the parts of the file with WORDS. Safe to call from
 * several threads at once for different files (after libyaml has been loaded once:
 * yamllib_load), as it keeps no state of its own between calls. */
struct session *store_read_words(const char *name, const char *buf, size_t len,
				 const struct content *c, unsigned flags,
				 const struct store_words *words, struct diag *d);

/* Returns true when the file S was read from listed row I (an index into S->scores) under
 * `scores:`; false for a row the session holds only because its content has it. */
bool store_row_listed(const struct session *s, size_t i);

/* Returns the sha256 that the file S was read from names for its content (of another
 * content too), or "" when it names none or S was not read from a file. */
const char *store_file_content_sha256(const struct session *s);

#endif
