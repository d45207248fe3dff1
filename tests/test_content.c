/* test_content.c - the content loader: each rule of meetlat(5) with its exact message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builtin.h"
#include "content.h"
#include "content_fixtures.h"
#include "sha256.h"
#include "ynode.h"

/* The smallest valid content, in pieces, so that a test can change one of them. The line
 * numbers in the expected messages follow from these: HEAD is lines 1-3, PHASES 4-6, MODEL
 * 7-10; whatever a test appends starts on line 11. */
#define HEAD "meetlat_content: 1\nid: t\ntitle: T\n"
#define PHASES                                               \
	"phases:\n"                                          \
	"  - {number: 1, name: a, summary: s, intro: i}\n"  \
	"  - {number: 2, name: b, summary: s, intro: i}\n"
#define MODEL                                                \
	"model:\n"                                           \
	"  - group: g\n"                                     \
	"    dimensions:\n"                                  \
	"      - {id: r, name: R, behaviour: {1: x, 2: y}}\n"
#define VALID HEAD PHASES MODEL
/* A second phase, to follow one that a test writes out as line 5. */
#define PHASE2 "  - {number: 2, name: b, summary: s, intro: i}\n"
/* Line 5 opened: a first phase with the keys it needs, to which a test adds one and closes. */
#define PHASE1 "phases:\n  - {number: 1, name: a, summary: s, intro: i, "

/* Loads TEXT (named t.yaml); fails the test when it is refused. */
static struct content *load(const char *text)
{
	char buf[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64];
	struct diag d;
	struct content *c = content_load_buffer("t.yaml", text, strlen(text), &d);

	if (!c)
		fail_msg("refused: %s", diag_format(&d, buf, sizeof(buf)));
	return c;
}

/* Asserts that TEXT loads. */
static void expect_valid(const char *text)
{
	content_free(load(text));
}

/* Asserts that the LEN bytes at TEXT are refused with exactly MESSAGE. */
static void expect_error_len(const char *text, size_t len, const char *message)
{
	char buf[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64];
	struct diag d;
	struct content *c = content_load_buffer("t.yaml", text, len, &d);

	if (c) {
		content_free(c);
		fail_msg("accepted, expected: %s", message);
	}
	assert_string_equal(diag_format(&d, buf, sizeof(buf)), message);
}

/* Asserts that TEXT is refused with exactly MESSAGE. */
static void expect_error(const char *text, const char *message)
{
	expect_error_len(text, strlen(text), message);
}

/* Returns a malloc'd string: PREFIX, COUNT copies of FILL, then SUFFIX. */
static char *repeat(const char *prefix, char fill, size_t count, const char *suffix)
{
	size_t np = strlen(prefix), ns = strlen(suffix);
	char *s = malloc(np + count + ns + 1);

	assert_non_null(s);
	memcpy(s, prefix, np);
	memset(s + np, fill, count);
	memcpy(s + np + count, suffix, ns + 1);
	return s;
}

/* ---- the shipped content and a minimal one ------------------------------------------ */

/* The almanac compiled in loads, with the digest of its own bytes, and is the shipped file
 * content/almanak.yaml (which loads from disk as well). */
static void test_builtin_loads(void **state)
{
	char hex[SHA256_HEX];
	struct diag d;
	struct content *c = content_load_builtin(&d), *file;

	(void)state;
	assert_non_null(c);
	assert_string_equal(c->id, "sociale-media-almanak");
	assert_string_equal(c->title, "Sociale media almanak");
	assert_string_equal(c->language, "nl");
	assert_int_equal(c->n_phases, 4);
	assert_int_equal(c->n_dimensions, 10);
	sha256_hex(content_builtin_yaml, content_builtin_yaml_len, hex);
	assert_string_equal(c->sha256, hex);
	file = content_load_file("content/almanak.yaml", &d);
	assert_non_null(file);
	assert_string_equal(file->sha256, c->sha256);
	content_free(file);
	content_free(c);
}

/* The smallest content loads, optional parts absent and defaults filled in. */
static void test_minimal_content(void **state)
{
	struct content *c = load(VALID);
	char hex[SHA256_HEX];

	(void)state;
	assert_string_equal(c->id, "t");
	assert_string_equal(c->language, "");
	assert_int_equal(c->n_phases, 2);
	assert_int_equal(c->phases[1].number, 2);
	assert_string_equal(c->phases[1].name, "b");
	assert_null(c->phases[0].title);
	assert_null(c->phases[0].citizen.text);
	assert_false(c->phases[0].draft);
	assert_int_equal(c->n_groups, 1);
	assert_string_equal(c->groups[0].title, "g"); /* the id when there is no title */
	assert_int_equal(c->n_dimensions, 1);
	assert_string_equal(c->dimensions[0].cells[1].text, "y");
	assert_false(c->dimensions[0].cells[1].draft);
	sha256_hex(VALID, strlen(VALID), hex);
	assert_string_equal(c->sha256, hex);
	content_free(c);
}

/* Keys starting with "x-" are accepted in every mapping of the format. */
static void test_extension_keys(void **state)
{
	(void)state;
	expect_valid("x-top: {anything: [1, 2]}\n" HEAD
		     "phases:\n"
		     "  - {number: 1, name: a, summary: s, intro: i, x-note: n,\n"
		     "     citizen: {text: c, x-c: 1}, sources: [{name: s, x-s: 1}],\n"
		     "     chapters: [{title: t, source: s, x-ch: 1}]}\n"
		     "  - {number: 2, name: b, summary: s, intro: i}\n"
		     "model:\n"
		     "  - group: g\n"
		     "    x-g: 1\n"
		     "    dimensions:\n"
		     "      - {id: r, name: R, x-r: 1, behaviour: {1: {text: x, x-b: 1}, 2: y, x-3: z}}\n"
		     "agenda:\n"
		     "  - {kind: welcome, x-step: 1}\n");
}

/* ---- limits of the YAML reader, with the default limits ------------------------------ */

/* A content of exactly 16 MiB loads; one byte more is refused. */
static void test_file_size_limit(void **state)
{
	size_t max = ylimits_default.max_bytes;
	char *text = repeat(VALID "#", 'x', max - strlen(VALID "#") - 1, "\n");

	(void)state;
	assert_int_equal(max, 16u << 20);
	assert_int_equal(strlen(text), max);
	expect_valid(text); /* exactly 16 MiB */
	free(text);
	text = repeat(VALID "#", 'x', max - strlen(VALID "#"), "\n");
	expect_error(text, "t.yaml: file is larger than the limit of 16777216 bytes");
	free(text);
}

/* 64 levels of nesting load; 65 are refused where the 65th opens. */
static void test_depth_limit(void **state)
{
	/* The root mapping is level 1: 63 lists inside it make 64 levels; one more is refused. */
	char close[64], *ok, *deep;

	(void)state;
	memset(close, ']', 63);
	close[63] = '\0';
	ok = repeat(VALID "x-deep: ", '[', 63, close);
	deep = repeat(VALID "x-deep: ", '[', 64, "");
	expect_valid(ok);
	expect_error(deep, "t.yaml:11:72: nesting deeper than the limit of 64 levels");
	free(ok);
	free(deep);
}

/* The 2,000,001st node is refused, at its own position. */
static void test_node_limit(void **state)
{
	/* A list of 2,000,000 texts is 2,000,001 nodes: the last text is one too many. */
	enum { ITEMS = 2000000 };
	char *text = malloc(2 * ITEMS + 2);

	(void)state;
	assert_non_null(text);
	assert_int_equal(ylimits_default.max_nodes, ITEMS);
	text[0] = '[';
	for (size_t i = 0; i < ITEMS; i++) {
		text[1 + 2 * i] = '0';
		text[2 + 2 * i] = ',';
	}
	text[2 * ITEMS] = ']';
	text[2 * ITEMS + 1] = '\0';
	expect_error(text, "t.yaml:1:4000000: too many nodes (the limit is 2000000)");
	free(text);
}

