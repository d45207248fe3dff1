/* ynode.c - a YAML document read into a small tree, within limits, with located errors: the
 * file read whole, and the tree built from libyaml's events (its getters: ynode_get.c). */
#include "ynode.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "i18n.h"
#include "mem.h"
#include "yamllib.h"
#include "yerror.h"

const struct ylimits ylimits_default = {
	.max_bytes = 16u << 20,
	.max_depth = 64,
	.max_nodes = 2000000,
	.max_scalar = 1u << 20,
};

static const char STR_TAG[] = "tag:yaml.org,2002:str";

/* ---- reading a file ---------------------------------------------------------------- */

/* Records in D that FILE is larger than MAX bytes. */
static bool refuse_size(const char *file, size_t max, struct diag *d)
{
	diag_set(d, file, 0, 0,
		 ngettext("file is larger than the limit of %zu byte",
			  "file is larger than the limit of %zu bytes", max),
		 max);
	return false;
}

/* Reads FD until end of file into a malloc'd buffer of at most MAX bytes. */
static bool read_whole(int fd, const char *path, size_t max, char **buf, size_t *len,
		       struct diag *d)
{
	size_t cap = 64 * 1024, used = 0;
	char *data = mem.malloc(cap + 1);

	while (data) {
		ssize_t n;

		if (used == cap) {
			char *bigger = cap > max ? NULL : mem.realloc(data, cap * 2 + 1);

			if (!bigger)
				break;
			data = bigger;
			cap *= 2;
		}
		n = read(fd, data + used, cap - used);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			/* TRANSLATORS: %s is the system's reason, e.g. "Permission denied". */
			diag_set(d, path, 0, 0, _("cannot read: %s"), strerror(errno));
			mem.free(data);
			return false;
		}
		if (n == 0) {
			data[used] = '\0';
			*buf = data;
			*len = used;
			return true;
		}
		used += (size_t)n;
		if (used > max) {
			mem.free(data);
			return refuse_size(path, max, d);
		}
	}
	mem.free(data);
	diag_set(d, path, 0, 0, "%s", _("out of memory while reading"));
	return false;
}

/* Returns a message for a file that is not a regular file, or NULL for one that is. */
static const char *file_type_problem(const struct stat *st)
{
	if (S_ISREG(st->st_mode))
		return NULL;
	if (S_ISDIR(st->st_mode))
		/* TRANSLATORS: this and the next two follow the file's name: "notes: is a
		 * directory, not a file". */
		return _("is a directory, not a file");
	if (S_ISFIFO(st->st_mode))
		return _("is a pipe (FIFO), not a regular file");
	return _("is not a regular file");
}

bool ydoc_read_file(const char *path, size_t max_bytes, char **buf, size_t *len, struct diag *d)
{
	struct stat st;
	const char *problem;
	bool ok;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);

	if (fd < 0) {
		/* TRANSLATORS: %s is the system's reason, e.g. "No such file or directory". */
		diag_set(d, path, 0, 0, _("cannot open: %s"), strerror(errno));
		return false;
	}
	if (fstat(fd, &st) != 0) {
		diag_set(d, path, 0, 0, _("cannot examine: %s"), strerror(errno));
		close(fd);
		return false;
	}
	problem = file_type_problem(&st);
	if (!problem && (uintmax_t)st.st_size > max_bytes) {
		close(fd);
		return refuse_size(path, max_bytes, d);
	}
	if (problem) {
		diag_set(d, path, 0, 0, "%s", problem);
		close(fd);
		return false;
	}
	ok = read_whole(fd, path, max_bytes, buf, len, d);
	close(fd);
	return ok;
}

/* ---- building the tree -------------------------------------------------------------- */

struct frame {
	struct ynode *node;
	struct ynode **items;
	size_t used, capacity; /* entries in ITEMS (keys and values for a mapping) */
};

struct builder {
	struct ydoc *doc;
	const struct ylimits *limits;
	struct diag *d;
	struct frame *stack;
	size_t depth;
	size_t nodes;
	size_t documents;
};

