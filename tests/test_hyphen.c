/* test_hyphen.c - where words break at the end of a line: the Dutch patterns (hyphen-nl), the
 * exception list, a word's own hyphens and slashes, fitting a word into a width, and the
 * fallback without a dictionary. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "hyphenate.h"

/* Writes WORD with its breaks shown into OUT: "-" where a hyphen is drawn, "|" after the
 * word's own hyphen or slash; returns OUT. */
static char *show_breaks(struct hyphenator *h, const char *word, char *out)
{
	struct hyphen_break breaks[128];
	size_t len = strlen(word), count = hyphen_breaks(h, word, len, breaks, 128), o = 0, at = 0;

	for (size_t i = 0; i < count; i++) {
		assert_true(breaks[i].offset > at && breaks[i].offset < len);
		memcpy(out + o, word + at, breaks[i].offset - at);
		o += breaks[i].offset - at;
		out[o++] = breaks[i].adds_hyphen ? '-' : '|';
		at = breaks[i].offset;
	}
	memcpy(out + o, word + at, len - at + 1);
	return out;
}

/* Returns the word written SHOWN as show_breaks writes it, into OUT: without its "|" marks,
 * and without its "-" marks but those before a "|" (the word's own hyphens). */
static char *plain(const char *shown, char *out)
{
	size_t o = 0;

	for (size_t i = 0; shown[i]; i++)
		if (shown[i] != '|' && (shown[i] != '-' || shown[i + 1] == '|'))
			out[o++] = shown[i];
	out[o] = '\0';
	return out;
}

/* Checks that the breaks of each word of LIST (written with its breaks) are those listed. */
static void check_list(struct hyphenator *h, const char *const *list, size_t count)
{
	char word[256], got[512];

	for (size_t i = 0; i < count; i++) {
		show_breaks(h, plain(list[i], word), got);
		if (strcmp(got, list[i]) != 0)
			fail_msg("%s: expected %s, got %s", word, list[i], got);
	}
}

static int open_dutch(void **state)
{
	*state = hyphen_open("nl", NULL);
	return *state && hyphen_has_patterns(*state) ? 0 : -1;
}

static int close_hyphenator(void **state)
{
	hyphen_close(*state);
	return 0;
}

/* The reference breaks of the glossary (shared/GLOSSARY-nl.md), words of the shipped content. */
static void test_glossary_breaks(void **state)
{
	static const char *const words[] = {
		"sa-men-wer-kings-part-ner", "be-leids-voor-be-rei-ding",
		"dienst-ver-le-nings-ka-naal", "par-ti-ci-pa-tie-tra-ject", "klant-con-tact-pro-ces",
		"com-mu-ni-ca-tie-af-de-ling", "ver-ant-woor-de-lijk-heid",
		"toe-pas-sings-on-af-han-ke-lijk", "ge-meen-schap-pe-lijk", "or-ga-ni-sa-tie-op-ga-ve",
		"in-ter-ac-tie-mo-del", "ei-ge-naar-schap", "over-heids-dienst-ver-le-ning",
		"bur-ger-par-ti-ci-pa-tie", "vak-af-de-lin-gen", "me-de-wer-kers",
		"ini-ti-a-tief-ne-mer", "amb-te-na-ren", "trans-pa-ran-tie", "ge-ë-va-lu-eerd",
		"re-ac-tie-tijd", "ar-chi-ve-ring", "web-care", "crowd-fun-ding", "co-|cre-a-tie",
	};

	check_list(*state, words, sizeof words / sizeof words[0]);
}

/* Long words of content/almanak.yaml, their breaks checked by hand against Dutch usage (the
 * patterns give every one of them; the loanwords they break wrongly are in the next test). */
