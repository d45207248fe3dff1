/* report_html.c - the report as one standalone HTML page: no script, no external resource,
 * every text escaped, in the language spoken (lang=). Per content (section): the
 * distribution of the agreed current and target phases per row, the latest phases of each
 * organisation and group (a matrix of groups x rows), their trend over the dates (an inline
 * SVG chart of the mean agreed current phase of each group, and the table behind it), and
 * the open actions. */
#include "report_out.h"

#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "i18n.h"
#include "mem.h"
#include "utf8.h"

/* Set when memory ran out while the page was written (a text or a table is then missing);
 * report_html clears it first and fails when it is set at the end. */
static bool out_of_memory;

/* Writes TEXT (NULL: nothing) with control characters replaced and the five characters that
 * HTML gives meaning replaced by references. */
static void text(FILE *out, const char *s)
{
	char *clean = s ? utf8_sanitize(s, strlen(s), true, '?') : NULL;

	out_of_memory |= s && !clean;

	if (clean)
		html_escape_to(out, clean, strlen(clean));
	mem.free(clean);
}

/* Writes OPEN, TEXT escaped, then CLOSE. */
static void element(FILE *out, const char *open, const char *s, const char *close)
{
	fputs(open, out);
	text(out, s);
	fputs(close, out);
}

static const char style[] =
	"body { font-family: system-ui, \"Segoe UI\", Roboto, Helvetica, Arial, sans-serif;\n"
	"       color: #111; background: #fff; line-height: 1.4; margin: 1.5em; }\n"
	"h2 { border-bottom: 1px solid #888; margin-top: 2em; }\n"
	"table { border-collapse: collapse; font-size: .9em; margin: .5em 0 1em; }\n"
	"th, td { border: 1px solid #888; padding: .2em .4em; text-align: left; }\n"
	"thead th { background: #e8e8e8; }\n"
	"td.num { text-align: right; }\n"
	"td.overdue { font-weight: bold; }\n"
	"svg.trend { display: block; max-width: 100%; height: auto; }\n"
	"ul.legend { list-style: none; padding: 0; columns: 3; font-size: .9em; }\n";

/* The colours of the trend's lines, in turn (distinct in grey too: dashes differ). */
static const char *const colours[] = { "#1b6ac9", "#c9541b", "#2e8b3a", "#8b2e85",
				       "#7a6a00", "#00808a", "#444444", "#b0306a" };
enum { N_COLOURS = sizeof(colours) / sizeof(*colours) };

/* Writes a cell with the number N. */
static void number_cell(FILE *out, size_t n)
{
	fprintf(out, "<td class=\"num\">%zu</td>", n);
}

/* Writes the heading cells of phases 1..P (name after the number), after "not agreed". */
static void phase_heads(FILE *out, const struct report *r)
{
	element(out, "<th>", _("Not agreed"), "</th>");
	for (size_t p = 1; p <= r->n_phases; p++) {
		fprintf(out, "<th>%zu ", p);
		text(out, report_phase_name(r, (int)p));
		fputs("</th>", out);
	}
}

