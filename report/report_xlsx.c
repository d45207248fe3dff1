/* report_xlsx.c - the report as an xlsx workbook (libxlsxwriter): per content (section) the
 * sheets of the HTML page's tables, with numbers as numbers: the distribution of the agreed
 * phases per row, the latest phases of each organisation and group (current phases in one
 * block of columns, target phases in the next), their trend over the dates, the open
 * actions; and a sheet of native radar charts, one per organisation, a series per group (its
 * latest current phase per row). Texts are written as text, never as formulas. The workbook
 * is written in libxlsxwriter's constant memory mode: each sheet row by row, in order. */
#include "report_out.h"

#include <string.h>

#include "i18n.h"
#include "mem.h"
#include "utf8.h"
#include "xlsxlib.h"

/* The workbook being written. */
struct book {
	lxw_workbook *wb;
	lxw_format *bold;
	struct report *r;
	bool failed; /* memory ran out */
};

/* Writes TEXT (NULL: nothing) at ROW, COL of WS as text, control characters replaced. */
static void put(struct book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
		const char *text, lxw_format *format)
{
	char *clean;

	if (!text || !text[0])
		return;
	clean = utf8_sanitize(text, strlen(text), true, '?');
	if (!clean) {
		b->failed = true;
		return;
	}
	xlsx.worksheet_write_string(ws, row, col, clean, format);
	mem.free(clean);
}

/* Writes the number N at ROW, COL of WS, or nothing when N is 0 and BLANK_ZERO. */
static void put_number(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, size_t n,
		       bool blank_zero)
{
	if (n || !blank_zero)
		xlsx.worksheet_write_number(ws, row, col, (double)n, NULL);
}

/* Adds the sheet NAME (translated) of section number I: "Name", then "Name 2", ... */
static lxw_worksheet *sheet(struct book *b, const char *name, size_t i, char *out, size_t size)
{
	if (i)
		snprintf(out, size, "%.20s %u", name, (unsigned)((i + 1) % 10000000));
	else
		snprintf(out, size, "%.30s", name);
	return xlsx.workbook_add_worksheet(b->wb, out);
}

/* Writes the heads "not agreed", 1 name, ... from column COL of ROW. */
static void phase_heads(struct book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col)
{
	char head[128];

	put(b, ws, row, col, _("Not agreed"), b->bold);
	for (size_t p = 1; p <= b->r->n_phases; p++) {
		snprintf(head, sizeof(head), "%zu %s", p, report_phase_name(b->r, (int)p));
		put(b, ws, row, (lxw_col_t)(col + p), head, b->bold);
	}
}

/* The sheet of the distribution of the agreed phases per row of SEC. */
static void distribution(struct book *b, const struct report_section *sec, size_t i)
{
	char name[32];
	lxw_worksheet *ws = sheet(b, _("Phases"), i, name, sizeof(name));
	lxw_col_t width = (lxw_col_t)(b->r->n_phases + 1);

	put(b, ws, 0, 1, _("Current phase"), b->bold);
	put(b, ws, 0, (lxw_col_t)(1 + width), _("Target phase"), b->bold);
	put(b, ws, 1, 0, _("Row"), b->bold);
	phase_heads(b, ws, 1, 1);
	phase_heads(b, ws, 1, (lxw_col_t)(1 + width));
	for (size_t k = 0; k < sec->n_rows; k++) {
		const struct report_row *row = &sec->rows[k];

		put(b, ws, (lxw_row_t)(2 + k), 0, row->name, NULL);
		for (size_t p = 0; p <= b->r->n_phases; p++) {
			put_number(ws, (lxw_row_t)(2 + k), (lxw_col_t)(1 + p), row->current[p], false);
			put_number(ws, (lxw_row_t)(2 + k), (lxw_col_t)(1 + width + p), row->target[p],
				   false);
		}
	}
	xlsx.worksheet_set_column(ws, 0, 0, 36, NULL);
}

enum { LEAD_COLUMNS = 4 }; /* organisation, group, date, session */

/* Writes the heads of a sheet of groups x rows of SEC: LEAD, then the rows' names in a block
 * of current phases and one of target phases; their first column is LEAD_COLUMNS. */
