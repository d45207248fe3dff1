/* presenter.c - the presenter panel: the facilitator's own view while the room follows on
 * another terminal (meetlat --follow). */
#include "presenter.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "stats.h"

/* The step V shows, and the next one ("last step" on the last). */
static void put_steps(struct page *p, const struct view *v, int x, int width)
{
	char label[512], line[640];

	content_step_label(v->c, v->step, label, sizeof(label));
	snprintf(line, sizeof(line), _("Step %zu of %zu: %s"), v->step + 1, v->c->n_steps, label);
	page_newline(p);
	page_put_fit(p, x, STYLE_HEADING, line, width, v->unicode);
	page_newline(p);
	if (v->step + 1 < v->c->n_steps) {
		content_step_label(v->c, v->step + 1, label, sizeof(label));
		snprintf(line, sizeof(line), _("Next: %s"), label);
		page_put_fit(p, x, STYLE_NORMAL, line, width, v->unicode);
	} else {
		page_puts(p, x, STYLE_NORMAL, _("This is the last step."));
	}
}

/* The time on this step, and the plan of the whole workshop: spent, and left or over. */
static void put_times(struct page *p, const struct view *v, int x, int width)
{
	unsigned long planned = content_planned_minutes(v->c) * 60ul;
	unsigned long spent = session_seconds_spent(v->s);
	char step[64], total[24], rest[24], line[256];

	screen_clock(v->s->seconds[v->step], v->c->steps[v->step].minutes, step, sizeof(step));
	page_newline(p);
	page_newline(p);
	snprintf(line, sizeof(line), _("This step: %s"), step);
	page_put_fit(p, x, STYLE_NORMAL, line, width, v->unicode);
	page_clock(p, page_last(p), page_last(p));
	page_newline(p);
	duration_clock(spent, total, sizeof(total));
	duration_clock(spent <= planned ? planned - spent : spent - planned, rest, sizeof(rest));
	snprintf(line, sizeof(line),
		 spent <= planned ? _("Workshop: %s spent, %s left of the plan")
				  : _("Workshop: %s spent, %s over the plan"),
		 total, rest);
	page_put_fit(p, x, spent <= planned ? STYLE_NORMAL : STYLE_WARNING, line, width,
		     v->unicode);
}

/* The votes of row DIM per phase, whether or not the room is shown them, and the note. */
static void put_row(struct page *p, const struct view *v, size_t dim, int x, int width)
{
	const struct session_score *sc = &v->s->scores[dim];
	struct vote_stats st;
	char line[256];

	vote_stats_compute(sc->votes, sc->n_votes, &st);
	page_newline(p);
	page_newline(p);
	snprintf(line, sizeof(line),
		 v->revealed[dim] ? ngettext("%zu vote, shown to the room", "%zu votes, shown to the room",
					     st.count)
				  : ngettext("%zu vote, hidden from the room",
					     "%zu votes, hidden from the room", st.count),
		 st.count);
	page_put_fit(p, x, STYLE_HEADING, line, width, v->unicode);
	if (v->phone_url) {
		page_newline(p);
		snprintf(line, sizeof(line), _("Open to the phones at %s (p shows the room the code)"),
			 v->phone_url);
		page_put_fit(p, x, STYLE_EMPHASIS, line, width, v->unicode);
	}
	for (size_t ph = 1; ph <= v->c->n_phases && st.count; ph++) {
		page_newline(p);
		snprintf(line, sizeof(line), _("phase %zu: %zu"), ph, st.per_phase[ph]);
		page_put_fit(p, x + 2, STYLE_NORMAL, line, width - 2, v->unicode);
	}
	page_newline(p);
	if (sc->note[0]) {
		page_puts(p, x, STYLE_NORMAL, _("Note:"));
		page_wrap(p, x + 2, width - 2, STYLE_NORMAL, sc->note);
	} else {
		page_puts(p, x, STYLE_NORMAL, _("Note: none"));
	}
}

/* The keys of the step, as the hint key i shows them (in --review none that edit), and the
 * key back to the room's view. */
static void put_keys(struct page *p, const struct view *v, int x, int width)
{
	page_newline(p);
	screen_hints(p, v, x, width, 0);
	page_wrap(p, x, width, STYLE_NORMAL, _("p shows the room's view again."));
}

void screen_presenter(struct page *p, const struct view *v)
{
	const struct content_step *st = &v->c->steps[v->step];
	int x = v->l->wide_x, width = v->l->wide_width;

	put_steps(p, v, x, width);
	put_times(p, v, x, width);
	if (st->kind == STEP_SCORE && st->dimension < v->s->n_scores)
		put_row(p, v, st->dimension, x, width);
	put_keys(p, v, x, width);
}
