/* yerror.c - libyaml's errors told in plain words, located where the mistake is. */
#include "yerror.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "utf8.h"

/* A place in the text: 1-based line and column (in characters), and its first byte. */
struct place {
	unsigned line, column;
	size_t byte;
};

/* An error of libyaml in the LEN bytes at BUF, with the places its marks point at. */
struct problem {
	const yaml_parser_t *parser;
	const char *buf;
	size_t len;
	struct place mark, context; /* problem_mark and context_mark */
};

/* What a problem comes to: a message, and the place it is reported at. */
struct explained {
	const struct place *at;
	char message[DIAG_MESSAGE_MAX];
};

/* ---- places ---------------------------------------------------------------------------- */

/* Returns the byte at which character INDEX (0-based, as libyaml counts) of BUF starts. */
static size_t byte_of_index(const char *buf, size_t len, size_t index)
{
	size_t byte = 0;
	uint32_t cp;

	for (size_t i = 0; i < index && byte < len; i++)
		byte += utf8_decode(buf + byte, len - byte, &cp);
	return byte;
}

/* Returns the place of libyaml's MARK in BUF. */
static struct place place_of_mark(const char *buf, size_t len, yaml_mark_t mark)
{
	return (struct place){ (unsigned)mark.line + 1, (unsigned)mark.column + 1,
			       byte_of_index(buf, len, mark.index) };
}

/* Returns the place of byte OFFSET of BUF, its column counted in characters. */
static struct place place_of_offset(const char *buf, size_t len, size_t offset)
{
	struct place p = { 1, 1, offset > len ? len : offset };
	size_t line_start = 0;

	for (size_t i = 0; i < p.byte; i++) {
		if (buf[i] == '\n' || (buf[i] == '\r' && (i + 1 >= len || buf[i + 1] != '\n'))) {
			p.line++;
			line_start = i + 1;
		}
	}
	p.column = (unsigned)utf8_count(buf + line_start, p.byte - line_start) + 1;
	return p;
}

/* Returns the byte at place AT of P's text, or '\0' at the end of the text. */
static char byte_at(const struct problem *p, const struct place *at)
{
	return at->byte < p->len ? p->buf[at->byte] : '\0';
}

/* Returns the first byte of the line that holds byte BYTE of P's text. */
static size_t line_start(const struct problem *p, size_t byte)
{
	while (byte > 0 && p->buf[byte - 1] != '\n' && p->buf[byte - 1] != '\r')
		byte--;
	return byte;
}

/* Returns the last byte before BYTE on its line that is not a space, or '\0' when there is
 * none. */
static char byte_before(const struct problem *p, size_t byte)
{
	size_t start = line_start(p, byte);

	while (byte > start && p->buf[byte - 1] == ' ')
		byte--;
	return byte > start ? p->buf[byte - 1] : '\0';
}

/* Writes how character C is shown in a message: 'C', or a name for one that is invisible. */
static const char *char_name(char c, char buf[8])
{
	if (c == '\t')
		/* TRANSLATORS: this and the next name a character in "a value cannot start with
		 * %s", "a backslash before %s" and "expected a value here, found %s"; a visible
		 * one is shown as 'c'. */
		return _("a tab");
	if ((unsigned char)c < 0x20 || (unsigned char)c >= 0x7f)
		return _("this character");
	snprintf(buf, 8, "'%c'", c);
	return buf;
}

/* Makes the fixed MESSAGE (already translated) what OUT says. */
static void say(struct explained *out, const char *message)
{
	snprintf(out->message, sizeof(out->message), "%s", message);
}

/* ---- messages that need a look at the text ------------------------------------------- */

#define TAB_MESSAGE                                                                          \
	N_("a tab is used to indent this line: YAML allows only spaces for indentation; replace " \
	   "the tab with spaces")

/* Copies into OUT the line text LINE (LENGTH bytes) to show as a double-quoted value; false
 * (OUT empty) when it would be long or needs escapes. */
static bool quoted_example(const char *line, size_t length, char *out, size_t size)
{
	out[0] = '\0';
	while (length > 0 && (line[length - 1] == ' ' || line[length - 1] == '\r'))
		length--;
	if (length == 0 || length > 48 || memchr(line, '"', length) || memchr(line, '\\', length) ||
	    memchr(line, '#', length) || utf8_invalid_offset(line, length) != length)
		return false;
	snprintf(out, size, "%.*s", (int)length, line);
	return true;
}

