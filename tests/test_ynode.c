/* test_ynode.c - the bounded YAML tree: limits, refused constructs, located errors, getters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "valid.h"
#include "yerror.h"
#include "ynode.h"

/* Small limits, so that each can be reached with a few bytes. */
static const struct ylimits small = {
	.max_bytes = 100, .max_depth = 3, .max_nodes = 10, .max_scalar = 5
};

/* Parses TEXT (named t.yaml) with LIMITS and asserts that it is refused with exactly MESSAGE. */
static void expect_refused(const char *text, const struct ylimits *limits, const char *message)
{
	char buf[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64];
	struct ydoc doc;
	struct diag d;
	bool ok = ydoc_parse(&doc, "t.yaml", text, strlen(text), limits, &d);

	ydoc_free(&doc);
	assert_false(ok);
	assert_string_equal(diag_format(&d, buf, sizeof(buf)), message);
}

/* Parses TEXT with LIMITS into DOC and asserts that it is accepted; free DOC with ydoc_free. */
static void expect_parsed(struct ydoc *doc, const char *text, const struct ylimits *limits)
{
	char buf[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64];
	struct diag d;

	if (!ydoc_parse(doc, "t.yaml", text, strlen(text), limits, &d)) {
		ydoc_free(doc);
		fail_msg("refused: %s", diag_format(&d, buf, sizeof(buf)));
	}
	assert_non_null(doc->root);
}

/* Asserts that TEXT parses within LIMITS (and frees the tree). */
static void expect_accepted(const char *text, const struct ylimits *limits)
{
	struct ydoc doc;

	expect_parsed(&doc, text, limits);
	ydoc_free(&doc);
}

/* Nesting up to the limit is read; one level more is refused where it opens. */
static void test_depth_limit(void **state)
{
	(void)state;
	expect_accepted("[[[a]]]", &small);
	expect_accepted("a: {b: [c]}", &small);
	expect_refused("[[[[a]]]]", &small, "t.yaml:1:4: nesting deeper than the limit of 3 levels");
	expect_refused("a:\n  b:\n    c:\n      d: e\n", &small,
		       "t.yaml:4:7: nesting deeper than the limit of 3 levels");
}

/* Up to the limit of nodes is read; the next node is refused at its position. */
static void test_node_limit(void **state)
{
	(void)state;
	/* The list itself is a node: nine items make ten nodes. */
	expect_accepted("[1, 2, 3, 4, 5, 6, 7, 8, 9]", &small);
	expect_refused("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]", &small,
		       "t.yaml:1:29: too many nodes (the limit is 10)");
	/* A mapping's keys count as nodes too. */
	expect_refused("{a: 1, b: 2, c: 3, d: 4, e: 5}", &small,
		       "t.yaml:1:29: too many nodes (the limit is 10)");
}

/* The limit counts a text's bytes after escapes are decoded, in every style. */
static void test_scalar_limit(void **state)
{
	(void)state;
	expect_accepted("abcde", &small);
	expect_accepted("a: \"\\u00e9\\u00e9\"", &small); /* 4 bytes once decoded */
	expect_refused("abcdef", &small, "t.yaml:1:1: text longer than the limit of 5 bytes");
	expect_refused("a: \"\\u00e9\\u00e9\\u00e9\"", &small,
		       "t.yaml:1:4: text longer than the limit of 5 bytes");
	expect_refused("a:\n  - |\n    abc\n    def\n", &small,
		       "t.yaml:2:5: text longer than the limit of 5 bytes");
}

/* A buffer of the limit is read; one byte more is refused as a whole. */
static void test_file_limit(void **state)
{
	char text[102];

	(void)state;
	memset(text, ' ', 100);
	text[0] = 'a';
	text[100] = '\0';
	expect_accepted(text, &small);
	text[100] = 'b';
	text[101] = '\0';
	expect_refused(text, &small, "t.yaml: file is larger than the limit of 100 bytes");
}

/* A limit of one is said in the singular: the messages count with ngettext. */
static void test_limit_of_one(void **state)
{
	static const struct ylimits one = {
		.max_bytes = 100, .max_depth = 1, .max_nodes = 10, .max_scalar = 1
	};
	static const struct ylimits one_byte = {
		.max_bytes = 1, .max_depth = 3, .max_nodes = 10, .max_scalar = 5
	};

	(void)state;
	expect_refused("[[a]]", &one, "t.yaml:1:2: nesting deeper than the limit of 1 level");
	expect_refused("ab", &one, "t.yaml:1:1: text longer than the limit of 1 byte");
	expect_refused("ab", &one_byte, "t.yaml: file is larger than the limit of 1 byte");
}

/* Exactly one document: a second is refused, none is an empty file. */
static void test_one_document(void **state)
{
	(void)state;
	expect_accepted("---\na: 1\n...\n", &ylimits_default);
	expect_refused("a: 1\n---\nb: 2\n", &ylimits_default,
		       "t.yaml:2:1: a second document; the file must hold exactly one");
	expect_refused("--- a\n--- b\n", &ylimits_default,
		       "t.yaml:2:1: a second document; the file must hold exactly one");
	expect_refused("", &ylimits_default, "t.yaml:1:1: the file is empty; expected a YAML mapping");
	expect_refused("# only a comment\n", &ylimits_default,
		       "t.yaml:1:1: the file is empty; expected a YAML mapping");
}

