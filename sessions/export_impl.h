/* export_impl.h - what the files of the export share, and nothing outside them uses: the
 * export in progress, what a row of the report says, and the building blocks of the report
 * that Markdown and HTML both tell, each markup being a table of what it writes for them.
 *
 * export.c holds the view (row_view) and the report told in building blocks, and chooses the
 * writer; export_md.c, export_html.c and export_csv.c each write one format. */
#ifndef MEETLAT_EXPORT_IMPL_H
#define MEETLAT_EXPORT_IMPL_H

#include <stdbool.h>
#include <stdio.h>

#include "date.h"
#include "export.h"
#include "stats.h"

enum {
	DISTRIBUTION_MAX = 800,
	EXPORT_MOMENT_SIZE = DATE_TEXT_SIZE + 8, /* a date and " HH:MM" */
};

/* What a markup writes for each building block of the report. In a text with %s, the %s
 * stands for what its comment names (a markup may leave it out: "" writes nothing). */
struct markup {
	const char *section;          /* %s: the section's heading */
	const char *paragraph;        /* %s: the text */
	const char *table_note;       /* %s: a paragraph that follows a table or a list */
	const char *table_begin;      /* %s: the table's class (for the style sheet) */
	const char *head;             /* %s: a column's heading */
	const char *head_end;         /* after the headings */
	const char *rule;             /* under each heading */
	const char *rule_end;         /* after the rules */
	const char *table_end;
	const char *row_begin;
	const char *row_end;
	const char *cell_begin;       /* a cell without a class */
	const char *cell_begin_class; /* %s: the cell's class */
	const char *cell_end;
	const char *list_begin;       /* %s: the list's class */
	const char *list_end;
	const char *item_begin;
	const char *item_label;       /* %s: the item's label */
	const char *item_end;
	const char *vote_detail;      /* %s: the votes per phase, after how many there are */
	const char *group_begin;      /* a line above a group's rows; NULL: a Group column */
	const char *group_end;
};

/* One export in progress. */
struct export {
	FILE *out;
	const struct session *s;
	const struct content *c;
	const struct export_options *opt;
	char today[DATE_ISO_SIZE]; /* YYYY-MM-DD: open actions due before it are overdue */
	const struct markup *markup; /* Markdown and HTML: how the building blocks are written */
	/* Writes TEXT (control characters already replaced) escaped for the format. */
	void (*escape)(const struct export *e, const char *text);
	char separator; /* CSV: between fields */
	char decimal;   /* in a median such as 2.5: the language's (2,5 in Dutch); CSV: the
			 * separator's */
	bool exhausted; /* memory ran out while cleaning a text */
};

/* One row of the report, worked out once for every format. */
struct row_view {
	const struct session_score *sc;
	const char *group; /* the group's title, or NULL for a row kept from the file */
	const char *name;  /* the row's name, or its id when kept from the file */
	struct vote_stats st;
	char distribution[DISTRIBUTION_MAX]; /* "1:0 2:3 3:4 4:1" */
	char median[16];                     /* "3", "2.5", or "" without votes */
};

/* Writes LITERAL, text of the export's own that needs no escaping in any format. */
void export_put(struct export *e, const char *literal);

/* Writes TEXT (NULL: nothing) from the session or the content, or a translated text of the
 * report: control characters (but newlines) replaced by '?', then escaped for the format
 * (e->escape). */
void export_put_text(struct export *e, const char *text);

/* Writes MARKUP (a text of struct markup) with its "%s" replaced by TEXT as export_put_text
 * writes it; the rest of MARKUP as it is. */
void export_put_markup(struct export *e, const char *markup, const char *text);

/* Writes SENTENCE (translated) with its "%s" replaced by TEXT, all as export_put_text
 * writes a text. */
void export_put_sentence(struct export *e, const char *sentence, const char *text);

/* Writes the moment STAMP, as a session file holds it (2026-12-01T12:05:00Z, or with an
 * offset such as +01:00), as the local date and time of the reader (the time zone, TZ) in
 * STYLE into OUT (SIZE bytes; EXPORT_MOMENT_SIZE is enough): "1 dec. 2026 13:05". Returns
 * false, OUT "", when STAMP is not such a moment or OUT too small. */
bool export_local_time(const char *stamp, enum date_style style, char *out, size_t size);

/* Returns ISO (YYYY-MM-DD) as the language spoken writes a date ("15 jan. 2027"), written into
 * OUT (SIZE bytes; DATE_TEXT_SIZE is enough), or ISO itself when it is not a valid date. */
const char *export_date(const char *iso, char *out, size_t size);

/* Fills R with what score I of the session says. */
void export_row_view(const struct export *e, size_t i, struct row_view *r);

/* Returns the name of phase NUMBER in the content, or "" when it has no such phase. */
const char *export_phase_name(const struct export *e, int number);

/* Starts a section headed TITLE, in the export's markup. */
void export_section(struct export *e, const char *title);

/* Writes the workshop's metadata as a list: who, when, and the content it was scored
 * against. */
void export_report_meta(struct export *e);

/* Writes the report's tables: the scores, the rows not scored, the actions, the time spent. */
void export_report_tables(struct export *e);

/* The writers of the formats: each sets up E for its format and writes the whole report. */
void export_markdown(struct export *e);
void export_html(struct export *e);
void export_csv(struct export *e);

#endif
