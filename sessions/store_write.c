/* store_write.c - writes a session as a session file (meetlat-session(5)) into memory.
 *
 * Every text a person typed is double-quoted, so that any YAML reader gets back exactly that
 * string (`yes`, `null`, `0123` stay texts); numbers, booleans, dates and ids are plain. Keys
 * the session was read with but this version does not know are written back after the known
 * ones, in their order. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "i18n.h"
#include "mem.h"
#include "store.h"
#include "store_impl.h"
#include "text.h"
#include "utf8.h"
#include "valid.h"
#include "yamllib.h"

/* The emitter and the memory it writes into. OK turns false at the first failure, after
 * which nothing more is emitted; PROBLEM then says what went wrong when libyaml does not. */
struct out {
	yaml_emitter_t e;
	bool ok;
	const char *problem;
	struct text text;
};

/* libyaml's output handler: appends SIZE bytes to the text. */
static int out_write(void *data, unsigned char *bytes, size_t size)
{
	struct out *o = data;

	text_add(&o->text, (const char *)bytes, size);
	if (o->text.failed) {
		o->problem = _("out of memory");
		return 0;
	}
	return 1;
}

/* Hands the event EV, which libyaml INITIALISED or failed to, to the emitter. */
static bool out_event(struct out *o, yaml_event_t *ev, int initialised)
{
	if (!initialised || !yamllib.emitter_emit(&o->e, ev))
		o->ok = false;
	return o->ok;
}

/* Makes *EV the event of a scalar holding the LEN bytes at TEXT (valid UTF-8), plain or
 * double-quoted, as yaml_scalar_event_initialize would, without that function's second
 * check of every byte. The copy of TEXT is the emitter's, which frees it with free(3), so
 * it comes from malloc(3), not from the mem table. Returns 0 when memory is exhausted. */
static int scalar_event(yaml_event_t *ev, const char *text, size_t len, bool plain)
{
	yaml_char_t *value = malloc(len + 1);

	if (!value)
		return 0;
	memcpy(value, text, len);
	value[len] = '\0';
	memset(ev, 0, sizeof(*ev));
	ev->type = YAML_SCALAR_EVENT;
	ev->data.scalar.value = value;
	ev->data.scalar.length = len;
	ev->data.scalar.plain_implicit = plain;
	ev->data.scalar.quoted_implicit = 1;
	ev->data.scalar.style = plain ? YAML_PLAIN_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	return 1;
}

/* Emits the LEN bytes at TEXT as a scalar, plain or double-quoted; refuses invalid UTF-8. */
static bool emit_scalar(struct out *o, const char *text, size_t len, bool plain)
{
	yaml_event_t ev;

	if (o->ok && utf8_invalid_offset(text, len) != len) {
		o->problem = _("a text is not valid UTF-8");
		o->ok = false;
	}
	if (!o->ok)
		return false;
	return out_event(o, &ev, scalar_event(&ev, text, len, plain));
}

/* Emits a text a person typed: double-quoted. */
static bool emit_text(struct out *o, const char *text)
{
	return emit_scalar(o, text, strlen(text), false);
}

/* Emits a number, a boolean, a date or a key: plain. */
static bool emit_plain(struct out *o, const char *text)
{
	return emit_scalar(o, text, strlen(text), true);
}


/* Emits the whole number N. */
static bool emit_number(struct out *o, unsigned long n)
{
	char digits[24];

	snprintf(digits, sizeof(digits), "%lu", n);
	return emit_plain(o, digits);
}

/* Returns true when the identifier ID is written plain: unless a YAML reader would take it
 * for a number, a date, a boolean or null (ids such as "2024", "no" or "on" are possible). */
static bool id_plain(const char *id)
{
	static const char *const typed[] = {
		"y", "n", "yes", "no", "on", "off", "true", "false", "null",
	};
	bool plain = id[0] != '-' && (id[0] < '0' || id[0] > '9');

	for (size_t i = 0; plain && i < sizeof(typed) / sizeof(typed[0]); i++)
		plain = strcmp(id, typed[i]) != 0;
	return plain;
}

/* Emits an identifier plain, unless a YAML reader would take it for a number, a date, a
 * boolean or null (ids such as "2024", "no" or "on" are possible): then double-quoted. */
static bool emit_id(struct out *o, const char *id)
{
	return emit_scalar(o, id, strlen(id), id_plain(id));
}

/* Opens a mapping or a sequence (KIND), in flow style when FLOW. */
static bool emit_start(struct out *o, enum ynode_kind kind, bool flow)
{
	yaml_event_t ev;
	int made;

	if (!o->ok)
		return false;
	if (kind == YNODE_MAPPING)
		made = yamllib.mapping_start_event_initialize(&ev, NULL, NULL, 1,
							   flow ? YAML_FLOW_MAPPING_STYLE
								: YAML_BLOCK_MAPPING_STYLE);
	else
		made = yamllib.sequence_start_event_initialize(&ev, NULL, NULL, 1,
							    flow ? YAML_FLOW_SEQUENCE_STYLE
								 : YAML_BLOCK_SEQUENCE_STYLE);
	return out_event(o, &ev, made);
}

