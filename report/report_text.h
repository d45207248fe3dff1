/* report_text.h - a growing text in memory: what a worker of the walk writes for one session
 * (its CSV lines) and the main thread writes out in the order of the files. */
#ifndef MEETLAT_REPORT_TEXT_H
#define MEETLAT_REPORT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct report_text {
	char *data;  /* LEN bytes, not NUL-terminated */
	size_t len, cap;
	bool failed; /* memory ran out: what was added since is lost */
};

/* Makes room for N more bytes; false (T->failed) when memory is exhausted. */
bool report_text_reserve(struct report_text *t, size_t n);

/* Appends the N bytes at BYTES. */
void report_text_add(struct report_text *t, const char *bytes, size_t n);

/* Appends the NUL-terminated TEXT. */
void report_text_adds(struct report_text *t, const char *text);

/* Appends the byte C. */
void report_text_addc(struct report_text *t, char c);

/* Writes T to OUT and empties it; false when it could not be written or memory had run out. */
bool report_text_flush(struct report_text *t, FILE *out);

/* Releases what T holds and empties it. */
void report_text_free(struct report_text *t);

#endif