/* Only !!str is accepted, and only on a text; it makes the text non-plain. */
static void test_tags(void **state)
{
	struct ydoc doc;

	(void)state;
	expect_parsed(&doc, "a: !!str 1\nb: 1\n", &ylimits_default);
	assert_string_equal(ynode_get(doc.root, "a")->text, "1");
	assert_false(ynode_get(doc.root, "a")->plain);
	assert_true(ynode_get(doc.root, "b")->plain);
	ydoc_free(&doc);
	expect_refused("a: !!int 1\n", &ylimits_default,
		       "t.yaml:1:4: tags (tag:yaml.org,2002:int) are not supported: a text that starts with '!' needs double quotes");
	expect_refused("a: !local x\n", &ylimits_default,
		       "t.yaml:1:4: tags (!local) are not supported: a text that starts with '!' needs double quotes");
	expect_refused("a: !!str [x]\n", &ylimits_default,
		       "t.yaml:1:4: tags (tag:yaml.org,2002:str) are not supported: a text that starts with '!' needs double quotes");
	expect_refused("!!map {a: 1}\n", &ylimits_default,
		       "t.yaml:1:1: tags (tag:yaml.org,2002:map) are not supported: a text that starts with '!' needs double quotes");
	expect_refused("a:\n  - !!binary aGk=\n", &ylimits_default,
		       "t.yaml:2:5: tags (tag:yaml.org,2002:binary) are not supported: a text that starts with '!' needs double quotes");
}

/* Anchors and aliases are refused, also when they would form a cycle. */
static void test_anchors_aliases(void **state)
{
	(void)state;
	expect_refused("a: &x 1\nb: *x\n", &ylimits_default,
		       "t.yaml:1:4: anchors (&x) are not supported: a text that starts with '&' needs double quotes");
	expect_refused("a: [1, *x]\n", &ylimits_default, "t.yaml:1:8: aliases (*x) are not supported: a text that starts with '*' needs double quotes");
	expect_refused("a: &a [*a]\n", &ylimits_default, "t.yaml:1:4: anchors (&a) are not supported: a text that starts with '&' needs double quotes");
	expect_refused("&m {a: 1}\n", &ylimits_default, "t.yaml:1:1: anchors (&m) are not supported: a text that starts with '&' needs double quotes");
}

/* A list or mapping as a key is refused at the key. */
static void test_complex_keys(void **state)
{
	(void)state;
	expect_refused("? [a, b]\n: 1\n", &ylimits_default,
		       "t.yaml:1:3: a mapping key must be a text, found a list");
	expect_refused("{[a]: 1}\n", &ylimits_default,
		       "t.yaml:1:2: a mapping key must be a text, found a list");
	expect_refused("x:\n  ? {a: 1}\n  : 2\n", &ylimits_default,
		       "t.yaml:2:5: a mapping key must be a text, found a mapping");
}

/* A repeated key is reported at the repetition that comes first in the file. */
static void test_duplicate_keys(void **state)
{
	(void)state;
	expect_refused("a: 1\na: 2\na: 3\n", &ylimits_default,
		       "t.yaml:2:1: duplicate key 'a' (first at 1:1)");
	/* Two keys repeated: the message names the repetition that comes first in the file. */
	expect_refused("a: 1\nb: 2\nb: 3\na: 4\n", &ylimits_default,
		       "t.yaml:3:1: duplicate key 'b' (first at 2:1)");
	expect_refused("{z: 1, y: 2, z: 3, y: 4}\n", &ylimits_default,
		       "t.yaml:1:14: duplicate key 'z' (first at 1:2)");
	/* Quoting does not make a key different. */
	expect_refused("outer:\n  'k': 1\n  \"k\": 2\n", &ylimits_default,
		       "t.yaml:3:3: duplicate key 'k' (first at 2:3)");
	expect_accepted("a: 1\nA: 2\na1: 3\n", &ylimits_default);
}

/* The tree builder trusts libyaml for UTF-8 (it checks no byte twice): bytes that are not
 * UTF-8 are refused by libyaml's reader wherever they stand, in every kind of scalar and in
 * keys, with the message located at the byte; an escape that would make a text invalid is
 * refused by its scanner; what the escapes make is valid UTF-8. */
