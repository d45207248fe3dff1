/* export.c - a session as a report for people: Markdown, CSV or a standalone HTML page.
 *
 * Markdown and HTML tell the same report (metadata, scores, what was not scored, actions,
 * time per step) through a few primitives (section, table, cell, list item) that know both
 * markups; the HTML page adds a chart. CSV is data for a spreadsheet or a program (see
 * csv_columns).
 *
 * Every text that comes from the session or the content goes through put_text: control
 * characters are replaced (utf8_sanitize, newlines kept) and the rest escaped for the format
 * (in CSV for a spreadsheet, a text that could be taken for a formula gets a leading ').
 * Nothing is written in the locale's number format, so the output is the same everywhere. */
#include "export.h"

#include <stdlib.h>
#include <string.h>

#include "stats.h"
#include "utf8.h"

enum { DISTRIBUTION_MAX = 800, LABEL_MAX = 1024 };

struct export {
	FILE *out;
	const struct session *s;
	const struct content *c;
	enum export_format format;
	char separator; /* CSV: between fields */
	bool csv_raw;   /* CSV: texts as typed (no formula guard), no byte order mark */
	char decimal;   /* in a median such as 2.5 */
	bool exhausted; /* memory ran out while cleaning a text */
};

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

/* ---- escaping ----------------------------------------------------------------------- */

/* Characters with inline meaning in (GitHub-flavoured) Markdown, and the table's pipe. */
static const char md_special[] = "\\`*_[]<|~&#";

/* Returns true when the character at I of TEXT would start a block (a list, quote or
 * heading underline) if TEXT began a line: a leading + - = >, or the . or ) of "1. " "2) ". */
static bool md_block_marker(const char *text, size_t i)
{
	if (i == 0)
		return strchr("+-=>", text[0]) != NULL;
	return (text[i] == '.' || text[i] == ')') && strspn(text, "0123456789") == i &&
	       (text[i + 1] == ' ' || text[i + 1] == '\0');
}

/* Writes TEXT for Markdown: markup characters are backslash-escaped and line breaks become
 * " <br>" (GitHub shows a break), so a text stays one table cell and shows as typed. */
static void md_escape(FILE *out, const char *text)
{
	for (size_t i = 0; text[i]; i++) {
		if (text[i] == '\n') {
			fputs(" <br>", out); /* the space keeps words apart where HTML is dropped */
			continue;
		}
		if (strchr(md_special, text[i]) || md_block_marker(text, i))
			putc('\\', out);
		putc(text[i], out);
	}
}

/* Writes TEXT with the five characters that HTML gives meaning replaced by references. */
static void html_escape(FILE *out, const char *text)
{
	for (; *text; text++) {
		switch (*text) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default: putc(*text, out); break;
		}
	}
}

/* Returns true when a spreadsheet could take CELL for a formula (the rule is explained
 * above csv_columns). */
bool export_csv_needs_guard(const char *cell)
{
	const char *at = cell + strspn(cell, "'");

	if (*at == '\t' || *at == '\r')
		return true;
	at += strspn(at, " \t\r\n");
	return *at != '\0' && strchr("=+-@", *at) != NULL;
}

/* Writes TEXT as one CSV field (RFC 4180), after a ' when GUARD: between double quotes, with
 * quotes doubled, when it holds the separator SEP, a quote, CR or LF; as it is otherwise. */
static void csv_escape(FILE *out, const char *text, char sep, bool guard)
{
	const char special[] = { sep, '"', '\r', '\n', '\0' };
	bool quoted = text[strcspn(text, special)] != '\0';

	if (quoted)
		putc('"', out);
	if (guard)
		putc('\'', out);
	for (; *text; text++) {
		if (*text == '"')
			putc('"', out);
		putc(*text, out);
	}
	if (quoted)
		putc('"', out);
}

/* Writes LITERAL, text of this file that needs no escaping in any format. */
static void put(struct export *e, const char *literal)
{
	fputs(literal, e->out);
}

/* Writes TEXT (NULL: nothing) from the session or the content: control characters (but
 * newlines) replaced by '?', then escaped for the format (in CSV for a spreadsheet, guarded
 * with a ' when it could be taken for a formula). */