/* A text of 1 MiB loads; one byte more is refused, plain or as a block. */
static void test_scalar_limit(void **state)
{
	size_t max = ylimits_default.max_scalar;
	char *text = repeat(VALID "x-big: ", 'a', max, "\n");

	(void)state;
	assert_int_equal(max, 1u << 20);
	expect_valid(text);
	free(text);
	text = repeat(VALID "x-big: ", 'a', max + 1, "\n");
	expect_error(text, "t.yaml:11:8: text longer than the limit of 1048576 bytes");
	free(text);
	text = repeat(HEAD PHASES MODEL "x-big: |\n  ", 'a', max + 1, "\n");
	expect_error(text, "t.yaml:11:8: text longer than the limit of 1048576 bytes");
	free(text);
}

/* Anchors, aliases and tags are refused where they are written. */
static void test_anchors_aliases(void **state)
{
	(void)state;
	expect_error(VALID "x-a: &anchor 1\n", "t.yaml:11:6: anchors (&anchor) are not supported: a text that starts with '&' needs double quotes");
	expect_error(VALID "x-b: *anchor\n", "t.yaml:11:6: aliases (*anchor) are not supported: a text that starts with '*' needs double quotes");
	expect_error("a: &a [*a]\n", "t.yaml:1:4: anchors (&a) are not supported: a text that starts with '&' needs double quotes");
	expect_error(HEAD "phases: &p\n", "t.yaml:4:9: anchors (&p) are not supported: a text that starts with '&' needs double quotes");
	expect_error(HEAD "title: !!binary VA==\n",
		     "t.yaml:4:8: tags (tag:yaml.org,2002:binary) are not supported: a text that starts with '!' needs double quotes");
}

/* A key given twice is refused at the repetition, naming the first. */
static void test_duplicate_keys(void **state)
{
	(void)state;
	expect_error(HEAD "title: U\n", "t.yaml:4:1: duplicate key 'title' (first at 3:1)");
	expect_error("meetlat_content: 1\nid: t\nid: u\n",
		     "t.yaml:3:1: duplicate key 'id' (first at 2:1)");
	expect_error(HEAD "phases:\n  - {number: 1, name: a, name: b}\n",
		     "t.yaml:5:26: duplicate key 'name' (first at 5:17)");
}

/* Bytes that are not UTF-8, NUL and raw control characters are refused, located
 * from the byte offset that libyaml gives (the column in characters). */
static void test_utf8_and_nul(void **state)
{
	static const char nul[] = "meetlat_content: 1\nid: t\ntitle: a\0b\n";

	(void)state;
	expect_error("meetlat_content: 1\nid: t\ntitle: é\xff\n",
		     "t.yaml:3:9: this is not UTF-8 text (byte 0xFF): save the file as UTF-8");
	expect_error("meetlat_content: 1\r\nid: t\r\ntitle: \xc3\xa9\xc3(\r\n",
		     "t.yaml:3:10: this is not UTF-8 text (byte 0x28): save the file as UTF-8");
	expect_error_len("\xff\xfem\0e\0", 6, /* UTF-16 */
			 "t.yaml:1:1: the file is UTF-16 text: save it as UTF-8");
	expect_error_len(nul, sizeof(nul) - 1,
			 "t.yaml:3:9: a control character (U+0000) that a YAML file may not hold: remove it");
	expect_error(HEAD "x-nul: \"a\\0b\"\n",
		     "t.yaml:4:8: text holds a NUL character, which is not allowed");
	expect_error(HEAD "x-esc: \x1b[31m\n",
		     "t.yaml:4:8: a control character (U+001B) that a YAML file may not hold: remove it");
}

/* YAML syntax errors (in plain words: see test_ynode.c) and a second document are located. */
static void test_yaml_syntax(void **state)
{
	(void)state;
	expect_error(HEAD "phases: [\n",
		     "t.yaml:5:1: the file ends where a value is expected: a '[' or '{' above is not "
		     "closed");
	expect_error("meetlat_content: 1\nid: 't\n",
		     "t.yaml:2:5: this ' is never closed: end the text with a closing ' (to write ' "
		     "inside the text, write '')");
	expect_error(HEAD "title: Pauze: koffie\n",
		     "t.yaml:4:13: a ': ' inside a value: YAML reads it as the start of another key; "
		     "put the whole value in double quotes, like \"Pauze: koffie\"");
	expect_error(VALID "---\nb: 1\n",
		     "t.yaml:11:1: a second document; the file must hold exactly one");
}

/* A content saved with a UTF-8 byte order mark loads as one without; positions after it are
 * counted from the character after the mark. */
static void test_byte_order_mark(void **state)
{
	struct content *c = load("\xEF\xBB\xBF" VALID);

	(void)state;
	assert_string_equal(c->id, "t");
	content_free(c);
	expect_error("\xEF\xBB\xBF" VALID "colour: red\n",
		     "t.yaml:11:1: unknown key 'colour' in a content file (expected one of: "
		     "meetlat_content, id, title, language, phases, model, agenda)");
	expect_error("\xEF\xBB\xBFmeetlat_content: 2\n",
		     "t.yaml:1:18: unsupported meetlat_content version 2 (this meetlat reads version 1)");
}

/* A number or truth value in quotes is a text: refused, saying so. */
static void test_quoted_numbers(void **state)
{
	(void)state;
	expect_error(HEAD "phases:\n  - {number: \"1\", name: a, summary: s, intro: i}\n" PHASE2
		     MODEL,
		     "t.yaml:5:14: expected a whole number from 1 to 9 for the number of a phase, found "
		     "the text '1' in quotes (write it without quotes)");
	expect_error(HEAD PHASE1 "draft: 'true'}\n" PHASE2 MODEL,
		     "t.yaml:5:55: expected true or false for 'draft', found the text 'true' in quotes "
		     "(write it without quotes)");
	expect_error(VALID "agenda:\n  - {kind: welcome, minutes: \"5\"}\n",
		     "t.yaml:12:30: expected a whole number from 0 to 600 for 'minutes', found the text "
		     "'5' in quotes (write it without quotes)");
	expect_error("meetlat_content: \"1\"\n",
		     "t.yaml:1:18: expected a whole number from 1 to 999999 for 'meetlat_content', "
		     "found the text '1' in quotes (write it without quotes)");
}

/* ---- the shape of a content file ----------------------------------------------------- */

/* An empty file, a document that is not a mapping and a missing version. */
static void test_top_level(void **state)
{
	(void)state;
	expect_error("", "t.yaml:1:1: the file is empty; expected a YAML mapping");
	expect_error("# nothing but a comment\n",
		     "t.yaml:1:1: the file is empty; expected a YAML mapping");
	expect_error("- meetlat_content: 1\n",
		     "t.yaml:1:1: expected a mapping for a content file, found a list");
	expect_error("hello\n", "t.yaml:1:1: expected a mapping for a content file, found a text");
	expect_error("\nid: t\n",
		     "t.yaml:2:1: missing key 'meetlat_content' (expected 'meetlat_content: 1' "
		     "in a content file)");
}

/* Another version of the format is refused as such, before anything else. */
static void test_version(void **state)
{
	(void)state;
	expect_error("meetlat_content: 2\n",
		     "t.yaml:1:18: unsupported meetlat_content version 2 (this meetlat reads version 1)");
	expect_error("id: t\nmeetlat_content: 10\n",
		     "t.yaml:2:18: unsupported meetlat_content version 10 (this meetlat reads version 1)");
	expect_error("meetlat_content: 1.0\n",
		     "t.yaml:1:18: expected a whole number from 1 to 999999 for 'meetlat_content', "
		     "found '1.0'");
	expect_error("meetlat_content: [1]\n",
		     "t.yaml:1:18: expected a whole number from 1 to 999999 for 'meetlat_content', "
		     "found a list");
}

