/* test_ysubset.c - the subset reader (content/ysubset.h) held to its promise: where it gives a
 * tree, libyaml gives the same one (shape, kind, line, column, style, text of every node), and
 * ydoc_parse gives libyaml's result always (tree or message). What meetlat writes is read by
 * the subset reader itself (both writers, the richest sessions); every document of the YAML
 * test suite, every fixture and the almanac keep the promise; each hand-written case is
 * accepted or declined as asserted; and thousands of one-byte mutations of a session keep it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <dirent.h>
#include <ftw.h>

#include "baseline.h"
#include "content.h"
#include "hostile_strings.h"
#include "session.h"
#include "store.h"
#include "store_impl.h"
#include "session_emit.h"
#include "ynode.h"
#include "ysubset.h"
#include "ysubset_check.h"
#include "builtin_content.h"

/* ---- the promise, asserted ------------------------------------------------------------ */

/* What a case expects of the subset reader. */
enum expect {
	ACCEPTED, /* it gives a tree (libyaml's) */
	DECLINED, /* it gives none; ydoc_parse gives libyaml's result */
	EITHER,   /* only the promise is asserted */
};

/* Fails with the first difference between trees A and B (NAME_A's and NAME_B's): the path of
 * keys and indices to it, both values and both line:column. */
static void assert_same_tree(const struct ynode *a, const char *name_a, const struct ynode *b,
			     const char *name_b)
{
	char path[YCHECK_PATH_MAX] = "", why[YCHECK_WHY_MAX];

	if (!ycheck_same_tree(a, name_a, b, name_b, path, why))
		fail_msg("%s", why);
}

/* Checks the promise on the LEN bytes at BUF (called NAME in messages) within LIMITS and
 * asserts EXPECT; returns what the subset reader did. */
static enum ycheck_result assert_promise(const char *name, const char *buf, size_t len,
					 const struct ylimits *limits, enum expect expect)
{
	char why[YCHECK_WHY_MAX];
	enum ycheck_result r = ycheck_promise(buf, len, limits, why, NULL);

	if (r == YCHECK_BROKEN)
		fail_msg("%s: the promise is broken: %s", name, why);
	if (expect == ACCEPTED && r != YCHECK_ACCEPTED)
		fail_msg("%s: the subset reader declines it", name);
	if (expect == DECLINED && r != YCHECK_DECLINED)
		fail_msg("%s: the subset reader accepts it", name);
	return r;
}

/* Parses the NUL-terminated TEXT with READER within the default limits into R (release
 * R->doc with ydoc_free). */
static void read_with(struct ycheck_read *r, const char *text, enum ydoc_reader reader)
{
	ycheck_parse(r, text, strlen(text), &ylimits_default, reader);
}

/* The comparison itself finds each kind of difference, with the path to it: a difference in
 * text, style, column, line, kind or count is named (so the tests below can fail). */
static void test_comparison_finds_differences(void **state)
{
	static const struct {
		const char *a, *b, *found;
	} cases[] = {
		{ "a: {b: [x, y]}", "a: {b: [x, z]}", "at /a/b/[1]: text differs" },
		{ "a: {b: [x, y]}", "a: {b: [x, \"y\"]}", "at /a/b/[1]: style differs" },
		{ "a: {b: [x, y]}", "a: {b: [x,  y]}", "at /a/b/[1]: line:column differs" },
		{ "a: 1\nb: 2\n", "a: 1\n\nb: 2\n", "at /b (the key): line:column differs" },
		{ "a: [1]", "a: {1: 2}", "at /a: kind differs" },
		{ "a: [1]", "a: [1, 2]", "at /a: count differs" },
		{ "a: x", "a: xy", "at /a: text differs" },
	};
	char path[YCHECK_PATH_MAX] = "", why[YCHECK_WHY_MAX];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct ycheck_read a, b;

		read_with(&a, cases[i].a, YDOC_READ_LIBYAML);
		read_with(&b, cases[i].b, YDOC_READ_LIBYAML);
		assert_true(a.ok && b.ok);
		assert_false(ycheck_same_tree(a.doc.root, "a", b.doc.root, "b", path, why));
		assert_string_equal(path, "");
		if (strncmp(why, cases[i].found, strlen(cases[i].found)) != 0)
			fail_msg("%s vs %s: %s (expected %s)", cases[i].a, cases[i].b, why,
				 cases[i].found);
		assert_true(ycheck_same_tree(a.doc.root, "a", a.doc.root, "a", path, why));
		ydoc_free(&a.doc);
		ydoc_free(&b.doc);
	}
}

/* ---- what meetlat writes -------------------------------------------------------------- */

/* Texts that the writers must escape or quote: quotes, backslashes, line breaks, accents,
 * characters beyond U+FFFF (written as \UXXXXXXXX), control characters (\t, \x01, ...), the
 * breaks YAML knows beyond LF, a byte order mark, and what would be YAML unquoted. */
static const char *const rich_texts[] = {
	"Zeg \"nee\" tegen 'ruis'",
	"C:\\pad\\naar\\bestand, en \\n letterlijk",
	"regel één\nregel twee\n\nalinea\n",
	"Café, ruïne, één, coördinatie, Súdwest-Fryslân, Ĳsselmeer",
	"😀 emoji, 𝄞 en 🇳🇱",
	"tab\there, bel\x07, \x01, esc\x1b[0m, del\x7f, cr\rlf",
	"nel\xc2\x85 ls\xe2\x80\xa8 ps\xe2\x80\xa9 bom\xef\xbb\xbf nbsp\xc2\xa0 c1\xc2\x9f",
	"  spaties voor en na  ",
	"#geen commentaar: - [x] {y} & * ! | > % @ ` ,",
	"yes",
	"12:30",
	"2027-01-15",
	"~",
};
enum { RICH_TEXTS = sizeof(rich_texts) / sizeof(rich_texts[0]) };