static void matrix_head(struct book *b, lxw_worksheet *ws, const struct report_section *sec,
			const char *const *lead, size_t n)
{
	lxw_col_t target = (lxw_col_t)(LEAD_COLUMNS + sec->n_rows);

	put(b, ws, 0, LEAD_COLUMNS, _("Current phase"), b->bold);
	put(b, ws, 0, target, _("Target phase"), b->bold);
	for (size_t k = 0; k < n; k++)
		put(b, ws, 1, (lxw_col_t)k, _(lead[k]), b->bold);
	for (size_t k = 0; k < sec->n_rows; k++) {
		put(b, ws, 1, (lxw_col_t)(LEAD_COLUMNS + k), sec->rows[k].name, b->bold);
		put(b, ws, 1, (lxw_col_t)(target + k), sec->rows[k].name, b->bold);
	}
	xlsx.worksheet_set_column(ws, 0, 1, 24, NULL);
}

/* Writes the phases PH of SEC's rows on line ROW of WS. */
static void matrix_cells(lxw_worksheet *ws, const struct report_section *sec, lxw_row_t row,
			 const struct report_phases *ph)
{
	for (size_t k = 0; k < sec->n_rows; k++) {
		put_number(ws, row, (lxw_col_t)(LEAD_COLUMNS + k),
			   (size_t)report_phase(ph, k, false), true);
		put_number(ws, row, (lxw_col_t)(LEAD_COLUMNS + sec->n_rows + k),
			   (size_t)report_phase(ph, k, true), true);
	}
}

/* Adds to the chart sheet CHARTS, at its line AT, the radar chart of the organisation whose
 * groups are lines FIRST..LAST of the groups sheet NAME. */
static void chart(struct book *b, lxw_worksheet *charts, lxw_row_t at, const char *name,
		  const struct report_section *sec, const char *organisation, lxw_row_t first,
		  lxw_row_t last)
{
	lxw_chart *ch = xlsx.workbook_add_chart(b->wb, LXW_CHART_RADAR);
	char *title = utf8_sanitize(organisation, strlen(organisation), false, '?');
	lxw_col_t end = (lxw_col_t)(LEAD_COLUMNS + sec->n_rows - 1);

	if (!ch || !title) {
		b->failed = true;
		mem.free(title);
		return;
	}
	xlsx.chart_title_set_name(ch, title[0] ? title : "-");
	for (lxw_row_t row = first; row <= last; row++) {
		lxw_chart_series *series = xlsx.chart_add_series(ch, NULL, NULL);

		xlsx.chart_series_set_categories(series, name, 1, LEAD_COLUMNS, 1, end);
		xlsx.chart_series_set_values(series, name, row, LEAD_COLUMNS, row, end);
		xlsx.chart_series_set_name_range(series, name, row, 1);
	}
	xlsx.worksheet_insert_chart(charts, at, 0, ch);
	mem.free(title);
}

/* The sheet of the latest phases per organisation and group of SEC, and that of their
 * charts. */
static void matrix(struct book *b, const struct report_section *sec, size_t i)
{
	static const char *const lead[LEAD_COLUMNS] = { N_("Organisation"), N_("Group"),
							N_("Date"), N_("Session") };
	char name[32], charts_name[32];
	lxw_worksheet *ws = sheet(b, _("Groups"), i, name, sizeof(name));
	lxw_worksheet *charts = sheet(b, _("Charts"), i, charts_name, sizeof(charts_name));
	size_t *order = report_groups_sorted(sec);
	lxw_row_t first = 2, at = 0;

	matrix_head(b, ws, sec, lead, LEAD_COLUMNS);
	b->failed |= !order;
	for (size_t k = 0; order && k < sec->n_groups; k++) {
		const struct report_group *g = &sec->groups[order[k]];
		lxw_row_t row = (lxw_row_t)(2 + k);

		put(b, ws, row, 0, g->organisation, NULL);
		put(b, ws, row, 1, g->group, NULL);
		put(b, ws, row, 2, g->date, NULL);
		put(b, ws, row, 3, g->title, NULL);
		matrix_cells(ws, sec, row, &g->latest);
		if (k + 1 == sec->n_groups ||
		    strcmp(sec->groups[order[k + 1]].organisation, g->organisation) != 0) {
			chart(b, charts, at, name, sec, g->organisation, first, row);
			at += 20;
			first = row + 1;
		}
	}
	mem.free(order);
}

