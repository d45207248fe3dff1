/* hyphenate.c - where a word may be broken at the end of a line: its own hyphens and slashes,
 * the exception list, then libhyphen's patterns. */
#include "hyphenate.h"

#include <hyphen.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dynlib.h"
#include "mem.h"
#include "utf8.h"

#ifndef HYPHEN_SONAME
#define HYPHEN_SONAME "libhyphen.so.0"
#endif

/* libhyphen's functions, loaded with the first dictionary (dynlib.h): a start that breaks no
 * word maps no libhyphen. X(FIELD, NAME) for each, NAME its name in the library. */
#define HNJ_FUNCTIONS(X) \
	X(load_file, hnj_hyphen_load_file) X(free, hnj_hyphen_free) \
	X(hyphenate3, hnj_hyphen_hyphenate3)
static struct {
#define HNJ_POINTER(field, name) __typeof__(name) *field;
	HNJ_FUNCTIONS(HNJ_POINTER)
#undef HNJ_POINTER
} hnj;
static struct dynlib hnj_lib = { .name = "libhyphen", .soname = HYPHEN_SONAME };

/* Loads libhyphen once; false when it cannot be (hyphenation then falls back, as without a
 * dictionary). */
static bool hnj_load(void)
{
	static const struct dynlib_symbol symbols[] = {
#define HNJ_SYMBOL(field, name) { #name, (void **)&hnj.field },
		HNJ_FUNCTIONS(HNJ_SYMBOL)
#undef HNJ_SYMBOL
	};

	return dynlib_load(&hnj_lib, symbols, sizeof symbols / sizeof symbols[0]);
}

/* Dutch loanwords that the patterns of hyphen-nl break wrongly, lower case, each break written
 * "-". An entry wins over the patterns for a run of letters that equals it, or that begins
 * with it and goes on for at least two more letters (a compound: "webcareteam" breaks as
 * web-care-team, the rest by the patterns). To add one: append "its-breaks" below with what
 * the patterns give in a comment, and the word with its expected breaks to the list in
 * tests/test_hyphen.c. Leave out a word that begins ordinary words: "me-dia" would also break
 * "mediaan" as me-dia-an. */
static const char *const dutch_exceptions[] = {
	"web-care",         /* patterns: web-ca-re */
	"crowd-fun-ding",   /* the patterns agree today; pinned, as the issue names it */
	"whats-app",        /* patterns: whatsappgroep as whats-ap-p-groep */
	"so-cial-me-dia",   /* patterns: socialmediameetlat as so-ci-al-m-e-di-a-meet-lat */
	"ex-pe-ri-ence",    /* patterns: ex-pe-rien-ce */
	"down-loa-den",     /* patterns: down-lo-a-den */
	"ga-mi-fi-ca-tion", /* patterns: ga-mi-fi-ca-ti-on */
	"ma-nage-ment",     /* patterns: ma-na-ge-ment */
	NULL,
};

/* The languages that have patterns: the primary subtag of their tag, the dictionary's file
 * name in the dictionary folder, and the exceptions to its patterns. */
static const struct language {
	const char *tag;
	const char *file;
	const char *const *exceptions;
} languages[] = {
	{ "nl", "hyph_nl_NL.dic", dutch_exceptions },
};

struct hyphenator {
	HyphenDict *dict; /* NULL for the fallback */
	iconv_t to_dict;  /* UTF-8 to the dictionary's character set */
	const char *const *exceptions;
};

/* The breaks found so far: stored while there is room. */
struct break_list {
	struct hyphen_break *items;
	size_t max, count;
};

/* A run of letters inside a word: where each character starts (and where the run ends), as a
 * byte offset in the word, and the characters lower-cased. */
struct letter_run {
	size_t count;
	size_t start[HYPHEN_RUN_MAX + 1];
	uint32_t lower[HYPHEN_RUN_MAX];
};

/* Returns the language of tag TAG (by its primary subtag, any case), or NULL. */
static const struct language *find_language(const char *tag)
{
	size_t len = strcspn(tag, "-_");

	for (size_t i = 0; i < sizeof(languages) / sizeof(languages[0]); i++)
		if (strlen(languages[i].tag) == len && strncasecmp(tag, languages[i].tag, len) == 0)
			return &languages[i];
	return NULL;
}

/* Loads the dictionary of LANG from folder DIR into H; leaves H a fallback when the file or
 * libhyphen cannot be read or loaded, or the file names no character set on its first line (an
 * empty file) or one without a converter. */
