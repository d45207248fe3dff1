/* ynode.c - a YAML document read into a small tree, within limits, with located errors: the
 * file read whole, and the tree built (ybuild.c) by the subset reader (ysubset.c) or from
 * libyaml's events (its getters: ynode_get.c). */
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
#include "text.h"
#include "yamllib.h"
#include "ybuild.h"
#include "yerror.h"
#include "ysubset.h"

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

/* The bytes read at a time: a text's room for them fits its first block of 64 KiB. */
enum { READ_CHUNK = 64 * 1024 - 1 };

/* Reads FD until end of file into a malloc'd buffer of at most MAX bytes. */
static bool read_whole(int fd, const char *path, size_t max, char **buf, size_t *len,
		       struct diag *d)
{
	struct text t = { 0 };

	for (;;) {
		char *room = text_room(&t, READ_CHUNK);
		ssize_t n;

		if (!room) {
			text_free(&t);
			diag_set(d, path, 0, 0, "%s", _("out of memory while reading"));
			return false;
		}
		n = read(fd, room, READ_CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			/* TRANSLATORS: %s is the system's reason, e.g. "Permission denied". */
			diag_set(d, path, 0, 0, _("cannot read: %s"), strerror(errno));
			text_free(&t);
			return false;
		}
		if (n == 0) {
			*buf = t.data;
			*len = t.len;
			return true;
		}
		text_grew(&t, (size_t)n);
		if (t.len > max) {
			text_free(&t);
			return refuse_size(path, max, d);
		}
	}
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

/* ---- the tree from libyaml's events ------------------------------------------------ */

/* Returns libyaml's MARK as the builder's. */
static struct ymark mark_of(yaml_mark_t mark)
{
	return (struct ymark){ .line = mark.line, .column = mark.column };
}

/* Refuses anchors and tags on a node that starts at MARK. */
static bool check_props(struct ybuilder *b, const yaml_char_t *anchor, const yaml_char_t *tag,
			bool scalar, yaml_mark_t mark)
{
	if (anchor)
		return ybuild_fail(b, mark_of(mark),
				   _("anchors (&%s) are not supported: a text that starts with '&' "
				     "needs double quotes"),
				   (const char *)anchor);
	if (tag && !(scalar && strcmp((const char *)tag, STR_TAG) == 0))
		return ybuild_fail(b, mark_of(mark),
				   _("tags (%s) are not supported: a text that starts with '!' "
				     "needs double quotes"),
				   (const char *)tag);
	return true;
}

/* Adds the scalar of EVENT. */
static bool apply_scalar(struct ybuilder *b, const yaml_event_t *ev)
{
	yaml_scalar_style_t style = ev->data.scalar.style;

	return check_props(b, ev->data.scalar.anchor, ev->data.scalar.tag, true,
			   ev->start_mark) &&
	       ybuild_scalar(b, (const char *)ev->data.scalar.value, ev->data.scalar.length,
			     style == YAML_PLAIN_SCALAR_STYLE && !ev->data.scalar.tag,
			     style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
				     style == YAML_DOUBLE_QUOTED_SCALAR_STYLE,
			     mark_of(ev->start_mark));
}

/* Opens a sequence or mapping for the start event EV. */
static bool apply_open(struct ybuilder *b, const yaml_event_t *ev, enum ynode_kind kind)
{
	const yaml_char_t *anchor = kind == YNODE_MAPPING ? ev->data.mapping_start.anchor
							   : ev->data.sequence_start.anchor;
	const yaml_char_t *tag = kind == YNODE_MAPPING ? ev->data.mapping_start.tag
							: ev->data.sequence_start.tag;

	return check_props(b, anchor, tag, false, ev->start_mark) &&
	       ybuild_open(b, kind, mark_of(ev->start_mark));
}

/* Applies one parser event to the tree, counting the DOCUMENTS begun; returns false on an
 * error recorded in the builder's diag. */
static bool apply_event(struct ybuilder *b, size_t *documents, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++*documents > 1)
			return ybuild_fail(b, mark_of(ev->start_mark), "%s",
					   _("a second document; the file must hold exactly one"));
		return true;
	case YAML_ALIAS_EVENT:
		return ybuild_fail(b, mark_of(ev->start_mark),
				   _("aliases (*%s) are not supported: a text that starts with "
				     "'*' needs double quotes"),
				   (const char *)ev->data.alias.anchor);
	case YAML_SCALAR_EVENT:
		return apply_scalar(b, ev);
	case YAML_SEQUENCE_START_EVENT:
		return apply_open(b, ev, YNODE_SEQUENCE);
	case YAML_MAPPING_START_EVENT:
		return apply_open(b, ev, YNODE_MAPPING);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return ybuild_close(b, mark_of(ev->start_mark));
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
 * false at the first error, explained in the builder's diag. */
static bool parse_events(yaml_parser_t *parser, struct ybuilder *b, const char *buf, size_t len)
{
	size_t documents = 0;
	bool ok = true, done = false;

	while (ok && !done) {
		yaml_event_t ev;

		if (!yamllib.parser_parse(parser, &ev)) {
			yerror_explain(parser, b->doc->file, buf, len, b->d);
			return false;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		ok = apply_event(b, &documents, &ev);
		yamllib.event_delete(&ev);
	}
	if (ok && !b->doc->root) {
		diag_set(b->d, b->doc->file, 1, 1, "%s",
			 _("the file is empty; expected a YAML mapping"));
		ok = false;
	}
	return ok;
}

/* Parses the LEN bytes at BUF (the byte order mark skipped) with libyaml into DOC. */
static bool parse_libyaml(struct ydoc *doc, const char *file, const char *buf, size_t len,
			  const struct ylimits *limits, struct diag *d)
{
	struct ybuilder b;
	yaml_parser_t parser;
	bool ok;

	if (!yamllib_load()) {
		diag_set(d, file, 0, 0, "%s", yamllib_problem());
		return false;
	}
	if (!ybuild_start(&b, doc, file, limits, d))
		return false;
	if (!yamllib.parser_initialize(&parser)) {
		ybuild_finish(&b);
		diag_set(d, file, 0, 0, "%s", _("out of memory"));
		return false;
	}
	yamllib.parser_set_input_string(&parser, (const unsigned char *)buf, len);
	/* Fixed to UTF-8, so that a UTF-16 file is refused rather than read. */
	yamllib.parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	ok = parse_events(&parser, &b, buf, len);
	ybuild_finish(&b);
	yamllib.parser_delete(&parser);
	return ok;
}

bool ydoc_parse_with(struct ydoc *doc, const char *file, const char *buf, size_t len,
		     const struct ylimits *limits, enum ydoc_reader reader, struct diag *d)
{
	size_t skip;

	memset(doc, 0, sizeof(*doc));
	doc->file = file;
	if (!input_acceptable(file, buf, len, limits, d))
		return false;
	/* A byte order mark (as Windows Notepad writes) is not part of the text: libyaml would
	 * take it for a character of the first line, so it is skipped here, and lines and columns
	 * are counted from the byte after it. */
	skip = bom_length(buf, len);
	if (reader != YDOC_READ_LIBYAML) {
		if (ysubset_parse(doc, file, buf + skip, len - skip, limits, d))
			return true;
		ydoc_free(doc);
		if (reader == YDOC_READ_SUBSET)
			return false;
	}
	return parse_libyaml(doc, file, buf + skip, len - skip, limits, d);
}

bool ydoc_parse(struct ydoc *doc, const char *file, const char *buf, size_t len,
		const struct ylimits *limits, struct diag *d)
{
	return ydoc_parse_with(doc, file, buf, len, limits, YDOC_READ_ANY, d);
}

void ydoc_free(struct ydoc *doc)
{
	arena_free(doc->arena);
	doc->arena = NULL;
	doc->root = NULL;
}
