/* store.c - session files on disk: opening under a lock, durable saving, and never
 * overwriting what someone else changed. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include "fileio.h"
#include "i18n.h"
#include "mem.h"
#include "store.h"
#include "store_impl.h"
#include "store_vote.h"
#include "utf8.h"

/* ---- names next to a session file ---------------------------------------------------- */

/* Splits PATH into its folder (*DIR, malloc'd; "." when PATH names none) and its last
 * component (*NAME, pointing into PATH); false when memory is exhausted. */
static bool path_split(const char *path, char **dir, const char **name)
{
	const char *slash = strrchr(path, '/');

	*name = slash ? slash + 1 : path;
	if (!slash)
		*dir = store_printf(".");
	else
		*dir = store_printf("%.*s", slash == path ? 1 : (int)(slash - path), path);
	return *dir != NULL;
}

char *store_hidden_sibling(const char *path, const char *suffix)
{
	const char *name;
	char *dir, *sibling = NULL;

	if (path_split(path, &dir, &name))
		sibling = store_printf("%s/.%s%s", dir, name, suffix);
	mem.free(dir);
	return sibling;
}

/* Removes the temporary files "<folder>/.<name>.tmp-XXXXXX" that an interrupted save of PATH
 * left behind. Only the holder of the lock calls this; a file that cannot be removed does
 * no harm, so this is done as far as it goes. */
static void remove_stale_temps(const char *path)
{
	const char *name;
	char *dir, *prefix = NULL;
	DIR *dp = NULL;
	struct dirent *de;

	if (!path_split(path, &dir, &name) || !(prefix = store_printf(".%s.tmp-", name)) ||
	    !(dp = opendir(dir)))
		goto cleanup;
	while ((de = readdir(dp)) != NULL)
		if (strncmp(de->d_name, prefix, strlen(prefix)) == 0 &&
		    strlen(de->d_name) == strlen(prefix) + 6)
			unlinkat(dirfd(dp), de->d_name, 0);
cleanup:
	if (dp)
		closedir(dp);
	mem.free(prefix);
	mem.free(dir);
}

/* ---- the name a session file really has ---------------------------------------------- */

enum { LINKS_MAX = 40 }; /* symbolic links followed before giving up, as the kernel does */

/* Returns the malloc'd absolute name of PATH with its folder resolved (realpath) and its last
 * component kept as it is, which need not exist; NULL with errno. */
static char *path_in_real_folder(const char *path)
{
	const char *name;
	char *dir, *real = NULL, *joined = NULL;
	int err;

	if (!path_split(path, &dir, &name)) {
		errno = ENOMEM;
		return NULL;
	}
	real = realpath(dir, NULL);
	err = errno;
	if (real && !(joined = store_printf("%s%s%s", real, strcmp(real, "/") ? "/" : "", name)))
		err = ENOMEM;
	mem.free(real);
	mem.free(dir);
	errno = err;
	return joined;
}

/* Returns the malloc'd name the symbolic link LINK points to, relative to LINK's folder when
 * it is not absolute; NULL with errno. */
static char *link_target(const char *link)
{
	char target[4096], *dir, *joined;
	const char *name;
	ssize_t n = readlink(link, target, sizeof(target));

	if (n < 0)
		return NULL;
	if ((size_t)n >= sizeof(target)) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	target[n] = '\0';
	if (target[0] == '/')
		joined = store_printf("%s", target);
	else if (!path_split(link, &dir, &name))
		joined = NULL;
	else {
		joined = store_printf("%s/%s", dir, target);
		mem.free(dir);
	}
	if (!joined)
		errno = ENOMEM;
	return joined;
}

/* Sets F's real path: the file that PATH names once every symbolic link is followed, as an
 * absolute name. The file need not exist: a new session, or a link whose target is still to
 * be made, is saved there (a save through a link writes the file it points to, and its
 * temporary file is made in that file's folder, so that the rename stays atomic). False
 * with D. */