/* An unknown key is refused in every mapping, with the keys that are allowed. */
static void test_unknown_keys(void **state)
{
	(void)state;
	expect_error(VALID "colour: red\n",
		     "t.yaml:11:1: unknown key 'colour' in a content file (expected one of: "
		     "meetlat_content, id, title, language, phases, model, agenda)");
	expect_error(HEAD "phases:\n  - {number: 1, nmae: a}\n" PHASE2 MODEL,
		     "t.yaml:5:17: unknown key 'nmae' in a phase (expected one of: number, name, summary, "
		     "intro, title, lead, figure, heading, citizen, reading_guide, chapters_heading, "
		     "chapters, sources_heading, sources, draft)");
	expect_error(HEAD PHASES "model:\n  - {group: g, colour: c, dimensions: []}\n",
		     "t.yaml:8:16: unknown key 'colour' in a group of the table (expected one of: "
		     "group, title, dimensions)");
	expect_error(HEAD PHASES "model:\n  - {group: g, dimensions: [{id: r, ID: q}]}\n",
		     "t.yaml:8:37: unknown key 'ID' in a row of the table (expected one of: id, name, "
		     "behaviour)");
	expect_error(HEAD PHASES "model:\n  - {group: g, dimensions: [{id: r, name: R, "
		     "behaviour: {1: {text: x, drfat: true}}}]}\n",
		     "t.yaml:8:71: unknown key 'drfat' in a behaviour (expected one of: text, draft)");
	expect_error(VALID "agenda:\n  - {kind: welcome, minute: 5}\n",
		     "t.yaml:12:21: unknown key 'minute' in an agenda step (expected one of: kind, "
		     "phase, dimension, title, text, minutes, id)");
	expect_error(HEAD PHASE1 "citizen: {title: t, body: b}}\n" PHASE2 MODEL,
		     "t.yaml:5:68: unknown key 'body' in 'citizen' (expected one of: title, text)");
	expect_error(HEAD PHASE1 "chapters: [{title: t, author: x}]}\n" PHASE2 MODEL,
		     "t.yaml:5:70: unknown key 'author' in a chapter (expected one of: title, authors, "
		     "source, text)");
	expect_error(HEAD PHASE1 "sources: [{name: s, title: t}]}\n" PHASE2 MODEL,
		     "t.yaml:5:68: unknown key 'title' in a source (expected one of: name, heading)");
}

/* Every required key is named when it is missing, at the mapping that lacks it. */
static void test_missing_keys(void **state)
{
	(void)state;
	expect_error("meetlat_content: 1\ntitle: T\n",
		     "t.yaml:1:1: missing key 'id' in a content file");
	expect_error(HEAD PHASES, "t.yaml:1:1: missing key 'model' in a content file");
	expect_error(HEAD MODEL, "t.yaml:1:1: missing key 'phases' in a content file");
	expect_error(HEAD "phases:\n  - {number: 1, name: a, summary: s}\n" PHASE2 MODEL,
		     "t.yaml:5:5: missing key 'intro' in a phase");
	expect_error(HEAD "phases:\n  - number: 1\n    name: a\n" PHASE2 MODEL,
		     "t.yaml:5:5: missing key 'summary' in a phase");
	expect_error(HEAD PHASES "model:\n  - {group: g}\n",
		     "t.yaml:8:5: missing key 'dimensions' in a group of the table");
	expect_error(HEAD PHASES "model:\n  - {group: g, dimensions: [{id: r, name: R}]}\n",
		     "t.yaml:8:29: missing key 'behaviour' in a row of the table");
	expect_error(VALID "agenda:\n  - {minutes: 5}\n",
		     "t.yaml:12:5: missing key 'kind' in an agenda step");
	expect_error(HEAD PHASE1 "reading_guide: {title: t}}\n" PHASE2 MODEL,
		     "t.yaml:5:63: missing key 'text' in 'reading_guide'");
	expect_error(HEAD PHASE1 "chapters: [{authors: [x]}]}\n" PHASE2 MODEL,
		     "t.yaml:5:59: missing key 'title' in a chapter");
	expect_error(HEAD PHASE1 "sources: [{heading: h}]}\n" PHASE2 MODEL,
		     "t.yaml:5:58: missing key 'name' in a source");
}

/* A value of the wrong kind is refused with what was expected and what was found. */
static void test_wrong_types(void **state)
{
	(void)state;
	expect_error("meetlat_content: 1\nid: t\ntitle: [T]\n" PHASES MODEL,
		     "t.yaml:3:8: expected a text for 'title', found a list");
	expect_error("meetlat_content: 1\nid: Sociale Media\ntitle: T\n" PHASES MODEL,
		     "t.yaml:2:5: expected an identifier (lower-case letters, digits and '-') for 'id', "
		     "found 'Sociale Media'");
	expect_error(HEAD "phases: four\n" MODEL,
		     "t.yaml:4:9: expected a list for 'phases', found a text");
	expect_error(HEAD "phases: {number: 1}\n" MODEL,
		     "t.yaml:4:9: expected a list for 'phases', found a mapping");
	expect_error(HEAD "phases: [a, b]\n" MODEL,
		     "t.yaml:4:10: expected a mapping for a phase, found a text");
	expect_error(HEAD "phases:\n  - {number: one, name: a, summary: s, intro: i}\n" PHASE2 MODEL,
		     "t.yaml:5:14: expected a whole number from 1 to 9 for the number of a phase, "
		     "found 'one'");
	expect_error(HEAD PHASE1 "draft: yes}\n" PHASE2 MODEL,
		     "t.yaml:5:55: expected true or false for 'draft', found 'yes'");
	expect_error(HEAD "phases:\n  - {number: 1, name: a, summary: s, intro: [i]}\n" PHASE2 MODEL,
		     "t.yaml:5:45: expected a text for the intro of a phase, found a list");
	expect_error(HEAD PHASE1 "citizen: [c]}\n" PHASE2 MODEL,
		     "t.yaml:5:57: expected a mapping for 'citizen', found a list");
	expect_error(HEAD PHASE1 "chapters: [{title: t, authors: {a: b}}]}\n" PHASE2 MODEL,
		     "t.yaml:5:79: expected a list for 'authors', found a mapping");
	expect_error(HEAD PHASES "model: {g: 1}\n",
		     "t.yaml:7:8: expected a list for 'model', found a mapping");
	expect_error(HEAD PHASES "model:\n  - {group: G, dimensions: [x]}\n",
		     "t.yaml:8:13: expected an identifier (lower-case letters, digits and '-') for the id "
		     "of a group, found 'G'");
	expect_error(HEAD PHASES "model:\n  - {group: g, dimensions: [{id: r, name: R, "
		     "behaviour: [x, y]}]}\n",
		     "t.yaml:8:57: expected a mapping for 'behaviour', found a list");
	expect_error(VALID "agenda: {kind: welcome}\n",
		     "t.yaml:11:9: expected a list for 'agenda', found a mapping");
	expect_error(VALID "agenda:\n  - {kind: welcome, minutes: ten}\n",
		     "t.yaml:12:30: expected a whole number from 0 to 600 for 'minutes', found 'ten'");
	expect_error(VALID "agenda:\n  - {kind: welcome, minutes: 601}\n",
		     "t.yaml:12:30: expected a whole number from 0 to 600 for 'minutes', found '601'");
	expect_error(VALID "agenda:\n  - {kind: [welcome]}\n",
		     "t.yaml:12:12: expected a text for the kind of a step, found a list");
	expect_error(VALID "agenda:\n  - {kind: score, dimension: {id: r}}\n",
		     "t.yaml:12:30: expected a text for the dimension of a step, found a mapping");
}

/* ---- phases ------------------------------------------------------------------------- */