/* Returns a session with every part a session file has: metadata, votes and phases on every
 * row (notes and actions holding each of rich_texts), a baseline and its followed-up actions,
 * time on every step, a view and a position. */
static struct session *rich_session(void)
{
	struct session *s = session_new(content, "Nulmeting \"2026\" — één");
	static const char *const meta[] = { "Gemeente Súdwest-Fryslân", "Team 😀 \\ \"web\"",
					    "Jan de Vries", "2026-11-26", "12" };
	const char *why;

	assert_non_null(s);
	for (int f = META_ORGANISATION; f < META_COUNT; f++)
		assert_true(session_set_meta(s, (enum session_meta)f, meta[f - 1], &why));
	for (size_t dim = 0; dim < content->n_dimensions; dim++) {
		for (int v = 0; v < (int)(dim % 4) + 1; v++) {
			int phase = 1 + (v + (int)dim) % 4;

			assert_true(session_vote_add(s, content, dim, phase, &why));
		}
		if (dim % 3)
			assert_true(session_set_current(s, content, dim, 1 + (int)dim % 4, &why));
		if (dim % 2)
			assert_true(session_set_target(s, content, dim, 4, &why));
		assert_true(session_set_note(s, dim, rich_texts[dim % RICH_TEXTS], &why));
		assert_true(session_set_revealed(s, dim, dim == 2, &why));
	}
	for (size_t i = 0; i < RICH_TEXTS; i++) {
		struct action_fields f = {
			.text = rich_texts[i],
			.dimension = i % 2 ? content->dimensions[i % content->n_dimensions].id
					   : NULL,
			.owner = hostile_one_line(rich_texts[i]) ? rich_texts[i] : "Anna",
			.due = i % 3 ? "2027-01-15" : NULL,
		};
		long a = session_action_add(s, content, &f, &why);

		assert_true(a >= 0);
		if (i % 4 == 1)
			assert_true(session_action_toggle(s, (size_t)a, &why));
	}
	assert_true(session_set_baseline(s, "2025 nulmeting \"oud\" é.yaml",
					 "0123456789abcdef0123456789abcdef0123456789abcdef01234567"
					 "89abcdef",
					 &why));
	for (int o = FOLLOWUP_DONE; o < FOLLOWUP_COUNT; o++) {
		struct action_fields f = { .text = rich_texts[o],
					   .dimension = o == FOLLOWUP_DONE ? "content" : NULL,
					   .owner = o == FOLLOWUP_CARRIED ? "" : "Cor \"C\"",
					   .due = o == FOLLOWUP_DROPPED ? "2026-03-01" : NULL };

		assert_true(session_followup_add(s, &f, (enum followup_outcome)o, &why));
	}
	for (size_t step = 0; step < content->n_steps; step++)
		assert_true(session_tick(s, step, 7 * step + 1, &why));
	assert_true(session_move(s, content, first_score_step(), &why));
	assert_true(session_set_view(s, 3, 250, &why));
	session_set_showing(s, SHOWING_SUMMARY);
	return s;
}

/* Asserts that the subset reader reads what both writers write for S, into libyaml's tree. */
static void assert_written_read_fast(const struct session *s, const char *name)
{
	for (int direct = 1; direct >= 0; direct--) {
		size_t len;
		char *text = emit_with(s, direct, &len), label[128];

		snprintf(label, sizeof(label), "%s (%s)", name, direct ? "direct" : "libyaml");
		assert_promise(label, text, len, &ylimits_default, ACCEPTED);
		free(text);
	}
}

/* The richest session, as both writers write it, is read by the subset reader. */
static void test_rich_session_read_fast(void **state)
{
	struct session *s = rich_session();
	size_t len;
	char *text = emit_with(s, true, &len);

	(void)state;
	/* What the writers did with the texts: the subset reader must read these. */
	assert_non_null(strstr(text, "\\U0001F600"));
	assert_non_null(strstr(text, "\\t"));
	assert_non_null(strstr(text, "\\x01"));
	assert_non_null(strstr(text, "\\N"));
	assert_non_null(strstr(text, "\\L"));
	assert_non_null(strstr(text, "\\P"));
	assert_non_null(strstr(text, "\\x9F"));
	assert_non_null(strstr(text, "\\uFEFF"));
	assert_non_null(strstr(text, "\\\""));
	assert_non_null(strstr(text, "\\\\"));
	assert_non_null(strstr(text, "followed_up:"));
	assert_non_null(strstr(text, "baseline:"));
	assert_non_null(strstr(text, "timings:"));
	free(text);
	assert_written_read_fast(s, "the rich session");
	session_free(s);
}

/* Each hostile text alone in every field that takes it, and all of them with 10 KB texts,
 * as both writers write it. */