static void test_almanac_words(void **state)
{
	static const char *const words[] = {
		"aan-kon-di-gin-gen", "aan-spreek-baar", "ac-ti-vi-tei-ten", "be-lang-heb-ben-den",
		"bij-voor-beeld", "col-la-bo-ra-tie", "com-mu-ni-ca-tie-ve", "con-ver-sa-tie",
		"crowd-pro-ces-sen", "dienst-ver-le-ning", "door-ver-wij-zing", "en-thou-si-as-te",
		"en-thou-si-as-te-lin-gen", "ex-pe-ri-men-teert", "ex-pe-ri-men-te-ren",
		"ge-ar-chi-veerd", "ge-meen-schap-pen", "ge-meen-te-lij-ke", "ge-or-ga-ni-seerd",
		"ge-re-a-li-seerd", "ge-spreks-part-ner", "hoofd-stuk-ken", "in-hou-de-lij-ke",
		"ini-ti-a-tief-ne-mers", "maak-baar-heids", "mo-ge-lijk-he-den", "nieuws-be-rich-ten",
		"on-der-steu-nen-de", "or-ga-ni-sa-ties", "par-ti-ci-pe-ren", "pers-be-rich-ten",
		"pro-fes-si-o-neel", "richt-lij-nen", "rol-op-vat-ting", "sa-men-le-ving",
		"sa-men-wer-king", "straat-feest-co-mi-té", "tech-no-lo-gie", "tech-no-lo-gie-ën",
		"te-le-foon-num-mer", "toe-pas-sings-mo-ge-lijk-he-den", "uit-gangs-punt",
		"van-zelf-spre-ken-de", "ver-an-de-rin-gen", "ver-schil-len-de", "ver-sprei-den",
		"ver-te-gen-woor-di-ger", "ver-trek-punt", "voor-be-rei-ding", "werk-pro-ces",
		"werk-zaam-he-den", "wer-vings-doel-stel-ling", "zend-ka-naal", "ge-meen-goed",
		"kan-tel-den-ken", "mo-ni-to-ring", "re-crui-ting", "en-gi-nee-ring",
	};

	check_list(*state, words, sizeof words / sizeof words[0]);
}

/* The exception list wins over the patterns (which give web-ca-re, whats-ap-p-groep,
 * so-ci-al-m-e-di-a-meet-lat, ex-pe-rien-ce, down-lo-a-den, ga-mi-fi-ca-ti-on and
 * ma-na-ge-ment), also for a compound that begins with an exception. */
static void test_exceptions(void **state)
{
	static const char *const words[] = {
		"web-care", "web-care-team", "web-care-pro-ces", "Web-care", "WEB-CARE",
		"crowd-fun-ding", "Whats-App-groep", "so-cial-me-dia-meet-lat", "ex-pe-ri-ence",
		"down-loa-den", "Ga-mi-fi-ca-tion", "ma-nage-ment", "(web-care),",
	};

	check_list(*state, words, sizeof words / sizeof words[0]);
}

/* Capitals are lower-cased before the patterns (Latin-1 ones too); é and ë stay whole. */
static void test_case_and_accents(void **state)
{
	static const char *const words[] = {
		"Ge-ë-va-lu-eerd", "GE-Ë-VA-LU-EERD", "Straat-feest-co-mi-té", "STRAAT-FEEST-CO-MI-TÉ",
		"Or-ga-ni-sa-tie", "tech-no-lo-gie-ën", "ge-ë-va-lu-eerd.",
	};
	struct hyphen_break breaks[16];
	const char *word = "geëvalueerd";
	size_t count = hyphen_breaks(*state, word, strlen(word), breaks, 16);

	check_list(*state, words, sizeof words / sizeof words[0]);
	assert_int_equal(count, 4);
	assert_int_equal(breaks[1].offset, 4); /* after "geë": ë is two bytes */
}

/* A word's own hyphens and slashes break first, without a drawn hyphen; the parts between
 * them are hyphenated by the patterns. */
