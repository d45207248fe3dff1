/* session.c - one workshop in memory and the operations a screen calls on it. */
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "baseline.h"
#include "i18n.h"
#include "mem.h"
#include "utf8.h"
#include "valid.h"

static const char *const meta_keys[META_COUNT] = {
	[META_TITLE] = "title",             [META_ORGANISATION] = "organisation",
	[META_GROUP] = "group",             [META_FACILITATOR] = "facilitator",
	[META_DATE] = "date",               [META_PARTICIPANTS] = "participants",
};

/* How the metadata fields are labelled for people, translated where they are shown. */
static const char *const meta_labels[META_COUNT] = {
	/* TRANSLATORS: the labels of a session's details, in the form of a new session and
	 * in the reports. */
	[META_TITLE] = N_("Title"),
	[META_ORGANISATION] = N_("Organisation"),
	/* TRANSLATORS: the group of staff that takes part in the workshop (a team). */
	[META_GROUP] = N_("Group"),
	[META_FACILITATOR] = N_("Facilitator"),
	[META_DATE] = N_("Date"),
	[META_PARTICIPANTS] = N_("Participants"),
};

const char *session_meta_key(enum session_meta f)
{
	return meta_keys[f];
}

const char *session_meta_label(enum session_meta f)
{
	return _(meta_labels[f]);
}

long session_action_row(const struct session_action *a, const struct content *c)
{
	return a->dimension ? content_dimension_index(c, a->dimension) : -1;
}

void session_time_format(time_t when, char *buf, size_t size)
{
	struct tm tm;
	char zone[8] = "";

	if (localtime_r(&when, &tm))
		strftime(zone, sizeof(zone), "%z", &tm);
	/* %z gives +0100; ISO 8601 as YAML readers expect it wants +01:00. Without a local
	 * offset (a broken zone) the moment is written in UTC, as Z: never without an offset. */
	if (strlen(zone) != 5 || !strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm) ||
	    strlen(buf) + 7 > size) {
		gmtime_r(&when, &tm);
		strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
		return;
	}
	snprintf(buf + strlen(buf), size - strlen(buf), "%.3s:%.2s", zone, zone + 3);
}

void session_timestamp(char *buf, size_t size)
{
	session_time_format(time(NULL), buf, size);
}

struct session *session_new(const struct content *c, const char *title)
{
	struct session *s = mem.calloc(1, sizeof(*s));
	char today[11];
	bool ok;

	if (!s)
		return NULL;
	session_timestamp(s->created, sizeof(s->created));
	memcpy(s->updated, s->created, sizeof(s->updated));
	snprintf(today, sizeof(today), "%.10s", s->created);
	s->content_id = mem_strdup(c->id);
	memcpy(s->content_sha256, c->sha256, sizeof(s->content_sha256));
	s->scores = mem.calloc(c->n_dimensions ? c->n_dimensions : 1, sizeof(*s->scores));
	s->content = c;
	s->seconds = mem.calloc(c->n_steps ? c->n_steps : 1, sizeof(*s->seconds));
	s->n_seconds = c->n_steps;
	ok = s->content_id && s->scores && s->seconds;
	for (int f = 0; f < META_COUNT && ok; f++)
		ok = (s->meta[f] = mem_strdup(f == META_TITLE ? title : f == META_DATE ? today : ""));
	for (size_t i = 0; i < c->n_dimensions && ok; i++) {
		s->n_scores = i + 1;
		s->scores[i].known = true;
		s->scores[i].dimension = mem_strdup(c->dimensions[i].id);
		s->scores[i].note = mem_strdup("");
		ok = s->scores[i].dimension && s->scores[i].note;
	}
	if (!ok) {
		session_free(s);
		return NULL;
	}
	s->dirty = true;
	return s;
}

/* Releases the texts of action A. */
static void action_clear(struct session_action *a)
{
	mem.free(a->text);
	mem.free(a->dimension);
	mem.free(a->owner);
}