/* Closes the innermost mapping or sequence (KIND). */
static bool emit_end(struct out *o, enum ynode_kind kind)
{
	yaml_event_t ev;

	if (!o->ok)
		return false;
	if (kind == YNODE_MAPPING)
		return out_event(o, &ev, yamllib.mapping_end_event_initialize(&ev));
	return out_event(o, &ev, yamllib.sequence_end_event_initialize(&ev));
}

/* Writes back NODE as it was read: plain scalars plain, quoted ones double-quoted. */
static bool emit_node(struct out *o, const struct ynode *node)
{
	size_t n = node->kind == YNODE_MAPPING ? 2 * node->count : node->count;

	if (node->kind == YNODE_SCALAR)
		return emit_scalar(o, node->text, node->length, node->plain);
	emit_start(o, node->kind, false);
	for (size_t i = 0; i < n && o->ok; i++)
		emit_node(o, node->items[i]);
	return emit_end(o, node->kind);
}

/* Writes back the pairs of ORIGIN (NULL: none) whose keys are not among the N FIELDS. */
static bool emit_unknown(struct out *o, const struct ynode *origin, const struct yfield *fields,
			 size_t n)
{
	for (size_t i = 0; origin && i < origin->count && o->ok; i++) {
		if (yfield_known(fields, n, ynode_key(origin, i)->text))
			continue;
		emit_node(o, ynode_key(origin, i));
		emit_node(o, ynode_value(origin, i));
	}
	return o->ok;
}

/* Returns the top-level mapping S was read from, or NULL. */
static const struct ynode *root_origin(const struct session *s)
{
	return s->origin ? s->origin->root : NULL;
}

/* Returns the `content:` mapping S was read from, or NULL. */
static const struct ynode *content_origin(const struct session *s)
{
	return s->origin ? s->origin->content : NULL;
}

/* Returns the mapping row I of S was read from, or NULL. */
static const struct ynode *score_origin(const struct session *s, size_t i)
{
	const struct store_origin *from = s->origin;

	return from && i < from->n_scores ? from->scores[i] : NULL;
}

/* Returns the mapping action A of S was read from, or NULL. */
static const struct ynode *action_origin(const struct session *s, const struct session_action *a)
{
	const struct store_origin *from = s->origin;

	if (!from || !from->actions || !a->origin || a->origin > from->actions->count)
		return NULL;
	return from->actions->items[a->origin - 1];
}

/* Returns the timing STEP of S's content was read from, or NULL. */
static const struct ynode *timing_origin(const struct session *s, size_t step)
{
	return s->origin ? s->origin->timings[step] : NULL;
}

/* Emits the key of FIELDS[I]: the writer uses the names the reader knows. */
static bool emit_key(struct out *o, const struct yfield *fields, int i)
{
	return emit_plain(o, fields[i].key);
}

/* Writes key FIELDS[I] with the date or number TEXT, plain; nothing when TEXT is empty, so
 * that no YAML reader finds a text where it expects a date or a number. */
static bool emit_typed(struct out *o, const struct yfield *fields, int i, const char *text)
{
	return !text[0] || (emit_key(o, fields, i) && emit_plain(o, text));
}

/* Writes `content: { id, sha256 }`. */
static bool emit_content(struct out *o, const struct session *s)
{
	return emit_key(o, store_fields, SF_CONTENT) && emit_start(o, YNODE_MAPPING, true) &&
	       emit_key(o, store_content_fields, CF_ID) && emit_id(o, s->content_id) &&
	       (!s->content_sha256[0] || (emit_key(o, store_content_fields, CF_SHA256) &&
					  emit_text(o, s->content_sha256))) &&
	       emit_unknown(o, content_origin(s), store_content_fields, CF_COUNT) &&
	       emit_end(o, YNODE_MAPPING);
}

/* Writes top-level key FIELD with the time STAMP, unless STAMP is empty. */
static bool emit_stamp(struct out *o, int field, const char *stamp)
{
	return !stamp[0] || (emit_key(o, store_fields, field) && emit_plain(o, stamp));
}

/* Writes score key FIELD with PHASE, unless PHASE is 0 (not agreed). */
static bool emit_phase(struct out *o, int field, int phase)
{
	return !phase ||
	       (emit_key(o, store_score_fields, field) && emit_number(o, (unsigned long)phase));
}

/* Writes the votes of row SC as a flow list, when it has any. */
static bool emit_votes(struct out *o, const struct session_score *sc)
{
	if (!sc->n_votes)
		return o->ok;
	emit_key(o, store_score_fields, SC_VOTES);
	emit_start(o, YNODE_SEQUENCE, true);
	for (size_t i = 0; i < sc->n_votes && o->ok; i++)
		emit_number(o, (unsigned long)sc->votes[i]);
	return emit_end(o, YNODE_SEQUENCE);
}

/* Returns true when row SC holds something to write (votes, agreed phases, a note, the room
 * shown its votes). */
static bool score_holds(const struct session_score *sc)
{
	return sc->n_votes || sc->current || sc->target || sc->note[0] || sc->revealed;
}

/* Writes row SC, read from the mapping FROM (or NULL), as `id: { votes, current, target,
 * note, revealed }` in block style. */