static void test_own_hyphens_and_slashes(void **state)
{
	static const char *const words[] = {
		"pro-ces-sen/|ac-ti-vi-tei-ten/|ei-ge-naar-schap",
		"pro-ces-sen-|ac-ti-vi-tei-ten-|ei-ge-naar-schap",
		"mid-de-len/|ICT/|ar-chi-ve-ring", "tech-no-lo-gie-|on-af-han-ke-lijk",
		"vi-sie/|am-bi-tie", "func-tie/|re-sul-taat", "pu-bliek-|pri-vaat",
		"cus-to-mer-|ex-pe-ri-ence", "co-|cre-a-tie", "a/|b", "de/|of", "/pad/|naar",
	};
	char got[64];

	check_list(*state, words, sizeof words / sizeof words[0]);
	/* no break after a hyphen with nothing before or after it */
	assert_string_equal(show_breaks(*state, "-voorbeeld", got), "-voor-beeld");
	assert_string_equal(show_breaks(*state, "voorbeeld-", got), "voor-beeld-");
	assert_string_equal(show_breaks(*state, "ICT-,", got), "ICT-,");
}

/* Odd input: invalid UTF-8, a run longer than the patterns take, no room for breaks. */
static void test_odd_input(void **state)
{
	char run[200], got[512];
	struct hyphen_break one;

	memset(run, 'a', sizeof run - 1);
	run[sizeof run - 1] = '\0';
	assert_string_equal(show_breaks(*state, run, got), run);
	assert_string_equal(show_breaks(*state, "sa\xffmen", got), "sa\xffmen");
	assert_string_equal(show_breaks(*state, "", got), "");
	assert_int_equal(hyphen_breaks(*state, "samenwerking", 12, &one, 1), 1);
	assert_int_equal(one.offset, 2);
	assert_int_equal(hyphen_breaks(*state, "samenwerking", 12, &one, 0), 0);
}

/* The longest part that fits a width: own breaks first, then pattern breaks with their
 * hyphen counted, then a visible hyphen at the width; never a comma or stop at a line start. */
static void test_fit(void **state)
{
	struct hyphenator *h = *state;
	const char *slashes = "processen/activiteiten/eigenaarschap";
	bool hyphen;

	assert_int_equal(hyphen_fit(h, "samenwerkingspartner", 20, 0, 20, &hyphen), 20);
	assert_false(hyphen);
	assert_int_equal(hyphen_fit(h, "samenwerkingspartner", 20, 0, 19, &hyphen), 17);
	assert_true(hyphen); /* "samenwerkingspart-" */
	assert_int_equal(hyphen_fit(h, "samenwerkingspartner", 20, 0, 10, &hyphen), 8);
	assert_true(hyphen); /* "samenwer-" */
	assert_int_equal(hyphen_fit(h, "samenwerkingspartner", 20, 0, 3, &hyphen), 2);
	assert_true(hyphen); /* "sa-" */
	assert_int_equal(hyphen_fit(h, slashes, strlen(slashes), 0, 30, &hyphen), 23);
	assert_false(hyphen); /* "processen/activiteiten/" rather than "...eigen-" */
	assert_int_equal(hyphen_fit(h, slashes, strlen(slashes), 0, 10, &hyphen), 10);
	assert_false(hyphen);
	assert_int_equal(hyphen_fit(h, slashes, strlen(slashes), 0, 9, &hyphen), 6);
	assert_true(hyphen); /* "proces-" */
	assert_int_equal(hyphen_fit(h, "co-creatie", 10, 0, 9, &hyphen), 3);
	assert_false(hyphen); /* "co-" rather than "co-crea-" */
	assert_int_equal(hyphen_fit(h, "geëvalueerd", strlen("geëvalueerd"), 0, 6, &hyphen), 6);
	assert_true(hyphen); /* "geëva-": five columns and the hyphen, six bytes */
	assert_int_equal(hyphen_fit(h, "webcare", 7, 0, 6, &hyphen), 3);
	assert_true(hyphen); /* "web-", never "webca-" */
	assert_int_equal(hyphen_fit(h, "samenwerkingspartner", 20, 0, 2, &hyphen), 1);
	assert_true(hyphen); /* no break fits: "s-", a visible hyphen */
	assert_int_equal(hyphen_fit(h, "samenwerkingspartner", 20, 0, 1, &hyphen), 0);
	assert_false(hyphen);
	assert_int_equal(hyphen_fit(h, "samenwerkingspartner", 20, 0, 0, &hyphen), 0);
}

/* A word over several lines: each line from where the last ended, with the breaks of the whole
 * word ("samenwer-", "kingspart-", "ner"; own breaks first on every line). */
