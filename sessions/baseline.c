/* baseline.c - the earlier session a session follows: reading it (read-only), last time's
 * phases, the follow-up of its open actions, and the line that names it. */
#include "baseline.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "date.h"
#include "i18n.h"
#include "index.h"
#include "mem.h"
#include "store.h"
#include "utf8.h"
#include "ynode.h"

static const char *const outcome_keys[FOLLOWUP_COUNT] = {
	[FOLLOWUP_OPEN] = "open",
	[FOLLOWUP_DONE] = "done",
	[FOLLOWUP_CARRIED] = "carried",
	[FOLLOWUP_DROPPED] = "dropped",
};

/* TRANSLATORS: what was decided about an action left open last time. */
static const char *const outcome_labels[FOLLOWUP_COUNT] = {
	[FOLLOWUP_OPEN] = N_("open"),
	[FOLLOWUP_DONE] = N_("done"),
	[FOLLOWUP_CARRIED] = N_("carried over"),
	[FOLLOWUP_DROPPED] = N_("dropped"),
};

const char *followup_outcome_key(enum followup_outcome o)
{
	return outcome_keys[o];
}

enum followup_outcome followup_outcome_from_key(const char *key)
{
	for (int o = 0; o < FOLLOWUP_COUNT; o++)
		if (strcmp(key, outcome_keys[o]) == 0)
			return (enum followup_outcome)o;
	return FOLLOWUP_COUNT;
}

const char *followup_outcome_label(enum followup_outcome o)
{
	return _(outcome_labels[o]);
}

/* Releases what the baseline B holds besides its path, back to "not read". */
static void baseline_unread(struct session_baseline *b)
{
	mem.free(b->title);
	mem.free(b->organisation);
	mem.free(b->group);
	mem.free(b->current);
	mem.free(b->target);
	b->title = b->organisation = b->group = NULL;
	b->current = b->target = NULL;
	b->n_rows = 0;
	b->date[0] = '\0';
	b->state = BASELINE_UNREAD;
	b->actions_missing = false;
}

void session_baseline_clear(struct session *s)
{
	if (s->baseline) {
		baseline_unread(s->baseline);
		mem.free(s->baseline->path);
		mem.free(s->baseline);
		s->baseline = NULL;
	}
	for (size_t i = 0; i < s->n_followups; i++) {
		mem.free(s->followups[i].text);
		mem.free(s->followups[i].owner);
		mem.free(s->followups[i].dimension);
	}
	mem.free(s->followups);
	s->followups = NULL;
	s->n_followups = 0;
}

bool session_set_baseline(struct session *s, const char *path, const char *sha256,
			  const char **why)
{
	struct session_baseline *b;
	char *copy;

	if (!path[0] || strpbrk(path, "\n\r")) {
		*why = _("the path of the earlier session must be one line, not empty");
		return false;
	}
	if (sha256[0] && !sha256_hex_valid(sha256)) {
		*why = _("expected 64 hexadecimal digits");
		return false;
	}
	b = s->baseline ? s->baseline : mem.calloc(1, sizeof(*b));
	copy = b ? mem_strdup(path) : NULL;
	if (!copy) {
		if (b != s->baseline)
			mem.free(b);
		*why = _("out of memory");
		return false;
	}
	if (s->baseline) {
		baseline_unread(b);
		mem.free(b->path);
	}
	b->path = copy;
	snprintf(b->sha256, sizeof(b->sha256), "%s", sha256);
	s->baseline = b;
	s->dirty = true;
	return true;
}

bool session_followup_add(struct session *s, const struct action_fields *f,
			  enum followup_outcome o, const char **why)
{
	struct session_followup *more, *fu;
	bool has_dim = f->dimension && f->dimension[0];

