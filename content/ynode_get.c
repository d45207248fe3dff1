/* ynode_get.c - reading the tree of ynode.c: lookups, and values of the type a caller expects
 * (text, number, truth value, identifier, date), each refused with a located message that
 * says what was found and how to write it. */
#include "ynode.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "utf8.h"
#include "valid.h"

void ydoc_error(const struct ydoc *doc, const struct ynode *node, struct diag *d,
		const char *fmt, ...)
{
	char message[DIAG_MESSAGE_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	diag_set(d, doc->file, node ? node->line : 0, node ? node->column : 0, "%s", message);
}

const char *ynode_kind_name(const struct ynode *node)
{
	switch (node->kind) {
	case YNODE_MAPPING:
		/* TRANSLATORS: this and the next three say what stands in a place of the file,
		 * in messages such as "expected a list for 'phases', found a text"; a mapping is
		 * a block of 'key: value' lines. */
		return _("a mapping");
	case YNODE_SEQUENCE:
		return _("a list");
	default:
		return node->length ? _("a text") : _("nothing");
	}
}

const char *ynode_excerpt(const struct ynode *node, char *buf, size_t size)
{
	enum { LONGEST = 40 };
	size_t cut = 0, chars = 0;

	if (node->kind != YNODE_SCALAR) {
		snprintf(buf, size, "%s", ynode_kind_name(node));
		return buf;
	}
	/* Whole characters only, leaving room in BUF for "..." and the NUL. */
	while (cut < node->length && chars < LONGEST) {
		uint32_t cp;
		size_t n = utf8_decode(node->text + cut, node->length - cut, &cp);

		if (cut + n + sizeof("...") > size)
			break;
		cut += n;
		chars++;
	}
	utf8_sanitize_into(buf, node->text, cut, false, '?');
	if (cut < node->length)
		strcat(buf, "...");
	return buf;
}

/* Writes how NODE is named after "found" in a message: 'an excerpt' of a text, else its kind. */
static const char *ynode_found(const struct ynode *node, char *buf, size_t size)
{
	char excerpt[64];

	if (node->kind == YNODE_SCALAR && node->length)
		snprintf(buf, size, "'%s'", ynode_excerpt(node, excerpt, sizeof(excerpt)));
	else
		snprintf(buf, size, "%s", ynode_kind_name(node));
	return buf;
}

bool ynode_expect(const struct ydoc *doc, const struct ynode *node, enum ynode_kind kind,
		  const char *what, struct diag *d)
{
	static const char *const messages[] = {
		/* TRANSLATORS: this and the next two: the first %s is what the value is for (a
		 * key such as 'phases', or a phrase such as "a phase"), the second what stands
		 * there ("a list", "nothing"). */
		[YNODE_SCALAR] = N_("expected a text for %s, found %s"),
		[YNODE_SEQUENCE] = N_("expected a list for %s, found %s"),
		[YNODE_MAPPING] = N_("expected a mapping for %s, found %s"),
	};

	if (node->kind == kind)
		return true;
	ydoc_error(doc, node, d, _(messages[kind]), what, ynode_kind_name(node));
	return false;
}

const struct ynode *ynode_key(const struct ynode *mapping, size_t i)
{
	return mapping->items[2 * i];
}

const struct ynode *ynode_value(const struct ynode *mapping, size_t i)
{
	return mapping->items[2 * i + 1];
}

const struct ynode *ynode_get(const struct ynode *mapping, const char *key)
{
	size_t len = strlen(key);

	for (size_t i = 0; i < mapping->count; i++) {
		const struct ynode *k = ynode_key(mapping, i);

		if (k->length == len && memcmp(k->text, key, len) == 0)
			return ynode_value(mapping, i);
	}
	return NULL;
}

bool yfield_known(const struct yfield *fields, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(fields[i].key, key) == 0)
			return true;
	return false;
}

/* Writes "a, b, c" (the keys of FIELDS) into BUF. */
static const char *field_list(const struct yfield *fields, size_t n, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && used < size; i++) {
		int w = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", fields[i].key);

		if (w < 0)
			break;
		used += (size_t)w;
	}
	return buf;
}

bool ynode_fields(const struct ydoc *doc, const struct ynode *node, const char *what,
		  const struct yfield *fields, size_t n, bool keep_unknown,
		  const struct ynode **out, struct diag *d)
{
	char excerpt[64], list[DIAG_MESSAGE_MAX / 2];

	if (!ynode_expect(doc, node, YNODE_MAPPING, what, d))
		return false;
	for (size_t i = 0; i < node->count && !keep_unknown; i++) {
		const struct ynode *key = ynode_key(node, i);

		if (!yfield_known(fields, n, key->text) && strncmp(key->text, "x-", 2) != 0) {
			/* TRANSLATORS: the key, where it is ("a phase", "a content file") and
			 * the keys allowed there: "unknown key 'nmae' in a phase (expected one of:
			 * number, name, ...)". */
			ydoc_error(doc, key, d, _("unknown key '%s' in %s (expected one of: %s)"),
				   ynode_excerpt(key, excerpt, sizeof(excerpt)), what,
				   field_list(fields, n, list, sizeof(list)));
			return false;
		}
	}
	for (size_t i = 0; i < n; i++) {
		out[i] = ynode_get(node, fields[i].key);
		if (!out[i] && fields[i].required) {
			/* TRANSLATORS: "missing key 'id' in a content file". */
			ydoc_error(doc, node, d, _("missing key '%s' in %s"), fields[i].key, what);
			return false;
		}
	}
	return true;
}

