/* ysubset.c - the block-style subset of YAML that meetlat's writers produce, read without
 * libyaml into the same tree (the contract: ysubset.h).
 *
 * The subset, line by line: a line is its indentation in spaces and then a key, or "- " and
 * an entry of a block sequence; no line is blank and none ends in a space. A key is a plain
 * word of [A-Za-z0-9_.+-] starting with a letter or digit, or a double-quoted text, followed
 * by ": " and a value on the same line, or by ":" and a block on the next lines (a mapping
 * indented deeper, or a sequence whose "- " is at least as far in). A value is a plain
 * scalar of [A-Za-z0-9_.+:-] starting with a letter or digit (a ':' only between two such
 * characters), a double-quoted text on one line, or a flow sequence or mapping on one line
 * whose items are separated by ", " and whose keys by ": " ([1, 2], {id: x, n: "y"}); in a
 * flow collection a plain scalar holds no ':'. An entry of a block sequence is a value or a
 * mapping whose first key follows the "- ". Anything else makes the reader decline. */
#include "ysubset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "utf8.h"
#include "ybuild.h"

/* Keys longer than this are left to libyaml, which refuses a key of more than 1,024
 * characters before its ':' (a "simple key"). */
enum { MAX_KEY_BYTES = 1000 };

/* The classes of bytes a plain scalar may hold. */
enum {
	WORD = 1,  /* [A-Za-z0-9_.+-]: in keys, flow and block scalars */
	START = 2, /* [A-Za-z0-9]: what a plain scalar starts with */
};

/* Returns the classes of byte C. */
static unsigned byte_class(unsigned char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
		return WORD | START;
	return c == '_' || c == '.' || c == '+' || c == '-' ? WORD : 0;
}

struct reader {
	const char *p, *end;
	size_t line;		/* 0-based */
	const char *counted;	/* a byte of the line up to which COLUMN counts characters */
	size_t column;
	struct ybuilder *b;
	struct text scratch; /* a text with escapes, decoded */
};

/* ---- places ---------------------------------------------------------------------------- */

/* Returns the place of byte AT of the current line, at or after the last place asked for:
 * the column counts characters (UTF-8 lead bytes), as libyaml's marks do. */
static struct ymark mark_at(struct reader *r, const char *at)
{
	for (; r->counted < at; r->counted++)
		r->column += ((unsigned char)*r->counted & 0xC0) != 0x80;
	return (struct ymark){ .line = r->line, .column = r->column };
}

/* Returns the place of the byte the reader is at. */
static struct ymark here(struct reader *r)
{
	return mark_at(r, r->p);
}

/* Returns the number of spaces the line at P starts with. */
static size_t indentation(const struct reader *r)
{
	const char *q = r->p;

	while (q < r->end && *q == ' ')
		q++;
	return (size_t)(q - r->p);
}

/* Moves past the line break at P to the next line; false when P is not at one. */
static bool next_line(struct reader *r)
{
	if (r->p == r->end)
		return true;
	if (*r->p != '\n')
		return false;
	r->p++;
	r->line++;
	r->counted = r->p;
	r->column = 0;
	return true;
}

/* Returns true when P is at the end of a line (or of the file). */
static bool at_line_end(const struct reader *r)
{
	return r->p == r->end || *r->p == '\n';
}

/* Returns true when the LEN bytes at P are S. */
static bool looking_at(const struct reader *r, const char *s, size_t len)
{
	return (size_t)(r->end - r->p) >= len && memcmp(r->p, s, len) == 0;
}

/* ---- scalars --------------------------------------------------------------------------- */

/* Returns the length of the plain scalar at P: bytes of class WORD (and ':' between two of
 * them when COLONS), starting with one of class START; 0 when P starts none. */
static size_t plain_length(const struct reader *r, bool colons)
{
	const char *q = r->p;

	if (q == r->end || !(byte_class((unsigned char)*q) & START))
		return 0;
	while (q < r->end) {
		if (byte_class((unsigned char)*q) & WORD)
			q++;
		else if (colons && *q == ':' && q + 1 < r->end &&
			 (byte_class((unsigned char)q[1]) & WORD))
			q += 2;
		else
			break;
	}
	return (size_t)(q - r->p);
}

