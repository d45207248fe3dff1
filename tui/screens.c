/* screens.c - the page of each agenda step, of the lists and of the help. No curses. */
#include "screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "store.h"
#include "stats.h"
#include "wrap.h"

/* ---- building blocks ---------------------------------------------------------------- */

/* One block of text in a column. A NULL text is skipped; "" is a blank line. */
struct block {
	enum style style;
	const char *text;
};

struct column {
	int x, width;
	const struct block *blocks;
	size_t n;
};

struct column_line {
	enum style style;
	const char *text;
	size_t len;
};

/* Wraps block B of COL into lines; stores up to MAX in OUT and returns how many it takes. */
static size_t block_lines(const struct column *col, size_t b, struct column_line *out, size_t max)
{
	const char *t = b < col->n ? col->blocks[b].text : NULL;
	size_t count = 0;

	if (!t)
		return 0;
	if (!*t) {
		if (max)
			out[0] = (struct column_line){ STYLE_NORMAL, "", 0 };
		return 1;
	}
	while (*t) {
		size_t para = strcspn(t, "\n"), pos = 0;

		while (pos < para) {
			size_t len, next = wrap_next(t + pos, para - pos, (size_t)col->width, &len);

			if (count < max)
				out[count] = (struct column_line){ col->blocks[b].style, t + pos, len };
			count++;
			pos += next;
		}
		t += para + (t[para] == '\n');
	}
	return count;
}

/* Adds block B of the N columns side by side on new lines, as tall as the tallest. */
static void put_column_block(struct page *p, const struct column *cols, size_t n, size_t b)
{
	struct column_line *lines[17] = { 0 };
	size_t counts[17] = { 0 }, height = 0;

	for (size_t c = 0; c < n; c++) {
		counts[c] = block_lines(&cols[c], b, NULL, 0);
		lines[c] = calloc(counts[c] ? counts[c] : 1, sizeof(**lines));
		if (!lines[c])
			p->failed = true;
		else
			block_lines(&cols[c], b, lines[c], counts[c]);
		height = counts[c] > height ? counts[c] : height;
	}
	for (size_t r = 0; r < height && !p->failed; r++) {
		page_newline(p);
		for (size_t c = 0; c < n; c++)
			if (r < counts[c])
				page_put(p, cols[c].x, lines[c][r].style, lines[c][r].text, lines[c][r].len);
	}
	for (size_t c = 0; c < n; c++)
		free(lines[c]);
}

/* Adds the N columns (at most 17) side by side on new lines, block by block, so that the
 * blocks of all columns start on the same line. */
static void put_columns(struct page *p, const struct column *cols, size_t n)
{
	size_t blocks = 0;

	n = n > 17 ? 17 : n;
	for (size_t c = 0; c < n; c++)
		blocks = cols[c].n > blocks ? cols[c].n : blocks;
	for (size_t b = 0; b < blocks; b++)
		put_column_block(p, cols, n, b);
}

/* Adds the screen's title at the prose column, with a blank line under it. */
static void put_title(struct page *p, const struct layout *l, const char *title)
{
	page_wrap(p, l->text_x, l->text_width, STYLE_TITLE, title);
	page_newline(p);
}

/* Adds a dim line of context (e.g. "Phase 4 of 4") above a title. */
static void put_context(struct page *p, int x, const char *text)
{
	page_newline(p);
	page_puts(p, x, STYLE_DIM, text);
}

/* Adds prose paragraphs at the prose column, followed by a blank line; nothing for NULL. */
static void put_prose(struct page *p, const struct layout *l, enum style style, const char *text)
{
	if (!text)
		return;
	page_wrap(p, l->text_x, l->text_width, style, text);
	page_newline(p);
}

/* Appends PART to the list in BUF ("a, b"), unless PART is empty. */
static void join(char *buf, size_t size, const char *part)
{
	size_t used = strlen(buf);

	if (part[0])
		snprintf(buf + used, size - used, "%s%s", used ? ", " : "", part);
}

/* Fills the two heading blocks of phase I's column: "Phase N" (dim) over its name, with
 * HEAD as room for the first. */
static void phase_head(const struct content *c, size_t i, char head[16], struct block *blocks)
{
	snprintf(head, 16, "Phase %d", c->phases[i].number);
	blocks[0] = (struct block){ STYLE_DIM, head };
	blocks[1] = (struct block){ STYLE_HEADING, c->phases[i].name };
}

/* Returns the glyph for UNICODE terminals or its ASCII stand-in. */
static const char *glyph(const struct view *v, const char *unicode, const char *ascii)
{
	return v->unicode ? unicode : ascii;
}

/* Writes "N name" for phase NUMBER into BUF. */
static const char *phase_label(const struct content *c, int number, char *buf, size_t size)
{
	const struct content_phase *ph = content_phase(c, number);

	snprintf(buf, size, "%d %s", number, ph ? ph->name : "?");
	return buf;
}