/* The sheet of the trend of SEC: per organisation, group and date, the phases per row. */
static void trend(struct book *b, const struct report_section *sec, size_t i)
{
	static const char *const lead[] = { N_("Organisation"), N_("Group"), N_("Date") };
	char name[32];
	lxw_worksheet *ws = sheet(b, _("Trend"), i, name, sizeof(name));
	size_t *order = report_points_sorted(sec);

	matrix_head(b, ws, sec, lead, sizeof(lead) / sizeof(*lead));
	b->failed |= !order;
	for (size_t k = 0; order && k < sec->n_points; k++) {
		const struct report_point *p = &sec->points[order[k]];
		lxw_row_t row = (lxw_row_t)(2 + k);

		put(b, ws, row, 0, sec->groups[p->group].organisation, NULL);
		put(b, ws, row, 1, sec->groups[p->group].group, NULL);
		put(b, ws, row, 2, p->date, NULL);
		matrix_cells(ws, sec, row, &p->phases);
	}
	mem.free(order);
}

/* The actions sheet being written. */
struct action_sheet {
	struct book *b;
	lxw_worksheet *ws;
	lxw_row_t row;
};

/* Writes the open action A (report_each_action) on the next line of the action_sheet CTX. */
static bool action_line(void *ctx, const struct report_action *a)
{
	struct action_sheet *as = ctx;
	const char *cells[] = { a->organisation, a->group, a->date, a->title, a->row_name,
				a->text, a->owner, a->due, a->overdue ? _("yes") : _("no") };

	for (size_t k = 0; k < sizeof(cells) / sizeof(*cells); k++)
		put(as->b, as->ws, as->row, (lxw_col_t)k, cells[k], NULL);
	as->row++;
	return true;
}

/* The sheet of the open actions of section number I. */
static bool actions(struct book *b, size_t i)
{
	static const char *const heads[] = { N_("Organisation"), N_("Group"), N_("Date"),
					     N_("Session"), N_("Row"), N_("Action"), N_("Owner"),
					     N_("Due"), N_("Overdue") };
	char name[32];
	struct action_sheet as = { b, sheet(b, _("Actions"), i, name, sizeof(name)), 1 };

	for (size_t k = 0; k < sizeof(heads) / sizeof(*heads); k++)
		put(b, as.ws, 0, (lxw_col_t)k, _(heads[k]), b->bold);
	return report_each_action(b->r, i, action_line, &as);
}

bool report_xlsx(const char *path, const char *name, struct report *r)
{
	/* Each row goes to the sheet's temporary file when the next begins, so memory does not
	 * grow with the sessions' actions: every sheet is written row by row, in order. */
	lxw_workbook_options options = { .constant_memory = LXW_TRUE };
	struct book b = { .r = r };
	bool ok = true;
	lxw_error err;

	if (!xlsxlib_load()) {
		fprintf(stderr, "meetlat: %s: %s (%s)\n", name, _("cannot write the report"),
			xlsxlib_problem());
		return false;
	}
	b.wb = xlsx.workbook_new_opt(path, &options);
	if (!b.wb) {
		fprintf(stderr, "meetlat: %s: %s\n", name, _("cannot write the report"));
		return false;
	}
	b.bold = xlsx.workbook_add_format(b.wb);
	xlsx.format_set_bold(b.bold);
	for (size_t i = 0; i < r->n_sections; i++) {
		distribution(&b, &r->sections[i], i);
		matrix(&b, &r->sections[i], i);
		trend(&b, &r->sections[i], i);
		ok = actions(&b, i) && ok;
	}
	err = xlsx.workbook_close(b.wb);
	if (err != LXW_NO_ERROR || b.failed || !ok) {
		fprintf(stderr, "meetlat: %s: %s (%s)\n", name, _("cannot write the report"),
			err != LXW_NO_ERROR ? xlsx.lxw_strerror(err) : _("out of memory"));
		return false;
	}
	return true;
}