/* Phases must be numbered 1..N in the order they are listed. */
static void test_phase_numbering(void **state)
{
	(void)state;
	expect_error(HEAD "phases:\n"
		     "  - {number: 2, name: a, summary: s, intro: i}\n"
		     "  - {number: 1, name: b, summary: s, intro: i}\n" MODEL,
		     "t.yaml:5:14: expected phase number 1 here, found 2 "
		     "(phases are numbered 1..N in order)");
	expect_error(HEAD "phases:\n"
		     "  - {number: 1, name: a, summary: s, intro: i}\n"
		     "  - {number: 3, name: b, summary: s, intro: i}\n" MODEL,
		     "t.yaml:6:14: expected phase number 2 here, found 3 "
		     "(phases are numbered 1..N in order)");
	expect_error(HEAD "phases:\n"
		     "  - {number: 0, name: a, summary: s, intro: i}\n" PHASE2 MODEL,
		     "t.yaml:5:14: expected a whole number from 1 to 9 for the number of a phase, "
		     "found '0'");
}

/* A content has from two to nine phases (a vote is typed as one digit). */
static void test_phase_count(void **state)
{
	char ten[1024] = HEAD "phases:\n";

	(void)state;
	expect_error(HEAD "phases:\n  - {number: 1, name: a, summary: s, intro: i}\n" MODEL,
		     "t.yaml:5:3: expected from 2 to 9 phases (a vote is one digit), found 1");
	expect_error(HEAD "phases: []\n" MODEL,
		     "t.yaml:4:9: expected from 2 to 9 phases (a vote is one digit), found 0");
	for (int n = 1; n <= 10; n++)
		snprintf(ten + strlen(ten), sizeof(ten) - strlen(ten),
			 "  - {number: %d, name: a, summary: s, intro: i}\n", n);
	strcat(ten, MODEL);
	expect_error(ten, "t.yaml:5:3: expected from 2 to 9 phases (a vote is one digit), found 10");
}

/* No text may be empty: quoted, bare or an empty block. */
static void test_empty_texts(void **state)
{
	(void)state;
	expect_error("meetlat_content: 1\nid: t\ntitle: \"\"\n" PHASES MODEL,
		     "t.yaml:3:8: 'title' must not be empty");
	expect_error("meetlat_content: 1\nid: t\ntitle:\n" PHASES MODEL,
		     "t.yaml:3:7: 'title' must not be empty");
	expect_error(HEAD "phases:\n  - {number: 1, name: '', summary: s, intro: i}\n" PHASE2 MODEL,
		     "t.yaml:5:23: the name of a phase must not be empty");
	expect_error(HEAD "phases:\n  - number: 1\n    name: a\n    summary: s\n    intro: |\n\n"
		     PHASE2 MODEL,
		     "t.yaml:8:12: the intro of a phase must not be empty");
	expect_error(HEAD PHASE1 "citizen: ''}\n" PHASE2 MODEL,
		     "t.yaml:5:57: 'citizen' must not be empty");
	expect_error(HEAD PHASE1 "citizen: {title: t, text: ''}}\n" PHASE2 MODEL,
		     "t.yaml:5:74: the text of 'citizen' must not be empty");
	expect_error(HEAD PHASE1 "chapters: [{title: t, authors: [x, '']}]}\n" PHASE2 MODEL,
		     "t.yaml:5:83: an author must not be empty");
	expect_error(HEAD PHASES "model:\n  - {group: g, dimensions: [{id: r, name: R, "
		     "behaviour: {1: x, 2: \"\"}}]}\n",
		     "t.yaml:8:67: a behaviour must not be empty");
	expect_error(VALID "agenda:\n  - {kind: text, title: '', text: t}\n",
		     "t.yaml:12:25: the title of a step must not be empty");
}

/* The optional texts of a phase load: citizen and reading guide in both forms,
 * chapters with one or more authors, sources. */
static void test_phase_texts(void **state)
{
	struct content *c = load(HEAD
		"phases:\n"
		"  - number: 1\n"
		"    name: a\n"
		"    summary: s\n"
		"    intro: i\n"
		"    citizen: Alleen tekst\n"
		"    reading_guide: {title: Leeswijzer, text: Lees dit}\n"
		"    chapters_heading: Hoofdstukken\n"
		"    chapters:\n"
		"      - {title: Een, authors: Anna}\n"
		"      - {title: Twee, authors: [Bob, Carla], source: Eerder, text: Samenvatting}\n"
		"    sources_heading: Eerdere publicaties\n"
		"    sources: [{name: Eerder, heading: 'Uit Eerder:'}, {name: Later}]\n"
		"    draft: true\n"
		PHASE2 MODEL);
	const struct content_phase *p = &c->phases[0];

	(void)state;
	assert_null(p->citizen.title);
	assert_string_equal(p->citizen.text, "Alleen tekst");
	assert_string_equal(p->reading_guide.title, "Leeswijzer");
	assert_string_equal(p->reading_guide.text, "Lees dit");
	assert_string_equal(p->chapters_heading, "Hoofdstukken");
	assert_int_equal(p->n_chapters, 2);
	assert_int_equal(p->chapters[0].n_authors, 1);
	assert_string_equal(p->chapters[0].authors[0], "Anna");
	assert_null(p->chapters[0].source);
	assert_null(p->chapters[0].text);
	assert_int_equal(p->chapters[1].n_authors, 2);
	assert_string_equal(p->chapters[1].authors[1], "Carla");
	assert_string_equal(p->chapters[1].source, "Eerder");
	assert_string_equal(p->chapters[1].text, "Samenvatting");
	assert_string_equal(p->sources_heading, "Eerdere publicaties");
	assert_int_equal(p->n_sources, 2);
	assert_string_equal(p->sources[0].heading, "Uit Eerder:");
	assert_null(p->sources[1].heading);
	assert_true(p->draft);
	assert_false(c->phases[1].draft);
	content_free(c);
}

/* A chapter may only name a source that its phase lists. */
static void test_chapter_source(void **state)
{
	(void)state;
	expect_error(HEAD "phases:\n"
		     "  - number: 1\n"
		     "    name: a\n"
		     "    summary: s\n"
		     "    intro: i\n"
		     "    chapters:\n"
		     "      - {title: t, source: Elders}\n"
		     "    sources: [{name: Eerder}]\n" PHASE2 MODEL,
		     "t.yaml:10:28: unknown source 'Elders' (expected the name of an entry of 'sources')");
	/* A phase without `sources` has no source to name either. */
	expect_error(HEAD PHASE1 "chapters: [{title: t, source: Eerder}]}\n" PHASE2 MODEL,
		     "t.yaml:5:78: unknown source 'Eerder' (expected the name of an entry of 'sources')");
}

/* ---- the behaviour table ------------------------------------------------------------ */

/* Every row has one behaviour per phase: no unknown, missing or repeated phase. */
static void test_cells(void **state)
{
	(void)state;
	expect_error(HEAD PHASES "model:\n  - {group: g, dimensions: [{id: r, name: R, "
		     "behaviour: {1: x, 2: y, 3: z}}]}\n",
		     "t.yaml:8:70: expected a whole number from 1 to 2 for a phase number in 'behaviour', "
		     "found '3'");
	expect_error(HEAD PHASES "model:\n  - {group: g, dimensions: [{id: r, name: R, "
		     "behaviour: {one: x, 2: y}}]}\n",
		     "t.yaml:8:58: expected a whole number from 1 to 2 for a phase number in 'behaviour', "
		     "found 'one'");
	expect_error(HEAD PHASES "model:\n  - {group: g, dimensions: [{id: r, name: R, "
		     "behaviour: {2: y}}]}\n",
		     "t.yaml:8:57: missing the behaviour for phase 1 of 'r' "
		     "(every row needs one per phase)");
	expect_error(HEAD PHASES "model:\n  - {group: g, dimensions: [{id: r, name: R, "
		     "behaviour: {1: x, 2: y, \"1\": z}}]}\n",
		     "t.yaml:8:70: duplicate key '1' (first at 8:58)");
	expect_error(HEAD PHASES "model:\n  - {group: g, dimensions: [{id: r, name: R, "
		     "behaviour: {1: x, 2: {draft: true}}}]}\n",
		     "t.yaml:8:67: missing key 'text' in a behaviour");
}