/* ---- the agenda steps --------------------------------------------------------------- */

/* Welcome: the content's title and the session's details. */
static void build_welcome(struct page *p, const struct view *v)
{
	const struct layout *l = v->l;
	const struct session *s = v->s;
	unsigned minutes = content_planned_minutes(v->c);

	page_newline(p);
	put_title(p, l, v->c->title);
	page_wrap(p, l->text_x, l->text_width, STYLE_HEADING, s->meta[META_TITLE]);
	page_newline(p);
	for (int f = META_ORGANISATION; f < META_COUNT; f++) {
		page_newline(p);
		page_puts(p, l->text_x, STYLE_DIM, session_meta_label((enum session_meta)f));
		page_puts(p, l->text_x + 14, s->meta[f][0] ? STYLE_NORMAL : STYLE_DIM,
			  s->meta[f][0] ? s->meta[f] : "-");
	}
	page_newline(p);
	page_newline(p);
	page_printf(p, l->text_x, STYLE_NORMAL, "Today: %zu steps, %u h %02u min planned.",
		    v->c->n_steps, minutes / 60, minutes % 60);
	page_newline(p);
	page_newline(p);
	page_wrap(p, l->text_x, l->text_width, STYLE_DIM,
		  v->read_only ? "Read-only review. Space walks through the steps, ? shows the keys."
			       : "Space starts. e edits these details. ? shows the keys.");
}

/* The model: every phase with its summary, side by side when they fit. */
static void build_model(struct page *p, const struct view *v)
{
	const struct layout *l = v->l;
	const struct content *c = v->c;
	char title[64];

	snprintf(title, sizeof(title), "The %zu phases", c->n_phases);
	put_title(p, l, title);
	if (l->phases_side_by_side && c->n_phases <= 16) {
		struct block blocks[16][4];
		struct column cols[16];
		char heads[16][16];

		for (size_t i = 0; i < c->n_phases; i++) {
			phase_head(c, i, heads[i], blocks[i]);
			blocks[i][2] = (struct block){ STYLE_NORMAL, "" };
			blocks[i][3] = (struct block){ STYLE_NORMAL, c->phases[i].summary };
			cols[i] = (struct column){ l->wide_x + (int)i * (l->phase_width + l->gap),
						   l->phase_width, blocks[i], 4 };
		}
		put_columns(p, cols, c->n_phases);
		return;
	}
	for (size_t i = 0; i < c->n_phases; i++) {
		page_newline(p);
		page_printf(p, l->text_x, STYLE_HEADING, "%d  %s", c->phases[i].number,
			    c->phases[i].name);
		page_wrap(p, l->text_x + 3, l->text_width - 3, STYLE_NORMAL, c->phases[i].summary);
		page_newline(p);
	}
}

/* Adds "Phase N of M" (and a draft marker) above the title of a phase's screen. */
static void put_phase_context(struct page *p, const struct view *v, const struct content_phase *ph)
{
	put_context(p, v->l->text_x, "");
	page_printf(p, v->l->text_x, STYLE_DIM, "Phase %d of %zu", ph->number, v->c->n_phases);
	if (ph->draft)
		page_puts(p, v->l->text_x + 16, STYLE_DRAFT, "draft text: to be reviewed");
}

/* A phase: its name, summary, lead, figure caption, heading and introduction. */
static void build_phase(struct page *p, const struct view *v, const struct content_phase *ph)
{
	const struct layout *l = v->l;

	put_phase_context(p, v, ph);
	put_title(p, l, ph->title ? ph->title : ph->name);
	put_prose(p, l, STYLE_EMPHASIS, ph->summary);
	put_prose(p, l, STYLE_NORMAL, ph->lead);
	put_prose(p, l, STYLE_DIM, ph->figure);
	put_prose(p, l, STYLE_HEADING, ph->heading);
	put_prose(p, l, STYLE_NORMAL, ph->intro);
}

/* A titled text of a phase (what residents notice, the reading guide). */
static void build_block(struct page *p, const struct view *v, const struct content_phase *ph,
			const struct content_block *b, const char *fallback_title)
{
	put_phase_context(p, v, ph);
	put_title(p, v->l, b->title ? b->title : fallback_title);
	put_prose(p, v->l, STYLE_NORMAL, b->text);
}

