/* screens_steps.c - the pages of the agenda steps that show the almanac: the welcome, the
 * model, a phase and its texts, the chapters, the behaviour table, the actions. No curses. */
#include "screens_blocks.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "followup.h"
#include "i18n.h"
#include "utf8.h"

/* Returns the width of the column of the session's detail labels on the welcome step: the
 * widest label (at least 12) and a gap, at most half of the prose column. */
static int meta_label_width(const struct layout *l)
{
	int widest = 12;

	for (int f = META_ORGANISATION; f < META_COUNT; f++) {
		const char *label = _(session_meta_label((enum session_meta)f));
		int w = (int)utf8_width(label, strlen(label));

		widest = w > widest ? w : widest;
	}
	return widest + 2 < l->text_width / 2 ? widest + 2 : l->text_width / 2;
}

/* Returns detail F of session S as the welcome step shows it: the date as the language spoken
 * reads it (written into DATE, SIZE bytes) when it is one, "-" when the detail is empty. */
static const char *meta_shown(const struct session *s, enum session_meta f, char *date,
			      size_t size)
{
	if (!s->meta[f][0])
		return "-";
	if (f == META_DATE && date_format(s->meta[f], date_style_spoken(), date, size))
		return date;
	return s->meta[f];
}

/* Welcome: the content's title and the session's details. */
static void build_welcome(struct page *p, const struct view *v)
{
	const struct layout *l = v->l;
	const struct session *s = v->s;
	char planned[64], date[DATE_TEXT_SIZE];
	int label_w = meta_label_width(l);

	page_newline(p);
	screen_put_title(p, l, v->c->title);
	page_wrap(p, l->text_x, l->text_width, STYLE_HEADING, s->meta[META_TITLE]);
	page_newline(p);
	for (int f = META_ORGANISATION; f < META_COUNT; f++) {
		page_newline(p);
		page_put_fit(p, l->text_x, STYLE_HEADING, _(session_meta_label((enum session_meta)f)),
			     label_w - 1, v->unicode);
		page_wrap_inline(p, l->text_x + label_w, l->text_width - label_w, STYLE_NORMAL,
				 meta_shown(s, (enum session_meta)f, date, sizeof(date)));
	}
	page_newline(p);
	page_newline(p);
	screen_minutes(content_planned_minutes(v->c), planned, sizeof(planned));
	page_printf(p, l->text_x, STYLE_NORMAL,
		    ngettext("Today: %zu step, %s planned.", "Today: %zu steps, %s planned.",
			     v->c->n_steps),
		    v->c->n_steps, planned);
}

/* Writes N as a word ("four") into BUF when it is small enough to be written so, else in
 * figures; returns BUF. */
static const char *number_word(size_t n, char *buf, size_t size)
{
	static const char *const words[] = {
		N_("zero"), N_("one"), N_("two"), N_("three"), N_("four"), N_("five"),
		N_("six"), N_("seven"), N_("eight"), N_("nine"), N_("ten"),
	};

	if (n < sizeof(words) / sizeof(words[0]))
		snprintf(buf, size, "%s", _(words[n]));
	else
		snprintf(buf, size, "%zu", n);
	return buf;
}