static bool emit_score(struct out *o, const struct session_score *sc, const struct ynode *from)
{
	return emit_id(o, sc->dimension) && emit_start(o, YNODE_MAPPING, false) &&
	       emit_votes(o, sc) && emit_phase(o, SC_CURRENT, sc->current) &&
	       emit_phase(o, SC_TARGET, sc->target) &&
	       (!sc->note[0] ||
		(emit_key(o, store_score_fields, SC_NOTE) && emit_text(o, sc->note))) &&
	       (!sc->revealed ||
		(emit_key(o, store_score_fields, SC_REVEALED) && emit_plain(o, "true"))) &&
	       emit_unknown(o, from, store_score_fields, SC_COUNT) &&
	       emit_end(o, YNODE_MAPPING);
}

/* Writes `scores:` with every row that holds something (rows kept from the file always). */
static bool emit_scores(struct out *o, const struct session *s)
{
	emit_key(o, store_fields, SF_SCORES);
	emit_start(o, YNODE_MAPPING, false);
	for (size_t i = 0; i < s->n_scores && o->ok; i++) {
		const struct session_score *sc = &s->scores[i];
		const struct ynode *from = score_origin(s, i);

		if (score_holds(sc) || from || !sc->known)
			emit_score(o, sc, from);
	}
	return emit_end(o, YNODE_MAPPING);
}

/* Writes action A of S as a flow mapping. */
static bool emit_action(struct out *o, const struct session *s, const struct session_action *a)
{
	const struct yfield *keys = store_action_fields;

	return emit_start(o, YNODE_MAPPING, true) && emit_key(o, keys, AF_TEXT) &&
	       emit_text(o, a->text) &&
	       (!a->dimension || (emit_key(o, keys, AF_DIMENSION) && emit_id(o, a->dimension))) &&
	       emit_key(o, keys, AF_OWNER) && emit_text(o, a->owner) &&
	       emit_typed(o, keys, AF_DUE, a->due) && emit_key(o, keys, AF_DONE) &&
	       emit_plain(o, a->done ? "true" : "false") &&
	       emit_unknown(o, action_origin(s, a), store_action_fields, AF_COUNT) &&
	       emit_end(o, YNODE_MAPPING);
}

/* Writes the time spent on STEP of S's content as a flow mapping, by the step's id: its
 * seconds less REPEATED, the seconds of its kept second entries, which follow later. */
static bool emit_timing(struct out *o, const struct session *s, size_t step,
			unsigned long repeated)
{
	unsigned long own = s->seconds[step] > repeated ? s->seconds[step] - repeated : 0;

	return emit_start(o, YNODE_MAPPING, true) && emit_key(o, store_timing_fields, TF_STEP) &&
	       emit_text(o, s->content->steps[step].id) &&
	       emit_key(o, store_timing_fields, TF_SECONDS) && emit_number(o, own) &&
	       emit_unknown(o, timing_origin(s, step), store_timing_fields, TF_COUNT) &&
	       emit_end(o, YNODE_MAPPING);
}

/* Writes back the mapping NODE as it was read, as a flow mapping. */
static bool emit_flow_mapping(struct out *o, const struct ynode *node)
{
	emit_start(o, YNODE_MAPPING, true);
	for (size_t i = 0; i < 2 * node->count && o->ok; i++)
		emit_node(o, node->items[i]);
	return emit_end(o, YNODE_MAPPING);
}

/* Returns true when the file S was read from had top-level keys meetlat does not know. */
static bool has_unknown_keys(const struct session *s)
{
	const struct ynode *root = root_origin(s);

	for (size_t i = 0; root && i < root->count; i++)
		if (!yfield_known(store_fields, SF_COUNT, ynode_key(root, i)->text))
			return true;
	return false;
}

/* Emits the top-level keys of S after `timings:` (those meetlat does not know, kept as read),
 * as a block mapping. */
static bool emit_tail(struct out *o, const struct session *s, const void *arg)
{
	(void)arg;
	emit_start(o, YNODE_MAPPING, false);
	emit_unknown(o, root_origin(s), store_fields, SF_COUNT);
	return emit_end(o, YNODE_MAPPING);
}

/* Emits the action ARG of S as a block list of one. */
static bool emit_one_action(struct out *o, const struct session *s, const void *arg)
{
	emit_start(o, YNODE_SEQUENCE, false);
	emit_action(o, s, arg);
	return emit_end(o, YNODE_SEQUENCE);
}

/* Emits, through a new libyaml emitter appending to O's buffer, a stream of one document
 * whose content BODY emits for S (and ARG, the part it writes, when BODY needs one). A block
 * mapping or list at the left margin comes out as the same lines as inside a larger one, so
 * the parts of a session file can be written one after the other. */
static bool emit_stream(struct out *o, const struct session *s, const void *arg,
			bool (*body)(struct out *, const struct session *, const void *))
{
	yaml_event_t ev;

	if (!o->ok)
		return false;
	if (!yamllib_load()) {
		o->problem = yamllib_problem();
		return o->ok = false;
	}
	if (!yamllib.emitter_initialize(&o->e)) {
		o->problem = _("out of memory");
		return o->ok = false;
	}
	yamllib.emitter_set_output(&o->e, out_write, o);
	yamllib.emitter_set_unicode(&o->e, 1);
	yamllib.emitter_set_width(&o->e, -1);
	yamllib.emitter_set_break(&o->e, YAML_LN_BREAK);
	if (!(out_event(o, &ev, yamllib.stream_start_event_initialize(&ev, YAML_UTF8_ENCODING)) &&
	      out_event(o, &ev, yamllib.document_start_event_initialize(&ev, NULL, NULL, NULL, 1)) &&
	      body(o, s, arg) && out_event(o, &ev, yamllib.document_end_event_initialize(&ev, 1)) &&
	      out_event(o, &ev, yamllib.stream_end_event_initialize(&ev))) &&
	    !o->problem)
		o->problem = o->e.problem ? o->e.problem : _("out of memory");
	yamllib.emitter_delete(&o->e);
	return o->ok;
}