/* Reads the plain scalar at P (see plain_length) into the tree. */
static bool read_plain(struct reader *r, bool colons)
{
	size_t len = plain_length(r, colons);
	struct ymark mark = here(r);

	if (!len)
		return false;
	r->p += len;
	return ybuild_scalar(r->b, r->p - len, len, true, false, mark);
}

/* Returns the length of the character at Q (before END) when libyaml reads it inside double
 * quotes as it is on one line: printable (YAML's c-printable), not a line break, tab or byte
 * order mark, not '"' or '\\'; 0 otherwise. */
static size_t quoted_char_length(const char *q, const char *end)
{
	unsigned char c = (unsigned char)*q;
	uint32_t cp;
	size_t n;

	if (c < 0x80)
		return c >= 0x20 && c != 0x7F && c != '"' && c != '\\';
	n = utf8_decode(q, (size_t)(end - q), &cp);
	if (cp == UTF8_INVALID || cp < 0xA0 || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF)
		return 0;
	return n;
}

/* Returns the value of the N hexadecimal digits at Q (before END), or UTF8_INVALID. */
static uint32_t hex_value(const char *q, const char *end, size_t n)
{
	uint32_t value = 0;

	if ((size_t)(end - q) < n)
		return UTF8_INVALID;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)q[i];
		unsigned digit = c >= '0' && c <= '9'	? c - '0'
				 : c >= 'a' && c <= 'f' ? c - 'a' + 10
				 : c >= 'A' && c <= 'F' ? c - 'A' + 10
							: 16;

		if (digit == 16)
			return UTF8_INVALID;
		value = value * 16 + digit;
	}
	return value;
}

/* Returns the character that the escape at Q (after the backslash, before END) stands for
 * and stores its length in *LEN; UTF8_INVALID for an escape left to libyaml. */
static uint32_t escape_value(const char *q, const char *end, size_t *len)
{
	static const char simple[] = "0abtnvfre \"/\\";
	static const uint32_t simple_value[] = { 0, 7, 8, 9, 10, 11, 12, 13, 27, ' ', '"', '/',
						 '\\' };
	const char *hit;
	size_t digits;
	uint32_t cp;

	*len = 1;
	if (q == end)
		return UTF8_INVALID;
	hit = *q ? strchr(simple, *q) : NULL;
	if (hit)
		return simple_value[hit - simple];
	switch (*q) {
	case 'N': return 0x85;
	case '_': return 0xA0;
	case 'L': return 0x2028;
	case 'P': return 0x2029;
	case 'x': digits = 2; break;
	case 'u': digits = 4; break;
	case 'U': digits = 8; break;
	default: return UTF8_INVALID;
	}
	cp = hex_value(q + 1, end, digits);
	if (cp >= 0x110000 || (cp >= 0xD800 && cp <= 0xDFFF))
		return UTF8_INVALID;
	*len = 1 + digits;
	return cp;
}

/* Decodes the double-quoted text from FROM (after the opening quote) to its closing quote
 * into the scratch buffer; stores its length in *LEN and the closing quote in *CLOSE. */
static bool decode_quoted(struct reader *r, const char *from, size_t *len, const char **close)
{
	const char *q = from;

	text_clear(&r->scratch);
	while (q < r->end && *q != '"') {
		size_t n = quoted_char_length(q, r->end);
		char utf8[4];
		uint32_t cp;

		if (n) {
			text_add(&r->scratch, q, n);
			q += n;
			continue;
		}
		if (*q != '\\')
			return false;
		cp = escape_value(q + 1, r->end, &n);
		if (cp == UTF8_INVALID)
			return false;
		q += 1 + n;
		text_add(&r->scratch, utf8, utf8_encode(cp, utf8));
	}
	*len = r->scratch.len;
	*close = q;
	return q < r->end && !r->scratch.failed;
}