/* "mapping values are not allowed": a ': ' inside a value, or a line indented too far. */
static void explain_colon(const struct problem *p, struct explained *out)
{
	size_t start = line_start(p, p->mark.byte), end = p->mark.byte, value;
	const char *line = p->buf + start;
	const char *colon = NULL;
	char example[80];

	for (size_t i = 0; i + 1 < end - start && !colon; i++)
		if (line[i] == ':' && line[i + 1] == ' ')
			colon = line + i;
	out->at = &p->mark;
	if (!colon) {
		say(out, _("unexpected ':' here: the line above has no ':' of its own, or this line is "
			   "indented more than the keys above it; write each 'key: value' on its own "
			   "line, the keys of one mapping starting in the same column"));
		return;
	}
	value = (size_t)(colon + 2 - p->buf);
	while (value < p->len && p->buf[value] == ' ')
		value++;
	end = value;
	while (end < p->len && p->buf[end] != '\n' && p->buf[end] != '\r')
		end++;
	if (!quoted_example(p->buf + value, end - value, example, sizeof(example)))
		say(out, _("a ': ' inside a value: YAML reads it as the start of another key; put the "
			   "whole value in double quotes"));
	else
		snprintf(out->message, sizeof(out->message),
			 /* TRANSLATORS: %s is the value as it stands in the file: Pauze: koffie */
			 _("a ': ' inside a value: YAML reads it as the start of another key; put the "
			   "whole value in double quotes, like \"%s\""),
			 example);
}

/* "found character that cannot start any token": a tab, or an indicator YAML reserves. */
static void explain_start_char(const struct problem *p, struct explained *out)
{
	char c = byte_at(p, &p->mark), name[8];

	out->at = &p->mark;
	if (c == '\t') {
		say(out, _(TAB_MESSAGE));
		return;
	}
	snprintf(out->message, sizeof(out->message),
		 _("a value cannot start with %s (YAML reserves it): put the text in double quotes"),
		 char_name(c, name));
}

/* "found unexpected end of stream" or a document indicator in a quoted text: the quote that
 * opens at the context mark is never closed. */
static void explain_unclosed_quote(const struct problem *p, struct explained *out)
{
	char quote = byte_at(p, &p->context) == '\'' ? '\'' : '"';

	out->at = &p->context;
	snprintf(out->message, sizeof(out->message),
		 /* TRANSLATORS: %c is the quote (" or '), %s how to write one inside the text
		  * (\" or ''). */
		 _("this %c is never closed: end the text with a closing %c (to write %c inside the "
		   "text, write %s)"),
		 quote, quote, quote, quote == '"' ? "\\\"" : "''");
}

/* "found unknown escape character": a backslash (at the mark) that double quotes do not know
 * with the character after it. */
static void explain_escape(const struct problem *p, struct explained *out)
{
	struct place next = { p->mark.line, p->mark.column + 1, p->mark.byte + 1 };
	char c = byte_at(p, &next), name[8];

	out->at = &p->mark;
	snprintf(out->message, sizeof(out->message),
		 _("a backslash before %s is not an escape that double quotes know: write \\\\ for "
		   "a backslash, or put the text in single quotes"),
		 char_name(c, name));
}

/* "did not find expected ',' or ']'" (or '}'): a list or mapping in brackets that is not
 * closed, or two of its entries without a ',' between them. */
static void explain_flow_end(const struct problem *p, struct explained *out)
{
	bool list = strchr(p->parser->problem, ']') != NULL;
	bool unclosed = p->mark.byte >= p->len || p->mark.line > p->context.line;
	const char *message;

	if (unclosed)
		message = list ? _("this '[' is not closed: end it with ']' (or a ',' is missing "
				   "between two of its items)")
			       : _("this '{' is not closed: end it with '}' (or a ',' is missing "
				   "between two of its entries)");
	else
		message = list ? _("expected ',' or ']' here: separate the items of a [ ] list with "
				   "', ', and put a text that holds ': ' or ',' in double quotes")
			       : _("expected ',' or '}' here: separate the entries of a { } mapping "
				   "with ', ', and put a text that holds ': ' or ',' in double quotes");
	out->at = unclosed ? &p->context : &p->mark;
	say(out, message);
}

/* "did not find expected node content": a value is missing, or starts with a character that
 * cannot start one. */
