/* text.h - a growing text in memory, kept NUL-terminated: bytes are appended and the memory
 * doubled as needed. When memory runs out the text is marked failed and nothing more is added
 * to it, so that a writer checks once, at the end. */
#ifndef MEETLAT_TEXT_H
#define MEETLAT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct text {
	char *data;  /* LEN bytes and a NUL; NULL while nothing was added */
	size_t len, cap;
	bool failed; /* memory ran out: what was added since is lost */
};

/* Makes room for N more bytes (and the NUL after them); false (T->failed) when memory is
 * exhausted or T failed before. */
bool text_reserve(struct text *t, size_t n);

/* Returns where N more bytes go, for a reader to fill (text_reserve), or NULL; text_grew then
 * counts the N bytes filled in. */
char *text_room(struct text *t, size_t n);

/* Counts the N bytes filled in where text_room said (and ends the text after them). */
void text_grew(struct text *t, size_t n);

/* Appends the N bytes at BYTES. */
void text_add(struct text *t, const char *bytes, size_t n);

/* Appends the NUL-terminated S. */
void text_adds(struct text *t, const char *s);

/* Appends the byte C. */
void text_addc(struct text *t, char c);

/* Empties T, keeping its memory; it is no longer failed. */
void text_clear(struct text *t);

/* Writes T to OUT and empties it (its memory kept); false when it could not be written or
 * memory had run out. */
bool text_write(struct text *t, FILE *out);

/* Releases what T holds and empties it. */
void text_free(struct text *t);

#endif
