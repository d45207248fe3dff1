/* export.c - a session as a report for people: Markdown, CSV or a standalone HTML page.
 *
 * This file holds what the formats share: what a row says (row_view, worked out once for
 * every format), the report that Markdown and HTML both tell (metadata, scores, what was not
 * scored, actions, time per step) through a few building blocks (section, table, cell, list
 * item) whose markup each format gives as a table (struct markup), and the choice of the
 * writer. export_md.c, export_html.c (which adds a chart) and export_csv.c (data for a
 * spreadsheet or a program) each write one format.
 *
 * Every text that comes from the session or the content goes through export_put_text:
 * control characters are replaced (utf8_sanitize, newlines kept) and the rest escaped for the
 * format (in CSV for a spreadsheet, a text that could be taken for a formula gets a leading ').
 * Nothing is written in the locale's number format, so the output is the same everywhere. */
#include "export.h"

#include <stdlib.h>
#include <string.h>

#include "export_impl.h"
#include "mem.h"
#include "utf8.h"

enum { LABEL_MAX = 1024 };

static const char *const format_names[EXPORT_FORMAT_COUNT] = {
	[EXPORT_MD] = "md", [EXPORT_CSV] = "csv", [EXPORT_HTML] = "html",
};

/* Returns the format named NAME, or EXPORT_FORMAT_COUNT. */
enum export_format export_format_from_name(const char *name)
{
	for (int f = 0; f < EXPORT_FORMAT_COUNT; f++)
		if (name && strcmp(name, format_names[f]) == 0)
			return (enum export_format)f;
	return EXPORT_FORMAT_COUNT;
}

/* ---- writing texts ----------------------------------------------------------------------- */

void export_put(struct export *e, const char *literal)
{
	fputs(literal, e->out);
}

void export_put_text(struct export *e, const char *text)
{
	char *clean = text ? utf8_sanitize(text, strlen(text), true, '?') : NULL;

	if (!text)
		return;
	if (!clean) {
		e->exhausted = true;
		return;
	}
	e->escape(e, clean);
	mem.free(clean);
}

/* ---- what a row says ------------------------------------------------------------------ */

/* Writes the votes per phase of ST into BUF, from phase 1 to the content's last phase (or
 * the highest vote, when that is beyond it): "1:0 2:3 3:4 4:1". */
static void format_distribution(const struct vote_stats *st, size_t n_phases, char *buf,
				size_t size)
{
	int last = n_phases < STATS_PHASES_MAX ? (int)n_phases : STATS_PHASES_MAX;
	size_t used = 0;

	buf[0] = '\0';
	if (st->highest > last)
		last = st->highest;
	for (int p = 1; p <= last && used < size; p++) {
		int n = snprintf(buf + used, size - used, "%s%d:%zu", p > 1 ? " " : "", p,
				 st->per_phase[p]);

		if (n < 0)
			break;
		used += (size_t)n;
	}
}

/* Writes the median of ST into BUF: "3", "2.5" (with DECIMAL), or "" without votes. */
static void format_median(const struct vote_stats *st, char decimal, char *buf, size_t size)
{
	int twice = (int)(st->median * 2.0 + 0.5); /* medians are whole or halves */

	if (st->count == 0)
		buf[0] = '\0';
	else if (twice % 2 == 0)
		snprintf(buf, size, "%d", twice / 2);
	else
		snprintf(buf, size, "%d%c5", twice / 2, decimal);
}

/* Returns true when score I is a row of the content (not one kept from the file). */
static bool row_known(const struct export *e, size_t i)
{
	return i < e->c->n_dimensions && e->s->scores[i].known;
}

/* Returns the title of the group of score I, or NULL for a row kept from the file. */
static const char *row_group(const struct export *e, size_t i)
{
	return row_known(e, i) ? e->c->groups[e->c->dimensions[i].group].title : NULL;
}