static bool file_resolve(struct store_file *f, struct diag *d)
{
	char *at = store_printf("%s", f->path);
	int err = at ? ELOOP : ENOMEM; /* why, when the loop ends without a file */

	for (int links = 0; at && links <= LINKS_MAX; links++) {
		struct stat st;
		bool missing = lstat(at, &st) != 0;
		char *next;

		if (missing && errno != ENOENT) {
			err = errno;
			break;
		}
		if (missing || !S_ISLNK(st.st_mode)) {
			f->real_path = path_in_real_folder(at);
			if (!f->real_path)
				diag_set(d, f->path, 0, 0,
					 links ? _("points to %s, whose folder cannot be used: %s")
					       : _("is %s, whose folder cannot be used: %s"),
					 at, strerror(errno));
			mem.free(at);
			return f->real_path != NULL;
		}
		next = link_target(at);
		err = next ? ELOOP : errno;
		mem.free(at);
		at = next;
	}
	diag_set(d, f->path, 0, 0, _("cannot follow the name to a file: %s"), strerror(err));
	mem.free(at);
	return false;
}

/* ---- the lock ------------------------------------------------------------------------
 *
 * One session file, one meetlat, whatever name the file is opened by. Two kinds of lock make
 * that so, both flock(2) locks, which the kernel releases when the process ends however it
 * ends: a crash or kill -9 leaves nothing to recover, and the next meetlat simply opens.
 *
 * - The lock file ".NAME.lock" next to the real file (every symbolic link followed) guards
 *   the name: every meetlat that reaches the file by that folder and name, through any
 *   link, takes this one, also for a new session that is not on disk yet. The name stays
 *   while saves replace the file, so this lock never has to move; it is what makes the
 *   moves of the other lock safe.
 * - A lock on the session file itself guards its other names (hard links), which lead to
 *   other lock files. Every save replaces the file by a new one (rename), so the lock is
 *   taken on the temporary file before it is renamed into place: from the moment the name
 *   leads to the new file, that file is locked. The file as it was opened stays locked as
 *   well until the session is closed: a hard link made before goes on naming that file (a
 *   save replaces one name only), and is refused for as long as the session is open.
 *
 * The lock file holds the pid of its holder, for the message another meetlat shows. */

/* Returns the pid written in lock file FD, or 0 when it holds none. */
static long lock_pid(int fd)
{
	char text[32];
	ssize_t n = pread(fd, text, sizeof(text) - 1, 0);
	long pid;

	if (n <= 0)
		return 0;
	text[n] = '\0';
	pid = strtol(text, NULL, 10);
	return pid > 0 ? pid : 0;
}

/* Writes this process's pid into lock file FD. A failure (a full disk) only costs the pid in
 * the message another meetlat shows: the flock is the lock. */
static bool lock_note_pid(int fd)
{
	char text[32];
	int n = snprintf(text, sizeof(text), "%ld\n", (long)getpid());

	return ftruncate(fd, 0) == 0 && pwrite(fd, text, (size_t)n, 0) == n;
}

/* Returns true when lock file FD is still the file at LOCK_PATH: its last holder removes it
 * on closing, possibly between our open and our flock. */
static bool lock_current(int fd, const char *lock_path)
{
	struct stat held, named;

	return fstat(fd, &held) == 0 && stat(lock_path, &named) == 0 &&
	       held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

/* Reports why the flock of session file PATH (or its lock file) failed (ERR), naming the
 * holder PID when it is known. */
static void lock_refused(const char *path, int err, long pid, struct diag *d)
{
	if (err != EWOULDBLOCK)
		diag_set(d, path, 0, 0, _("cannot lock: %s"), strerror(err));
	else if (pid)
		diag_set(d, path, 0, 0, _("is open in another meetlat (pid %ld)"), pid);
	else
		diag_set(d, path, 0, 0, _("is open in another meetlat"));
}

/* Takes the lock file LOCK_PATH of session file PATH (created when missing; one that nobody
 * holds was left by a process that ended without closing, and is simply taken: *LEFT then
 * turns true) and returns its descriptor; -1 with D when another process holds it. */
static int lock_take(const char *path, const char *lock_path, bool *left, struct diag *d)
{
	for (int attempt = 0; attempt < 10; attempt++) {
		int fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);

		if (fd < 0) {
			diag_set(d, path, 0, 0, _("cannot create the lock file %s: %s"), lock_path,
				 strerror(errno));
			return -1;
		}
		if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
			int err = errno;

			lock_refused(path, err, lock_pid(fd), d);
			close(fd);
			return -1;
		}
		if (lock_current(fd, lock_path)) {
			*left = lock_pid(fd) != 0;
			lock_note_pid(fd);
			return fd;
		}
		close(fd);
	}
	diag_set(d, path, 0, 0, _("cannot lock: the lock file %s keeps changing"), lock_path);
	return -1;
}