/* Returns the message for a file of KIND without its version key, one sentence for each kind
 * in every language; the format takes the key, the key again and the version. */
static const char *version_missing(enum ydoc_kind kind)
{
	if (kind == YDOC_CONTENT)
		/* TRANSLATORS: "missing key 'meetlat_content' (expected 'meetlat_content: 1' in
		 * a content file)". */
		return _("missing key '%s' (expected '%s: %ld' in a content file)");
	return _("missing key '%s' (expected '%s: %ld' in a session file)");
}

bool ynode_version(const struct ydoc *doc, const struct ynode *root, const char *key,
		   enum ydoc_kind kind, long supported, struct diag *d)
{
	const struct ynode *v = ynode_get(root, key);
	char excerpt[64], name[64];
	long version;

	if (!v) {
		ydoc_error(doc, root, d, version_missing(kind), key, key, supported);
		return false;
	}
	snprintf(name, sizeof(name), "'%s'", key);
	if (!ynode_number(doc, v, name, 1, 999999, &version, d))
		return false;
	if (version == supported)
		return true;
	/* TRANSLATORS: the key, the version the file has and the one this meetlat reads:
	 * "unsupported meetlat_content version 2 (this meetlat reads version 1)". */
	ydoc_error(doc, v, d, _("unsupported %s version %s (this meetlat reads version %ld)"), key,
		   ynode_excerpt(v, excerpt, sizeof(excerpt)), supported);
	return false;
}

bool ynode_text(const struct ydoc *doc, const struct ynode *node, const char *what,
		const char **out, struct diag *d)
{
	if (!ynode_expect(doc, node, YNODE_SCALAR, what, d))
		return false;
	*out = node->text;
	return true;
}

/* Refuses NODE, which was expected to be EXPECTED (a number or true/false) for WHAT: says
 * how it was written when it is a text only because of quotes, a block or a tag. */
static bool refuse_typed(const struct ydoc *doc, const struct ynode *node, const char *expected,
			 const char *what, struct diag *d)
{
	/* TRANSLATORS: this and the next two: what is expected ("a whole number from 0 to 9",
	 * "true or false"), what it is for ('minutes', "the number of a phase"), and what was
	 * found: 'yes' (as written), or "a list" or "nothing". */
	const char *message = _("expected %s for %s, found %s");
	char found[72];

	ynode_found(node, found, sizeof(found));
	if (node->kind == YNODE_SCALAR && node->length && node->quoted)
		message = _("expected %s for %s, found the text %s in quotes (write it without "
			    "quotes)");
	else if (node->kind == YNODE_SCALAR && !node->plain && node->length)
		message = _("expected %s for %s, found the text %s (write it by itself, without '|', "
			    "'>' or a tag)");
	ydoc_error(doc, node, d, message, expected, what, found);
	return false;
}

bool ynode_number(const struct ydoc *doc, const struct ynode *node, const char *what,
		  long min, long max, long *out, struct diag *d)
{
	char expected[64];
	long value = 0;
	bool digits = node->kind == YNODE_SCALAR && node->plain && node->length > 0 &&
		      node->length <= 9 && (node->text[0] != '0' || node->length == 1);

	for (size_t i = 0; digits && i < node->length; i++) {
		if (node->text[i] < '0' || node->text[i] > '9')
			digits = false;
		else
			value = value * 10 + (node->text[i] - '0');
	}
	if (!digits || value < min || value > max) {
		/* TRANSLATORS: the numbers are the smallest and the largest allowed. */
		snprintf(expected, sizeof(expected), _("a whole number from %ld to %ld"), min, max);
		return refuse_typed(doc, node, expected, what, d);
	}
	*out = value;
	return true;
}

bool ynode_bool(const struct ydoc *doc, const struct ynode *node, const char *what, bool *out,
		struct diag *d)
{
	if (node->kind == YNODE_SCALAR && node->plain) {
		if (strcmp(node->text, "true") == 0) {
			*out = true;
			return true;
		}
		if (strcmp(node->text, "false") == 0) {
			*out = false;
			return true;
		}
	}
	return refuse_typed(doc, node, _("true or false"), what, d);
}

bool ynode_ident(const struct ydoc *doc, const struct ynode *node, const char *what,
		 const char **out, struct diag *d)
{
	char found[72];

	if (node->kind == YNODE_SCALAR && ident_valid(node->text)) {
		*out = node->text;
		return true;
	}
	ydoc_error(doc, node, d,
		   /* TRANSLATORS: what the id is for ("the id of a row", 'id') and what was
		    * found. */
		   _("expected an identifier (lower-case letters, digits and '-') for %s, found %s"),
		   what, ynode_found(node, found, sizeof(found)));
	return false;
}

bool ynode_date(const struct ydoc *doc, const struct ynode *node, const char *what,
		const char **out, struct diag *d)
{
	char found[72];

	if (node->kind == YNODE_SCALAR && date_valid(node->text)) {
		*out = node->text;
		return true;
	}
	/* TRANSLATORS: what the date is for ('due') and what was found; YYYY-MM-DD is how the
	 * date is written in the file (2027-01-15). */
	ydoc_error(doc, node, d, _("expected a date written YYYY-MM-DD for %s, found %s"), what,
		   ynode_found(node, found, sizeof(found)));
	return false;
}
