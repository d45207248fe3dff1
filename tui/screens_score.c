/* screens_score.c - scoring a row: its behaviours side by side, the votes, the agreed
 * phases, the note and the actions of the row. No curses. */
#include "screens_blocks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "followup.h"
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


/* The N columns of a row's phases: in each, the phase's heading (current and target marked in
 * it, the text in HEADS), its bar of votes when shown, blank lines, and its behaviour. */
struct row_columns {
	struct block blocks[PHASE_COLUMNS_MAX][5];
	struct column cols[PHASE_COLUMNS_MAX];
	char heads[PHASE_COLUMNS_MAX][PHASE_HEAD_SIZE + 160];
	size_t n;
};

/* Fills RC with the columns of row DIM; BARS (or NULL) holds the text of each phase's bar of
 * votes; GAP (0 or more) blank lines go between the headings (and bars) and the behaviours. */
static void row_columns(struct row_columns *rc, const struct view *v, size_t dim,
			char (*bars)[512], int gap)
{
	const struct layout *l = v->l;
	const struct content_dimension *d = &v->c->dimensions[dim];

	rc->n = v->c->n_phases > PHASE_COLUMNS_MAX ? PHASE_COLUMNS_MAX : v->c->n_phases;
	for (size_t i = 0; i < rc->n; i++) {
		int number = (int)i + 1;
		enum style agreed = screen_agreed_style(v, dim, number);
		const char *mark = agreed_label(v, dim, number);
		char label[160];
		size_t k = 0;

		screen_phase_label(v->c, number, label, sizeof(label));
		snprintf(rc->heads[i], sizeof(rc->heads[i]), mark ? "%s %s" : "%s", label,
			 mark ? mark : "");
		rc->blocks[i][k++] = (struct block){ agreed == STYLE_NORMAL ? STYLE_HEADING : agreed,
						     rc->heads[i] };
		if (bars)
			rc->blocks[i][k++] = (struct block){ STYLE_EMPHASIS, bars[i] };
		for (int g = 0; g < gap && g < 2; g++)
			rc->blocks[i][k++] = (struct block){ STYLE_NORMAL, "" };
		rc->blocks[i][k++] = (struct block){ STYLE_NORMAL, d->cells[i].text };
		if (l->phases_side_by_side)
			rc->cols[i] = (struct column){ l->wide_x + (int)i * (l->phase_width + l->gap),
						       l->phase_width, rc->blocks[i], k };
		else
			rc->cols[i] = (struct column){ l->text_x, l->text_width, rc->blocks[i], k };
	}
}

/* Adds the columns of RC: side by side when they fit, else one under the other. */
static void put_row_columns(struct page *p, const struct view *v, const struct row_columns *rc)
{
	if (v->l->phases_side_by_side) {
		screen_put_headed_columns(p, rc->cols, rc->n, 1);
		return;
	}
	for (size_t i = 0; i < rc->n; i++) {
		screen_put_columns(p, &rc->cols[i], 1);
		page_newline(p);
	}
}

/* Returns how many lines the columns of RC take. */
static int row_columns_height(const struct view *v, const struct row_columns *rc)
{
	int h = 0;

	if (v->l->phases_side_by_side)
		return screen_columns_height(rc->cols, rc->n);
	for (size_t i = 0; i < rc->n; i++)
		h += screen_columns_height(&rc->cols[i], 1) + 1;
	return h;
}

/* Adds the draft marker of row DIM's behaviours when the view shows drafts (--drafts). */
static void put_drafts(struct page *p, const struct view *v, size_t dim)
{
	const struct content_dimension *d = &v->c->dimensions[dim];
	char drafts[128] = "";
	size_t n_drafts = 0;

	if (!v->drafts)
		return;
	for (size_t i = 0; i < v->c->n_phases && i < PHASE_COLUMNS_MAX; i++) {
		char one[16];

		if (!d->cells[i].draft)
			continue;
		snprintf(one, sizeof(one), "%d", (int)i + 1);
		screen_join(drafts, sizeof(drafts), one);
		n_drafts++;
	}
	if (!drafts[0])
		return;
	page_newline(p);
	page_newline(p);
	page_printf(p, v->l->text_x, STYLE_DRAFT,
		    /* TRANSLATORS: %s is the number of one phase, or a list ("1, 3"). */
		    ngettext("Draft text, to be reviewed: phase %s",
			     "Draft texts, to be reviewed: phases %s", n_drafts),
		    drafts);
}