static void load_dictionary(struct hyphenator *h, const struct language *lang, const char *dir)
{
	char path[4096];
	int n = snprintf(path, sizeof path, "%s/%s", dir, lang->file);
	FILE *f;

	if (n < 0 || (size_t)n >= sizeof path || !(f = fopen(path, "re")))
		return;
	if (!hnj_load()) {
		fclose(f);
		return;
	}
	h->dict = hnj.load_file(f);
	fclose(f);
	if (!h->dict)
		return;
	if (h->dict->cset[0] == '\0' ||
	    (h->to_dict = iconv_open(h->dict->utf8 ? "UTF-8" : h->dict->cset, "UTF-8")) ==
		    (iconv_t)-1) {
		hnj.free(h->dict);
		h->dict = NULL;
		return;
	}
	h->exceptions = lang->exceptions;
}

struct hyphenator *hyphen_open(const char *lang, const char *dir)
{
	struct hyphenator *h = mem.calloc(1, sizeof *h);
	const struct language *language = lang ? find_language(lang) : NULL;

	if (!h)
		return NULL;
	h->to_dict = (iconv_t)-1;
	if (language)
		load_dictionary(h, language, dir ? dir : HYPHEN_DIR);
	return h;
}

bool hyphen_has_patterns(const struct hyphenator *h)
{
	return h->dict != NULL;
}

void hyphen_close(struct hyphenator *h)
{
	if (!h)
		return;
	if (h->dict) {
		iconv_close(h->to_dict);
		hnj.free(h->dict);
	}
	mem.free(h);
}

/* Stores a break at OFFSET in LIST while there is room. */
static void add_break(struct break_list *list, size_t offset, bool adds_hyphen)
{
	if (list->count < list->max)
		list->items[list->count++] = (struct hyphen_break){ offset, adds_hyphen };
}

/* Returns true for the letters that runs are made of: ASCII and the Latin letters of
 * U+00C0..U+024F (without × and ÷). */
static bool is_letter(uint32_t cp)
{
	return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
	       (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

/* Returns CP lower-cased when it is an ASCII or Latin-1 capital, else CP. */
static uint32_t fold_case(uint32_t cp)
{
	if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
		return cp + 0x20;
	return cp;
}

/* Returns true for a word's own marks that a line may end after: hyphens, dashes, slash. */
static bool is_own_break_mark(uint32_t cp)
{
	return cp == '-' || cp == '/' || cp == 0x2010 || cp == 0x2013 || cp == 0x2014;
}

/* Applies the patterns to the characters FROM.. of RUN and adds the breaks they allow. A run
 * with a character the dictionary's set lacks gets none. */
static void add_pattern_breaks(struct hyphenator *h, const struct letter_run *run, size_t from,
			       struct break_list *list)
{
	char text[HYPHEN_RUN_MAX * 4 + 1], hyphens[sizeof text + 5];
	size_t end_of[HYPHEN_RUN_MAX], used = 0, count = run->count - from;
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;

	if (count < 4) /* two letters either side of a break */
		return;
	iconv(h->to_dict, NULL, NULL, NULL, NULL);
	for (size_t k = 0; k < count; k++) {
		char utf8[4], *in = utf8, *out = text + used;
		size_t in_left = utf8_encode(run->lower[from + k], utf8);
		size_t out_left = sizeof text - 1 - used;

		if (iconv(h->to_dict, &in, &in_left, &out, &out_left) == (size_t)-1)
			return;
		used = (size_t)(out - text);
		end_of[k] = used;
	}
	text[used] = '\0';
	if (hnj.hyphenate3(h->dict, text, (int)used, hyphens, NULL, &rep, &pos, &cut, 2, 2,
				  0, 0) == 0)
		for (size_t k = 0; k + 1 < count; k++) {
			size_t last = end_of[k] - 1; /* the character's last byte */

			if ((hyphens[last] & 1) && !(rep && rep[last])) /* no replacing breaks */
				add_break(list, run->start[from + k + 1], true);
		}
	for (size_t b = 0; rep && b < used; b++)
		free(rep[b]); /* allocated by libhyphen, with malloc */
	free(rep);
	free(pos);
	free(cut);
}

/* When exception ENTRY matches the characters FROM.. of RUN (all of them, or a first part with
 * at least two letters after it), adds its breaks and returns how many characters it matched;
 * else returns 0 and adds nothing. */
static size_t add_exception_breaks(const char *entry, const struct letter_run *run, size_t from,
				   struct break_list *list)
{
	size_t breaks[HYPHEN_RUN_MAX], nbreaks = 0, k = 0, len = strlen(entry);

	for (size_t i = 0; i < len;) {
		uint32_t cp;

		i += utf8_decode(entry + i, len - i, &cp);
		if (cp == '-') {
			if (k > 0 && nbreaks < HYPHEN_RUN_MAX)
				breaks[nbreaks++] = k;
			continue;
		}
		if (from + k >= run->count || run->lower[from + k] != cp)
			return 0;
		k++;
	}
	if (from + k != run->count && run->count - (from + k) < 2)
		return 0;
	for (size_t b = 0; b < nbreaks; b++)
		add_break(list, run->start[from + breaks[b]], true);
	return k;
}

/* Returns how many characters from FROM of RUN the first matching exception of H covers, after
 * adding its breaks; 0 when none matches. */
static size_t add_first_exception(const struct hyphenator *h, const struct letter_run *run,
				  size_t from, struct break_list *list)
{
	for (const char *const *e = h->exceptions; e && *e; e++) {
		size_t matched = add_exception_breaks(*e, run, from, list);

		if (matched)
			return matched;
	}
	return 0;
}

/* Adds the breaks of RUN: an exception for its first part, a break after it and the same for
 * the rest, or the patterns for what no exception covers. */
static void add_run_breaks(struct hyphenator *h, const struct letter_run *run,
			   struct break_list *list)
{
	size_t from = 0;

	while (from < run->count) {
		size_t matched = add_first_exception(h, run, from, list);

		if (matched == 0) {
			add_pattern_breaks(h, run, from, list);
			return;
		}
		from += matched;
		if (from < run->count)
			add_break(list, run->start[from], true);
	}
}

/* Reads the run of letters that starts at byte I of WORD into RUN; returns where it ends and
 * sets *TOO_LONG when it has more than HYPHEN_RUN_MAX letters (RUN then holds the first). */
static size_t read_run(const char *word, size_t len, size_t i, struct letter_run *run,
		       bool *too_long)
{
	run->count = 0;
	*too_long = false;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(word + i, len - i, &cp);

		if (!is_letter(cp))
			break;
		if (run->count == HYPHEN_RUN_MAX)
			*too_long = true;
		else {
			run->start[run->count] = i;
			run->lower[run->count++] = fold_case(cp);
		}
		i += n;
	}
	run->start[run->count] = i;
	return i;
}

size_t hyphen_breaks(struct hyphenator *h, const char *word, size_t len,
		     struct hyphen_break *out, size_t max)
{
	struct break_list list = { out, max, 0 };
	struct letter_run run;

	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(word + i, len - i, &cp);
		bool too_long;

		if (is_letter(cp) && h->dict) {
			i = read_run(word, len, i, &run, &too_long);
			if (!too_long)
				add_run_breaks(h, &run, &list);
			continue;
		}
		if (is_own_break_mark(cp) && i > 0 && i + n < len &&
		    hyphen_may_start_line(word + i + n, len - i - n))
			add_break(&list, i + n, false);
		i += n;
	}
	return list.count;
}