bool store_direct_writes = true;

/* ---- the head, the action list and the timings, written directly ----------------------
 *
 * The action list is most of a large session (10,000 actions of 1 KB make 10 MB), and
 * libyaml's emitter costs about 100 instructions for each byte of a scalar (and 48 KB of
 * buffers, and its pages of code, for a small one). So the parts of a session are written
 * here, byte for byte as libyaml writes them, when that is simple: no unknown keys and texts
 * of characters that libyaml writes as they are inside double quotes, or escapes as
 * \" \\ \n. Any other part goes through libyaml (an action or a timing as a list of one). */

/* Returns true when the plain scalar TEXT holds only characters of SET: libyaml writes such
 * a number, date or time stamp as it is. */
static bool plain_of(const char *text, const char *set)
{
	return text[0] && strspn(text, set) == strlen(text);
}

/* Returns true when the pairs of ORIGIN (NULL: none) are all among the N FIELDS. */
static bool all_known(const struct ynode *origin, const struct yfield *fields, size_t n)
{
	for (size_t i = 0; origin && i < origin->count; i++)
		if (!yfield_known(fields, n, ynode_key(origin, i)->text))
			return false;
	return true;
}


/* Returns true when libyaml writes the character CP unescaped inside double quotes, or as
 * \n: its IS_PRINTABLE, less the line breaks, the byte-order mark and what is beyond U+FFFF. */
static bool quoted_as_is(uint32_t cp)
{
	return cp == '\n' || (cp >= 0x20 && cp <= 0x7E) ||
	       (cp >= 0xA0 && cp <= 0xD7FF && cp != 0x2028 && cp != 0x2029) ||
	       (cp >= 0xE000 && cp <= 0xFFFD && cp != 0xFEFF);
}

/* Returns true when TEXT is valid UTF-8 that write_quoted can write as libyaml would. */
static bool quotable(const char *text)
{
	const char *p = text, *end = text + strlen(text);

	while (p < end) {
		uint32_t cp;
		size_t ascii = utf8_ascii_span(p, (size_t)(end - p)); /* most of a text */

		if (ascii) {
			p += ascii;
			continue;
		}
		p += utf8_decode(p, (size_t)(end - p), &cp);
		if (cp == UTF8_INVALID || !quoted_as_is(cp))
			return false; /* through emit_scalar, which refuses invalid UTF-8 */
	}
	return true;
}

/* Appends the LEN bytes at TEXT to O's buffer. */
static bool out_put(struct out *o, const char *text, size_t len)
{
	if (o->ok && !out_write(o, (unsigned char *)text, len))
		o->ok = false;
	return o->ok;
}

/* Appends TEXT (quotable) double-quoted, as libyaml writes it. */
static bool write_quoted(struct out *o, const char *text)
{
	const char *p = text;

	out_put(o, "\"", 1);
	for (;;) {
		size_t run = strcspn(p, "\"\\\n");

		out_put(o, p, run);
		p += run;
		if (!*p)
			break;
		out_put(o, *p == '"' ? "\\\"" : *p == '\\' ? "\\\\" : "\\n", 2);
		p++;
	}
	return out_put(o, "\"", 1);
}

/* Appends ", KEY: " and then TEXT, double-quoted when QUOTED, else as it is. */
static bool write_field(struct out *o, const char *key, const char *text, bool quoted)
{
	out_put(o, ", ", 2);
	out_put(o, key, strlen(key));
	out_put(o, ": ", 2);
	return quoted ? write_quoted(o, text) : out_put(o, text, strlen(text));
}

/* Returns true when action A of S can be written by write_action: no unknown keys to write
 * back, texts that write_quoted writes as libyaml does, a row id that is written plain and a
 * due date of plain characters. */
static bool action_simple(const struct session *s, const struct session_action *a)
{
	if (!store_direct_writes || !all_known(action_origin(s, a), store_action_fields, AF_COUNT))
		return false;
	return quotable(a->text) && quotable(a->owner) &&
	       (!a->dimension || (id_plain(a->dimension) && quotable(a->dimension))) &&
	       (!a->due[0] || (a->due[0] >= '0' && a->due[0] <= '9' &&
			       strspn(a->due, "0123456789-") == strlen(a->due)));
}

/* Writes the simple action A as the line libyaml writes for it in the block list. */
static bool write_action(struct out *o, const struct session_action *a)
{
	const struct yfield *keys = store_action_fields;

	out_put(o, "- {", 3);
	out_put(o, keys[AF_TEXT].key, strlen(keys[AF_TEXT].key));
	out_put(o, ": ", 2);
	write_quoted(o, a->text);
	if (a->dimension)
		write_field(o, keys[AF_DIMENSION].key, a->dimension, false);
	write_field(o, keys[AF_OWNER].key, a->owner, true);
	if (a->due[0])
		write_field(o, keys[AF_DUE].key, a->due, false);
	write_field(o, keys[AF_DONE].key, a->done ? "true" : "false", false);
	return out_put(o, "}\n", 2);
}