/* A behaviour is a text or {text, draft}; groups keep their rows in order. */
static void test_cell_forms(void **state)
{
	struct content *c = load(HEAD PHASES
		"model:\n"
		"  - group: g\n"
		"    title: Groep\n"
		"    dimensions:\n"
		"      - id: r\n"
		"        name: R\n"
		"        behaviour:\n"
		"          2: {text: twee, draft: true}\n"
		"          1: een\n"
		"  - group: h\n"
		"    dimensions:\n"
		"      - {id: s, name: S, behaviour: {1: x, 2: {text: y, draft: false}}}\n");

	(void)state;
	assert_int_equal(c->n_groups, 2);
	assert_string_equal(c->groups[0].title, "Groep");
	assert_int_equal(c->groups[1].first, 1);
	assert_int_equal(c->groups[1].count, 1);
	assert_int_equal(c->dimensions[1].group, 1);
	assert_string_equal(c->dimensions[0].cells[0].text, "een");
	assert_false(c->dimensions[0].cells[0].draft);
	assert_string_equal(c->dimensions[0].cells[1].text, "twee");
	assert_true(c->dimensions[0].cells[1].draft);
	assert_false(c->dimensions[1].cells[1].draft);
	assert_int_equal(content_dimension_index(c, "s"), 1);
	assert_int_equal(content_dimension_index(c, "t"), -1);
	content_free(c);
}

/* Row ids are unique over the whole table, group ids among the groups. */
static void test_duplicate_ids(void **state)
{
	(void)state;
	expect_error(HEAD PHASES
		     "model:\n"
		     "  - group: g\n"
		     "    dimensions:\n"
		     "      - {id: r, name: R, behaviour: {1: x, 2: y}}\n"
		     "  - group: h\n"
		     "    dimensions:\n"
		     "      - {id: r, name: S, behaviour: {1: x, 2: y}}\n",
		     "t.yaml:13:14: duplicate id 'r' (first used at 10:14)");
	expect_error(HEAD PHASES
		     "model:\n"
		     "  - {group: g, dimensions: [{id: r, name: R, behaviour: {1: x, 2: y}}]}\n"
		     "  - {group: g, dimensions: [{id: s, name: S, behaviour: {1: x, 2: y}}]}\n",
		     "t.yaml:9:13: duplicate group id 'g' (first used at 8:13)");
}

/* A table needs a group, and a group needs a row. */
static void test_empty_model(void **state)
{
	(void)state;
	expect_error(HEAD PHASES "model: []\n", "t.yaml:7:8: expected at least one group in 'model'");
	expect_error(HEAD PHASES "model:\n  - {group: g, dimensions: []}\n",
		     "t.yaml:8:28: expected at least one row in 'dimensions'");
}

/* ---- the agenda --------------------------------------------------------------------- */

/* A written agenda loads as written; minutes are planned only where given. */
static void test_agenda(void **state)
{
	struct content *c = load(VALID
		"agenda:\n"
		"  - {kind: welcome}\n"
		"  - {kind: phase, phase: 2, minutes: 12, title: De tweede}\n"
		"  - {kind: score, dimension: r, minutes: 0}\n"
		"  - {kind: text, title: Pauze, text: Koffie, minutes: 15}\n");
	char label[128];

	(void)state;
	assert_int_equal(c->n_steps, 4);
	assert_int_equal(c->steps[0].kind, STEP_WELCOME);
	assert_int_equal(c->steps[0].minutes, 0); /* planned only when written */
	assert_int_equal(c->steps[1].kind, STEP_PHASE);
	assert_int_equal(c->steps[1].phase, 2);
	assert_int_equal(c->steps[1].minutes, 12);
	assert_string_equal(c->steps[1].title, "De tweede");
	assert_int_equal(c->steps[2].kind, STEP_SCORE);
	assert_int_equal(c->steps[2].dimension, 0);
	assert_int_equal(c->steps[3].kind, STEP_TEXT);
	assert_string_equal(c->steps[3].text, "Koffie");
	assert_int_equal(content_planned_minutes(c), 27);
	assert_string_equal(content_step_label(c, 0, label, sizeof(label)), "Welcome: T");
	assert_string_equal(content_step_label(c, 1, label, sizeof(label)), "De tweede");
	assert_string_equal(content_step_label(c, 2, label, sizeof(label)), "Score: R");
	content_free(c);
}

/* A step must be of a known kind, with what its kind needs and nothing else. */
static void test_agenda_errors(void **state)
{
	(void)state;
	expect_error(VALID "agenda: []\n", "t.yaml:11:9: expected at least one step in 'agenda'");
	expect_error(VALID "agenda:\n  - {kind: pauze}\n",
		     "t.yaml:12:12: unknown step kind 'pauze' (expected welcome, model, phase, citizen, "
		     "reading_guide, chapters, table, score, actions, summary or text)");
	expect_error(VALID "agenda:\n  - {kind: score, dimension: q}\n",
		     "t.yaml:12:30: unknown dimension 'q' (expected the id of a row of the table)");
	expect_error(VALID "agenda:\n  - {kind: phase, phase: 3}\n",
		     "t.yaml:12:26: expected a whole number from 1 to 2 for the phase of a step, "
		     "found '3'");
	expect_error(VALID "agenda:\n  - {kind: phase}\n", "t.yaml:12:5: a 'phase' step needs 'phase'");
	expect_error(VALID "agenda:\n  - {kind: chapters}\n",
		     "t.yaml:12:5: a 'chapters' step needs 'phase'");
	expect_error(VALID "agenda:\n  - {kind: score}\n",
		     "t.yaml:12:5: a 'score' step needs 'dimension'");
	expect_error(VALID "agenda:\n  - {kind: text, title: T}\n",
		     "t.yaml:12:5: a 'text' step needs 'text'");
	expect_error(VALID "agenda:\n  - {kind: text, text: T}\n",
		     "t.yaml:12:5: a 'text' step needs 'title'");
	expect_error(VALID "agenda:\n  - {kind: welcome, phase: 1}\n",
		     "t.yaml:12:28: 'phase' does not apply to a 'welcome' step");
	expect_error(VALID "agenda:\n  - {kind: phase, phase: 1, dimension: r}\n",
		     "t.yaml:12:40: 'dimension' does not apply to a 'phase' step");
	expect_error(VALID "agenda:\n  - {kind: score, dimension: r, text: t}\n",
		     "t.yaml:12:39: 'text' does not apply to a 'score' step");
}

/* A citizen, reading_guide or chapters step needs its phase to have that text. */
static void test_agenda_missing_texts(void **state)
{
	(void)state;
	expect_error(VALID "agenda:\n  - {kind: citizen, phase: 1}\n",
		     "t.yaml:12:28: phase 1 has no 'citizen' for this step to show");
	expect_error(VALID "agenda:\n  - {kind: reading_guide, phase: 2}\n",
		     "t.yaml:12:34: phase 2 has no 'reading_guide' for this step to show");
	expect_error(VALID "agenda:\n  - {kind: chapters, phase: 1}\n",
		     "t.yaml:12:29: phase 1 has no 'chapters' for this step to show");
	expect_error(HEAD "phases:\n"
		     "  - {number: 1, name: a, summary: s, intro: i, chapters: []}\n"
		     "  - {number: 2, name: b, summary: s, intro: i}\n" MODEL
		     "agenda:\n  - {kind: chapters, phase: 1}\n",
		     "t.yaml:12:29: phase 1 has no 'chapters' for this step to show");
}

/* Asserts that step I of C is of KIND for PHASE and DIMENSION, with its default minutes. */
static void expect_step(const struct content *c, size_t i, enum step_kind kind, int phase,
			size_t dimension)
{
	assert_true(i < c->n_steps);
	assert_int_equal(c->steps[i].kind, kind);
	assert_int_equal(c->steps[i].phase, phase);
	assert_int_equal(c->steps[i].dimension, dimension);
	assert_null(c->steps[i].title);
	assert_int_equal(c->steps[i].minutes, step_kind_info(kind)->default_minutes);
}

