/* report_target.h - the file that `meetlat report -o FILE` writes: the report goes to a new
 * temporary file beside FILE (".NAME.tmp-XXXXXX", as a save of a session makes it), which is
 * flushed to disk and renamed over FILE only when the whole report was written, and removed
 * otherwise, also when a signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) ends the program. A report
 * that fails (no session found, memory exhausted, a full disk) leaves FILE as it was. FILE's
 * symbolic links are followed: the file they point to is replaced. */
#ifndef MEETLAT_REPORT_TARGET_H
#define MEETLAT_REPORT_TARGET_H

#include <stdbool.h>
#include <stdio.h>

#include "content.h"

struct report_target {
	const char *name; /* FILE as given, for messages */
	char *path;       /* the file to replace: FILE with its links followed */
	char *tmp;        /* the temporary file, or NULL */
	int fd;           /* its descriptor (FILE's for a stream), or -1 */
	FILE *stream;     /* for CSV and HTML: the temporary file as a stream, or NULL */
};

/* Returns true when FILE exists and reads as a session file (of content C or another): a
 * report never replaces one. */
bool report_target_is_session(const char *file, const struct content *c);

/* Makes T's temporary file for FILE (as a stream when STREAM), with the mode FILE has, or
 * 0666 less the umask for a new one; false with a message on stderr. */
bool report_target_open(struct report_target *t, const char *file, bool stream);

/* Flushes T's temporary file to disk, closes it and renames it over T's file; false with a
 * message on stderr (the temporary file removed, T's file as it was). T is then released. */
bool report_target_commit(struct report_target *t);

/* Removes T's temporary file and releases T; a T that was never opened is allowed. */
void report_target_discard(struct report_target *t);

#endif