static void test_hostile_sessions_read_fast(void **state)
{
	struct session *all = session_new(content, "Alles");
	char *long_lines = hostile_long(true), *long_line = hostile_long(false);
	const char *why;

	(void)state;
	assert_non_null(all);
	assert_non_null(long_lines);
	assert_non_null(long_line);
	for (size_t i = 0; i < HOSTILE_COUNT; i++) {
		const char *text = hostile_strings[i];
		bool one_line = hostile_one_line(text);
		struct session *s = session_new(content, one_line && text[0] ? text : "t");
		struct action_fields f = { .text = text[0] ? text : "-",
					   .owner = one_line ? text : "" };
		char name[64];

		assert_non_null(s);
		for (int m = META_ORGANISATION; m <= META_FACILITATOR && one_line; m++)
			assert_true(session_set_meta(s, (enum session_meta)m, text, &why));
		assert_true(session_set_note(s, 3, text, &why));
		assert_true(session_action_add(s, content, &f, &why) >= 0);
		assert_true(session_action_add(all, content, &f, &why) >= 0);
		assert_true(session_set_note(all, i % content->n_dimensions, text, &why));
		snprintf(name, sizeof(name), "hostile text %zu", i);
		assert_written_read_fast(s, name);
		session_free(s);
	}
	assert_true(session_set_note(all, 9, long_lines, &why));
	assert_true(session_set_meta(all, META_ORGANISATION, long_line, &why));
	assert_true(session_action_add(all, content, &(struct action_fields){ .text = long_lines },
				       &why) >= 0);
	assert_written_read_fast(all, "all hostile texts");
	session_free(all);
	free(long_lines);
	free(long_line);
}

/* A session read from a file with keys this version does not know (kept, and written back
 * through libyaml's emitter) is still read by the subset reader. */
static void test_unknown_keys_read_fast(void **state)
{
	static const char file[] =
		"meetlat_session: 1\ntitle: \"t\"\ncontent: {id: sociale-media-almanak}\n"
		"x-extra: {a: [1, \"two\", {b: c}], d: \"é 😀\"}\n"
		"x-list:\n  - a\n  - {b: [c, d]}\n"
		"actions:\n  - {text: \"x\", x-why: [1, 2]}\n"
		"timings:\n  - {step: summary, seconds: 2, x-by: {who: \"Anna\"}}\n";
	struct diag d;
	char message[2048];
	struct session *s = store_parse("s.yaml", file, strlen(file), content, &d);

	(void)state;
	if (!s)
		fail_msg("%s", diag_format(&d, message, sizeof(message)));
	assert_written_read_fast(s, "unknown keys");
	session_free(s);
}

/* ---- the YAML test suite, the fixtures and the almanac --------------------------------- */

static const char VALID_DIR[] = "tests/corpus/yaml-test-suite/valid";
static const char INVALID_DIR[] = "tests/corpus/yaml-test-suite/invalid";

/* Keeps the names that end in ".yaml" (for scandir). */
static int is_yaml(const struct dirent *e)
{
	size_t len = strlen(e->d_name);

	return len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0;
}

/* Checks the promise on the file PATH; returns true when the subset reader accepted it. */
static bool file_keeps_promise(const char *path)
{
	struct diag d;
	char *buf;
	size_t len;
	enum ycheck_result r;

	if (!ydoc_read_file(path, ylimits_default.max_bytes, &buf, &len, &d))
		fail_msg("cannot read %s: %s", path, d.message);
	r = assert_promise(path, buf, len, &ylimits_default, EITHER);
	free(buf);
	return r == YCHECK_ACCEPTED;
}

/* Checks the promise on every *.yaml file of DIR, in order; returns how many the subset
 * reader accepted, and *FILES how many there were. ACCEPTED (NULL-terminated names) must
 * be among them. */
static size_t dir_keeps_promise(const char *dir, size_t *files, const char *const *accepted)
{
	struct dirent **names;
	int n = scandir(dir, &names, is_yaml, alphasort);
	size_t fast = 0;
	char path[512];

	if (n < 0)
		fail_msg("cannot open %s (run from the top of the source tree)", dir);
	for (int i = 0; i < n; i++) {
		bool accepted_here;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
		accepted_here = file_keeps_promise(path);
		fast += accepted_here;
		for (size_t k = 0; accepted && accepted[k]; k++)
			if (strcmp(accepted[k], names[i]->d_name) == 0 && !accepted_here)
				fail_msg("%s: the subset reader declines it", path);
		free(names[i]);
	}
	free(names);
	*files = (size_t)n;
	return fast;
}

/* Every document of the YAML test suite keeps the promise; the simple block mappings among
 * them (no comment, no blank line, plain keys and values) are read by the subset reader. */
static void test_corpus(void **state)
{
	static const char *const simple[] = { "D9TU.yaml", "J5UC.yaml", "9J7A.yaml", "KMK3.yaml",
					      NULL };
	size_t valid, invalid;
	size_t fast_valid = dir_keeps_promise(VALID_DIR, &valid, simple);
	size_t fast_invalid = dir_keeps_promise(INVALID_DIR, &invalid, NULL);

	(void)state;
	printf("yaml-test-suite: the subset reader read %zu of %zu valid and %zu of %zu invalid "
	       "documents; the promise held for all\n",
	       fast_valid, valid, fast_invalid, invalid);
	assert_true(valid > 50 && invalid > 50);
	assert_true(fast_valid >= 4);
	/* Not every valid document is in the subset (comments, anchors, block scalars...). */
	assert_true(fast_valid < valid / 2);
}

/* What walking the fixtures found (nftw passes no state). */
static struct {
	size_t files, fast;
} fixtures;

/* Checks the promise on PATH when it is a YAML file (for nftw). */
static int fixture_keeps_promise(const char *path, const struct stat *st, int type,
				 struct FTW *ftw)
{
	size_t len = strlen(path);