/* Returns true when row SC, read from FROM (or NULL), can be written by write_score. */
static bool score_simple(const struct session_score *sc, const struct ynode *from)
{
	return ident_valid(sc->dimension) && quotable(sc->note) &&
	       all_known(from, store_score_fields, SC_COUNT);
}

/* Returns true when the head of S (what comes before `actions:`) can be written by
 * write_head as libyaml writes it: no unknown keys to write back, texts that write_quoted
 * writes as libyaml does, identifiers, dates, numbers and time stamps of the plain forms. */
static bool head_simple(const struct session *s)
{
	static const char stamp_chars[] = "0123456789-+:TZ";

	if (!store_direct_writes || !all_known(root_origin(s), store_fields, SF_COUNT) ||
	    !all_known(content_origin(s), store_content_fields, CF_COUNT) ||
	    !ident_valid(s->content_id) || !quotable(s->content_sha256) ||
	    (s->created[0] && !plain_of(s->created, stamp_chars)) ||
	    (s->updated[0] && !plain_of(s->updated, stamp_chars)) ||
	    !quotable(s->content->steps[s->position].id))
		return false;
	for (int f = 0; f < META_COUNT; f++) {
		const char *v = s->meta[f];

		if (f == META_DATE ? v[0] && !date_valid(v)
		    : f == META_PARTICIPANTS ? v[0] && !plain_of(v, "0123456789") : !quotable(v))
			return false;
	}
	for (size_t i = 0; i < s->n_scores; i++)
		if (!score_simple(&s->scores[i], score_origin(s, i)))
			return false;
	return true;
}

/* Writes "KEY: VALUE\n" at the left margin, or after INDENT spaces; VALUE double-quoted
 * when QUOTED, else as it is. */
static bool write_pair(struct out *o, int indent, const char *key, const char *value,
		       bool quoted)
{
	static const char spaces[] = "    ";

	out_put(o, spaces, (size_t)indent);
	out_put(o, key, strlen(key));
	out_put(o, ": ", 2);
	if (quoted)
		write_quoted(o, value);
	else
		out_put(o, value, strlen(value));
	return out_put(o, "\n", 1);
}

/* Writes the whole number N as the value of KEY, after INDENT spaces. */
static bool write_number_pair(struct out *o, int indent, const char *key, unsigned long n)
{
	char digits[24];

	snprintf(digits, sizeof(digits), "%lu", n);
	return write_pair(o, indent, key, digits, false);
}

/* Writes the simple row SC under `scores:`, as libyaml writes it in block style. */
static bool write_score(struct out *o, const struct session_score *sc)
{
	const struct yfield *keys = store_score_fields;

	out_put(o, "  ", 2);
	id_plain(sc->dimension) ? out_put(o, sc->dimension, strlen(sc->dimension))
				: write_quoted(o, sc->dimension);
	if (!score_holds(sc))
		return out_put(o, ": {}\n", 5);
	out_put(o, ":\n", 2);
	if (sc->n_votes) {
		out_put(o, "    ", 4);
		out_put(o, keys[SC_VOTES].key, strlen(keys[SC_VOTES].key));
		for (size_t i = 0; i < sc->n_votes; i++) {
			char vote[16];

			snprintf(vote, sizeof(vote), "%s%d", i ? ", " : ": [", sc->votes[i]);
			out_put(o, vote, strlen(vote));
		}
		out_put(o, "]\n", 2);
	}
	if (sc->current)
		write_number_pair(o, 4, keys[SC_CURRENT].key, (unsigned long)sc->current);
	if (sc->target)
		write_number_pair(o, 4, keys[SC_TARGET].key, (unsigned long)sc->target);
	if (sc->note[0])
		write_pair(o, 4, keys[SC_NOTE].key, sc->note, true);
	return !sc->revealed || write_pair(o, 4, keys[SC_REVEALED].key, "true", false);
}

/* Writes the head of the simple session S (head_simple) as libyaml writes it (emit_head). */
static bool write_head(struct out *o, const struct session *s)
{
	const char *content_key = store_fields[SF_CONTENT].key, *scores_key;
	bool any = false;

	write_number_pair(o, 0, store_fields[SF_VERSION].key, SESSION_VERSION);
	for (int f = 0; f < META_COUNT; f++) {
		bool typed = f == META_DATE || f == META_PARTICIPANTS;

		if (!typed || s->meta[f][0])
			write_pair(o, 0, store_fields[SF_META + f].key, s->meta[f], !typed);
	}
	out_put(o, content_key, strlen(content_key));
	out_put(o, ": {", 3);
	out_put(o, store_content_fields[CF_ID].key, strlen(store_content_fields[CF_ID].key));
	out_put(o, ": ", 2);
	id_plain(s->content_id) ? out_put(o, s->content_id, strlen(s->content_id))
				: write_quoted(o, s->content_id);
	if (s->content_sha256[0])
		write_field(o, store_content_fields[CF_SHA256].key, s->content_sha256, true);
	out_put(o, "}\n", 2);
	if (s->created[0])
		write_pair(o, 0, store_fields[SF_CREATED].key, s->created, false);
	if (s->updated[0])
		write_pair(o, 0, store_fields[SF_UPDATED].key, s->updated, false);
	write_pair(o, 0, store_fields[SF_POSITION].key, s->content->steps[s->position].id, true);
	if (s->showing != SHOWING_STEP)
		write_pair(o, 0, store_fields[SF_SHOWING].key, store_showing_names[s->showing],
			   false);
	if (s->selected)
		write_pair(o, 0, store_fields[SF_SELECTED].key,
			   s->content->dimensions[s->selected].id, true);
	if (s->scrolled)
		write_number_pair(o, 0, store_fields[SF_SCROLLED].key, s->scrolled);
	scores_key = store_fields[SF_SCORES].key;
	out_put(o, scores_key, strlen(scores_key));
	for (size_t i = 0; i < s->n_scores && o->ok; i++) {
		const struct session_score *sc = &s->scores[i];

		if (!(score_holds(sc) || score_origin(s, i) || !sc->known))
			continue;
		if (!any)
			out_put(o, ":\n", 2);
		any = true;
		write_score(o, sc);
	}
	return any ? o->ok : out_put(o, ": {}\n", 5);
}

