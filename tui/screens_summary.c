/* screens_summary.c - the summary: the chart of current and target phases, the actions,
 * what was not scored and the time spent. No curses. */
#include "screens_blocks.h"

#include <stdio.h>
#include <string.h>

#include "baseline.h"
#include "date.h"
#include "i18n.h"
#include "utf8.h"

/* Adds one line of the chart for row DIM: a slot per phase, current and target marked. */
static void put_chart_row(struct page *p, const struct view *v, size_t dim, int x, int slot)
{
	const struct session_score *sc = &v->s->scores[dim];
	/* The line joins two different phases: none when only one is agreed, or both agree. */
	int lo = sc->current && sc->target && sc->current != sc->target
			 ? (sc->current < sc->target ? sc->current : sc->target) : 0;
	int hi = sc->current > sc->target ? sc->current : sc->target;
	const char *line = screen_glyph(v, "─", "-");

	if (!sc->current && !sc->target) {
		page_puts(p, x, STYLE_NORMAL, _("not scored"));
		return;
	}
	for (int ph = 1; ph <= (int)v->c->n_phases; ph++) {
		int cx = x + (ph - 1) * slot + slot / 2;
		bool cur = sc->current == ph, tgt = sc->target == ph;

		for (int k = 0; k < slot; k++) {
			int at = x + (ph - 1) * slot + k;
			bool on_line = lo && ((ph > lo && ph < hi) || (ph == lo && at > cx) ||
					      (ph == hi && at < cx));

			if (at != cx && on_line)
				page_puts(p, at, STYLE_NORMAL, line);
		}
		if (cur && tgt)
			page_puts(p, cx, STYLE_CURRENT, screen_glyph(v, "◉", "*"));
		else if (lo && ph > lo && ph < hi)
			page_puts(p, cx, STYLE_NORMAL, line);
		else if (cur)
			page_puts(p, cx, STYLE_CURRENT, screen_glyph(v, "●", "C"));
		else if (tgt)
			page_puts(p, cx, STYLE_TARGET, screen_glyph(v, "◎", "T"));
		else
			page_puts(p, cx, STYLE_NORMAL, screen_glyph(v, "·", "."));
	}
}

enum { MOVED_WIDTH = 12 }; /* the column of the movement since last time: "↑ ↓  2→3" */

/* Adds, at X, how row DIM moved since last time: a mark for the current phase and one for the
 * target (↑ up, ↓ down, = the same, - not compared) and last time's phases. */
static void put_moved(struct page *p, const struct view *v, size_t dim, int x)
{
	const struct session_score *sc = &v->s->scores[dim];
	enum movement cur, tgt;
	int before_c, before_t;
	char then[32];

	if (!baseline_row(v->s, dim, &before_c, &before_t))
		return;
	cur = baseline_movement(before_c, sc->current);
	tgt = baseline_movement(before_t, sc->target);
	page_puts(p, x, STYLE_EMPHASIS, cur == MOVE_NONE ? "-" : movement_mark(cur, v->unicode));
	page_puts(p, x + 2, STYLE_EMPHASIS, tgt == MOVE_NONE ? "-" : movement_mark(tgt, v->unicode));
	snprintf(then, sizeof(then), "%c%s%c", before_c ? '0' + before_c : '?',
		 screen_glyph(v, "→", ">"), before_t ? '0' + before_t : '?');
	page_puts(p, x + 5, STYLE_NORMAL, then);
}

/* Adds the line that names the baseline (what the chart is compared with), if any. */
static void put_baseline_note(struct page *p, const struct view *v)
{
	char note[1024];

	if (!baseline_note(v->s, note, sizeof(note)))
		return;
	page_wrap(p, v->l->wide_x, v->l->wide_width,
		  baseline_note_warns(v->s) ? STYLE_WARNING : STYLE_NORMAL, note);
}

/* Adds the legend of the movement since last time, when the baseline is used. */
static void put_moved_legend(struct page *p, const struct view *v)
{
	if (!baseline_in_use(v->s))
		return;
	page_wrap(p, v->l->wide_x, v->l->wide_width, STYLE_NORMAL,
		  /* TRANSLATORS: the legend of the column of the chart that compares with the
		   * earlier session: the marks for current and target, then last time's phases. */
		  v->unicode ? _("Since last time (current, target): ↑ up, ↓ down, = the same, "
				 "then last time's phases")
			     : _("Since last time (current, target): ^ up, v down, = the same, "
				 "then last time's phases"));
}

