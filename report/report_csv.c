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
 * `meetlat --export csv` (sessions/export_csv.c, whose guard this shares and whose quoting it
 * follows): a UTF-8 byte order mark, CRLF, RFC 4180 quoting, a leading ' before a text a
 * spreadsheet could take for a formula, the separator ';' when the content is Dutch (else
 * ','), and the header's names and the words yes/no in the language spoken. The lines are
 * made in memory (text.h) and written out in large pieces. */
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
}

/* Appends TEXT (control characters already replaced) as one field, as export_csv_field writes
 * it: after a ' when GUARD; between double quotes, with quotes doubled, when it holds the
 * separator SEP, a quote, CR or LF. */
static void field(struct text *t, const char *text, char sep, bool guard)
{
	const char special[] = { sep, '"', '\r', '\n', '\0' };
	bool quoted = text[strcspn(text, special)] != '\0';

	if (quoted)
		text_addc(t, '"');
	if (guard)
		text_addc(t, '\'');
	/* Each quote is written twice: the text up to and with it, then it again. */
	for (const char *quote; (quote = strchr(text, '"')); text = quote + 1) {
		text_add(t, text, (size_t)(quote - text) + 1);
		text_addc(t, '"');
	}
	text_adds(t, text);
	if (quoted)
		text_addc(t, '"');
}

/* Appends TEXT (NULL: empty) as one field of W's CSV: control characters replaced, guarded,
 * quoted; FIRST: no separator before it. */
static void cell(const struct report_csv *w, struct text *t, const char *text,
		 bool first)
{
	char small[256], *clean = small;
	size_t len;

	if (!first)
		text_addc(t, w->separator);
	if (!text)
		return;
	len = strlen(text);
	if (len >= sizeof(small) && !(clean = mem.malloc(len + 1))) {
		t->failed = true;
		return;
	}
	utf8_sanitize_into(clean, text, len, true, '?');
	field(t, clean, w->separator, export_csv_needs_guard(clean));
	if (clean != small)
		mem.free(clean);
}

/* Appends the identifier, date or sha256 TEXT as one field after a separator: it was
 * validated when read (a-z, 0-9 and '-'), so it needs no cleaning or quotes, and a guard only
 * when it starts with '-'. */
static void plain(const struct report_csv *w, struct text *t, const char *text)
{
	if (text[0] == '-') {
		cell(w, t, text, false);
		return;
	}
	text_addc(t, w->separator);
	text_adds(t, text);
}

/* Appends the number N as one field after a separator (0 as "" when BLANK_ZERO). */
static void number(const struct report_csv *w, struct text *t, size_t n,
		   bool blank_zero)
{
	char digits[24], *at = digits + sizeof(digits);

	text_addc(t, w->separator);
	if (!n && blank_zero)
		return;
	do
		*--at = (char)('0' + n % 10);
	while (n /= 10);
	text_add(t, at, (size_t)(digits + sizeof(digits) - at));
}

/* Appends the N names (translated) as the first cells of a header line. */
static void header(const struct report_csv *w, struct text *t,
		   const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cell(w, t, _(names[i]), i == 0);
}

/* The columns every line starts with: the session's. */
static const char *const session_columns[] = {
	/* TRANSLATORS: column names of the CSV of `meetlat report`, in lower case like those
	 * of the CSV export: the session file, and the id and version of its content */
	N_("file"), N_("session_title"), N_("session_organisation"), N_("session_group"),
	N_("session_date"), N_("content_id"),
};

/* Appends the columns of session S from FILE that every line starts with. */
static void session_cells(const struct report_csv *w, struct text *t,
			  const struct session *s, const char *file)
{
	cell(w, t, file, true);
	cell(w, t, s->meta[META_TITLE], false);
	cell(w, t, s->meta[META_ORGANISATION], false);
	cell(w, t, s->meta[META_GROUP], false);
	plain(w, t, s->meta[META_DATE]);
	plain(w, t, report_session_content(s));
	plain(w, t, store_file_content_sha256(s));
}

