/* report_walk.h - finds the session files in the paths of `meetlat report` and reads them,
 * read-only (no lock, nothing written), in worker threads when asked: the files are
 * independent, so JOBS threads read and parse them while this one walks the folders and
 * hands each session, in the order of the walk, to EACH. What EACH sees, and what goes to
 * ERRORS, is the same whatever the number of threads. */
#ifndef MEETLAT_REPORT_WALK_H
#define MEETLAT_REPORT_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "content.h"
#include "text.h"
#include "session.h"

/* The files in flight per thread: each holds at most the session being read or folded and
 * one folded before it, waiting for its worker to free it, so the walk's memory does not grow
 * with the number of files. */
enum { REPORT_WALK_AHEAD = 8 };

struct report_walk_pool;

struct report_walk {
	const struct content *c; /* what the sessions are read with (another content's too) */
	/* Called in the thread that read session S from PATH (NULL: none), before EACH: appends
	 * to TEXT what EACH is to write for it. It may only read what the walk does not change
	 * (it runs while EACH folds earlier sessions). */
	void (*render)(void *ctx, const struct session *s, const char *path,
		       struct text *text);
	/* Called in this thread with each session read (freed after it returns), the path it
	 * was read from and what RENDER made for it; false stops the walk (a failure already
	 * reported). */
	bool (*each)(void *ctx, const struct session *s, const char *path,
		     struct text *text);
	void *ctx;
	FILE *errors;    /* where "file:line:column: message" goes for each file skipped */
	unsigned jobs;   /* threads that read the files; 0 or 1: this one */
	size_t read, skipped;
	bool stopped;    /* EACH returned false */
	bool failed;     /* the threads could not be started: nothing was read */
	struct report_walk_pool *pool; /* the threads and the sessions in flight */
};

/* Reads every session file that the N PATHS name into W, in their order: a file whatever its
 * name; a folder recursively, in the order of the names, its files named *.yaml, skipping
 * names that start with a dot (.git, lock and temporary files) and not following symbolic
 * links to folders (so never a loop). A file that cannot be read or is no valid session is
 * reported to W->errors and skipped. Returns false when W->each stopped the walk or the
 * threads could not be started (W->failed). */
bool report_walk(struct report_walk *w, char *const *paths, size_t n);

/* Returns the number of threads that read the files by default: one per online CPU (at most
 * 64). */
unsigned report_walk_default_jobs(void);

#endif
