/* wrap.c - measuring UTF-8 text by display width and breaking it into lines. No curses. */
#include "wrap.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "hyphenate.h"
#include "utf8.h"

enum {
	WRAP_LANG_MAX = 32,     /* bytes kept of a language tag ("nl-NL" needs 6) */
	WRAP_WORD_WINDOW = 512, /* bytes of a word around a line's start given to hyphen_fit */
};

static char wrap_lang[WRAP_LANG_MAX];       /* the language set; "" for none */
static struct hyphenator *wrap_hyphenator; /* opened for wrap_lang by the first long word */

void wrap_set_language(const char *lang)
{
	char tag[WRAP_LANG_MAX];

	snprintf(tag, sizeof(tag), "%s", lang ? lang : "");
	if (strcmp(tag, wrap_lang) == 0)
		return;
	wrap_close();
	memcpy(wrap_lang, tag, sizeof(tag));
}

void wrap_close(void)
{
	hyphen_close(wrap_hyphenator);
	wrap_hyphenator = NULL;
}

/* Returns the hyphenator of the language set, opening it the first time; NULL only when
 * memory is exhausted. */
static struct hyphenator *wrap_hyphen(void)
{
	if (!wrap_hyphenator)
		wrap_hyphenator = hyphen_open(wrap_lang[0] ? wrap_lang : NULL, NULL);
	return wrap_hyphenator;
}

size_t text_fit(const char *s, size_t len, size_t width)
{
	size_t used = 0, i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		size_t w = (size_t)utf8_columns(cp);

		if (used + w > width)
			break;
		used += w;
		i += n;
	}
	return i;
}

/* Returns true when a line may end right after character CP (a space ends it before). */
static bool breaks_after(uint32_t cp)
{
	return cp == '/' || cp == '-' || cp == 0x2013 || cp == 0x2014;
}

/* Returns LEN reduced by the spaces that end the LEN bytes at S. */
static size_t trim_end(const char *s, size_t len)
{
	while (len > 0 && s[len - 1] == ' ')
		len--;
	return len;
}

/* Returns POS moved past the spaces at S + POS (S has LEN bytes). */
static size_t skip_spaces(const char *s, size_t len, size_t pos)
{
	while (pos < len && s[pos] == ' ')
		pos++;
	return pos;
}

/* Breaks the word of S (LEN bytes) that the line starting at START begins with, as the line
 * has WIDTH columns and no place to break before the word's end: stores the line in *LINE and
 * returns where the next one starts. The word is seen from its start (its hyphenation depends
 * on all its letters), within WRAP_WORD_WINDOW bytes either side of START so that a word of
 * any length wraps in linear time. */
static size_t break_word(const char *s, size_t len, size_t start, size_t width,
			 struct wrap_line *line)
{
	size_t from = start, to = start, end;
	struct hyphenator *h = wrap_hyphen();

	while (from > 0 && s[from - 1] != ' ' && start - from < WRAP_WORD_WINDOW)
		from--;
	while (from < start && ((unsigned char)s[from] & 0xC0) == 0x80)
		from++; /* the window began inside a character */
	while (to < len && s[to] != ' ' && to - start < WRAP_WORD_WINDOW + 4 * width)
		to++;
	while (to < len && s[to] != ' ' && ((unsigned char)s[to] & 0xC0) == 0x80)
		to++;
	end = h ? from + hyphen_fit(h, s + from, to - from, start - from, width, &line->hyphen)
		: start;
	if (end == start) { /* not even a letter and a hyphen fit: one character alone */
		uint32_t cp;

		line->hyphen = false;
		end = start + utf8_decode(s + start, len - start, &cp);
	}
	line->len = end - start;
	return end == to ? skip_spaces(s, len, end) : end;
}

size_t wrap_next(const char *s, size_t len, size_t start, size_t width, struct wrap_line *line)
{
	size_t used = 0, i = start;
	size_t cand_end = start, cand_next = start; /* the last place to break: line end, next start */

	line->hyphen = false;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		size_t w = (size_t)utf8_columns(cp);

		if (cp == ' ' && i > start && s[i - 1] != ' ') { /* the first space of a run */
			size_t next = skip_spaces(s, len, i);

			if (hyphen_may_start_line(s + next, len - next)) {
				cand_end = i;
				cand_next = next;
			}
		} else if (cp != ' ' && used + w > width) {
			break;
		}
		used += w;
		i += n;
		if (breaks_after(cp) && hyphen_may_start_line(s + i, len - i)) {
			cand_end = i;
			cand_next = i;
		}
	}
	if (i >= len) {
		line->len = trim_end(s + start, len - start);
		return len;
	}
	if (cand_end == start && s[start] == ' ') { /* indented too far: an empty line first */
		line->len = 0;
		return skip_spaces(s, len, start);
	}
	if (cand_end == start)
		return break_word(s, len, start, width, line);
	line->len = trim_end(s + start, cand_end - start);
	return cand_next;
}