static void explain_no_value(const struct problem *p, struct explained *out)
{
	char c = byte_at(p, &p->mark), name[8];

	out->at = &p->mark;
	if (c == '\0')
		say(out, _("the file ends where a value is expected: a '[' or '{' above is not "
			   "closed"));
	else if (c == '-')
		say(out, _("a '- ' list item cannot stand inside [ ] or { }: write the list as [a, b], "
			   "or as lines that each start with '- '"));
	else
		snprintf(out->message, sizeof(out->message),
			 _("expected a value here, found %s: a value is missing, or it starts with a "
			   "character that needs double quotes around the text"),
			 char_name(c, name));
}

/* "did not find expected key": the line does not continue the mapping above as a key. */
static void explain_key(const struct problem *p, struct explained *out)
{
	char c = byte_at(p, &p->mark), before = byte_before(p, p->mark.byte);

	out->at = &p->mark;
	if (c == '-')
		say(out, _("a '- ' list item where a key is expected: a list goes under a key that "
			   "ends with ':', and every '- ' of one list starts in the same column"));
	else if (before == '"' || before == '\'' || before == ']' || before == '}')
		snprintf(out->message, sizeof(out->message),
			 /* TRANSLATORS: %c is the closing quote or bracket. */
			 _("text after the closing %c: a value that starts with a quote or a bracket "
			   "ends there; put the whole value in double quotes (write \\\" for a quote "
			   "inside it)"),
			 before);
	else if (c == ':')
		say(out, _("a ':' without a key before it: write 'key: value'"));
	else if (c == ']')
		say(out, _("a ']' without the '[' that opens it"));
	else if (c == '}')
		say(out, _("a '}' without the '{' that opens it"));
	else
		say(out, _("this line is indented differently from the keys above it: the keys of one "
			   "mapping start in the same column (indent with spaces)"));
}

/* "did not find expected '-' indicator": a list item without its '- ', or a key of an item
 * indented unlike the item's first key. */
static void explain_dash(const struct problem *p, struct explained *out)
{
	out->at = &p->mark;
	if (p->mark.column == p->context.column)
		snprintf(out->message, sizeof(out->message),
			 /* TRANSLATORS: %u:%u is the line and column where the list starts. */
			 _("this line is not a list item: every item of the list that starts at %u:%u "
			   "begins with '- ' (or, if the line belongs to the item above, indent it like "
			   "that item's first key)"),
			 p->context.line, p->context.column);
	else
		say(out, _("this line is indented differently from the lines above it: the keys of a "
			   "list item start in the same column as its first key, after the '- '"));
}

/* ---- the table of libyaml's problems ---------------------------------------------------- */

enum at { AT_PROBLEM, AT_CONTEXT };

struct explanation {
	const char *problem; /* libyaml's problem, or NULL for any in CONTEXT */
	const char *context; /* libyaml's context, or NULL for any */
	enum at at;          /* where a fixed MESSAGE is reported */
	const char *message; /* a fixed message, or NULL when HOW writes it */
	void (*how)(const struct problem *p, struct explained *out);
};

/* The fixed messages are translated where they are shown (yerror_explain). */
/* xgettext:no-c-format */
#define DIRECTIVE_MESSAGE                                                                      \
	N_("a line that starts with '%' is a YAML directive, which a meetlat file does not use: " \
	   "remove it, or if it is text, indent it under its key or put it in double quotes")
#define TAG_MESSAGE                                                                            \
	N_("a value cannot start with '!' (YAML reads it as a tag): put the text in double "      \
	   "quotes")
#define HEX_MESSAGE                                                                            \
	N_("a \\x, \\u or \\U escape needs hexadecimal digits after it: write \\\\ for a "         \
	   "backslash (C:\\\\Users), or put the text in single quotes")