/* Records an error at MARK. */
static bool builder_fail(struct builder *b, yaml_mark_t mark, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool builder_fail(struct builder *b, yaml_mark_t mark, const char *fmt, ...)
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
static struct ynode *builder_node(struct builder *b, enum ynode_kind kind, yaml_mark_t mark)
{
	struct ynode *node;

	if (++b->nodes > b->limits->max_nodes) {
		builder_fail(b, mark, _("too many nodes (the limit is %zu)"), b->limits->max_nodes);
		return NULL;
	}
	node = arena_alloc(b->doc->arena, sizeof(*node));
	if (!node) {
		builder_fail(b, mark, "%s", _("out of memory"));
		return NULL;
	}
	node->kind = kind;
	node->line = (unsigned)mark.line + 1;
	node->column = (unsigned)mark.column + 1;
	return node;
}

/* Refuses anchors and tags on a node that starts at MARK. */
static bool builder_check_props(struct builder *b, const yaml_char_t *anchor,
				const yaml_char_t *tag, bool scalar, yaml_mark_t mark)
{
	if (anchor)
		return builder_fail(b, mark, _("anchors (&%s) are not supported: a text that "
					       "starts with '&' needs double quotes"),
				    (const char *)anchor);
	if (tag && !(scalar && strcmp((const char *)tag, STR_TAG) == 0))
		return builder_fail(b, mark, _("tags (%s) are not supported: a text that starts "
					       "with '!' needs double quotes"),
				    (const char *)tag);
	return true;
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

/* Refuses a mapping that holds a key twice, pointing at the first repetition in the file. */
static bool builder_check_duplicates(struct builder *b, const struct ynode *map)
{
	const struct ynode *dup = NULL, *first = NULL;
	struct ynode **keys;
	size_t run_start = 0;
	char excerpt[64];

	if (map->count < 2)
		return true;
	keys = mem.malloc(map->count * sizeof(*keys));
	if (!keys) {
		ydoc_error(b->doc, map, b->d, "%s", _("out of memory"));
		return false;
	}
	for (size_t i = 0; i < map->count; i++)
		keys[i] = map->items[2 * i];
	qsort(keys, map->count, sizeof(*keys), key_order);
	for (size_t i = 1; i < map->count; i++) {
		if (!keys_equal(keys[i - 1], keys[i]))
			run_start = i;
		else if (!dup || node_before(keys[i], dup)) {
			dup = keys[i];
			first = keys[run_start];
		}
	}
	mem.free(keys);
	if (!dup)
		return true;
	/* TRANSLATORS: %u:%u is the line and column of the key's first use. */
	ydoc_error(b->doc, dup, b->d, _("duplicate key '%s' (first at %u:%u)"),
		   ynode_excerpt(dup, excerpt, sizeof(excerpt)), first->line, first->column);
	return false;
}

/* Adds NODE as the next child of the innermost open container, or as the root. */
static bool builder_attach(struct builder *b, struct ynode *node, yaml_mark_t mark)
{
	struct frame *f;

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
			return builder_fail(b, mark, "%s", _("out of memory"));
		f->items = items;
		f->capacity = capacity;
	}
	f->items[f->used++] = node;
	return true;
}

/* Checks the scalar of EVENT against the limits and stores it as a node. */
static bool builder_scalar(struct builder *b, const yaml_event_t *ev)
{
	const char *value = (const char *)ev->data.scalar.value;
	size_t length = ev->data.scalar.length;
	struct ynode *node;

	if (!builder_check_props(b, ev->data.scalar.anchor, ev->data.scalar.tag, true,
				 ev->start_mark))
		return false;
	if (length > b->limits->max_scalar)
		return builder_fail(b, ev->start_mark,
				    ngettext("text longer than the limit of %zu byte",
					     "text longer than the limit of %zu bytes",
					     b->limits->max_scalar),
				    b->limits->max_scalar);
	/* Valid UTF-8 already: libyaml's reader refuses any other input, and its scanner any
	 * escape of a surrogate or past U+10FFFF. A NUL can come from an escape ("\0"). */
	if (memchr(value, '\0', length))
		return builder_fail(b, ev->start_mark, "%s",
				    _("text holds a NUL character, which is not allowed"));
	node = builder_node(b, YNODE_SCALAR, ev->start_mark);
	if (!node)
		return false;
	node->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !ev->data.scalar.tag;
	node->quoted = ev->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
		       ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	node->text = arena_strndup(b->doc->arena, value, length);
	node->length = length;
	if (!node->text)
		return builder_fail(b, ev->start_mark, "%s", _("out of memory"));
	return builder_attach(b, node, ev->start_mark);
}

/* Opens a sequence or mapping for the start event EV. */
static bool builder_open(struct builder *b, const yaml_event_t *ev, enum ynode_kind kind)
{
	const yaml_char_t *anchor = kind == YNODE_MAPPING ? ev->data.mapping_start.anchor
							   : ev->data.sequence_start.anchor;
	const yaml_char_t *tag = kind == YNODE_MAPPING ? ev->data.mapping_start.tag
							: ev->data.sequence_start.tag;
	struct ynode *node;

	if (!builder_check_props(b, anchor, tag, false, ev->start_mark))
		return false;
	if (b->depth >= b->limits->max_depth)
		return builder_fail(b, ev->start_mark,
				    ngettext("nesting deeper than the limit of %zu level",
					     "nesting deeper than the limit of %zu levels",
					     b->limits->max_depth),
				    b->limits->max_depth);
	node = builder_node(b, kind, ev->start_mark);
	if (!node)
		return false;
	b->stack[b->depth++] = (struct frame){ .node = node };
	return true;
}

/* Closes the innermost container: moves its children into the arena and attaches it. */
static bool builder_close(struct builder *b, yaml_mark_t mark)
{
	struct frame *f = &b->stack[b->depth - 1];
	struct ynode *node = f->node;

	if (f->used) {
		node->items = arena_alloc(b->doc->arena, f->used * sizeof(*node->items));
		if (!node->items)
			return builder_fail(b, mark, "%s", _("out of memory"));
		memcpy(node->items, f->items, f->used * sizeof(*node->items));
	}
	node->count = node->kind == YNODE_MAPPING ? f->used / 2 : f->used;
	mem.free(f->items);
	f->items = NULL;
	b->depth--;
	if (node->kind == YNODE_MAPPING && !builder_check_duplicates(b, node))
		return false;
	return builder_attach(b, node, mark);
}

/* Applies one parser event to the tree; returns false on an error recorded in D. */
static bool builder_event(struct builder *b, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++b->documents > 1)
			return builder_fail(b, ev->start_mark, "%s",
					    _("a second document; the file must hold exactly one"));
		return true;
	case YAML_ALIAS_EVENT:
		return builder_fail(b, ev->start_mark,
				    _("aliases (*%s) are not supported: a text that starts with '*' "
				      "needs double quotes"),
				    (const char *)ev->data.alias.anchor);
	case YAML_SCALAR_EVENT:
		return builder_scalar(b, ev);
	case YAML_SEQUENCE_START_EVENT:
		return builder_open(b, ev, YNODE_SEQUENCE);
	case YAML_MAPPING_START_EVENT:
		return builder_open(b, ev, YNODE_MAPPING);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return builder_close(b, ev->start_mark);
	default:
		return true;
	}
}

