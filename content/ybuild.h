/* ybuild.h - a YAML document's tree built from its parts in document order, within limits
 * (internal to content/: ynode.c feeds it libyaml's events, ysubset.c what it reads itself).
 *
 * Each function returns false after recording a located error in the builder's diag; the
 * tree built so far stays in the document's arena, released by ydoc_free. */
#ifndef MEETLAT_YBUILD_H
#define MEETLAT_YBUILD_H

#include <stdbool.h>
#include <stddef.h>

#include "ynode.h"

/* A place in the file: 0-based line and column, the column counted in characters. */
struct ymark {
	size_t line, column;
};

/* A sequence or mapping being built: its node and the children read so far. */
struct yframe {
	struct ynode *node;
	struct ynode **items;
	size_t used, capacity; /* entries in ITEMS (keys and values for a mapping) */
};

struct ybuilder {
	struct ydoc *doc;
	const struct ylimits *limits;
	struct diag *d;
	struct yframe *stack; /* limits->max_depth + 1 frames */
	size_t depth;
	size_t nodes;
};

/* Starts B on the empty DOC (named FILE), with a new arena; false when memory is exhausted
 * (nothing to release then but DOC). */
bool ybuild_start(struct ybuilder *b, struct ydoc *doc, const char *file,
		  const struct ylimits *limits, struct diag *d);

/* Releases what B holds besides the document (the stack and its children). */
void ybuild_finish(struct ybuilder *b);

/* Records an error at MARK; returns false. */
bool ybuild_fail(struct ybuilder *b, struct ymark mark, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Adds the scalar of the LEN bytes at TEXT that starts at MARK, written PLAIN (no quotes,
 * indicator or tag) or QUOTED (in single or double quotes). */
bool ybuild_scalar(struct ybuilder *b, const char *text, size_t len, bool plain, bool quoted,
		   struct ymark mark);

/* Opens a sequence or mapping (KIND) that starts at MARK. */
bool ybuild_open(struct ybuilder *b, enum ynode_kind kind, struct ymark mark);

/* Closes the innermost sequence or mapping, which ends at MARK; a mapping that holds a key
 * twice is refused. */
bool ybuild_close(struct ybuilder *b, struct ymark mark);

#endif