/* Locks the session file at F's real path itself, as it is now (its other names lead to the
 * same lock), into F->opened_lock_fd. What cannot be opened or is no regular file is not
 * locked: it is missing (a new session, guarded by the lock file) or reading it reports why.
 * False with D when another meetlat holds it. */
static bool file_lock_take(struct store_file *f, struct diag *d)
{
	int fd = open(f->real_path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;

	if (fd < 0)
		return true;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return true;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		lock_refused(f->path, errno, 0, d);
		close(fd);
		return false;
	}
	f->opened_lock_fd = fd;
	return true;
}

/* Closes descriptor *FD, releasing the lock it holds, when it is one (>= 0); *FD becomes -1. */
static void lock_drop(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* Makes FD (or -1) the lock on the file as last saved, releasing the one on the file it
 * replaced; the lock on the file as opened stays. */
static void file_lock_moved(struct store_file *f, int fd)
{
	lock_drop(&f->saved_lock_fd);
	f->saved_lock_fd = fd;
}

/* Releases the locks on the session file itself (as opened and as saved). */
static void file_lock_release(struct store_file *f)
{
	lock_drop(&f->saved_lock_fd);
	lock_drop(&f->opened_lock_fd);
}

/* Releases the lock file of F and removes it. It is removed while still held; a process that
 * opened it just before sees that it is gone (lock_current). */
static void lock_release(struct store_file *f)
{
	if (f->lock_fd < 0)
		return;
	unlink(f->lock_path); /* when this fails, the lock file stays, unheld: harmless */
	lock_drop(&f->lock_fd);
}

bool store_lock_listed(FILE *locks, dev_t dev, ino_t ino, long pid)
{
	unsigned major, minor;
	unsigned long inum;
	char line[256];
	bool held = false;
	long owner;

	while (!held && fgets(line, sizeof(line), locks)) {
		const char *kind = strstr(line, " FLOCK ");

		if (!kind || strstr(line, "->") || /* a waiter holds nothing */
		    sscanf(kind, " FLOCK %*s %*s %ld %x:%x:%lu", &owner, &major, &minor, &inum) != 4)
			continue;
		held = (inum == (unsigned long)ino && major == major(dev) &&
			minor == minor(dev)) || (pid > 0 && owner == pid);
	}
	return held;
}

bool store_lock_held(FILE *locks, const struct stat *st, long pid)
{
	if (locks)
		return store_lock_listed(locks, st->st_dev, st->st_ino, pid);
	/* no list of locks: the holder named in the lock file still runs */
	return pid > 0 && (kill((pid_t)pid, 0) == 0 || errno == EPERM);
}

char *store_lock_name(const char *real_path)
{
	return store_hidden_sibling(real_path, ".lock");
}

bool store_held_elsewhere(const struct store_file *f)
{
	char *lock_path = store_lock_name(f->real_path);
	int fd = lock_path ? open(lock_path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK) : -1;
	struct stat st;
	bool held = false;
	FILE *locks;
	long pid;

	mem.free(lock_path);
	if (fd < 0)
		return false; /* no lock file: removed by the meetlat that closed it */
	pid = lock_pid(fd);
	if (fstat(fd, &st) == 0) {
		locks = fopen("/proc/locks", "re");
		held = store_lock_held(locks, &st, pid);
		if (locks)
			fclose(locks);
	}
	close(fd);
	return held;
}

/* ---- what is on disk ------------------------------------------------------------------ */

/* Makes *STAMP what ST tells of a file. */
static void stamp_take(struct store_stamp *stamp, const struct stat *st)
{
	*stamp = (struct store_stamp){
		.known = true, .dev = st->st_dev, .ino = st->st_ino, .size = st->st_size,
		.mtime = st->st_mtim, .ctime = st->st_ctim,
	};
}

struct store_stamp store_stamp_of(const char *path)
{
	struct store_stamp stamp = { .known = false };
	struct stat st;

	if (lstat(path, &st) == 0)
		stamp_take(&stamp, &st);
	return stamp;
}

bool store_stamp_same(const struct store_stamp *a, const struct store_stamp *b)
{
	return a->known && b->known && a->dev == b->dev && a->ino == b->ino &&
	       a->size == b->size && a->mtime.tv_sec == b->mtime.tv_sec &&
	       a->mtime.tv_nsec == b->mtime.tv_nsec && a->ctime.tv_sec == b->ctime.tv_sec &&
	       a->ctime.tv_nsec == b->ctime.tv_nsec;
}

/* Reads the file at PATH whole into *BUF (*LEN bytes) and makes *STAMP its stamp, unless the
 * file changed while it was read (then *STAMP is unknown, and the next save compares the
 * bytes). False with D. */
static bool disk_read(const char *path, char **buf, size_t *len, struct store_stamp *stamp,
		      struct diag *d)
{
	struct store_stamp before = store_stamp_of(path), after;

	if (!ydoc_read_file(path, ylimits_default.max_bytes, buf, len, d))
		return false;
	after = store_stamp_of(path);
	*stamp = store_stamp_same(&before, &after) ? after : (struct store_stamp){ .known = false };
	return true;
}

/* Makes the LEN bytes at BUF (malloc'd, now F's) what F knows to be on disk, as STAMP. */
static void disk_keep(struct store_file *f, char *buf, size_t len,
		      const struct store_stamp *stamp)
{
	mem.free(f->disk_text);
	f->disk_text = buf;
	f->disk_len = len;
	f->disk_stamp = *stamp;
	f->on_disk = true;
}

/* ---- saving -------------------------------------------------------------------------- */

/* Writes the LEN bytes at BUF to FD, through short writes and interruptions. */
static bool write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = fileio.write(fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			return false;
		}
		buf += n;
		len -= (size_t)n;
	}
	return true;
}