/* Reads the double-quoted text at P (on one line) into the tree. */
static bool read_quoted(struct reader *r)
{
	struct ymark mark = here(r);
	const char *from = r->p + 1, *q = from;
	const char *text = from;
	size_t len;

	while (q < r->end) {
		size_t n;

		while (q < r->end && *q >= 0x20 && *q < 0x7F && *q != '"' && *q != '\\')
			q++; /* most of a text: what quoted_char_length takes, faster */
		n = q < r->end ? quoted_char_length(q, r->end) : 0;
		if (!n)
			break;
		q += n;
	}
	if (q < r->end && *q == '"')
		len = (size_t)(q - from); /* no escape: the text is in the file as it is */
	else if (decode_quoted(r, from, &len, &q))
		text = r->scratch.data;
	else
		return false;
	r->p = q + 1;
	return ybuild_scalar(r->b, text, len, false, true, mark);
}

/* ---- keys ------------------------------------------------------------------------------ */

/* Reads the key at P (a plain word or a double-quoted text) and the ':' after it. */
static bool read_key(struct reader *r)
{
	const char *from = r->p;

	if (r->p == r->end || !(*r->p == '"' ? read_quoted(r) : read_plain(r, false)))
		return false;
	if ((size_t)(r->p - from) > MAX_KEY_BYTES || r->p == r->end || *r->p != ':')
		return false;
	r->p++;
	return true;
}

/* Returns true when P is at a key: a plain word or a double-quoted text followed by ':' and
 * a space or the end of the line. */
static bool key_ahead(const struct reader *r)
{
	const char *q = r->p;

	if (q < r->end && *q == '"') {
		for (q++; q < r->end && *q != '"' && *q != '\n'; q++)
			if (*q == '\\' && q + 1 < r->end && q[1] != '\n')
				q++;
		if (q == r->end || *q != '"')
			return false;
		q++;
	} else {
		q += plain_length(r, false);
	}
	return q < r->end && *q == ':' && (q + 1 == r->end || q[1] == ' ' || q[1] == '\n');
}

/* ---- flow collections ------------------------------------------------------------------ */

static bool read_flow_node(struct reader *r);

/* Reads the flow sequence or mapping (KIND) at P, on one line, into the tree. */
static bool read_flow_collection(struct reader *r, enum ynode_kind kind)
{
	char close = kind == YNODE_MAPPING ? '}' : ']';

	if (!ybuild_open(r->b, kind, here(r)))
		return false;
	r->p++;
	if (r->p < r->end && *r->p == close) {
		r->p++;
		return ybuild_close(r->b, here(r));
	}
	for (;;) {
		if (kind == YNODE_MAPPING) {
			if (!read_key(r) || !looking_at(r, " ", 1))
				return false;
			r->p++;
		}
		if (!read_flow_node(r))
			return false;
		if (r->p < r->end && *r->p == close) {
			r->p++;
			return ybuild_close(r->b, here(r));
		}
		if (!looking_at(r, ", ", 2))
			return false;
		r->p += 2;
	}
}

/* Reads the flow node at P: a flow collection, a double-quoted text or a plain word. */
static bool read_flow_node(struct reader *r)
{
	if (r->p == r->end)
		return false;
	switch (*r->p) {
	case '[': return read_flow_collection(r, YNODE_SEQUENCE);
	case '{': return read_flow_collection(r, YNODE_MAPPING);
	case '"': return read_quoted(r);
	default: return read_plain(r, false);
	}
}

/* Reads the value at P that ends its line: a flow node or a plain scalar of the block. */
static bool read_inline_value(struct reader *r)
{
	bool ok = r->p < r->end && (*r->p == '[' || *r->p == '{' || *r->p == '"')
			  ? read_flow_node(r)
			  : read_plain(r, true);

	return ok && at_line_end(r) && next_line(r);
}

/* ---- blocks ---------------------------------------------------------------------------- */

static bool read_block_mapping(struct reader *r, size_t column);
static bool read_block_sequence(struct reader *r, size_t column);

/* Returns the indentation of the line at P (at a line's start), or SIZE_MAX at the end of
 * the file. */
static size_t next_indentation(const struct reader *r)
{
	return r->p == r->end ? SIZE_MAX : indentation(r);
}