static void test_fit_lines(void **state)
{
	static const struct {
		const char *word;
		size_t width;
		const char *lines;
	} cases[] = {
		{ "samenwerkingspartner", 10, "samenwer-|kingspart-|ner" },
		{ "overheidsdienstverlening", 10, "overheids-|dienstver-|lening" },
		{ "overheidsdienstverlening", 9, "over-|heids-|dienst-|verlening" },
		{ "processen/activiteiten/eigenaarschap", 14, "processen/|activiteiten/|eigenaarschap" },
		{ "processen/activiteiten/eigenaarschap", 8, "proces-|sen/|activi-|teiten/|eige-|naar-|schap" },
		{ "toepassingsonafhankelijk", 6, "toe-|pas-|sings-|onaf-|hanke-|lijk" },
		/* "sings-" is too wide for 5: a visible hyphen at the width, then on from there */
		{ "toepassingsonafhankelijk", 5, "toe-|pas-|sing-|son-|af-|han-|ke-|lijk" },
		{ "webcareteam", 5, "web-|care-|team" },
		{ "samenwerkingspartner,", 10, "samenwer-|kingspart-|ner," },
		{ "webcare,", 7, "web-|care," }, /* never "webcare" and "," on the next line */
	};
	char got[128];
	bool hyphen;

	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		const char *word = cases[c].word;
		size_t len = strlen(word), start = 0, o = 0;

		while (start < len) {
			size_t end = hyphen_fit(*state, word, len, start, cases[c].width, &hyphen);

			assert_true(end > start);
			memcpy(got + o, word + start, end - start);
			o += end - start;
			if (hyphen)
				got[o++] = '-';
			if (end < len)
				got[o++] = '|';
			start = end;
		}
		got[o] = '\0';
		if (strcmp(got, cases[c].lines) != 0)
			fail_msg("%s at %zu: expected %s, got %s", word, cases[c].width,
				 cases[c].lines, got);
	}
	assert_int_equal(hyphen_fit(*state, "webcare", 7, 7, 3, &hyphen), 7);
	assert_false(hyphen);
	assert_int_equal(hyphen_fit(*state, "webcare", 7, 3, 1, &hyphen), 3);
	assert_false(hyphen); /* nothing fits: the line ends where it began */
}

/* Without break points a word is cut with a visible hyphen, in display columns, leaving no
 * comma or full stop to start the next line. */
static void test_fit_forced(void **state)
{
	struct hyphenator *h = hyphen_open("en", NULL);
	const char *wide = "日本語日本語";
	bool hyphen;

	(void)state;
	assert_non_null(h);
	assert_int_equal(hyphen_fit(h, "xyzxyzx.,", 9, 0, 8, &hyphen), 6);
	assert_true(hyphen); /* "xyzxyz-" then "x.,"; never "xyzxyzx-" then ".," */
	assert_int_equal(hyphen_fit(h, ".,;", 3, 0, 2, &hyphen), 0);
	assert_int_equal(hyphen_fit(h, wide, strlen(wide), 0, 5, &hyphen), 6);
	assert_true(hyphen); /* two wide characters (4 columns) and the hyphen */
	hyphen_close(h);
}

/* Where a line may not start: closing punctuation, and a hyphen or slash of the word before. */
static void test_may_start_line(void **state)
{
	(void)state;
	assert_false(hyphen_may_start_line(",", 1));
	assert_false(hyphen_may_start_line(". En", 4));
	assert_false(hyphen_may_start_line(";", 1));
	assert_false(hyphen_may_start_line(":", 1));
	assert_false(hyphen_may_start_line("?", 1));
	assert_false(hyphen_may_start_line("!", 1));
	assert_false(hyphen_may_start_line(")", 1));
	assert_false(hyphen_may_start_line("-", 1));
	assert_false(hyphen_may_start_line("/", 1));
	assert_false(hyphen_may_start_line("\xe2\x80\xa6", 3));  /* … */
	assert_false(hyphen_may_start_line("\xe2\x80\x99", 3));  /* ’ */
	assert_false(hyphen_may_start_line("\xcc\x88", 2));      /* a combining diaeresis */
	assert_true(hyphen_may_start_line("woord", 5));
	assert_true(hyphen_may_start_line("(webcare)", 9));
	assert_true(hyphen_may_start_line("\xe2\x80\x98", 3));   /* ‘ */
	assert_true(hyphen_may_start_line("\xc3\xa9", 2));       /* é */
	assert_true(hyphen_may_start_line("", 0));
}