/* Writes the action A of S through libyaml, as a list of one in a stream of its own: the
 * same line as in the whole document, the list being a block list at the left margin. */
static bool emit_action_alone(struct out *o, const struct session *s,
			      const struct session_action *a)
{
	return emit_stream(o, s, a, emit_one_action);
}

/* Writes `actions:` as a block list at the left margin, each action directly or through
 * libyaml (emit_action_alone). */
static bool write_actions(struct out *o, const struct session *s)
{
	const char *key = store_fields[SF_ACTIONS].key;

	out_put(o, key, strlen(key));
	if (!s->n_actions)
		return out_put(o, ": []\n", 5);
	out_put(o, ":\n", 2);
	for (size_t i = 0; i < s->n_actions && o->ok; i++) {
		const struct session_action *a = &s->actions[i];

		if (action_simple(s, a))
			write_action(o, a);
		else
			emit_action_alone(o, s, a);
	}
	return o->ok;
}

/* The timing of one step, as emit_one_timing writes it. */
struct timing_item {
	size_t step;
	unsigned long repeated; /* the seconds of its kept second entries */
};

/* Emits the timing ARG (a struct timing_item) of S as a block list of one. */
static bool emit_one_timing(struct out *o, const struct session *s, const void *arg)
{
	const struct timing_item *t = arg;

	emit_start(o, YNODE_SEQUENCE, false);
	emit_timing(o, s, t->step, t->repeated);
	return emit_end(o, YNODE_SEQUENCE);
}

/* Emits the kept timing ARG (a struct store_kept_timing) as a block list of one. */
static bool emit_one_kept_timing(struct out *o, const struct session *s, const void *arg)
{
	const struct store_kept_timing *kept = arg;

	(void)s;
	emit_start(o, YNODE_SEQUENCE, false);
	emit_flow_mapping(o, kept->node);
	return emit_end(o, YNODE_SEQUENCE);
}

/* Returns the lines of the kept timings of ORIGIN (timings of steps the content does not have,
 * or second entries), as libyaml writes them in the list, made through libyaml on the first
 * save and kept in ORIGIN: they never change, and 10,000 of them cost 65 M instructions. NULL
 * with O's problem when memory is exhausted. */
static const char *kept_timings_text(struct out *o, const struct session *s,
				     struct store_origin *origin)
{
	struct out kept = { .ok = true };

	if (origin->kept_text)
		return origin->kept_text;
	for (size_t i = 0; i < origin->n_kept_timings && kept.ok; i++)
		emit_stream(&kept, s, &origin->kept_timings[i], emit_one_kept_timing);
	if (!kept.ok || !out_put(&kept, "", 0)) {
		o->problem = kept.problem ? kept.problem : _("out of memory");
		o->ok = false;
		text_free(&kept.text);
		return NULL;
	}
	origin->kept_text = kept.text.data;
	origin->kept_len = kept.text.len;
	return origin->kept_text;
}

/* Returns true when the timing of STEP of S can be written by write_timing: no unknown keys
 * to write back, a step id that write_quoted writes as libyaml does. */
static bool timing_simple(const struct session *s, size_t step)
{
	return store_direct_writes && quotable(s->content->steps[step].id) &&
	       all_known(timing_origin(s, step), store_timing_fields, TF_COUNT);
}

/* Writes the simple timing T of S as the line libyaml writes for it in the block list. */
static bool write_timing(struct out *o, const struct session *s, const struct timing_item *t)
{
	unsigned long own = s->seconds[t->step] > t->repeated ? s->seconds[t->step] - t->repeated
							      : 0;
	const char *key = store_timing_fields[TF_STEP].key;
	char seconds[24];

	snprintf(seconds, sizeof(seconds), "%lu", own);
	out_put(o, "- {", 3);
	out_put(o, key, strlen(key));
	out_put(o, ": ", 2);
	write_quoted(o, s->content->steps[t->step].id);
	write_field(o, store_timing_fields[TF_SECONDS].key, seconds, false);
	return out_put(o, "}\n", 2);
}

/* Writes `timings:` as a block list at the left margin: the steps of the content that took
 * time (or were read with a timing), in agenda order, then the kept timings as they were
 * read. */