/* Returns a second descriptor of the new file FD holding a flock on it, or -1 when that
 * cannot be had (then the lock file alone guards the session: a save does not fail for it). */
static int temp_lock(int fd)
{
	int held = fcntl(fd, F_DUPFD_CLOEXEC, 0);

	if (held >= 0 && flock(held, LOCK_EX | LOCK_NB) != 0) {
		close(held);
		held = -1;
	}
	return held;
}

/* Writes the LEN bytes at BUF into a new temporary file next to PATH (mode 0600), flushed to
 * disk and closed; returns its malloc'd name, or NULL with errno (nothing left behind). With
 * LOCKED, the file is locked from its creation and *LOCKED gets the descriptor holding it
 * (-1 when the lock could not be had, or on failure). */
static char *temp_write(const char *path, const char *buf, size_t len, int *locked)
{
	char *tmp = store_hidden_sibling(path, ".tmp-XXXXXX");
	bool written;
	int fd, err;

	if (locked)
		*locked = -1;

	if (!tmp) {
		errno = ENOMEM;
		return NULL;
	}
	fd = fileio.mkstemp(tmp);
	if (fd < 0) {
		err = errno;
		mem.free(tmp);
		errno = err;
		return NULL;
	}
	if (locked)
		*locked = temp_lock(fd);
	written = fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && fileio.fchmod(fd, 0600) == 0 &&
		  write_all(fd, buf, len) && fileio.fsync(fd) == 0;
	err = errno;
	if (fileio.close(fd) != 0 && written) {
		written = false;
		err = errno;
	}
	if (written)
		return tmp;
	if (locked)
		lock_drop(locked);
	unlink(tmp);
	mem.free(tmp);
	errno = err;
	return NULL;
}