void session_free(struct session *s)
{
	if (!s)
		return;
	for (int f = 0; f < META_COUNT; f++)
		mem.free(s->meta[f]);
	mem.free(s->content_id);
	for (size_t i = 0; i < s->n_scores; i++) {
		mem.free(s->scores[i].dimension);
		mem.free(s->scores[i].votes);
		mem.free(s->scores[i].note);
	}
	mem.free(s->scores);
	for (size_t i = 0; i < s->n_actions; i++)
		action_clear(&s->actions[i]);
	mem.free(s->actions);
	mem.free(s->seconds);
	mem.free(s->other_content_id);
	mem.free(s->agenda_notice);
	for (size_t i = 0; i < s->n_warnings; i++)
		mem.free(s->warnings[i]);
	mem.free(s->warnings);
	if (s->origin_free)
		s->origin_free(s->origin);
	session_baseline_clear(s);
	mem.free(s);
}

/* Refuses text that is too long, is not valid UTF-8 or (unless MULTILINE) holds a line break
 * of any kind (LF, CR, VT, FF, NEL, U+2028, U+2029: utf8_is_line_break). */
static bool text_acceptable(const char *text, bool multiline, const char **why)
{
	size_t len = strlen(text);

	if (len > SESSION_TEXT_MAX)
		*why = _("the text is too long");
	else if (utf8_invalid_offset(text, len) != len)
		*why = _("the text is not valid UTF-8");
	else if (!multiline && utf8_line_break_offset(text, len) != len)
		*why = _("the text must be a single line");
	else
		return true;
	return false;
}

/* Replaces the malloc'd string at *SLOT by a copy of TEXT. */
static bool replace_text(char **slot, const char *text, const char **why)
{
	char *copy = mem_strdup(text);

	if (!copy) {
		*why = _("out of memory");
		return false;
	}
	mem.free(*slot);
	*slot = copy;
	return true;
}

/* Returns true when TEXT is empty or a whole number from 0 to 9999. */
static bool participants_valid(const char *text)
{
	size_t len = strlen(text);

	if (len > 4)
		return false;
	for (size_t i = 0; i < len; i++)
		if (text[i] < '0' || text[i] > '9')
			return false;
	return true;
}

bool session_meta_valid(enum session_meta f, const char *value, const char **why)
{
	if (!text_acceptable(value, false, why))
		return false;
	if (f == META_TITLE && value[0] == '\0')
		*why = _("the title must not be empty");
	else if (f == META_DATE && value[0] && !date_valid(value))
		*why = _("not a date: write YYYY-MM-DD");
	else if (f == META_PARTICIPANTS && !participants_valid(value))
		*why = _("write the number of participants (0-9999)");
	else
		return true;
	return false;
}

bool session_set_meta(struct session *s, enum session_meta f, const char *value,
		      const char **why)
{
	if (!session_meta_valid(f, value, why))
		return false;
	/* "08" is kept as "8": written plain, a leading zero makes YAML 1.1 readers see octal. */
	while (f == META_PARTICIPANTS && value[0] == '0' && value[1])
		value++;
	if (!replace_text(&s->meta[f], value, why))
		return false;
	s->dirty = true;
	return true;
}

/* Refuses a row index that is not a row of the content. */
static bool row_valid(const struct session *s, size_t dim, const char **why)
{
	if (dim < s->n_scores && s->scores[dim].known)
		return true;
	*why = _("no such row");
	return false;
}

/* Refuses a phase that the content does not have (0 too, unless ALLOW_NONE). */
static bool phase_valid(const struct content *c, int phase, bool allow_none, const char **why)
{
	if ((phase == 0 && allow_none) || (phase >= 1 && (size_t)phase <= c->n_phases))
		return true;
	*why = _("no such phase");
	return false;
}

bool session_vote_add(struct session *s, const struct content *c, size_t dim, int phase,
		      const char **why)
{
	struct session_score *sc;

	if (!row_valid(s, dim, why) || !phase_valid(c, phase, false, why))
		return false;
	sc = &s->scores[dim];
	if (sc->n_votes >= SESSION_VOTES_MAX) {
		*why = _("too many votes for one row");
		return false;
	}
	if (sc->n_votes == sc->cap_votes) {
		size_t cap = sc->cap_votes ? sc->cap_votes * 2 : 16;
		int *votes = mem.realloc(sc->votes, cap * sizeof(*votes));

		if (!votes) {
			*why = _("out of memory");
			return false;
		}
		sc->votes = votes;
		sc->cap_votes = cap;
	}
	sc->votes[sc->n_votes++] = phase;
	s->dirty = true;
	return true;
}

