/* hyphenate.h - where a word may be broken at the end of a line: at its own hyphens and slashes
 * first, then at the hyphenation points of the language (libhyphen with the TeX patterns of
 * hyphen-nl for Dutch), with an exception list for loanwords that the patterns break wrongly.
 * Used by the screens' wrapping (tui/wrap.c); not yet by the exports' text columns.
 * (Named hyphenate.h, not hyphen.h: with -Ibase, <hyphen.h> must still find libhyphen's.)
 *
 * A word is a run of text without spaces as a wrapper meets it: it may carry punctuation
 * ("samenwerking,", "(webcare)") and hyphens or slashes of its own
 * ("processen/activiteiten/eigenaarschap", "co-creatie"). Inside it, each run of Latin
 * letters is hyphenated on its own, lower-cased (ASCII and Latin-1 capitals) and converted
 * with iconv to the dictionary's character set (ISO-8859-1 for Dutch), with at least two
 * letters before and after a break (lefthyphenmin = righthyphenmin = 2). A run with a letter
 * the dictionary's character set lacks, or longer than HYPHEN_RUN_MAX letters, gets no pattern
 * breaks.
 *
 * Widths are display columns, measured as tui/wrap.c measures them (utf8_columns: wcwidth, so
 * the caller's LC_CTYPE must be UTF-8 for wide characters to count as two). */
#ifndef MEETLAT_HYPHENATE_H
#define MEETLAT_HYPHENATE_H

#include <stdbool.h>
#include <stddef.h>

/* Where the dictionaries are looked for when hyphen_open is given no folder. */
#ifndef HYPHEN_DIR
#define HYPHEN_DIR "/usr/share/hyphen"
#endif

enum {
	HYPHEN_RUN_MAX = 64,     /* letters in a run that the patterns are applied to */
	HYPHEN_BREAKS_MAX = 512, /* breaks hyphen_fit considers (the first ones of a word) */
};

struct hyphenator;

/* A place where a line may end inside a word: the OFFSET bytes before it stay on the line,
 * followed by a drawn "-" when ADDS_HYPHEN (a break of the patterns or the exception list);
 * without one after the word's own hyphen or slash. */
struct hyphen_break {
	size_t offset;
	bool adds_hyphen;
};

/* Returns a hyphenator for language tag LANG ("nl", "nl-NL", "nl_BE"; case does not matter),
 * with the dictionary read from folder DIR (NULL: HYPHEN_DIR). For a language without
 * patterns, a NULL LANG, or a dictionary that cannot be read, returns a fallback hyphenator
 * that breaks only at a word's own hyphens and slashes. NULL only when memory is exhausted. */
struct hyphenator *hyphen_open(const char *lang, const char *dir);

/* Returns true when H hyphenates with a language's patterns, false for a fallback one. */
bool hyphen_has_patterns(const struct hyphenator *h);

/* Frees H; NULL is allowed. */
void hyphen_close(struct hyphenator *h);

/* Stores in OUT (room for MAX) the breaks of the LEN bytes of UTF-8 at WORD, in order of
 * offset, and returns how many it stored: the word's own breaks after a hyphen or slash that
 * has text on both sides, then (mixed in by offset) the breaks of the exception list or the
 * patterns. A word with N characters has fewer than N breaks. */
size_t hyphen_breaks(struct hyphenator *h, const char *word, size_t len,
		     struct hyphen_break *out, size_t max);

/* Returns where the line that begins at byte START of WORD (LEN bytes) ends when WIDTH columns
 * are left on it, and sets *ADDS_HYPHEN when a "-" must be drawn there (its column counted in
 * WIDTH). The breaks are those of the whole word, so a wrapper calls it again from the
 * returned offset for the next line:
 * - LEN when the rest of the word fits (no hyphen);
 * - else the end of the longest part up to one of the word's own hyphens or slashes that
 *   fits, as Dutch breaks a compound at its parts first ("co-" of "co-creatie");
 * - else of the longest part up to a pattern or exception break that fits with its hyphen;
 * - else of as many characters as fit beside a hyphen (at least one), never leaving a comma,
 *   full stop or other character that may not start a line (hyphen_may_start_line) at the
 *   start of the rest;
 * - START when not even that fits (WIDTH below 2): the rest must go on a wider line.
 * Only the first HYPHEN_BREAKS_MAX breaks of a word are seen: past them (in a word of some
 * thousand letters) it cuts with a visible hyphen. */
size_t hyphen_fit(struct hyphenator *h, const char *word, size_t len, size_t start,
		  size_t width, bool *adds_hyphen);

/* Returns true when a line may begin with the text at S (LEN bytes): not with a comma, full
 * stop, semicolon, colon, exclamation or question mark, closing bracket or quote, ellipsis,
 * or a hyphen or slash that belongs to the text before it. An empty text may start a line. */
bool hyphen_may_start_line(const char *s, size_t len);

#endif