/* Adds the chapters of PH that come from SOURCE (NULL: the phase's own chapters). */
static void put_chapter_list(struct page *p, const struct view *v, const struct content_phase *ph,
			     const char *source)
{
	const struct layout *l = v->l;

	for (size_t i = 0; i < ph->n_chapters; i++) {
		const struct content_chapter *ch = &ph->chapters[i];
		char authors[512] = "";

		if (source ? !ch->source || strcmp(ch->source, source) != 0 : ch->source != NULL)
			continue;
		for (size_t a = 0; a < ch->n_authors; a++)
			snprintf(authors + strlen(authors), sizeof(authors) - strlen(authors), "%s%s",
				 a ? (a + 1 == ch->n_authors ? " & " : ", ") : "", ch->authors[a]);
		page_newline(p);
		page_puts(p, l->text_x, STYLE_NORMAL, glyph(v, "•", "*"));
		page_wrap_inline(p, l->text_x + 2, l->text_width - 2, STYLE_EMPHASIS, ch->title);
		if (authors[0])
			page_wrap(p, l->text_x + 4, l->text_width - 4, STYLE_DIM, authors);
		if (ch->text)
			page_wrap(p, l->text_x + 4, l->text_width - 4, STYLE_NORMAL, ch->text);
	}
}

/* The chapters of a phase, grouped by the publication they come from. */
static void build_chapters(struct page *p, const struct view *v, const struct content_phase *ph)
{
	const struct layout *l = v->l;

	put_phase_context(p, v, ph);
	put_title(p, l, ph->chapters_heading ? ph->chapters_heading : "Chapters");
	put_chapter_list(p, v, ph, NULL);
	if (ph->n_sources) {
		page_newline(p);
		if (ph->sources_heading) {
			page_newline(p);
			page_wrap(p, l->text_x, l->text_width, STYLE_DIM, ph->sources_heading);
		}
	}
	for (size_t s = 0; s < ph->n_sources; s++) {
		page_newline(p);
		page_newline(p);
		page_puts(p, l->text_x, STYLE_HEADING,
			  ph->sources[s].heading ? ph->sources[s].heading : ph->sources[s].name);
		put_chapter_list(p, v, ph, ph->sources[s].name);
	}
}

/* Returns the style of phase NUMBER's column on row DIM: current, target or plain. */
static enum style agreed_style(const struct view *v, size_t dim, int number)
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
		return "CURRENT = TARGET";
	if (sc->current == number)
		return "CURRENT";
	if (sc->target == number)
		return "TARGET";
	return NULL;
}

/* Returns the column where the cell of phase I starts in the table grid. */
static int table_cell_x(const struct layout *l, size_t i)
{
	return l->wide_x + l->table_name_width + l->gap + (int)i * (l->table_cell_width + l->gap);
}

/* Adds the header of the table grid: a column per phase. */
static void put_table_header(struct page *p, const struct view *v, size_t n)
{
	struct block blocks[16][2];
	struct column cols[16];
	char heads[16][16];

	for (size_t i = 0; i < n; i++) {
		phase_head(v->c, i, heads[i], blocks[i]);
		cols[i] = (struct column){ table_cell_x(v->l, i), v->l->table_cell_width, blocks[i], 2 };
	}
	put_columns(p, cols, n);
}

/* Adds row D of the table grid: its name, then its cells, agreed phases marked. */
static void put_table_row(struct page *p, const struct view *v, size_t d, size_t n)
{
	const struct content_dimension *dim = &v->c->dimensions[d];
	struct block blocks[17];
	struct column cols[17];
	int top;

	page_newline(p);
	page_mark(p);
	top = page_last(p) + 1;
	blocks[0] = (struct block){ d == v->table_row ? STYLE_SELECTED : STYLE_EMPHASIS, dim->name };
	cols[0] = (struct column){ v->l->wide_x, v->l->table_name_width, &blocks[0], 1 };
	for (size_t i = 0; i < n; i++) {
		blocks[i + 1] = (struct block){ agreed_style(v, d, (int)i + 1), dim->cells[i].text };
		cols[i + 1] = (struct column){ table_cell_x(v->l, i), v->l->table_cell_width,
					       &blocks[i + 1], 1 };
	}
	put_columns(p, cols, n + 1);
	if (d == v->table_row)
		page_focus(p, top - 1, page_last(p));
}

/* The whole table as a grid: a header of phases, then every row with its cells. */
static void build_table_grid(struct page *p, const struct view *v)
{
	size_t n = v->c->n_phases > 16 ? 16 : v->c->n_phases;

	put_table_header(p, v, n);
	for (size_t g = 0; g < v->c->n_groups; g++) {
		const struct content_group *grp = &v->c->groups[g];

		page_newline(p);
		page_newline(p);
		page_puts(p, v->l->wide_x, STYLE_TITLE, grp->title);
		for (size_t d = grp->first; d < grp->first + grp->count; d++)
			put_table_row(p, v, d, n);
	}
}

