/* followup.c - a session that follows an earlier one, in the interface: opening it, the keys
 * and the page of the step of last time's actions. No curses. */
#include "followup.h"

#include <stdio.h>
#include <string.h>

#include "baseline.h"
#include "date.h"
#include "i18n.h"
#include "screens_blocks.h"
#include "utf8.h"

bool ui_open_session(struct ui *u, const char *path, const char *baseline, unsigned flags,
		     struct diag *d)
{
	struct content *with;

	if (!baseline_open(path, baseline, u->c, flags, &with, &u->f, &u->s, d))
		return false;
	if (with) {
		content_free(u->own_content);
		u->own_content = with;
		u->c = with;
	}
	return true;
}

void ui_note_baseline(struct ui *u)
{
	char note[1024];

	if (baseline_note_warns(u->s) && baseline_note(u->s, note, sizeof(note)))
		ui_flash(u, true, "%s", note);
}

/* Sets the outcome of the selected follow-up to O, or back to open when it is O already. */
static void decide(struct ui *u, enum followup_outcome o)
{
	const char *why;
	size_t i = u->table_row;

	if (i >= u->s->n_followups)
		return;
	if (u->s->followups[i].outcome == o)
		o = FOLLOWUP_OPEN;
	if (!session_followup_decide(u->s, u->c, i, o, &why)) {
		ui_flash(u, true, _("Not done: %s"), why);
		return;
	}
	ui_changed(u);
	if (o != FOLLOWUP_OPEN && i + 1 < u->s->n_followups)
		u->table_row = i + 1; /* on to the next one */
}

bool ui_followup_key(struct ui *u, enum action act)
{
	size_t n = u->s->n_followups;

	if (u->c->steps[u->s->position].kind != STEP_FOLLOWUP)
		return false;
	switch (act) {
	case ACT_UP:
		if (u->table_row > 0)
			u->table_row--;
		break;
	case ACT_DOWN:
		if (u->table_row + 1 < n)
			u->table_row++;
		break;
	case ACT_FOLLOW_DONE: decide(u, FOLLOWUP_DONE); break;
	case ACT_FOLLOW_CARRY: decide(u, FOLLOWUP_CARRIED); break;
	case ACT_FOLLOW_DROP: decide(u, FOLLOWUP_DROPPED); break;
	default: return false;
	}
	u->stale = true;
	return true;
}

/* The style an outcome is shown in. */
static enum style outcome_style(enum followup_outcome o)
{
	return o == FOLLOWUP_DONE ? STYLE_GOOD : o == FOLLOWUP_OPEN ? STYLE_WARNING : STYLE_NORMAL;
}

/* Writes the owner, due date and, when past, "overdue" of follow-up F into BUF; returns true
 * when F is overdue (still open, its due date before TODAY). */
static bool followup_meta(const struct session_followup *f, const char *today, char *buf,
			  size_t size)
{
	char date[DATE_TEXT_SIZE], due[64] = "";
	bool overdue = f->due[0] && f->outcome == FOLLOWUP_OPEN && date_is_past(f->due, today);

	buf[0] = '\0';
	if (f->due[0] && !date_format(f->due, date_style_spoken(), date, sizeof(date)))
		snprintf(date, sizeof(date), "%s", f->due);
	if (f->due[0])
		/* TRANSLATORS: the date an action is due: "due 15 Jan 2027". */
		snprintf(due, sizeof(due), _("due %s"), date);
	screen_join(buf, size, f->owner);
	screen_join(buf, size, due);
	if (overdue)
		/* TRANSLATORS: an action whose due date has passed. */
		screen_join(buf, size, _("overdue"));
	return overdue;
}

/* Adds follow-up I of the session: the selection mark, its outcome, its text and a line with
 * owner and due date. */
static void put_followup(struct page *p, const struct view *v, size_t i, const char *today)
{
	const struct layout *l = v->l;
	const struct session_followup *f = &v->s->followups[i];
	bool selected = i == v->table_row && !v->read_only;
	const char *label = followup_outcome_label(f->outcome);
	char outcome[64], meta[512];
	bool overdue;
	int w;

	snprintf(outcome, sizeof(outcome), "[%s]", label);
	w = (int)utf8_width(outcome, strlen(outcome)) + 1;
	w = w < 16 ? 16 : w;
	int top;

	page_newline(p);
	page_mark(p);
	top = page_last(p);
	page_puts(p, l->text_x, selected ? STYLE_SELECTED : STYLE_NORMAL,
		  selected ? screen_glyph(v, "▶", ">") : " ");
	page_puts(p, l->text_x + 2, outcome_style(f->outcome), outcome);
	page_wrap_inline(p, l->text_x + 2 + w, l->text_width - 2 - w, STYLE_EMPHASIS, f->text);
	overdue = followup_meta(f, today, meta, sizeof(meta));
	if (meta[0])
		page_wrap(p, l->text_x + 2 + w, l->text_width - 2 - w,
			  overdue ? STYLE_WARNING : STYLE_NORMAL, meta);
	if (selected)
		page_focus(p, top, page_last(p));
}

void screen_followup(struct page *p, const struct view *v)
{
	char note[1024], today[DATE_ISO_SIZE], counts[256];
	size_t open = session_followups_open(v->s), n = v->s->n_followups;

	date_today(today);
	page_newline(p);
	screen_put_title(p, v->l, _("Last time's actions"));
	if (baseline_note(v->s, note, sizeof(note)))
		page_wrap(p, v->l->text_x, v->l->text_width,
			  baseline_note_warns(v->s) ? STYLE_WARNING : STYLE_NORMAL, note);
	snprintf(counts, sizeof(counts),
		 ngettext("%zu action was left open; %zu still to decide.",
			  "%zu actions were left open; %zu still to decide.", n),
		 n, open);
	page_wrap(p, v->l->text_x, v->l->text_width, STYLE_HEADING, counts);
	for (size_t i = 0; i < n; i++)
		put_followup(p, v, i, today);
}

const char *screen_last_time(const struct view *v, size_t dim, char *buf, size_t size)
{
	int current, target;
	char a[8] = "?", b[8] = "?";

	if (!baseline_row(v->s, dim, &current, &target))
		return NULL;
	if (current)
		snprintf(a, sizeof(a), "%d", current);
	if (target)
		snprintf(b, sizeof(b), "%d", target);
	/* TRANSLATORS: last time's agreed current and target phase of a row: "last time: 2 → 3"
	 * (%s: the arrow). */
	snprintf(buf, size, _("last time: %s %s %s"), a, screen_glyph(v, "→", "->"), b);
	return buf;
}
