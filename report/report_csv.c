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

void report_csv_init(struct report_csv *w, FILE *out, const struct report *r)
{
	w->out = out;
	w->r = r;
	w->separator = export_csv_separator(0, r->c->language);
	w->failed = false;
}

/* Writes TEXT (NULL: empty) as one field: control characters replaced, guarded, quoted;
 * FIRST: no separator before it. */
static void cell(struct report_csv *w, const char *text, bool first)
{
	char small[256], *clean = small;
	size_t len;

	if (!first)
		putc(w->separator, w->out);
	if (!text)
		return;
	len = strlen(text);
	if (len >= sizeof(small) && !(clean = mem.malloc(len + 1))) {
		w->failed = true;
		return;
	}
	utf8_sanitize_into(clean, text, len, true, '?');
	export_csv_field(w->out, clean, w->separator, export_csv_needs_guard(clean));
	if (clean != small)
		mem.free(clean);
}

/* Writes the identifier, date or sha256 TEXT as one field after a separator: it was
 * validated when read (a-z, 0-9 and '-'), so it needs no cleaning or quotes, and a guard only
 * when it starts with '-'. */
static void plain(struct report_csv *w, const char *text)
{
	if (text[0] == '-') {
		cell(w, text, false);
		return;
	}
	putc(w->separator, w->out);
	fputs(text, w->out);
}

/* Writes the number N as one field after a separator (0 as "" when BLANK_ZERO). */
static void number(struct report_csv *w, size_t n, bool blank_zero)
{
	char digits[24], *at = digits + sizeof(digits);

	putc(w->separator, w->out);
	if (!n && blank_zero)
		return;
	do
		*--at = (char)('0' + n % 10);
	while (n /= 10);
	fwrite(at, 1, (size_t)(digits + sizeof(digits) - at), w->out);
}

/* Writes the N names (translated) as a header line. */
static void header(struct report_csv *w, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cell(w, _(names[i]), i == 0);
}

/* The columns every line starts with: the session's. */
static const char *const session_columns[] = {
	/* TRANSLATORS: column names of the CSV of `meetlat report`, in lower case like those
	 * of the CSV export: the session file, and the id and version of its content */
	N_("file"), N_("session_title"), N_("session_organisation"), N_("session_group"),
	N_("session_date"), N_("content_id"),
};

/* Writes the columns of session S from FILE that every line starts with. */
static void session_cells(struct report_csv *w, const struct session *s,
			  const char *file)
{
	cell(w, file, true);
	cell(w, s->meta[META_TITLE], false);
	cell(w, s->meta[META_ORGANISATION], false);
	cell(w, s->meta[META_GROUP], false);
	plain(w, s->meta[META_DATE]);
	plain(w, report_session_content(s));
}

void report_csv_begin(struct report_csv *w)
{
	static const char *const rest[] = { N_("content_sha256"), N_("row_id"), N_("row"),
					    N_("current"), N_("target") };

	fputs(export_csv_bom, w->out);
	header(w, session_columns, sizeof(session_columns) / sizeof(*session_columns));
	for (size_t i = 0; i < sizeof(rest) / sizeof(*rest); i++)
		cell(w, _(rest[i]), false);
	for (size_t p = 1; p <= w->r->n_phases; p++) {
		char name[64];

		/* TRANSLATORS: the column of the votes for phase %2$zu; %1$s is the column name
		 * "votes" as translated for the CSV export */
		snprintf(name, sizeof(name), _("%1$s_%2$zu"), _("votes"), p);
		cell(w, name, false);
	}
	fputs("\r\n", w->out);
}

void report_csv_session(struct report_csv *w, const struct session *s, const char *file)
{
	size_t n_phases = w->r->n_phases;
	const char *sha = store_file_content_sha256(s), *name;

	for (size_t i = 0; i < s->n_scores; i++) {
		const struct session_score *sc = &s->scores[i];
		size_t votes[16] = { 0 };

		if (!report_session_row(w->r, s, i, &name))
			continue;
		for (size_t v = 0; v < sc->n_votes; v++)
			if (sc->votes[v] >= 1 && (size_t)sc->votes[v] < sizeof(votes) / sizeof(*votes))
				votes[sc->votes[v]]++;
		session_cells(w, s, file);
		plain(w, sha);
		plain(w, sc->dimension);
		cell(w, name, false);
		number(w, (size_t)sc->current, true);
		number(w, (size_t)sc->target, true);
		for (size_t p = 1; p <= n_phases; p++)
			number(w, p < sizeof(votes) / sizeof(*votes) ? votes[p] : 0, false);
		fputs("\r\n", w->out);
	}
}

/* Writes the CSV line of the open action A (report_each_action) with the report_csv CTX. */
static bool action_line(void *ctx, const struct report_action *a)
{
	struct report_csv *w = ctx;
	const char *cells[] = { a->title, a->organisation, a->group, a->date,
				w->r->sections[a->section].content_id, a->row_id, a->row_name,
				a->text, a->owner, a->due, a->overdue ? _("yes") : _("no") };

	cell(w, a->file, true);
	for (size_t i = 0; i < sizeof(cells) / sizeof(*cells); i++)
		cell(w, cells[i], false);
	fputs("\r\n", w->out);
	return true;
}

bool report_csv_actions(struct report_csv *w, struct report *r)
{
	static const char *const rest[] = { N_("row_id"), N_("row"), N_("action"), N_("owner"),
					    /* TRANSLATORS: a column of the CSV of `meetlat
					     * report`: whether an open action is past its due
					     * date ("yes" or "no") */
					    N_("due"), N_("overdue") };

	fputs("\r\n", w->out);
	header(w, session_columns, sizeof(session_columns) / sizeof(*session_columns));
	for (size_t i = 0; i < sizeof(rest) / sizeof(*rest); i++)
		cell(w, _(rest[i]), false);
	fputs("\r\n", w->out);
	return report_each_action(r, (size_t)-1, action_line, w) && !w->failed;
}