/* Flushes the folder DIR to disk so that a rename in it survives a crash; returns 0 or an
 * errno. Allocates nothing, so that a save whose new file is in place cannot fail for want
 * of memory. EINVAL from fsync means a file system that cannot sync folders: nothing to do. */
static int folder_sync(const char *dir)
{
	int fd = fileio.open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), err = 0;

	if (fd < 0)
		err = errno;
	else if (fileio.fsync(fd) != 0 && errno != EINVAL)
		err = errno;
	if (fd >= 0 && fileio.close(fd) != 0 && !err)
		err = errno;
	return err;
}

/* Replaces PATH, a file in folder DIR, by the LEN bytes at BUF durably: temporary file,
 * fsync, rename, fsync of the folder. Returns 0 or the errno of the step that failed;
 * *RENAMED tells whether PATH holds the new bytes (then only the sync of the folder can have
 * failed). With LOCKED, the new file is locked before it is renamed into place, and *LOCKED
 * gets the descriptor holding the lock when PATH holds it (-1 otherwise, or when the lock
 * could not be had). */
static int file_replace(const char *path, const char *dir, const char *buf, size_t len,
			bool *renamed, int *locked)
{
	char *tmp = temp_write(path, buf, len, locked);
	int err = 0;

	*renamed = false;
	if (!tmp)
		return errno ? errno : EIO;
	if (fileio.rename(tmp, path) != 0) {
		err = errno ? errno : EIO;
		unlink(tmp);
		if (locked)
			lock_drop(locked);
	} else {
		*renamed = true;
		err = folder_sync(dir);
	}
	mem.free(tmp);
	return err;
}

/* Writes the LEN bytes at *BUF durably to TARGET (a real path); when TARGET was replaced, F
 * keeps *BUF as what is on disk (*BUF becomes NULL; even if the folder could not be synced)
 * and holds the lock on the new file. False with D, which names the file as NAME. */
static bool save_to(struct store_file *f, const char *target, const char *name, char **buf,
		    size_t len, bool *renamed, struct diag *d)
{
	int locked, err = file_replace(target, f->folder, *buf, len, renamed, &locked);
	struct store_stamp stamp = { .known = false };
	struct stat st;

	if (*renamed) {
		if (locked >= 0 && fstat(locked, &st) == 0)
			stamp_take(&stamp, &st);
		file_lock_moved(f, locked);
		disk_keep(f, *buf, len, &stamp);
		*buf = NULL;
	}
	if (err)
		diag_set(d, name, 0, 0, _("cannot save: %s"), strerror(err));
	return err == 0;
}

/* Returns true when the file at F's real path is no longer what was last read or written
 * there: changed, replaced, unreadable, or created by someone else. A vanished file has
 * nothing to clobber. While stat shows the file as it was then, it is not read; otherwise it
 * is read and its bytes decide (a file touched but not changed is no conflict). Sets
 * *EXHAUSTED when memory ran out reading it (nothing is known). */
static bool disk_changed(struct store_file *f, bool *exhausted)
{
	struct store_stamp now = { .known = false };
	struct diag ignored;
	struct stat st;
	bool examined = lstat(f->real_path, &st) == 0, same;
	size_t len;
	char *buf;

	*exhausted = false;
	if (!examined && errno == ENOENT)
		return false;
	if (!f->on_disk)
		return true;
	if (examined) {
		stamp_take(&now, &st);
		if (store_stamp_same(&now, &f->disk_stamp))
			return false;
	}
	errno = 0;
	if (!disk_read(f->real_path, &buf, &len, &now, &ignored)) {
		*exhausted = errno == ENOMEM;
		return true;
	}
	same = len == f->disk_len && (len == 0 || memcmp(buf, f->disk_text, len) == 0);
	if (same)
		f->disk_stamp = now;
	mem.free(buf);
	return !same;
}