/* Asserts that the steps of C have the ids IDS (a NULL-terminated list), in order. */
static void expect_ids(const struct content *c, const char *const *ids)
{
	size_t n = 0;

	for (; ids[n]; n++) {
		assert_true(n < c->n_steps);
		assert_string_equal(c->steps[n].id, ids[n]);
	}
	assert_int_equal(c->n_steps, n);
}

/* Without an agenda: welcome, model, each phase with its texts, the table, a
 * score per row, actions and summary, each with its default minutes. */
static void test_derived_agenda(void **state)
{
	struct content *c = load(HEAD
		"phases:\n"
		"  - {number: 1, name: a, summary: s, intro: i, citizen: c,\n"
		"     chapters: [{title: t}]}\n"
		"  - {number: 2, name: b, summary: s, intro: i}\n"
		"  - {number: 3, name: c, summary: s, intro: i, reading_guide: r, citizen: c}\n"
		"model:\n"
		"  - {group: g, dimensions: [{id: p, name: P, behaviour: {1: x, 2: y, 3: z}}]}\n"
		"  - {group: h, dimensions: [{id: q, name: Q, behaviour: {1: x, 2: y, 3: z}},\n"
		"                            {id: r, name: R, behaviour: {1: x, 2: y, 3: z}}]}\n");
	size_t i = 0;

	(void)state;
	expect_step(c, i++, STEP_WELCOME, 0, 0);
	expect_step(c, i++, STEP_MODEL, 0, 0);
	expect_step(c, i++, STEP_PHASE, 1, 0);
	expect_step(c, i++, STEP_CITIZEN, 1, 0);
	expect_step(c, i++, STEP_CHAPTERS, 1, 0);
	expect_step(c, i++, STEP_PHASE, 2, 0);
	expect_step(c, i++, STEP_PHASE, 3, 0);
	expect_step(c, i++, STEP_CITIZEN, 3, 0);
	expect_step(c, i++, STEP_READING_GUIDE, 3, 0);
	expect_step(c, i++, STEP_TABLE, 0, 0);
	expect_step(c, i++, STEP_SCORE, 0, 0);
	expect_step(c, i++, STEP_SCORE, 0, 1);
	expect_step(c, i++, STEP_SCORE, 0, 2);
	expect_step(c, i++, STEP_ACTIONS, 0, 0);
	expect_step(c, i++, STEP_SUMMARY, 0, 0);
	assert_int_equal(c->n_steps, i);
	assert_int_equal(content_planned_minutes(c), 5 + 10 + 3 * 10 + 2 * 5 + 10 + 5 + 10 + 3 * 8 +
						    15 + 10);
	expect_ids(c, (const char *const[]){ "welcome", "model", "phase:1", "citizen:1",
					     "chapters:1", "phase:2", "phase:3", "citizen:3",
					     "reading_guide:3", "table", "score:p", "score:q",
					     "score:r", "actions", "summary", NULL });
	content_free(c);
}

/* ---- all the errors a check can find ------------------------------------------------ */

/* Loads TEXT with content_load_buffer_all and asserts that it is refused with the N messages
 * of WANT, in this order, and that content_load_buffer gives the first of them. */
static void expect_errors(const char *text, const char *const *want, size_t n)
{
	char buf[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64];
	struct diag_list errors;
	struct diag d;

	assert_null(content_load_buffer_all("t.yaml", text, strlen(text), &errors));
	for (size_t i = 0; i < errors.count && i < n; i++)
		assert_string_equal(diag_format(&errors.items[i], buf, sizeof(buf)), want[i]);
	assert_int_equal(errors.count, n);
	assert_null(content_load_buffer("t.yaml", text, strlen(text), &d));
	assert_string_equal(diag_format(&d, buf, sizeof(buf)), want[0]);
}

/* Errors in different phases, sources, chapters, rows, groups and steps are all reported, each
 * where it is, in the order of the file (here the agenda comes first although it is checked
 * last); a step on a phase that has an error is not blamed for it. */
static void test_all_errors(void **state)
{
	static const char *const want[] = {
		"t.yaml:4:30: unknown dimension 'q' (expected the id of a row of the table)",
		"t.yaml:6:30: expected a whole number from 0 to 600 for 'minutes', found '601'",
		"t.yaml:7:8: 'title' must not be empty",
		"t.yaml:9:17: unknown key 'nmae' in a phase (expected one of: number, name, summary, "
		"intro, title, lead, figure, heading, citizen, reading_guide, chapters_heading, "
		"chapters, sources_heading, sources, draft)",
		"t.yaml:10:57: 'citizen' must not be empty",
		"t.yaml:15:15: missing key 'name' in a source",
		"t.yaml:15:53: the heading of a source must not be empty",
		"t.yaml:18:28: unknown source 'Elders' (expected the name of an entry of 'sources')",
		"t.yaml:19:9: missing key 'title' in a chapter",
		"t.yaml:21:70: expected a whole number from 1 to 3 for a phase number in 'behaviour', "
		"found '4'",
		"t.yaml:22:34: duplicate id 'r' (first used at 21:34)",
		"t.yaml:23:13: duplicate group id 'g' (first used at 21:13)",
	};

	(void)state;
	expect_errors(content_many_errors, want, sizeof(want) / sizeof(want[0]));
}

/* What the later parts rest on must be readable: a YAML error, a file that is not a content,
 * or phases that are not a list end the search with that one error. */
static void test_errors_that_end_the_search(void **state)
{
	static const char *const syntax[] = {
		"t.yaml:11:9: this '[' is not closed: end it with ']' (or a ',' is missing between two "
		"of its items)"
	};
	static const char *const phases[] = { "t.yaml:4:9: expected a list for 'phases', found a "
					      "text" };

	(void)state;
	expect_errors(VALID "agenda: [{kind: nope}\n", syntax, 1);
	expect_errors(HEAD "phases: four\n" MODEL "agenda:\n  - {kind: score, dimension: q}\n",
		      phases, 1);
}

/* At most DIAG_LIST_MAX errors are collected: the first ones of the file. */
static void test_errors_at_most(void **state)
{
	char text[4096] = VALID "agenda:\n", buf[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64];
	struct diag_list errors;

	(void)state;
	for (int i = 0; i < 30; i++)
		snprintf(text + strlen(text), sizeof(text) - strlen(text),
			 "  - {kind: score, dimension: q%d}\n", i);
	assert_null(content_load_buffer_all("t.yaml", text, strlen(text), &errors));
	assert_int_equal(errors.count, DIAG_LIST_MAX);
	assert_true(diag_list_full(&errors));
	assert_string_equal(diag_format(&errors.items[DIAG_LIST_MAX - 1], buf, sizeof(buf)),
			    "t.yaml:31:30: unknown dimension 'q19' (expected the id of a row of the "
			    "table)");
}

/* A valid content leaves the list empty; a file that cannot be read gives one error. */
static void test_errors_none_or_file(void **state)
{
	struct diag_list errors;
	struct content *c = content_load_buffer_all("t.yaml", VALID, strlen(VALID), &errors);

	(void)state;
	assert_non_null(c);
	assert_int_equal(errors.count, 0);
	content_free(c);
	c = content_load_builtin_all(&errors);
	assert_non_null(c);
	assert_int_equal(errors.count, 0);
	content_free(c);
	assert_null(content_load_file_all("/nonexistent/t.yaml", &errors));
	assert_int_equal(errors.count, 1);
	assert_string_equal(errors.items[0].message, "cannot open: No such file or directory");
}

