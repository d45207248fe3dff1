/* ysubset_check.h - the promise of content/ysubset.h, checked on one input (no cmocka, so
 * that tests/test_ysubset.c and fuzz/fuzz_ysubset.c share it): where the subset reader gives a
 * tree, libyaml gives the same tree; and ydoc_parse (YDOC_READ_ANY) gives libyaml's result
 * always: the same tree, or the same formatted message. */
#ifndef MEETLAT_TESTS_YSUBSET_CHECK_H
#define MEETLAT_TESTS_YSUBSET_CHECK_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "ynode.h"
#include "ysubset.h"

enum { YCHECK_PATH_MAX = 256, YCHECK_WHY_MAX = 1024 };

/* Appends a step made from FMT to PATH (YCHECK_PATH_MAX bytes; cut short when it is full). */
static inline void ycheck_path_push(char *path, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static inline void ycheck_path_push(char *path, const char *fmt, ...)
{
	size_t used = strlen(path);
	va_list ap;

	va_start(ap, fmt);
	if (used + 1 < YCHECK_PATH_MAX)
		vsnprintf(path + used, YCHECK_PATH_MAX - used, fmt, ap);
	va_end(ap);
}

/* Writes a printable excerpt of scalar or container N ("[3 items]", "{2 pairs}") into BUF. */
static inline const char *ycheck_show(const struct ynode *n, char *buf, size_t size)
{
	char excerpt[64];

	if (n->kind == YNODE_SCALAR)
		snprintf(buf, size, "'%s' (%zu bytes%s%s)",
			 ynode_excerpt(n, excerpt, sizeof(excerpt)), n->length,
			 n->plain ? ", plain" : "", n->quoted ? ", quoted" : "");
	else
		snprintf(buf, size, n->kind == YNODE_MAPPING ? "{%zu pairs}" : "[%zu items]",
			 n->count);
	return buf;
}

/* Records in WHY (YCHECK_WHY_MAX bytes) how A (NAME_A) and B differ at PATH; returns false. */
static inline bool ycheck_differ(const char *path, const char *what, const struct ynode *a,
				 const char *name_a, const struct ynode *b, const char *name_b,
				 char *why)
{
	char show_a[160], show_b[160];

	snprintf(why, YCHECK_WHY_MAX, "at %s: %s differs: %s %s at %u:%u, %s %s at %u:%u",
		 path[0] ? path : "/", what, name_a, ycheck_show(a, show_a, sizeof(show_a)),
		 a->line, a->column, name_b, ycheck_show(b, show_b, sizeof(show_b)), b->line,
		 b->column);
	return false;
}

/* Returns true when trees A and B (NAME_A's, NAME_B's) are identical: shape, kind, line,
 * column, plain, quoted, length and text of every node. Otherwise describes the first
 * difference in WHY, with the path of keys and indices leading to it (PATH: where A and B are,
 * YCHECK_PATH_MAX bytes, restored on return). */
static inline bool ycheck_same_tree(const struct ynode *a, const char *name_a,
				    const struct ynode *b, const char *name_b, char *path,
				    char *why)
{
	size_t items;

	if (!a || !b) {
		snprintf(why, YCHECK_WHY_MAX, "at %s: %s has %s node, %s %s", path[0] ? path : "/",
			 name_a, a ? "a" : "no", name_b, b ? "has one" : "has none");
		return a == b;
	}
	if (a->kind != b->kind)
		return ycheck_differ(path, "kind", a, name_a, b, name_b, why);
	if (a->line != b->line || a->column != b->column)
		return ycheck_differ(path, "line:column", a, name_a, b, name_b, why);
	if (a->kind == YNODE_SCALAR) {
		if (a->plain != b->plain || a->quoted != b->quoted)
			return ycheck_differ(path, "style", a, name_a, b, name_b, why);
		if (!a->text || !b->text || a->length != b->length ||
		    memcmp(a->text, b->text, a->length) != 0 || a->text[a->length] != '\0' ||
		    b->text[b->length] != '\0')
			return ycheck_differ(path, "text", a, name_a, b, name_b, why);
		return true;
	}
	if (a->count != b->count)
		return ycheck_differ(path, "count", a, name_a, b, name_b, why);
	items = a->kind == YNODE_MAPPING ? 2 * a->count : a->count;
	for (size_t i = 0; i < items; i++) {
		size_t end = strlen(path);
		char excerpt[64];
		bool same;

		if (a->kind == YNODE_SEQUENCE)
			ycheck_path_push(path, "/[%zu]", i);
		else if (a->items[i - i % 2]->kind != YNODE_SCALAR)
			ycheck_path_push(path, "/(%s %zu)", i % 2 ? "value" : "key", i / 2);
		else
			ycheck_path_push(path, "/%s%s",
					 ynode_excerpt(a->items[i - i % 2], excerpt,
						       sizeof(excerpt)),
					 i % 2 ? "" : " (the key)");
		same = ycheck_same_tree(a->items[i], name_a, b->items[i], name_b, path, why);
		path[end] = '\0';
		if (!same)
			return false;
	}
	return true;
}

/* What one reader made of an input. */
struct ycheck_read {
	struct ydoc doc;
	struct diag d;
	bool ok;
};

/* Reads the LEN bytes at BUF (named "t.yaml") with READER and LIMITS into R; release R->doc
 * with ydoc_free. The reader is given a copy of exactly LEN bytes, not followed by a NUL, so
 * that AddressSanitizer catches a read past its end; a tree refers to no byte of it. */
static inline void ycheck_parse(struct ycheck_read *r, const char *buf, size_t len,
				const struct ylimits *limits, enum ydoc_reader reader)
{
	char *copy = malloc(len ? len : 1);

	memset(&r->d, 0, sizeof(r->d));
	if (!copy) {
		memset(&r->doc, 0, sizeof(r->doc));
		r->ok = false;
		diag_set(&r->d, "t.yaml", 0, 0, "out of memory in the test");
		return;
	}
	memcpy(copy, buf, len);
	r->ok = ydoc_parse_with(&r->doc, "t.yaml", copy, len, limits, reader, &r->d);
	memset(copy, 0xA5, len);
	free(copy);
}

/* What the promise check found. */
enum ycheck_result {
	YCHECK_ACCEPTED, /* the subset reader gave libyaml's tree */
	YCHECK_DECLINED, /* the subset reader gave no tree; ydoc_parse gave libyaml's result */
	YCHECK_BROKEN,   /* the promise is broken: WHY says how */
};

/* Compares ydoc_parse's result ANY with libyaml's LIB (both read); false with WHY. */
static inline bool ycheck_any_is_libyaml(const struct ycheck_read *any,
					 const struct ycheck_read *lib, char *why)
{
	char path[YCHECK_PATH_MAX] = "";
	char msg_any[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64], msg_lib[sizeof(msg_any)];

	if (any->ok != lib->ok) {
		snprintf(why, YCHECK_WHY_MAX, "ydoc_parse %s, libyaml %s: %s",
			 any->ok ? "succeeds" : "fails", lib->ok ? "succeeds" : "fails",
			 diag_format(any->ok ? &lib->d : &any->d, msg_any, sizeof(msg_any)));
		return false;
	}
	if (any->ok)
		return ycheck_same_tree(any->doc.root, "ydoc_parse", lib->doc.root, "libyaml", path,
					why);
	diag_format(&any->d, msg_any, sizeof(msg_any));
	diag_format(&lib->d, msg_lib, sizeof(msg_lib));
	if (strcmp(msg_any, msg_lib) != 0) {
		snprintf(why, YCHECK_WHY_MAX, "ydoc_parse says \"%.400s\", libyaml \"%.400s\"",
			 msg_any, msg_lib);
		return false;
	}
	return true;
}

/* Checks the promise on the LEN bytes at BUF read within LIMITS; WHY (YCHECK_WHY_MAX bytes)
 * says how it is broken; LIBYAML_OK (when not NULL) gets whether libyaml read it. */
static inline enum ycheck_result ycheck_promise(const char *buf, size_t len,
						const struct ylimits *limits, char *why,
						bool *libyaml_ok)
{
	struct ycheck_read sub, lib, any;
	char path[YCHECK_PATH_MAX] = "";
	enum ycheck_result result = YCHECK_DECLINED;

	why[0] = '\0';
	ycheck_parse(&sub, buf, len, limits, YDOC_READ_SUBSET);
	ycheck_parse(&lib, buf, len, limits, YDOC_READ_LIBYAML);
	ycheck_parse(&any, buf, len, limits, YDOC_READ_ANY);
	if (sub.ok && !lib.ok) {
		char msg[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64];

		snprintf(why, YCHECK_WHY_MAX, "the subset reader gives a tree, libyaml refuses: %s",
			 diag_format(&lib.d, msg, sizeof(msg)));
		result = YCHECK_BROKEN;
	} else if (sub.ok && !ycheck_same_tree(sub.doc.root, "subset", lib.doc.root, "libyaml",
					       path, why)) {
		result = YCHECK_BROKEN;
	} else if (!ycheck_any_is_libyaml(&any, &lib, why)) {
		result = YCHECK_BROKEN;
	} else if (sub.ok) {
		result = YCHECK_ACCEPTED;
	}
	if (libyaml_ok)
		*libyaml_ok = lib.ok;
	ydoc_free(&sub.doc);
	ydoc_free(&lib.doc);
	ydoc_free(&any.doc);
	return result;
}

#endif
