/* ysubset.h - the block-style subset of YAML that meetlat's own writers produce, read without
 * libyaml.
 *
 * libyaml costs about 250 instructions for each byte of a session file, two thirds of what a
 * report over many sessions spends. Most files are as meetlat wrote them: block mappings and
 * sequences of plain keys, single-line flow collections, plain numbers, dates and time stamps,
 * double-quoted texts. The subset reader reads exactly those, into the same tree through the
 * same builder (limits, duplicate keys, NUL characters), and declines at the first byte of
 * anything else: a comment, a tab, a blank line, a line break inside a text or a collection,
 * single quotes, block scalars, anchors, tags, an escape it does not know, a key longer than
 * 1,000 bytes. ydoc_parse then reads the whole file with libyaml, which stays the judge of all
 * YAML and the author of every message. So a file either gets libyaml's tree or the same
 * tree faster (tests/test_ysubset.c and fuzz/fuzz_ysubset.c hold the two readers to that). */
#ifndef MEETLAT_YSUBSET_H
#define MEETLAT_YSUBSET_H

#include "ynode.h"

/* The readers ydoc_parse_with may use. */
enum ydoc_reader {
	YDOC_READ_ANY,     /* the subset reader, and libyaml where it declines (ydoc_parse) */
	YDOC_READ_LIBYAML, /* libyaml only */
	YDOC_READ_SUBSET,  /* the subset reader only: false, with a message, where it declines */
};

/* Parses like ydoc_parse, with READER (tests and fuzzing compare the readers). */
bool ydoc_parse_with(struct ydoc *doc, const char *file, const char *buf, size_t len,
		     const struct ylimits *limits, enum ydoc_reader reader, struct diag *d);

/* Reads the LEN bytes at BUF (no byte order mark) into DOC, named FILE, with the subset
 * reader; false, with D saying where, when they are not all in the subset or break a limit
 * (DOC then holds a part of a tree, for ydoc_free). */
bool ysubset_parse(struct ydoc *doc, const char *file, const char *buf, size_t len,
		   const struct ylimits *limits, struct diag *d);

#endif