bool session_vote_replace(struct session *s, const struct content *c, size_t dim, int earlier,
			  int phase, const char **why)
{
	struct session_score *sc;
	size_t i;

	if (!row_valid(s, dim, why) || !phase_valid(c, phase, false, why))
		return false;
	sc = &s->scores[dim];
	for (i = sc->n_votes; i > 0 && sc->votes[i - 1] != earlier; i--)
		;
	if (i == 0)
		return session_vote_add(s, c, dim, phase, why);
	memmove(&sc->votes[i - 1], &sc->votes[i], (sc->n_votes - i) * sizeof(*sc->votes));
	sc->votes[sc->n_votes - 1] = phase;
	s->dirty = true;
	return true;
}

bool session_vote_undo(struct session *s, size_t dim, const char **why)
{
	if (!row_valid(s, dim, why))
		return false;
	if (s->scores[dim].n_votes == 0) {
		*why = _("there is no vote to undo");
		return false;
	}
	s->scores[dim].n_votes--;
	s->dirty = true;
	return true;
}

bool session_set_current(struct session *s, const struct content *c, size_t dim, int phase,
			 const char **why)
{
	if (!row_valid(s, dim, why) || !phase_valid(c, phase, true, why))
		return false;
	s->scores[dim].current = phase;
	s->dirty = true;
	return true;
}

bool session_set_target(struct session *s, const struct content *c, size_t dim, int phase,
			const char **why)
{
	if (!row_valid(s, dim, why) || !phase_valid(c, phase, true, why))
		return false;
	s->scores[dim].target = phase;
	s->dirty = true;
	return true;
}

bool session_set_note(struct session *s, size_t dim, const char *text, const char **why)
{
	if (!row_valid(s, dim, why) || !text_acceptable(text, true, why) ||
	    !replace_text(&s->scores[dim].note, text, why))
		return false;
	s->dirty = true;
	return true;
}

bool session_set_revealed(struct session *s, size_t dim, bool revealed, const char **why)
{
	if (!row_valid(s, dim, why))
		return false;
	if (s->scores[dim].revealed != revealed)
		s->dirty = true;
	s->scores[dim].revealed = revealed;
	return true;
}

void session_set_showing(struct session *s, enum session_showing showing)
{
	if (s->showing != showing)
		s->dirty = true;
	s->showing = showing;
}

bool session_set_view(struct session *s, size_t selected, unsigned scrolled, const char **why)
{
	if (selected && !row_valid(s, selected, why))
		return false;
	if (scrolled > SESSION_SCROLLED_END)
		scrolled = SESSION_SCROLLED_END;
	if (s->selected != selected || s->scrolled != scrolled)
		s->dirty = true;
	s->selected = selected;
	s->scrolled = scrolled;
	return true;
}

/* Checks the fields of an action form against the content; the row KEPT (the one the action
 * already has, or NULL) is accepted even when the content no longer has it. */
static bool action_fields_valid(const struct content *c, const struct action_fields *f,
				const char *kept, const char **why)
{
	if (!f->text || !f->text[0]) {
		*why = _("an action needs a text");
		return false;
	}
	if (!text_acceptable(f->text, true, why) ||
	    !text_acceptable(f->owner ? f->owner : "", false, why))
		return false;
	if (f->due && f->due[0] && !date_valid(f->due)) {
		*why = _("not a date: write YYYY-MM-DD");
		return false;
	}
	if (f->dimension && f->dimension[0] && content_dimension_index(c, f->dimension) < 0 &&
	    !(kept && strcmp(kept, f->dimension) == 0)) {
		*why = _("no such row");
		return false;
	}
	return true;
}