static bool write_timings(struct out *o, const struct session *s)
{
	const char *key = store_fields[SF_TIMINGS].key;
	unsigned long *repeated = mem.calloc(s->n_seconds ? s->n_seconds : 1, sizeof(*repeated));
	struct store_origin *origin = s->origin;
	size_t n_kept = origin ? origin->n_kept_timings : 0, written = 0;

	if (!repeated) {
		o->problem = _("out of memory");
		return o->ok = false;
	}
	for (size_t i = 0; i < n_kept; i++)
		if (origin->kept_timings[i].step >= 0)
			repeated[origin->kept_timings[i].step] += origin->kept_timings[i].seconds;
	out_put(o, key, strlen(key));
	for (size_t i = 0; i < s->n_seconds && o->ok; i++) {
		struct timing_item t = { i, repeated[i] };

		if (!s->seconds[i] && !timing_origin(s, i))
			continue;
		if (!written++)
			out_put(o, ":\n", 2);
		if (timing_simple(s, i))
			write_timing(o, s, &t);
		else
			emit_stream(o, s, &t, emit_one_timing);
	}
	mem.free(repeated);
	if (!n_kept)
		return written ? o->ok : out_put(o, ": []\n", 5);
	if (!written)
		out_put(o, ":\n", 2);
	return kept_timings_text(o, s, origin) && out_put(o, origin->kept_text, origin->kept_len);
}

/* ---- the baseline and last time's actions, after the timings --------------------------- */

/* Returns the mapping follow-up F of S was read from, or NULL. */
static const struct ynode *followup_origin(const struct session *s,
					   const struct session_followup *f)
{
	const struct store_origin *from = s->origin;

	if (!from || !from->followups || !f->origin || f->origin > from->followups->count)
		return NULL;
	return from->followups->items[f->origin - 1];
}

/* Returns the `baseline:` mapping S was read from, or NULL. */
static const struct ynode *baseline_origin(const struct session *s)
{
	return s->origin ? s->origin->baseline : NULL;
}

/* Returns how many follow-ups of S are decided (only those are written). */
static size_t followups_decided(const struct session *s)
{
	return s->n_followups - session_followups_open(s);
}

/* Returns the place in `actions:` (from 1) of the action of S that carries follow-up F
 * over, or 0 when none does (not carried, or that action was deleted since). */
static size_t carried_position(const struct session *s, const struct session_followup *f)
{
	long i = f->outcome == FOLLOWUP_CARRIED && f->carried_by
			 ? session_action_find(s, f->carried_by) : -1;

	return (size_t)(i + 1);
}

/* Emits follow-up F of S as a flow mapping. */
static bool emit_followup(struct out *o, const struct session *s,
			  const struct session_followup *f)
{
	const struct yfield *keys = store_followup_fields;

	return emit_start(o, YNODE_MAPPING, true) && emit_key(o, keys, FU_TEXT) &&
	       emit_text(o, f->text) &&
	       (!f->dimension || (emit_key(o, keys, FU_DIMENSION) && emit_id(o, f->dimension))) &&
	       emit_key(o, keys, FU_OWNER) && emit_text(o, f->owner) &&
	       emit_typed(o, keys, FU_DUE, f->due) && emit_key(o, keys, FU_OUTCOME) &&
	       emit_plain(o, followup_outcome_key(f->outcome)) &&
	       (!carried_position(s, f) ||
		(emit_key(o, keys, FU_ACTION) && emit_number(o, carried_position(s, f)))) &&
	       emit_unknown(o, followup_origin(s, f), store_followup_fields, FU_COUNT) &&
	       emit_end(o, YNODE_MAPPING);
}

/* Emits `baseline:` and `followed_up:` of S (each when it has one) as a block mapping. */
static bool emit_follow(struct out *o, const struct session *s, const void *arg)
{
	const struct session_baseline *b = s->baseline;

	(void)arg;
	emit_start(o, YNODE_MAPPING, false);
	if (b) {
		emit_key(o, store_fields, SF_BASELINE);
		emit_start(o, YNODE_MAPPING, true);
		emit_key(o, store_baseline_fields, BF_PATH);
		emit_text(o, b->path);
		if (b->sha256[0]) {
			emit_key(o, store_baseline_fields, BF_SHA256);
			emit_text(o, b->sha256);
		}
		emit_unknown(o, baseline_origin(s), store_baseline_fields, BF_COUNT);
		emit_end(o, YNODE_MAPPING);
	}
	if (followups_decided(s)) {
		emit_key(o, store_fields, SF_FOLLOWED_UP);
		emit_start(o, YNODE_SEQUENCE, false);
		for (size_t i = 0; i < s->n_followups && o->ok; i++)
			if (s->followups[i].outcome != FOLLOWUP_OPEN)
				emit_followup(o, s, &s->followups[i]);
		emit_end(o, YNODE_SEQUENCE);
	}
	return emit_end(o, YNODE_MAPPING);
}

/* Returns true when follow-up F of S can be written directly (as action_simple). */
static bool followup_simple(const struct session *s, const struct session_followup *f)
{
	return all_known(followup_origin(s, f), store_followup_fields, FU_COUNT) &&
	       quotable(f->text) && quotable(f->owner) &&
	       (!f->dimension || (id_plain(f->dimension) && quotable(f->dimension))) &&
	       (!f->due[0] || (f->due[0] >= '0' && f->due[0] <= '9' &&
			       strspn(f->due, "0123456789-") == strlen(f->due)));
}