	if (!f->text || !f->text[0]) {
		*why = _("an action needs a text");
		return false;
	}
	if (s->n_followups >= SESSION_ACTIONS_MAX) {
		*why = _("too many actions");
		return false;
	}
	more = mem.realloc(s->followups, (s->n_followups + 1) * sizeof(*more));
	if (!more) {
		*why = _("out of memory");
		return false;
	}
	s->followups = more;
	fu = &more[s->n_followups];
	*fu = (struct session_followup){ .outcome = o };
	fu->text = mem_strdup(f->text);
	fu->owner = mem_strdup(f->owner ? f->owner : "");
	fu->dimension = has_dim ? mem_strdup(f->dimension) : NULL;
	snprintf(fu->due, sizeof(fu->due), "%s", f->due ? f->due : "");
	if (!fu->text || !fu->owner || (has_dim && !fu->dimension)) {
		mem.free(fu->text);
		mem.free(fu->owner);
		mem.free(fu->dimension);
		*why = _("out of memory");
		return false;
	}
	s->n_followups++;
	return true;
}

/* Writes into BUF the path FILE is read from: FILE itself when absolute or when
 * SESSION_PATH has no folder, else FILE in the folder of SESSION_PATH. */
static void resolve(const char *file, const char *session_path, char *buf, size_t size)
{
	const char *slash = session_path ? strrchr(session_path, '/') : NULL;

	if (file[0] == '/' || !slash)
		snprintf(buf, size, "%s", file);
	else
		snprintf(buf, size, "%.*s/%s", (int)(slash - session_path + 1), session_path, file);
}

/* Writes into BUF the folder of PATH, every link followed ("." when it has none); false when
 * it cannot be found. */
static bool real_folder(const char *path, char *buf)
{
	const char *slash = strrchr(path, '/');
	char folder[PATH_MAX];

	if (!slash)
		snprintf(folder, sizeof(folder), ".");
	else if (slash == path)
		snprintf(folder, sizeof(folder), "/");
	else
		snprintf(folder, sizeof(folder), "%.*s", (int)(slash - path), path);
	return realpath(folder, buf) != NULL;
}

/* Writes into BUF how a session saved at SESSION_PATH names the earlier session FILE: its
 * bare name when both lie in the same folder (so that the pair can be moved or shared
 * together), else its absolute path. */
static void stored_path(const char *file, const char *session_path, char *buf, size_t size)
{
	char a[PATH_MAX], b[PATH_MAX];
	const char *slash = strrchr(file, '/');

	if (real_folder(file, a) && real_folder(session_path, b) && strcmp(a, b) == 0)
		snprintf(buf, size, "%s", slash ? slash + 1 : file);
	else if (file[0] != '/' && real_folder(file, a))
		snprintf(buf, size, "%s/%s", strcmp(a, "/") ? a : "", slash ? slash + 1 : file);
	else
		snprintf(buf, size, "%s", file);
}

/* The earlier session as read: the session, the sha256 of its bytes, or why it is not one. */
struct earlier {
	struct session *s;
	char sha256[SHA256_HEX];
	enum baseline_state state; /* OK, OTHER_CONTENT, MISSING or UNREADABLE */
};

/* Reads the session file at PATH against C, read-only, into E; D says why when it is
 * missing or cannot be read. */
static void earlier_read(const char *path, const struct content *c, struct earlier *e,
			 struct diag *d)
{
	struct stat st;
	char *buf;
	size_t len;

	*e = (struct earlier){ .state = BASELINE_UNREADABLE };
	if (stat(path, &st) != 0 && errno == ENOENT) {
		diag_set(d, path, 0, 0, "%s", _("no such file"));
		e->state = BASELINE_MISSING;
		return;
	}
	if (!ydoc_read_file(path, ylimits_default.max_bytes, &buf, &len, d))
		return;
	sha256_hex(buf, len, e->sha256);
	e->s = store_read(path, buf, len, c, STORE_ANY_CONTENT, d);
	mem.free(buf);
	if (e->s)
		e->state = e->s->other_content_id ? BASELINE_OTHER_CONTENT : BASELINE_OK;
}

