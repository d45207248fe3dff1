/* screens_score.c - scoring a row: its behaviours side by side, the votes, the agreed
 * phases, the note and the actions of the row. No curses. */
#include "screens_blocks.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "stats.h"
#include "utf8.h"
#include "wrap.h"

enum style screen_agreed_style(const struct view *v, size_t dim, int number)
{
	const struct session_score *sc = &v->s->scores[dim];

	if (sc->current == number)
		return STYLE_CURRENT;
	if (sc->target == number)
		return STYLE_TARGET;
	return STYLE_NORMAL;
}

/* Returns the label that marks phase NUMBER on row DIM as agreed, or NULL. */
static const char *agreed_label(const struct view *v, size_t dim, int number)
{
	const struct session_score *sc = &v->s->scores[dim];

	if (sc->current == number && sc->target == number)
		/* TRANSLATORS: the mark of a phase column that is both the agreed current phase
		 * and the target phase (as the two marks "CURRENT" and "TARGET"). */
		return _("CURRENT = TARGET");
	if (sc->current == number)
		/* TRANSLATORS: the mark over the column of the agreed current phase (capitals). */
		return _("CURRENT");
	if (sc->target == number)
		/* TRANSLATORS: the mark over the column of the agreed target phase (capitals). */
		return _("TARGET");
	return NULL;
}


void screen_put_row_cells(struct page *p, const struct view *v, size_t dim)
{
	const struct layout *l = v->l;
	const struct content *c = v->c;
	const struct content_dimension *d = &c->dimensions[dim];
	size_t n = c->n_phases > PHASE_COLUMNS_MAX ? PHASE_COLUMNS_MAX : c->n_phases;
	struct block blocks[PHASE_COLUMNS_MAX][4];
	struct column cols[PHASE_COLUMNS_MAX] = { 0 };
	char heads[PHASE_COLUMNS_MAX][160], drafts[128] = "";
	size_t n_drafts = 0;

	for (size_t i = 0; i < n; i++) {
		int number = (int)i + 1;

		screen_phase_label(c, number, heads[i], sizeof(heads[i]));
		blocks[i][0] = (struct block){ screen_agreed_style(v, dim, number) == STYLE_NORMAL
							? STYLE_HEADING : screen_agreed_style(v, dim, number),
					       heads[i] };
		blocks[i][1] = (struct block){ screen_agreed_style(v, dim, number), agreed_label(v, dim, number) };
		blocks[i][2] = (struct block){ STYLE_NORMAL, "" };
		blocks[i][3] = (struct block){ STYLE_NORMAL, d->cells[i].text };
		if (d->cells[i].draft) {
			char one[16];

			snprintf(one, sizeof(one), "%d", number);
			screen_join(drafts, sizeof(drafts), one);
			n_drafts++;
		}
		if (l->phases_side_by_side)
			cols[i] = (struct column){ l->wide_x + (int)i * (l->phase_width + l->gap),
						   l->phase_width, blocks[i], 4 };
		else
			cols[i] = (struct column){ l->text_x, l->text_width, blocks[i], 4 };
	}
	if (l->phases_side_by_side)
		screen_put_columns(p, cols, n);
	for (size_t i = 0; i < n && !l->phases_side_by_side; i++) {
		screen_put_columns(p, &cols[i], 1);
		page_newline(p);
	}
	if (drafts[0]) {
		page_newline(p);
		page_printf(p, l->text_x, STYLE_DRAFT,
			    /* TRANSLATORS: %s is the number of one phase, or a list ("1, 3"). */
			    ngettext("Draft text, to be reviewed: phase %s",
				     "Draft texts, to be reviewed: phases %s", n_drafts),
			    drafts);
	}
}

/* Writes X as the language writes a number ("2.5", "2,5" in Dutch) into BUF; returns BUF. */
static const char *decimal_text(double x, char *buf, size_t size)
{
	/* TRANSLATORS: the decimal separator, as in a median of 2.5 votes (one character). */
	const char *separator = _(".");
	char *point;

	snprintf(buf, size, "%g", x);
	point = strchr(buf, '.');
	if (point && separator[0] && !separator[1])
		*point = separator[0];
	return buf;
}