/* Returns true when the baseline and follow-ups of S can be written directly, byte for byte
 * as emit_follow writes them. */
static bool follow_simple(const struct session *s)
{
	if (!store_direct_writes ||
	    (s->baseline && (!quotable(s->baseline->path) || !quotable(s->baseline->sha256) ||
			     !all_known(baseline_origin(s), store_baseline_fields, BF_COUNT))))
		return false;
	for (size_t i = 0; i < s->n_followups; i++)
		if (s->followups[i].outcome != FOLLOWUP_OPEN &&
		    !followup_simple(s, &s->followups[i]))
			return false;
	return true;
}

/* Writes the simple follow-up F of S as the line libyaml writes for it in the block list. */
static bool write_followup(struct out *o, const struct session *s,
			   const struct session_followup *f)
{
	const struct yfield *keys = store_followup_fields;
	size_t carrier = carried_position(s, f);
	char digits[24];

	out_put(o, "- {", 3);
	out_put(o, keys[FU_TEXT].key, strlen(keys[FU_TEXT].key));
	out_put(o, ": ", 2);
	write_quoted(o, f->text);
	if (f->dimension)
		write_field(o, keys[FU_DIMENSION].key, f->dimension, false);
	write_field(o, keys[FU_OWNER].key, f->owner, true);
	if (f->due[0])
		write_field(o, keys[FU_DUE].key, f->due, false);
	write_field(o, keys[FU_OUTCOME].key, followup_outcome_key(f->outcome), false);
	if (carrier) {
		snprintf(digits, sizeof(digits), "%zu", carrier);
		write_field(o, keys[FU_ACTION].key, digits, false);
	}
	return out_put(o, "}\n", 2);
}

/* Writes `baseline:` and `followed_up:` of S, directly when follow_simple, else through
 * libyaml (emit_follow); nothing when S has neither. */
static bool write_follow(struct out *o, const struct session *s)
{
	const struct session_baseline *b = s->baseline;
	const char *key;

	if (!b && !followups_decided(s))
		return o->ok;
	if (!follow_simple(s))
		return emit_stream(o, s, NULL, emit_follow);
	if (b) {
		key = store_fields[SF_BASELINE].key;
		out_put(o, key, strlen(key));
		out_put(o, ": {", 3);
		out_put(o, store_baseline_fields[BF_PATH].key,
			strlen(store_baseline_fields[BF_PATH].key));
		out_put(o, ": ", 2);
		write_quoted(o, b->path);
		if (b->sha256[0])
			write_field(o, store_baseline_fields[BF_SHA256].key, b->sha256, true);
		out_put(o, "}\n", 2);
	}
	if (!followups_decided(s))
		return o->ok;
	key = store_fields[SF_FOLLOWED_UP].key;
	out_put(o, key, strlen(key));
	out_put(o, ":\n", 2);
	for (size_t i = 0; i < s->n_followups && o->ok; i++)
		if (s->followups[i].outcome != FOLLOWUP_OPEN)
			write_followup(o, s, &s->followups[i]);
	return o->ok;
}

/* Emits the top-level keys of S before `actions:`, as a block mapping. */
static bool emit_head(struct out *o, const struct session *s, const void *arg)
{
	(void)arg;
	emit_start(o, YNODE_MAPPING, false);
	emit_key(o, store_fields, SF_VERSION);
	emit_number(o, SESSION_VERSION);
	for (int f = 0; f < META_COUNT && o->ok; f++) {
		if (f == META_DATE || f == META_PARTICIPANTS) {
			emit_typed(o, store_fields, SF_META + f, s->meta[f]);
			continue;
		}
		emit_key(o, store_fields, SF_META + f);
		emit_text(o, s->meta[f]);
	}
	emit_content(o, s);
	emit_stamp(o, SF_CREATED, s->created);
	emit_stamp(o, SF_UPDATED, s->updated);
	emit_key(o, store_fields, SF_POSITION);
	emit_text(o, s->content->steps[s->position].id);
	if (s->showing != SHOWING_STEP) {
		emit_key(o, store_fields, SF_SHOWING);
		emit_plain(o, store_showing_names[s->showing]);
	}
	if (s->selected) {
		emit_key(o, store_fields, SF_SELECTED);
		emit_text(o, s->content->dimensions[s->selected].id);
	}
	if (s->scrolled) {
		emit_key(o, store_fields, SF_SCROLLED);
		emit_number(o, s->scrolled);
	}
	emit_scores(o, s);
	return emit_end(o, YNODE_MAPPING);
}

bool store_emit(const struct session *s, char **buf, size_t *len, struct diag *d)
{
	struct out o = { .ok = true };

	if (!(head_simple(s) ? write_head(&o, s) : emit_stream(&o, s, NULL, emit_head)) ||
	    !write_actions(&o, s) ||
	    !write_timings(&o, s) || !write_follow(&o, s) || (has_unknown_keys(s) && !emit_stream(&o, s, NULL, emit_tail))) {
		diag_set(d, "", 0, 0, _("cannot write the session: %s"),
			 o.problem ? o.problem : _("out of memory"));
		text_free(&o.text);
		return false;
	}
	*buf = o.text.data;
	*len = o.text.len;
	return true;
}