/* Reads the block that is the value of a key of the mapping at COLUMN, on the lines after the
 * key's: a mapping indented deeper, or a sequence at COLUMN or deeper. */
static bool read_block_value(struct reader *r, size_t column)
{
	size_t n = next_indentation(r);

	if (n == SIZE_MAX)
		return false;
	r->p += n;
	if (looking_at(r, "- ", 2))
		return n >= column && read_block_sequence(r, n);
	return n > column && read_block_mapping(r, n);
}

/* What the next line says of a block mapping or sequence. */
enum block_next {
	BLOCK_ENDS,    /* the end of the file, or a line indented less */
	BLOCK_GOES_ON, /* a line indented as much */
	BLOCK_BROKEN,  /* a line indented deeper: left to libyaml */
};

/* Tells from the indentation of the line at P (at its start) how the block at COLUMN goes on. */
static enum block_next block_next(const struct reader *r, size_t column)
{
	size_t n = next_indentation(r);

	if (n == SIZE_MAX || n < column)
		return BLOCK_ENDS;
	return n == column ? BLOCK_GOES_ON : BLOCK_BROKEN;
}

/* Reads the block mapping whose first key is at P, in COLUMN, to the first line that is
 * indented less (P then at that line's start). */
static bool read_block_mapping(struct reader *r, size_t column)
{
	if (!ybuild_open(r->b, YNODE_MAPPING, here(r)))
		return false;
	for (;;) {
		if (!read_key(r))
			return false;
		if (looking_at(r, " ", 1)) {
			r->p++;
			if (!read_inline_value(r))
				return false;
		} else if (!(next_line(r) && read_block_value(r, column))) {
			return false;
		}
		switch (block_next(r, column)) {
		case BLOCK_ENDS: return ybuild_close(r->b, here(r));
		case BLOCK_BROKEN: return false;
		case BLOCK_GOES_ON: break;
		}
		r->p += column;
		if (looking_at(r, "- ", 2))
			return false;
	}
}

/* Returns true when the line at P holds an entry "- " after N spaces. */
static bool entry_after(const struct reader *r, size_t n)
{
	return (size_t)(r->end - r->p) >= n + 2 && r->p[n] == '-' && r->p[n + 1] == ' ';
}

/* Reads the entry after "- " at P of a sequence at COLUMN: a mapping whose first key is
 * there, or a value. */
static bool read_entry(struct reader *r, size_t column)
{
	if (key_ahead(r))
		return read_block_mapping(r, column + 2);
	return read_inline_value(r);
}

/* Reads the block sequence whose first "- " is at P, in COLUMN, to the first line that is
 * indented less or is not an entry (P then at that line's start). */
static bool read_block_sequence(struct reader *r, size_t column)
{
	if (!ybuild_open(r->b, YNODE_SEQUENCE, here(r)))
		return false;
	for (;;) {
		r->p += 2;
		if (!read_entry(r, column))
			return false;
		switch (block_next(r, column)) {
		case BLOCK_ENDS: return ybuild_close(r->b, here(r));
		case BLOCK_BROKEN: return false;
		case BLOCK_GOES_ON: break;
		}
		if (!entry_after(r, column))
			return ybuild_close(r->b, here(r)); /* a key of the mapping around it */
		r->p += column;
	}
}

bool ysubset_parse(struct ydoc *doc, const char *file, const char *buf, size_t len,
		   const struct ylimits *limits, struct diag *d)
{
	struct ybuilder b;
	struct reader r = { .p = buf, .end = buf + len, .counted = buf, .b = &b };
	bool ok;

	if (!ybuild_start(&b, doc, file, limits, d))
		return false;
	d->message[0] = '\0';
	ok = len > 0 && read_block_mapping(&r, 0) && r.p == r.end && b.depth == 0;
	if (!ok && !d->message[0]) /* declined, not refused by the builder */
		diag_set(d, file, (unsigned)r.line + 1, (unsigned)here(&r).column + 1, "%s",
			 "outside the subset meetlat writes");
	ybuild_finish(&b);
	text_free(&r.scratch);
	return ok;
}
