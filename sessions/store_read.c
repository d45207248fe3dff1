/* store_read.c - reads a session file (meetlat-session(5)) into a struct session.
 *
 * Values go in through the operations of session.c, so that a file is held to the same rules
 * as the keys a facilitator presses; a refusal becomes an error at the offending node. The
 * session keeps the parsed document in its origin (store_impl.h), so that keys this version
 * does not know are written back. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "i18n.h"
#include "mem.h"
#include "store.h"
#include "store_impl.h"
#include "store_scan.h"
#include "valid.h"

const struct yfield store_fields[SF_COUNT] = {
	[SF_VERSION] = { "meetlat_session", true },
	[SF_META + META_TITLE] = { "title", true },
	[SF_META + META_ORGANISATION] = { "organisation", false },
	[SF_META + META_GROUP] = { "group", false },
	[SF_META + META_FACILITATOR] = { "facilitator", false },
	[SF_META + META_DATE] = { "date", false },
	[SF_META + META_PARTICIPANTS] = { "participants", false },
	[SF_CONTENT] = { "content", true },
	[SF_CREATED] = { "created", false },
	[SF_UPDATED] = { "updated", false },
	[SF_POSITION] = { "position", false },
	[SF_SHOWING] = { "showing", false },
	[SF_SELECTED] = { "selected", false },
	[SF_SCROLLED] = { "scrolled", false },
	[SF_SCORES] = { "scores", false },
	[SF_ACTIONS] = { "actions", false },
	[SF_TIMINGS] = { "timings", false },
	[SF_BASELINE] = { "baseline", false },
	[SF_FOLLOWED_UP] = { "followed_up", false },
};

const struct yfield store_baseline_fields[BF_COUNT] = {
	[BF_PATH] = { "path", true },
	[BF_SHA256] = { "sha256", false },
};

const struct yfield store_followup_fields[FU_COUNT] = {
	[FU_TEXT] = { "text", true },	  [FU_DIMENSION] = { "dimension", false },
	[FU_OWNER] = { "owner", false }, [FU_DUE] = { "due", false },
	[FU_OUTCOME] = { "outcome", true }, [FU_ACTION] = { "action", false },
};

const struct yfield store_content_fields[CF_COUNT] = {
	[CF_ID] = { "id", true },
	[CF_SHA256] = { "sha256", false },
};

const struct yfield store_score_fields[SC_COUNT] = {
	[SC_VOTES] = { "votes", false },
	[SC_CURRENT] = { "current", false },
	[SC_TARGET] = { "target", false },
	[SC_NOTE] = { "note", false },
	[SC_REVEALED] = { "revealed", false },
};

const char *const store_showing_names[SHOWING_SUMMARY + 1] = {
	[SHOWING_STEP] = "step",
	[SHOWING_SUMMARY] = "summary",
};

const struct yfield store_action_fields[AF_COUNT] = {
	[AF_TEXT] = { "text", true },	 [AF_DIMENSION] = { "dimension", false },
	[AF_OWNER] = { "owner", false }, [AF_DUE] = { "due", false },
	[AF_DONE] = { "done", false },
};

const struct yfield store_timing_fields[TF_COUNT] = {
	[TF_STEP] = { "step", true },
	[TF_SECONDS] = { "seconds", true },
};

/* Returns a malloc'd string made from FMT and AP, or NULL. */
static char *format_text(const char *fmt, va_list ap)
{
	va_list again;
	char *text;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (n < 0)
		return NULL;
	text = mem.malloc((size_t)n + 1);
	if (text)
		vsnprintf(text, (size_t)n + 1, fmt, ap);
	return text;
}

char *store_printf(const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = format_text(fmt, ap);
	va_end(ap);
	return text;
}

/* Adds the warning made from FMT and AP to S->warnings; false when memory is exhausted. */
static bool warn_list(struct session *s, const char *fmt, va_list ap)
{
	char **more = mem.realloc(s->warnings, (s->n_warnings + 1) * sizeof(*more));

	if (!more)
		return false;
	s->warnings = more;
	more[s->n_warnings] = format_text(fmt, ap);
	if (!more[s->n_warnings])
		return false;
	s->n_warnings++;
	return true;
}

bool store_warn(struct session *s, const char *fmt, ...)
{
	va_list ap;
	bool ok;

	va_start(ap, fmt);
	ok = warn_list(s, fmt, ap);
	va_end(ap);
	return ok;
}

/* What reading the agenda's steps found: whether old step numbers can be trusted (the file
 * names the very content, so its agenda is the one they count), the timings not placed,
 * and whether the position could not be kept. */
struct placing {
	bool numbers_trusted;
	bool numbers_seen; /* a step number that could not be trusted was read */
	size_t unplaced;
	bool moved;
};