/* The votes of row DIM: their number while hidden; bars, median and spread when revealed. */
static void put_votes(struct page *p, const struct view *v, size_t dim)
{
	const struct layout *l = v->l;
	const struct session_score *sc = &v->s->scores[dim];
	struct vote_stats st;
	size_t most = 0;

	char count[64], median[32];
	int w;

	vote_stats_compute(sc->votes, sc->n_votes, &st);
	page_newline(p);
	if (!v->revealed[dim] || st.count == 0) {
		/* TRANSLATORS: the number of votes cast on a row, shown before the votes are. */
		snprintf(count, sizeof(count), ngettext("Votes: %zu", "Votes: %zu", st.count), st.count);
		w = (int)utf8_width(count, strlen(count)) + 4;
		page_puts(p, l->text_x, STYLE_HEADING, count);
		page_wrap_inline(p, l->text_x + w, l->text_width - w, STYLE_DIM,
				 st.count ? _("hidden until r reveals them")
					  : _("1-9 adds a vote for that phase"));
		return;
	}
	page_printf(p, l->text_x, STYLE_HEADING,
		    ngettext("Votes: %zu, revealed", "Votes: %zu, revealed", st.count), st.count);
	for (size_t ph = 1; ph <= v->c->n_phases; ph++)
		most = st.per_phase[ph] > most ? st.per_phase[ph] : most;
	for (size_t ph = 1; ph <= v->c->n_phases; ph++) {
		size_t room = (size_t)(l->text_width - 12), len;
		char bar[512] = "";

		/* Four cells a vote, unless the longest bar would not fit: then scale down. */
		len = most * 4 <= room ? st.per_phase[ph] * 4 : st.per_phase[ph] * room / most;
		for (size_t k = 0; k < len && strlen(bar) + 4 < sizeof(bar); k++)
			strcat(bar, screen_glyph(v, "█", "#"));
		page_newline(p);
		page_printf(p, l->text_x + 2, STYLE_NORMAL, "%zu", ph);
		page_puts(p, l->text_x + 5, STYLE_EMPHASIS, bar);
		page_printf(p, l->text_x + 6 + (int)len, STYLE_NORMAL, "%zu", st.per_phase[ph]);
	}
	page_newline(p);
	decimal_text(st.median, median, sizeof(median));
	if (st.lowest == st.highest)
		page_printf(p, l->text_x, STYLE_NORMAL, _("Median %s, unanimous: phase %d"), median,
			    st.lowest);
	else
		page_printf(p, l->text_x, STYLE_NORMAL, _("Median %s, from phase %d to %d"), median,
			    st.lowest, st.highest);
	if (st.disagree) {
		char warning[256];

		snprintf(warning, sizeof(warning),
			 ngettext("%s Far apart: the votes span %d phase. Discuss before agreeing.",
				  "%s Far apart: the votes span %d phases. Discuss before agreeing.",
				  (unsigned long)st.span),
			 screen_glyph(v, "⚠", "!"), st.span);
		page_newline(p);
		page_wrap_inline(p, l->text_x, l->text_width, STYLE_WARNING, warning);
	}
}

/* The agreed phases, the note and the actions of row DIM. */
static void put_agreement(struct page *p, const struct view *v, size_t dim)
{
	const struct layout *l = v->l;
	const struct session_score *sc = &v->s->scores[dim];
	char a[160], b[160];
	const char *agreed = _("Agreed:"), *note = _("Note:");
	int note_w = (int)utf8_width(note, strlen(note)) + 1;

	page_newline(p);
	page_newline(p);
	if (!sc->current && !sc->target) {
		page_wrap_inline(p, l->text_x, l->text_width, STYLE_DIM,
				 _("Not agreed yet: c then a digit sets the current phase, t the target."));
	} else {
		int x = l->text_x + (int)utf8_width(agreed, strlen(agreed)) + 2;

		if (sc->current)
			screen_phase_label(v->c, sc->current, a, sizeof(a));
		else
			snprintf(a, sizeof(a), "%s", _("current ?"));
		if (sc->target)
			screen_phase_label(v->c, sc->target, b, sizeof(b));
		else
			snprintf(b, sizeof(b), "%s", _("target ?"));
		page_puts(p, l->text_x, STYLE_HEADING, agreed);
		page_puts(p, x, STYLE_CURRENT, a);
		x += (int)utf8_width(a, strlen(a)) + 2;
		page_puts(p, x, STYLE_NORMAL, screen_glyph(v, "→", "->"));
		page_puts(p, x + (v->unicode ? 3 : 4), STYLE_TARGET, b);
	}
	page_newline(p);
	page_newline(p);
	page_puts(p, l->text_x, STYLE_HEADING, note);
	page_wrap_inline(p, l->text_x + note_w, l->text_width - note_w,
			 sc->note[0] ? STYLE_NORMAL : STYLE_DIM,
			 sc->note[0] ? sc->note : _("none (n writes one)"));
}

void screen_score_row(struct page *p, const struct view *v, size_t dim)
{
	const struct content *c = v->c;
	const struct content_dimension *d = &c->dimensions[dim];
	const char *heading = _("Actions for this row:");
	int votes_top, w = (int)utf8_width(heading, strlen(heading)) + 1;
	char where[256];

	/* TRANSLATORS: the group of a row, then where the row is: "interactie, row 3 of 10". */
	snprintf(where, sizeof(where), _("%s, row %zu of %zu"), c->groups[d->group].title,
		 dim + 1, c->n_dimensions);
	screen_put_context(p, v->l->text_x, where);
	screen_put_title(p, v->l, d->name);
	screen_put_row_cells(p, v, dim);
	page_newline(p);
	votes_top = page_last(p) + 1;
	put_votes(p, v, dim);
	put_agreement(p, v, dim);
	if (v->revealed[dim])
		page_focus(p, votes_top, page_last(p));
	page_newline(p);
	page_newline(p);
	page_puts(p, v->l->text_x, STYLE_HEADING, heading);
	if (!screen_put_actions_of(p, v, d->id, SCREEN_ROW_ACTIONS, v->l->text_x + 2,
				   v->l->text_width - 2))
		page_wrap_inline(p, v->l->text_x + w, v->l->text_width - w, STYLE_DIM,
				 _("none (a adds one)"));
}