void screen_put_row_cells(struct page *p, const struct view *v, size_t dim)
{
	struct row_columns rc;

	row_columns(&rc, v, dim, NULL, 1);
	put_row_columns(p, v, &rc);
	put_drafts(p, v, dim);
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

unsigned long screen_participants(const struct session *s)
{
	const char *text = s->meta[META_PARTICIPANTS];

	return text && text[0] ? strtoul(text, NULL, 10) : 0;
}

const char *screen_vote_count(size_t votes, unsigned long participants, char *buf,
			      size_t size)
{
	if (participants && votes <= participants)
		/* TRANSLATORS: votes cast of the participants the session names: "9 of 14 voted". */
		snprintf(buf, size, _("%zu of %lu voted"), votes, participants);
	else
		snprintf(buf, size, ngettext("%zu vote", "%zu votes", votes), votes);
	return buf;
}

/* Writes how many voted on row ST into BUF (screen_vote_count); returns BUF. */
static const char *vote_count(const struct view *v, const struct vote_stats *st, char *buf,
			      size_t size)
{
	return screen_vote_count(st->count, screen_participants(v->s), buf, size);
}

/* Writes what the revealed votes ST say into BUF: unanimity, or how many chose the phase
 * most chose (or which phases share the most votes) and the median with the spread. */
static const char *vote_outcome(const struct vote_stats *st, char *buf, size_t size)
{
	char median[32], most[128] = "", phases[256] = "";

	if (st->unanimous) {
		/* TRANSLATORS: every vote for one phase: "unanimous: phase 3". */
		snprintf(buf, size, _("unanimous: phase %d"), st->lowest);
		return buf;
	}
	if (st->mode_shared) {
		for (int ph = st->lowest; ph <= st->highest; ph++) {
			char one[16];

			snprintf(one, sizeof(one), "%d", ph);
			if (st->per_phase[ph] == st->mode_votes)
				screen_join(phases, sizeof(phases), one);
		}
		/* TRANSLATORS: the phases that share the most votes, a list: "2, 3". */
		snprintf(most, sizeof(most), _("as many votes for phases %s"), phases);
	} else {
		/* TRANSLATORS: the phase most chose: "5 of 7 chose phase 3". */
		snprintf(most, sizeof(most), ngettext("%zu of %zu chose phase %d",
						      "%zu of %zu chose phase %d", st->mode_votes),
			 st->mode_votes, st->count, st->mode);
	}
	decimal_text(st->median, median, sizeof(median));
	/* TRANSLATORS: what the votes say, then their median and spread: "5 of 7 chose phase 3;
	 * median 3, from phase 2 to 4". */
	snprintf(buf, size, _("%s; median %s, from phase %d to %d"), most, median, st->lowest,
		 st->highest);
	return buf;
}

/* Adds the line of the votes of row DIM (ST): their number while hidden, what they say when
 * revealed, and the warning when they are really split. */
static void put_vote_line(struct page *p, const struct view *v, size_t dim,
			  const struct vote_stats *st)
{
	const struct layout *l = v->l;
	char count[128], outcome[512], line[768];

	page_newline(p);
	if (st->count == 0) {
		page_puts(p, l->wide_x, STYLE_HEADING, _("No votes yet"));
		return;
	}
	vote_count(v, st, count, sizeof(count));
	if (!v->revealed[dim])
		/* TRANSLATORS: the votes of a row before they are shown: "5 votes, hidden". */
		snprintf(line, sizeof(line), _("%s, hidden"), count);
	else
		/* TRANSLATORS: the count of votes, then what they say: "9 of 14 voted: 5 of 9
		 * chose phase 3; median 3, from phase 2 to 4". */
		snprintf(line, sizeof(line), _("%s: %s"), count,
			 vote_outcome(st, outcome, sizeof(outcome)));
	page_wrap_inline(p, l->wide_x, l->wide_width, STYLE_HEADING, line);
	if (v->revealed[dim] && st->disagree) {
		char warning[256];

		snprintf(warning, sizeof(warning),
			 ngettext("%s Far apart: the votes span %d phase. Discuss before agreeing.",
				  "%s Far apart: the votes span %d phases. Discuss before agreeing.",
				  (unsigned long)st->span),
			 screen_glyph(v, "⚠", "!"), st->span);
		page_wrap(p, l->wide_x, l->wide_width, STYLE_WARNING, warning);
	}
}

/* Writes the bar of votes of each phase of ST into BARS: a cell or more a vote, the longest
 * as wide as a column allows, then the count. */
static void vote_bars(const struct view *v, const struct vote_stats *st,
		      char bars[PHASE_COLUMNS_MAX][512])
{
	int width = v->l->phases_side_by_side ? v->l->phase_width : v->l->text_width;
	size_t room = width > 8 ? (size_t)width - 4 : 4, most = 0, per = 1;

	for (size_t ph = 1; ph <= v->c->n_phases && ph <= PHASE_COLUMNS_MAX; ph++)
		most = st->per_phase[ph] > most ? st->per_phase[ph] : most;
	while (most && most * (per + 1) <= room && per < 4)
		per++;
	for (size_t ph = 1; ph <= v->c->n_phases && ph <= PHASE_COLUMNS_MAX; ph++) {
		size_t votes = st->per_phase[ph];
		size_t len = most * per <= room ? votes * per : votes * room / most, used = 0;
		char *bar = bars[ph - 1];

		len = votes && !len ? 1 : len;
		bar[0] = '\0';
		for (size_t k = 0; k < len && used + 8 < 512; k++)
			used += (size_t)snprintf(bar + used, 512 - used, "%s",
						 screen_glyph(v, "█", "#"));
		snprintf(bar + used, 512 - used, "%s%zu", len ? " " : "", votes);
	}
}

/* Adds last time's agreed phases of row DIM (LAST, W columns) at the right of the line. */
static void put_last_time(struct page *p, const struct view *v, const char *last, int w)
{
	page_puts(p, v->l->wide_x + v->l->wide_width - w, STYLE_EMPHASIS, last);
}

/* Writes the label of the agreed phase NUMBER (0: not agreed, UNKNOWN says so) into BUF:
 * "N name", or only "phase N" when SHORT. */
static const char *agreed_phase(const struct view *v, int number, bool short_label,
				const char *unknown, char *buf, size_t size)
{
	if (!number)
		snprintf(buf, size, "%s", unknown);
	else if (short_label)
		snprintf(buf, size, _("phase %d"), number);
	else
		screen_phase_label(v->c, number, buf, size);
	return buf;
}

/* The agreed phases of row DIM, in words, and last time's at the right of the same line
 * (then the phases are named by their numbers alone when their names leave no room). */
static void put_agreed(struct page *p, const struct view *v, size_t dim)
{
	const struct layout *l = v->l;
	const struct session_score *sc = &v->s->scores[dim];
	const char *agreed = _("Agreed:"), *none = _("Not agreed yet"), *arrow;
	char a[160], b[160], last[128];
	int agreed_w = (int)utf8_width(agreed, strlen(agreed)) + 2, last_w = 0, x, w;
	bool has_last = screen_last_time(v, dim, last, sizeof(last)) != NULL, short_label = false;

	page_newline(p);
	if (has_last)
		last_w = (int)utf8_width(last, strlen(last)) + 2;
	if (!sc->current && !sc->target) {
		page_puts(p, l->wide_x, STYLE_HEADING, none);
		if (has_last)
			put_last_time(p, v, last, last_w - 2);
		return;
	}
	arrow = screen_glyph(v, "→", "->");
	for (;;) {
		agreed_phase(v, sc->current, short_label, _("current ?"), a, sizeof(a));
		agreed_phase(v, sc->target, short_label, _("target ?"), b, sizeof(b));
		w = agreed_w + (int)(utf8_width(a, strlen(a)) + utf8_width(b, strlen(b))) +
		    (v->unicode ? 5 : 6);
		if (short_label || !has_last || w + last_w <= l->wide_width)
			break;
		short_label = true;
	}
	x = l->wide_x + agreed_w;
	page_puts(p, l->wide_x, STYLE_HEADING, agreed);
	page_puts(p, x, STYLE_CURRENT, a);
	x += (int)utf8_width(a, strlen(a)) + 2;
	page_puts(p, x, STYLE_NORMAL, arrow);
	page_puts(p, x + (v->unicode ? 3 : 4), STYLE_TARGET, b);
	if (has_last && w + last_w <= l->wide_width)
		put_last_time(p, v, last, last_w - 2);
}

/* The note and the actions of row DIM, below what the room must see at once. */
static void put_note_and_actions(struct page *p, const struct view *v, size_t dim)
{
	const struct layout *l = v->l;
	const struct session_score *sc = &v->s->scores[dim];
	const char *note = _("Note:"), *heading = _("Actions for this row:");
	int note_w = (int)utf8_width(note, strlen(note)) + 1;
	int w = (int)utf8_width(heading, strlen(heading)) + 1;

	page_newline(p);
	page_newline(p);
	page_puts(p, l->wide_x, STYLE_HEADING, note);
	page_wrap_inline(p, l->wide_x + note_w, l->wide_width - note_w, STYLE_NORMAL,
			 sc->note[0] ? sc->note : _("none"));
	page_newline(p);
	page_newline(p);
	page_puts(p, l->wide_x, STYLE_HEADING, heading);
	if (!screen_put_actions_of(p, v, v->c->dimensions[dim].id, SCREEN_ROW_ACTIONS,
				   l->wide_x + 2, l->wide_width - 2))
		page_wrap_inline(p, l->wide_x + w, l->wide_width - w, STYLE_NORMAL, _("none"));
}

/* Adds the row's name and, right of it when there is room, its group and place among the
 * rows (else on the line under it). */
static void put_row_title(struct page *p, const struct view *v, size_t dim)
{
	const struct layout *l = v->l;
	const struct content_dimension *d = &v->c->dimensions[dim];
	char where[256];
	int name_w = (int)utf8_width(d->name, strlen(d->name)), where_w;

	/* TRANSLATORS: the group of a row, then where the row is: "interactie, row 3 of 10". */
	snprintf(where, sizeof(where), _("%s, row %zu of %zu"), v->c->groups[d->group].title,
		 dim + 1, v->c->n_dimensions);
	where_w = (int)utf8_width(where, strlen(where));
	page_newline(p);
	if (name_w + 3 + where_w <= l->wide_width) {
		page_puts(p, l->wide_x, STYLE_TITLE, d->name);
		page_puts(p, l->wide_x + l->wide_width - where_w, STYLE_HEADING, where);
		return;
	}
	page_wrap_inline(p, l->wide_x, l->wide_width, STYLE_TITLE, d->name);
	page_newline(p);
	page_put_fit(p, l->wide_x, STYLE_HEADING, where, l->wide_width, v->unicode);
}

/* The lines under a row's columns that its page keeps on the first screen: a blank one and
 * the agreed phases. */
enum { AGREED_LINES = 2 };

/* Fills RC with the columns of row DIM (BARS as row_columns takes them) spaced by the blank
 * lines to put between the parts of its page, and returns their number: none on a small
 * terminal, one, or two on a large one, and only as many as keep the columns and the agreed
 * line under them within the body, USED lines of it being taken above them. */
static int spaced_row_columns(struct row_columns *rc, const struct view *v, size_t dim,
			      char (*bars)[512], int used)
{
	int spare, gap;

	row_columns(rc, v, dim, bars, 0);
	spare = v->l->body_rows - used - row_columns_height(v, rc);
	for (gap = spare >= 8 ? 2 : spare >= 2 ? 1 : 0; gap > 0; gap--) {
		row_columns(rc, v, dim, bars, gap);
		if (used + gap + row_columns_height(v, rc) + AGREED_LINES <= v->l->body_rows)
			return gap;
	}
	row_columns(rc, v, dim, bars, 0);
	return 0;
}

void screen_score_row(struct page *p, const struct view *v, size_t dim)
{
	const struct session_score *sc = &v->s->scores[dim];
	bool bars_shown = v->revealed[dim] && sc->n_votes;
	char bars[PHASE_COLUMNS_MAX][512];
	struct row_columns rc;
	struct vote_stats st;
	int used, gap;

	vote_stats_compute(sc->votes, sc->n_votes, &st);
	if (bars_shown)
		vote_bars(v, &st, bars);
	put_row_title(p, v, dim);
	put_vote_line(p, v, dim, &st);
	used = page_last(p) + 1;
	gap = spaced_row_columns(&rc, v, dim, bars_shown ? bars : NULL, used);
	for (int g = 0; g < gap; g++)
		page_newline(p);
	put_row_columns(p, v, &rc); /* the top of the page: in view as the step opens */
	page_newline(p);
	put_agreed(p, v, dim);
	put_note_and_actions(p, v, dim);
	put_drafts(p, v, dim);
}