#define UNTAKEN_NONE SIZE_MAX /* no follow-up */

/* The follow-ups of a session by what names the action each follows up (its text, owner,
 * due date and row): those of one key are chained in order, and each is taken by one action
 * of last time only, so that two actions alike are two follow-ups. */
struct followup_match {
	struct arena *arena;
	struct name_index *ix; /* key -> its group */
	size_t *untaken;       /* per group: its first follow-up not taken yet, or UNTAKEN_NONE */
	size_t *next;          /* per follow-up: the next of its group, or UNTAKEN_NONE */
};

/* Returns the key of an action with TEXT, OWNER, DUE and DIMENSION (NULL: none), made in
 * ARENA: each field preceded by its length, so that no two actions share one; NULL on
 * exhaustion. */
static const char *followup_key(struct arena *arena, const char *text, const char *owner,
				const char *due, const char *dimension)
{
	const char *row = dimension ? dimension : "";
	size_t size = strlen(text) + strlen(owner) + strlen(due) + strlen(row) + 4 * 22;
	char *key = arena_alloc(arena, size);

	if (key)
		snprintf(key, size, "%zu:%s%zu:%s%zu:%s%zu:%s", strlen(text), text, strlen(owner),
			 owner, strlen(due), due, strlen(row), row);
	return key;
}

/* Indexes the follow-ups of S into M; false on exhaustion (M is then released). */
static bool followup_match_init(struct followup_match *m, const struct session *s)
{
	size_t n = s->n_followups, *tail, groups = 0, g;

	*m = (struct followup_match){ .arena = arena_new() };
	m->ix = m->arena ? name_index_new(m->arena, n) : NULL;
	m->untaken = m->ix ? arena_alloc(m->arena, (n + 1) * sizeof(size_t)) : NULL;
	m->next = m->untaken ? arena_alloc(m->arena, (n + 1) * sizeof(size_t)) : NULL;
	tail = m->next ? arena_alloc(m->arena, (n + 1) * sizeof(size_t)) : NULL;
	for (size_t k = 0; tail && k < n; k++) {
		const struct session_followup *f = &s->followups[k];
		const char *key = followup_key(m->arena, f->text, f->owner, f->due, f->dimension);

		if (!key) {
			tail = NULL;
			break;
		}
		m->next[k] = UNTAKEN_NONE;
		if (name_index_add(m->ix, key, groups, &g)) {
			m->untaken[groups] = tail[groups] = k;
			groups++;
		} else {
			m->next[tail[g]] = k;
			tail[g] = k;
		}
	}
	if (!tail) {
		arena_free(m->arena);
		m->arena = NULL;
	}
	return tail != NULL;
}

/* Takes in M the first follow-up not taken yet for action A: true when there was one; false
 * with *EXHAUSTED set when its key could not be made. */
static bool followup_match_take(struct followup_match *m, const struct session_action *a,
				bool *exhausted)
{
	const char *key = followup_key(m->arena, a->text, a->owner, a->due, a->dimension);
	size_t g, k;

	if (!key) {
		*exhausted = true;
		return false;
	}
	if (!name_index_find(m->ix, key, &g) || (k = m->untaken[g]) == UNTAKEN_NONE)
		return false;
	m->untaken[g] = m->next[k];
	return true;
}

/* Adds the open actions of EARLIER that no follow-up of S answers yet as open follow-ups,
 * one for each (two alike are two); false when memory ran out and some may be missing. */
static bool add_open_actions(struct session *s, const struct session *earlier)
{
	struct followup_match m;
	bool exhausted = false;
	const char *why;

	if (!followup_match_init(&m, s))
		return false;
	for (size_t i = 0; i < earlier->n_actions && !exhausted; i++) {
		const struct session_action *a = &earlier->actions[i];
		struct action_fields f = { a->text, a->dimension, a->owner, a->due };

		if (!a->done && !followup_match_take(&m, a, &exhausted) && !exhausted &&
		    !session_followup_add(s, &f, FOLLOWUP_OPEN, &why))
			exhausted = true;
	}
	arena_free(m.arena);
	return !exhausted;
}