/* Every problem libyaml 0.2.5's scanner and parser report for a file, most specific first. */
static const struct explanation explanations[] = {
	/* Directives: a line starting with '%'. */
	{ NULL, "while scanning a directive", AT_CONTEXT, DIRECTIVE_MESSAGE, NULL },
	{ NULL, "while scanning a %YAML directive", AT_CONTEXT, DIRECTIVE_MESSAGE, NULL },
	{ NULL, "while scanning a %TAG directive", AT_CONTEXT, DIRECTIVE_MESSAGE, NULL },
	{ NULL, "while parsing a tag directive", AT_CONTEXT, DIRECTIVE_MESSAGE, NULL },
	{ NULL, "while scanning a tag directive", AT_CONTEXT, DIRECTIVE_MESSAGE, NULL },
	{ NULL, "while parsing a %TAG directive", AT_CONTEXT, DIRECTIVE_MESSAGE, NULL },
	{ "found duplicate %YAML directive", NULL, AT_PROBLEM, DIRECTIVE_MESSAGE, NULL },
	{ "found duplicate %TAG directive", NULL, AT_PROBLEM, DIRECTIVE_MESSAGE, NULL },
	{ "found incompatible YAML document", NULL, AT_PROBLEM, DIRECTIVE_MESSAGE, NULL },
	/* Tags, anchors and aliases: a value starting with '!', '&' or '*'. */
	{ NULL, "while parsing a tag", AT_CONTEXT, TAG_MESSAGE, NULL },
	{ NULL, "while scanning a tag", AT_CONTEXT, TAG_MESSAGE, NULL },
	{ "found undefined tag handle", NULL, AT_CONTEXT, TAG_MESSAGE, NULL },
	{ NULL, "while scanning an anchor", AT_CONTEXT,
	  N_("a value cannot start with '&' (YAML reads it as an anchor): put the text in double "
	     "quotes"), NULL },
	{ NULL, "while scanning an alias", AT_CONTEXT,
	  N_("a value cannot start with '*' (YAML reads it as an alias): put the text in double "
	     "quotes"), NULL },
	/* Quoted texts. */
	{ "found unexpected end of stream", "while scanning a quoted scalar", AT_CONTEXT, NULL,
	  explain_unclosed_quote },
	{ "found unexpected document indicator", "while scanning a quoted scalar", AT_CONTEXT, NULL,
	  explain_unclosed_quote },
	{ "found unknown escape character", NULL, AT_PROBLEM, NULL, explain_escape },
	{ "did not find expected hexdecimal number", NULL, AT_PROBLEM, HEX_MESSAGE, NULL },
	{ "found invalid Unicode character escape code", NULL, AT_PROBLEM,
	  N_("this \\u or \\U escape names no character: write \\\\ for a backslash, or remove "
	     "the escape"), NULL },
	/* Block texts after '|' or '>'. */
	{ "did not find expected comment or line break", "while scanning a block scalar", AT_PROBLEM,
	  N_("after '|' or '>' the text starts on the next line, indented under its key; only a "
	     "comment may follow on this line (a short text that starts with '|' or '>' needs "
	     "double quotes)"), NULL },
	{ "found an indentation indicator equal to 0", NULL, AT_PROBLEM,
	  N_("the number after '|' or '>' (the indentation of the text) must be 1 to 9; leave it "
	     "out to let the first line decide"), NULL },
	/* Tabs. */
	{ "found a tab character that violates indentation", NULL, AT_PROBLEM, TAB_MESSAGE, NULL },
	{ "found a tab character where an indentation space is expected", NULL, AT_PROBLEM,
	  TAB_MESSAGE, NULL },
	{ "found character that cannot start any token", NULL, AT_PROBLEM, NULL, explain_start_char },
	/* Keys, values and indentation. */
	{ "mapping values are not allowed in this context", NULL, AT_PROBLEM, NULL, explain_colon },
	{ "could not find expected ':'", NULL, AT_CONTEXT,
	  N_("this line has no ':' after its key: a line of a mapping reads 'key: value' (a line "
	     "that continues the text above must be indented more than its key; a list item "
	     "starts with '- ')"), NULL },
	{ "block sequence entries are not allowed in this context", NULL, AT_PROBLEM,
	  N_("a '- ' list item cannot follow a key on its line: start the list on the next line, "
	     "indented under the key (if the '-' belongs to a text, put the text in double "
	     "quotes)"), NULL },
	{ "mapping keys are not allowed in this context", NULL, AT_PROBLEM,
	  N_("a value cannot start with '? ': put the text in double quotes"), NULL },
	{ "found unexpected ':'", NULL, AT_PROBLEM,
	  N_("a ':' inside a text in [ ] or { }: put the text in double quotes"), NULL },
	{ "did not find expected key", NULL, AT_PROBLEM, NULL, explain_key },
	{ "did not find expected '-' indicator", NULL, AT_PROBLEM, NULL, explain_dash },
	{ "did not find expected node content", NULL, AT_PROBLEM, NULL, explain_no_value },
	{ "did not find expected ',' or ']'", NULL, AT_PROBLEM, NULL, explain_flow_end },
	{ "did not find expected ',' or '}'", NULL, AT_PROBLEM, NULL, explain_flow_end },
	{ "did not find expected <document start>", NULL, AT_PROBLEM,
	  N_("this line does not belong to the document above: the top-level keys all start in "
	     "the first column, and nothing follows a '...' line"), NULL },
	{ "found unexpected end of stream", NULL, AT_CONTEXT,
	  N_("the file ends before what starts here is complete"), NULL },
};