static void test_utf8_checked_by_libyaml(void **state)
{
	static const char not_utf8[] = "this is not UTF-8 text (byte 0xFF): save the file as UTF-8";
	static const char bad_escape[] = "t.yaml:1:7: this \\u or \\U escape names no character: "
					 "write \\\\ for a backslash, or remove the escape";
	char message[128], *long_text;
	size_t run = 40000; /* past libyaml's input buffer */
	struct ydoc doc;

	(void)state;
	snprintf(message, sizeof(message), "t.yaml:1:6: %s", not_utf8);
	expect_refused("a: \"x\xffy\"\n", &ylimits_default, message);
	expect_refused("a: 'x\xffy'\n", &ylimits_default, message);
	snprintf(message, sizeof(message), "t.yaml:3:4: %s", not_utf8);
	expect_refused("a: |\n  ok\n  b\xff\n", &ylimits_default, message);
	expect_refused("a: >\n  ok\n  b\xff\n", &ylimits_default, message);
	expect_refused("a: x\n  y\n  z\xff\n", &ylimits_default, message);
	snprintf(message, sizeof(message), "t.yaml:1:2: %s", not_utf8);
	expect_refused("k\xff" "ey: 1\n", &ylimits_default, message);
	snprintf(message, sizeof(message), "t.yaml:1:8: %s", not_utf8);
	expect_refused("{a: 1, \xff: 2}\n", &ylimits_default, message);
	snprintf(message, sizeof(message), "t.yaml:2:3: %s", not_utf8);
	expect_refused("a: 1\n\"k\xff\": 2\n", &ylimits_default, message);
	expect_refused("a: \"\\uD800\"\n", &ylimits_default, bad_escape);
	expect_refused("a: \"\\U00110000\"\n", &ylimits_default, bad_escape);
	long_text = malloc(run + 16);
	assert_non_null(long_text);
	memcpy(long_text, "a: \"", 4);
	memset(long_text + 4, 'x', run);
	memcpy(long_text + 4 + run, "\xff\"\n", 4);
	snprintf(message, sizeof(message), "t.yaml:1:%zu: %s", run + 5, not_utf8);
	expect_refused(long_text, &ylimits_default, message);
	free(long_text);
	expect_parsed(&doc, "a: \"\\xff\\u00e9\\U0001F600\"\n", &ylimits_default);
	assert_string_equal(ynode_get(doc.root, "a")->text, "\xc3\xbf\xc3\xa9\xf0\x9f\x98\x80");
	ydoc_free(&doc);
}

/* NUL, invalid UTF-8 and forbidden characters are refused and located. */
static void test_nul_and_utf8(void **state)
{
	static const char nul[] = "a: b\0c\n";
	char buf[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64];
	struct ydoc doc;
	struct diag d;
	bool ok;

	(void)state;
	expect_refused("a: \"x\\0y\"\n", &ylimits_default,
		       "t.yaml:1:4: text holds a NUL character, which is not allowed");
	ok = ydoc_parse(&doc, "t.yaml", nul, sizeof(nul) - 1, &ylimits_default, &d);
	ydoc_free(&doc);
	assert_false(ok);
	assert_string_equal(diag_format(&d, buf, sizeof(buf)),
			    "t.yaml:1:5: a control character (U+0000) that a YAML file may not hold: remove it");
	/* libyaml gives only a byte offset here: the column counts characters, é being one. */
	expect_refused("a: 1\nb: é\xff\n", &ylimits_default,
		       "t.yaml:2:5: this is not UTF-8 text (byte 0xFF): save the file as UTF-8");
	expect_refused("a: 1\r\nb: 2\r\nc: \xed\xa0\x80\r\n", &ylimits_default,
		       "t.yaml:3:4: a character that a text file may not hold (U+D800): remove it");
	expect_refused("a: \xc0\xaf\n", &ylimits_default,
		       "t.yaml:1:4: this is not UTF-8 text: save the file as UTF-8");
	expect_refused("a: x\xe2\x82", &ylimits_default,
		       "t.yaml:1:5: this is not UTF-8 text: save the file as UTF-8");
	expect_refused("a: \xef\xbf\xbe\n", &ylimits_default,
		       "t.yaml:1:4: a control character (U+FFFE) that a YAML file may not hold: remove it");
	/* A control character written as an escape is kept: it is sanitised where it is shown. */
	expect_parsed(&doc, "a: \"\\e[1m\"\n", &ylimits_default);
	assert_memory_equal(ynode_get(doc.root, "a")->text, "\x1b[1m", 5);
	ydoc_free(&doc);
}

/* The messages for a line that starts with '%' and for a value that starts with '!'. */
#define DIRECTIVE_MESSAGE                                                            \
	"a line that starts with '%' is a YAML directive, which a meetlat file does not use: " \
	"remove it, or if it is text, indent it under its key or put it in double quotes"
#define TAG_MESSAGE "a value cannot start with '!' (YAML reads it as a tag): put the text in " \
	"double quotes"

/* A YAML mistake and the plain message it must give, where the mistake is. */
struct plain_case {
	const char *yaml;
	const char *error;
};

/* One case for every problem libyaml 0.2.5 reports for a hand-written file, and for every
 * branch of the messages that look at the text: what a trainer sees. */