/* Takes last time's agreed phases of every row of C from EARLIER into B. */
static bool take_rows(struct session_baseline *b, const struct content *c,
		      const struct session *earlier)
{
	size_t n = c->n_dimensions;

	b->current = mem.calloc(n ? n : 1, sizeof(*b->current));
	b->target = mem.calloc(n ? n : 1, sizeof(*b->target));
	if (!b->current || !b->target)
		return false;
	b->n_rows = n;
	for (size_t i = 0; i < n && i < earlier->n_scores; i++) {
		b->current[i] = earlier->scores[i].current;
		b->target[i] = earlier->scores[i].target;
	}
	return true;
}

/* Makes B tell of EARLIER (read with state OK): its title, date and rows, and whether its
 * bytes are still those chosen. */
static void baseline_take(struct session_baseline *b, const struct content *c,
			  const struct earlier *e)
{
	const struct session *earlier = e->s;

	b->title = mem_strdup(earlier->meta[META_TITLE]);
	b->organisation = mem_strdup(earlier->meta[META_ORGANISATION]);
	b->group = mem_strdup(earlier->meta[META_GROUP]);
	snprintf(b->date, sizeof(b->date), "%s",
		 earlier->meta[META_DATE][0] ? earlier->meta[META_DATE] : "");
	if (!b->title || !b->organisation || !b->group || !take_rows(b, c, earlier)) {
		baseline_unread(b);
		b->state = BASELINE_UNREADABLE;
		return;
	}
	b->state = b->sha256[0] && strcmp(b->sha256, e->sha256) != 0 ? BASELINE_CHANGED
								     : BASELINE_OK;
}

void baseline_apply(struct session *s, const struct content *c, const char *session_path)
{
	struct session_baseline *b = s->baseline;
	char path[2 * PATH_MAX + 2];
	struct earlier e;
	struct diag d;

	if (!b)
		return;
	baseline_unread(b);
	resolve(b->path, session_path, path, sizeof(path));
	earlier_read(path, c, &e, &d);
	b->state = e.state;
	if (e.state == BASELINE_OK) {
		baseline_take(b, c, &e);
		if (baseline_in_use(s))
			b->actions_missing = !add_open_actions(s, e.s);
	}
	session_free(e.s);
}

bool baseline_choose(struct session *s, const struct content *c, const char *file,
		     const char *session_path, struct diag *d)
{
	char stored[2 * PATH_MAX + 2];
	struct earlier e;
	const char *why;
	bool ok;

	earlier_read(file, c, &e, d);
	if (e.state == BASELINE_OTHER_CONTENT)
		diag_set(d, file, 0, 0,
			 _("this session was scored against the content '%s', not '%s': it cannot "
			   "be compared"),
			 e.s->other_content_id, c->id);
	ok = e.state == BASELINE_OK;
	session_free(e.s);
	if (!ok)
		return false;
	stored_path(file, session_path ? session_path : file, stored, sizeof(stored));
	if (!session_set_baseline(s, stored, e.sha256, &why)) {
		diag_set(d, file, 0, 0, "%s", why);
		return false;
	}
	baseline_apply(s, c, session_path);
	if (!baseline_in_use(s)) { /* the path as stored does not lead back to FILE */
		session_set_baseline(s, file, e.sha256, &why);
		baseline_apply(s, c, NULL);
	}
	return true;
}

/* Opens PATH with C into *F and *S and makes it follow BASELINE (or what it names). */
static bool open_following(const char *path, const char *baseline, const struct content *c,
			   unsigned flags, struct store_file **f, struct session **s,
			   struct diag *d)
{
	if (!store_open(path, c, flags, f, s, d))
		return false;
	if (!baseline) {
		baseline_apply(*s, c, path);
		return true;
	}
	if (baseline_choose(*s, c, baseline, path, d))
		return true;
	store_close(*f);
	session_free(*s);
	*f = NULL;
	*s = NULL;
	return false;
}