void export_row_view(const struct export *e, size_t i, struct row_view *r)
{
	const struct session_score *sc = &e->s->scores[i];

	r->sc = sc;
	r->group = row_group(e, i);
	r->name = row_known(e, i) ? e->c->dimensions[i].name : sc->dimension;
	vote_stats_compute(sc->votes, sc->n_votes, &r->st);
	format_distribution(&r->st, e->c->n_phases, r->distribution, sizeof(r->distribution));
	format_median(&r->st, e->decimal, r->median, sizeof(r->median));
}

const char *export_phase_name(const struct export *e, int number)
{
	const struct content_phase *p = content_phase(e->c, number);

	return p ? p->name : "";
}

/* ---- the report's building blocks, in the export's markup --------------------------- */

void export_section(struct export *e, const char *title)
{
	fprintf(e->out, e->markup->section, title);
}

/* Writes the paragraph TEXT. */
static void paragraph(struct export *e, const char *text)
{
	fprintf(e->out, e->markup->paragraph, text);
}

/* Writes the paragraph TEXT below a table. */
static void table_note(struct export *e, const char *text)
{
	fprintf(e->out, e->markup->table_note, text);
}

/* Starts a table of class CLASS (for the style sheet) whose N columns are headed HEADS. */
static void table_begin(struct export *e, const char *class, const char *const *heads,
			size_t n)
{
	fprintf(e->out, e->markup->table_begin, class);
	for (size_t i = 0; i < n; i++)
		fprintf(e->out, e->markup->head, heads[i]);
	export_put(e, e->markup->head_end);
	for (size_t i = 0; i < n; i++)
		export_put(e, e->markup->rule);
	export_put(e, e->markup->rule_end);
}

/* Ends a table. */
static void table_end(struct export *e)
{
	export_put(e, e->markup->table_end);
}

/* Starts a table row. */
static void row_begin(struct export *e)
{
	export_put(e, e->markup->row_begin);
}

/* Ends a table row. */
static void row_end(struct export *e)
{
	export_put(e, e->markup->row_end);
}

/* Starts a cell; CLASS (or NULL) styles it in HTML. */
static void cell_begin(struct export *e, const char *class)
{
	if (class)
		fprintf(e->out, e->markup->cell_begin_class, class);
	else
		export_put(e, e->markup->cell_begin);
}

/* Ends a cell. */
static void cell_end(struct export *e)
{
	export_put(e, e->markup->cell_end);
}

/* Writes a cell holding TEXT, or a dash when TEXT is empty. */
static void cell_text(struct export *e, const char *class, const char *text)
{
	cell_begin(e, class);
	if (text && text[0])
		export_put_text(e, text);
	else
		export_put(e, "—");
	cell_end(e);
}

/* Starts a list. */
static void list_begin(struct export *e, const char *class)
{
	fprintf(e->out, e->markup->list_begin, class);
}

/* Ends a list. */
static void list_end(struct export *e)
{
	export_put(e, e->markup->list_end);
}

/* Starts a list item labelled LABEL (or NULL). */
static void item_begin(struct export *e, const char *label)
{
	export_put(e, e->markup->item_begin);
	if (label)
		fprintf(e->out, e->markup->item_label, label);
}

/* Ends a list item. */
static void item_end(struct export *e)
{
	export_put(e, e->markup->item_end);
}

/* Writes phase NUMBER with its name ("3: de gemeente converseert"), or a dash for none. */
static void put_phase(struct export *e, int number)
{
	if (number <= 0) {
		export_put(e, "—");
		return;
	}
	fprintf(e->out, "%d", number);
	if (export_phase_name(e, number)[0]) {
		export_put(e, ": ");
		export_put_text(e, export_phase_name(e, number));
	}
}

/* ---- the report ----------------------------------------------------------------------- */