static const struct plain_case plain_cases[] = {
	/* a ': ' inside an unquoted value */
	{ "a: 1\ntitle: Pauze: koffie\n",
	  "t.yaml:2:13: a ': ' inside a value: YAML reads it as the start of another key; put the "
	  "whole value in double quotes, like \"Pauze: koffie\"" },
	{ "café: één\ntitle: Pauze: koffie\n", /* columns and the example after accents */
	  "t.yaml:2:13: a ': ' inside a value: YAML reads it as the start of another key; put the "
	  "whole value in double quotes, like \"Pauze: koffie\"" },
	{ "- title: Pauze: koffie \"zwart\"\n",
	  "t.yaml:1:15: a ': ' inside a value: YAML reads it as the start of another key; put the "
	  "whole value in double quotes" },
	/* wrong indentation */
	{ "meetlat_content: 1\n  id: t\n",
	  "t.yaml:2:5: unexpected ':' here: the line above has no ':' of its own, or this line is "
	  "indented more than the keys above it; write each 'key: value' on its own line, the keys "
	  "of one mapping starting in the same column" },
	{ "a:\n    b: 1\n  c: 2\n",
	  "t.yaml:3:3: this line is indented differently from the keys above it: the keys of one "
	  "mapping start in the same column (indent with spaces)" },
	{ "phases:\n  - number: 1\n    name: a\n   summary: s\n",
	  "t.yaml:4:4: this line is indented differently from the lines above it: the keys of a "
	  "list item start in the same column as its first key, after the '- '" },
	{ " a: 1\nb: 2\n",
	  "t.yaml:2:1: this line does not belong to the document above: the top-level keys all "
	  "start in the first column, and nothing follows a '...' line" },
	/* an unclosed quote: reported where it opens */
	{ "a: 1\nb: \"abc\nc: 2\nd: 3\n",
	  "t.yaml:2:4: this \" is never closed: end the text with a closing \" (to write \" inside "
	  "the text, write \\\")" },
	{ "café: 'één\nc: 2\n",
	  "t.yaml:1:7: this ' is never closed: end the text with a closing ' (to write ' inside the "
	  "text, write '')" },
	{ "a: 'abc\nc: 2\n",
	  "t.yaml:1:4: this ' is never closed: end the text with a closing ' (to write ' inside the "
	  "text, write '')" },
	{ "a: \"x\n---\n\"\n",
	  "t.yaml:1:4: this \" is never closed: end the text with a closing \" (to write \" inside "
	  "the text, write \\\")" },
	/* a tab used for indentation, wherever libyaml notices it */
	{ "a:\n\tb: 1\n", "t.yaml:2:1: a tab is used to indent this line: YAML allows only spaces "
			  "for indentation; replace the tab with spaces" },
	{ "a:\n  b: 1\n\tc: 2\n", "t.yaml:3:1: a tab is used to indent this line: YAML allows only "
				  "spaces for indentation; replace the tab with spaces" },
	{ "a: |\n  x\n\ty\n", "t.yaml:3:1: a tab is used to indent this line: YAML allows only "
			      "spaces for indentation; replace the tab with spaces" },
	/* a missing '-' in a list */
	{ "chapters:\n  - title: a\n  title: b\n",
	  "t.yaml:3:3: this line is not a list item: every item of the list that starts at 2:3 "
	  "begins with '- ' (or, if the line belongs to the item above, indent it like that item's "
	  "first key)" },
	{ "a: 1\nb\nc: 2\n",
	  "t.yaml:2:1: this line has no ':' after its key: a line of a mapping reads 'key: value' (a "
	  "line that continues the text above must be indented more than its key; a list item "
	  "starts with '- ')" },
	/* lists in the wrong place */
	{ "a: - b\n", "t.yaml:1:4: a '- ' list item cannot follow a key on its line: start the list "
		      "on the next line, indented under the key (if the '-' belongs to a text, put "
		      "the text in double quotes)" },
	{ "a: 1\n- b\n", "t.yaml:2:1: a '- ' list item where a key is expected: a list goes under a "
			 "key that ends with ':', and every '- ' of one list starts in the same "
			 "column" },
	{ "a: {- b}\n", "t.yaml:1:5: a '- ' list item cannot stand inside [ ] or { }: write the "
			"list as [a, b], or as lines that each start with '- '" },
	/* text after a closing quote or bracket */
	{ "title: 'Het 's nachts'\n",
	  "t.yaml:1:14: text after the closing ': a value that starts with a quote or a bracket "
	  "ends there; put the whole value in double quotes (write \\\" for a quote inside it)" },
	{ "title: [concept] plan\n",
	  "t.yaml:1:18: text after the closing ]: a value that starts with a quote or a bracket "
	  "ends there; put the whole value in double quotes (write \\\" for a quote inside it)" },
	/* keys and values */
	{ "a: b\n  : c\n", "t.yaml:2:3: a ':' without a key before it: write 'key: value'" },
	{ "a: 1\n]\n", "t.yaml:2:1: a ']' without the '[' that opens it" },
	{ "a: ? b\n", "t.yaml:1:4: a value cannot start with '? ': put the text in double quotes" },
	{ "a: ]\n", "t.yaml:1:4: expected a value here, found ']': a value is missing, or it starts "
		    "with a character that needs double quotes around the text" },
	{ "a: [\n", "t.yaml:2:1: the file ends where a value is expected: a '[' or '{' above is not "
		    "closed" },
	/* lists and mappings in brackets */
	{ "a: [1, 2\nb: 3\n", "t.yaml:1:4: this '[' is not closed: end it with ']' (or a ',' is "
			      "missing between two of its items)" },
	{ "a: {x: 1\n", "t.yaml:1:4: this '{' is not closed: end it with '}' (or a ',' is missing "
			"between two of its entries)" },
	{ "a: [b: c: d]\n", "t.yaml:1:9: expected ',' or ']' here: separate the items of a [ ] list "
			    "with ', ', and put a text that holds ': ' or ',' in double quotes" },
	{ "a: {kind: phase phase: 4}\n",
	  "t.yaml:1:22: expected ',' or '}' here: separate the entries of a { } mapping with ', ', "
	  "and put a text that holds ': ' or ',' in double quotes" },
	{ "a: [x:]\n", "t.yaml:1:6: a ':' inside a text in [ ] or { }: put the text in double "
		       "quotes" },
	/* characters YAML reserves at the start of a value */
	{ "a: @home\n", "t.yaml:1:4: a value cannot start with '@' (YAML reserves it): put the text "
			"in double quotes" },
	{ "a: `x`\n", "t.yaml:1:4: a value cannot start with '`' (YAML reserves it): put the text in "
		      "double quotes" },
	{ "a: *bold* text\n", "t.yaml:1:4: a value cannot start with '*' (YAML reads it as an "
			      "alias): put the text in double quotes" },
	{ "a: & x\n", "t.yaml:1:4: a value cannot start with '&' (YAML reads it as an anchor): put "
		      "the text in double quotes" },
	{ "a: !Belangrijk! x\n", "t.yaml:1:4: " TAG_MESSAGE },
	{ "a: !<x y\n", "t.yaml:1:4: " TAG_MESSAGE },
	{ "a: !x!y z\n", "t.yaml:1:4: " TAG_MESSAGE },
	{ "a: !<>\n", "t.yaml:1:4: " TAG_MESSAGE },
	{ "a: !<%zz> x\n", "t.yaml:1:4: " TAG_MESSAGE },
	{ "a: !<%c3%28> x\n", "t.yaml:1:4: " TAG_MESSAGE },
	{ "a: !x\"y\n", "t.yaml:1:4: " TAG_MESSAGE },
	/* escapes in double quotes */
	{ "a: \"C:\\Users\"\n", "t.yaml:1:9: a \\x, \\u or \\U escape needs hexadecimal digits "
				"after it: write \\\\ for a backslash (C:\\\\Users), or put the text in "
				"single quotes" },
	{ "a: \"a\\qb\"\n", "t.yaml:1:6: a backslash before 'q' is not an escape that double quotes "
			    "know: write \\\\ for a backslash, or put the text in single quotes" },
	{ "a: \"\\uD800\"\n", "t.yaml:1:7: this \\u or \\U escape names no character: write \\\\ "
			      "for a backslash, or remove the escape" },
	/* block texts */
	{ "a: | x\n", "t.yaml:1:6: after '|' or '>' the text starts on the next line, indented "
		      "under its key; only a comment may follow on this line (a short text that "
		      "starts with '|' or '>' needs double quotes)" },
	{ "a: |0\n  x\n", "t.yaml:1:5: the number after '|' or '>' (the indentation of the text) "
			  "must be 1 to 9; leave it out to let the first line decide" },
	/* a line starting with '%': a directive, however libyaml words its problem */
	{ "%x of y\n", "t.yaml:1:1: " DIRECTIVE_MESSAGE },
	{ "%\n---\n", "t.yaml:1:1: " DIRECTIVE_MESSAGE },
	{ "%YA-ML\n---\n", "t.yaml:1:1: " DIRECTIVE_MESSAGE },
	{ "%YAML1.1\n---\n", "t.yaml:1:1: " DIRECTIVE_MESSAGE },
	{ "%YAML 1.x\n---\n", "t.yaml:1:1: " DIRECTIVE_MESSAGE },
	{ "%YAML 1.1234567890\n---\n", "t.yaml:1:1: " DIRECTIVE_MESSAGE },
	{ "%YAML 1.1 x\n---\n", "t.yaml:1:1: " DIRECTIVE_MESSAGE },
	{ "%YAML 2.0\n---\na: 1\n", "t.yaml:1:1: " DIRECTIVE_MESSAGE },
	{ "%YAML 1.1\n%YAML 1.1\n---\na: 1\n", "t.yaml:2:1: " DIRECTIVE_MESSAGE },
	{ "%TAG !x\n---\n", "t.yaml:1:1: " DIRECTIVE_MESSAGE },
	{ "%TAG !x! %zz\n---\n", "t.yaml:1:1: " DIRECTIVE_MESSAGE },
	{ "%TAG ! x\n%TAG ! y\n---\na: 1\n", "t.yaml:2:1: " DIRECTIVE_MESSAGE },
};

