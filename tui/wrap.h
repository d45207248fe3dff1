/* wrap.h - measuring UTF-8 text by display width and breaking it into lines. No curses. */
#ifndef MEETLAT_WRAP_H
#define MEETLAT_WRAP_H

#include <stddef.h>
#include <stdint.h>

/* Returns the columns character CP takes: 0 (combining), 1 or 2 (wide). Control characters
 * count as 1 (they are shown replaced). Needs a UTF-8 LC_CTYPE for non-ASCII. */
int text_char_width(uint32_t cp);

/* Returns the display width of the LEN bytes at S. */
size_t text_width(const char *s, size_t len);

/* Returns how many bytes of S (LEN bytes) fit in WIDTH columns, never cutting a character
 * and keeping the combining characters that follow the last one that fits. */
size_t text_fit(const char *s, size_t len, size_t width);

/* Finds the first line of the paragraph S (LEN bytes, no line breaks) wrapped at WIDTH
 * columns: stores the line's length in bytes (without the spaces at its end) in *LINE_LEN and
 * returns where the next line starts (LEN when this is the last). Breaks after spaces, '/'
 * and '-'; a word wider than WIDTH is cut at a character boundary. */
size_t wrap_next(const char *s, size_t len, size_t width, size_t *line_len);

#endif