/* The list: full at DIAG_LIST_MAX, sorted by place and stable, printed with a count line. */
static void test_diag_list(void **state)
{
	struct diag_list list;
	struct diag d;
	char *out = NULL;
	size_t size = 0;
	FILE *f;

	(void)state;
	diag_list_init(&list);
	diag_set(&d, "f.yaml", 9, 1, "third");
	assert_true(diag_list_add(&list, &d));
	diag_set(&d, "f.yaml", 2, 5, "second");
	assert_true(diag_list_add(&list, &d));
	diag_set(&d, "f.yaml", 2, 5, "second, found later");
	assert_true(diag_list_add(&list, &d));
	diag_set(&d, "f.yaml", 2, 1, "first");
	assert_true(diag_list_add(&list, &d));
	diag_list_sort(&list);
	assert_string_equal(list.items[0].message, "first");
	assert_string_equal(list.items[1].message, "second");
	assert_string_equal(list.items[2].message, "second, found later");
	assert_string_equal(list.items[3].message, "third");
	f = open_memstream(&out, &size);
	assert_non_null(f);
	diag_list_print(&list, f);
	assert_int_equal(fclose(f), 0);
	assert_string_equal(out, "f.yaml:2:1: first\nf.yaml:2:5: second\n"
				 "f.yaml:2:5: second, found later\nf.yaml:9:1: third\nf.yaml: 4 errors\n");
	free(out);
	while (diag_list_add(&list, &d))
		;
	assert_int_equal(list.count, DIAG_LIST_MAX);
	assert_true(diag_list_full(&list));
	diag_list_init(&list);
	assert_false(diag_list_full(&list));
	assert_true(diag_list_add(&list, &d));
	f = open_memstream(&out, &size);
	assert_non_null(f);
	diag_list_print(&list, f);
	assert_int_equal(fclose(f), 0);
	assert_string_equal(out, "f.yaml:2:1: first\nf.yaml: 1 error\n");
	free(out);
}

/* Row ids are found through the index, for every row of a large table, and unknown ones not. */
static void test_dimension_index(void **state)
{
	enum { ROWS = 3000 };
	size_t size = 64 * ROWS + 512, used;
	char *text = malloc(size), id[16];
	struct content *c;

	(void)state;
	assert_non_null(text);
	used = (size_t)snprintf(text, size, HEAD PHASES "model:\n  - group: g\n    dimensions:\n");
	for (int i = 0; i < ROWS; i++)
		used += (size_t)snprintf(text + used, size - used,
					 "      - {id: r%d, name: R, behaviour: {1: x, 2: y}}\n", i);
	c = load(text);
	assert_int_equal(c->n_dimensions, ROWS);
	for (int i = 0; i < ROWS; i++) {
		snprintf(id, sizeof(id), "r%d", i);
		assert_int_equal(content_dimension_index(c, id), i);
	}
	assert_int_equal(content_dimension_index(c, "r3000"), -1);
	assert_int_equal(content_dimension_index(c, ""), -1);
	content_free(c);
	free(text);
}

/* ---- step ids ------------------------------------------------------------------------ */

/* Steps get ids from kind and target; a text step from its title; repeats a suffix; given
 * ids win, also over a derived id that would be the same; every id is found again. */
static void test_step_ids(void **state)
{
	struct content *c = load(VALID
		"agenda:\n"
		"  - {kind: welcome}\n"
		"  - {kind: phase, phase: 2}\n"
		"  - {kind: text, title: \"Pauze: koffie \xc3\xa9n thee!\", text: x}\n"
		"  - {kind: phase, phase: 2, title: Again}\n"
		"  - {kind: score, dimension: r}\n"
		"  - {kind: phase, phase: 2}\n"
		"  - {kind: text, title: \"!!\", text: x}\n"
		"  - {kind: summary, id: welcome}\n"
		"  - {kind: table, id: my-table}\n"
		"  - {kind: score, dimension: r, id: r-again}\n");

	(void)state;
	expect_ids(c, (const char *const[]){ "welcome#2", "phase:2", "text:pauze-koffie-en-thee",
					     "phase:2#2", "score:r", "phase:2#3", "text",
					     "welcome", "my-table", "r-again", NULL });
	for (size_t i = 0; i < c->n_steps; i++)
		assert_int_equal(content_step_index(c, c->steps[i].id), (long)i);
	assert_int_equal(content_step_index(c, "phase:1"), -1);
	assert_int_equal(content_step_index(c, "summary"), -1);
	content_free(c);
}

/* An id is an identifier, not a number alone, and used once; a duplicate names the first. */
static void test_step_id_errors(void **state)
{
	(void)state;
	expect_error(VALID "agenda:\n  - {kind: welcome, id: Start}\n",
		     "t.yaml:12:25: expected an identifier (lower-case letters, digits and '-') for "
		     "the id of a step, found 'Start'");
	expect_error(VALID "agenda:\n  - {kind: welcome, id: 12}\n",
		     "t.yaml:12:25: the id of a step must not be a number alone: add a letter, "
		     "e.g. 'step-12'");
	expect_error(VALID "agenda:\n  - {kind: welcome, id: start}\n  - {kind: table}\n"
		     "  - {kind: summary, id: start}\n",
		     "t.yaml:14:25: duplicate step id 'start' (first used at 12:25)");
}

/* Many steps with one derived id load in time proportional to their number (no quadratic
 * scan for the next free suffix) and each gets its own. */
static void test_step_ids_many(void **state)
{
	enum { N = 50000 };
	size_t len = strlen(VALID "agenda:\n") + N * 24 + 1;
	char *text = malloc(len), *at;
	struct content *c;

	(void)state;
	assert_non_null(text);
	at = text + sprintf(text, "%s", VALID "agenda:\n");
	for (int i = 0; i < N; i++)
		at += sprintf(at, "  - {kind: table}\n");
	c = load(text);
	assert_int_equal(c->n_steps, N);
	assert_string_equal(c->steps[0].id, "table");
	assert_string_equal(c->steps[N - 1].id, "table#50000");
	assert_int_equal(content_step_index(c, "table#1234"), 1233);
	content_free(c);
	free(text);
}

/* ---- text ---------------------------------------------------------------------------- */

/* Text passes through byte for byte: accents, quotes, dashes, emoji, CJK. */
static void test_utf8_text_unchanged(void **state)
{
	static const char title[] = "Caf\xc3\xa9 \xe2\x80\x98" "citaat\xe2\x80\x99 \xe2\x80\x93 "
				    "\xc3\xabn \xf0\x9f\x98\x80 \xe6\x97\xa5\xe6\x9c\xac";
	struct content *c = load("meetlat_content: 1\nid: t\n"
		"title: \"Café ‘citaat’ – ën 😀 日本\"\n"
		"phases:\n"
		"  - number: 1\n"
		"    name: één\n"
		"    summary: 'Straatfeestcomité’s plan'\n"
		"    intro: |\n"
		"      Eerste alinea met technologieën.\n"
		"\n"
		"      Tweede – met een gedachtestreepje.\n"
		"  - {number: 2, name: b, summary: s, intro: i}\n"
		MODEL);

	(void)state;
	assert_memory_equal(c->title, title, sizeof(title));
	assert_string_equal(c->phases[0].name, "\xc3\xa9\xc3\xa9n");
	assert_string_equal(c->phases[0].summary, "Straatfeestcomit\xc3\xa9\xe2\x80\x99s plan");
	assert_string_equal(c->phases[0].intro, "Eerste alinea met technologie\xc3\xabn.\n\n"
						"Tweede \xe2\x80\x93 met een gedachtestreepje.\n");
	content_free(c);
}

/* ---- files ---------------------------------------------------------------------------- */

struct tmp {
	char dir[64];
	char path[128];
};