	(void)st;
	(void)ftw;
	if (type == FTW_F && len > 5 && strcmp(path + len - 5, ".yaml") == 0) {
		fixtures.files++;
		fixtures.fast += file_keeps_promise(path);
	}
	return 0;
}

/* Every YAML file under tests/fixtures, and the almanac, keep the promise; the almanac (block
 * mappings, lists and double-quoted texts, with comments) is left to libyaml. */
static void test_fixtures_and_almanac(void **state)
{
	(void)state;
	assert_int_equal(nftw("tests/fixtures", fixture_keeps_promise, 8, FTW_PHYS), 0);
	printf("tests/fixtures: the subset reader read %zu of %zu YAML files\n", fixtures.fast,
	       fixtures.files);
	assert_true(fixtures.files >= 2);
	assert_false(file_keeps_promise("content/almanak.yaml"));
}

/* ---- hand-written cases --------------------------------------------------------------- */

/* Small limits, reached in a few bytes. */
static const struct ylimits small = {
	.max_bytes = 1000, .max_depth = 3, .max_nodes = 7, .max_scalar = 8
};

struct snippet {
	const char *text;
	size_t len; /* 0: strlen(text) */
	enum expect subset;
	bool libyaml_ok; /* what libyaml makes of it */
	const struct ylimits *limits; /* NULL: the default */
};