/* Adds the chart: rows down, phases across, current and target marked, with a legend. */
static void put_chart(struct page *p, const struct view *v)
{
	const struct layout *l = v->l;
	const struct content *c = v->c;
	int moved = baseline_in_use(v->s) ? MOVED_WIDTH : 0;
	int name_w = 0, x, slot;

	for (size_t d = 0; d < c->n_dimensions; d++) {
		const char *name = c->dimensions[d].name;
		int w = (int)utf8_width(name, strlen(name)) + 2;

		name_w = w > name_w ? w : name_w;
	}
	name_w = name_w < l->wide_width / 2 ? name_w : l->wide_width / 2;
	x = l->wide_x + name_w + 1;
	slot = (l->wide_width - name_w - 1 - moved) / (int)c->n_phases;

	slot = slot > 9 ? 9 : slot < 3 ? 3 : slot;
	put_baseline_note(p, v);
	page_newline(p);
	for (size_t ph = 1; ph <= c->n_phases; ph++)
		page_printf(p, x + (int)(ph - 1) * slot + slot / 2, STYLE_HEADING, "%zu", ph);
	for (size_t g = 0; g < c->n_groups; g++) {
		page_newline(p);
		page_puts(p, l->wide_x, STYLE_HEADING, c->groups[g].title);
		for (size_t d = c->groups[g].first; d < c->groups[g].first + c->groups[g].count; d++) {
			const char *name = c->dimensions[d].name;

			page_newline(p);
			page_put_fit(p, l->wide_x + 1, STYLE_NORMAL, name, name_w - 1, v->unicode);
			put_chart_row(p, v, d, x, slot);
			if (moved)
				put_moved(p, v, d, x + (int)c->n_phases * slot + 1);
		}
	}
	page_newline(p);
	page_newline(p);
	page_printf(p, l->wide_x, STYLE_NORMAL,
		    /* TRANSLATORS: the legend of the chart: each %s is the mark drawn for it. */
		    _("%s current   %s target   %s both"),
		    screen_glyph(v, "●", "C"), screen_glyph(v, "◎", "T"), screen_glyph(v, "◉", "*"));
	put_moved_legend(p, v);
}

/* Adds what was decided about last time's open actions, when there were any. */
static void put_followed_up(struct page *p, const struct view *v)
{
	size_t n[FOLLOWUP_COUNT] = { 0 };
	char line[512];

	if (!v->s->n_followups)
		return;
	for (size_t i = 0; i < v->s->n_followups; i++)
		n[v->s->followups[i].outcome]++;
	page_newline(p);
	page_newline(p);
	snprintf(line, sizeof(line),
		 /* TRANSLATORS: what became of the actions left open last time. */
		 _("Last time's actions: %zu done, %zu carried over, %zu dropped, %zu open"),
		 n[FOLLOWUP_DONE], n[FOLLOWUP_CARRIED], n[FOLLOWUP_DROPPED], n[FOLLOWUP_OPEN]);
	page_wrap(p, v->l->text_x, v->l->text_width,
		  n[FOLLOWUP_OPEN] ? STYLE_WARNING : STYLE_NORMAL, line);
}

/* Adds the line of step I of the summary's times: its label, and right of it the time spent
 * against the plan; nothing for a step without a plan and no time spent. */
static void put_step_time(struct page *p, const struct view *v, size_t i)
{
	const struct layout *l = v->l;
	unsigned minutes = v->c->steps[i].minutes;
	unsigned long seconds = v->s->seconds[i];
	char label[256], time[128];
	int w;

	if (!seconds && !minutes)
		return;
	content_step_label(v->c, i, label, sizeof(label));
	screen_time_spent(seconds, minutes, time, sizeof(time));
	w = (int)utf8_width(time, strlen(time));
	page_newline(p);
	page_put_fit(p, l->text_x + 2, STYLE_NORMAL, label,
		     l->text_width - 2 - w - 2, v->unicode);
	page_puts(p, l->text_x + l->text_width - w,
		  seconds > minutes * 60ul && minutes ? STYLE_WARNING : STYLE_NORMAL, time);
}

/* Adds the list of rows not scored and the time spent against the plan (marked as showing
 * the running time). */
static void put_skipped_and_time(struct page *p, const struct view *v)
{
	const struct layout *l = v->l;
	unsigned long spent = session_seconds_spent(v->s);
	char names[2048] = "", planned[64], clock[DURATION_SIZE];
	const char *heading = _("Not scored:");
	int time_top, w = (int)utf8_width(heading, strlen(heading)) + 1;

	for (size_t d = 0; d < v->c->n_dimensions; d++)
		if (!session_row_scored(v->s, d))
			screen_join(names, sizeof(names), v->c->dimensions[d].name);
	page_newline(p);
	page_newline(p);
	page_puts(p, l->text_x, STYLE_HEADING, heading);
	page_wrap_inline(p, l->text_x + w, l->text_width - w, names[0] ? STYLE_WARNING : STYLE_NORMAL,
			 names[0] ? names : _("every row has been scored"));
	page_newline(p);
	page_newline(p);
	screen_minutes(content_planned_minutes(v->c), planned, sizeof(planned));
	duration_clock(spent, clock, sizeof(clock));
	page_printf(p, l->text_x, STYLE_HEADING,
		    /* TRANSLATORS: the plan of the whole agenda ("3 h 30 min") and the time spent
		     * (a clock, h:mm:ss). */
		    _("Time: %s planned, %s spent"), planned, clock);
	time_top = page_last(p);
	for (size_t i = 0; i < v->c->n_steps && i < v->s->n_seconds; i++)
		put_step_time(p, v, i);
	page_clock(p, time_top, page_last(p));
}

void screen_summary(struct page *p, const struct view *v)
{
	page_newline(p);
	screen_put_title(p, v->l, _("Summary"));
	put_chart(p, v);
	page_newline(p);
	page_newline(p);
	page_puts(p, v->l->text_x, STYLE_TITLE, _("Actions"));
	screen_put_all_actions(p, v);
	put_followed_up(p, v);
	put_skipped_and_time(p, v);
}
