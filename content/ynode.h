/* ynode.h - a YAML document read into a small tree, within limits, with located errors.
 *
 * Read by libyaml, or faster by the subset reader (ysubset.h) when the file is in the
 * subset that meetlat writes: the tree is the same. Anchors, aliases, tags other than !!str,
 * duplicate keys, non-scalar keys, NUL characters, invalid UTF-8 and more than one document
 * are refused. Every node keeps its 1-based line and column so that loaders can point at it.
 * ynode.c reads the file and chooses the reader, ybuild.c builds the tree; ynode_get.c reads
 * values of the types a loader expects. Every message is in the language the interface
 * speaks when the error is found (i18n.h); the WHAT phrases that callers pass are theirs to
 * translate. */
#ifndef MEETLAT_YNODE_H
#define MEETLAT_YNODE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct arena;

enum ynode_kind { YNODE_SCALAR, YNODE_SEQUENCE, YNODE_MAPPING };

struct ynode {
	enum ynode_kind kind;
	unsigned line, column; /* where the node starts, 1-based */
	bool plain;            /* a scalar written without quotes, block indicator or tag */
	bool quoted;           /* a scalar written in single or double quotes */
	const char *text;      /* scalar: NUL-terminated, holds no NUL */
	size_t length;         /* scalar: bytes in text */
	struct ynode **items;  /* sequence: COUNT items; mapping: key i at 2i, value at 2i+1 */
	size_t count;          /* sequence: items; mapping: pairs */
};

struct ylimits {
	size_t max_bytes;  /* file size */
	size_t max_depth;  /* nesting of sequences and mappings */
	size_t max_nodes;  /* nodes in the document */
	size_t max_scalar; /* bytes in one scalar */
};

/* Limits that suit hand-written and program-written files of this project. */
extern const struct ylimits ylimits_default;

struct ydoc {
	const char *file;  /* the name used in messages (not owned) */
	struct arena *arena;
	struct ynode *root;
};

/* Reads the regular file PATH whole into a malloc'd buffer (*BUF, *LEN, NUL-terminated)
 * without blocking on FIFOs and devices; returns false with a message in D otherwise. */
bool ydoc_read_file(const char *path, size_t max_bytes, char **buf, size_t *len, struct diag *d);

/* Parses the LEN bytes at BUF into DOC (named FILE in messages); returns false with a
 * located message in D. DOC must be released with ydoc_free in both cases. */
bool ydoc_parse(struct ydoc *doc, const char *file, const char *buf, size_t len,
		const struct ylimits *limits, struct diag *d);

/* Releases what DOC holds (every node); DOC itself is not freed. */
void ydoc_free(struct ydoc *doc);

/* Records in D an error located at NODE of DOC. */
void ydoc_error(const struct ydoc *doc, const struct ynode *node, struct diag *d,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Returns "a mapping", "a list", "a text" or "nothing" (an empty text) for the kind of NODE,
 * translated. */
const char *ynode_kind_name(const struct ynode *node);

/* Copies a short, printable excerpt of scalar NODE into BUF and returns BUF. */
const char *ynode_excerpt(const struct ynode *node, char *buf, size_t size);

/* Returns true when NODE is of KIND; otherwise reports "expected ... for WHAT". */
bool ynode_expect(const struct ydoc *doc, const struct ynode *node, enum ynode_kind kind,
		  const char *what, struct diag *d);

/* Returns the value stored under KEY in MAPPING, or NULL. */
const struct ynode *ynode_get(const struct ynode *mapping, const char *key);

/* The key of mapping pair I, and its value. */
const struct ynode *ynode_key(const struct ynode *mapping, size_t i);
const struct ynode *ynode_value(const struct ynode *mapping, size_t i);

/* One key a mapping may hold. */
struct yfield {
	const char *key;
	bool required;
};

/* Returns true when KEY is one of the N FIELDS. */
bool yfield_known(const struct yfield *fields, size_t n, const char *key);

/* Checks mapping NODE (described as WHAT) against the N FIELDS: stores the value of each
 * field in OUT[i] (NULL when absent) and reports the first missing required key. Keys not in
 * FIELDS are refused unless KEEP_UNKNOWN, except those starting with "x-". */
bool ynode_fields(const struct ydoc *doc, const struct ynode *node, const char *what,
		  const struct yfield *fields, size_t n, bool keep_unknown,
		  const struct ynode **out, struct diag *d);

/* The kinds of file meetlat reads, each with its own message for a missing version. */
enum ydoc_kind { YDOC_CONTENT, YDOC_SESSION };

/* Checks the format version under KEY of mapping ROOT (a file of KIND) first of all, so that
 * a newer file is refused as such: it must be present and equal SUPPORTED. */
bool ynode_version(const struct ydoc *doc, const struct ynode *root, const char *key,
		   enum ydoc_kind kind, long supported, struct diag *d);

/* Stores the text of scalar NODE in *OUT; reports a node of another kind. */
bool ynode_text(const struct ydoc *doc, const struct ynode *node, const char *what,
		const char **out, struct diag *d);

/* Stores in *OUT the whole number MIN..MAX written plainly at NODE; a number in quotes is a
 * text (meetlat(5)) and is refused as such. */
bool ynode_number(const struct ydoc *doc, const struct ynode *node, const char *what,
		  long min, long max, long *out, struct diag *d);

/* Stores in *OUT the plain true or false at NODE; in quotes it is a text and refused. */
bool ynode_bool(const struct ydoc *doc, const struct ynode *node, const char *what, bool *out,
		struct diag *d);

/* Stores in *OUT the identifier ([a-z0-9-]+, at most 64 characters) at NODE. */
bool ynode_ident(const struct ydoc *doc, const struct ynode *node, const char *what,
		 const char **out, struct diag *d);

/* Stores in *OUT the calendar date YYYY-MM-DD at NODE (a day that exists). */
bool ynode_date(const struct ydoc *doc, const struct ynode *node, const char *what,
		const char **out, struct diag *d);

#endif