static const struct snippet snippets[] = {
	/* the subset itself */
	{ "a: 1\n", 0, ACCEPTED, true, NULL },
	{ "a: [1, 2]\n", 0, ACCEPTED, true, &small }, /* within the small limits */
	{ "a: 1", 0, ACCEPTED, true, NULL }, /* no final newline */
	{ "a: 1\nb:\n  c: [1, 2]\n  d: {e: \"f\"}\n", 0, ACCEPTED, true, NULL },
	{ "a:\n- 1\n- 2\n", 0, ACCEPTED, true, NULL },   /* indentless */
	{ "a:\n  - 1\n  - 2\n", 0, ACCEPTED, true, NULL }, /* indented */
	{ "l:\n- a: 1\n  b: 2\n- c: 3\n", 0, ACCEPTED, true, NULL }, /* compact mappings */
	{ "l:\n  - a: 1\n    b: [2]\n  - c:\n    - 3\n", 0, ACCEPTED, true, NULL },
	{ "\"a b\": 1\n", 0, ACCEPTED, true, NULL },
	{ "m: {a: \"é\", b: x}", 0, ACCEPTED, true, NULL },
	{ "a: {b: \"é😀\", c: x}\n", 0, ACCEPTED, true, NULL },
	{ "\xEF\xBB\xBF" "a: 1\nb: 2\n", 0, ACCEPTED, true, NULL }, /* BOM at the start */
	{ "a: []\nb: {}\n", 0, ACCEPTED, true, NULL },
	{ "a: 2026-11-26T14:03:00+01:00\nb: 1.5\nc: a_b-c+d\n", 0, ACCEPTED, true, NULL },
	/* outside the subset, which libyaml reads */
	{ "key:\n", 0, DECLINED, true, NULL }, /* an empty value */
	{ "key:", 0, DECLINED, true, NULL },
	{ "key:\nb: 1\n", 0, DECLINED, true, NULL },
	{ "{a: \"é\", b: x}", 0, DECLINED, true, NULL }, /* not a block mapping */
	{ "é: ü\n", 0, DECLINED, true, NULL },          /* a plain text not of ASCII */
	{ "a:\n- - b\n", 0, DECLINED, true, NULL },     /* as libyaml writes a list in a list */
	{ "- a: 1\n  b: 2\n", 0, DECLINED, true, NULL }, /* not a mapping at the top */
	{ "a: -1\n", 0, DECLINED, true, NULL },
	{ "a: http://x.nl/a?b=c\n", 0, DECLINED, true, NULL },
	{ "a: x#y\n", 0, DECLINED, true, NULL },
	{ "a: b\n  c\n", 0, DECLINED, true, NULL }, /* a plain text on two lines */
	{ "a: 1 # c\n", 0, DECLINED, true, NULL },
	{ "# c\na: 1\n", 0, DECLINED, true, NULL },
	{ "a: 1\n# c\n", 0, DECLINED, true, NULL },
	{ "a:\tb\n", 0, DECLINED, true, NULL },
	{ "a: \"b\tc\"\n", 0, DECLINED, true, NULL },
	{ "a: 1\r\nb: 2\r\n", 0, DECLINED, true, NULL },
	{ "a: 1\n\nb: 2\n", 0, DECLINED, true, NULL },
	{ "a: 1\n\n", 0, DECLINED, true, NULL },
	{ "a: 'b'\n", 0, DECLINED, true, NULL },
	{ "a: |\n  b\n", 0, DECLINED, true, NULL },
	{ "a: >\n  b\n", 0, DECLINED, true, NULL },
	{ "? a\n: b\n", 0, DECLINED, true, NULL },
	{ "a: \"b\n  c\"\n", 0, DECLINED, true, NULL },
	{ "a: [1,\n  2]\n", 0, DECLINED, true, NULL },
	{ "a: \"x\xC2\x85y\"\n", 0, DECLINED, true, NULL },  /* raw NEL: a line break */
	{ "a: \"x\xE2\x80\xA8y\"\n", 0, DECLINED, true, NULL }, /* raw LS */
	{ "a: \"x\xE2\x80\xA9y\"\n", 0, DECLINED, true, NULL }, /* raw PS */
	{ "a: x\xE2\x80\xA8y\n", 0, DECLINED, false, NULL },
	{ "\xC2\x85" "a: 1\n", 0, DECLINED, true, NULL },
	{ "a: 1\n\xEF\xBB\xBF" "b: 2\n", 0, DECLINED, false, NULL }, /* BOM at a line's start */
	{ "%YAML 1.1\n---\na: 1\n", 0, DECLINED, true, NULL },
	/* a line of spaces at the end of the file, with no line break after it */
	{ "fo:\n  ", 0, DECLINED, true, NULL },
	{ "a:\n  b: 1\n  ", 0, DECLINED, true, NULL },
	{ "a:\n- b: 1\n  ", 0, DECLINED, true, NULL },
	/* libyaml refuses it */
	{ "a: b: c\n", 0, DECLINED, false, NULL },
	{ "a: b:\n", 0, DECLINED, false, NULL },
	{ "a: - b\n", 0, DECLINED, false, NULL },
	{ "a: -\n", 0, DECLINED, false, NULL },
	{ "a: \"\\uD800\"\n", 0, DECLINED, false, NULL },
	{ "a: \"\\U00110000\"\n", 0, DECLINED, false, NULL },
	{ "a: \"\\q\"\n", 0, DECLINED, false, NULL },
	{ "a: \"\\xG1\"\n", 0, DECLINED, false, NULL },
	{ "a: \"b\n", 0, DECLINED, false, NULL },
	{ "a: [1, 2\n", 0, DECLINED, false, NULL },
	{ "a: {b: c}}\n", 0, DECLINED, false, NULL },
	{ "a: 1\n b: 2\n", 0, DECLINED, false, NULL },
	{ "a:\n  b: 1\n c: 2\n", 0, DECLINED, false, NULL },
	{ "a: @x\n", 0, DECLINED, false, NULL },
	{ "a: `x\n", 0, DECLINED, false, NULL },
	{ "a: \"\x01\"\n", 0, DECLINED, false, NULL },            /* raw control character */
	{ "a: \"\x7F\"\n", 0, DECLINED, false, NULL },            /* raw DEL */
	{ "a: \"\xC2\x80\"\n", 0, DECLINED, false, NULL },        /* raw C1 */
	{ "a: \"\xEF\xBF\xBE\"\n", 0, DECLINED, false, NULL },    /* U+FFFE */
	{ "a: \"\xC0\xAF\"\n", 0, DECLINED, false, NULL },        /* overlong */
	{ "a: \"\xED\xA0\x80\"\n", 0, DECLINED, false, NULL },    /* a surrogate */
	{ "a: \"\xF4\x90\x80\x80\"\n", 0, DECLINED, false, NULL }, /* past U+10FFFF */
	{ "a: \"\xC3\"\n", 0, DECLINED, false, NULL },            /* cut short */
	{ "a: \"\0\"\n", 8, DECLINED, false, NULL },              /* a raw NUL */
	/* libyaml reads it, the builder refuses it: the same message either way */
	{ "a: \"\\0\"\n", 0, DECLINED, false, NULL },
	{ "a: \"x\\x00\"\n", 0, DECLINED, false, NULL },
	{ "a: 1\na: 2\n", 0, DECLINED, false, NULL },
	{ "a: {b: 1, b: 2}\n", 0, DECLINED, false, NULL },
	{ "a: &x 1\n", 0, DECLINED, false, NULL },
	{ "a: !t 1\n", 0, DECLINED, false, NULL },
	{ "a: *x\n", 0, DECLINED, false, NULL },
	{ "[a]: 1\n", 0, DECLINED, false, NULL },
	{ "a: 1\n---\nb: 2\n", 0, DECLINED, false, NULL },
	{ "", 0, DECLINED, false, NULL },
	{ "a:\n  b:\n    c: [1]\n", 0, DECLINED, false, &small }, /* deeper than 3 */
	{ "a: 1\nb: 2\nc: 3\nd: 4\n", 0, DECLINED, false, &small }, /* 9 nodes of 7 */
	{ "a: \"123456789\"\n", 0, DECLINED, false, &small }, /* a text of 9 bytes of 8 */
	{ "a: 123456789\n", 0, DECLINED, false, &small },
	/* either: only the promise is asserted */
	{ "a: 1  \n", 0, EITHER, true, NULL }, /* trailing spaces */
	{ "a  : 1\n", 0, EITHER, true, NULL },
	{ "a: x  y\n", 0, EITHER, true, NULL },
	{ "{a: b:c}", 0, EITHER, true, NULL },
	{ "a: {b: c:d, e: f}\n", 0, EITHER, true, NULL },
	{ "a: [b:c, d]\n", 0, EITHER, true, NULL },
	{ "a: [b: c]\n", 0, EITHER, true, NULL },
	{ "a: {b}\n", 0, EITHER, true, NULL },
	{ "a: [1, 2,]\n", 0, EITHER, true, NULL },
	{ "a: [1,2]\n", 0, EITHER, true, NULL },
	{ "a: { b: c }\n", 0, EITHER, true, NULL },
	{ "a: {\"b\":1}\n", 0, EITHER, true, NULL },
	{ "a: [\"b\",c]\n", 0, EITHER, true, NULL },
	{ "a: {b: [1, {c: d}], e: []}\n", 0, EITHER, true, NULL },
	{ "a: {b:1}\n", 0, EITHER, true, NULL }, /* the key "b:1", no value */
	{ "a: [b:, c]\n", 0, EITHER, false, NULL },
	{ "a: {b: c:}\n", 0, EITHER, false, NULL },
	{ "- - a\n  - b\n- c\n", 0, EITHER, true, NULL },
	{ "- \n- x\n", 0, EITHER, true, NULL },
	{ "-\n- x\n", 0, EITHER, true, NULL },
	{ "a:\n    b: 1\n    c: 2\nd: 3\n", 0, EITHER, true, NULL },
	{ "a:\n- b: 1\n  c: 2\n- - d\n", 0, EITHER, true, NULL },
	{ "x\n", 0, EITHER, true, NULL },
	{ "- 1\n", 0, EITHER, true, NULL },
	{ "[1]\n", 0, EITHER, true, NULL },
	{ "\"\": 1\n", 0, EITHER, true, NULL },
	{ ": 1\n", 0, EITHER, false, NULL },
	{ "-a: 1\n", 0, EITHER, true, NULL },
	{ "a: -x\n", 0, EITHER, true, NULL },
	{ "a: x - y\n", 0, EITHER, true, NULL },
	{ "a: b :c\n", 0, EITHER, true, NULL },
	{ "a: ?x\n", 0, EITHER, true, NULL },
	{ "a: %x\n", 0, EITHER, false, NULL },
	{ "a: \"#x\"\n", 0, EITHER, true, NULL },
	{ "a: [1] \n", 0, EITHER, true, NULL },
	{ "a: 1\n...\n", 0, EITHER, true, NULL },
	{ "---\na: 1\n", 0, EITHER, true, NULL },
	{ "--- \na: 1\n", 0, EITHER, true, NULL },
	{ "--- a\n", 0, EITHER, true, NULL },
	{ "a: x\xEF\xBB\xBFy\n", 0, EITHER, true, NULL },     /* U+FEFF inside */
	{ "a: \"x\xEF\xBB\xBFy\"\n", 0, EITHER, true, NULL },
	{ "a: \"x\xC2\xA0y\"\n", 0, EITHER, true, NULL },
	{ "a: \"\\\ty\"\n", 0, EITHER, true, NULL }, /* backslash and a raw tab */
	{ "a: \"\\\ny\"\n", 0, EITHER, true, NULL }, /* an escaped line break */
};