/* Writes a list item LABEL: TEXT (a dash when TEXT is empty). */
static void meta_item(struct export *e, const char *label, const char *text)
{
	item_begin(e, label);
	if (text && text[0])
		export_put_text(e, text);
	else
		export_put(e, "—");
	item_end(e);
}

void export_report_meta(struct export *e)
{
	list_begin(e, "meta");
	for (int f = META_ORGANISATION; f < META_COUNT; f++)
		meta_item(e, session_meta_label((enum session_meta)f), e->s->meta[f]);
	item_begin(e, "Content");
	export_put_text(e, e->c->title);
	export_put(e, " (");
	export_put_text(e, e->s->content_id);
	export_put(e, ")");
	item_end(e);
	meta_item(e, "Created", e->s->created);
	meta_item(e, "Updated", e->s->updated);
	list_end(e);
}

/* Writes the line of the scores table for score I. */
static void score_line(struct export *e, size_t i)
{
	struct row_view r;

	export_row_view(e, i, &r);
	row_begin(e);
	if (!e->markup->group_begin)
		cell_text(e, NULL, r.group ? r.group : "(kept from the file)");
	cell_text(e, NULL, r.name);
	cell_begin(e, "votes");
	fprintf(e->out, "%zu", r.st.count);
	if (r.st.count)
		fprintf(e->out, e->markup->vote_detail, r.distribution);
	cell_end(e);
	cell_text(e, "num", r.median);
	cell_begin(e, r.st.disagree ? "spread disagree" : "spread");
	if (r.st.count)
		fprintf(e->out, r.st.disagree ? "%d (disagree)" : "%d", r.st.span);
	else
		export_put(e, "—");
	cell_end(e);
	for (int k = 0; k < 2; k++) {
		cell_begin(e, "phase");
		put_phase(e, k == 0 ? r.sc->current : r.sc->target);
		cell_end(e);
	}
	cell_text(e, "text", r.sc->note);
	row_end(e);
}

/* Writes a line across the scores table naming GROUP (NULL: the rows kept from the file),
 * above the group's rows, in a markup that has such lines (HTML); Markdown names the group in
 * a column of every row instead. */
static void group_line(struct export *e, const char *group)
{
	export_put(e, e->markup->group_begin);
	if (group)
		export_put_text(e, group);
	else
		export_put(e, "Kept from the file (rows this content no longer has)");
	export_put(e, e->markup->group_end);
}

/* Writes every row: the content's rows in order, then those kept from the file. */
static void report_scores(struct export *e)
{
	static const char *const heads[] = { "Group", "Row", "Votes", "Median", "Spread",
					     "Current", "Target", "Note" };
	bool group_lines = e->markup->group_begin != NULL;
	size_t skip = group_lines ? 1 : 0; /* the group is above its rows, not in a column */

	export_section(e, "Scores");
	table_begin(e, "scores", heads + skip, sizeof(heads) / sizeof(heads[0]) - skip);
	for (size_t i = 0; i < e->s->n_scores; i++) {
		if (group_lines && (i == 0 || row_group(e, i) != row_group(e, i - 1)))
			group_line(e, row_group(e, i));
		score_line(e, i);
	}
	table_end(e);
	table_note(e, "Votes: how many, then per phase (phase:votes). Spread: the phases the "
		      "votes cover, from the lowest to the highest; 1 means everyone agreed, 3 or "
		      "more is marked as disagreement.");
}

/* Lists the content's rows that have neither an agreed current nor a target phase. */
static void report_unscored(struct export *e)
{
	size_t n = 0;

	export_section(e, "Not scored");
	for (size_t i = 0; i < e->s->n_scores; i++) {
		if (!row_known(e, i) || session_row_scored(e->s, i))
			continue;
		if (n++ == 0)
			list_begin(e, "unscored");
		item_begin(e, NULL);
		export_put_text(e, row_group(e, i));
		export_put(e, ": ");
		export_put_text(e, e->c->dimensions[i].name);
		item_end(e);
	}
	if (n)
		list_end(e);
	else
		paragraph(e, "Every row has an agreed current or target phase.");
}