/* Without the dictionary (a folder without it, another language, no language) only a word's
 * own hyphens and slashes break, and a word that does not fit is cut with a visible hyphen. */
static void test_fallback(void **state)
{
	const char *langs[][2] = { { "nl", "/nonexistent/hyphen" }, { "en", NULL }, { NULL, NULL },
				   { "", NULL }, { "nederlands", NULL } };
	char got[128];
	bool hyphen;

	(void)state;
	for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++) {
		struct hyphenator *h = hyphen_open(langs[i][0], langs[i][1]);

		assert_non_null(h);
		assert_false(hyphen_has_patterns(h));
		assert_string_equal(show_breaks(h, "samenwerkingspartner", got),
				    "samenwerkingspartner");
		assert_string_equal(show_breaks(h, "webcare", got), "webcare");
		assert_string_equal(show_breaks(h, "processen/activiteiten/eigenaarschap", got),
				    "processen/|activiteiten/|eigenaarschap");
		assert_string_equal(show_breaks(h, "co-creatie", got), "co-|creatie");
		assert_int_equal(hyphen_fit(h, "samenwerkingspartner", 20, 0, 10, &hyphen), 9);
		assert_true(hyphen);
		assert_int_equal(hyphen_fit(h, "co-creatie", 10, 0, 9, &hyphen), 3);
		assert_false(hyphen);
		hyphen_close(h);
	}
	hyphen_close(NULL);
}

/* A dictionary file that is empty (no character set on its first line) gives the fallback. */
static void test_empty_dictionary(void **state)
{
	char dir[] = "/tmp/test_hyphen.XXXXXX", path[64];
	struct hyphenator *h;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/hyph_nl_NL.dic", dir);
	assert_non_null(f = fopen(path, "w"));
	assert_int_equal(fclose(f), 0);
	h = hyphen_open("nl", dir);
	assert_non_null(h);
	assert_false(hyphen_has_patterns(h));
	hyphen_close(h);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
}

/* A language tag is matched by its primary subtag, in any case. */
static void test_language_tags(void **state)
{
	const char *tags[] = { "nl", "NL", "nl-NL", "nl_BE", "Nl-be" };

	(void)state;
	for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++) {
		struct hyphenator *h = hyphen_open(tags[i], NULL);
		char got[64];

		assert_non_null(h);
		assert_true(hyphen_has_patterns(h));
		assert_string_equal(show_breaks(h, "webcare", got), "web-care");
		hyphen_close(h);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_glossary_breaks, open_dutch, close_hyphenator),
		cmocka_unit_test_setup_teardown(test_almanac_words, open_dutch, close_hyphenator),
		cmocka_unit_test_setup_teardown(test_exceptions, open_dutch, close_hyphenator),
		cmocka_unit_test_setup_teardown(test_case_and_accents, open_dutch, close_hyphenator),
		cmocka_unit_test_setup_teardown(test_own_hyphens_and_slashes, open_dutch,
						close_hyphenator),
		cmocka_unit_test_setup_teardown(test_odd_input, open_dutch, close_hyphenator),
		cmocka_unit_test_setup_teardown(test_fit, open_dutch, close_hyphenator),
		cmocka_unit_test_setup_teardown(test_fit_lines, open_dutch, close_hyphenator),
		cmocka_unit_test(test_fit_forced),
		cmocka_unit_test(test_may_start_line),
		cmocka_unit_test(test_fallback),
		cmocka_unit_test(test_empty_dictionary),
		cmocka_unit_test(test_language_tags),
	};

	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		return 1; /* wide characters are measured by wcwidth */
	return cmocka_run_group_tests_name("hyphen", tests, NULL, NULL);
}