/* What the builder refuses, ydoc_parse refuses with the builder's message at the place libyaml
 * gives: the promise compares the two readers; this pins what they both say. */
static void test_builder_messages(void **state)
{
	static const struct {
		const char *text;
		const struct ylimits *limits;
		const char *message;
	} cases[] = {
		{ "a: 1\nb: 2\na: 3\n", NULL, "t.yaml:3:1: duplicate key 'a' (first at 1:1)" },
		{ "a: {b: 1, b: 2}\n", NULL, "t.yaml:1:11: duplicate key 'b' (first at 1:5)" },
		{ "a: \"x\\0\"\n", NULL,
		  "t.yaml:1:4: text holds a NUL character, which is not allowed" },
		{ "a:\n  b:\n    c: [1]\n", &small,
		  "t.yaml:3:8: nesting deeper than the limit of 3 levels" },
		{ "a: 1\nb: 2\nc: 3\nd: 4\n", &small,
		  "t.yaml:4:1: too many nodes (the limit is 7)" },
		{ "a: \"123456789\"\n", &small,
		  "t.yaml:1:4: text longer than the limit of 8 bytes" },
		{ "", NULL, "t.yaml:1:1: the file is empty; expected a YAML mapping" },
	};
	char buf[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct ylimits *limits = cases[i].limits ? cases[i].limits : &ylimits_default;
		struct ycheck_read any;

		ycheck_parse(&any, cases[i].text, strlen(cases[i].text), limits, YDOC_READ_ANY);
		ydoc_free(&any.doc);
		assert_false(any.ok);
		assert_string_equal(diag_format(&any.d, buf, sizeof(buf)), cases[i].message);
		assert_promise(cases[i].message, cases[i].text, strlen(cases[i].text), limits,
			       DECLINED);
	}
}

/* Every escape libyaml knows, alone in a double-quoted text (EITHER: the promise holds). */
static const char *const escapes[] = {
	"\\a", "\\b", "\\t", "\\n", "\\v", "\\f", "\\r", "\\e", "\\ ", "\\\"", "\\/", "\\'",
	"\\\\", "\\N", "\\_", "\\L", "\\P", "\\x41", "\\xe9", "\\xE9", "\\x7f", "\\x85",
	"\\u00e9", "\\u00E9", "\\uFFFD", "\\uffff", "\\uFEFF", "\\u2028", "\\U0001F600",
	"\\U0001f600", "\\U0010FFFF", "\\x09", "\\u0001",
};

/* The escapes meetlat's writers write: the subset reader must know them. */
static const char *const written_escapes[] = {
	"\\a", "\\b", "\\t", "\\n", "\\v", "\\f", "\\r", "\\e", "\\\"", "\\\\", "\\N",
	"\\L", "\\P", "\\x01", "\\x7F", "\\x9F", "\\uFEFF", "\\U0001F600",
};

/* Each hand-written case is accepted or declined as its line says; libyaml reads it or not
 * as it says; the promise holds for all. */