/* Adds the four behaviours of row DIM: side by side when they fit, else stacked. */
static void put_row_cells(struct page *p, const struct view *v, size_t dim)
{
	const struct layout *l = v->l;
	const struct content *c = v->c;
	const struct content_dimension *d = &c->dimensions[dim];
	size_t n = c->n_phases > 16 ? 16 : c->n_phases;
	struct block blocks[16][4];
	struct column cols[16];
	char heads[16][160], drafts[128] = "";

	for (size_t i = 0; i < n; i++) {
		int number = (int)i + 1;

		phase_label(c, number, heads[i], sizeof(heads[i]));
		blocks[i][0] = (struct block){ agreed_style(v, dim, number) == STYLE_NORMAL
							? STYLE_HEADING : agreed_style(v, dim, number),
					       heads[i] };
		blocks[i][1] = (struct block){ agreed_style(v, dim, number), agreed_label(v, dim, number) };
		blocks[i][2] = (struct block){ STYLE_NORMAL, "" };
		blocks[i][3] = (struct block){ STYLE_NORMAL, d->cells[i].text };
		if (d->cells[i].draft)
			snprintf(drafts + strlen(drafts), sizeof(drafts) - strlen(drafts), "%s%d",
				 drafts[0] ? ", " : "", number);
		if (l->phases_side_by_side)
			cols[i] = (struct column){ l->wide_x + (int)i * (l->phase_width + l->gap),
						   l->phase_width, blocks[i], 4 };
		else
			cols[i] = (struct column){ l->text_x, l->text_width, blocks[i], 4 };
	}
	if (l->phases_side_by_side)
		put_columns(p, cols, n);
	for (size_t i = 0; i < n && !l->phases_side_by_side; i++) {
		put_columns(p, &cols[i], 1);
		page_newline(p);
	}
	if (drafts[0]) {
		page_newline(p);
		page_printf(p, l->text_x, STYLE_DRAFT, "Draft texts, to be reviewed: phase %s", drafts);
	}
}

/* The table one row at a time (narrow terminals), with the position shown. */
static void build_table_row(struct page *p, const struct view *v)
{
	const struct content *c = v->c;
	size_t row = v->table_row < c->n_dimensions ? v->table_row : 0;
	const struct content_dimension *d = &c->dimensions[row];

	page_newline(p);
	page_printf(p, v->l->text_x, STYLE_DIM, "The behaviour table: row %zu of %zu (%s)",
		    row + 1, c->n_dimensions, c->groups[d->group].title);
	page_newline(p);
	page_printf(p, v->l->text_x, STYLE_DIM, "%s show the other rows, Space the next",
		    glyph(v, "↑ ↓", "j k"));
	put_title(p, v->l, d->name);
	put_row_cells(p, v, row);
}

/* The votes of row DIM: their number while hidden; bars, median and spread when revealed. */
static void put_votes(struct page *p, const struct view *v, size_t dim)
{
	const struct layout *l = v->l;
	const struct session_score *sc = &v->s->scores[dim];
	struct vote_stats st;
	size_t most = 0;

	vote_stats_compute(sc->votes, sc->n_votes, &st);
	page_newline(p);
	if (!v->revealed[dim] || st.count == 0) {
		page_printf(p, l->text_x, STYLE_HEADING, "Votes: %zu", st.count);
		page_puts(p, l->text_x + 12, STYLE_DIM,
			  st.count ? "hidden until r reveals them" : "1-9 adds a vote for that phase");
		return;
	}
	page_printf(p, l->text_x, STYLE_HEADING, "Votes: %zu, revealed", st.count);
	for (size_t ph = 1; ph <= v->c->n_phases; ph++)
		most = st.per_phase[ph] > most ? st.per_phase[ph] : most;
	for (size_t ph = 1; ph <= v->c->n_phases; ph++) {
		size_t room = (size_t)(l->text_width - 12), len;
		char bar[512] = "";

		/* Four cells a vote, unless the longest bar would not fit: then scale down. */
		len = most * 4 <= room ? st.per_phase[ph] * 4 : st.per_phase[ph] * room / most;
		for (size_t k = 0; k < len && strlen(bar) + 4 < sizeof(bar); k++)
			strcat(bar, glyph(v, "█", "#"));
		page_newline(p);
		page_printf(p, l->text_x + 2, STYLE_NORMAL, "%zu", ph);
		page_puts(p, l->text_x + 5, STYLE_EMPHASIS, bar);
		page_printf(p, l->text_x + 6 + (int)len, STYLE_NORMAL, "%zu", st.per_phase[ph]);
	}
	page_newline(p);
	page_printf(p, l->text_x, STYLE_NORMAL, "Median %g, from phase %d to %d", st.median,
		    st.lowest, st.highest);
	if (st.disagree) {
		page_newline(p);
		page_printf(p, l->text_x, STYLE_WARNING,
			    "%s Far apart: the votes span %d phases. Discuss before agreeing.",
			    glyph(v, "⚠", "!"), st.span);
	}
}