/* Fills action A (whose texts are NULL) from F; false on exhaustion. */
static bool action_fill(struct session_action *a, const struct action_fields *f)
{
	bool has_dim = f->dimension && f->dimension[0];

	a->text = mem_strdup(f->text);
	a->owner = mem_strdup(f->owner ? f->owner : "");
	a->dimension = has_dim ? mem_strdup(f->dimension) : NULL;
	snprintf(a->due, sizeof(a->due), "%s", f->due ? f->due : "");
	if (a->text && a->owner && (a->dimension || !has_dim))
		return true;
	action_clear(a);
	return false;
}

long session_action_add(struct session *s, const struct content *c,
			const struct action_fields *f, const char **why)
{
	struct session_action *a;

	if (!action_fields_valid(c, f, NULL, why))
		return -1;
	if (s->n_actions >= SESSION_ACTIONS_MAX) {
		*why = _("too many actions");
		return -1;
	}
	if (s->n_actions == s->cap_actions) {
		size_t cap = s->cap_actions ? s->cap_actions * 2 : 16;
		struct session_action *bigger = mem.realloc(s->actions, cap * sizeof(*bigger));

		if (!bigger) {
			*why = _("out of memory");
			return -1;
		}
		s->actions = bigger;
		s->cap_actions = cap;
	}
	a = &s->actions[s->n_actions];
	memset(a, 0, sizeof(*a));
	if (!action_fill(a, f)) {
		*why = _("out of memory");
		return -1;
	}
	a->serial = ++s->action_serials;
	s->dirty = true;
	return (long)s->n_actions++;
}

/* Refuses an action index that does not exist. */
static bool action_valid(const struct session *s, size_t i, const char **why)
{
	if (i < s->n_actions)
		return true;
	*why = _("no such action");
	return false;
}

bool session_action_edit(struct session *s, const struct content *c, size_t i,
			 const struct action_fields *f, const char **why)
{
	struct session_action fresh = { 0 };

	if (!action_valid(s, i, why) || !action_fields_valid(c, f, s->actions[i].dimension, why))
		return false;
	if (!action_fill(&fresh, f)) {
		*why = _("out of memory");
		return false;
	}
	fresh.done = s->actions[i].done;
	fresh.origin = s->actions[i].origin;
	fresh.serial = s->actions[i].serial;
	action_clear(&s->actions[i]);
	s->actions[i] = fresh;
	s->dirty = true;
	return true;
}

long session_action_find(const struct session *s, unsigned long serial)
{
	size_t lo = 0, hi = s->n_actions;

	while (lo < hi) { /* the actions are in increasing serial */
		size_t mid = lo + (hi - lo) / 2;

		if (s->actions[mid].serial < serial)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->n_actions && s->actions[lo].serial == serial ? (long)lo : -1;
}

bool session_action_toggle(struct session *s, size_t i, const char **why)
{
	if (!action_valid(s, i, why))
		return false;
	s->actions[i].done = !s->actions[i].done;
	s->dirty = true;
	return true;
}

bool session_action_delete(struct session *s, size_t i, const char **why)
{
	if (!action_valid(s, i, why))
		return false;
	action_clear(&s->actions[i]);
	memmove(&s->actions[i], &s->actions[i + 1],
		(s->n_actions - i - 1) * sizeof(*s->actions));
	s->n_actions--;
	s->dirty = true;
	return true;
}

bool session_move(struct session *s, const struct content *c, size_t step, const char **why)
{
	if (step >= c->n_steps) {
		*why = _("no such step");
		return false;
	}
	if (s->position != step) {
		s->dirty = true;
		s->selected = 0; /* the room sees the new step from its top */
		s->scrolled = 0;
	}
	s->position = step;
	return true;
}

bool session_tick(struct session *s, size_t step, unsigned long seconds, const char **why)
{
	if (step >= s->n_seconds) {
		*why = _("no such step");
		return false;
	}
	s->seconds[step] = seconds > SESSION_SECONDS_MAX - s->seconds[step]
				   ? SESSION_SECONDS_MAX : s->seconds[step] + seconds;
	return true;
}

bool session_row_scored(const struct session *s, size_t dim)
{
	return dim < s->n_scores && (s->scores[dim].current || s->scores[dim].target);
}

unsigned long session_seconds_spent(const struct session *s)
{
	unsigned long spent = 0;

	for (size_t i = 0; i < s->n_seconds; i++)
		spent += s->seconds[i];
	return spent;
}