static void test_snippets(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(snippets) / sizeof(snippets[0]); i++) {
		const struct snippet *c = &snippets[i];
		size_t len = c->len ? c->len : strlen(c->text);
		const struct ylimits *limits = c->limits ? c->limits : &ylimits_default;
		char why[YCHECK_WHY_MAX], name[64];
		bool libyaml_ok;

		snprintf(name, sizeof(name), "snippet %zu", i);
		assert_promise(name, c->text, len, limits, c->subset);
		ycheck_promise(c->text, len, limits, why, &libyaml_ok);
		if (libyaml_ok != c->libyaml_ok)
			fail_msg("snippet %zu: libyaml %s it", i, libyaml_ok ? "reads" : "refuses");
	}
}

/* Each escape, in a value and in a key, in a mapping and in a flow mapping. */
static void test_escapes(void **state)
{
	char text[128];

	(void)state;
	for (size_t i = 0; i < sizeof(escapes) / sizeof(escapes[0]); i++) {
		snprintf(text, sizeof(text), "a: \"x%sy\"\n\"k%s\": [\"%s\"]\n", escapes[i],
			 escapes[i], escapes[i]);
		assert_promise(text, text, strlen(text), &ylimits_default, EITHER);
	}
	for (size_t i = 0; i < sizeof(written_escapes) / sizeof(written_escapes[0]); i++) {
		snprintf(text, sizeof(text), "a: \"x%sy\"\nb: {c: \"%s\"}\n", written_escapes[i],
			 written_escapes[i]);
		assert_promise(text, text, strlen(text), &ylimits_default, ACCEPTED);
	}
}

/* Returns a malloc'd "KEY: 1\n" whose key is N copies of PIECE, in QUOTES (or plain: ""),
 * indented by INDENT. */
static char *long_key(const char *indent, const char *quote, const char *piece, size_t n)
{
	size_t size = strlen(indent) + 2 * strlen(quote) + n * strlen(piece) + 16;
	char *text = malloc(size), *p = text;

	assert_non_null(text);
	p += sprintf(p, "%s%s", indent, quote);
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "%s", piece);
	sprintf(p, "%s: 1\n", quote);
	return text;
}

/* A key of 1,000 bytes is read by the subset reader; one of 1,100 is left to libyaml (which
 * refuses a key of more than 1,024 characters); so is a quoted key that takes more than 1,024
 * characters to write but fewer bytes to hold. */
static void test_long_keys(void **state)
{
	static const struct {
		const char *indent, *quote, *piece;
		size_t n;
		enum expect subset;
		bool libyaml_ok;
	} cases[] = {
		{ "", "", "k", 1000, ACCEPTED, true },
		{ "", "", "k", 1100, DECLINED, false },
		{ "", "\"", "k", 998, ACCEPTED, true },
		{ "", "\"", "k", 1100, DECLINED, false },
		{ "", "\"", "é", 499, ACCEPTED, true },     /* 1,000 bytes, 501 characters */
		{ "", "\"", "é", 549, DECLINED, true },     /* 1,100 bytes, 551 characters */
		{ "", "\"", "\\u00e9", 180, EITHER, false }, /* 360 bytes, 1,082 characters */
		{ "a:\n  ", "", "k", 1000, ACCEPTED, true },
		{ "a:\n- ", "", "k", 1000, ACCEPTED, true },
		{ "a:\n- ", "", "k", 1100, DECLINED, false },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *text = long_key(cases[i].indent, cases[i].quote, cases[i].piece, cases[i].n);
		char why[YCHECK_WHY_MAX], name[64];
		bool libyaml_ok;

		snprintf(name, sizeof(name), "long key %zu", i);
		assert_promise(name, text, strlen(text), &ylimits_default, cases[i].subset);
		ycheck_promise(text, strlen(text), &ylimits_default, why, &libyaml_ok);
		if (libyaml_ok != cases[i].libyaml_ok)
			fail_msg("long key %zu: libyaml %s it", i,
				 libyaml_ok ? "reads" : "refuses");
		free(text);
	}
}

/* A flow mapping's key in a value: over 1,024 characters, libyaml refuses it. */
static void test_long_flow_key(void **state)
{
	char *key = long_key("", "", "k", 1100), text[1200];

	(void)state;
	key[strlen(key) - 4] = '\0'; /* the key alone */
	snprintf(text, sizeof(text), "a: {%s: 1}\n", key);
	assert_promise("long flow key", text, strlen(text), &ylimits_default, DECLINED);
	free(key);
}

/* Where the nodes are: columns count characters, as libyaml counts them (b of m: {a: "é",
 * b: x} is at column 13, its 14th byte); lines and columns after a byte order mark are
 * counted from the byte after it. */
static void test_positions(void **state)
{
	struct ycheck_read sub, lib;

	(void)state;
	read_with(&sub, "m: {a: \"é\", b: x}", YDOC_READ_SUBSET);
	read_with(&lib, "m: {a: \"é\", b: x}", YDOC_READ_LIBYAML);
	assert_true(sub.ok && lib.ok);
	assert_int_equal(lib.doc.root->items[1]->items[2]->column, 13);
	assert_int_equal(lib.doc.root->items[1]->items[3]->column, 16);
	assert_same_tree(sub.doc.root, "subset", lib.doc.root, "libyaml");
	ydoc_free(&sub.doc);
	ydoc_free(&lib.doc);

	read_with(&sub, "\xEF\xBB\xBF" "a:\n  b: \"ü\"\n", YDOC_READ_SUBSET);
	read_with(&lib, "\xEF\xBB\xBF" "a:\n  b: \"ü\"\n", YDOC_READ_LIBYAML);
	assert_true(sub.ok && lib.ok);
	assert_int_equal(lib.doc.root->items[0]->column, 1);
	assert_same_tree(sub.doc.root, "subset", lib.doc.root, "libyaml");
	ydoc_free(&sub.doc);
	ydoc_free(&lib.doc);
}