/* The agreed phases, the note and the actions of row DIM. */
static void put_agreement(struct page *p, const struct view *v, size_t dim)
{
	const struct layout *l = v->l;
	const struct session_score *sc = &v->s->scores[dim];
	char a[160], b[160];

	page_newline(p);
	page_newline(p);
	if (!sc->current && !sc->target) {
		page_puts(p, l->text_x, STYLE_DIM,
			  "Not agreed yet: c then a digit sets the current phase, t the target.");
	} else {
		int x = l->text_x + 9;

		if (sc->current)
			phase_label(v->c, sc->current, a, sizeof(a));
		else
			snprintf(a, sizeof(a), "current ?");
		if (sc->target)
			phase_label(v->c, sc->target, b, sizeof(b));
		else
			snprintf(b, sizeof(b), "target ?");
		page_puts(p, l->text_x, STYLE_HEADING, "Agreed:");
		page_puts(p, x, STYLE_CURRENT, a);
		x += (int)text_width(a, strlen(a)) + 2;
		page_puts(p, x, STYLE_NORMAL, glyph(v, "→", "->"));
		page_puts(p, x + (v->unicode ? 3 : 4), STYLE_TARGET, b);
	}
	page_newline(p);
	page_newline(p);
	page_puts(p, l->text_x, STYLE_HEADING, "Note:");
	if (sc->note[0])
		page_wrap_inline(p, l->text_x + 6, l->text_width - 6, STYLE_NORMAL, sc->note);
	else
		page_puts(p, l->text_x + 6, STYLE_DIM, "none (n writes one)");
}

/* Returns true when action A belongs to row ID (NULL: to the workshop as a whole). */
static bool action_of(const struct session_action *a, const char *id)
{
	return id ? a->dimension && strcmp(a->dimension, id) == 0 : a->dimension == NULL;
}

/* Adds action A at column X, WIDTH wide: a box ticked when done, its text (in STYLE), then a
 * dim line with its row (when WITH_ROW), owner and due date. */
static void put_action(struct page *p, const struct view *v, const struct session_action *a,
		       int x, int width, bool with_row, enum style style)
{
	long d = session_action_row(a, v->c);
	const char *row = d >= 0 ? v->c->dimensions[d].name : a->dimension ? a->dimension : "workshop";
	char meta[512] = "", due[32] = "";

	if (a->due[0])
		snprintf(due, sizeof(due), "due %s", a->due);
	join(meta, sizeof(meta), with_row ? row : "");
	join(meta, sizeof(meta), a->owner);
	join(meta, sizeof(meta), due);
	page_newline(p);
	page_puts(p, x, a->done ? STYLE_GOOD : STYLE_NORMAL, a->done ? glyph(v, "[✓]", "[x]") : "[ ]");
	page_wrap_inline(p, x + 4, width - 4, a->done && style == STYLE_NORMAL ? STYLE_DIM : style,
			 a->text);
	if (meta[0])
		page_wrap(p, x + 6, width - 6, STYLE_DIM, meta);
}

/* Adds the actions that belong to row ID (NULL: to the workshop as a whole). */
static size_t put_actions_of(struct page *p, const struct view *v, const char *id, int x,
			     int width)
{
	size_t shown = 0;

	for (size_t i = 0; i < v->s->n_actions; i++) {
		if (!action_of(&v->s->actions[i], id))
			continue;
		put_action(p, v, &v->s->actions[i], x, width, false, STYLE_NORMAL);
		shown++;
	}
	return shown;
}

/* One row with its behaviours side by side: where the group votes and agrees. Once the votes
 * are revealed, they and the agreement are the part kept in view. */
static void build_score(struct page *p, const struct view *v, size_t dim)
{
	const struct content *c = v->c;
	const struct content_dimension *d = &c->dimensions[dim];
	int votes_top;

	put_context(p, v->l->text_x, "");
	page_printf(p, v->l->text_x, STYLE_DIM, "%s, row %zu of %zu", c->groups[d->group].title,
		    dim + 1, c->n_dimensions);
	put_title(p, v->l, d->name);
	put_row_cells(p, v, dim);
	page_newline(p);
	votes_top = page_last(p) + 1;
	put_votes(p, v, dim);
	put_agreement(p, v, dim);
	if (v->revealed[dim])
		page_focus(p, votes_top, page_last(p));
	page_newline(p);
	page_newline(p);
	page_puts(p, v->l->text_x, STYLE_HEADING, "Actions for this row:");
	if (!put_actions_of(p, v, d->id, v->l->text_x + 2, v->l->text_width - 2))
		page_puts(p, v->l->text_x + 22, STYLE_DIM, "none (a adds one)");
}

/* Returns true when the session holds an action for row ID (NULL: the whole workshop). */
static bool has_actions_of(const struct session *s, const char *id)
{
	for (size_t i = 0; i < s->n_actions; i++)
		if (action_of(&s->actions[i], id))
			return true;
	return false;
}

