/* report_csv.c - the report as CSV, in long format, for a spreadsheet or a program.
 *
 * The file has two tables, the second after one empty line:
 *
 *   sessions: a header line, then one line per session and row: file, session_title,
 *     session_organisation, session_group, session_date, content_id, content_sha256,
 *     row_id, row, current, target (the agreed phases, empty when none), then votes_1 ...
 *     votes_N (the number of votes for each phase of the content);
 *   actions: a header line, then one line per open action: file, session_title,
 *     session_organisation, session_group, session_date, content_id, row_id, row, action,
 *     owner, due (YYYY-MM-DD or empty) and overdue (yes or no).
 *
 * A reader takes the lines up to the first empty one as the first table (Python's csv gives
 * an empty list for it), the rest as the second. The CSV is the one for a spreadsheet of
 * `meetlat --export csv` (sessions/export_csv.c, whose field writer this shares): a UTF-8
 * byte order mark, CRLF, RFC 4180 quoting, a leading ' before a text a spreadsheet could take
 * for a formula, the separator ';' when the content is Dutch (else ','), and the header's
 * names and the words yes/no in the language spoken. */
#include "report_out.h"

#include <string.h>

#include "export.h"
#include "i18n.h"
#include "mem.h"
#include "store_scan.h"
#include "utf8.h"

/* Returns the separator of R's CSV. */
static char separator(const struct report *r)
{
	return export_csv_separator(0, r->c->language);
}

/* Writes TEXT (NULL: empty) as one field: control characters replaced, guarded, quoted;
 * FIRST: no separator before it. */
static void cell(FILE *out, const struct report *r, const char *text, bool first)
{
	char small[256], *clean = small;
	size_t len;

	if (!first)
		putc(separator(r), out);
	if (!text)
		return;
	len = strlen(text);
	if (len >= sizeof(small) && !(clean = mem.malloc(len + 1)))
		return;
	utf8_sanitize_into(clean, text, len, true, '?');
	export_csv_field(out, clean, separator(r), export_csv_needs_guard(clean));
	if (clean != small)
		mem.free(clean);
}

/* Writes the number N as one field (0 as "" when BLANK_ZERO). */
static void number(FILE *out, const struct report *r, size_t n, bool blank_zero)
{
	putc(separator(r), out);
	if (n || !blank_zero)
		fprintf(out, "%zu", n);
}

/* Writes the N names (translated) as a header line. */
static void header(FILE *out, const struct report *r, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cell(out, r, _(names[i]), i == 0);
}

/* The columns every line starts with: the session's. */
static const char *const session_columns[] = {
	/* TRANSLATORS: column names of the CSV of `meetlat report`, in lower case like those
	 * of the CSV export: the session file, and the id and version of its content */
	N_("file"), N_("session_title"), N_("session_organisation"), N_("session_group"),
	N_("session_date"), N_("content_id"),
};

/* Writes the columns of session S from FILE that every line starts with. */
static void session_cells(FILE *out, const struct report *r, const struct session *s,
			  const char *file)
{
	cell(out, r, file, true);
	cell(out, r, s->meta[META_TITLE], false);
	cell(out, r, s->meta[META_ORGANISATION], false);
	cell(out, r, s->meta[META_GROUP], false);
	cell(out, r, s->meta[META_DATE], false);
	cell(out, r, report_session_content(s), false);
}

void report_csv_begin(FILE *out, const struct report *r)
{
	static const char *const rest[] = { N_("content_sha256"), N_("row_id"), N_("row"),
					    N_("current"), N_("target") };

	fputs(export_csv_bom, out);
	header(out, r, session_columns, sizeof(session_columns) / sizeof(*session_columns));
	for (size_t i = 0; i < sizeof(rest) / sizeof(*rest); i++)
		cell(out, r, _(rest[i]), false);
	for (size_t p = 1; p <= r->n_phases; p++) {
		char name[64];

		/* TRANSLATORS: the column of the votes for phase %2$zu; %1$s is the column name
		 * "votes" as translated for the CSV export */
		snprintf(name, sizeof(name), _("%1$s_%2$zu"), _("votes"), p);
		cell(out, r, name, false);
	}
	fputs("\r\n", out);
}

void report_csv_session(FILE *out, const struct report *r, const struct session *s,
			const char *file)
{
	const char *sha = store_file_content_sha256(s), *name;

	for (size_t i = 0; i < s->n_scores; i++) {
		const struct session_score *sc = &s->scores[i];
		size_t votes[16] = { 0 };

		if (!report_session_row(r, s, i, &name))
			continue;
		for (size_t v = 0; v < sc->n_votes; v++)
			if (sc->votes[v] >= 1 && (size_t)sc->votes[v] < sizeof(votes) / sizeof(*votes))
				votes[sc->votes[v]]++;
		session_cells(out, r, s, file);
		cell(out, r, sha, false);
		cell(out, r, sc->dimension, false);
		cell(out, r, name, false);
		number(out, r, (size_t)sc->current, true);
		number(out, r, (size_t)sc->target, true);
		for (size_t p = 1; p <= r->n_phases; p++)
			number(out, r, p < sizeof(votes) / sizeof(*votes) ? votes[p] : 0, false);
		fputs("\r\n", out);
	}
}

/* Where the action lines go. */
struct csv_to {
	FILE *out;
	const struct report *r;
};

/* Writes the CSV line of the open action A (report_each_action) to the csv_to CTX. */
static bool action_line(void *ctx, const struct report_action *a)
{
	const struct csv_to *to = ctx;
	FILE *out = to->out;
	const struct report *r = to->r;

	cell(out, r, a->file, true);
	cell(out, r, a->title, false);
	cell(out, r, a->organisation, false);
	cell(out, r, a->group, false);
	cell(out, r, a->date, false);
	cell(out, r, r->sections[a->section].content_id, false);
	cell(out, r, a->row_id, false);
	cell(out, r, a->row_name, false);
	cell(out, r, a->text, false);
	cell(out, r, a->owner, false);
	cell(out, r, a->due, false);
	cell(out, r, a->overdue ? _("yes") : _("no"), false);
	fputs("\r\n", out);
	return true;
}

bool report_csv_actions(FILE *out, struct report *r)
{
	static const char *const rest[] = { N_("row_id"), N_("row"), N_("action"), N_("owner"),
					    /* TRANSLATORS: a column of the CSV of `meetlat
					     * report`: whether an open action is past its due
					     * date ("yes" or "no") */
					    N_("due"), N_("overdue") };
	struct csv_to to = { out, r };

	fputs("\r\n", out);
	header(out, r, session_columns, sizeof(session_columns) / sizeof(*session_columns));
	for (size_t i = 0; i < sizeof(rest) / sizeof(*rest); i++)
		cell(out, r, _(rest[i]), false);
	fputs("\r\n", out);
	return report_each_action(r, (size_t)-1, action_line, &to);
}