static void put_text(struct export *e, const char *text)
{
	char *clean = text ? utf8_sanitize(text, strlen(text), true, '?') : NULL;

	if (!text)
		return;
	if (!clean) {
		e->exhausted = true;
		return;
	}
	if (e->format == EXPORT_MD)
		md_escape(e->out, clean);
	else if (e->format == EXPORT_HTML)
		html_escape(e->out, clean);
	else
		csv_escape(e->out, clean, e->separator,
			   !e->csv_raw && export_csv_needs_guard(clean));
	free(clean);
}

/* ---- what a row says ------------------------------------------------------------------ */

/* One row of the report, worked out once for every format. */
struct row_view {
	const struct session_score *sc;
	const char *group; /* the group's title, or NULL for a row kept from the file */
	const char *name;  /* the row's name, or its id when kept from the file */
	struct vote_stats st;
	char distribution[DISTRIBUTION_MAX]; /* "1:0 2:3 3:4 4:1" */
	char median[16];                     /* "3", "2.5", or "" without votes */
};

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

/* Fills R with what score I of the session says. */
static void row_view(const struct export *e, size_t i, struct row_view *r)
{
	const struct session_score *sc = &e->s->scores[i];

	r->sc = sc;
	r->group = row_group(e, i);
	r->name = row_known(e, i) ? e->c->dimensions[i].name : sc->dimension;
	vote_stats_compute(sc->votes, sc->n_votes, &r->st);
	format_distribution(&r->st, e->c->n_phases, r->distribution, sizeof(r->distribution));
	format_median(&r->st, e->decimal, r->median, sizeof(r->median));
}

/* Returns the name of phase NUMBER in the content, or "" when it has no such phase. */
static const char *phase_name(const struct export *e, int number)
{
	const struct content_phase *p = content_phase(e->c, number);

	return p ? p->name : "";
}

/* ---- the report's building blocks, in Markdown or HTML ------------------------------ */

/* Returns true when writing HTML (the other choice here being Markdown). */
static bool html(const struct export *e)
{
	return e->format == EXPORT_HTML;
}

/* Starts a section headed TITLE. */
static void section(struct export *e, const char *title)
{
	fprintf(e->out, html(e) ? "\n<h2>%s</h2>\n" : "\n## %s\n\n", title);
}

/* Writes the paragraph TEXT. */
static void paragraph(struct export *e, const char *text)
{
	fprintf(e->out, html(e) ? "<p class=\"hint\">%s</p>\n" : "%s\n", text);
}

/* Starts a table of class CLASS (for the style sheet) whose N columns are headed HEADS. */
static void table_begin(struct export *e, const char *class, const char *const *heads,
			size_t n)
{
	if (html(e)) {
		fprintf(e->out, "<table class=\"%s\">\n<thead><tr>", class);
		for (size_t i = 0; i < n; i++)
			fprintf(e->out, "<th>%s</th>", heads[i]);
		put(e, "</tr></thead>\n<tbody>\n");
		return;
	}
	for (size_t i = 0; i < n; i++)
		fprintf(e->out, "| %s ", heads[i]);
	put(e, "|\n");
	for (size_t i = 0; i < n; i++)
		put(e, "| --- ");
	put(e, "|\n");
}

/* Ends a table. */
static void table_end(struct export *e)
{
	put(e, html(e) ? "</tbody>\n</table>\n" : "");
}

/* Starts a table row. */
static void row_begin(struct export *e)
{
	put(e, html(e) ? "<tr>" : "");
}

/* Ends a table row. */
static void row_end(struct export *e)
{
	put(e, html(e) ? "</tr>\n" : "|\n");
}

/* Starts a cell; CLASS (or NULL) styles it in HTML. */
static void cell_begin(struct export *e, const char *class)
{
	if (!html(e))
		put(e, "| ");
	else if (class)
		fprintf(e->out, "<td class=\"%s\">", class);
	else
		put(e, "<td>");
}

/* Ends a cell. */
static void cell_end(struct export *e)
{
	put(e, html(e) ? "</td>" : " ");
}

/* Writes a cell holding TEXT, or a dash when TEXT is empty. */
static void cell_text(struct export *e, const char *class, const char *text)
{
	cell_begin(e, class);
	if (text && text[0])
		put_text(e, text);
	else
		put(e, "—");
	cell_end(e);
}

/* Starts a list. */
static void list_begin(struct export *e, const char *class)
{
	if (html(e))
		fprintf(e->out, "<ul class=\"%s\">\n", class);
}