bool report_csv_begin(const struct report_csv *w)
{
	static const char *const rest[] = { N_("content_sha256"), N_("row_id"), N_("row"),
					    N_("current"), N_("target") };
	struct text t = { 0 };
	bool ok;

	text_adds(&t, export_csv_bom);
	header(w, &t, session_columns, sizeof(session_columns) / sizeof(*session_columns));
	for (size_t i = 0; i < sizeof(rest) / sizeof(*rest); i++)
		cell(w, &t, _(rest[i]), false);
	for (size_t p = 1; p <= w->r->n_phases; p++) {
		char name[64];

		/* TRANSLATORS: the column of the votes for phase %2$zu; %1$s is the column name
		 * "votes" as translated for the CSV export */
		snprintf(name, sizeof(name), _("%1$s_%2$zu"), _("votes"), p);
		cell(w, &t, name, false);
	}
	text_add(&t, "\r\n", 2);
	ok = text_write(&t, w->out);
	text_free(&t);
	return ok;
}

void report_csv_session(const struct report_csv *w, struct text *t,
			const struct session *s, const char *file)
{
	size_t n_phases = w->r->n_phases, prefix = 0, prefix_len = 0;
	const char *name;

	for (size_t i = 0; i < s->n_scores; i++) {
		const struct session_score *sc = &s->scores[i];
		size_t votes[16] = { 0 };

		if (!report_session_row(w->r, s, i, &name))
			continue;
		for (size_t v = 0; v < sc->n_votes; v++)
			if (sc->votes[v] >= 1 && (size_t)sc->votes[v] < sizeof(votes) / sizeof(*votes))
				votes[sc->votes[v]]++;
		/* The session's cells, the same on each of its lines, are made once. */
		if (!prefix_len) {
			prefix = t->len;
			session_cells(w, t, s, file);
			prefix_len = t->len - prefix;
		} else if (text_reserve(t, prefix_len)) {
			text_add(t, t->data + prefix, prefix_len);
		}
		plain(w, t, sc->dimension);
		cell(w, t, name, false);
		number(w, t, (size_t)sc->current, true);
		number(w, t, (size_t)sc->target, true);
		for (size_t p = 1; p <= n_phases; p++)
			number(w, t, p < sizeof(votes) / sizeof(*votes) ? votes[p] : 0, false);
		text_add(t, "\r\n", 2);
	}
}

/* The CSV of the open actions being written: the writer, and the text of the lines not yet
 * written out. */
struct action_lines {
	const struct report_csv *w;
	struct text t;
	bool failed; /* a line could not be written out */
};

/* Appends the CSV line of the open action A (report_each_action) to the action_lines CTX,
 * writing them out every 64 KiB. */
static bool action_line(void *ctx, const struct report_action *a)
{
	struct action_lines *al = ctx;
	const struct report_csv *w = al->w;
	const char *cells[] = { a->title, a->organisation, a->group, a->date,
				w->r->sections[a->section].content_id, a->row_id, a->row_name,
				a->text, a->owner, a->due, a->overdue ? _("yes") : _("no") };

	cell(w, &al->t, a->file, true);
	for (size_t i = 0; i < sizeof(cells) / sizeof(*cells); i++)
		cell(w, &al->t, cells[i], false);
	text_add(&al->t, "\r\n", 2);
	if (al->t.len >= 65536 && !text_write(&al->t, w->out))
		al->failed = true;
	return !al->failed;
}

bool report_csv_actions(const struct report_csv *w, struct report *r)
{
	static const char *const rest[] = { N_("row_id"), N_("row"), N_("action"), N_("owner"),
					    /* TRANSLATORS: a column of the CSV of `meetlat
					     * report`: whether an open action is past its due
					     * date ("yes" or "no") */
					    N_("due"), N_("overdue") };
	struct action_lines al = { .w = w };
	bool ok;

	text_add(&al.t, "\r\n", 2);
	header(w, &al.t, session_columns, sizeof(session_columns) / sizeof(*session_columns));
	for (size_t i = 0; i < sizeof(rest) / sizeof(*rest); i++)
		cell(w, &al.t, _(rest[i]), false);
	text_add(&al.t, "\r\n", 2);
	ok = report_each_action(r, (size_t)-1, action_line, &al);
	ok = text_write(&al.t, w->out) && !al.failed && ok;
	text_free(&al.t);
	return ok;
}