/* Every YAML mistake gets its plain message at the place of the mistake. */
static void test_plain_messages(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(plain_cases) / sizeof(plain_cases[0]); i++)
		expect_refused(plain_cases[i].yaml, &ylimits_default, plain_cases[i].error);
}

/* A problem that libyaml 0.2.5 does not have (a later libyaml might) keeps libyaml's words,
 * with the place it gives, so that nothing is lost. */
static void test_unknown_problem(void **state)
{
	char buf[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64];
	yaml_parser_t parser;
	struct diag d;

	(void)state;
	memset(&parser, 0, sizeof(parser));
	parser.error = YAML_SCANNER_ERROR;
	parser.problem = "found something new";
	parser.problem_mark = (yaml_mark_t){ .index = 6, .line = 1, .column = 1 };
	yerror_explain(&parser, "t.yaml", "a: 1\nbc\n", 8, &d);
	assert_string_equal(diag_format(&d, buf, sizeof(buf)),
			    "t.yaml:2:2: this is not valid YAML (found something new)");
	parser.context = "while scanning something";
	parser.context_mark = (yaml_mark_t){ .index = 5, .line = 1, .column = 0 };
	yerror_explain(&parser, "t.yaml", "a: 1\nbc\n", 8, &d);
	assert_string_equal(diag_format(&d, buf, sizeof(buf)),
			    "t.yaml:2:2: this is not valid YAML (found something new, while scanning "
			    "something at 2:1)");
}

