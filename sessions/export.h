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
	char csv_separator; /* ',' (default) or ';' for Dutch spreadsheet programs */
};

/* Returns the format named NAME ("md", "csv", "html"), or EXPORT_FORMAT_COUNT. */
enum export_format export_format_from_name(const char *name);

/* Writes the report of S (scored against C) to OUT; false when writing failed. */
bool session_export(FILE *out, const struct session *s, const struct content *c,
		    const struct export_options *opt);

#endif
