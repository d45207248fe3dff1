/* export_csv.c - the session as CSV, data for a spreadsheet or a program.
 *
 * The CSV has a header line, then one line per row of the session (the content's rows in
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
 * A session that follows an earlier one (meetlat --baseline) has three more columns, and a
 * line of kind "follow-up" for each action left open last time:
 *
 *   baseline_current  row: last time's agreed current phase, empty when none (or when the
 *   baseline_target   earlier session is missing or of other content); the same for target
 *   outcome           follow-up: "open", "done", "carried" or "dropped" (the action, owner,
 *                     due and row columns say which action it was)
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
 * - it speaks the language of the interface (i18n.h), as the other reports do: the header
 *   line is what a person reads first when the sheet opens, so its names are translated
 *   ("sessie", "rij", "trekker", "uiterlijk" in Dutch; in English they are the identifiers
 *   above), and so are the words in the cells (kind "rij"/"actie", "ja"/"nee"). Dates stay
 *   ISO (YYYY-MM-DD), which every spreadsheet reads as a date, and the decimal sign follows
 *   the separator.
 *
 * With csv_raw (--csv-raw) the file is made for programs: there is no byte order mark (most
 * readers, Python's csv, R and awk among them, would make it part of the first column's
 * name, and concatenated files would carry one in the middle), no guard: texts are
 * written exactly as typed, so that a CSV reader gives back the original strings, and
 * nothing is translated: the header is the identifiers above and the words are "row",
 * "action", "yes" and "no" in every language, so that a program reads the CSV of any
 * session the same way. */
#include <string.h>

#include "baseline.h"
#include "export_impl.h"
#include "i18n.h"

enum csv_column {
	COL_SESSION_TITLE, COL_SESSION_ORGANISATION, COL_SESSION_GROUP, COL_SESSION_DATE,
	COL_KIND, COL_GROUP, COL_ROW_ID, COL_ROW, COL_VOTES, COL_DISTRIBUTION, COL_MEDIAN,
	COL_SPAN, COL_DISAGREE, COL_CURRENT, COL_CURRENT_NAME, COL_TARGET, COL_TARGET_NAME,
	COL_NOTE, COL_ACTION, COL_OWNER, COL_DUE, COL_DONE,
	COL_BASELINE_CURRENT, COL_BASELINE_TARGET, COL_OUTCOME, /* a session that follows one */
	CSV_COLUMNS
};

/* The names of the columns: in raw CSV (and in English) the identifiers above. */
static const char *const csv_columns[CSV_COLUMNS] = {
	/* TRANSLATORS: the header of the CSV for a spreadsheet: the names of its columns, in lower
	 * case (the English ones are identifiers, documented in meetlat(1)): the session's title,
	 * organisation, group (the team) and date; the kind of line ("row" or "action", the same
	 * words as in the column "kind"), the group of rows, the row's id and name, the number of
	 * votes, their distribution over the phases, median, span, whether they lie far apart, the
	 * agreed current and target phase and their names, the note; an action's text, owner, due
	 * date and whether it is done. */
	N_("session_title"), N_("session_organisation"), N_("session_group"),
	N_("session_date"), N_("kind"), N_("group"), N_("row_id"), N_("row"), N_("votes"),
	N_("distribution"), N_("median"), N_("span"), N_("disagree"), N_("current"),
	N_("current_name"), N_("target"), N_("target_name"), N_("note"), N_("action"),
	N_("owner"), N_("due"), N_("done"),
	/* TRANSLATORS: the columns of the CSV of a session that follows an earlier one: last
	 * time's current and target phase of a row, and what was decided about an action left
	 * open last time. */
	N_("baseline_current"), N_("baseline_target"), N_("outcome"),
};

enum csv_word { WORD_ROW, WORD_ACTION, WORD_YES, WORD_NO, WORD_FOLLOWUP, CSV_WORDS };

/* The words in the cells: in raw CSV (and in English) these. */
static const char *const csv_words[CSV_WORDS] = {
	/* TRANSLATORS: the words in the cells of the CSV for a spreadsheet: the kind of a line
	 * (a row of the table or an action, as in its header) and yes or no (votes far apart,
	 * done) */
	[WORD_ROW] = N_("row"), [WORD_ACTION] = N_("action"),
	[WORD_YES] = N_("yes"), [WORD_NO] = N_("no"),
	/* TRANSLATORS: the kind of a line of the CSV for an action left open last time */
	[WORD_FOLLOWUP] = N_("follow-up"),
};