/* A file that starts as UTF-16 is refused as such. */
static void test_utf16(void **state)
{
	static const char le[] = "\xff\xfe" "a\0:\0 \0001\0";
	char buf[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64];
	struct ydoc doc;
	struct diag d;

	(void)state;
	assert_false(ydoc_parse(&doc, "t.yaml", le, sizeof(le) - 1, &ylimits_default, &d));
	ydoc_free(&doc);
	assert_string_equal(diag_format(&d, buf, sizeof(buf)),
			    "t.yaml:1:1: the file is UTF-16 text: save it as UTF-8");
	expect_refused("\xfe\xff\0a", &ylimits_default,
		       "t.yaml:1:1: the file is UTF-16 text: save it as UTF-8");
}

/* Nodes carry their 1-based line and column, counted in characters. */
static void test_node_positions(void **state)
{
	struct ydoc doc;
	const struct ynode *list, *item;

	(void)state;
	expect_parsed(&doc, "# comment\nkey:\n  - first\n  - {x: \"é\", y: [1]}\n", &ylimits_default);
	assert_int_equal(doc.root->kind, YNODE_MAPPING);
	assert_int_equal(doc.root->line, 2);
	assert_int_equal(doc.root->column, 1);
	list = ynode_get(doc.root, "key");
	assert_int_equal(list->kind, YNODE_SEQUENCE);
	assert_int_equal(list->count, 2);
	assert_int_equal(list->line, 3);
	assert_int_equal(list->column, 3);
	item = list->items[1];
	assert_int_equal(item->kind, YNODE_MAPPING);
	assert_int_equal(item->count, 2);
	assert_int_equal(item->column, 5);
	assert_string_equal(ynode_key(item, 1)->text, "y");
	assert_int_equal(ynode_value(item, 1)->column, 17); /* in characters: é is one */
	assert_string_equal(ynode_get(item, "x")->text, "é");
	assert_null(ynode_get(item, "z"));
	ydoc_free(&doc);
}

/* Parses TEXT, whose root maps "v" to the node under test, into DOC; returns that node. */
static const struct ynode *value_of(struct ydoc *doc, const char *text)
{
	expect_parsed(doc, text, &ylimits_default);
	return ynode_get(doc->root, "v");
}

/* Asserts that GOT (a formatted diag) equals WANT, then frees DOC. */
static void expect_diag(struct ydoc *doc, const struct diag *d, const char *want)
{
	char buf[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64];

	ydoc_free(doc);
	assert_string_equal(diag_format(d, buf, sizeof(buf)), want);
}

/* Whole numbers: digits only, no leading zero, within the range. */
static void test_number(void **state)
{
	static const char *const bad[] = { "v: 0123", "v: -1", "v: 1.0", "v: 10", "v: ''", "v: [1]" };
	struct ydoc doc;
	struct diag d;
	long n = -1;

	(void)state;
	assert_true(ynode_number(&doc, value_of(&doc, "v: 7"), "n", 0, 9, &n, &d));
	assert_int_equal(n, 7);
	ydoc_free(&doc);
	assert_true(ynode_number(&doc, value_of(&doc, "v: 0"), "n", 0, 9, &n, &d));
	assert_int_equal(n, 0);
	ydoc_free(&doc);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_false(ynode_number(&doc, value_of(&doc, bad[i]), "n", 0, 9, &n, &d));
		assert_int_equal(d.line, 1);
		assert_int_equal(d.column, 4);
		ydoc_free(&doc);
	}
	assert_false(ynode_number(&doc, value_of(&doc, "v: 0123"), "the count", 0, 9, &n, &d));
	expect_diag(&doc, &d, "t.yaml:1:4: expected a whole number from 0 to 9 for the count, found "
				"'0123'");
	assert_false(ynode_number(&doc, value_of(&doc, "v: [1]"), "the count", 0, 9, &n, &d));
	expect_diag(&doc, &d, "t.yaml:1:4: expected a whole number from 0 to 9 for the count, found a "
				"list");
}