/* ---- mutations ------------------------------------------------------------------------ */

/* A fixed-seed generator (xorshift64), so that a failure can be repeated. */
static uint64_t next_random(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

/* The bytes a mutation puts in: YAML's indicators, white space, and a few characters of
 * more than one byte (one that is a line break to YAML). */
static const char *const mutation_pieces[] = {
	" ", "\n", "\t", ":", "-", "#", "\"", "\\", "{", "}", "[", "]", ",", "'", "&", "*",
	"!", "|", ">", "%", "@", "`", "é", "\xE2\x80\xA8", "😀", "\r", "\xEF\xBB\xBF",
};
enum { PIECES = sizeof(mutation_pieces) / sizeof(mutation_pieces[0]) };

/* Writes into OUT (*OUT_LEN) one mutation of the LEN bytes at IN: one byte deleted, a piece
 * inserted, or one byte replaced by a piece. */
static void mutate(const char *in, size_t len, uint64_t *seed, char *out, size_t *out_len)
{
	size_t at = (size_t)(next_random(seed) % len);
	const char *piece = mutation_pieces[next_random(seed) % PIECES];
	size_t plen = strlen(piece);

	switch (next_random(seed) % 3) {
	case 0: /* delete */
		memcpy(out, in, at);
		memcpy(out + at, in + at + 1, len - at - 1);
		*out_len = len - 1;
		break;
	case 1: /* insert */
		memcpy(out, in, at);
		memcpy(out + at, piece, plen);
		memcpy(out + at + plen, in + at, len - at);
		*out_len = len + plen;
		break;
	default: /* replace */
		memcpy(out, in, at);
		memcpy(out + at, piece, plen);
		memcpy(out + at + plen, in + at + 1, len - at - 1);
		*out_len = len - 1 + plen;
		break;
	}
}

enum { MUTATIONS = 3000 };

/* Thousands of one-byte mutations of a session as meetlat writes it: the promise holds for
 * each; some stay in the subset, some leave it, some are no longer YAML. */
static void test_mutations(void **state)
{
	struct session *s = session_new(content, "Muteren \"één\"");
	uint64_t seed = 0x6d6565746c6174u; /* "meetlat" */
	size_t counts[3] = { 0 }, refused = 0, len, out_len;
	const char *why;
	char *text, *out, name[64], reason[YCHECK_WHY_MAX];
	clock_t start = clock();

	(void)state;
	assert_non_null(s);
	assert_true(session_set_meta(s, META_ORGANISATION, "Gemeente 😀 \\ \"x\"", &why));
	assert_true(session_vote_add(s, content, 1, 3, &why));
	assert_true(session_set_current(s, content, 1, 3, &why));
	assert_true(session_set_note(s, 1, rich_texts[5], &why));
	assert_true(session_action_add(s, content,
				       &(struct action_fields){ rich_texts[2], "conversatie",
								"Anna", "2027-01-15" },
				       &why) >= 0);
	assert_true(session_set_baseline(s, "oud.yaml", "", &why));
	assert_true(session_followup_add(s, &(struct action_fields){ "Nu", NULL, "", NULL },
					 FOLLOWUP_DONE, &why));
	assert_true(session_tick(s, 2, 61, &why));
	text = emit_with(s, true, &len);
	out = malloc(len + 8);
	assert_non_null(out);
	for (int i = 0; i < MUTATIONS; i++) {
		bool libyaml_ok;
		enum ycheck_result r;

		mutate(text, len, &seed, out, &out_len);
		r = ycheck_promise(out, out_len, &ylimits_default, reason, &libyaml_ok);
		if (r == YCHECK_BROKEN) {
			FILE *f;

			snprintf(name, sizeof(name), "/tmp/ysubset-mutation-%d.yaml", i);
			f = fopen(name, "wb");
			if (f) {
				fwrite(out, 1, out_len, f);
				fclose(f);
			}
			fail_msg("mutation %d (saved as %s): %s", i, name, reason);
		}
		counts[r]++;
		refused += !libyaml_ok;
	}
	printf("%d mutations of %zu bytes: %zu read by the subset reader, %zu left to libyaml "
	       "(%zu of them refused by it), in %.2f s\n",
	       MUTATIONS, len, counts[YCHECK_ACCEPTED], counts[YCHECK_DECLINED], refused,
	       (double)(clock() - start) / CLOCKS_PER_SEC);
	assert_true(counts[YCHECK_ACCEPTED] > MUTATIONS / 20);
	assert_true(counts[YCHECK_DECLINED] > MUTATIONS / 20);
	assert_true(refused > MUTATIONS / 50);
	free(out);
	free(text);
	session_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comparison_finds_differences),
		cmocka_unit_test(test_rich_session_read_fast),
		cmocka_unit_test(test_hostile_sessions_read_fast),
		cmocka_unit_test(test_unknown_keys_read_fast),
		cmocka_unit_test(test_corpus),
		cmocka_unit_test(test_fixtures_and_almanac),
		cmocka_unit_test(test_snippets),
		cmocka_unit_test(test_builder_messages),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_long_keys),
		cmocka_unit_test(test_long_flow_key),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_mutations),
	};

	return cmocka_run_group_tests_name("ysubset", tests, load_content, free_content);
}