struct reader {
	const struct store_words *words;
	const struct ydoc *doc;
	const struct content *c;
	struct session *s;
	struct store_origin *o; /* S's origin */
	struct diag *d;
	unsigned flags; /* STORE_ANY_CONTENT */
	struct placing *p;
};

/* Records that memory ran out; returns false. */
static bool exhausted(const struct reader *r)
{
	diag_set(r->d, r->doc->file, 0, 0, "%s", _("out of memory"));
	return false;
}

/* Reports at NODE that an operation refused the value given for WHAT, for the reason WHY. */
static bool refused(const struct reader *r, const struct ynode *node, const char *what,
		    const char *why)
{
	/* TRANSLATORS: "invalid vote: no such phase"; the first %s is a key of the file in
	 * quotes ('title', 'note', ...) or one of "vote", "action", "owner of an action",
	 * "timing"; the second says why. */
	ydoc_error(r->doc, node, r->d, _("invalid %s: %s"), what, why);
	return false;
}

/* Adds a warning made from FMT to the session; false (reported) when memory is exhausted. */
static bool reader_warn(const struct reader *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static bool reader_warn(const struct reader *r, const char *fmt, ...)
{
	va_list ap;
	bool ok;

	va_start(ap, fmt);
	ok = warn_list(r->s, fmt, ap);
	va_end(ap);
	return ok || exhausted(r);
}

/* What a text field must hold when it is not empty. */
enum field_kind { FIELD_TEXT, FIELD_DATE, FIELD_IDENT, FIELD_PARTICIPANTS };

/* Stores in *OUT the text at NODE (absent: ""); when not empty it must be of KIND: any text,
 * a date, an identifier, or a number of participants (0-9999). */
static bool read_field(const struct reader *r, const struct ynode *node, const char *what,
		       enum field_kind kind, const char **out)
{
	long number;

	*out = "";
	if (!node)
		return true;
	if (!ynode_text(r->doc, node, what, out, r->d))
		return false;
	if (!node->length || kind == FIELD_TEXT)
		return true;
	if (kind == FIELD_DATE)
		return ynode_date(r->doc, node, what, out, r->d);
	if (kind == FIELD_IDENT)
		return ynode_ident(r->doc, node, what, out, r->d);
	return ynode_number(r->doc, node, what, 0, 9999, &number, r->d);
}

/* Reads metadata field F from NODE (absent: empty) through session_set_meta. */
static bool read_meta(const struct reader *r, const struct ynode *node, enum session_meta f)
{
	enum field_kind kind = FIELD_TEXT;
	const char *text, *why, *what = r->words->meta[f];

	if (f == META_DATE)
		kind = FIELD_DATE;
	else if (f == META_PARTICIPANTS)
		kind = FIELD_PARTICIPANTS;
	if (!read_field(r, node, what, kind, &text))
		return false;
	if (!session_set_meta(r->s, f, text, &why))
		return refused(r, node, what, why);
	return true;
}

/* Accepts the session scored against the content ID, not this one, when the caller allows
 * it: from now on it is this content's (written on the next save), with a warning. */
static bool read_other_content(const struct reader *r, const struct ynode *at, const char *id)
{
	if (!(r->flags & STORE_ANY_CONTENT)) {
		ydoc_error(r->doc, at, r->d,
			   _("this session was scored against the content '%s', not '%s' "
			     "(open it with -c and that content file)"),
			   id, r->c->id);
		return false;
	}
	r->s->other_content_id = store_printf("%s", id);
	if (!r->s->other_content_id)
		return exhausted(r);
	return reader_warn(r,
			   _("this session was scored against the content '%s', not '%s': what "
			     "'%s' does not have is kept in the file but not shown"),
			   id, r->c->id, r->c->id);
}

/* Reads `content: { id, sha256 }`: a session scored against another content is refused
 * unless the caller allows it; one whose content changed since is accepted with a warning. */
static bool read_content(const struct reader *r, const struct ynode *node)
{
	const struct ynode *v[CF_COUNT];
	const char *id, *sha = "";
	char excerpt[64];

	if (!ynode_fields(r->doc, node, "'content'", store_content_fields, CF_COUNT, true, v,
			  r->d) ||
	    !ynode_ident(r->doc, v[CF_ID], r->words->content_id, &id, r->d) ||
	    (v[CF_SHA256] && !ynode_text(r->doc, v[CF_SHA256], "'sha256'", &sha, r->d)))
		return false;
	if (v[CF_SHA256] && !sha256_hex_valid(sha)) {
		ydoc_error(r->doc, v[CF_SHA256], r->d,
			   _("expected 64 hexadecimal digits for 'sha256', found '%s'"),
			   ynode_excerpt(v[CF_SHA256], excerpt, sizeof(excerpt)));
		return false;
	}
	r->o->content = node;
	if (strcmp(id, r->c->id) != 0)
		return read_other_content(r, v[CF_ID], id);
	memcpy(r->s->content_sha256, sha, strlen(sha) + 1);
	r->p->numbers_trusted = strcmp(sha, r->c->sha256) == 0;
	if (sha[0] && strcmp(sha, r->c->sha256) != 0)
		return reader_warn(r, "%s",
				   _("the content has changed since this session was scored (its "
				     "sha256 differs): check the scores against the new text"));
	return true;
}

/* Returns the number written by the two digits at TEXT when it is at most MAX, else -1. */
static int two_digits(const char *text, int max)
{
	int n;

	if (text[0] < '0' || text[0] > '9' || text[1] < '0' || text[1] > '9')
		return -1;
	n = (text[0] - '0') * 10 + (text[1] - '0');
	return n <= max ? n : -1;
}

/* Returns true for a moment as session_timestamp writes it: a date that exists, 'T', a time
 * of day (00:00:00 to 23:59:59) and its offset from UTC, 'Z' or +HH:MM / -HH:MM (hours to 23,
 * minutes to 59), e.g. 2026-11-26T14:03:00+01:00. */
static bool stamp_valid(const char *text)
{
	size_t len = strlen(text);
	char date[11];

	if ((len != 20 && len != 25) || text[10] != 'T' || text[13] != ':' || text[16] != ':')
		return false;
	memcpy(date, text, 10);
	date[10] = '\0';
	if (!date_valid(date) || two_digits(text + 11, 23) < 0 || two_digits(text + 14, 59) < 0 ||
	    two_digits(text + 17, 59) < 0)
		return false;
	if (len == 20)
		return text[19] == 'Z';
	return (text[19] == '+' || text[19] == '-') && two_digits(text + 20, 23) >= 0 &&
	       text[22] == ':' && two_digits(text + 23, 59) >= 0;
}

/* Reads the time stamp at NODE (absent: empty) into STAMP, 32 bytes. */
static bool read_stamp(const struct reader *r, const struct ynode *node, const char *what,
		       char *stamp)
{
	char excerpt[64];

	stamp[0] = '\0';
	if (!node)
		return true;
	if (node->kind == YNODE_SCALAR && stamp_valid(node->text)) {
		memcpy(stamp, node->text, node->length + 1);
		return true;
	}
	/* TRANSLATORS: %s is the key ('created' or 'updated'), then what the file holds. */
	ydoc_error(r->doc, node, r->d,
		   _("expected a time written YYYY-MM-DDTHH:MM:SS+HH:MM for %s, found '%s'"), what,
		   ynode_excerpt(node, excerpt, sizeof(excerpt)));
	return false;
}

/* Adds a row for ID, which the content does not have, after the others, with a warning;
 * returns its index, or -1 when memory is exhausted (reported). */
static long keep_row(const struct reader *r, const char *id)
{
	struct session *s = r->s;
	struct session_score *more = mem.realloc(s->scores, (s->n_scores + 1) * sizeof(*more));
	struct session_score *sc;

	if (!more) {
		exhausted(r);
		return -1;
	}
	s->scores = more;
	sc = memset(&more[s->n_scores++], 0, sizeof(*sc));
	sc->dimension = store_printf("%s", id);
	sc->note = store_printf("%s", "");
	if (!sc->dimension || !sc->note) {
		exhausted(r);
		return -1;
	}
	if (!reader_warn(r, _("scores for '%s' kept: the content has no such row"), id))
		return -1;
	return (long)s->n_scores - 1;
}

/* Reads the list of votes at NODE into row ROW. */
static bool read_votes(const struct reader *r, const struct ynode *node, size_t row)
{
	const char *why;
	long phase;

	if (!node)
		return true;
	if (!ynode_expect(r->doc, node, YNODE_SEQUENCE, "'votes'", r->d))
		return false;
	for (size_t i = 0; i < node->count; i++) {
		if (!ynode_number(r->doc, node->items[i], r->words->vote, 1, (long)r->c->n_phases,
				  &phase, r->d))
			return false;
		if (!session_vote_add(r->s, r->c, row, (int)phase, &why))
			return refused(r, node->items[i], _("vote"), why);
	}
	return true;
}

/* session_set_current or session_set_target. */
typedef bool phase_setter(struct session *s, const struct content *c, size_t dim, int phase,
			  const char **why);

/* Reads an agreed phase (0: none) at NODE for row ROW with SET. */
static bool read_agreed(const struct reader *r, const struct ynode *node, size_t row,
			const char *what, phase_setter *set)
{
	const char *why;
	long phase;

	if (!node)
		return true;
	if (!ynode_number(r->doc, node, what, 0, (long)r->c->n_phases, &phase, r->d))
		return false;
	if (!set(r->s, r->c, row, (int)phase, &why))
		return refused(r, node, what, why);
	return true;
}

/* Reads the note at NODE for row ROW. */
static bool read_note(const struct reader *r, const struct ynode *node, size_t row)
{
	const char *text, *why;

	if (!node)
		return true;
	if (!ynode_text(r->doc, node, "'note'", &text, r->d))
		return false;
	if (!session_set_note(r->s, row, text, &why))
		return refused(r, node, "'note'", why);
	return true;
}

/* Reads whether the room was shown the votes of row ROW at NODE (absent: not). */
static bool read_revealed(const struct reader *r, const struct ynode *node, size_t row)
{
	bool revealed = false;
	const char *why;

	if (!node)
		return true;
	if (!ynode_bool(r->doc, node, "'revealed'", &revealed, r->d))
		return false;
	if (!session_set_revealed(r->s, row, revealed, &why))
		return refused(r, node, "'revealed'", why);
	return true;
}

/* Reads the mapping NODE into row ROW. A row the content does not have is filled as if it
 * had it, so that the same operations check it, and is marked unknown again afterwards. */
static bool read_score(const struct reader *r, const struct ynode *node, size_t row)
{
	const struct ynode *v[SC_COUNT];
	bool known = r->s->scores[row].known, ok;

	if (!ynode_fields(r->doc, node, r->words->row, store_score_fields, SC_COUNT, true, v,
			  r->d))
		return false;
	r->o->scores[row] = node;
	r->s->scores[row].known = true;
	ok = read_votes(r, v[SC_VOTES], row) &&
	     read_agreed(r, v[SC_CURRENT], row, "'current'", session_set_current) &&
	     read_agreed(r, v[SC_TARGET], row, "'target'", session_set_target) &&
	     read_note(r, v[SC_NOTE], row) && read_revealed(r, v[SC_REVEALED], row);
	r->s->scores[row].known = known;
	return ok;
}

/* Reads the `scores` mapping: row id -> votes, current, target, note. */
static bool read_scores(const struct reader *r, const struct ynode *node)
{
	if (!node)
		return true;
	if (!ynode_expect(r->doc, node, YNODE_MAPPING, "'scores'", r->d))
		return false;
	/* Each pair is a row of the content or one more row kept after them. */
	r->o->n_scores = r->c->n_dimensions + node->count;
	r->o->scores = mem.calloc(r->o->n_scores ? r->o->n_scores : 1, sizeof(*r->o->scores));
	if (!r->o->scores)
		return exhausted(r);
	for (size_t i = 0; i < node->count; i++) {
		const char *id;
		long row;

		if (!ynode_ident(r->doc, ynode_key(node, i), r->words->row_id, &id, r->d))
			return false;
		row = content_dimension_index(r->c, id);
		if (row < 0)
			row = keep_row(r, id);
		if (row < 0 || !read_score(r, ynode_value(node, i), (size_t)row))
			return false;
	}
	return true;
}

/* Reads the fields of the action mapping whose values are V into F. */
static bool read_action_fields(const struct reader *r, const struct ynode *const *v,
			       struct action_fields *f)
{
	return read_field(r, v[AF_TEXT], r->words->action_text, FIELD_TEXT, &f->text) &&
	       read_field(r, v[AF_DIMENSION], r->words->action_row, FIELD_IDENT, &f->dimension) &&
	       read_field(r, v[AF_OWNER], r->words->action_owner, FIELD_TEXT, &f->owner) &&
	       read_field(r, v[AF_DUE], r->words->action_due, FIELD_DATE, &f->due);
}

/* Reads one action from NODE. The text goes in first, through session_action_add, so that a
 * refusal points at it; the other fields follow through session_action_edit, where only the
 * owner can still be refused (the date and the row were checked above). A row the content
 * does not have is kept with a warning. */
static bool read_action(const struct reader *r, const struct ynode *node)
{
	const struct ynode *v[AF_COUNT];
	struct action_fields f;
	const char *why, *row;
	bool row_known;
	long i;

	if (!ynode_fields(r->doc, node, r->words->action, store_action_fields, AF_COUNT, true, v,
			  r->d) ||
	    !read_action_fields(r, v, &f))
		return false;
	i = session_action_add(r->s, r->c, &(struct action_fields){ .text = f.text }, &why);
	if (i < 0)
		return refused(r, v[AF_TEXT], _("action"), why);
	row = f.dimension;
	row_known = !row[0] || content_dimension_index(r->c, row) >= 0;
	if (!row_known)
		f.dimension = NULL;
	if (!session_action_edit(r->s, r->c, (size_t)i, &f, &why))
		return refused(r, v[AF_OWNER], _("owner of an action"), why);
	/* Read in the order of the list into a session that had none: action I is item I. */
	r->s->actions[i].origin = (size_t)i + 1;
	if (v[AF_DONE] && !ynode_bool(r->doc, v[AF_DONE], "'done'", &r->s->actions[i].done, r->d))
		return false;
	if (row_known)
		return true;
	r->s->actions[i].dimension = store_printf("%s", row);
	if (!r->s->actions[i].dimension)
		return exhausted(r);
	return reader_warn(r, _("action %ld kept with the row '%s': the content has no such row"),
			   i + 1, row);
}

/* Reads `baseline: { path, sha256 }` (absent: none): the earlier session, read later by
 * baseline_apply. */
static bool read_baseline(const struct reader *r, const struct ynode *node)
{
	const struct ynode *v[BF_COUNT];
	const char *path, *sha = "", *why;

	if (!node)
		return true;
	if (!ynode_fields(r->doc, node, "'baseline'", store_baseline_fields, BF_COUNT, true, v,
			  r->d) ||
	    !ynode_text(r->doc, v[BF_PATH], "'path'", &path, r->d) ||
	    (v[BF_SHA256] && !ynode_text(r->doc, v[BF_SHA256], "'sha256'", &sha, r->d)))
		return false;
	if (!session_set_baseline(r->s, path, sha, &why))
		return refused(r, sha[0] && !sha256_hex_valid(sha) ? v[BF_SHA256] : v[BF_PATH],
			       "'baseline'", why);
	r->o->baseline = node;
	return true;
}

/* Reads into follow-up F, decided OUTCOME, the action of the session that carries it over,
 * named at NODE by its place in `actions:` from 1 (absent: not known). */
static bool read_carried_by(const struct reader *r, const struct ynode *node,
			    enum followup_outcome outcome, struct session_followup *f)
{
	long n;

	if (!node)
		return true;
	if (outcome != FOLLOWUP_CARRIED)
		return refused(r, node, "'action'", _("only a carried follow-up names an action"));
	if (!r->s->n_actions)
		return refused(r, node, "'action'", _("no such action"));
	if (!ynode_number(r->doc, node, "'action'", 1, (long)r->s->n_actions, &n, r->d))
		return false;
	f->carried_by = r->s->actions[n - 1].serial;
	return true;
}

/* Reads one decided follow-up of last time's actions from NODE. */
static bool read_followup(const struct reader *r, const struct ynode *node)
{
	const struct ynode *v[FU_COUNT];
	struct action_fields f;
	enum followup_outcome outcome;
	const char *name, *why;

	if (!ynode_fields(r->doc, node, _("a follow-up"), store_followup_fields, FU_COUNT, true,
			  v, r->d) ||
	    !read_field(r, v[FU_TEXT], r->words->action_text, FIELD_TEXT, &f.text) ||
	    !read_field(r, v[FU_DIMENSION], r->words->action_row, FIELD_IDENT, &f.dimension) ||
	    !read_field(r, v[FU_OWNER], r->words->action_owner, FIELD_TEXT, &f.owner) ||
	    !read_field(r, v[FU_DUE], r->words->action_due, FIELD_DATE, &f.due) ||
	    !ynode_text(r->doc, v[FU_OUTCOME], "'outcome'", &name, r->d))
		return false;
	outcome = followup_outcome_from_key(name);
	if (outcome == FOLLOWUP_COUNT) {
		ydoc_error(r->doc, v[FU_OUTCOME], r->d,
			   _("expected open, done, carried or dropped for 'outcome'"));
		return false;
	}
	if (!session_followup_add(r->s, &f, outcome, &why))
		return refused(r, v[FU_TEXT], _("action"), why);
	r->s->followups[r->s->n_followups - 1].origin = r->s->n_followups;
	return read_carried_by(r, v[FU_ACTION], outcome, &r->s->followups[r->s->n_followups - 1]);
}

/* Returns true when NODE is a step number (old files count steps from 1): plain digits. */
static bool step_is_number(const struct ynode *node)
{
	return node->kind == YNODE_SCALAR && node->plain && node->length &&
	       strspn(node->text, "0123456789") == node->length;
}

/* Reads the step named at NODE, for WHAT: an old step number (1..999999) into *NUMBER, or
 * a step id (*NUMBER 0) into *ID. */
static bool read_step_name(const struct reader *r, const struct ynode *node, const char *what,
			   long *number, const char **id)
{
	char excerpt[64], numbered[96];

	*number = 0;
	*id = NULL;
	if (step_is_number(node)) {
		/* TRANSLATORS: %s is "the step of a timing" or 'position'. */
		snprintf(numbered, sizeof(numbered), _("%s (an old step number, from 1)"), what);
		return ynode_number(r->doc, node, numbered, 1, 999999, number, r->d);
	}
	if (!ynode_text(r->doc, node, what, id, r->d))
		return false;
	if (node->length && !strchr(*id, '\n'))
		return true;
	ydoc_error(r->doc, node, r->d,
		   _("expected a step id (such as \"phase:4\") for %s, found '%s'"), what,
		   ynode_excerpt(node, excerpt, sizeof(excerpt)));
	return false;
}

/* Returns the step of the content that NUMBER or ID (see read_step_name) names, or -1: a
 * number only when it can be trusted. */
static long step_named(const struct reader *r, long number, const char *id)
{
	if (!id)
		return r->p->numbers_trusted && (size_t)number <= r->c->n_steps ? number - 1 : -1;
	return content_step_index(r->c, id);
}

/* Keeps the timing NODE of SECONDS as read, a repeat for STEP or not placed (-1). */
static bool keep_timing(const struct reader *r, const struct ynode *node, long step,
			unsigned long seconds)
{
	struct store_origin *o = r->o;

	if (o->n_kept_timings == o->cap_kept_timings) {
		size_t cap = o->cap_kept_timings ? 2 * o->cap_kept_timings : 16;
		struct store_kept_timing *more = mem.realloc(o->kept_timings, cap * sizeof(*more));

		if (!more)
			return exhausted(r);
		o->kept_timings = more;
		o->cap_kept_timings = cap;
	}
	o->kept_timings[o->n_kept_timings++] = (struct store_kept_timing){ node, step, seconds };
	return true;
}

/* Reads one timing { step, seconds } from NODE. A step the content has gets the time (a
 * step listed twice the sum, its second entry kept to be written back); any other is kept
 * as it is. */
static bool read_timing(const struct reader *r, const struct ynode *node)
{
	const struct ynode *v[TF_COUNT];
	long number, seconds, step;
	const char *id, *why;

	if (!ynode_fields(r->doc, node, r->words->timing, store_timing_fields, TF_COUNT, true, v,
			  r->d) ||
	    !read_step_name(r, v[TF_STEP], r->words->timing_step, &number, &id) ||
	    !ynode_number(r->doc, v[TF_SECONDS], r->words->timing_seconds, 0,
			  SESSION_SECONDS_MAX, &seconds, r->d))
		return false;
	step = step_named(r, number, id);
	if (step < 0) {
		r->p->unplaced++;
		r->p->numbers_seen |= id == NULL && !r->p->numbers_trusted;
		return keep_timing(r, node, -1, (unsigned long)seconds);
	}
	if (r->o->timings[step] && !keep_timing(r, node, step, (unsigned long)seconds))
		return false;
	if (!r->o->timings[step])
		r->o->timings[step] = node;
	if (!session_tick(r->s, (size_t)step, (unsigned long)seconds, &why))
		return refused(r, node, _("timing"), why);
	return true;
}

/* Returns the step to resume at when the step ID is gone: the nearest one before it in the
 * list TIMINGS (written in the order of the agenda it was saved with) that the content has;
 * when ID is not in the list, the last one there that the content has; else the first. */
static size_t nearest_earlier(const struct reader *r, const struct ynode *timings,
			      const char *id)
{
	size_t n = timings ? timings->count : 0, at = n;

	for (size_t i = 0; i < n && at == n; i++) {
		const struct ynode *step = ynode_get(timings->items[i], "step");

		if (!step_is_number(step) && strcmp(step->text, id) == 0)
			at = i;
	}
	while (at-- > 0) {
		const struct ynode *step = ynode_get(timings->items[at], "step");
		long found = step_is_number(step)
				     ? step_named(r, strtol(step->text, NULL, 10), NULL)
				     : content_step_index(r->c, step->text);

		if (found >= 0)
			return (size_t)found;
	}
	return 0;
}

/* Reads the step to resume at, NODE (absent: the first): a step id, else the nearest earlier
 * step (see nearest_earlier, in the list TIMINGS). An old step number is that step when it
 * can be trusted or is within the agenda; beyond it, the last step. */
static bool read_position(const struct reader *r, const struct ynode *node,
			  const struct ynode *timings)
{
	size_t n_steps = r->c->n_steps;
	const char *id;
	long number, step;

	if (!node)
		return true;
	if (!read_step_name(r, node, "'position'", &number, &id))
		return false;
	step = id ? content_step_index(r->c, id) : number - 1;
	if (id && step < 0) {
		r->s->position = nearest_earlier(r, timings, id);
		r->p->moved = true;
		return true;
	}
	r->p->moved = !id && !r->p->numbers_trusted;
	r->p->numbers_seen |= r->p->moved;
	if ((size_t)step < n_steps) {
		r->s->position = (size_t)step;
		return true;
	}
	r->s->position = n_steps ? n_steps - 1 : 0;
	if (r->p->moved)
		return true;
	return reader_warn(r,
			   ngettext("position %ld is beyond the agenda of %zu step: resuming at "
				    "the last step",
				    "position %ld is beyond the agenda of %zu steps: resuming at "
				    "the last step",
				    n_steps),
			   number, n_steps);
}

/* Returns the malloc'd sentence (NULL when memory is exhausted) that says what became of the
 * timings when the agenda changed as P tells, and that the walk resumes at STEP (1-based),
 * called LABEL. */
static char *agenda_notice(const struct placing *p, size_t step, const char *label)
{
	if (p->unplaced && p->numbers_seen)
		return store_printf(
			ngettext("The agenda has changed since this session, which counted steps by "
				 "number: %zu timed step is kept in the file as written; resuming at "
				 "step %zu, ‘%s’.",
				 "The agenda has changed since this session, which counted steps by "
				 "number: %zu timed steps are kept in the file as written; resuming "
				 "at step %zu, ‘%s’.",
				 p->unplaced),
			p->unplaced, step, label);
	if (p->unplaced)
		return store_printf(
			ngettext("The agenda has changed since this session: %zu timed step it no "
				 "longer has is kept in the file; resuming at step %zu, ‘%s’.",
				 "The agenda has changed since this session: %zu timed steps it no "
				 "longer has are kept in the file; resuming at step %zu, ‘%s’.",
				 p->unplaced),
			p->unplaced, step, label);
	if (p->numbers_seen)
		return store_printf(_("The agenda has changed since this session, which counted "
				      "steps by number; resuming at step %zu, ‘%s’."),
				    step, label);
	return store_printf(_("The agenda has changed since this session; resuming at step %zu, "
			      "‘%s’."),
			    step, label);
}

/* Says in one line, when the agenda differs from the one the file was written with, what
 * became of the timings and where the walk resumes. */
static bool note_agenda(const struct reader *r)
{
	const struct placing *p = r->p;
	char label[256];

	if (!p->unplaced && !p->moved)
		return true;
	content_step_label(r->c, r->s->position, label, sizeof(label));
	r->s->agenda_notice = agenda_notice(p, r->s->position + 1, label);
	return r->s->agenda_notice || exhausted(r);
}

/* Reads the list NODE (absent: empty), each item with READ. */
static bool read_list(const struct reader *r, const struct ynode *node, const char *what,
		      bool (*read)(const struct reader *, const struct ynode *))
{
	if (!node)
		return true;
	if (!ynode_expect(r->doc, node, YNODE_SEQUENCE, what, r->d))
		return false;
	for (size_t i = 0; i < node->count; i++)
		if (!read(r, node->items[i]))
			return false;
	return true;
}

/* Reads what the room was shown over the step at NODE (absent: the step itself). A value
 * this version does not know shows the step, with a warning. */
static bool read_showing(const struct reader *r, const struct ynode *node)
{
	const char *name;

	if (!node)
		return true;
	if (!ynode_text(r->doc, node, "'showing'", &name, r->d))
		return false;
	for (int i = SHOWING_STEP; i <= SHOWING_SUMMARY; i++)
		if (strcmp(name, store_showing_names[i]) == 0) {
			r->s->showing = (enum session_showing)i;
			return true;
		}
	return reader_warn(r, _("'showing: %s' is not known here: the step is shown"), name);
}

/* Reads where the room's view of the step was: the table's row selected (SELECTED, a row's
 * id) and how far it was scrolled (SCROLLED, per mille); absent: the first row, the top. A
 * value that cannot be used is left out, with a warning: the view starts at the top. */
static bool read_view(const struct reader *r, const struct ynode *selected,
		      const struct ynode *scrolled)
{
	const char *text;
	struct diag ignored;
	long row = 0, permille = 0;

	if (selected) {
		if (!ynode_text(r->doc, selected, "'selected'", &text, r->d))
			return false;
		row = content_dimension_index(r->c, text);
		if (row < 0 &&
		    !reader_warn(r, _("'selected: %s' is not a row here: the first row is selected"),
				 text))
			return false;
	}
	if (scrolled && !ynode_number(r->doc, scrolled, "'scrolled'", 0, SESSION_SCROLLED_END,
				      &permille, &ignored) &&
	    !reader_warn(r, _("'scrolled' is not a number from 0 to %d: the step is shown from "
			      "its top"),
			 SESSION_SCROLLED_END))
		return false;
	r->s->selected = row > 0 ? (size_t)row : 0;
	r->s->scrolled = (unsigned)permille;
	return true;
}

/* Refuses a content file given where a session file belongs, saying how to use it. */
static bool not_content(const struct reader *r, const struct ynode *root)
{
	if (!ynode_get(root, "meetlat_content") || ynode_get(root, store_fields[SF_VERSION].key))
		return true;
	ydoc_error(r->doc, root, r->d,
		   _("this is a content file, not a session file; to run a workshop with it, give "
		     "it with -c: meetlat -c %s SESSION"),
		   r->doc->file);
	return false;
}

/* Reads the whole document rooted at ROOT into the session. */
static bool read_root(const struct reader *r, const struct ynode *root)
{
	const struct ynode *v[SF_COUNT];

	if (!ynode_expect(r->doc, root, YNODE_MAPPING, r->words->session_file, r->d) ||
	    !not_content(r, root) ||
	    !ynode_version(r->doc, root, store_fields[SF_VERSION].key, YDOC_SESSION,
			   SESSION_VERSION, r->d) ||
	    !ynode_fields(r->doc, root, r->words->session_file, store_fields, SF_COUNT, true, v,
			  r->d) ||
	    !read_content(r, v[SF_CONTENT]))
		return false;
	r->o->root = root;
	r->o->actions = v[SF_ACTIONS];
	for (int f = 0; f < META_COUNT; f++)
		if (!read_meta(r, v[SF_META + f], (enum session_meta)f))
			return false;
	return read_stamp(r, v[SF_CREATED], "'created'", r->s->created) &&
	       read_stamp(r, v[SF_UPDATED], "'updated'", r->s->updated) &&
	       read_scores(r, v[SF_SCORES]) &&
	       read_list(r, v[SF_ACTIONS], "'actions'", read_action) &&
	       read_list(r, v[SF_TIMINGS], "'timings'", read_timing) &&
	       read_position(r, v[SF_POSITION], v[SF_TIMINGS]) &&
	       read_showing(r, v[SF_SHOWING]) && read_view(r, v[SF_SELECTED], v[SF_SCROLLED]) &&
	       read_baseline(r, v[SF_BASELINE]) &&
	       read_list(r, v[SF_FOLLOWED_UP], "'followed_up'", read_followup) &&
	       (r->o->followups = v[SF_FOLLOWED_UP], note_agenda(r));
}

struct session *store_parse(const char *name, const char *buf, size_t len,
			    const struct content *c, struct diag *d)
{
	return store_read(name, buf, len, c, 0, d);
}

/* Releases origin O and the document it holds; NULL is allowed. */
static void origin_free(struct store_origin *o)
{
	if (!o)
		return;
	ydoc_free(&o->doc);
	mem.free(o->scores);
	mem.free(o->timings);
	mem.free(o->kept_timings);
	mem.free(o->kept_text);
	mem.free(o);
}

/* Gives S (new, for content C) an empty origin, which session_free releases; false when
 * memory is exhausted. */
static bool origin_attach(struct session *s, const struct content *c)
{
	struct store_origin *o = mem.calloc(1, sizeof(*o));

	if (!o)
		return false;
	s->origin = o;
	s->origin_free = origin_free;
	o->timings = mem.calloc(c->n_steps ? c->n_steps : 1, sizeof(*o->timings));
	return o->timings != NULL;
}

void store_words_init(struct store_words *w)
{
	*w = (struct store_words){
		.vote = _("a vote (a phase number)"),
		.row = _("a row of 'scores'"),
		.row_id = _("the id of a row in 'scores'"),
		.timing = _("a timing"),
		.timing_step = _("the step of a timing"),
		.timing_seconds = _("the seconds of a timing"),
		.action = _("an action"),
		.action_text = _("the text of an action"),
		.action_row = _("the row of an action"),
		.action_owner = _("the owner of an action"),
		.action_due = _("the due date of an action"),
		/* TRANSLATORS: the kind of file, as in "expected 'meetlat_session: 1' in a
		 * session file". */
		.session_file = _("a session file"),
		.content_id = _("the id of the content"),
	};
	for (int f = 0; f < META_COUNT; f++)
		snprintf(w->meta[f], sizeof(w->meta[f]), "'%s'", session_meta_key((enum session_meta)f));
}

struct session *store_read(const char *name, const char *buf, size_t len,
			   const struct content *c, unsigned flags, struct diag *d)
{
	struct store_words words;

	store_words_init(&words);
	return store_read_words(name, buf, len, c, flags, &words, d);
}

struct session *store_read_words(const char *name, const char *buf, size_t len,
				 const struct content *c, unsigned flags,
				 const struct store_words *words, struct diag *d)
{
	struct session *s = session_new(c, "");
	struct placing p = { 0 };
	struct reader r = { .words = words, .c = c, .s = s, .d = d, .flags = flags, .p = &p };
	bool ok;

	if (!s || !origin_attach(s, c)) {
		session_free(s);
		diag_set(d, name, 0, 0, "%s", _("out of memory"));
		return NULL;
	}
	r.o = s->origin;
	r.doc = &r.o->doc;
	ok = ydoc_parse(&r.o->doc, name, buf, len, &ylimits_default, d) &&
	     read_root(&r, r.o->doc.root);
	/* NAME belongs to the caller: the document is kept only for its nodes. */
	r.o->doc.file = NULL;
	if (!ok) {
		session_free(s);
		return NULL;
	}
	s->dirty = false;
	return s;
}
