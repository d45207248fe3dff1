/* ybuild.c - a YAML document's tree built from its parts in document order, within limits. */
#include "ybuild.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "i18n.h"
#include "mem.h"

bool ybuild_start(struct ybuilder *b, struct ydoc *doc, const char *file,
		  const struct ylimits *limits, struct diag *d)
{
	memset(doc, 0, sizeof(*doc));
	doc->file = file;
	*b = (struct ybuilder){ .doc = doc, .limits = limits, .d = d };
	doc->arena = arena_new();
	b->stack = mem.calloc(limits->max_depth + 1, sizeof(*b->stack));
	if (doc->arena && b->stack)
		return true;
	ybuild_finish(b);
	diag_set(d, file, 0, 0, "%s", _("out of memory"));
	return false;
}

void ybuild_finish(struct ybuilder *b)
{
	for (size_t i = 0; b->stack && i <= b->limits->max_depth; i++)
		mem.free(b->stack[i].items);
	mem.free(b->stack);
	b->stack = NULL;
}

bool ybuild_fail(struct ybuilder *b, struct ymark mark, const char *fmt, ...)
{
	char message[DIAG_MESSAGE_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	diag_set(b->d, b->doc->file, (unsigned)mark.line + 1, (unsigned)mark.column + 1, "%s",
		 message);
	return false;
}

/* Returns a new node of KIND starting at MARK, counted against the limit. */
static struct ynode *new_node(struct ybuilder *b, enum ynode_kind kind, struct ymark mark)
{
	struct ynode *node;

	if (++b->nodes > b->limits->max_nodes) {
		ybuild_fail(b, mark, _("too many nodes (the limit is %zu)"), b->limits->max_nodes);
		return NULL;
	}
	node = arena_alloc(b->doc->arena, sizeof(*node));
	if (!node) {
		ybuild_fail(b, mark, "%s", _("out of memory"));
		return NULL;
	}
	node->kind = kind;
	node->line = (unsigned)mark.line + 1;
	node->column = (unsigned)mark.column + 1;
	return node;
}

/* Returns true when key nodes A and B hold the same text. */
static bool keys_equal(const struct ynode *a, const struct ynode *b)
{
	return a->length == b->length && memcmp(a->text, b->text, a->length) == 0;
}

/* Returns true when node A starts before node B. */
static bool node_before(const struct ynode *a, const struct ynode *b)
{
	return a->line < b->line || (a->line == b->line && a->column < b->column);
}

/* Orders key nodes by their text, then by position. */
static int key_order(const void *pa, const void *pb)
{
	const struct ynode *a = *(const struct ynode *const *)pa;
	const struct ynode *b = *(const struct ynode *const *)pb;
	size_t n = a->length < b->length ? a->length : b->length;
	int c = memcmp(a->text, b->text, n);

	if (c)
		return c;
	if (a->length != b->length)
		return a->length < b->length ? -1 : 1;
	return node_before(a, b) ? -1 : node_before(b, a);
}

/* Mappings of at most this many pairs are searched for a repeated key pair by pair; larger
 * ones through a sorted copy of their keys, so that the search stays O(n log n). */
enum { FEW_KEYS = 16 };

/* Finds the repeated key of MAP (at most FEW_KEYS pairs) that comes first in the file and,
 * in *FIRST, its first use; returns NULL when every key is new. */
static const struct ynode *repeated_key_among_few(const struct ynode *map,
						  const struct ynode **first)
{
	for (size_t j = 1; j < map->count; j++)
		for (size_t i = 0; i < j; i++)
			if (keys_equal(map->items[2 * i], map->items[2 * j])) {
				*first = map->items[2 * i];
				return map->items[2 * j];
			}
	return NULL;
}

/* Finds the repeated key of MAP that comes first in the file and, in *FIRST, its first use,
 * through a sorted copy of the keys; returns NULL when every key is new, and sets *OOM when
 * memory is exhausted. */
static const struct ynode *repeated_key_sorted(const struct ynode *map,
					       const struct ynode **first, bool *oom)
{
	const struct ynode *dup = NULL;
	struct ynode **keys = mem.malloc(map->count * sizeof(*keys));
	size_t run_start = 0;

	*oom = !keys;
	if (!keys)
		return NULL;
	for (size_t i = 0; i < map->count; i++)
		keys[i] = map->items[2 * i];
	qsort(keys, map->count, sizeof(*keys), key_order);
	for (size_t i = 1; i < map->count; i++) {
		if (!keys_equal(keys[i - 1], keys[i]))
			run_start = i;
		else if (!dup || node_before(keys[i], dup)) {
			dup = keys[i];
			*first = keys[run_start];
		}
	}
	mem.free(keys);
	return dup;
}

/* Refuses a mapping that holds a key twice, pointing at the first repetition in the file
 * (the keys are in the order of the file). */
static bool check_duplicates(struct ybuilder *b, const struct ynode *map)
{
	const struct ynode *dup, *first = NULL;
	bool oom = false;
	char excerpt[64];

	if (map->count < 2)
		return true;
	dup = map->count <= FEW_KEYS ? repeated_key_among_few(map, &first)
				     : repeated_key_sorted(map, &first, &oom);
	if (oom) {
		ydoc_error(b->doc, map, b->d, "%s", _("out of memory"));
		return false;
	}
	if (!dup)
		return true;
	/* TRANSLATORS: %u:%u is the line and column of the key's first use. */
	ydoc_error(b->doc, dup, b->d, _("duplicate key '%s' (first at %u:%u)"),
		   ynode_excerpt(dup, excerpt, sizeof(excerpt)), first->line, first->column);
	return false;
}

/* Adds NODE as the next child of the innermost open container, or as the root. */
static bool attach(struct ybuilder *b, struct ynode *node, struct ymark mark)
{
	struct yframe *f;

	if (b->depth == 0) {
		b->doc->root = node;
		return true;
	}
	f = &b->stack[b->depth - 1];
	if (f->node->kind == YNODE_MAPPING && f->used % 2 == 0 && node->kind != YNODE_SCALAR) {
		/* TRANSLATORS: %s is "a list" or "a mapping" (as ynode_kind_name says it). */
		ydoc_error(b->doc, node, b->d, _("a mapping key must be a text, found %s"),
			   ynode_kind_name(node));
		return false;
	}
	if (f->used == f->capacity) {
		size_t capacity = f->capacity ? f->capacity * 2 : 8;
		struct ynode **items = mem.realloc(f->items, capacity * sizeof(*items));

		if (!items)
			return ybuild_fail(b, mark, "%s", _("out of memory"));
		f->items = items;
		f->capacity = capacity;
	}
	f->items[f->used++] = node;
	return true;
}

bool ybuild_scalar(struct ybuilder *b, const char *text, size_t len, bool plain, bool quoted,
		   struct ymark mark)
{
	struct ynode *node;

	if (len > b->limits->max_scalar)
		return ybuild_fail(b, mark,
				   ngettext("text longer than the limit of %zu byte",
					    "text longer than the limit of %zu bytes",
					    b->limits->max_scalar),
				   b->limits->max_scalar);
	/* Valid UTF-8 already (both readers refuse any other input, and any escape of a
	 * surrogate or past U+10FFFF); a NUL can come from an escape ("\0"). */
	if (memchr(text, '\0', len))
		return ybuild_fail(b, mark, "%s",
				   _("text holds a NUL character, which is not allowed"));
	node = new_node(b, YNODE_SCALAR, mark);
	if (!node)
		return false;
	node->plain = plain;
	node->quoted = quoted;
	node->text = arena_strndup(b->doc->arena, text, len);
	node->length = len;
	if (!node->text)
		return ybuild_fail(b, mark, "%s", _("out of memory"));
	return attach(b, node, mark);
}

bool ybuild_open(struct ybuilder *b, enum ynode_kind kind, struct ymark mark)
{
	struct ynode *node;

	if (b->depth >= b->limits->max_depth)
		return ybuild_fail(b, mark,
				   ngettext("nesting deeper than the limit of %zu level",
					    "nesting deeper than the limit of %zu levels",
					    b->limits->max_depth),
				   b->limits->max_depth);
	node = new_node(b, kind, mark);
	if (!node)
		return false;
	/* The frame keeps the children's buffer of the last container at this depth. */
	b->stack[b->depth].node = node;
	b->stack[b->depth].used = 0;
	b->depth++;
	return true;
}

bool ybuild_close(struct ybuilder *b, struct ymark mark)
{
	struct yframe *f = &b->stack[b->depth - 1];
	struct ynode *node = f->node;

	if (f->used) {
		node->items = arena_alloc(b->doc->arena, f->used * sizeof(*node->items));
		if (!node->items)
			return ybuild_fail(b, mark, "%s", _("out of memory"));
		memcpy(node->items, f->items, f->used * sizeof(*node->items));
	}
	node->count = node->kind == YNODE_MAPPING ? f->used / 2 : f->used;
	b->depth--;
	if (node->kind == YNODE_MAPPING && !check_duplicates(b, node))
		return false;
	return attach(b, node, mark);
}
