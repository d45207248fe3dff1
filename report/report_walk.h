/* report_walk.h - finds the session files in the paths of `meetlat report` and reads them, one
 * at a time, read-only (no lock, nothing written). */
#ifndef MEETLAT_REPORT_WALK_H
#define MEETLAT_REPORT_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "content.h"
#include "session.h"

struct report_walk {
	const struct content *c; /* what the sessions are read with (another content's too) */
	/* Called with each session read (freed after it returns) and the path it was read
	 * from; false stops the walk (a failure already reported). */
	bool (*each)(void *ctx, const struct session *s, const char *path);
	void *ctx;
	FILE *errors;    /* where "file:line:column: message" goes for each file skipped */
	size_t read, skipped;
	bool stopped;    /* EACH returned false */
};

/* Reads every session file that PATH names into W: a file whatever its name; a folder
 * recursively, in the order of the names, its files named *.yaml, skipping names that start
 * with a dot (.git, lock and temporary files) and not following symbolic links to folders
 * (so never a loop). A file that cannot be read or is no valid session is reported to
 * W->errors and skipped. Returns false when W->each stopped the walk. */
bool report_walk_path(struct report_walk *w, const char *path);

#endif