/* The model: every phase with its summary, side by side when they fit. */
static void build_model(struct page *p, const struct view *v)
{
	const struct layout *l = v->l;
	const struct content *c = v->c;
	char title[128], count[32];

	snprintf(title, sizeof(title), ngettext("The %s phase", "The %s phases", c->n_phases),
		 number_word(c->n_phases, count, sizeof(count)));
	screen_put_title(p, l, title);
	if (l->phases_side_by_side && c->n_phases <= PHASE_COLUMNS_MAX) {
		struct block blocks[PHASE_COLUMNS_MAX][4];
		struct column cols[PHASE_COLUMNS_MAX];
		char heads[PHASE_COLUMNS_MAX][PHASE_HEAD_SIZE];

		for (size_t i = 0; i < c->n_phases; i++) {
			screen_phase_head(c, i, heads[i], blocks[i]);
			blocks[i][2] = (struct block){ STYLE_NORMAL, "" };
			blocks[i][3] = (struct block){ STYLE_NORMAL, c->phases[i].summary };
			cols[i] = (struct column){ l->wide_x + (int)i * (l->phase_width + l->gap),
						   l->phase_width, blocks[i], 4 };
		}
		screen_put_headed_columns(p, cols, c->n_phases, 2);
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

/* Adds "Phase N of M" (and, with --drafts, a draft marker) above the title of a phase's
 * screen. */
static void put_phase_context(struct page *p, const struct view *v, const struct content_phase *ph)
{
	char where[64];
	int w;

	snprintf(where, sizeof(where), _("Phase %d of %zu"), ph->number, v->c->n_phases);
	w = (int)utf8_width(where, strlen(where)) + 4;
	screen_put_context(p, v->l->text_x, where);
	if (ph->draft && v->drafts)
		page_put_fit(p, v->l->text_x + w, STYLE_DRAFT, _("draft text: to be reviewed"),
			     v->l->text_width - w, v->unicode);
}

/* A phase: its name, summary, lead, figure caption, heading and introduction. */
static void build_phase(struct page *p, const struct view *v, const struct content_phase *ph)
{
	const struct layout *l = v->l;

	put_phase_context(p, v, ph);
	screen_put_title(p, l, ph->title ? ph->title : ph->name);
	screen_put_prose(p, l, STYLE_EMPHASIS, ph->summary);
	screen_put_prose(p, l, STYLE_NORMAL, ph->lead);
	screen_put_prose(p, l, STYLE_NORMAL, ph->figure);
	screen_put_prose(p, l, STYLE_HEADING, ph->heading);
	screen_put_prose(p, l, STYLE_NORMAL, ph->intro);
}

/* A titled text of a phase (what residents notice, the reading guide). */
static void build_block(struct page *p, const struct view *v, const struct content_phase *ph,
			const struct content_block *b, const char *fallback_title)
{
	put_phase_context(p, v, ph);
	screen_put_title(p, v->l, b->title ? b->title : fallback_title);
	screen_put_prose(p, v->l, STYLE_NORMAL, b->text);
}

/* Adds the chapters of PH that come from SOURCE (NULL: the phase's own chapters). */
static void put_chapter_list(struct page *p, const struct view *v, const struct content_phase *ph,
			     const char *source)
{
	const struct layout *l = v->l;

	for (size_t i = 0; i < ph->n_chapters; i++) {
		const struct content_chapter *ch = &ph->chapters[i];
		char authors[1024];

		if (source ? !ch->source || strcmp(ch->source, source) != 0 : ch->source != NULL)
			continue;
		screen_join_names(ch->authors, ch->n_authors, authors, sizeof(authors));
		page_newline(p);
		page_puts(p, l->text_x, STYLE_NORMAL, screen_glyph(v, "•", "*"));
		page_wrap_inline(p, l->text_x + 2, l->text_width - 2, STYLE_EMPHASIS, ch->title);
		if (authors[0])
			page_wrap(p, l->text_x + 4, l->text_width - 4, STYLE_NORMAL, authors);
		if (ch->text)
			page_wrap(p, l->text_x + 4, l->text_width - 4, STYLE_NORMAL, ch->text);
	}
}

/* The chapters of a phase, grouped by the publication they come from. */
static void build_chapters(struct page *p, const struct view *v, const struct content_phase *ph)
{
	const struct layout *l = v->l;

	put_phase_context(p, v, ph);
	screen_put_title(p, l, ph->chapters_heading ? ph->chapters_heading : _("Chapters"));
	put_chapter_list(p, v, ph, NULL);
	if (ph->n_sources) {
		page_newline(p);
		if (ph->sources_heading) {
			page_newline(p);
			page_wrap(p, l->text_x, l->text_width, STYLE_NORMAL, ph->sources_heading);
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

/* Returns the column where the cell of phase I starts in the table grid. */
static int table_cell_x(const struct layout *l, size_t i)
{
	return l->wide_x + l->table_name_width + l->gap + (int)i * (l->table_cell_width + l->gap);
}

/* Adds the header of the table grid: a column per phase. */
static void put_table_header(struct page *p, const struct view *v, size_t n)
{
	struct block blocks[PHASE_COLUMNS_MAX][2];
	struct column cols[PHASE_COLUMNS_MAX];
	char heads[PHASE_COLUMNS_MAX][PHASE_HEAD_SIZE];

	for (size_t i = 0; i < n; i++) {
		screen_phase_head(v->c, i, heads[i], blocks[i]);
		cols[i] = (struct column){ table_cell_x(v->l, i), v->l->table_cell_width, blocks[i], 2 };
	}
	screen_put_headed_columns(p, cols, n, 2);
}

/* Adds row D of the table grid: its name, then its cells, agreed phases marked. */
static void put_table_row(struct page *p, const struct view *v, size_t d, size_t n)
{
	const struct content_dimension *dim = &v->c->dimensions[d];
	struct block blocks[COLUMNS_MAX];
	struct column cols[COLUMNS_MAX];
	int top;

	page_newline(p);
	page_mark(p);
	top = page_last(p) + 1;
	blocks[0] = (struct block){ d == v->table_row ? STYLE_SELECTED : STYLE_EMPHASIS, dim->name };
	cols[0] = (struct column){ v->l->wide_x, v->l->table_name_width, &blocks[0], 1 };
	for (size_t i = 0; i < n; i++) {
		blocks[i + 1] = (struct block){ screen_agreed_style(v, d, (int)i + 1), dim->cells[i].text };
		cols[i + 1] = (struct column){ table_cell_x(v->l, i), v->l->table_cell_width,
					       &blocks[i + 1], 1 };
	}
	screen_put_columns(p, cols, n + 1);
	if (d == v->table_row)
		page_focus(p, top - 1, page_last(p));
}

/* The whole table as a grid: a header of phases, then every row with its cells. */
static void build_table_grid(struct page *p, const struct view *v)
{
	size_t n = v->c->n_phases > PHASE_COLUMNS_MAX ? PHASE_COLUMNS_MAX : v->c->n_phases;

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

/* The table one row at a time (narrow terminals), with the position shown. */
static void build_table_row(struct page *p, const struct view *v)
{
	const struct content *c = v->c;
	size_t row = v->table_row < c->n_dimensions ? v->table_row : 0;
	const struct content_dimension *d = &c->dimensions[row];

	page_newline(p);
	page_printf(p, v->l->text_x, STYLE_HEADING,
		    _("The behaviour table: row %zu of %zu (%s)"),
		    row + 1, c->n_dimensions, c->groups[d->group].title);
	screen_put_title(p, v->l, d->name);
	screen_put_row_cells(p, v, row);
}

/* The actions step: every agreed action, grouped by row. */
static void build_actions(struct page *p, const struct view *v)
{
	page_newline(p);
	screen_put_title(p, v->l, _("Actions"));
	screen_put_all_actions(p, v);
}

void screen_step(struct page *p, const struct view *v)
{
	const struct content_step *st = &v->c->steps[v->step];
	const struct content_phase *ph = content_phase(v->c, st->phase);

	switch (st->kind) {
	case STEP_WELCOME: build_welcome(p, v); break;
	case STEP_MODEL: page_newline(p); build_model(p, v); break;
	case STEP_PHASE: build_phase(p, v, ph); break;
	case STEP_CITIZEN: build_block(p, v, ph, &ph->citizen, _("What residents notice")); break;
	case STEP_READING_GUIDE: build_block(p, v, ph, &ph->reading_guide, _("Reading guide")); break;
	case STEP_CHAPTERS: build_chapters(p, v, ph); break;
	case STEP_TABLE:
		if (v->l->table_grid)
			build_table_grid(p, v);
		else
			build_table_row(p, v);
		break;
	case STEP_SCORE: screen_score_row(p, v, st->dimension); break;
	case STEP_ACTIONS: build_actions(p, v); break;
	case STEP_SUMMARY: screen_summary(p, v); break;
	case STEP_FOLLOWUP: screen_followup(p, v); break;
	default:
		page_newline(p);
		screen_put_title(p, v->l, st->title ? st->title : "");
		screen_put_prose(p, v->l, STYLE_NORMAL, st->text);
		break;
	}
}

/* Adds the hints of a scoring step of row DIM: what votes, reveals and agrees (editing keys
 * only when the session can change). */
static void score_hints(const struct view *v, size_t dim, const char **hints, size_t *n)
{
	const struct session_score *sc = &v->s->scores[dim];

	if (!v->read_only) {
		hints[(*n)++] = _("1-9 adds a vote for that phase");
		hints[(*n)++] = _("v lets the phones vote");
	}
	if (sc->n_votes && !v->revealed[dim])
		hints[(*n)++] = _("r reveals the votes");
	if (v->read_only)
		return;
	hints[(*n)++] = _("c then a digit sets the current phase, t the target");
	hints[(*n)++] = _("n writes a note, a adds an action, A lists them all");
}

/* Fills HINTS (room for 8) with the hints of the current step; returns how many. */
static size_t step_hints(const struct view *v, const char **hints)
{
	const struct content_step *st = &v->c->steps[v->step];
	size_t n = 0;

	switch (st->kind) {
	case STEP_WELCOME:
		hints[n++] = v->read_only ? _("Space walks through the steps")
					  : _("Space starts, e edits these details");
		break;
	case STEP_TABLE:
		/* TRANSLATORS: %s is the keys that move through the rows ("↑ ↓" or "j k"). */
		hints[n++] = _("%s show the other rows, Space the next");
		break;
	case STEP_SCORE: score_hints(v, st->dimension, hints, &n); break;
	case STEP_FOLLOWUP:
		if (!v->read_only)
			hints[n++] = _("d done, m carries it over, x drops it (again: open)");
		break;
	case STEP_ACTIONS:
		hints[n++] = v->read_only ? _("A lists the actions")
					  : _("a adds an action, A lists them to edit, tick off or delete");
		break;
	default: break;
	}
	hints[n++] = _("? shows the keys");
	return n;
}

/* Joins whole HINTS[FROM..N) into LINE (SIZE bytes) with GAP, as many as fit WIDTH columns
 * (at least one); returns the index of the first hint left out. The hints are formats: the
 * one of the table takes the keys that move through the rows. */
static size_t join_hints(const struct view *v, const char **hints, size_t from, size_t n,
			 const char *gap, int width, char *line, size_t size)
{
	size_t used = 0, line_w = 0, gap_w = utf8_width(gap, strlen(gap)), i;
	char one[256];

	line[0] = '\0';
	for (i = from; i < n; i++) {
		size_t w;

		snprintf(one, sizeof(one), hints[i], screen_glyph(v, "↑ ↓", "j k"));
		w = utf8_width(one, strlen(one));
		if (used && line_w + gap_w + w > (size_t)width)
			break;
		used += (size_t)snprintf(line + used, size - used, "%s%s", used ? gap : "", one);
		if (used >= size)
			used = size - 1;
		line_w += (line_w ? gap_w : 0) + w;
	}
	return i;
}

void screen_hints(struct page *p, const struct view *v, int x, int width, int max_lines)
{
	const char *hints[8], *gap = screen_glyph(v, "  ·  ", "  -  ");
	size_t n = step_hints(v, hints), next = 0;
	char line[1024];

	/* whole hints on a line, as many as fit; on the last line allowed, when more are left,
	 * "…" says so before the last hint, ? for all the keys */
	for (int k = 0; next < n; k++) {
		size_t after = join_hints(v, hints, next, n, gap, width, line, sizeof(line));

		if (max_lines > 0 && k == max_lines - 1 && after < n) {
			char last[256];

			join_hints(v, hints, n - 1, n, gap, width, last, sizeof(last));
			snprintf(line, sizeof(line), "%s%s%s", screen_glyph(v, "…", "..."), gap, last);
			after = n;
		}
		page_wrap(p, x, width, STYLE_NORMAL, line);
		next = after;
	}
}
