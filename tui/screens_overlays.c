/* screens_overlays.c - the pages of the overlays (what was noticed, the help, the overview,
 * the action list) and of the start screen. No curses. */
#include "screens_blocks.h"

#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "date.h"
#include "i18n.h"
#include "store.h"
#include "utf8.h"
#include "wrap.h"

void screen_warnings(struct page *p, const struct session *s, int width)
{
	page_puts(p, 0, STYLE_TITLE, _("Worth knowing about this session"));
	if (s->agenda_notice) {
		page_newline(p);
		page_wrap_inline(p, 2, width - 2, STYLE_NORMAL, s->agenda_notice);
	}
	for (size_t i = 0; i < s->n_warnings; i++) {
		page_newline(p);
		page_puts(p, 0, STYLE_WARNING, "!");
		page_wrap_inline(p, 2, width - 2, STYLE_NORMAL, s->warnings[i]);
	}
	page_newline(p);
	page_newline(p);
	page_puts(p, 0, STYLE_NORMAL, _("Any key closes this."));
}

void screen_help(struct page *p, int width, bool read_only)
{
	size_t n;
	const struct binding *b = bindings(&n);
	const char *section = "";
	int keys_w = width > 60 ? 24 : 14;

	page_puts(p, 0, STYLE_TITLE, _("Keys"));
	if (read_only) {
		page_newline(p);
		page_wrap_inline(p, 0, width, STYLE_WARNING,
				 _("Read-only review: the keys that change the session are off."));
	}
	for (size_t i = 0; i < n; i++) {
		char keys[BINDING_NAMES_SIZE], help[256];

		if (strcmp(section, b[i].section) != 0) {
			section = b[i].section;
			page_newline(p);
			page_newline(p);
			page_puts(p, 0, STYLE_HEADING, _(section));
		}
		page_newline(p);
		page_puts(p, 1, STYLE_EMPHASIS, binding_keys(&b[i], keys));
		if ((int)utf8_width(keys, strlen(keys)) >= keys_w - 1)
			page_newline(p);
		if (read_only && b[i].edits) /* as the key table of meetlat(1) says it */
			snprintf(help, sizeof(help), _("%s (not in --review)"), _(b[i].help));
		else
			snprintf(help, sizeof(help), "%s", _(b[i].help));
		page_wrap_inline(p, keys_w, width - keys_w, STYLE_NORMAL, help);
	}
}

/* Writes a short note of what row DIM holds ("2 -> 3", "5 votes") into BUF, or "". */
static const char *row_state(const struct view *v, size_t dim, char *buf, size_t size)
{
	const struct session_score *sc = &v->s->scores[dim];

	char current[8] = "?", target[8] = "?";

	if (sc->current)
		snprintf(current, sizeof(current), "%d", sc->current);
	if (sc->target)
		snprintf(target, sizeof(target), "%d", sc->target);
	if (sc->current || sc->target)
		snprintf(buf, size, "%s %s %s", current, screen_glyph(v, "→", "->"), target);
	else if (sc->n_votes)
		snprintf(buf, size, ngettext("%zu vote", "%zu votes", sc->n_votes), sc->n_votes);
	else
		buf[0] = '\0';
	return buf;
}

/* Adds the title TITLE of an overlay WIDTH wide and, beside it, the HINT (wrapped). */
static void put_overlay_title(struct page *p, const char *title, const char *hint, int width)
{
	int x = (int)utf8_width(title, strlen(title)) + 2;

	page_puts(p, 0, STYLE_TITLE, title);
	page_wrap_inline(p, x, width - x, STYLE_NORMAL, hint);
}

void screen_overview(struct page *p, const struct view *v, size_t selected, int width)
{
	bool clocks = width >= 56, states = width >= 46;
	int label_w = width - 6 - (clocks ? 15 : 0) - (states ? 10 : 0);

	put_overlay_title(p, _("Overview"), _("Enter jumps to the selected step, Esc closes"), width);
	page_newline(p);
	for (size_t i = 0; i < v->c->n_steps; i++) {
		const struct content_step *st = &v->c->steps[i];
		char label[256], state[64] = "", clock[64];
		unsigned long spent = i < v->s->n_seconds ? v->s->seconds[i] : 0;

		content_step_label(v->c, i, label, sizeof(label));
		page_mark(p);
		page_newline(p);
		if (i == v->step)
			page_puts(p, 0, STYLE_EMPHASIS, screen_glyph(v, "▶", ">"));
		page_printf(p, 2, STYLE_NORMAL, "%2zu", i + 1);
		page_put_fit(p, 6, i == selected ? STYLE_SELECTED : STYLE_NORMAL, label, label_w - 1,
			     v->unicode);
		if (states && st->kind == STEP_SCORE)
			page_puts(p, 6 + label_w, STYLE_GOOD,
				  row_state(v, st->dimension, state, sizeof(state)));
		if (clocks) {
			screen_clock(spent, st->minutes, clock, sizeof(clock));
			page_puts(p, width - (int)utf8_width(clock, strlen(clock)),
				  spent > st->minutes * 60ul && st->minutes ? STYLE_WARNING : STYLE_NORMAL,
				  clock);
		}
		if (clocks && i == v->step)
			page_clock(p, page_last(p), page_last(p));
		if (i == selected)
			page_focus(p, page_last(p), page_last(p));
	}
}

