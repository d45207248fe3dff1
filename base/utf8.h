/* utf8.h - UTF-8 decoding, validation and the characters that must never reach a terminal. */
#ifndef MEETLAT_UTF8_H
#define MEETLAT_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What utf8_decode stores for bytes that are not valid UTF-8 (no character has this value). */
#define UTF8_INVALID 0x110000u

/* Decodes the character at S (LEN > 0 bytes) into *CP (UTF8_INVALID for bytes that are not
 * valid UTF-8) and returns how many bytes it took (1 for an invalid byte). */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Writes CP as UTF-8 to OUT and returns the number of bytes (1-4). */
size_t utf8_encode(uint32_t cp, char out[4]);

/* Returns the offset of the first byte of S that is not valid UTF-8, or LEN when all is valid. */
size_t utf8_invalid_offset(const char *s, size_t len);

/* Returns true for characters that control a terminal: C0 (tab and newline included), DEL,
 * C1, the bidirectional overrides and isolates, and the line and paragraph separators. */
bool utf8_is_control(uint32_t cp);

/* Returns true for the characters that end a line: LF, CR, VT, FF, NEL (U+0085) and the line
 * and paragraph separators (U+2028, U+2029). */
bool utf8_is_line_break(uint32_t cp);

/* Returns the offset of the first line break (utf8_is_line_break) in the LEN bytes at S, or
 * LEN when there is none: a single line. */
size_t utf8_line_break_offset(const char *s, size_t len);

/* Returns true for the format characters (Unicode general category Cf: zero-width spaces and
 * joiners, the soft hyphen, invisible operators, tag characters, ...), which change or hide
 * text without being seen. */
bool utf8_is_format(uint32_t cp);

/* Returns the columns character CP takes on a terminal: 0 (combining), 1 or 2 (wide); control
 * characters and invalid bytes count as 1 (they are shown replaced). Needs a UTF-8 LC_CTYPE for
 * non-ASCII (wcwidth). The rule tui/wrap.c measures text by. */
int utf8_columns(uint32_t cp);

/* Returns the display width of the LEN bytes at S (utf8_columns of each character). */
size_t utf8_width(const char *s, size_t len);

/* Returns the number of characters in the LEN bytes at S (an invalid byte counts as one). */
size_t utf8_count(const char *s, size_t len);

/* Returns an ASCII stand-in for character CP: CP itself when ASCII (written into ONE), a Latin
 * letter without its accent ("e" for é, "ae" for æ), plain dashes and quotes for typographic
 * ones, "..." for an ellipsis, "?" for anything else. */
const char *utf8_ascii(uint32_t cp, char one[2]);

/* Returns a malloc'd copy of S fit to be drawn or exported: every control character (newline
 * too unless KEEP_NEWLINE, tabs become spaces) and every invalid byte replaced by REPLACEMENT
 * (an ASCII character), every other format character (utf8_is_format) removed; NULL when
 * memory is exhausted. */
char *utf8_sanitize(const char *s, size_t len, bool keep_newline, char replacement);

/* Returns the length of the run of printable ASCII (0x20 to 0x7E) that S (LEN bytes) starts
 * with, reading eight bytes at a time: most of any text, which needs no decoding. */
size_t utf8_ascii_span(const char *s, size_t len);

/* As utf8_sanitize, into OUT (LEN + 1 bytes at least: the copy is never longer than S; OUT may
 * be S itself), for callers that must not fail for want of memory; returns OUT. */
char *utf8_sanitize_into(char *out, const char *s, size_t len, bool keep_newline,
			 char replacement);

#endif