/* Adds a heading and the actions of row ID (NULL: the whole workshop) when there are any. */
static void put_action_group(struct page *p, const struct view *v, const char *id,
			     const char *heading)
{
	const struct layout *l = v->l;

	if (!has_actions_of(v->s, id))
		return;
	page_newline(p);
	page_newline(p);
	page_puts(p, l->text_x, STYLE_HEADING, heading);
	put_actions_of(p, v, id, l->text_x + 2, l->text_width - 2);
}

/* Adds every action grouped by row, then those for the workshop as a whole. */
static void put_all_actions(struct page *p, const struct view *v)
{
	if (v->s->n_actions == 0) {
		page_newline(p);
		page_puts(p, v->l->text_x, STYLE_DIM, "No actions yet: a adds one.");
		return;
	}
	for (size_t i = 0; i < v->s->n_scores; i++) {
		const char *id = v->s->scores[i].dimension;
		long d = content_dimension_index(v->c, id);

		put_action_group(p, v, id, d >= 0 ? v->c->dimensions[d].name : id);
	}
	put_action_group(p, v, NULL, "The workshop as a whole");
}

/* The actions step: every agreed action, grouped by row. */
static void build_actions(struct page *p, const struct view *v)
{
	page_newline(p);
	put_title(p, v->l, "Actions");
	page_wrap(p, v->l->text_x, v->l->text_width, STYLE_DIM,
		  "a adds an action, A lists them to edit, tick off or delete.");
	put_all_actions(p, v);
}

/* Adds one line of the chart for row DIM: a slot per phase, current and target marked. */
static void put_chart_row(struct page *p, const struct view *v, size_t dim, int x, int slot)
{
	const struct session_score *sc = &v->s->scores[dim];
	/* The line joins two different phases: none when only one is agreed, or both agree. */
	int lo = sc->current && sc->target && sc->current != sc->target
			 ? (sc->current < sc->target ? sc->current : sc->target) : 0;
	int hi = sc->current > sc->target ? sc->current : sc->target;
	const char *line = glyph(v, "─", "-");

	if (!sc->current && !sc->target) {
		page_puts(p, x, STYLE_DIM, "not scored");
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
			page_puts(p, cx, STYLE_CURRENT, glyph(v, "◉", "*"));
		else if (lo && ph > lo && ph < hi)
			page_puts(p, cx, STYLE_NORMAL, line);
		else if (cur)
			page_puts(p, cx, STYLE_CURRENT, glyph(v, "●", "C"));
		else if (tgt)
			page_puts(p, cx, STYLE_TARGET, glyph(v, "◎", "T"));
		else
			page_puts(p, cx, STYLE_DIM, glyph(v, "·", "."));
	}
}

/* Adds the chart: rows down, phases across, current and target marked, with a legend. */
static void put_chart(struct page *p, const struct view *v)
{
	const struct layout *l = v->l;
	const struct content *c = v->c;
	int name_w = 0, x, slot;

	for (size_t d = 0; d < c->n_dimensions; d++) {
		const char *name = c->dimensions[d].name;
		int w = (int)text_width(name, strlen(name)) + 2;

		name_w = w > name_w ? w : name_w;
	}
	name_w = name_w < l->wide_width / 2 ? name_w : l->wide_width / 2;
	x = l->wide_x + name_w + 1;
	slot = (l->wide_width - name_w - 1) / (int)c->n_phases;

	slot = slot > 9 ? 9 : slot < 3 ? 3 : slot;
	page_newline(p);
	for (size_t ph = 1; ph <= c->n_phases; ph++)
		page_printf(p, x + (int)(ph - 1) * slot + slot / 2, STYLE_HEADING, "%zu", ph);
	for (size_t g = 0; g < c->n_groups; g++) {
		page_newline(p);
		page_puts(p, l->wide_x, STYLE_DIM, c->groups[g].title);
		for (size_t d = c->groups[g].first; d < c->groups[g].first + c->groups[g].count; d++) {
			const char *name = c->dimensions[d].name;

			page_newline(p);
			page_put(p, l->wide_x + 1, STYLE_NORMAL, name,
				 text_fit(name, strlen(name), (size_t)name_w - 1));
			put_chart_row(p, v, d, x, slot);
		}
	}
	page_newline(p);
	page_newline(p);
	page_printf(p, l->wide_x, STYLE_DIM, "%s current   %s target   %s both",
		    glyph(v, "●", "C"), glyph(v, "◎", "T"), glyph(v, "◉", "*"));
}