void screen_actions(struct page *p, const struct view *v, size_t selected, int width)
{
	put_overlay_title(p, _("Actions"),
			  v->read_only ? _("read-only; Esc closes")
				       : _("Space done, Enter edit, d delete, a add, Esc close"),
			  width);
	page_newline(p);
	if (v->s->n_actions == 0) {
		page_newline(p);
		page_puts(p, 0, STYLE_NORMAL, _("No actions yet."));
	}
	for (size_t i = 0; i < v->s->n_actions; i++) {
		int top = page_last(p) + 1;

		screen_put_action(p, v, &v->s->actions[i], 0, width, true,
			   i == selected ? STYLE_SELECTED : STYLE_NORMAL);
		if (i == selected)
			page_focus(p, top, page_last(p));
	}
}

void screen_start(struct page *p, const char *dir, const struct store_entry *entries, size_t n,
		  size_t selected, int width, bool unicode)
{
	int x = width > 90 ? (width - 86) / 2 : 2, w = width - 2 * x;
	const char *in = _("sessions in");
	int dir_x = 9 + (int)utf8_width(in, strlen(in)) + 1;

	page_newline(p);
	page_puts(p, x, STYLE_TITLE, "meetlat");
	page_puts(p, x + 9, STYLE_NORMAL, in);
	page_wrap_inline(p, x + dir_x, w - dir_x, STYLE_NORMAL, dir);
	page_newline(p);
	for (size_t i = 0; i <= n; i++) {
		enum style style = i == selected ? STYLE_SELECTED : STYLE_NORMAL;
		int top;

		page_newline(p);
		top = page_last(p);
		page_puts(p, x, STYLE_EMPHASIS, i == selected ? (unicode ? "▶" : ">") : " ");
		if (i == n) {
			page_puts(p, x + 2, style, _("+ a new session"));
		} else if (entries[i].error) {
			page_wrap_inline(p, x + 2, w - 2, STYLE_WARNING, entries[i].path);
			page_wrap(p, x + 4, w - 4, STYLE_NORMAL, entries[i].error);
		} else {
			char facts[512], where[128], scored[128], date[DATE_TEXT_SIZE + 64];

			snprintf(where, sizeof(where), _("step %zu of %zu"), entries[i].position + 1,
				 entries[i].n_steps);
			snprintf(scored, sizeof(scored),
				 ngettext("%zu of %zu row scored", "%zu of %zu rows scored",
					  entries[i].n_rows),
				 entries[i].rows_scored, entries[i].n_rows);
			if (!date_format(entries[i].date, date_style_spoken(), date, sizeof(date)))
				snprintf(date, sizeof(date), "%s", entries[i].date);
			snprintf(facts, sizeof(facts), "%s%s%s  %s, %s", entries[i].group,
				 entries[i].group[0] && date[0] ? ", " : "", date, where, scored);
			page_wrap_inline(p, x + 2, w - 2, style, entries[i].title);
			page_wrap(p, x + 4, w - 4, STYLE_NORMAL, facts);
		}
		if (i == selected)
			page_focus(p, top, page_last(p));
	}
	page_newline(p);
	page_newline(p);
	page_puts(p, x, STYLE_NORMAL, _("Enter opens   n new session   f a follow-up of it   q quits"));
}

void screen_too_small(struct page *p, int cols, int rows)
{
	char need[128];

	snprintf(need, sizeof(need),
		 _("meetlat needs a terminal of at least %dx%d; this one is %dx%d. (q quits)"),
		 LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS, cols, rows);
	page_wrap(p, 0, cols > 1 ? cols - 1 : 1, STYLE_NORMAL, need);
}