enum { FOLLOWUP_MINUTES = 10 }; /* planned for the step of last time's actions */

bool baseline_open(const char *path, const char *baseline, const struct content *c,
		   unsigned flags, struct content **with, struct store_file **f,
		   struct session **s, struct diag *d)
{
	bool stopped_before;

	*with = NULL;
	if (!open_following(path, baseline, c, flags, f, s, d))
		return false;
	if (!(*s)->n_followups || content_has_followup(c))
		return true;
	/* Last time's actions come first: open it again with their step before the agenda
	 * (the steps keep their ids, so their time and the position stay where they were). */
	stopped_before = (*f)->stopped_before; /* the first open found the lock left behind */
	store_close(*f);
	session_free(*s);
	*f = NULL;
	*s = NULL;
	*with = content_with_followup(c, FOLLOWUP_MINUTES);
	if (!*with) {
		diag_set(d, path, 0, 0, "%s", _("out of memory"));
		return false;
	}
	if (open_following(path, baseline, *with, flags, f, s, d)) {
		(*f)->stopped_before = (*f)->stopped_before || stopped_before;
		return true;
	}
	content_free(*with);
	*with = NULL;
	return false;
}

bool baseline_in_use(const struct session *s)
{
	return s->baseline &&
	       (s->baseline->state == BASELINE_OK || s->baseline->state == BASELINE_CHANGED);
}

bool baseline_row(const struct session *s, size_t dim, int *current, int *target)
{
	const struct session_baseline *b = s->baseline;

	if (!baseline_in_use(s) || dim >= b->n_rows)
		return false;
	*current = b->current[dim];
	*target = b->target[dim];
	return *current || *target;
}

enum movement baseline_movement(int before, int now)
{
	if (!before || !now)
		return MOVE_NONE;
	return now > before ? MOVE_UP : now < before ? MOVE_DOWN : MOVE_SAME;
}

const char *movement_mark(enum movement m, bool unicode)
{
	switch (m) {
	case MOVE_UP: return unicode ? "↑" : "^";
	case MOVE_DOWN: return unicode ? "↓" : "v";
	case MOVE_SAME: return "=";
	default: return "";
	}
}

/* Writes into BUF the earlier session of B as people name it: its title and date. */
static const char *earlier_name(const struct session_baseline *b, char *buf, size_t size)
{
	char date[DATE_TEXT_SIZE];

	if (b->date[0] && date_format(b->date, date_style_spoken(), date, sizeof(date)))
		/* TRANSLATORS: the earlier session: its title and its date ("Nulmeting, 15 jan.
		 * 2026"). */
		snprintf(buf, size, _("“%s”, %s"), b->title, date);
	else
		snprintf(buf, size, _("“%s”"), b->title);
	return buf;
}

/* Adds to the note in BUF that not every open action of last time is listed. */
static void tell_actions_missing(char *buf, size_t size)
{
	char *note = mem_strdup(buf);

	/* TRANSLATORS: %s is the line "Compared with last time: ...". */
	snprintf(buf, size, _("%s. Out of memory: not every open action of last time is listed"),
		 note ? note : "");
	mem.free(note);
}

