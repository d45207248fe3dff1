/* store.h - session files on disk: reading, durable saving, locking, where they live. */
#ifndef MEETLAT_STORE_H
#define MEETLAT_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

#include "content.h"
#include "diag.h"
#include "session.h"

/* What stat(2) told of a session file when its bytes were last read or written there: while
 * the file still shows all of it, it holds those bytes (a change made in place moves its
 * mtime or at least its ctime; a replacement brings another inode; the inode of the file
 * last saved cannot be reused while its lock is held). */
struct store_stamp {
	bool known; /* false: nothing to go by, the bytes must be compared */
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime, ctime;
};

/* An open session file. */
struct store_file {
	char *path;                    /* as given, or as made from the title: for messages */
	char *real_path;               /* the file itself, every symbolic link followed: for I/O */
	bool read_only;                /* --review: nothing is ever written or created */
	int lock_fd;                   /* the held lock file next to REAL_PATH, or -1 */
	char *lock_path;
	int opened_lock_fd;            /* the lock on the file as it was opened, or -1 */
	int saved_lock_fd;             /* the lock on the file as last saved, or -1 */
	char *folder;                  /* the folder of REAL_PATH, flushed after each save */
	bool on_disk;                  /* the file exists (was read or has been saved) */
	char *disk_text;               /* the bytes last read or written there (not read-only) */
	size_t disk_len;
	struct store_stamp disk_stamp; /* the file as it was then (read-only too: as read) */
	bool stopped_before;           /* the meetlat that held it last ended without closing it
					  (killed, or the machine stopped): its lock was left */
};

enum save_result {
	SAVE_OK,         /* written durably */
	SAVE_FAILED,     /* not written: the old file is intact, the session still dirty; retry */
	SAVE_REDIRECTED, /* the file was changed by someone else: written to a new file next to
			    it instead (now f->path), nothing clobbered */
};

/* How a session file is opened (store_open, store_read). */
enum store_open_flags {
	STORE_READ_ONLY = 1,   /* nothing is ever written or created, no lock is taken */
	STORE_ANY_CONTENT = 2, /* a session scored against another content (another id) is
				  opened with this one, its other_content_id set, instead of
				  refused */
};

/* Reads the session file at BUF (LEN bytes, called NAME in messages) against content C;
 * returns NULL with a located message in D. Unknown keys, and timings and rows the content
 * cannot place, are kept for writing back. A session of another content is refused. */
struct session *store_parse(const char *name, const char *buf, size_t len,
			    const struct content *c, struct diag *d);

/* store_parse, with FLAGS (only STORE_ANY_CONTENT matters here). */
struct session *store_read(const char *name, const char *buf, size_t len,
			   const struct content *c, unsigned flags, struct diag *d);

/* Writes S as a session file into a malloc'd buffer (*BUF, *LEN); false on exhaustion or an
 * emitter error, with a message in D. */
bool store_emit(const struct session *s, char **buf, size_t *len, struct diag *d);

/* Opens the session at PATH for content C: follows its symbolic links to the file itself,
 * locks it (unless FLAGS has STORE_READ_ONLY), reads it when it exists, otherwise creates a
 * new session titled after the file name (nothing is written yet). Returns false with a
 * message in D when the file cannot be read, is open in another meetlat (by any of its
 * names), may not be written (unless read-only), or belongs to another content (unless FLAGS
 * has STORE_ANY_CONTENT: then (*S)->other_content_id says so, for the caller to ask). A
 * file that cannot be read is never written. */
bool store_open(const char *path, const struct content *c, unsigned flags,
		struct store_file **f, struct session **s, struct diag *d);

/* Saves S durably (temporary file, fsync, rename, fsync of the folder; mode 0600). */
enum save_result store_save(struct store_file *f, struct session *s, struct diag *d);

/* For when the session file cannot be written: saves S durably to a new file named after
 * PATH ("<name>.rescued-YYYYmmdd-HHMMSS.yaml") in the first folder that takes it: PATH's own,
 * $XDG_RUNTIME_DIR, $TMPDIR, /tmp, $HOME. Stores its path in OUT; false with D. */
bool store_save_rescue(const struct session *s, const char *path, char *out, size_t size,
		       struct diag *d);

/* Returns true while a meetlat (this one or another) holds the lock of F's file; found out
 * without taking any lock, so that a follower never keeps the facilitator out. */
bool store_held_elsewhere(const struct store_file *f);

/* Returns what lstat(2) tells of the file at PATH now (not known when it cannot be had). */
struct store_stamp store_stamp_of(const char *path);

/* Returns true when A and B are both known and tell of the same file in the same state. */
bool store_stamp_same(const struct store_stamp *a, const struct store_stamp *b);

/* Returns the malloc'd path "<folder of PATH>/.<name of PATH><SUFFIX>", or NULL: where a
 * file beside PATH that a folder's listing skips goes (a save's temporary file, a lock). */
char *store_hidden_sibling(const char *path, const char *suffix);

/* Returns the malloc'd path of the lock file of the session file REAL_PATH (every link
 * followed): "<folder>/.<name>.lock"; NULL when memory is exhausted. */
char *store_lock_name(const char *real_path);

/* Returns true when LOCKS (the text of /proc/locks) lists a flock held (not waited for: "->")
 * on the file DEV:INO, or one held by PID (the holder the lock file names, when above 0: on
 * an overlay file system the list names the file below it). */
bool store_lock_listed(FILE *locks, dev_t dev, ino_t ino, long pid);

/* Returns true when the lock file ST, naming PID as its holder, is held: as LOCKS lists it
 * (store_lock_listed), or, when there is no list of locks (LOCKS NULL), while PID runs. */
bool store_lock_held(FILE *locks, const struct stat *st, long pid);

/* Releases the lock and F; NULL is allowed. Does not save. */
void store_close(struct store_file *f);

/* Writes the default folder for sessions ($XDG_DATA_HOME/meetlat/sessions, else
 * ~/.local/share/meetlat/sessions) into BUF, creating it with mode 0700; false with D. */
bool store_default_dir(char *buf, size_t size, struct diag *d);

/* Writes to BUF a path in DIR for a new session titled TITLE: the title reduced to safe
 * characters (a-z, 0-9, '-'), never leaving DIR, not naming an existing file. */
bool store_path_for_title(const char *dir, const char *title, char *buf, size_t size);

/* One session file found in a folder. */
struct store_entry {
	char *path;
	char *title, *group, *date, *updated; /* "" when unknown */
	size_t position, n_steps;             /* how far it got */
	size_t rows_scored, n_rows;
	char *error; /* why it cannot be read, or NULL */
};

/* Lists the session files (*.yaml) in DIR, newest first; false with D when DIR cannot be read. */
bool store_list(const char *dir, const struct content *c, struct store_entry **entries,
		size_t *n, struct diag *d);

/* Releases a list made by store_list. */
void store_list_free(struct store_entry *entries, size_t n);

#endif
