/* store_scan.h - what a reader of many session files (the report) asks of one that the
 * session model does not say: which rows the file itself listed, and which content version
 * it names. For a session that store_read made; NULL-safe for a new one. */
#ifndef MEETLAT_STORE_SCAN_H
#define MEETLAT_STORE_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "session.h"

/* Returns true when the file S was read from listed row I (an index into S->scores) under
 * `scores:`; false for a row the session holds only because its content has it. */
bool store_row_listed(const struct session *s, size_t i);

/* Returns the sha256 that the file S was read from names for its content (of another
 * content too), or "" when it names none or S was not read from a file. */
const char *store_file_content_sha256(const struct session *s);

#endif