/* Returns the explanation of PROBLEM in CONTEXT (which may be NULL), or NULL. */
static const struct explanation *find_explanation(const char *problem, const char *context)
{
	for (size_t i = 0; i < sizeof(explanations) / sizeof(explanations[0]); i++) {
		const struct explanation *e = &explanations[i];

		if ((!e->problem || strcmp(e->problem, problem) == 0) &&
		    (!e->context || (context && strcmp(e->context, context) == 0)))
			return e;
	}
	return NULL;
}

/* ---- reader errors: bytes that are not UTF-8 text ------------------------------------- */

/* Writes the message for the reader error of PARSER (bad bytes or a forbidden character). */
static void explain_reader(const yaml_parser_t *parser, const char *problem, char *out,
			   size_t size)
{
	unsigned value = (unsigned)parser->problem_value;

	if (strstr(problem, "UTF-8") && strstr(problem, "octet") && parser->problem_value != -1)
		snprintf(out, size, _("this is not UTF-8 text (byte 0x%02X): save the file as UTF-8"),
			 value & 0xFFu);
	else if (strstr(problem, "UTF-8"))
		snprintf(out, size, "%s", _("this is not UTF-8 text: save the file as UTF-8"));
	else if (strcmp(problem, "control characters are not allowed") == 0)
		snprintf(out, size, _("a control character (U+%04X) that a YAML file may not hold: "
				      "remove it"), value);
	else if (strcmp(problem, "invalid Unicode character") == 0)
		snprintf(out, size, _("a character that a text file may not hold (U+%04X): remove it"),
			 value);
	else
		/* TRANSLATORS: %s is libyaml's own (English) description of the problem. */
		snprintf(out, size, _("the file cannot be read as text here (%s)"), problem);
}

/* ---- the entry points ------------------------------------------------------------------- */

const char *yerror_utf16(const char *buf, size_t len)
{
	if (len >= 2 && ((buf[0] == '\xFF' && buf[1] == '\xFE') ||
			 (buf[0] == '\xFE' && buf[1] == '\xFF')))
		return _("the file is UTF-16 text: save it as UTF-8");
	return NULL;
}

void yerror_explain(const yaml_parser_t *parser, const char *file, const char *buf, size_t len,
		    struct diag *d)
{
	const char *problem = parser->problem ? parser->problem : _("unknown YAML error");
	struct problem p = { parser, buf, len, place_of_mark(buf, len, parser->problem_mark),
			     place_of_mark(buf, len, parser->context_mark) };
	const struct explanation *e;
	struct explained out = { &p.mark, "" };

	if (parser->error == YAML_MEMORY_ERROR) {
		diag_set(d, file, 0, 0, "%s", _("out of memory while parsing"));
		return;
	}
	if (parser->error == YAML_READER_ERROR) {
		/* libyaml gives only a byte offset here (its marks stay at the start). */
		struct place at = place_of_offset(buf, len, parser->problem_offset);

		explain_reader(parser, problem, out.message, sizeof(out.message));
		diag_set(d, file, at.line, at.column, "%s", out.message);
		return;
	}
	e = find_explanation(problem, parser->context);
	if (e && e->how) {
		e->how(&p, &out);
	} else if (e) {
		out.at = e->at == AT_CONTEXT && parser->context ? &p.context : &p.mark;
		say(&out, _(e->message));
	} else if (parser->context) {
		/* TRANSLATORS: libyaml's own (English) words for a problem this version of meetlat
		 * does not know: "found something new, while scanning something at 2:1". */
		snprintf(out.message, sizeof(out.message), _("this is not valid YAML (%s, %s at %u:%u)"),
			 problem, parser->context, p.context.line, p.context.column);
	} else {
		/* TRANSLATORS: %s is libyaml's own (English) description of the problem. */
		snprintf(out.message, sizeof(out.message), _("this is not valid YAML (%s)"), problem);
	}
	diag_set(d, file, out.at->line, out.at->column, "%s", out.message);
}