/* A UTF-8 byte order mark at the start is skipped: nodes, syntax errors and reader errors
 * (located from a byte offset) are counted from the character after it. */
static void test_byte_order_mark(void **state)
{
	struct ydoc doc;
	const struct ynode *b;

	(void)state;
	expect_parsed(&doc, "\xEF\xBB\xBF" "a: 1\nb: [x, y]\n", &ylimits_default);
	assert_int_equal(doc.root->line, 1);
	assert_int_equal(doc.root->column, 1);
	assert_string_equal(ynode_key(doc.root, 0)->text, "a"); /* not "\xEF\xBB\xBFa" */
	b = ynode_get(doc.root, "b");
	assert_int_equal(b->line, 2);
	assert_int_equal(b->column, 4);
	ydoc_free(&doc);
	expect_refused("\xEF\xBB\xBF" "a: 1\na: 2\n", &ylimits_default,
		       "t.yaml:2:1: duplicate key 'a' (first at 1:1)");
	expect_refused("\xEF\xBB\xBF" "a: \xff\n", &ylimits_default,
		       "t.yaml:1:4: this is not UTF-8 text (byte 0xFF): save the file as UTF-8");
	expect_refused("\xEF\xBB\xBF" "a: 1\nb: \x1b\n", &ylimits_default,
		       "t.yaml:2:4: a control character (U+001B) that a YAML file may not hold: remove it");
	/* Only the first bytes can be a byte order mark; the file must still hold a mapping. */
	expect_refused("\xEF\xBB\xBF", &ylimits_default,
		       "t.yaml:1:1: the file is empty; expected a YAML mapping");
}

/* A number or true/false in quotes, in a block or tagged !!str is a text (meetlat(5)), and
 * the message says that the quotes are the problem. */
static void test_quoted_is_text(void **state)
{
	struct ydoc doc;
	struct diag d;
	long n = -1;
	bool b = false;

	(void)state;
	assert_false(ynode_number(&doc, value_of(&doc, "v: \"3\""), "the count", 0, 9, &n, &d));
	expect_diag(&doc, &d, "t.yaml:1:4: expected a whole number from 0 to 9 for the count, found "
				"the text '3' in quotes (write it without quotes)");
	assert_false(ynode_number(&doc, value_of(&doc, "v: '3'"), "the count", 0, 9, &n, &d));
	expect_diag(&doc, &d, "t.yaml:1:4: expected a whole number from 0 to 9 for the count, found "
				"the text '3' in quotes (write it without quotes)");
	assert_false(ynode_number(&doc, value_of(&doc, "v: !!str 3"), "the count", 0, 9, &n, &d));
	expect_diag(&doc, &d, "t.yaml:1:4: expected a whole number from 0 to 9 for the count, found "
				"the text '3' (write it by itself, without '|', '>' or a tag)");
	assert_false(ynode_number(&doc, value_of(&doc, "v: |-\n  3\n"), "the count", 0, 9, &n, &d));
	expect_diag(&doc, &d, "t.yaml:1:4: expected a whole number from 0 to 9 for the count, found "
				"the text '3' (write it by itself, without '|', '>' or a tag)");
	assert_int_equal(n, -1);
	assert_false(ynode_bool(&doc, value_of(&doc, "v: \"true\""), "'draft'", &b, &d));
	expect_diag(&doc, &d, "t.yaml:1:4: expected true or false for 'draft', found the text 'true' "
				"in quotes (write it without quotes)");
	assert_false(ynode_bool(&doc, value_of(&doc, "v: 'false'"), "'draft'", &b, &d));
	expect_diag(&doc, &d, "t.yaml:1:4: expected true or false for 'draft', found the text 'false' "
				"in quotes (write it without quotes)");
	assert_false(b);
	/* Written plainly, the same values are read. */
	assert_true(ynode_number(&doc, value_of(&doc, "v: 3"), "the count", 0, 9, &n, &d));
	assert_int_equal(n, 3);
	ydoc_free(&doc);
	assert_true(ynode_bool(&doc, value_of(&doc, "v: false"), "'draft'", &b, &d));
	assert_false(b);
	ydoc_free(&doc);
	/* A quoted empty text is still "nothing", as before. */
	assert_false(ynode_number(&doc, value_of(&doc, "v: ''"), "the count", 0, 9, &n, &d));
	expect_diag(&doc, &d, "t.yaml:1:4: expected a whole number from 0 to 9 for the count, found "
				"nothing");
}