const char export_csv_bom[] = "\xEF\xBB\xBF";

/* Returns true when the language tag LANG is Dutch: "nl", or "nl-" or "nl_" and a region. */
static bool language_dutch(const char *lang)
{
	return lang && (lang[0] == 'n' || lang[0] == 'N') && (lang[1] == 'l' || lang[1] == 'L') &&
	       (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

char export_csv_separator(char asked, const char *language)
{
	if (asked == ',' || asked == ';')
		return asked;
	return language_dutch(language) ? ';' : ',';
}

/* Returns WORD (a column name or one of csv_words) as E's CSV writes it: translated for a
 * spreadsheet, as it is in raw CSV. */
static const char *csv_word(const struct export *e, const char *word)
{
	return e->opt->csv_raw ? word : _(word);
}

/* Returns the word for yes or no, as E's CSV writes it. */
static const char *csv_yes_no(const struct export *e, bool yes)
{
	return csv_word(e, csv_words[yes ? WORD_YES : WORD_NO]);
}

/* Returns how many columns E's CSV has: the last three only for a session that follows an
 * earlier one. */
static size_t csv_width(const struct export *e)
{
	return e->s->baseline ? CSV_COLUMNS : COL_BASELINE_CURRENT;
}

/* Writes one CSV line of the csv_width FIELDS (NULL for an empty one), ending in CRLF. */
static void csv_line(struct export *e, const char *const *fields)
{
	for (size_t i = 0; i < csv_width(e); i++) {
		if (i)
			putc(e->separator, e->out);
		export_put_text(e, fields[i]);
	}
	export_put(e, "\r\n");
}

/* Writes the header line: the names of the columns, as E's CSV writes them. */
static void csv_header(struct export *e)
{
	const char *names[CSV_COLUMNS];

	for (size_t i = 0; i < CSV_COLUMNS; i++)
		names[i] = csv_word(e, csv_columns[i]);
	csv_line(e, names);
}

/* Fills in the columns every line of KIND (csv_words) has in F: the session's and the kind. */
static void csv_start(const struct export *e, const char **f, const char *kind)
{
	f[COL_SESSION_TITLE] = e->s->meta[META_TITLE];
	f[COL_SESSION_ORGANISATION] = e->s->meta[META_ORGANISATION];
	f[COL_SESSION_GROUP] = e->s->meta[META_GROUP];
	f[COL_SESSION_DATE] = e->s->meta[META_DATE];
	f[COL_KIND] = csv_word(e, kind);
}

/* Writes phase NUMBER into BUF ("" for none) and returns BUF. */
static const char *csv_phase(int number, char *buf, size_t size)
{
	buf[0] = '\0';
	if (number > 0)
		snprintf(buf, size, "%d", number);
	return buf;
}

/* Fills in the columns of last time's phases of score I in F (into CURRENT and TARGET, 16
 * bytes each), when the earlier session is used and agreed them. */
static void csv_baseline_phases(const struct export *e, size_t i, const char **f, char *current,
				char *target)
{
	int before_c, before_t;

	if (i >= e->c->n_dimensions || !baseline_row(e->s, i, &before_c, &before_t))
		return;
	f[COL_BASELINE_CURRENT] = csv_phase(before_c, current, 16);
	f[COL_BASELINE_TARGET] = csv_phase(before_t, target, 16);
}

/* Writes the CSV line of follow-up I: the action left open last time and its outcome. */
static void csv_followup(struct export *e, size_t i)
{
	const struct session_followup *fu = &e->s->followups[i];
	const char *f[CSV_COLUMNS] = { NULL };
	long row = fu->dimension ? content_dimension_index(e->c, fu->dimension) : -1;

	csv_start(e, f, csv_words[WORD_FOLLOWUP]);
	if (row >= 0) {
		f[COL_GROUP] = e->c->groups[e->c->dimensions[row].group].title;
		f[COL_ROW] = e->c->dimensions[row].name;
	}
	f[COL_ROW_ID] = fu->dimension;
	f[COL_ACTION] = fu->text;
	f[COL_OWNER] = fu->owner;
	f[COL_DUE] = fu->due;
	f[COL_OUTCOME] = e->opt->csv_raw ? followup_outcome_key(fu->outcome)
					 : followup_outcome_label(fu->outcome);
	csv_line(e, f);
}

/* Writes the CSV line of score I. */
static void csv_row(struct export *e, size_t i)
{
	const char *f[CSV_COLUMNS] = { NULL };
	char votes[24], span[16], current[16], target[16], then_current[16], then_target[16];
	struct row_view r;

	export_row_view(e, i, &r);
	snprintf(votes, sizeof(votes), "%zu", r.st.count);
	snprintf(span, sizeof(span), "%d", r.st.span);
	csv_start(e, f, csv_words[WORD_ROW]);
	f[COL_GROUP] = r.group;
	f[COL_ROW_ID] = r.sc->dimension;
	f[COL_ROW] = r.group ? r.name : NULL;
	f[COL_VOTES] = votes;
	f[COL_DISTRIBUTION] = r.distribution;
	f[COL_MEDIAN] = r.median;
	f[COL_SPAN] = span;
	f[COL_DISAGREE] = csv_yes_no(e, r.st.disagree);
	f[COL_CURRENT] = csv_phase(r.sc->current, current, sizeof(current));
	f[COL_CURRENT_NAME] = export_phase_name(e, r.sc->current);
	f[COL_TARGET] = csv_phase(r.sc->target, target, sizeof(target));
	f[COL_TARGET_NAME] = export_phase_name(e, r.sc->target);
	f[COL_NOTE] = r.sc->note;
	csv_baseline_phases(e, i, f, then_current, then_target);
	csv_line(e, f);
}

/* Writes the CSV line of action I. */
static void csv_action(struct export *e, size_t i)
{
	const struct session_action *a = &e->s->actions[i];
	const char *f[CSV_COLUMNS] = { NULL };
	long row = session_action_row(a, e->c);

	csv_start(e, f, csv_words[WORD_ACTION]);
	if (row >= 0) {
		f[COL_GROUP] = e->c->groups[e->c->dimensions[row].group].title;
		f[COL_ROW] = e->c->dimensions[row].name;
	}
	f[COL_ROW_ID] = a->dimension;
	f[COL_ACTION] = a->text;
	f[COL_OWNER] = a->owner;
	f[COL_DUE] = a->due;
	f[COL_DONE] = csv_yes_no(e, a->done);
	csv_line(e, f);
}

/* Returns true when a spreadsheet could take CELL for a formula (the rule is explained at
 * the top of this file). */
bool export_csv_needs_guard(const char *cell)
{
	const char *at = cell + strspn(cell, "'");

	if (*at == '\t' || *at == '\r')
		return true;
	at += strspn(at, " \t\r\n");
	return *at != '\0' && strchr("=+-@", *at) != NULL;
}

void export_csv_field(FILE *out, const char *text, char sep, bool guard)
{
	const char special[] = { sep, '"', '\r', '\n', '\0' };
	bool quoted = text[strcspn(text, special)] != '\0';

	if (quoted)
		putc('"', out);
	if (guard)
		putc('\'', out);
	/* Each quote is written twice: the text up to and with it, then it again. */
	for (const char *quote; (quote = strchr(text, '"')); text = quote + 1) {
		fwrite(text, 1, (size_t)(quote - text) + 1, out);
		putc('"', out);
	}
	fputs(text, out);
	if (quoted)
		putc('"', out);
}

/* Writes TEXT as one field of E's CSV: guarded with a ' when it is for a spreadsheet and
 * could be taken for a formula. */
static void csv_escape(const struct export *e, const char *text)
{
	export_csv_field(e->out, text, e->separator,
			 !e->opt->csv_raw && export_csv_needs_guard(text));
}

/* Writes the session as CSV: the byte order mark (not in raw CSV), the header, the rows, the
 * actions; the separator is the one asked for or the content's language's, and so is the
 * decimal sign of a median. */
void export_csv(struct export *e)
{
	e->escape = csv_escape;
	e->separator = export_csv_separator(e->opt->csv_separator, e->c->language);
	e->decimal = e->separator == ';' ? ',' : '.';
	if (!e->opt->csv_raw)
		export_put(e, export_csv_bom);
	csv_header(e);
	for (size_t i = 0; i < e->s->n_scores; i++)
		csv_row(e, i);
	for (size_t i = 0; i < e->s->n_actions; i++)
		csv_action(e, i);
	for (size_t i = 0; i < e->s->n_followups; i++)
		csv_followup(e, i);
}