const char *baseline_note(const struct session *s, char *buf, size_t size)
{
	const struct session_baseline *b = s->baseline;
	char name[512], *path;

	if (!b)
		return NULL;
	path = utf8_sanitize(b->path, strlen(b->path), false, '?');
	switch (b->state) {
	case BASELINE_OK:
		snprintf(buf, size, _("Compared with last time: %s"),
			 earlier_name(b, name, sizeof(name)));
		break;
	case BASELINE_CHANGED:
		snprintf(buf, size, _("Compared with last time: %s (its file changed since it was "
				      "chosen)"),
			 earlier_name(b, name, sizeof(name)));
		break;
	case BASELINE_OTHER_CONTENT:
		snprintf(buf, size, _("Last time's session %s was scored against other content: "
				      "nothing is compared"),
			 path ? path : "?");
		break;
	case BASELINE_MISSING:
		snprintf(buf, size, _("Last time's session %s is missing: nothing is compared"),
			 path ? path : "?");
		break;
	case BASELINE_UNREADABLE:
		snprintf(buf, size, _("Last time's session %s cannot be read: nothing is compared"),
			 path ? path : "?");
		break;
	default:
		snprintf(buf, size, _("Follows %s (not read)"), path ? path : "?");
		break;
	}
	mem.free(path);
	if (b->actions_missing && baseline_in_use(s))
		tell_actions_missing(buf, size);
	return buf;
}

bool baseline_note_warns(const struct session *s)
{
	return s->baseline && (s->baseline->state != BASELINE_OK || s->baseline->actions_missing);
}

/* Writes into BUF the text of the action that carries follow-up F over: its text and where
 * it came from ("Beleid schrijven (from 15 Jan 2026)"), cut after its last whole character
 * when it does not fit. */
static void carried_text(const struct session *s, const struct session_followup *f, char *buf,
			 size_t size)
{
	const struct session_baseline *b = s->baseline;
	char date[DATE_TEXT_SIZE];

	if (b && b->date[0] && date_format(b->date, date_style_spoken(), date, sizeof(date)))
		/* TRANSLATORS: an action carried over from an earlier session, and its date:
		 * "Beleid schrijven (from 15 Jan 2026)". */
		snprintf(buf, size, _("%s (from %s)"), f->text, date);
	else
		/* TRANSLATORS: an action carried over from the earlier session. */
		snprintf(buf, size, _("%s (from last time)"), f->text);
	buf[utf8_invalid_offset(buf, strlen(buf))] = '\0';
}

/* Adds the action of S that carries follow-up F over into this session, and records it in
 * F: for the same row (when the content has it) and owner, due when it was, unless that
 * date has passed. */
static bool carry_over(struct session *s, const struct content *c, struct session_followup *f,
		       const char **why)
{
	char text[SESSION_TEXT_MAX + 1], today[DATE_ISO_SIZE];
	bool row = f->dimension && content_dimension_index(c, f->dimension) >= 0;
	struct action_fields af = { text, row ? f->dimension : NULL, f->owner, NULL };
	long i;

	date_today(today);
	if (f->due[0] && !date_is_past(f->due, today))
		af.due = f->due;
	carried_text(s, f, text, sizeof(text));
	i = session_action_add(s, c, &af, why);
	if (i < 0)
		return false;
	f->carried_by = s->actions[i].serial;
	return true;
}

bool session_followup_decide(struct session *s, const struct content *c, size_t i,
			     enum followup_outcome o, const char **why)
{
	struct session_followup *f;
	long carried;

	if (i >= s->n_followups || o >= FOLLOWUP_COUNT) {
		*why = _("no such action");
		return false;
	}
	f = &s->followups[i];
	if (f->outcome == o)
		return true;
	if (o == FOLLOWUP_CARRIED && !carry_over(s, c, f, why))
		return false;
	if (f->outcome == FOLLOWUP_CARRIED && f->carried_by &&
	    (carried = session_action_find(s, f->carried_by)) >= 0 &&
	    !session_action_delete(s, (size_t)carried, why))
		return false;
	if (f->outcome == FOLLOWUP_CARRIED)
		f->carried_by = 0;
	f->outcome = o;
	s->dirty = true;
	return true;
}

size_t session_followups_open(const struct session *s)
{
	size_t n = 0;

	for (size_t i = 0; i < s->n_followups; i++)
		n += s->followups[i].outcome == FOLLOWUP_OPEN;
	return n;
}