/* Returns a malloc'd name next to PATH that names no file yet, for a copy that must not
 * overwrite PATH: "<name without .yaml>.<KIND>-YYYYmmdd-HHMMSS.yaml", then with "-2", "-3",
 * ... The caller holds the lock of PATH, so no other meetlat picks the same name. */
static char *copy_path(const char *path, const char *kind)
{
	size_t len = strlen(path);
	int stem = (int)(len > 5 && strcmp(path + len - 5, ".yaml") == 0 ? len - 5 : len);
	time_t now = time(NULL);
	char stamp[32];
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", &tm);
	for (int n = 1; n < 1000; n++) {
		struct stat st;
		char *candidate =
			n == 1 ? store_printf("%.*s.%s-%s.yaml", stem, path, kind, stamp)
			       : store_printf("%.*s.%s-%s-%d.yaml", stem, path, kind, stamp, n);

		if (!candidate || (lstat(candidate, &st) != 0 && errno == ENOENT))
			return candidate;
		mem.free(candidate);
	}
	return NULL;
}

/* Makes F stand for the file at TARGET (a real path) from now on, and moves the lock file
 * there; the file F was opened as is no longer F's (the old locks are kept when the new lock
 * file cannot be taken). */
static bool file_moved(struct store_file *f, const char *target)
{
	char *path = store_printf("%s", target), *real = store_printf("%s", target);
	char *lock_path = store_lock_name(target);
	struct diag ignored;
	bool left;
	int fd = path && real && lock_path ? lock_take(path, lock_path, &left, &ignored) : -1;

	if (!path || !real) {
		mem.free(path);
		mem.free(real);
		mem.free(lock_path);
		return false;
	}
	mem.free(f->path);
	mem.free(f->real_path);
	f->path = path;
	f->real_path = real;
	if (fd < 0) {
		mem.free(lock_path);
		return true;
	}
	lock_release(f);
	mem.free(f->lock_path);
	f->lock_path = lock_path;
	f->lock_fd = fd;
	lock_drop(&f->opened_lock_fd);
	return true;
}

/* Saves the LEN bytes at BUF next to F's file, which someone else changed, and continues
 * there; the changed file is left exactly as it is. */
static enum save_result save_conflict(struct store_file *f, char **buf, size_t len,
				      struct diag *d)
{
	char *changed = store_printf("%s", f->path);
	char *target = changed ? copy_path(f->real_path, "conflict") : NULL;
	enum save_result result = SAVE_FAILED;
	bool renamed = false;

	if (!target)
		diag_set(d, f->path, 0, 0, _("cannot save: no name for a copy next to it"));
	else if (save_to(f, target, target, buf, len, &renamed, d))
		result = SAVE_REDIRECTED;
	if (renamed && !file_moved(f, target)) {
		diag_set(d, target, 0, 0, _("cannot save: out of memory"));
		result = SAVE_FAILED;
	}
	if (result == SAVE_REDIRECTED)
		diag_set(d, changed, 0, 0,
			 _("was changed by another program since it was opened, so it was left as "
			   "it is; your work is saved in %s"),
			 target);
	mem.free(target);
	mem.free(changed);
	return result;
}

enum save_result store_save(struct store_file *f, struct session *s, struct diag *d)
{
	enum save_result result = SAVE_FAILED;
	char why[DIAG_MESSAGE_MAX], *buf;
	bool renamed, changed, exhausted;
	size_t len;

	if (f->read_only) {
		diag_set(d, f->path, 0, 0, _("cannot save: the session is open read-only"));
		return SAVE_FAILED;
	}
	session_timestamp(s->updated, sizeof(s->updated));
	if (!store_emit(s, &buf, &len, d)) {
		snprintf(why, sizeof(why), "%s", d->message);
		diag_set(d, f->path, 0, 0, _("cannot save: %s"), why);
		return SAVE_FAILED;
	}
	changed = disk_changed(f, &exhausted);
	if (exhausted)
		diag_set(d, f->path, 0, 0, _("cannot save: out of memory"));
	else if (changed)
		result = save_conflict(f, &buf, len, d);
	else if (save_to(f, f->real_path, f->path, &buf, len, &renamed, d))
		result = SAVE_OK;
	if (result != SAVE_FAILED)
		s->dirty = false;
	mem.free(buf);
	return result;
}