/* Returns the length of the UTF-8 byte order mark that BUF (LEN bytes) starts with, or 0. */
static size_t bom_length(const char *buf, size_t len)
{
	return len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* Refuses, with D, input that is not to be parsed at all: larger than LIMITS allow, or UTF-16. */
static bool input_acceptable(const char *file, const char *buf, size_t len,
			     const struct ylimits *limits, struct diag *d)
{
	if (len > limits->max_bytes)
		return refuse_size(file, limits->max_bytes, d);
	if (yerror_utf16(buf, len)) {
		diag_set(d, file, 1, 1, "%s", yerror_utf16(buf, len));
		return false;
	}
	return true;
}

/* Feeds every event of PARSER (reading the LEN bytes at BUF) to B until the stream ends;
 * false at the first error, explained in D. */
static bool parse_events(yaml_parser_t *parser, struct builder *b, const char *buf, size_t len)
{
	bool ok = true, done = false;

	while (ok && !done) {
		yaml_event_t ev;

		if (!yamllib.parser_parse(parser, &ev)) {
			yerror_explain(parser, b->doc->file, buf, len, b->d);
			return false;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		ok = builder_event(b, &ev);
		yamllib.event_delete(&ev);
	}
	if (ok && !b->doc->root) {
		diag_set(b->d, b->doc->file, 1, 1, "%s",
			 _("the file is empty; expected a YAML mapping"));
		ok = false;
	}
	return ok;
}

/* Releases the stack of B and the children of the containers still open on it. */
static void builder_release(struct builder *b)
{
	for (size_t i = 0; b->stack && i < b->depth; i++)
		mem.free(b->stack[i].items);
	mem.free(b->stack);
}

bool ydoc_parse(struct ydoc *doc, const char *file, const char *buf, size_t len,
		const struct ylimits *limits, struct diag *d)
{
	struct builder b = { .doc = doc, .limits = limits, .d = d };
	yaml_parser_t parser;
	size_t skip;
	bool ok;

	memset(doc, 0, sizeof(*doc));
	doc->file = file;
	if (!input_acceptable(file, buf, len, limits, d))
		return false;
	if (!yamllib_load()) {
		diag_set(d, file, 0, 0, "%s", yamllib_problem());
		return false;
	}
	doc->arena = arena_new();
	b.stack = mem.calloc(limits->max_depth + 1, sizeof(*b.stack));
	if (!doc->arena || !b.stack || !yamllib.parser_initialize(&parser)) {
		builder_release(&b);
		diag_set(d, file, 0, 0, "%s", _("out of memory"));
		return false;
	}
	/* A byte order mark (as Windows Notepad writes) is not part of the text: libyaml would
	 * take it for a character of the first line, so it is skipped here, and lines and columns
	 * are counted from the byte after it. The encoding stays fixed to UTF-8 so that a UTF-16
	 * file is refused rather than read. */
	skip = bom_length(buf, len);
	yamllib.parser_set_input_string(&parser, (const unsigned char *)buf + skip, len - skip);
	yamllib.parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	ok = parse_events(&parser, &b, buf + skip, len - skip);
	builder_release(&b);
	yamllib.parser_delete(&parser);
	return ok;
}

void ydoc_free(struct ydoc *doc)
{
	arena_free(doc->arena);
	doc->arena = NULL;
	doc->root = NULL;
}