/* Ends a list. */
static void list_end(struct export *e)
{
	put(e, html(e) ? "</ul>\n" : "");
}

/* Starts a list item labelled LABEL (or NULL). */
static void item_begin(struct export *e, const char *label)
{
	put(e, html(e) ? "<li>" : "- ");
	if (label)
		fprintf(e->out, html(e) ? "<b>%s:</b> " : "**%s:** ", label);
}

/* Ends a list item. */
static void item_end(struct export *e)
{
	put(e, html(e) ? "</li>\n" : "\n");
}

/* Writes phase NUMBER with its name ("3: de gemeente converseert"), or a dash for none. */
static void put_phase(struct export *e, int number)
{
	if (number <= 0) {
		put(e, "—");
		return;
	}
	fprintf(e->out, "%d", number);
	if (phase_name(e, number)[0]) {
		put(e, ": ");
		put_text(e, phase_name(e, number));
	}
}

/* ---- the report ----------------------------------------------------------------------- */

/* Writes a list item LABEL: TEXT (a dash when TEXT is empty). */
static void meta_item(struct export *e, const char *label, const char *text)
{
	item_begin(e, label);
	if (text && text[0])
		put_text(e, text);
	else
		put(e, "—");
	item_end(e);
}

/* Writes the workshop's metadata: who, when, and which content it was scored against. */
static void report_meta(struct export *e)
{
	list_begin(e, "meta");
	for (int f = META_ORGANISATION; f < META_COUNT; f++)
		meta_item(e, session_meta_label((enum session_meta)f), e->s->meta[f]);
	item_begin(e, "Content");
	put_text(e, e->c->title);
	put(e, " (");
	put_text(e, e->s->content_id);
	put(e, ")");
	item_end(e);
	meta_item(e, "Created", e->s->created);
	meta_item(e, "Updated", e->s->updated);
	list_end(e);
}

/* Writes the line of the scores table for score I. */
static void score_line(struct export *e, size_t i)
{
	struct row_view r;

	row_view(e, i, &r);
	row_begin(e);
	if (!html(e))
		cell_text(e, NULL, r.group ? r.group : "(kept from the file)");
	cell_text(e, NULL, r.name);
	cell_begin(e, "votes");
	fprintf(e->out, "%zu", r.st.count);
	if (r.st.count)
		fprintf(e->out, html(e) ? " <span>(%s)</span>" : " (%s)", r.distribution);
	cell_end(e);
	cell_text(e, "num", r.median);
	cell_begin(e, r.st.disagree ? "spread disagree" : "spread");
	if (r.st.count)
		fprintf(e->out, r.st.disagree ? "%d (disagree)" : "%d", r.st.span);
	else
		put(e, "—");
	cell_end(e);
	for (int k = 0; k < 2; k++) {
		cell_begin(e, "phase");
		put_phase(e, k == 0 ? r.sc->current : r.sc->target);
		cell_end(e);
	}
	cell_text(e, "text", r.sc->note);
	row_end(e);
}

/* Writes a line across the HTML scores table naming GROUP (NULL: the rows kept from the
 * file), above the group's rows; Markdown names the group in a column of every row instead. */
static void group_line(struct export *e, const char *group)
{
	put(e, "<tr class=\"group\"><th colspan=\"7\">");
	if (group)
		put_text(e, group);
	else
		put(e, "Kept from the file (rows this content no longer has)");
	put(e, "</th></tr>\n");
}

/* Writes every row: the content's rows in order, then those kept from the file. */
static void report_scores(struct export *e)
{
	static const char *const heads[] = { "Group", "Row", "Votes", "Median", "Spread",
					     "Current", "Target", "Note" };
	size_t skip = html(e) ? 1 : 0; /* HTML has the group above its rows */

	section(e, "Scores");
	table_begin(e, "scores", heads + skip, sizeof(heads) / sizeof(heads[0]) - skip);
	for (size_t i = 0; i < e->s->n_scores; i++) {
		if (html(e) && (i == 0 || row_group(e, i) != row_group(e, i - 1)))
			group_line(e, row_group(e, i));
		score_line(e, i);
	}
	table_end(e);
	if (!html(e))
		put(e, "\n");
	paragraph(e, "Votes: how many, then per phase (phase:votes). Spread: the phases the votes "
		     "cover, from the lowest to the highest; 1 means everyone agreed, 3 or more is "
		     "marked as disagreement.");
}