/* Writes the LEN bytes at BUF durably to a new copy of PATH (named as copy_path does) in
 * FOLDER; stores its path in OUT. False when that folder does not take it. */
static bool rescue_to(const char *folder, const char *path, const char *buf, size_t len,
		      char *out, size_t size)
{
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	char *in_folder = store_printf("%s/%s", folder, name);
	char *target = in_folder ? copy_path(in_folder, "rescued") : NULL;
	bool renamed, ok = target && file_replace(target, folder, buf, len, &renamed, NULL) == 0;

	if (ok)
		snprintf(out, size, "%s", target);
	mem.free(target);
	mem.free(in_folder);
	return ok;
}

bool store_save_rescue(const struct session *s, const char *path, char *out, size_t size,
		       struct diag *d)
{
	const char *folders[] = { NULL, getenv("XDG_RUNTIME_DIR"), getenv("TMPDIR"), "/tmp",
				  getenv("HOME") };
	const char *name;
	char *buf, *own;
	size_t len;
	bool ok = false;

	if (!store_emit(s, &buf, &len, d))
		return false;
	if (!path_split(path, &own, &name)) {
		mem.free(buf);
		diag_set(d, path, 0, 0, _("cannot save a rescue copy: out of memory"));
		return false;
	}
	folders[0] = own;
	for (size_t i = 0; i < sizeof(folders) / sizeof(folders[0]) && !ok; i++)
		ok = folders[i] && folders[i][0] && rescue_to(folders[i], path, buf, len, out, size);
	if (!ok)
		diag_set(d, path, 0, 0, _("cannot save a rescue copy in any folder"));
	mem.free(own);
	mem.free(buf);
	return ok;
}

/* ---- opening and closing ------------------------------------------------------------- */

/* Returns a new record for the session file at PATH, or NULL when memory is exhausted. */
static struct store_file *file_new(const char *path, bool read_only)
{
	struct store_file *f = mem.calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	f->lock_fd = f->opened_lock_fd = f->saved_lock_fd = -1;
	f->read_only = read_only;
	f->path = store_printf("%s", path);
	if (f->path)
		return f;
	store_close(f);
	return NULL;
}