/* Writes the line of the actions table for action I. */
static void action_line(struct export *e, size_t i)
{
	const struct session_action *a = &e->s->actions[i];
	long row = session_action_row(a, e->c);

	row_begin(e);
	cell_begin(e, "num");
	fprintf(e->out, "%zu", i + 1);
	cell_end(e);
	cell_text(e, "text", a->text);
	cell_text(e, NULL, row >= 0 ? e->c->dimensions[row].name : a->dimension);
	cell_text(e, NULL, a->owner);
	cell_text(e, "date", a->due);
	cell_text(e, NULL, a->done ? "yes" : "no");
	row_end(e);
}

/* Writes the actions, in the order they were agreed. */
static void report_actions(struct export *e)
{
	static const char *const heads[] = { "#", "Action", "Row", "Owner", "Due", "Done" };

	export_section(e, "Actions");
	if (e->s->n_actions == 0) {
		paragraph(e, "No actions were recorded.");
		return;
	}
	table_begin(e, "actions", heads, sizeof(heads) / sizeof(heads[0]));
	for (size_t i = 0; i < e->s->n_actions; i++)
		action_line(e, i);
	table_end(e);
	table_note(e, "Row: the row an action belongs to; a dash for the workshop as a whole.");
}

/* Writes a cell with PLANNED minutes and one with SPENT seconds as minutes:seconds. */
static void time_cells(struct export *e, unsigned long planned, unsigned long spent)
{
	cell_begin(e, "num");
	if (planned)
		fprintf(e->out, "%lu min", planned);
	else
		export_put(e, "—");
	cell_end(e);
	cell_begin(e, "num");
	fprintf(e->out, "%lu:%02lu", spent / 60, spent % 60);
	cell_end(e);
}

/* Writes the time spent on every agenda step against the minutes planned for it. */
static void report_time(struct export *e)
{
	static const char *const heads[] = { "#", "Step", "Planned", "Spent" };
	size_t n = e->c->n_steps < e->s->n_seconds ? e->c->n_steps : e->s->n_seconds;
	unsigned long spent = 0;
	char label[LABEL_MAX];

	export_section(e, "Time per step");
	table_begin(e, "time", heads, sizeof(heads) / sizeof(heads[0]));
	for (size_t i = 0; i < n; i++) {
		row_begin(e);
		cell_begin(e, "num");
		fprintf(e->out, "%zu", i + 1);
		cell_end(e);
		cell_text(e, NULL, content_step_label(e->c, i, label, sizeof(label)));
		time_cells(e, e->c->steps[i].minutes, e->s->seconds[i]);
		row_end(e);
		spent += e->s->seconds[i];
	}
	row_begin(e);
	cell_begin(e, NULL);
	cell_end(e);
	cell_text(e, "total", "Total");
	time_cells(e, content_planned_minutes(e->c), spent);
	row_end(e);
	table_end(e);
}

void export_report_tables(struct export *e)
{
	report_scores(e);
	report_unscored(e);
	report_actions(e);
	report_time(e);
}

/* ---- choosing the writer ------------------------------------------------------------ */

/* Writes the report of S in the format OPT asks for; false when a write or memory failed. */
bool session_export(FILE *out, const struct session *s, const struct content *c,
		    const struct export_options *opt)
{
	static void (*const writers[EXPORT_FORMAT_COUNT])(struct export *) = {
		[EXPORT_MD] = export_markdown,
		[EXPORT_CSV] = export_csv,
		[EXPORT_HTML] = export_html,
	};
	struct export e = { .out = out, .s = s, .c = c, .opt = opt, .decimal = '.' };

	if ((unsigned)opt->format >= EXPORT_FORMAT_COUNT)
		return false;
	writers[opt->format](&e);
	return fflush(out) == 0 && !ferror(out) && !e.exhausted;
}