/* Adds the list of rows not scored and the time spent against the plan. */
static void put_skipped_and_time(struct page *p, const struct view *v)
{
	const struct layout *l = v->l;
	unsigned long spent = 0;
	unsigned planned = content_planned_minutes(v->c);
	char names[2048] = "";

	for (size_t d = 0; d < v->c->n_dimensions; d++)
		if (!session_row_scored(v->s, d))
			join(names, sizeof(names), v->c->dimensions[d].name);
	page_newline(p);
	page_newline(p);
	page_puts(p, l->text_x, STYLE_HEADING, "Not scored:");
	page_wrap_inline(p, l->text_x + 12, l->text_width - 12, names[0] ? STYLE_WARNING : STYLE_DIM,
		  names[0] ? names : "every row has been scored");
	for (size_t i = 0; i < v->s->n_seconds; i++)
		spent += v->s->seconds[i];
	page_newline(p);
	page_newline(p);
	page_printf(p, l->text_x, STYLE_HEADING, "Time: %lu h %02lu min spent of %u h %02u min planned",
		    spent / 3600, spent / 60 % 60, planned / 60, planned % 60);
	for (size_t i = 0; i < v->c->n_steps && i < v->s->n_seconds; i++) {
		char label[256], clock[64];
		unsigned minutes = v->c->steps[i].minutes;

		if (!v->s->seconds[i] && !minutes)
			continue;
		content_step_label(v->c, i, label, sizeof(label));
		page_newline(p);
		page_put(p, l->text_x + 2, v->s->seconds[i] ? STYLE_NORMAL : STYLE_DIM, label,
			 text_fit(label, strlen(label), (size_t)l->text_width - 18));
		page_puts(p, l->text_x + l->text_width - 13,
			  v->s->seconds[i] > minutes * 60ul && minutes ? STYLE_WARNING : STYLE_DIM,
			  screen_clock(v->s->seconds[i], minutes, clock, sizeof(clock)));
	}
}

void screen_summary(struct page *p, const struct view *v)
{
	page_newline(p);
	put_title(p, v->l, "Summary");
	put_chart(p, v);
	page_newline(p);
	page_newline(p);
	page_puts(p, v->l->text_x, STYLE_TITLE, "Actions");
	put_all_actions(p, v);
	put_skipped_and_time(p, v);
}

void screen_step(struct page *p, const struct view *v)
{
	const struct content_step *st = &v->c->steps[v->step];
	const struct content_phase *ph = content_phase(v->c, st->phase);

	switch (st->kind) {
	case STEP_WELCOME: build_welcome(p, v); break;
	case STEP_MODEL: page_newline(p); build_model(p, v); break;
	case STEP_PHASE: build_phase(p, v, ph); break;
	case STEP_CITIZEN: build_block(p, v, ph, &ph->citizen, "What residents notice"); break;
	case STEP_READING_GUIDE: build_block(p, v, ph, &ph->reading_guide, "Reading guide"); break;
	case STEP_CHAPTERS: build_chapters(p, v, ph); break;
	case STEP_TABLE:
		if (v->l->table_grid)
			build_table_grid(p, v);
		else
			build_table_row(p, v);
		break;
	case STEP_SCORE: build_score(p, v, st->dimension); break;
	case STEP_ACTIONS: build_actions(p, v); break;
	case STEP_SUMMARY: screen_summary(p, v); break;
	default:
		page_newline(p);
		put_title(p, v->l, st->title ? st->title : "");
		put_prose(p, v->l, STYLE_NORMAL, st->text);
		break;
	}
}

/* ---- overlays ----------------------------------------------------------------------- */

void screen_warnings(struct page *p, const struct session *s, int width)
{
	page_puts(p, 0, STYLE_TITLE, "Worth knowing about this session");
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
	page_puts(p, 0, STYLE_DIM, "Any key closes this.");
}

void screen_help(struct page *p, int width, bool read_only)
{
	size_t n;
	const struct binding *b = bindings(&n);
	const char *section = "";
	int keys_w = width > 60 ? 24 : 14;

	page_puts(p, 0, STYLE_TITLE, "Keys");
	if (read_only) {
		page_newline(p);
		page_puts(p, 0, STYLE_WARNING, "Read-only review: the keys that change the session are off.");
	}
	for (size_t i = 0; i < n; i++) {
		enum style style = read_only && b[i].edits ? STYLE_DIM : STYLE_NORMAL;

		if (strcmp(section, b[i].section) != 0) {
			section = b[i].section;
			page_newline(p);
			page_newline(p);
			page_puts(p, 0, STYLE_HEADING, section);
		}
		page_newline(p);
		page_puts(p, 1, STYLE_EMPHASIS, b[i].keys);
		if ((int)text_width(b[i].keys, strlen(b[i].keys)) >= keys_w - 1)
			page_newline(p);
		page_wrap_inline(p, keys_w, width - keys_w, style, b[i].help);
	}
}