/* Checks that PATH names a file in a folder that exists; false with D. */
static bool folder_usable(const char *path, struct diag *d)
{
	const char *name;
	struct stat st;
	char *dir;
	bool ok = false;

	if (!path_split(path, &dir, &name))
		diag_set(d, path, 0, 0, _("out of memory"));
	else if (!name[0] || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
		diag_set(d, path, 0, 0, _("is not the name of a file"));
	else if (stat(dir, &st) != 0)
		diag_set(d, path, 0, 0, _("cannot use the folder %s: %s"), dir, strerror(errno));
	else if (!S_ISDIR(st.st_mode))
		diag_set(d, path, 0, 0, _("%s is not a folder"), dir);
	else
		ok = true;
	mem.free(dir);
	return ok;
}

/* Returns true when something (a file, a link, anything) is at PATH, or it cannot be told. */
static bool file_present(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0 || errno != ENOENT;
}

/* Refuses, with D, a session file that must not be changed: no write permission in its mode
 * (for anyone: root may write any file, so for root the mode is what tells), none for this
 * user, or a read-only file system. A save would otherwise replace it by a new file when its
 * folder may be written. A missing file (a new session) passes; one that cannot be examined
 * is left to reading to report. */
static bool file_writable(const struct store_file *f, struct diag *d)
{
	struct stat st;

	if (stat(f->real_path, &st) != 0 || !S_ISREG(st.st_mode))
		return true;
	if ((st.st_mode & 0222) && access(f->real_path, W_OK) == 0)
		return true;
	diag_set(d, f->path, 0, 0,
		 _("the file is read-only, so the workshop cannot be saved in it: to look at it, "
		   "use meetlat --review; to go on with it, make the file writable first"));
	return false;
}

/* Takes the locks of F (its lock file, then the file itself) and removes the temporary files
 * an interrupted save left, and the sidecar of phone voting a killed meetlat left; false
 * with D. */
static bool file_lock(struct store_file *f, struct diag *d)
{
	const char *name;

	f->lock_path = store_lock_name(f->real_path);
	if (!f->lock_path || !path_split(f->real_path, &f->folder, &name)) {
		diag_set(d, f->path, 0, 0, _("out of memory"));
		return false;
	}
	f->lock_fd = lock_take(f->path, f->lock_path, &f->stopped_before, d);
	if (f->lock_fd < 0 || !file_lock_take(f, d))
		return false;
	remove_stale_temps(f->real_path);
	store_vote_remove(f->real_path); /* a kill left it: no row is open to phones now */
	return true;
}

/* Reads the session file of F against C into *S; unless F is read-only, keeps its bytes and
 * stamp, to tell at each save whether someone else changed it. False with D. */
static bool file_read(struct store_file *f, const struct content *c, unsigned flags,
		      struct session **s, struct diag *d)
{
	struct store_stamp stamp;
	char *buf;
	size_t len;

	if (!disk_read(f->real_path, &buf, &len, &stamp, d)) {
		snprintf(d->file, sizeof(d->file), "%s", f->path); /* the name as given */
		return false;
	}
	*s = store_read(f->path, buf, len, c, flags, d);
	if (*s)
		f->disk_stamp = stamp; /* what a follower read: it reads again when the file moves */
	if (*s && !f->read_only) {
		disk_keep(f, buf, len, &stamp);
		buf = NULL;
	}
	f->on_disk = *s != NULL;
	mem.free(buf);
	return *s != NULL;
}

/* Returns the malloc'd title a new session gets from the name of PATH: without ".yaml", '-'
 * and '_' as spaces, control characters and invalid bytes replaced; "session" when nothing
 * remains. NULL when memory is exhausted. */
static char *title_from_path(const char *path)
{
	const char *slash = strrchr(path, '/'), *name = slash ? slash + 1 : path;
	size_t len = strlen(name);
	char *title;

	if (len > 5 && strcmp(name + len - 5, ".yaml") == 0)
		len -= 5;
	title = utf8_sanitize(name, len, false, '?');
	for (char *p = title; p && *p; p++)
		if (*p == '-' || *p == '_')
			*p = ' ';
	if (title && !title[0]) {
		mem.free(title);
		title = store_printf("session");
	}
	return title;
}

/* Makes *S a new session titled after the file name of F; nothing is written yet. */
static bool file_fresh(const struct store_file *f, const struct content *c, struct session **s,
		       struct diag *d)
{
	char *title = title_from_path(f->path);

	*s = title ? session_new(c, title) : NULL;
	mem.free(title);
	if (!*s)
		diag_set(d, f->path, 0, 0, _("out of memory"));
	return *s != NULL;
}

bool store_open(const char *path, const struct content *c, unsigned flags,
		struct store_file **fp, struct session **sp, struct diag *d)
{
	bool read_only = flags & STORE_READ_ONLY;
	struct store_file *f = file_new(path, read_only);
	struct session *s = NULL;
	bool ok;

	*fp = NULL;
	*sp = NULL;
	if (!f) {
		diag_set(d, path, 0, 0, _("out of memory"));
		return false;
	}
	ok = folder_usable(path, d) && file_resolve(f, d);
	if (ok && !read_only)
		ok = file_writable(f, d) && file_lock(f, d);
	if (ok)
		ok = (read_only || file_present(f->real_path)) ? file_read(f, c, flags, &s, d)
							       : file_fresh(f, c, &s, d);
	if (!ok) {
		session_free(s);
		store_close(f);
		return false;
	}
	*fp = f;
	*sp = s;
	return true;
}

void store_close(struct store_file *f)
{
	if (!f)
		return;
	lock_release(f);
	file_lock_release(f);
	mem.free(f->path);
	mem.free(f->real_path);
	mem.free(f->lock_path);
	mem.free(f->folder);
	mem.free(f->disk_text);
	mem.free(f);
}
