/* wrap.h - measuring UTF-8 text by display width and breaking it into lines. No curses.
 *
 * Words wider than a line are hyphenated in the language set once with wrap_set_language (the
 * content's `language:`); its dictionary is opened the first time a word does not fit, so a
 * start-up that wraps nothing long never reads it. */
#ifndef MEETLAT_WRAP_H
#define MEETLAT_WRAP_H

#include <stdbool.h>
#include <stddef.h>

/* One line found by wrap_next: LEN bytes of the text from where the line starts (without the
 * spaces at its end), then a drawn "-" when HYPHEN (a word broken at a hyphenation point). */
struct wrap_line {
	size_t len;
	bool hyphen;
};

/* Sets the language tag ("nl", "en", NULL for none) whose hyphenation wrap_next uses from now
 * on; a language without patterns breaks long words at their own hyphens and slashes, else
 * with a visible hyphen. Keeps the open dictionary when the language does not change. */
void wrap_set_language(const char *lang);

/* Frees the dictionary wrap_next opened (at exit; the next long word opens it again). */
void wrap_close(void);

/* Returns how many bytes of S (LEN bytes) fit in WIDTH columns, never cutting a character
 * and keeping the combining characters that follow the last one that fits. */
size_t text_fit(const char *s, size_t len, size_t width);

/* Finds the line that starts at byte START of the paragraph S (LEN bytes, no line breaks)
 * wrapped at WIDTH columns: stores it in *LINE and returns where the next line starts (LEN
 * when this is the last). Breaks after spaces, '/', '-' and dashes, where the next line may
 * start (hyphen_may_start_line: never before a comma or full stop); a word wider than WIDTH
 * is broken where hyphen_fit says, with the hyphen it adds counted in WIDTH; only a WIDTH
 * below 2 cuts it at a character without one. */
size_t wrap_next(const char *s, size_t len, size_t start, size_t width, struct wrap_line *line);

#endif