/* Lists the content's rows that have neither an agreed current nor a target phase. */
static void report_unscored(struct export *e)
{
	size_t n = 0;

	section(e, "Not scored");
	for (size_t i = 0; i < e->s->n_scores; i++) {
		if (!row_known(e, i) || session_row_scored(e->s, i))
			continue;
		if (n++ == 0)
			list_begin(e, "unscored");
		item_begin(e, NULL);
		put_text(e, row_group(e, i));
		put(e, ": ");
		put_text(e, e->c->dimensions[i].name);
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

	section(e, "Actions");
	if (e->s->n_actions == 0) {
		paragraph(e, "No actions were recorded.");
		return;
	}
	table_begin(e, "actions", heads, sizeof(heads) / sizeof(heads[0]));
	for (size_t i = 0; i < e->s->n_actions; i++)
		action_line(e, i);
	table_end(e);
	if (!html(e))
		put(e, "\n");
	paragraph(e, "Row: the row an action belongs to; a dash for the workshop as a whole.");
}

/* Writes a cell with PLANNED minutes and one with SPENT seconds as minutes:seconds. */
static void time_cells(struct export *e, unsigned long planned, unsigned long spent)
{
	cell_begin(e, "num");
	if (planned)
		fprintf(e->out, "%lu min", planned);
	else
		put(e, "—");
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

	section(e, "Time per step");
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

/* ---- Markdown ----------------------------------------------------------------------- */

/* Writes the report as GitHub-flavoured Markdown. */
static void write_markdown(struct export *e)
{
	put(e, "# ");
	put_text(e, e->s->meta[META_TITLE]);
	put(e, "\n\n");
	report_meta(e);
	report_scores(e);
	report_unscored(e);
	report_actions(e);
	report_time(e);
}

/* ---- HTML ------------------------------------------------------------------------------ */

static const char html_style[] =
	"body { font-family: system-ui, \"Segoe UI\", Roboto, Helvetica, Arial, sans-serif;\n"
	"       color: #111; background: #fff; line-height: 1.4;\n"
	"       max-width: 60em; margin: 1.5em auto; padding: 0 1em; }\n"
	"h1 { font-size: 1.6em; margin: 0 0 .6em; }\n"
	"h2 { font-size: 1.15em; margin: 1.6em 0 .5em; border-bottom: 1px solid #888; }\n"
	"ul.meta { list-style: none; padding: 0; margin: 0; columns: 2; }\n"
	"table { border-collapse: collapse; width: 100%; font-size: .9em; }\n"
	"th, td { border: 1px solid #888; padding: .2em .4em; text-align: left;\n"
	"         vertical-align: top; overflow-wrap: break-word; box-sizing: border-box; }\n"
	"thead th { background: #e8e8e8; }\n"
	"td.num, td.date { text-align: right; white-space: nowrap; }\n"
	"td.spread { text-align: right; }\n"
	"td.votes span { display: inline-block; }\n"
	"table.scores, table.actions { table-layout: fixed; }\n"
	"table.scores th:nth-child(1) { width: 15%; }\n"
	"table.scores th:nth-child(2) { width: 10%; }\n"
	"table.scores th:nth-child(3) { width: 9%; }\n"
	"table.scores th:nth-child(4) { width: 12%; }\n"
	"table.scores th:nth-child(5), table.scores th:nth-child(6) { width: 17%; }\n"
	"table.scores th:nth-child(7) { width: 20%; }\n"
	"tr.group th { background: #f4f4f4; }\n"
	"table.actions th:nth-child(1) { width: 5%; }\n"
	"table.actions th:nth-child(2) { width: 43%; }\n"
	"table.actions th:nth-child(3) { width: 18%; }\n"
	"table.actions th:nth-child(4) { width: 15%; }\n"
	"table.actions th:nth-child(5) { width: 12%; }\n"
	"table.actions th:nth-child(6) { width: 7%; }\n"
	"td.text { white-space: pre-line; }\n"
	"td.disagree { font-weight: bold; }\n"
	"p.hint { font-size: .85em; font-style: italic; color: #333; margin: .3em 0; }\n"
	"figure { margin: 0; }\n"
	"svg.chart { display: block; width: 100%; max-width: 46em; height: auto; }\n"
	"ol.phases { margin: .4em 0 0; font-size: .9em; }\n"
	"@page { size: A4; margin: 15mm; }\n"
	"@media print {\n"
	"  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }\n"
	"  table { font-size: 9pt; }\n"
	"  h2 { break-after: avoid; }\n"
	"  tr, figure { break-inside: avoid; }\n"
	"  thead { display: table-header-group; }\n"
	"  thead th { background: none; }\n"
	"}\n";

/* The chart's geometry, in SVG user units. */
enum {
	CHART_LABEL = 270,  /* width of the row names on the left */
	CHART_COLUMN = 80,  /* width of one phase */
	CHART_TOP = 34,     /* height of the phase numbers above */
	CHART_LINE = 26,    /* height of a group title or a row */
	CHART_LEGEND = 46,  /* height of the legend below */
	CHART_NAME_MAX = 36 /* characters of a row name shown; longer ones end in "…" */
};

/* Returns the x of the middle of phase P's column. */
static int chart_x(int p)
{
	return CHART_LABEL + (p - 1) * CHART_COLUMN + CHART_COLUMN / 2;
}

/* Writes NAME as SVG text at X, Y, cut to CHART_NAME_MAX characters; BOLD for a group. */
static void chart_name(struct export *e, const char *name, int x, int y, bool bold)
{
	size_t len = strlen(name), at = 0;
	char cut[CHART_NAME_MAX * 4 + sizeof("…")];

	for (int n = 0; n < CHART_NAME_MAX && at < len; n++) {
		uint32_t cp;

		at += utf8_decode(name + at, len - at, &cp);
	}
	memcpy(cut, name, at);
	cut[at] = '\0';
	if (at < len)
		memcpy(cut + at, "…", sizeof("…"));
	fprintf(e->out, "<text x=\"%d\" y=\"%d\"%s>", x, y, bold ? " font-weight=\"bold\"" : "");
	put_text(e, cut);
	put(e, "</text>\n");
}

/* Draws the mark of a current phase, a filled disc, centred at X, Y. */
static void chart_disc(struct export *e, int x, int y)
{
	fprintf(e->out, "<circle cx=\"%d\" cy=\"%d\" r=\"6\" fill=\"#1f4e79\"/>\n", x, y);
}

/* Draws the mark of a target phase, a ring (it shows in black and white too), at X, Y. */
static void chart_ring(struct export *e, int x, int y)
{
	fprintf(e->out, "<circle cx=\"%d\" cy=\"%d\" r=\"10\" fill=\"none\" stroke=\"#b34700\" "
			"stroke-width=\"2.5\"/>\n", x, y);
}

/* Draws an arrow at height Y from X1 to X2. */
static void chart_arrow(struct export *e, int x1, int x2, int y)
{
	fprintf(e->out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\" "
			"stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>\n", x1, y, x2, y);
}

/* Draws what row SC agreed on the line whose middle is at Y, across a chart WIDTH wide: a
 * guide line, the current phase as a disc, the target as a ring, and an arrow between them. */
static void chart_marks(struct export *e, const struct session_score *sc, int width, int y)
{
	int n = (int)e->c->n_phases;
	bool current = sc->current >= 1 && sc->current <= n;
	bool target = sc->target >= 1 && sc->target <= n;

	if (!current && !target) {
		fprintf(e->out, "<text x=\"%d\" y=\"%d\" fill=\"#555\" font-style=\"italic\">"
				"not scored</text>\n", CHART_LABEL + 8, y + 4);
		return;
	}
	fprintf(e->out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#e4e4e4\"/>\n",
		CHART_LABEL, y, width - 10, y);
	if (current && target && sc->current != sc->target) {
		int way = sc->target > sc->current ? 1 : -1;

		chart_arrow(e, chart_x(sc->current) + way * 8, chart_x(sc->target) - way * 13, y);
	}
	if (target)
		chart_ring(e, chart_x(sc->target), y);
	if (current)
		chart_disc(e, chart_x(sc->current), y);
}

/* Draws the phase numbers above their columns and the lines between the columns. */
static void chart_grid(struct export *e, int bottom)
{
	int n = (int)e->c->n_phases;

	for (int p = 1; p <= n; p++)
		fprintf(e->out, "<text x=\"%d\" y=\"22\" text-anchor=\"middle\" "
				"font-weight=\"bold\">Phase %d</text>\n", chart_x(p), p);
	for (int k = 0; k <= n; k++) {
		int x = CHART_LABEL + k * CHART_COLUMN;

		fprintf(e->out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#bbb\"/>\n",
			x, CHART_TOP - 6, x, bottom);
	}
}

/* Draws the legend below the chart, its top at Y: what the three marks mean. */
static void chart_legend(struct export *e, int y)
{
	int mid = y + CHART_LEGEND / 2;

	chart_disc(e, 14, mid);
	fprintf(e->out, "<text x=\"28\" y=\"%d\">current phase</text>\n", mid + 4);
	chart_ring(e, 154, mid);
	fprintf(e->out, "<text x=\"172\" y=\"%d\">target phase</text>\n", mid + 4);
	chart_arrow(e, 284, 316, mid);
	fprintf(e->out, "<text x=\"326\" y=\"%d\">from current to target</text>\n", mid + 4);
}

/* Draws group G, its title and a line per row, from Y down; returns the y below it. */
static int chart_group(struct export *e, size_t g, int width, int y)
{
	const struct content_group *group = &e->c->groups[g];

	chart_name(e, group->title, 4, y + CHART_LINE / 2 + 4, true);
	for (size_t d = group->first; d < group->first + group->count && d < e->s->n_scores; d++) {
		int mid;

		y += CHART_LINE;
		mid = y + CHART_LINE / 2;
		chart_name(e, e->c->dimensions[d].name, 16, mid + 4, false);
		chart_marks(e, &e->s->scores[d], width, mid);
	}
	return y + CHART_LINE;
}

/* Draws the chart: per row of the content, by group, its current and target phase; below
 * it the names of the phases. */
static void html_chart(struct export *e)
{
	const struct content *c = e->c;
	int width = CHART_LABEL + (int)c->n_phases * CHART_COLUMN + 10;
	int bottom = CHART_TOP + (int)(c->n_groups + c->n_dimensions) * CHART_LINE;
	int y = CHART_TOP;

	section(e, "Current and target phase");
	fprintf(e->out, "<figure>\n<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" "
			"height=\"%d\" role=\"img\" aria-labelledby=\"chart-title\" "
			"font-family=\"sans-serif\" font-size=\"13\">\n"
			"<title id=\"chart-title\">Current and target phase per row</title>\n"
			"<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" "
			"markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
			"<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/></marker></defs>\n",
		width, bottom + CHART_LEGEND, width, bottom + CHART_LEGEND);
	chart_grid(e, bottom);
	for (size_t g = 0; g < c->n_groups; g++)
		y = chart_group(e, g, width, y);
	chart_legend(e, bottom);
	put(e, "</svg>\n<figcaption>Phases:</figcaption>\n<ol class=\"phases\">\n");
	for (size_t p = 0; p < c->n_phases; p++) {
		put(e, "<li>");
		put_text(e, c->phases[p].name);
		put(e, "</li>\n");
	}
	put(e, "</ol>\n</figure>\n");
}

/* Writes the page up to the top of the body: character set, title and style sheet. */
static void html_head(struct export *e)
{
	put(e, "<!DOCTYPE html>\n<html");
	if (e->c->language && e->c->language[0]) {
		put(e, " lang=\"");
		put_text(e, e->c->language);
		put(e, "\"");
	}
	put(e, ">\n<head>\n<meta charset=\"utf-8\">\n"
	       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	       "<meta name=\"generator\" content=\"meetlat\">\n<title>");
	put_text(e, e->s->meta[META_TITLE]);
	put(e, " – meetlat report</title>\n<style>\n");
	put(e, html_style);
	put(e, "</style>\n</head>\n<body>\n<h1>");
	put_text(e, e->s->meta[META_TITLE]);
	put(e, "</h1>\n");
}

/* Writes the report as one standalone HTML page: no script, nothing fetched. */
static void write_html(struct export *e)
{
	html_head(e);
	report_meta(e);
	html_chart(e);
	report_scores(e);
	report_unscored(e);
	report_actions(e);
	report_time(e);
	put(e, "</body>\n</html>\n");
}

/* ---- CSV ------------------------------------------------------------------------------- */

/* The CSV has a header line, then one line per row of the session (the content's rows in
 * order, then those kept from the file) and one per action, in these columns:
 *
 *   session_title         the session's title, organisation, group and date (YYYY-MM-DD, or
 *   session_organisation  empty), the same on every line, so that the lines of many sessions
 *   session_group         can be put in one sheet or file and still be told apart
 *   session_date
 *   kind          "row" or "action"
 *   group         the title of the row's group; empty for a row the content no longer has
 *                 and for an action for the workshop as a whole
 *   row_id        the row's id (for an action: the row it belongs to, or empty)
 *   row           the row's name; empty when the content no longer has the row
 *   votes         row: the number of votes
 *   distribution  row: the votes per phase, "1:0 2:3 3:4 4:1" (phase:votes)
 *   median        row: the median vote, "3" or "2.5" ("2,5" with ';' as separator, as a
 *                 Dutch spreadsheet reads numbers); empty without votes
 *   span          row: the phases from the lowest to the highest vote; 0 without votes
 *   disagree      row: "yes" when the votes span 3 phases or more, else "no"
 *   current       row: the agreed current phase, empty when none; current_name its name
 *   target        row: the target phase, empty when none; target_name its name
 *   note          row: the note
 *   action        action: its text
 *   owner         action: who takes it on, or empty
 *   due           action: YYYY-MM-DD, or empty
 *   done          action: "yes" or "no"
 *
 * A column a kind does not use is empty. RFC 4180: a field holding the separator, a quote,
 * CR or LF is written between double quotes, quotes doubled; lines end in CRLF; a newline
 * inside a note stays a bare LF inside its quoted field. The separator is the one asked for,
 * else ';' when the content's language is Dutch (what Dutch Excel expects) and ',' otherwise.
 * In every text control characters are replaced first ('?', a tab becomes a space), as in
 * every format.
 *
 * By default the file is made for a spreadsheet program, which is where a facilitator opens
 * it by double-clicking:
 * - it starts with a UTF-8 byte order mark: without one, Excel reads the UTF-8 as another
 *   character set;
 * - a text that a spreadsheet could take for a formula is written after a ' (the OWASP advice
 *   against CSV injection; the ' makes the cell text): one that starts with = + - @, a tab or
 *   a CR, or with = + - @ after spaces, tabs and line breaks (which some programs trim on
 *   import). A text that reads as a negative number ("-5") is guarded too: it is text, and
 *   stays text in the sheet; meetlat's own numbers are never negative, so never guarded.
 *   Apostrophes at the start are skipped before the test ("'=1" becomes "''=1"), so that
 *   the guard can be undone exactly: drop the first ' of a cell when the rest still needs
 *   the guard (export_csv_needs_guard).
 *
 * With csv_raw (--csv-raw) the file is made for programs: there is no byte order mark (most
 * readers, Python's csv, R and awk among them, would make it part of the first column's
 * name, and concatenated files would carry one in the middle) and no guard: texts are
 * written exactly as typed, so that a CSV reader gives back the original strings. */
enum csv_column {
	COL_SESSION_TITLE, COL_SESSION_ORGANISATION, COL_SESSION_GROUP, COL_SESSION_DATE,
	COL_KIND, COL_GROUP, COL_ROW_ID, COL_ROW, COL_VOTES, COL_DISTRIBUTION, COL_MEDIAN,
	COL_SPAN, COL_DISAGREE, COL_CURRENT, COL_CURRENT_NAME, COL_TARGET, COL_TARGET_NAME,
	COL_NOTE, COL_ACTION, COL_OWNER, COL_DUE, COL_DONE, CSV_COLUMNS
};

static const char *const csv_columns[CSV_COLUMNS] = {
	"session_title", "session_organisation", "session_group", "session_date",
	"kind", "group", "row_id", "row", "votes", "distribution", "median", "span",
	"disagree", "current", "current_name", "target", "target_name", "note", "action",
	"owner", "due", "done",
};

/* The byte order mark that tells a spreadsheet program the file is UTF-8. */
static const char utf8_bom[] = "\xEF\xBB\xBF";

/* Returns true when the language tag LANG is Dutch: "nl", or "nl-" or "nl_" and a region. */
static bool language_dutch(const char *lang)
{
	return lang && (lang[0] == 'n' || lang[0] == 'N') && (lang[1] == 'l' || lang[1] == 'L') &&
	       (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

/* Returns the separator to use: ASKED when it is ',' or ';', else the one for C's language. */
static char csv_separator(char asked, const struct content *c)
{
	if (asked == ',' || asked == ';')
		return asked;
	return language_dutch(c->language) ? ';' : ',';
}

/* Writes one CSV line of the CSV_COLUMNS FIELDS (NULL for an empty one), ending in CRLF. */
static void csv_line(struct export *e, const char *const *fields)
{
	for (size_t i = 0; i < CSV_COLUMNS; i++) {
		if (i)
			putc(e->separator, e->out);
		put_text(e, fields[i]);
	}
	put(e, "\r\n");
}

/* Fills in the columns every line of KIND has in F: the session's and the kind. */
static void csv_start(const struct export *e, const char **f, const char *kind)
{
	f[COL_SESSION_TITLE] = e->s->meta[META_TITLE];
	f[COL_SESSION_ORGANISATION] = e->s->meta[META_ORGANISATION];
	f[COL_SESSION_GROUP] = e->s->meta[META_GROUP];
	f[COL_SESSION_DATE] = e->s->meta[META_DATE];
	f[COL_KIND] = kind;
}

/* Writes phase NUMBER into BUF ("" for none) and returns BUF. */
static const char *csv_phase(int number, char *buf, size_t size)
{
	buf[0] = '\0';
	if (number > 0)
		snprintf(buf, size, "%d", number);
	return buf;
}

/* Writes the CSV line of score I. */
static void csv_row(struct export *e, size_t i)
{
	const char *f[CSV_COLUMNS] = { NULL };
	char votes[24], span[16], current[16], target[16];
	struct row_view r;

	row_view(e, i, &r);
	snprintf(votes, sizeof(votes), "%zu", r.st.count);
	snprintf(span, sizeof(span), "%d", r.st.span);
	csv_start(e, f, "row");
	f[COL_GROUP] = r.group;
	f[COL_ROW_ID] = r.sc->dimension;
	f[COL_ROW] = r.group ? r.name : NULL;
	f[COL_VOTES] = votes;
	f[COL_DISTRIBUTION] = r.distribution;
	f[COL_MEDIAN] = r.median;
	f[COL_SPAN] = span;
	f[COL_DISAGREE] = r.st.disagree ? "yes" : "no";
	f[COL_CURRENT] = csv_phase(r.sc->current, current, sizeof(current));
	f[COL_CURRENT_NAME] = phase_name(e, r.sc->current);
	f[COL_TARGET] = csv_phase(r.sc->target, target, sizeof(target));
	f[COL_TARGET_NAME] = phase_name(e, r.sc->target);
	f[COL_NOTE] = r.sc->note;
	csv_line(e, f);
}

/* Writes the CSV line of action I. */
static void csv_action(struct export *e, size_t i)
{
	const struct session_action *a = &e->s->actions[i];
	const char *f[CSV_COLUMNS] = { NULL };
	long row = session_action_row(a, e->c);

	csv_start(e, f, "action");
	if (row >= 0) {
		f[COL_GROUP] = e->c->groups[e->c->dimensions[row].group].title;
		f[COL_ROW] = e->c->dimensions[row].name;
	}
	f[COL_ROW_ID] = a->dimension;
	f[COL_ACTION] = a->text;
	f[COL_OWNER] = a->owner;
	f[COL_DUE] = a->due;
	f[COL_DONE] = a->done ? "yes" : "no";
	csv_line(e, f);
}

/* Writes the session as CSV: the byte order mark (not in raw CSV), the header, the rows, the
 * actions. */
static void write_csv(struct export *e)
{
	if (!e->csv_raw)
		put(e, utf8_bom);
	csv_line(e, csv_columns);
	for (size_t i = 0; i < e->s->n_scores; i++)
		csv_row(e, i);
	for (size_t i = 0; i < e->s->n_actions; i++)
		csv_action(e, i);
}

/* Writes the report of S in the format OPT asks for; false when a write or memory failed. */
bool session_export(FILE *out, const struct session *s, const struct content *c,
		    const struct export_options *opt)
{
	struct export e = {
		.out = out, .s = s, .c = c, .format = opt->format,
		.separator = csv_separator(opt->csv_separator, c), .csv_raw = opt->csv_raw,
	};

	e.decimal = e.format == EXPORT_CSV && e.separator == ';' ? ',' : '.';
	if (e.format == EXPORT_MD)
		write_markdown(&e);
	else if (e.format == EXPORT_HTML)
		write_html(&e);
	else if (e.format == EXPORT_CSV)
		write_csv(&e);
	else
		return false;
	return fflush(out) == 0 && !ferror(out) && !e.exhausted;
}