/* Writes the distribution of current and target phases per row of SEC. */
static void distribution(FILE *out, const struct report *r, const struct report_section *sec)
{
	element(out, "<h3>", _("Phases per row"), "</h3>\n");
	fprintf(out, "<table class=\"distribution\"><thead><tr><th rowspan=\"2\">");
	text(out, _("Row"));
	fprintf(out, "</th><th colspan=\"%zu\">", r->n_phases + 1);
	text(out, _("Current phase"));
	fprintf(out, "</th><th colspan=\"%zu\">", r->n_phases + 1);
	text(out, _("Target phase"));
	fputs("</th></tr>\n<tr>", out);
	phase_heads(out, r);
	phase_heads(out, r);
	fputs("</tr></thead>\n<tbody>\n", out);
	for (size_t i = 0; i < sec->n_rows; i++) {
		const struct report_row *row = &sec->rows[i];

		element(out, "<tr><th>", row->name, "</th>");
		for (size_t p = 0; p <= r->n_phases; p++)
			number_cell(out, row->current[p]);
		for (size_t p = 0; p <= r->n_phases; p++)
			number_cell(out, row->target[p]);
		fputs("</tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
}

/* Writes a cell with the current and target phase of row I in PH: "2 → 3", "2", "→ 3" or
 * empty. */
static void phases_cell(FILE *out, const struct report_phases *ph, size_t i)
{
	int current = report_phase(ph, i, false), target = report_phase(ph, i, true);

	fputs("<td class=\"num\">", out);
	if (current)
		fprintf(out, "%d", current);
	if (target)
		fprintf(out, "%s→ %d", current ? " " : "", target);
	fputs("</td>", out);
}

/* Writes the heading of a table of groups x rows: LEAD's cells, then the rows of SEC. */
static void matrix_head(FILE *out, const struct report_section *sec, const char *const *lead,
			size_t n)
{
	fputs("<thead><tr>", out);
	for (size_t i = 0; i < n; i++)
		element(out, "<th>", _(lead[i]), "</th>");
	for (size_t i = 0; i < sec->n_rows; i++)
		element(out, "<th>", sec->rows[i].name, "</th>");
	fputs("</tr></thead>\n<tbody>\n", out);
}

/* Writes a row of a table of groups x rows: the N texts of CELLS, then per row of SEC the
 * phases in PH. */
static void matrix_row(FILE *out, const struct report_section *sec, const char *const *cells,
		       size_t n, const struct report_phases *ph)
{
	fputs("<tr>", out);
	for (size_t i = 0; i < n; i++)
		element(out, "<td>", cells[i], "</td>");
	for (size_t i = 0; i < sec->n_rows; i++)
		phases_cell(out, ph, i);
	fputs("</tr>\n", out);
}

/* Writes the matrix of SEC: per organisation and group its latest session's phases per row. */
static void matrix(FILE *out, const struct report_section *sec)
{
	static const char *const lead[] = { N_("Organisation"), N_("Group"), N_("Date"),
					    N_("Session") };
	size_t *order = report_groups_sorted(sec);

	out_of_memory |= !order;
	element(out, "<h3>", _("Latest phases per organisation and group"), "</h3>\n");
	element(out, "<p>", _("Each cell: the current phase → the target phase agreed in the "
			      "group's latest session (by its date)."),
		"</p>\n<table class=\"matrix\">");
	matrix_head(out, sec, lead, sizeof(lead) / sizeof(*lead));
	for (size_t k = 0; order && k < sec->n_groups; k++) {
		const struct report_group *g = &sec->groups[order[k]];
		const char *const cells[] = { g->organisation, g->group, g->date, g->title };

		matrix_row(out, sec, cells, sizeof(cells) / sizeof(*cells), &g->latest);
	}
	fputs("</tbody></table>\n", out);
	mem.free(order);
}

/* Returns the mean agreed current phase of PH over the N_ROWS rows (0 when none agreed). */
static double mean_current(const struct report_phases *ph, size_t n_rows)
{
	size_t sum = 0, agreed = 0;

	for (size_t i = 0; i < n_rows; i++) {
		int p = report_phase(ph, i, false);

		sum += (size_t)p;
		agreed += p != 0;
	}
	return agreed ? (double)sum / (double)agreed : 0;
}

/* The trend chart's geometry, in SVG user units. */
enum { TREND_LEFT = 40, TREND_TOP = 16, TREND_STEP = 60, TREND_PHASE = 50, TREND_BOTTOM = 60 };

/* Returns the index of DATE in the sorted DATES (N of them). */
static size_t date_index(char (*dates)[DATE_ISO_SIZE], size_t n, const char *date)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (strcmp(dates[mid], date) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Orders two dates of the trend (qsort). */
static int by_date(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* Fills DATES (room for all of SEC's points) with the distinct dates of SEC's points, sorted;
 * returns how many. */
static size_t distinct_dates(const struct report_section *sec, char (*dates)[DATE_ISO_SIZE])
{
	size_t n = 0, kept = 0;

	for (size_t k = 0; k < sec->n_points; k++)
		if (sec->points[k].date[0])
			memcpy(dates[n++], sec->points[k].date, DATE_ISO_SIZE);
	qsort(dates, n, sizeof(*dates), by_date);
	for (size_t k = 0; k < n; k++)
		if (!kept || strcmp(dates[kept - 1], dates[k]) != 0)
			memmove(dates[kept++], dates[k], sizeof(*dates));
	return kept;
}

/* Writes the axes of the trend chart: phases 1..P up the left, the N DATES along the bottom. */
static void trend_axes(FILE *out, const struct report *r, char (*dates)[DATE_ISO_SIZE],
		       size_t n, int width, int height)
{
	for (size_t p = 1; p <= r->n_phases; p++) {
		int y = TREND_TOP + (int)(r->n_phases - p) * TREND_PHASE;

		fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ccc\"/>"
			     "<text x=\"%d\" y=\"%d\" font-size=\"12\">%zu</text>\n",
			TREND_LEFT, y, width - 10, y, TREND_LEFT - 20, y + 4, p);
	}
	for (size_t i = 0; i < n; i++)
		fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"11\" transform=\"rotate(45 %d %d)\">"
			     "%s</text>\n",
			TREND_LEFT + (int)i * TREND_STEP, height - TREND_BOTTOM + 14,
			TREND_LEFT + (int)i * TREND_STEP, height - TREND_BOTTOM + 14, dates[i]);
}

/* Writes the line of group G's points (in ORDER from K on, as long as they are G's); returns
 * the index after them. */
static size_t trend_line(FILE *out, const struct report *r, const struct report_section *sec,
			 const size_t *order, size_t k, char (*dates)[DATE_ISO_SIZE], size_t n)
{
	size_t g = sec->points[order[k]].group;

	fprintf(out, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
		     "stroke-dasharray=\"%s\" points=\"",
		colours[g % N_COLOURS], g / N_COLOURS % 2 ? "6 3" : "none");
	for (; k < sec->n_points && sec->points[order[k]].group == g; k++) {
		const struct report_point *p = &sec->points[order[k]];
		double mean = mean_current(&p->phases, sec->n_rows);

		if (!p->date[0] || mean == 0)
			continue;
		fprintf(out, "%d,%.1f ", TREND_LEFT + (int)date_index(dates, n, p->date) * TREND_STEP,
			TREND_TOP + ((double)r->n_phases - mean) * TREND_PHASE);
	}
	fputs("\"/>\n", out);
	return k;
}

/* Writes the trend chart of SEC: per group, its mean agreed current phase at each date. */
static void trend_chart(FILE *out, const struct report *r, const struct report_section *sec,
			const size_t *order)
{
	char (*dates)[DATE_ISO_SIZE] = mem.malloc((sec->n_points + 1) * sizeof(*dates));
	size_t n = dates ? distinct_dates(sec, dates) : 0;
	int width = TREND_LEFT + (int)(n ? n : 1) * TREND_STEP + 40;
	int height = TREND_TOP + (int)(r->n_phases - 1) * TREND_PHASE + TREND_BOTTOM + 20;

	out_of_memory |= !dates;
	fprintf(out, "<figure><svg class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" "
		     "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"",
		width, height, width, height);
	text(out, _("Mean agreed current phase per group over the dates"));
	fputs("\">\n", out);
	trend_axes(out, r, dates, n, width, height);
	for (size_t k = 0; order && k < sec->n_points;)
		k = trend_line(out, r, sec, order, k, dates, n);
	fputs("</svg>\n<ul class=\"legend\">\n", out);
	for (size_t g = 0; g < sec->n_groups; g++) {
		fprintf(out, "<li><span style=\"color:%s\">%s</span> ", colours[g % N_COLOURS],
			g / N_COLOURS % 2 ? "╌╌" : "━━");
		text(out, sec->groups[g].organisation);
		fputs(" – ", out);
		text(out, sec->groups[g].group);
		fputs("</li>\n", out);
	}
	fputs("</ul></figure>\n", out);
	mem.free(dates);
}

/* Writes the trend of SEC: the chart, then per group and date its phases per row. */
static void trend(FILE *out, const struct report *r, const struct report_section *sec)
{
	static const char *const lead[] = { N_("Organisation"), N_("Group"), N_("Date") };
	size_t *order = report_points_sorted(sec);

	out_of_memory |= !order;
	element(out, "<h3>", _("Trend per organisation and group"), "</h3>\n");
	trend_chart(out, r, sec, order);
	fputs("<table class=\"trend\">", out);
	matrix_head(out, sec, lead, sizeof(lead) / sizeof(*lead));
	for (size_t k = 0; order && k < sec->n_points; k++) {
		const struct report_point *p = &sec->points[order[k]];
		const struct report_group *g = &sec->groups[p->group];
		const char *const cells[] = { g->organisation, g->group, p->date };

		matrix_row(out, sec, cells, sizeof(cells) / sizeof(*cells), &p->phases);
	}
	fputs("</tbody></table>\n", out);
	mem.free(order);
}

/* Writes the table row of the open action A (report_each_action) to the FILE CTX. */
static bool action_row(void *ctx, const struct report_action *a)
{
	FILE *out = ctx;

	element(out, "<tr><td>", a->organisation, "</td>");
	element(out, "<td>", a->group, "</td>");
	element(out, "<td>", a->date, "</td>");
	element(out, "<td>", a->row_name, "</td>");
	element(out, "<td>", a->text, "</td>");
	element(out, "<td>", a->owner, "</td>");
	if (a->overdue) {
		element(out, "<td class=\"overdue\">", a->due, " ");
		element(out, "", _("(overdue)"), "</td>");
	} else {
		element(out, "<td>", a->due, "</td>");
	}
	fputs("</tr>\n", out);
	return true;
}

/* Writes the open actions of section number I. */
static bool actions(FILE *out, struct report *r, size_t i)
{
	static const char *const heads[] = { N_("Organisation"), N_("Group"), N_("Date"),
					     N_("Row"), N_("Action"), N_("Owner"), N_("Due") };
	size_t n = r->sections[i].open_actions;
	char line[128];
	bool ok;

	element(out, "<h3>", _("Open actions"), "</h3>\n");
	snprintf(line, sizeof(line), ngettext("%zu action is open.", "%zu actions are open.", n),
		 n);
	element(out, "<p>", line, "</p>\n");
	if (!n)
		return true;
	fputs("<table class=\"actions\"><thead><tr>", out);
	for (size_t k = 0; k < sizeof(heads) / sizeof(*heads); k++)
		element(out, "<th>", _(heads[k]), "</th>");
	fputs("</tr></thead>\n<tbody>\n", out);
	ok = report_each_action(r, i, action_row, out);
	fputs("</tbody></table>\n", out);
	return ok;
}

/* Writes the heading of section SEC: its content and how many sessions it has. */
static void section_head(FILE *out, const struct report_section *sec)
{
	char line[160];

	/* TRANSLATORS: the heading of the part of the report for one content; %s is its id */
	snprintf(line, sizeof(line), _("Content %s"), sec->content_id);
	element(out, "<section>\n<h2>", line, "</h2>\n");
	snprintf(line, sizeof(line),
		 ngettext("%zu session; version %.12s", "%zu sessions; version %.12s",
			  sec->sessions),
		 sec->sessions, sec->sha256[0] ? sec->sha256 : "-");
	element(out, "<p>", line, "</p>\n");
}

bool report_html(FILE *out, struct report *r)
{
	bool ok = true;
	char line[160];

	out_of_memory = false;
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
		i18n_language());
	element(out, "<title>", _("Report over many sessions"), "</title>\n");
	fprintf(out, "<style>\n%s</style>\n</head>\n<body>\n", style);
	element(out, "<h1>", _("Report over many sessions"), "</h1>\n");
	snprintf(line, sizeof(line), ngettext("%zu content", "%zu contents", r->n_sections),
		 r->n_sections);
	element(out, "<p>", line, "</p>\n");
	for (size_t i = 0; i < r->n_sections; i++) {
		const struct report_section *sec = &r->sections[i];

		section_head(out, sec);
		distribution(out, r, sec);
		matrix(out, sec);
		trend(out, r, sec);
		ok = actions(out, r, i) && ok;
		fputs("</section>\n", out);
	}
	fputs("</body>\n</html>\n", out);
	return ok && !out_of_memory;
}