/* Creates a fresh temporary directory in T and the path T->path of NAME inside it. */
static void tmp_open(struct tmp *t, const char *name)
{
	snprintf(t->dir, sizeof(t->dir), "/tmp/test_content.XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->path, sizeof(t->path), "%s/%s", t->dir, name);
}

/* Removes T->path (whatever it is) and the directory. */
static void tmp_close(struct tmp *t)
{
	if (unlink(t->path) != 0)
		rmdir(t->path);
	assert_int_equal(rmdir(t->dir), 0);
}

/* Writes the LEN bytes at TEXT to PATH with MODE. */
static void write_file(const char *path, const char *text, size_t len, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	assert_int_equal(close(fd), 0);
}

/* Loads PATH and asserts that it is refused with "PATH: MESSAGE". */
static void expect_file_error(const char *path, const char *message)
{
	char buf[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64], want[512];
	struct diag d;
	struct content *c = content_load_file(path, &d);

	content_free(c);
	assert_null(c);
	snprintf(want, sizeof(want), "%s: %s", path, message);
	assert_string_equal(diag_format(&d, buf, sizeof(buf)), want);
}

/* A file loads like a buffer, and its errors carry its path. */
static void test_file_loads(void **state)
{
	char buf[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64], want[512];
	struct tmp t;
	struct diag d;
	struct content *c;

	(void)state;
	tmp_open(&t, "good.yaml");
	write_file(t.path, VALID, strlen(VALID), 0644);
	c = content_load_file(t.path, &d);
	assert_non_null(c);
	assert_int_equal(c->n_phases, 2);
	content_free(c);
	write_file(t.path, VALID "oops: 1\n", strlen(VALID "oops: 1\n"), 0644);
	assert_null(content_load_file(t.path, &d));
	snprintf(want, sizeof(want), "%s:11:1: unknown key 'oops' in a content file (expected one "
		 "of: meetlat_content, id, title, language, phases, model, agenda)", t.path);
	assert_string_equal(diag_format(&d, buf, sizeof(buf)), want);
	tmp_close(&t);
}

/* A missing file, a directory, a FIFO and a device are refused without waiting. */
static void test_file_kinds(void **state)
{
	struct tmp t;

	(void)state;
	tmp_open(&t, "missing.yaml");
	expect_file_error(t.path, "cannot open: No such file or directory");
	assert_int_equal(mkdir(t.path, 0755), 0);
	expect_file_error(t.path, "is a directory, not a file");
	assert_int_equal(rmdir(t.path), 0);
	assert_int_equal(mkfifo(t.path, 0644), 0); /* nobody writes: opening must not wait */
	expect_file_error(t.path, "is a pipe (FIFO), not a regular file");
	tmp_close(&t);
	expect_file_error("/dev/null", "is not a regular file");
}

/* An empty file and one over the size limit (refused before reading). */
static void test_file_empty_and_large(void **state)
{
	char buf[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64], want[512];
	struct tmp t;
	struct diag d;
	int fd;

	(void)state;
	tmp_open(&t, "empty.yaml");
	write_file(t.path, "", 0, 0644);
	assert_null(content_load_file(t.path, &d));
	snprintf(want, sizeof(want), "%s:1:1: the file is empty; expected a YAML mapping", t.path);
	assert_string_equal(diag_format(&d, buf, sizeof(buf)), want);
	/* A sparse file one byte over the limit: refused without reading it. */
	fd = open(t.path, O_WRONLY);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)ylimits_default.max_bytes + 1), 0);
	assert_int_equal(close(fd), 0);
	expect_file_error(t.path, "file is larger than the limit of 16777216 bytes");
	tmp_close(&t);
}

/* A file that cannot be opened for reading is refused with the reason. */
static void test_file_unreadable(void **state)
{
	struct tmp t;

	(void)state;
	if (geteuid() == 0)
		skip(); /* root reads a file of mode 000 all the same */
	tmp_open(&t, "secret.yaml");
	write_file(t.path, VALID, strlen(VALID), 0000);
	expect_file_error(t.path, "cannot open: Permission denied");
	tmp_close(&t);
}

/* Returns the code that content_sniff_language reads from a file holding TEXT, "" for none
 * (written to CODE, which is returned). */
static const char *sniffed(const char *text, char code[16])
{
	struct tmp t;
	bool found;

	tmp_open(&t, "sniff.yaml");
	write_file(t.path, text, strlen(text), 0644);
	found = content_sniff_language(t.path, code);
	assert_int_equal(found, code[0] != '\0');
	tmp_close(&t);
	return code;
}

/* The language is read from a top-level "language:" line before the file is loaded, even
 * when the file does not load; nothing else is taken for it. */
static void test_sniff_language(void **state)
{
	char code[16], long_line[600];
	struct tmp t;

	(void)state;
	assert_string_equal(sniffed(HEAD "language: nl\n" PHASES, code), "nl");
	assert_string_equal(sniffed(HEAD "language: \"en\"  # English\n", code), "en");
	assert_string_equal(sniffed("language: 'nl'\r\nbroken: [\n", code), "nl");
	assert_string_equal(sniffed("\xef\xbb\xbflanguage: nl_NL.UTF-8\n", code), "nl");
	assert_string_equal(sniffed(VALID, code), "");
	/* a nested key, a value that is no language, a key only alike */
	assert_string_equal(sniffed(HEAD "x-meta:\n  language: nl\n", code), "");
	assert_string_equal(sniffed(HEAD "language: 12\n", code), "");
	assert_string_equal(sniffed(HEAD "languages: nl\n", code), "");
	/* only the first "language:" line counts */
	assert_string_equal(sniffed("language: 1\nlanguage: nl\n", code), "");
	/* "language:" inside a line longer than the reader's buffer is not the start of a line */
	memset(long_line, 'a', sizeof(long_line));
	memcpy(long_line, "title: ", 7);
	snprintf(long_line + 255, sizeof(long_line) - 255, "language: nl\n");
	assert_string_equal(sniffed(long_line, code), "");
	/* no file, a pipe: nothing, and no waiting */
	tmp_open(&t, "fifo.yaml");
	assert_false(content_sniff_language(t.path, code));
	assert_int_equal(mkfifo(t.path, 0644), 0);
	assert_false(content_sniff_language(t.path, code));
	assert_string_equal(code, "");
	tmp_close(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_loads),
		cmocka_unit_test(test_minimal_content),
		cmocka_unit_test(test_extension_keys),
		cmocka_unit_test(test_file_size_limit),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_node_limit),
		cmocka_unit_test(test_scalar_limit),
		cmocka_unit_test(test_anchors_aliases),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_utf8_and_nul),
		cmocka_unit_test(test_yaml_syntax),
		cmocka_unit_test(test_byte_order_mark),
		cmocka_unit_test(test_quoted_numbers),
		cmocka_unit_test(test_top_level),
		cmocka_unit_test(test_version),
		cmocka_unit_test(test_unknown_keys),
		cmocka_unit_test(test_missing_keys),
		cmocka_unit_test(test_wrong_types),
		cmocka_unit_test(test_phase_numbering),
		cmocka_unit_test(test_phase_count),
		cmocka_unit_test(test_empty_texts),
		cmocka_unit_test(test_phase_texts),
		cmocka_unit_test(test_chapter_source),
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_cell_forms),
		cmocka_unit_test(test_duplicate_ids),
		cmocka_unit_test(test_empty_model),
		cmocka_unit_test(test_agenda),
		cmocka_unit_test(test_agenda_errors),
		cmocka_unit_test(test_agenda_missing_texts),
		cmocka_unit_test(test_derived_agenda),
		cmocka_unit_test(test_all_errors),
		cmocka_unit_test(test_errors_that_end_the_search),
		cmocka_unit_test(test_errors_at_most),
		cmocka_unit_test(test_errors_none_or_file),
		cmocka_unit_test(test_diag_list),
		cmocka_unit_test(test_dimension_index),
		cmocka_unit_test(test_step_ids),
		cmocka_unit_test(test_step_id_errors),
		cmocka_unit_test(test_step_ids_many),
		cmocka_unit_test(test_utf8_text_unchanged),
		cmocka_unit_test(test_file_loads),
		cmocka_unit_test(test_file_kinds),
		cmocka_unit_test(test_file_empty_and_large),
		cmocka_unit_test(test_file_unreadable),
		cmocka_unit_test(test_sniff_language),
	};

	return cmocka_run_group_tests_name("content", tests, NULL, NULL);
}