const char *screen_clock(unsigned long seconds, unsigned minutes, char *buf, size_t size)
{
	if (minutes)
		snprintf(buf, size, "%lu:%02lu / %u:00", seconds / 60, seconds % 60, minutes);
	else
		snprintf(buf, size, "%lu:%02lu", seconds / 60, seconds % 60);
	return buf;
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
		snprintf(buf, size, "%s %s %s", current, glyph(v, "→", "->"), target);
	else if (sc->n_votes)
		snprintf(buf, size, "%zu vote%s", sc->n_votes, sc->n_votes == 1 ? "" : "s");
	else
		buf[0] = '\0';
	return buf;
}

void screen_overview(struct page *p, const struct view *v, size_t selected, int width)
{
	bool clocks = width >= 56, states = width >= 46;
	int label_w = width - 6 - (clocks ? 16 : 0) - (states ? 9 : 0);

	page_puts(p, 0, STYLE_TITLE, "Overview");
	page_wrap_inline(p, 10, width - 10, STYLE_DIM, "Enter jumps to the selected step, Esc closes");
	page_newline(p);
	for (size_t i = 0; i < v->c->n_steps; i++) {
		const struct content_step *st = &v->c->steps[i];
		char label[256], state[64] = "", clock[64];
		unsigned long spent = i < v->s->n_seconds ? v->s->seconds[i] : 0;

		content_step_label(v->c, i, label, sizeof(label));
		page_mark(p);
		page_newline(p);
		page_puts(p, 0, i == v->step ? STYLE_EMPHASIS : STYLE_DIM,
			  i == v->step ? glyph(v, "▶", ">") : " ");
		page_printf(p, 2, STYLE_DIM, "%2zu", i + 1);
		page_put(p, 6, i == selected ? STYLE_SELECTED : STYLE_NORMAL, label,
			 text_fit(label, strlen(label), (size_t)(label_w > 1 ? label_w - 1 : 1)));
		if (states && st->kind == STEP_SCORE)
			page_puts(p, 6 + label_w, STYLE_GOOD,
				  row_state(v, st->dimension, state, sizeof(state)));
		if (clocks)
			page_puts(p, width - 15,
				  spent > st->minutes * 60ul && st->minutes ? STYLE_WARNING : STYLE_DIM,
				  screen_clock(spent, st->minutes, clock, sizeof(clock)));
		if (i == selected)
			page_focus(p, page_last(p), page_last(p));
	}
}

void screen_actions(struct page *p, const struct view *v, size_t selected, int width)
{
	page_puts(p, 0, STYLE_TITLE, "Actions");
	page_puts(p, 9, STYLE_DIM,
		  v->read_only ? "read-only; Esc closes"
			       : "Space done, Enter edit, d delete, a add, Esc close");
	page_newline(p);
	if (v->s->n_actions == 0) {
		page_newline(p);
		page_puts(p, 0, STYLE_DIM, "No actions yet.");
	}
	for (size_t i = 0; i < v->s->n_actions; i++) {
		int top = page_last(p) + 1;

		put_action(p, v, &v->s->actions[i], 0, width, true,
			   i == selected ? STYLE_SELECTED : STYLE_NORMAL);
		if (i == selected)
			page_focus(p, top, page_last(p));
	}
}

void screen_start(struct page *p, const char *dir, const struct store_entry *entries, size_t n,
		  size_t selected, int width, bool unicode)
{
	int x = width > 90 ? (width - 86) / 2 : 2, w = width - 2 * x;

	page_newline(p);
	page_puts(p, x, STYLE_TITLE, "meetlat");
	page_puts(p, x + 9, STYLE_DIM, "sessions in");
	page_wrap_inline(p, x + 21, w - 21, STYLE_DIM, dir);
	page_newline(p);
	for (size_t i = 0; i <= n; i++) {
		enum style style = i == selected ? STYLE_SELECTED : STYLE_NORMAL;
		int top;

		page_newline(p);
		top = page_last(p);
		page_puts(p, x, STYLE_EMPHASIS, i == selected ? (unicode ? "▶" : ">") : " ");
		if (i == n) {
			page_puts(p, x + 2, style, "+ a new session");
		} else if (entries[i].error) {
			page_wrap_inline(p, x + 2, w - 2, STYLE_WARNING, entries[i].path);
			page_wrap(p, x + 4, w - 4, STYLE_DIM, entries[i].error);
		} else {
			char facts[256];

			snprintf(facts, sizeof(facts), "%s%s%s  step %zu of %zu, %zu of %zu rows scored",
				 entries[i].group, entries[i].group[0] ? ", " : "", entries[i].date,
				 entries[i].position + 1, entries[i].n_steps, entries[i].rows_scored,
				 entries[i].n_rows);
			page_wrap_inline(p, x + 2, w - 2, style, entries[i].title);
			page_wrap(p, x + 4, w - 4, STYLE_DIM, facts);
		}
		if (i == selected)
			page_focus(p, top, page_last(p));
	}
	page_newline(p);
	page_newline(p);
	page_puts(p, x, STYLE_DIM, "Enter opens   n new session   q quits");
}