/* true/false, identifiers and dates, with their messages. */
static void test_bool_ident_date(void **state)
{
	static const char long_id[] =
		"v: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"; /* 65 */
	struct ydoc doc;
	struct diag d;
	const char *s;
	bool b = false;

	(void)state;
	assert_true(ynode_bool(&doc, value_of(&doc, "v: true"), "'draft'", &b, &d));
	assert_true(b);
	ydoc_free(&doc);
	assert_false(ynode_bool(&doc, value_of(&doc, "v: yes"), "'draft'", &b, &d));
	expect_diag(&doc, &d, "t.yaml:1:4: expected true or false for 'draft', found 'yes'");
	assert_true(ynode_ident(&doc, value_of(&doc, "v: a-1"), "'id'", &s, &d));
	assert_string_equal(s, "a-1");
	ydoc_free(&doc);
	assert_false(ynode_ident(&doc, value_of(&doc, long_id), "'id'", &s, &d));
	ydoc_free(&doc);
	assert_true(ident_valid(long_id + 4)); /* 64 characters */
	assert_false(ynode_ident(&doc, value_of(&doc, "v: Caps"), "'id'", &s, &d));
	expect_diag(&doc, &d, "t.yaml:1:4: expected an identifier (lower-case letters, digits and '-') "
			      "for 'id', found 'Caps'");
	assert_true(ynode_date(&doc, value_of(&doc, "v: 2024-02-29"), "'due'", &s, &d));
	assert_string_equal(s, "2024-02-29");
	ydoc_free(&doc);
	assert_false(ynode_date(&doc, value_of(&doc, "v: 2023-02-29"), "'due'", &s, &d));
	expect_diag(&doc, &d, "t.yaml:1:4: expected a date written YYYY-MM-DD for 'due', found "
				"'2023-02-29'");
}

/* Known, unknown ("x-" excepted) and missing keys of a mapping. */
static void test_fields(void **state)
{
	static const struct yfield fields[] = { { "name", true }, { "note", false } };
	const struct ynode *v[2];
	struct ydoc doc;
	struct diag d;

	(void)state;
	expect_parsed(&doc, "name: n\nx-extra: 1\n", &ylimits_default);
	assert_true(ynode_fields(&doc, doc.root, "a thing", fields, 2, false, v, &d));
	assert_string_equal(v[0]->text, "n");
	assert_null(v[1]);
	ydoc_free(&doc);
	expect_parsed(&doc, "name: n\nother: 1\n", &ylimits_default);
	assert_true(ynode_fields(&doc, doc.root, "a thing", fields, 2, true, v, &d));
	assert_false(ynode_fields(&doc, doc.root, "a thing", fields, 2, false, v, &d));
	expect_diag(&doc, &d, "t.yaml:2:1: unknown key 'other' in a thing (expected one of: name, "
				"note)");
	expect_parsed(&doc, "\nnote: 1\n", &ylimits_default);
	assert_false(ynode_fields(&doc, doc.root, "a thing", fields, 2, false, v, &d));
	expect_diag(&doc, &d, "t.yaml:2:1: missing key 'name' in a thing");
	expect_parsed(&doc, "- 1\n", &ylimits_default);
	assert_false(ynode_fields(&doc, doc.root, "a thing", fields, 2, false, v, &d));
	expect_diag(&doc, &d, "t.yaml:1:1: expected a mapping for a thing, found a list");
}

/* Excerpts in messages are defused and cut between characters. */
static void test_excerpt(void **state)
{
	char buf[64];
	struct ydoc doc;

	(void)state;
	expect_parsed(&doc, "v: \"a\\e]0;x\\ab\"\n", &ylimits_default);
	assert_string_equal(ynode_excerpt(ynode_get(doc.root, "v"), buf, sizeof(buf)), "a?]0;x?b");
	ydoc_free(&doc);
	expect_parsed(&doc, "v: ééééééééééééééééééééééééééééééééééééééééé\n", &ylimits_default);
	assert_string_equal(ynode_excerpt(ynode_get(doc.root, "v"), buf, sizeof(buf)),
			    "éééééééééééééééééééééééééééééé..."); /* 30: cut to fit, whole characters */
	ydoc_free(&doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_depth_limit),    cmocka_unit_test(test_node_limit),
		cmocka_unit_test(test_scalar_limit),   cmocka_unit_test(test_file_limit),
		cmocka_unit_test(test_limit_of_one),
		cmocka_unit_test(test_one_document),   cmocka_unit_test(test_tags),
		cmocka_unit_test(test_anchors_aliases), cmocka_unit_test(test_complex_keys),
		cmocka_unit_test(test_duplicate_keys), cmocka_unit_test(test_nul_and_utf8),
		cmocka_unit_test(test_utf8_checked_by_libyaml),
		cmocka_unit_test(test_plain_messages), cmocka_unit_test(test_utf16),
		cmocka_unit_test(test_unknown_problem),
		cmocka_unit_test(test_node_positions),
		cmocka_unit_test(test_number),         cmocka_unit_test(test_bool_ident_date),
		cmocka_unit_test(test_fields),         cmocka_unit_test(test_excerpt),
		cmocka_unit_test(test_byte_order_mark), cmocka_unit_test(test_quoted_is_text),
	};

	return cmocka_run_group_tests_name("ynode", tests, NULL, NULL);
}
