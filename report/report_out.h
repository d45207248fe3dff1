/* report_out.h - the formats of `meetlat report`: CSV (written as the sessions are read), a
 * standalone HTML page and an xlsx workbook (written from the aggregates at the end). Every
 * word of the report's own is in the language spoken now (i18n.h). */
#ifndef MEETLAT_REPORT_OUT_H
#define MEETLAT_REPORT_OUT_H

#include <stdbool.h>
#include <stdio.h>

#include "report.h"
#include "text.h"

/* A CSV being written: where, of which report, with which separator. */
struct report_csv {
	FILE *out;
	const struct report *r;
	char separator; /* ';' when the content is Dutch, else ',' */
};

/* CSV: sets up W to write the CSV of R to OUT. */
void report_csv_init(struct report_csv *w, FILE *out, const struct report *r);

/* CSV: the byte order mark and the header line of the sessions' lines; false when they could
 * not be written. */
bool report_csv_begin(const struct report_csv *w);

/* CSV: appends to T one line per row of session S (read from FILE). Reads of W's report only
 * its content, which does not change: a worker thread may call it while the report grows. */
void report_csv_session(const struct report_csv *w, struct text *t,
			const struct session *s, const char *file);

/* CSV: an empty line, then the header and one line for each open action of R (W's report);
 * false when the spool cannot be read back. */
bool report_csv_actions(const struct report_csv *w, struct report *r);

/* HTML: the whole page of R; false when the spool cannot be read back or memory ran out (a
 * text or a table is then missing). */
bool report_html(FILE *out, struct report *r);

/* xlsx: the workbook of R written to PATH (NAME in messages); false with a message on stderr
 * when it cannot be. */
bool report_xlsx(const char *path, const char *name, struct report *r);

#endif