/* Returns where the longest part of WORD from START (at least one character) ends that fits
 * in WIDTH columns with a hyphen after it and leaves a rest that may start a line; START when
 * there is none. */
static size_t forced_cut(const char *word, size_t len, size_t start, size_t width)
{
	size_t used = 0, best = start;

	for (size_t i = start; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(word + i, len - i, &cp);

		used += (size_t)utf8_columns(cp);
		if (used + 1 > width)
			break;
		i += n;
		if (i < len && hyphen_may_start_line(word + i, len - i))
			best = i;
	}
	return best;
}

size_t hyphen_fit(struct hyphenator *h, const char *word, size_t len, size_t start,
		  size_t width, bool *adds_hyphen)
{
	struct hyphen_break breaks[HYPHEN_BREAKS_MAX];
	size_t count, own = start, pattern = start, at = start, used = 0;

	*adds_hyphen = false;
	if (start >= len || utf8_width(word + start, len - start) <= width)
		return len;
	count = hyphen_breaks(h, word, len, breaks, HYPHEN_BREAKS_MAX);
	for (size_t i = 0; i < count; i++) { /* offsets grow: measure each stretch once */
		if (breaks[i].offset <= start)
			continue;
		used += utf8_width(word + at, breaks[i].offset - at);
		at = breaks[i].offset;
		if (used + breaks[i].adds_hyphen > width)
			break;
		if (breaks[i].adds_hyphen)
			pattern = at;
		else
			own = at;
	}
	if (own > start)
		return own;
	if (pattern == start)
		pattern = forced_cut(word, len, start, width);
	*adds_hyphen = pattern > start;
	return pattern;
}

bool hyphen_may_start_line(const char *s, size_t len)
{
	static const char ascii[] = ",.;:!?)]}-/";
	uint32_t cp;

	if (len == 0)
		return true;
	utf8_decode(s, len, &cp);
	if (cp < 0x80)
		return strchr(ascii, (int)cp) == NULL || cp == 0;
	return utf8_columns(cp) != 0 && cp != 0x2019 && cp != 0x201D && cp != 0xBB &&
	       cp != 0x203A && cp != 0x2026 && cp != 0x2010;
}
