/* export.h - a session as a report for people: Markdown, CSV or a standalone HTML page. */
#ifndef MEETLAT_EXPORT_H
#define MEETLAT_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "content.h"
#include "session.h"

enum export_format { EXPORT_MD, EXPORT_CSV, EXPORT_HTML, EXPORT_FORMAT_COUNT };

struct export_options {
	enum export_format format;
	char csv_separator; /* ',' or ';'; else (0) ';' when the content is Dutch, else ',' */
	bool csv_raw;       /* CSV for programs: texts unguarded, no byte order mark, and the
			     * header and words (row, action, yes, no) in English whatever the
			     * language: stable identifiers */
};

/* Returns the format named NAME ("md", "csv", "html"), or EXPORT_FORMAT_COUNT. */
enum export_format export_format_from_name(const char *name);

/* Returns true when a spreadsheet program could take the CSV cell CELL for a formula: it
 * starts with = + - @, a tab or a CR, or with = + - @ after spaces, tabs and line breaks,
 * apostrophes at the very start not counted. The CSV for a spreadsheet writes such a cell
 * after a ', and a reader that drops that ' when the rest needs the guard gets CELL back. */
bool export_csv_needs_guard(const char *cell);

/* The UTF-8 byte order mark that a CSV for a spreadsheet starts with: without one, Excel
 * reads the UTF-8 as another character set. */
extern const char export_csv_bom[];

/* Returns the CSV separator: ASKED when it is ',' or ';', else ';' when the language tag
 * LANGUAGE is Dutch (what Dutch Excel expects), else ','. */
char export_csv_separator(char asked, const char *language);

/* Writes TEXT (control characters already replaced) as one CSV field (RFC 4180) to OUT, after
 * a ' when GUARD: between double quotes, with quotes doubled, when it holds the separator SEP,
 * a quote, CR or LF; as it is otherwise. */
void export_csv_field(FILE *out, const char *text, char sep, bool guard);

/* Writes the report of S (scored against C) to OUT, in the language the interface speaks
 * (i18n.h): its headings, labels and words translated, dates as that language writes them
 * (CSV: ISO), the moments S was created and updated in local time; false when writing
 * failed. */
bool session_export(FILE *out, const struct session *s, const struct content *c,
		    const struct export_options *opt);

/* As session_export, on the day TODAY (YYYY-MM-DD; NULL or "": the local date today), which
 * tells which open actions are overdue (due before it). */
bool session_export_on(FILE *out, const struct session *s, const struct content *c,
		       const struct export_options *opt, const char *today);

#endif
