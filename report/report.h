/* report.h - one report over many sessions: the running aggregates that each session read is
 * folded into, and what the writers (report_csv.c, report_html.c, report_xlsx.c) read back.
 *
 * The report holds no session: report_add takes what it needs from one and the caller frees
 * it. Its memory grows with the number of distinct contents, rows, organisations and groups
 * and (organisation, group, date) points, never with the number of sessions; the open actions,
 * which do grow with the sessions, are written to a temporary file as they come (the spool)
 * and read back one at a time.
 *
 * Sessions are reported per content: one section for each content id and version (the
 * sha256 the file names) that the sessions were scored against, in the order first met.
 * "Latest" is by the session's date (its `date:`; none counts as earliest), then by its
 * `updated:` moment, then the one read last. */
#ifndef MEETLAT_REPORT_H
#define MEETLAT_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "content.h"
#include "date.h"
#include "keymap.h"
#include "session.h"

/* The agreed phases of one session, per row of its section: 0 when not agreed. */
struct report_phases {
	unsigned char *current, *target;
	size_t n; /* rows held; a row beyond them is not agreed */
};

/* One row of a section and how its sessions scored it. */
struct report_row {
	const char *id;   /* borrowed from the section's row keys */
	const char *name; /* the content's name for it, or its id when the content is another */
	size_t *current, *target; /* sessions per phase, 0..n_phases; [0]: not agreed */
};

/* One organisation and group (a team), and its latest session. */
struct report_group {
	char *organisation, *group; /* as the sessions name them ("" when not) */
	char *title;                      /* the latest session's title */
	char date[DATE_ISO_SIZE];         /* the latest session's date, or "" */
	char updated[32];
	struct report_phases latest;
	size_t sessions;
};

/* One team at one date: the trend is the points of a group in the order of their dates. */
struct report_point {
	size_t group; /* its index in the section's groups */
	char date[DATE_ISO_SIZE];
	char updated[32];
	struct report_phases phases;
};

struct report_section {
	char *content_id;
	char *sha256;  /* the version the files name, or "" */
	bool own;      /* the report's content: its rows have names */
	size_t sessions;
	struct report_row *rows;
	size_t n_rows, cap_rows;
	struct keymap row_keys;
	struct report_group *groups;
	size_t n_groups, cap_groups;
	struct keymap group_keys; /* "organisation\x1fgroup" */
	struct report_point *points;
	size_t n_points, cap_points;
	struct keymap point_keys; /* "organisation\x1fgroup\x1fdate" */
	size_t open_actions;
};

struct report {
	const struct content *c; /* the report's content: rows' and phases' names */
	size_t n_phases;
	char today[DATE_ISO_SIZE]; /* open actions due before it are overdue */
	struct report_section *sections;
	size_t n_sections, cap_sections;
	struct keymap section_keys; /* "id\x1fsha256" */
	FILE *spool;                /* the open actions, or NULL before the first */
	FILE *grouped;    /* the spool with each section's actions together, made when first
			   * needed (with more than one section), or NULL */
	long *grouped_at; /* where each section's actions start in GROUPED */
	size_t actions;
	char *key;                  /* where the keys of the maps are composed */
	size_t key_cap;
};

/* One open action as the spool gives it back (texts valid until the next one). */
struct report_action {
	size_t section;
	bool overdue;
	const char *file, *title, *organisation, *group, *date; /* its session's */
	const char *row_id, *row_name; /* "" for the workshop as a whole */
	const char *text, *owner, *due;
};

/* Returns an empty report over content C (which must outlive it), on the day TODAY
 * (YYYY-MM-DD; NULL or "": today); NULL when memory is exhausted. */
struct report *report_new(const struct content *c, const char *today);

/* Folds session S, read from FILE (a name for the report), into R; false when memory is
 * exhausted or the spool cannot be written: R may then only be freed. */
bool report_add(struct report *r, const struct session *s, const char *file);

/* Returns true when score I of S counts as a row of its section: every row of a session of
 * the report's content; of another content's, the rows its file lists. *NAME: the row's name
 * (its id when the content is another or no longer has it). */
bool report_session_row(const struct report *r, const struct session *s, size_t i,
			const char **name);

/* Returns the content id that S was scored against (another content's too). */
const char *report_session_content(const struct session *s);

/* Calls EACH with every open action of section SECTION (all sections: (size_t)-1), in the
 * order read, until it returns false; false when the spool cannot be read back. One
 * section's are read without reading the others' (the first such call groups the spool by
 * section), so writing every section's reads the spool a bounded number of times. */
bool report_each_action(struct report *r, size_t section,
			bool (*each)(void *ctx, const struct report_action *a), void *ctx);

/* Returns a malloc'd array of the indexes of SEC's groups ordered by organisation, then
 * group; NULL when memory is exhausted (or SEC has none). */
size_t *report_groups_sorted(const struct report_section *sec);

/* Returns a malloc'd array of the indexes of SEC's points ordered by organisation, group,
 * then date; NULL when memory is exhausted (or SEC has none). */
size_t *report_points_sorted(const struct report_section *sec);

/* Returns the phase P of row ROW in PH (0: not agreed). */
int report_phase(const struct report_phases *ph, size_t row, bool target);

/* Returns the name of phase NUMBER in R's content, or "" when none. */
const char *report_phase_name(const struct report *r, int number);

/* Releases R and its spool; NULL is allowed. */
void report_free(struct report *r);

#endif
