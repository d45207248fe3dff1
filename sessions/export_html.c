/* export_html.c - the report as one standalone HTML page (no script, nothing fetched, fit to
 * print on A4), with a chart of the current and target phase of every row.
 *
 * The page is laid out by the browser: a word too long for its table column is hyphenated
 * there (CSS hyphens: auto, with the rules of the page's lang, the language spoken), and
 * only a word without any hyphenation point is broken anywhere (overflow-wrap). */
#include <string.h>

#include "export_impl.h"
#include "html.h"
#include "i18n.h"
#include "utf8.h"

/* The report's building blocks in HTML: a group is a line above its rows. */
static const struct markup html = {
	.section = "\n<h2>%s</h2>\n",
	.paragraph = "<p class=\"hint\">%s</p>\n",
	.table_note = "<p class=\"hint\">%s</p>\n",
	.table_begin = "<table class=\"%s\">\n<thead><tr>",
	.head = "<th>%s</th>",
	.head_end = "</tr></thead>\n<tbody>\n",
	.rule = "",
	.rule_end = "",
	.table_end = "</tbody>\n</table>\n",
	.row_begin = "<tr>",
	.row_end = "</tr>\n",
	.cell_begin = "<td>",
	.cell_begin_class = "<td class=\"%s\">",
	.cell_end = "</td>",
	.list_begin = "<ul class=\"%s\">\n",
	.list_end = "</ul>\n",
	.item_begin = "<li>",
	.item_label = "<b>%s:</b> ",
	.item_end = "</li>\n",
	.vote_detail = " <span>(%s)</span>",
	.group_begin = "<tr class=\"group\"><th colspan=\"7\">",
	.group_end = "</th></tr>\n",
};

/* Writes TEXT with the five characters that HTML gives meaning replaced by references. */
static void html_escape(const struct export *e, const char *text)
{
	html_escape_to(e->out, text, strlen(text));
}

static const char html_style[] =
	"body { font-family: system-ui, \"Segoe UI\", Roboto, Helvetica, Arial, sans-serif;\n"
	"       color: #111; background: #fff; line-height: 1.4;\n"
	"       max-width: 60em; margin: 1.5em auto; padding: 0 1em; }\n"
	"h1 { font-size: 1.6em; margin: 0 0 .6em; }\n"
	"h2 { font-size: 1.15em; margin: 1.6em 0 .5em; border-bottom: 1px solid #888; }\n"
	"ul.meta { list-style: none; padding: 0; margin: 0; columns: 2; }\n"
	"table { border-collapse: collapse; width: 100%; font-size: .9em; }\n"
	"th, td { border: 1px solid #888; padding: .2em .4em; text-align: left;\n"
	"         vertical-align: top; hyphens: auto; overflow-wrap: break-word;\n"
	"         box-sizing: border-box; }\n"
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
	"table.actions th:nth-child(2) { width: 40%; }\n"
	"table.actions th:nth-child(3) { width: 18%; }\n"
	"table.actions th:nth-child(4) { width: 15%; }\n"
	"table.actions th:nth-child(5) { width: 12%; }\n"
	"table.actions th:nth-child(6) { width: 10%; }\n"
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
	export_put_text(e, cut);
	export_put(e, "</text>\n");
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
		fprintf(e->out, "<text x=\"%d\" y=\"%d\" fill=\"#555\" font-style=\"italic\">",
			CHART_LABEL + 8, y + 4);
		/* TRANSLATORS: in the chart, on the line of a row without agreed phases */
		export_put_text(e, _("not scored"));
		export_put(e, "</text>\n");
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

	for (int p = 1; p <= n; p++) {
		char label[64];

		/* TRANSLATORS: above a phase's column in the chart */
		snprintf(label, sizeof(label), _("Phase %d"), p);
		fprintf(e->out, "<text x=\"%d\" y=\"22\" text-anchor=\"middle\" "
				"font-weight=\"bold\">", chart_x(p));
		export_put_text(e, label);
		export_put(e, "</text>\n");
	}
	for (int k = 0; k <= n; k++) {
		int x = CHART_LABEL + k * CHART_COLUMN;

		fprintf(e->out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#bbb\"/>\n",
			x, CHART_TOP - 6, x, bottom);
	}
}

/* Writes TEXT (translated) as SVG text at X, Y. */
static void chart_text(struct export *e, int x, int y, const char *text)
{
	fprintf(e->out, "<text x=\"%d\" y=\"%d\">", x, y);
	export_put_text(e, text);
	export_put(e, "</text>\n");
}

/* Draws the legend below the chart, its top at Y: what the three marks mean. */
static void chart_legend(struct export *e, int y)
{
	int mid = y + CHART_LEGEND / 2;

	chart_disc(e, 14, mid);
	/* TRANSLATORS: the legend of the chart: a disc, a ring and an arrow; keep these short
	 * (about 14, 14 and 30 characters) */
	chart_text(e, 28, mid + 4, _("current phase"));
	chart_ring(e, 154, mid);
	chart_text(e, 172, mid + 4, _("target phase"));
	chart_arrow(e, 284, 316, mid);
	chart_text(e, 326, mid + 4, _("from current to target"));
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

	/* TRANSLATORS: the heading of the chart in the HTML report */
	export_section(e, _("Current and target phase"));
	fprintf(e->out, "<figure>\n<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" "
			"height=\"%d\" role=\"img\" aria-labelledby=\"chart-title\" "
			"font-family=\"sans-serif\" font-size=\"13\">\n<title id=\"chart-title\">",
		width, bottom + CHART_LEGEND, width, bottom + CHART_LEGEND);
	/* TRANSLATORS: the chart's title, read by screen readers */
	export_put_text(e, _("Current and target phase per row"));
	fprintf(e->out, "</title>\n"
			"<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" "
			"markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
			"<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/></marker></defs>\n");
	chart_grid(e, bottom);
	for (size_t g = 0; g < c->n_groups; g++)
		y = chart_group(e, g, width, y);
	chart_legend(e, bottom);
	/* TRANSLATORS: below the chart, before the list of the phases' names */
	export_put_markup(e, "</svg>\n<figcaption>%s</figcaption>\n<ol class=\"phases\">\n",
			  _("Phases:"));
	for (size_t p = 0; p < c->n_phases; p++) {
		export_put(e, "<li>");
		export_put_text(e, c->phases[p].name);
		export_put(e, "</li>\n");
	}
	export_put(e, "</ol>\n</figure>\n");
}

/* Writes the page up to the top of the body: the language it speaks (that of the interface),
 * character set, title and style sheet. */
static void html_head(struct export *e)
{
	export_put_markup(e, "<!DOCTYPE html>\n<html lang=\"%s\"", i18n_language());
	export_put(e, ">\n<head>\n<meta charset=\"utf-8\">\n"
	       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	       "<meta name=\"generator\" content=\"meetlat\">\n<title>");
	/* TRANSLATORS: the HTML page's title (the browser's tab); %s is the session's title */
	export_put_sentence(e, _("%s – meetlat report"), e->s->meta[META_TITLE]);
	export_put(e, "</title>\n<style>\n");
	export_put(e, html_style);
	export_put(e, "</style>\n</head>\n<body>\n<h1>");
	export_put_text(e, e->s->meta[META_TITLE]);
	export_put(e, "</h1>\n");
}

void export_html(struct export *e)
{
	e->markup = &html;
	e->escape = html_escape;
	html_head(e);
	export_report_meta(e);
	html_chart(e);
	export_report_tables(e);
	export_put(e, "</body>\n</html>\n");
}
