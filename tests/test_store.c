/* test_store.c - session files on disk: open, save and reopen; mode 0600; the lock; stale
 * temporary files; a file changed by someone else; files that cannot be read; read-only
 * opening; every failing system call of a save; names made from titles; the default folder;
 * the list of sessions in a folder; one lock for every name of a file, across processes and
 * after kill -9; saving through symbolic links; a file that may not be written; time stamps
 * (checked when read; written in local time with its offset, in any zone);
 * changes seen by stat without reading the file, and by its bytes when stat says touched. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <time.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "content.h"
#include "fileio.h"
#include "mem.h"
#include "session.h"
#include "session_check.h"
#include "store.h"
#include "ynode.h"
#include "builtin_content.h"

static char folder[64]; /* a fresh folder for each test */
static char path[128];	/* FOLDER/work.yaml */

/* Makes a new empty folder for one test. */
static int make_folder(void **state)
{
	(void)state;
	snprintf(folder, sizeof(folder), "/tmp/meetlat-store-XXXXXX");
	if (!mkdtemp(folder))
		return -1;
	snprintf(path, sizeof(path), "%s/work.yaml", folder);
	return 0;
}

/* Removes one file or folder found by nftw. */
static int remove_entry(const char *name, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	return remove(name);
}

/* Removes the test's folder and everything in it, and puts the real system calls back. */
static int remove_folder(void **state)
{
	(void)state;
	fileio_reset();
	return nftw(folder, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Returns the malloc'd bytes of the file at NAME (*LEN of them); fails the test if unreadable. */
static char *slurp(const char *name, size_t *len)
{
	struct diag d;
	char *buf;

	if (!ydoc_read_file(name, 1u << 24, &buf, len, &d))
		fail_msg("cannot read %s: %s", name, d.message);
	return buf;
}

/* Writes TEXT to the file NAME. */
static void put_file(const char *name, const char *text)
{
	FILE *fp = fopen(name, "w");

	assert_non_null(fp);
	assert_int_equal(fputs(text, fp) >= 0, 1);
	assert_int_equal(fclose(fp), 0);
}

/* Returns true when a file NAME exists in the folder of the test. */
static bool present(const char *name)
{
	char full[256];

	snprintf(full, sizeof(full), "%s/%s", folder, name);
	return access(full, F_OK) == 0;
}

/* Returns the number of temporary files of a save in the folder. */
static int temp_files(void)
{
	DIR *dp = opendir(folder);
	struct dirent *de;
	int n = 0;

	assert_non_null(dp);
	while ((de = readdir(dp)) != NULL)
		n += strstr(de->d_name, ".tmp-") != NULL;
	closedir(dp);
	return n;
}

/* Orders two lines of folder_state. */
static int line_order(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Writes into BUF a line per file of the folder (and the folder itself, as "."), sorted: its
 * name, size, mode and modification time. The folder above (/tmp, where other programs come
 * and go) is not the test's, and is left out. */
static void folder_state(char *buf, size_t size)
{
	char lines[32][320], *sorted[32];
	DIR *dp = opendir(folder);
	struct dirent *de;
	size_t n = 0;

	assert_non_null(dp);
	while ((de = readdir(dp)) != NULL) {
		char full[512];
		struct stat st;

		if (strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(full, sizeof(full), "%s/%s", folder, de->d_name);
		assert_int_equal(lstat(full, &st), 0);
		assert_true(n < 32);
		snprintf(lines[n], sizeof(lines[n]), "%s %lld %o %lld.%09ld\n", de->d_name,
			 (long long)st.st_size, (unsigned)st.st_mode, (long long)st.st_mtim.tv_sec,
			 st.st_mtim.tv_nsec);
		sorted[n] = lines[n];
		n++;
	}
	closedir(dp);
	qsort(sorted, n, sizeof(sorted[0]), line_order);
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		snprintf(buf + strlen(buf), size - strlen(buf), "%s", sorted[i]);
}

/* Opens PATH for writing and fails the test when that is refused. */
static void open_ok(const char *name, struct store_file **f, struct session **s)
{
	struct diag d;
	char message[2048];

	if (!store_open(name, content, 0, f, s, &d))
		fail_msg("%s", diag_format(&d, message, sizeof(message)));
}

/* Saves and fails the test unless the result is EXPECTED. */
static void save_expect(struct store_file *f, struct session *s, enum save_result expected)
{
	char message[2048];
	struct diag d;
	enum save_result r = store_save(f, s, &d);

	if (r != expected)
		fail_msg("save gave %d, not %d: %s", r, expected,
			 diag_format(&d, message, sizeof(message)));
}

/* A new file is created only by the first save, with mode 0600, and reads back equal. */
static void test_open_save_reopen(void **state)
{
	struct store_file *f, *g;
	struct session *s, *t;
	const char *why;
	struct stat st;

	(void)state;
	open_ok(path, &f, &s);
	assert_string_equal(s->meta[META_TITLE], "work");
	assert_true(s->dirty);
	assert_false(f->on_disk);
	assert_false(present("work.yaml"));
	assert_true(present(".work.yaml.lock"));
	assert_true(session_vote_add(s, content, 2, 3, &why));
	assert_true(session_set_note(s, 2, "één\nnote", &why));
	save_expect(f, s, SAVE_OK);
	assert_false(s->dirty);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(temp_files(), 0);
	store_close(f);
	assert_false(present(".work.yaml.lock"));
	open_ok(path, &g, &t);
	assert_true(g->on_disk);
	assert_false(t->dirty);
	check_equal_sessions(s, t);
	store_close(g);
	session_free(t);
	session_free(s);
}

/* The title of a new session comes from its file name. */
static void test_title_from_file_name(void **state)
{
	struct store_file *f;
	struct session *s;
	char name[256];

	(void)state;
	snprintf(name, sizeof(name), "%s/team_comm-2026.yaml", folder);
	open_ok(name, &f, &s);
	assert_string_equal(s->meta[META_TITLE], "team comm 2026");
	store_close(f);
	session_free(s);
	snprintf(name, sizeof(name), "%s/esc\x1b]0;x\x07.yaml", folder);
	open_ok(name, &f, &s);
	assert_string_equal(s->meta[META_TITLE], "esc?]0;x?");
	store_close(f);
	session_free(s);
}

/* A second open of the same file is refused, in this process too (flock works per open file
 * description), and names the holder. */
static void test_lock_refuses_second_open(void **state)
{
	struct store_file *f, *g = NULL;
	struct session *s, *t = NULL;
	char message[2048], expected[256];
	struct diag d;

	(void)state;
	open_ok(path, &f, &s);
	assert_false(store_open(path, content, 0, &g, &t, &d));
	assert_null(g);
	assert_null(t);
	snprintf(expected, sizeof(expected), "%s: is open in another meetlat (pid %ld)", path,
		 (long)getpid());
	assert_string_equal(diag_format(&d, message, sizeof(message)), expected);
	assert_true(present(".work.yaml.lock"));
	store_close(f);
	session_free(s);
	open_ok(path, &g, &t);
	store_close(g);
	session_free(t);
}

/* A lock file that nobody holds (left by a process that was killed: the kernel released its
 * lock) is simply taken, with no warning, and gets this process's pid. */
static void test_unheld_lock_file_taken(void **state)
{
	char lock[256], pid[32];
	struct store_file *f;
	struct session *s;
	size_t len;
	char *text;

	(void)state;
	snprintf(lock, sizeof(lock), "%s/.work.yaml.lock", folder);
	put_file(lock, "12345\n");
	open_ok(path, &f, &s);
	assert_int_equal(s->n_warnings, 0);
	text = slurp(lock, &len);
	snprintf(pid, sizeof(pid), "%ld\n", (long)getpid());
	assert_string_equal(text, pid);
	free(text);
	store_close(f);
	session_free(s);
}

/* Whether a meetlat holds a session is found out without a lock: a read-only open (a
 * follower) sees the holder, in this process and in a child, and no holder once it closed
 * or was killed (its lock file left); the check never keeps the file from being opened. The
 * next open after a kill says that the last one stopped without closing; one after a clean
 * close, or of a new file, does not. */
static void test_holder_seen_without_locking(void **state)
{
	struct store_file *f, *g, *follower;
	struct session *s, *t, *seen;
	struct diag d;
	int status;
	pid_t child;

	(void)state;
	open_ok(path, &f, &s);
	assert_false(f->stopped_before);
	save_expect(f, s, SAVE_OK);
	assert_true(store_open(path, content, STORE_READ_ONLY, &follower, &seen, &d));
	assert_true(store_held_elsewhere(follower));
	store_close(f);
	assert_false(store_held_elsewhere(follower));
	open_ok(path, &g, &t);
	assert_false(g->stopped_before);
	assert_true(store_held_elsewhere(follower));
	store_close(g);
	session_free(t);
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		struct store_file *cf;
		struct session *cs;

		_exit(store_open(path, content, 0, &cf, &cs, &d) && store_held_elsewhere(follower)
			      ? 0 : 1);
	}
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_true(present(".work.yaml.lock")); /* left by the child, unheld */
	assert_false(store_held_elsewhere(follower));
	open_ok(path, &g, &t);
	assert_true(g->stopped_before);
	store_close(g);
	session_free(t);
	store_close(follower);
	session_free(seen);
	session_free(s);
}

/* Opening removes the temporary files of this session file only. */
static void test_stale_temps_removed(void **state)
{
	static const char *const names[] = { ".work.yaml.tmp-abc123", ".work.yaml.tmp-XYZ789",
					     ".other.yaml.tmp-abc123", "work.yaml.tmp-abc123",
					     ".work.yaml.tmp-toolongname" };
	struct store_file *f;
	struct session *s;

	(void)state;
	for (size_t i = 0; i < 5; i++) {
		char name[256];

		snprintf(name, sizeof(name), "%s/%s", folder, names[i]);
		put_file(name, "partial");
	}
	open_ok(path, &f, &s);
	assert_false(present(names[0]));
	assert_false(present(names[1]));
	assert_true(present(names[2]));
	assert_true(present(names[3]));
	assert_true(present(names[4]));
	store_close(f);
	session_free(s);
}

/* A file someone else changed is left alone: the work goes to a conflict file next to it,
 * which later saves continue, under its own lock. */
static void test_changed_file_not_clobbered(void **state)
{
	static const char outsider[] = "# edited by hand\nmeetlat_session: 1\n";
	struct store_file *f, *g;
	struct session *s, *t;
	char message[2048], expected[1024];
	const char *why, *base;
	struct diag d;
	size_t len;
	char *text;

	(void)state;
	open_ok(path, &f, &s);
	save_expect(f, s, SAVE_OK);
	put_file(path, outsider);
	assert_true(session_vote_add(s, content, 0, 2, &why));
	assert_int_equal(store_save(f, s, &d), SAVE_REDIRECTED);
	assert_false(s->dirty);
	text = slurp(path, &len);
	assert_string_equal(text, outsider);
	free(text);
	base = strrchr(f->path, '/') + 1;
	assert_int_equal(strncmp(base, "work.conflict-", 14), 0);
	assert_int_equal(strlen(base), strlen("work.conflict-20261126-154012.yaml"));
	assert_string_equal(base + strlen(base) - 5, ".yaml");
	snprintf(expected, sizeof(expected),
		 "%s: was changed by another program since it was opened, so it was left as it "
		 "is; your work is saved in %s",
		 path, f->path);
	assert_string_equal(diag_format(&d, message, sizeof(message)), expected);
	assert_false(present(".work.yaml.lock"));
	assert_false(store_open(f->path, content, 0, &g, &t, &d));
	assert_true(session_vote_add(s, content, 0, 3, &why));
	save_expect(f, s, SAVE_OK);
	text = slurp(path, &len);
	assert_string_equal(text, outsider);
	free(text);
	assert_true(store_open(f->path, content, STORE_READ_ONLY, &g, &t, &d));
	check_equal_sessions(s, t);
	store_close(g);
	session_free(t);
	store_close(f);
	session_free(s);
}

/* Changes one byte of the file at PATH in place (the same size, the same inode): the title
 * "work" becomes "Work". Returns what stat said of the file before. */
static struct stat change_in_place(void)
{
	struct stat before;
	size_t len;
	char *text = slurp(path, &len), *title = strstr(text, "\"work\"");
	int fd = open(path, O_WRONLY);

	assert_non_null(title);
	assert_int_equal(stat(path, &before), 0);
	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, "W", 1, title + 1 - text), 1);
	assert_int_equal(close(fd), 0);
	free(text);
	return before;
}

/* Sets the modification time of the file at PATH to WHEN (and its access time to now). */
static void set_mtime(struct timespec when)
{
	struct timespec times[2] = { { .tv_nsec = UTIME_NOW }, when };

	assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
}

/* Saves S after a vote and checks that the file at PATH, which someone else changed to
 * hold "Work", was left as it is and the work went to a conflict copy. */
static void expect_conflict(struct store_file *f, struct session *s)
{
	const char *why;
	size_t len;
	char *text;

	assert_true(session_vote_add(s, content, 0, 2, &why));
	save_expect(f, s, SAVE_REDIRECTED);
	text = slurp(path, &len);
	assert_non_null(strstr(text, "\"Work\""));
	free(text);
	assert_int_equal(strncmp(strrchr(f->path, '/') + 1, "work.conflict-", 14), 0);
}

/* A change in place that keeps the size and the second of the modification time (only its
 * nanoseconds differ) is still seen: the work goes to a conflict copy. */
static void test_same_size_same_second_change_seen(void **state)
{
	struct store_file *f;
	struct session *s;
	struct stat before;
	struct timespec when;

	(void)state;
	open_ok(path, &f, &s);
	save_expect(f, s, SAVE_OK);
	before = change_in_place();
	when = before.st_mtim;
	when.tv_nsec = when.tv_nsec ? when.tv_nsec - 1 : 1;
	set_mtime(when);
	expect_conflict(f, s);
	store_close(f);
	session_free(s);
}

/* A change in place whose maker puts back the exact modification time (and size) is still
 * seen: the kernel moves the ctime, which cannot be put back, and the bytes then decide. */
static void test_change_with_restored_mtime_seen(void **state)
{
	struct store_file *f;
	struct session *s;

	(void)state;
	open_ok(path, &f, &s);
	save_expect(f, s, SAVE_OK);
	set_mtime(change_in_place().st_mtim);
	expect_conflict(f, s);
	store_close(f);
	session_free(s);
}

static unsigned long allocations; /* calls to mem.malloc, calloc and realloc */

/* The C library's allocator, counted. */
static void *counted_malloc(size_t size)
{
	allocations++;
	return malloc(size);
}
static void *counted_calloc(size_t count, size_t size)
{
	allocations++;
	return calloc(count, size);
}
static void *counted_realloc(void *ptr, size_t size)
{
	allocations++;
	return realloc(ptr, size);
}

/* Returns the allocations store_save makes to save S after a vote, expecting SAVE_OK. */
static unsigned long allocations_of_save(struct store_file *f, struct session *s)
{
	const char *why;

	assert_true(session_vote_add(s, content, 1, 2, &why));
	mem.malloc = counted_malloc;
	mem.calloc = counted_calloc;
	mem.realloc = counted_realloc;
	allocations = 0;
	save_expect(f, s, SAVE_OK);
	mem_reset();
	return allocations;
}

/* A file only touched (a new modification time, the same bytes) is no conflict: it is read
 * to be sure, and the save goes ahead. A file nobody touched is not read at all: its save
 * makes fewer allocations than the one that had to read the file (the same save otherwise). */
static void test_touched_file_saved_untouched_not_read(void **state)
{
	struct timespec now = { .tv_nsec = UTIME_NOW };
	unsigned long untouched, touched;
	struct store_file *f;
	struct session *s;

	(void)state;
	open_ok(path, &f, &s);
	save_expect(f, s, SAVE_OK);
	untouched = allocations_of_save(f, s);
	set_mtime(now);
	touched = allocations_of_save(f, s);
	assert_true(untouched < touched);
	assert_int_equal(allocations_of_save(f, s), untouched);
	assert_string_equal(f->path, path);
	assert_int_equal(temp_files(), 0);
	store_close(f);
	session_free(s);
}

/* A file that appears where a new session was to be saved is not overwritten either; one that
 * vanished is simply written again. */
static void test_created_or_vanished_file(void **state)
{
	struct store_file *f;
	struct session *s;
	struct diag d;
	size_t len;
	char *text;

	(void)state;
	open_ok(path, &f, &s);
	put_file(path, "someone: else\n");
	assert_int_equal(store_save(f, s, &d), SAVE_REDIRECTED);
	text = slurp(path, &len);
	assert_string_equal(text, "someone: else\n");
	free(text);
	assert_int_equal(unlink(f->path), 0);
	s->dirty = true;
	save_expect(f, s, SAVE_OK);
	assert_int_equal(access(f->path, F_OK), 0);
	store_close(f);
	session_free(s);
}

/* A file that cannot be read is refused, stays byte for byte as it was, and the lock and
 * temporary files are gone. */
static void test_unreadable_file_refused(void **state)
{
	static const char *const bad[] = {
		"meetlat_session: 2\ntitle: \"future\"\n",
		"\177ELF\x01\x02\x03 binary \xff\xfe",
		"meetlat_session: 1\ntitle: \"t\"\ncontent: {id: another-content}\n",
		"[[[[",
	};
	struct store_file *f;
	struct session *s;
	struct diag d;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		size_t len;
		char *text;

		put_file(path, bad[i]);
		assert_false(store_open(path, content, 0, &f, &s, &d));
		assert_true(d.line >= 1);
		text = slurp(path, &len);
		assert_int_equal(len, strlen(bad[i]));
		assert_memory_equal(text, bad[i], len);
		free(text);
		assert_false(present(".work.yaml.lock"));
		assert_int_equal(temp_files(), 0);
	}
}

/* A folder, a pipe and a missing folder at the path are refused without blocking. */
static void test_not_a_file(void **state)
{
	struct store_file *f;
	struct session *s;
	char name[256], message[2048], expected[512];
	struct diag d;

	(void)state;
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_false(store_open(path, content, 0, &f, &s, &d));
	snprintf(expected, sizeof(expected), "%s: is a pipe (FIFO), not a regular file", path);
	assert_string_equal(diag_format(&d, message, sizeof(message)), expected);
	snprintf(name, sizeof(name), "%s/missing/work.yaml", folder);
	assert_false(store_open(name, content, 0, &f, &s, &d));
	snprintf(expected, sizeof(expected),
		 "%s: cannot use the folder %s/missing: No such file or directory", name, folder);
	assert_string_equal(diag_format(&d, message, sizeof(message)), expected);
	snprintf(name, sizeof(name), "%s/", folder);
	assert_false(store_open(name, content, 0, &f, &s, &d));
	assert_string_equal(d.message, "is not the name of a file");
}

/* Read-only opening touches nothing: no lock, no cleanup, no save; a missing file is an error. */
static void test_read_only_writes_nothing(void **state)
{
	char before[4096], after[4096], stale[256];
	struct store_file *f, *g;
	struct session *s, *t;
	const char *why;
	struct diag d;

	(void)state;
	open_ok(path, &f, &s);
	save_expect(f, s, SAVE_OK);
	store_close(f);
	session_free(s);
	snprintf(stale, sizeof(stale), "%s/.work.yaml.tmp-abc123", folder);
	put_file(stale, "partial");
	folder_state(before, sizeof(before));
	assert_true(store_open(path, content, STORE_READ_ONLY, &g, &t, &d));
	assert_int_equal(g->lock_fd, -1);
	assert_true(session_vote_add(t, content, 1, 1, &why));
	assert_int_equal(store_save(g, t, &d), SAVE_FAILED);
	assert_string_equal(d.message, "cannot save: the session is open read-only");
	store_close(g);
	session_free(t);
	folder_state(after, sizeof(after));
	assert_string_equal(before, after);
	snprintf(stale, sizeof(stale), "%s/never.yaml", folder);
	assert_false(store_open(stale, content, STORE_READ_ONLY, &g, &t, &d));
	assert_string_equal(d.message, "cannot open: No such file or directory");
	folder_state(after, sizeof(after));
	assert_string_equal(before, after);
}

/* ---- failing system calls ------------------------------------------------------------ */

static int calls, fail_at, fail_errno;

/* Returns true (setting errno) when this call is the one that must fail. */
static bool this_call_fails(void)
{
	if (++calls != fail_at)
		return false;
	errno = fail_errno;
	return true;
}

/* write(2) that fails as told, or writes one byte at a time when FAIL_AT is -1. */
static ssize_t bad_write(int fd, const void *buf, size_t n)
{
	if (fail_at == -1)
		return write(fd, buf, n ? 1 : 0);
	return this_call_fails() ? -1 : write(fd, buf, n);
}

/* fsync(2) that fails as told. */
static int bad_fsync(int fd)
{
	return this_call_fails() ? -1 : fsync(fd);
}

/* close(2) that fails as told (after closing: Linux releases the descriptor anyway). */
static int bad_close(int fd)
{
	int r = close(fd);

	return this_call_fails() ? -1 : r;
}

/* rename(2) that fails as told. */
static int bad_rename(const char *from, const char *to)
{
	return this_call_fails() ? -1 : rename(from, to);
}

/* mkstemp(3) that fails as told. */
static int bad_mkstemp(char *template)
{
	return this_call_fails() ? -1 : mkstemp(template);
}

/* fchmod(2) that fails as told. */
static int bad_fchmod(int fd, mode_t mode)
{
	return this_call_fails() ? -1 : fchmod(fd, mode);
}

/* open(2) of the folder that fails as told. */
static int bad_open(const char *name, int flags, ...)
{
	return this_call_fails() ? -1 : open(name, flags);
}

/* Saves a session, then makes call number AT of the system call that SET installs fail with
 * ERR on the next save: the save must fail with the error, the old file stay byte for byte,
 * no temporary file remain and the session stay dirty. A later save then succeeds. */
static void check_failure(void (*set)(void), int at, int err, bool renamed)
{
	struct store_file *f;
	struct session *s;
	char message[2048], expected[512], *before, *now;
	size_t before_len, now_len;
	const char *why;
	struct diag d;

	open_ok(path, &f, &s);
	save_expect(f, s, SAVE_OK);
	before = slurp(path, &before_len);
	assert_true(session_vote_add(s, content, 4, 2, &why));
	calls = 0;
	fail_at = at;
	fail_errno = err;
	set();
	assert_int_equal(store_save(f, s, &d), SAVE_FAILED);
	fileio_reset();
	snprintf(expected, sizeof(expected), "%s: cannot save: %s", path, strerror(err));
	assert_string_equal(diag_format(&d, message, sizeof(message)), expected);
	assert_true(s->dirty);
	assert_int_equal(temp_files(), 0);
	now = slurp(path, &now_len);
	if (!renamed) {
		assert_int_equal(now_len, before_len);
		assert_memory_equal(now, before, before_len);
	} else {
		assert_non_null(strstr(now, "votes: [2]"));
	}
	free(now);
	free(before);
	save_expect(f, s, SAVE_OK);
	assert_false(s->dirty);
	store_close(f);
	session_free(s);
}

static void use_bad_write(void)
{
	fileio.write = bad_write;
}
static void use_bad_fsync(void)
{
	fileio.fsync = bad_fsync;
}
static void use_bad_close(void)
{
	fileio.close = bad_close;
}
static void use_bad_rename(void)
{
	fileio.rename = bad_rename;
}
static void use_bad_mkstemp(void)
{
	fileio.mkstemp = bad_mkstemp;
}
static void use_bad_fchmod(void)
{
	fileio.fchmod = bad_fchmod;
}
static void use_bad_open(void)
{
	fileio.open = bad_open;
}

/* A full disk during the write. */
static void test_write_fails(void **state)
{
	(void)state;
	check_failure(use_bad_write, 1, ENOSPC, false);
}

/* An I/O error when the temporary file is flushed. */
static void test_fsync_fails(void **state)
{
	(void)state;
	check_failure(use_bad_fsync, 1, EIO, false);
}

/* An error reported only by close (NFS, quotas). */
static void test_close_fails(void **state)
{
	(void)state;
	check_failure(use_bad_close, 1, EIO, false);
}

/* A rename that fails (a read-only folder, a full directory). */
static void test_rename_fails(void **state)
{
	(void)state;
	check_failure(use_bad_rename, 1, EROFS, false);
}

/* No temporary file can be made (a read-only or full folder). */
static void test_mkstemp_fails(void **state)
{
	(void)state;
	check_failure(use_bad_mkstemp, 1, EACCES, false);
}

/* A session that cannot be saved where it lives goes to a rescue copy in the next folder
 * that takes it ($XDG_RUNTIME_DIR here), named after it; the session file is not touched. */
static void test_rescue_copy(void **state)
{
	struct store_file *f;
	struct session *s, *back;
	char runtime[128], rescued[1024], *before, *after, *bytes;
	size_t before_len, after_len, len;
	const char *why;
	struct diag d;

	(void)state;
	snprintf(runtime, sizeof(runtime), "%s/runtime", folder);
	assert_int_equal(mkdir(runtime, 0700), 0);
	setenv("XDG_RUNTIME_DIR", runtime, 1);
	open_ok(path, &f, &s);
	save_expect(f, s, SAVE_OK);
	before = slurp(path, &before_len);
	assert_true(session_vote_add(s, content, 4, 2, &why));
	calls = 0;
	fail_at = 1; /* the session's own folder refuses the temporary file */
	fail_errno = ENOSPC;
	use_bad_mkstemp();
	assert_true(store_save_rescue(s, path, rescued, sizeof(rescued), &d));
	fileio_reset();
	unsetenv("XDG_RUNTIME_DIR");
	assert_memory_equal(rescued, runtime, strlen(runtime));
	assert_non_null(strstr(rescued, "/work.rescued-"));
	after = slurp(path, &after_len);
	assert_int_equal(after_len, before_len);
	assert_memory_equal(after, before, before_len);
	bytes = slurp(rescued, &len);
	back = store_parse(rescued, bytes, len, content, &d);
	assert_non_null(back);
	assert_int_equal(back->scores[4].n_votes, 1);
	session_free(back);
	free(bytes);
	free(before);
	free(after);
	store_close(f);
	session_free(s);
}

/* The mode cannot be set. */
static void test_fchmod_fails(void **state)
{
	(void)state;
	check_failure(use_bad_fchmod, 1, EPERM, false);
}

/* The folder cannot be flushed after the rename: the new file is in place but not known to be
 * durable, so the save reports failure, the session stays dirty, and the retry is a normal save
 * (not a conflict with our own bytes). */
static void test_folder_fsync_fails(void **state)
{
	(void)state;
	check_failure(use_bad_fsync, 2, EIO, true);
}

/* The folder's descriptor cannot be closed after its flush. */
static void test_folder_close_fails(void **state)
{
	(void)state;
	check_failure(use_bad_close, 2, EIO, true);
}

/* The folder cannot be opened for its flush. */
static void test_folder_open_fails(void **state)
{
	(void)state;
	check_failure(use_bad_open, 1, EMFILE, true);
}

/* Short writes and interrupted writes still give the whole file. */
static void test_short_and_interrupted_writes(void **state)
{
	struct store_file *f;
	struct session *s;
	char *expected, *now;
	size_t len, now_len;
	struct diag d;

	(void)state;
	open_ok(path, &f, &s);
	fail_at = -1;
	fileio.write = bad_write;
	save_expect(f, s, SAVE_OK);
	calls = 0;
	fail_at = 1;
	fail_errno = EINTR;
	save_expect(f, s, SAVE_OK);
	fileio_reset();
	assert_true(store_emit(s, &expected, &len, &d));
	now = slurp(path, &now_len);
	assert_string_equal(now, expected);
	free(now);
	free(expected);
	store_close(f);
	session_free(s);
}

/* ---- names, the default folder, the list --------------------------------------------- */

/* A name made from a hostile title stays in the folder, as a plain visible file. */
static void test_path_for_title(void **state)
{
	static const struct {
		const char *title, *name;
	} cases[] = {
		{ "../../etc/passwd", "etc-passwd.yaml" },
		{ "/", "session.yaml" },
		{ ".", "session.yaml" },
		{ "..", "session.yaml" },
		{ "", "session.yaml" },
		{ "a/b", "a-b.yaml" },
		{ "Één – twee", "een-twee.yaml" },
		{ "Ça Ñandú Ærø Straße", "ca-nandu-aero-strasse.yaml" },
		{ "  --Workshop  Sociale  Media--  ", "workshop-sociale-media.yaml" },
		{ ".hidden", "hidden.yaml" },
		{ "x\xff\xfey", "x-y.yaml" },
		{ "日本語", "session.yaml" },
	};
	char buf[512], title[301], expected[128];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(expected, sizeof(expected), "%s/%s", folder, cases[i].name);
		assert_true(store_path_for_title(folder, cases[i].title, buf, sizeof(buf)));
		assert_string_equal(buf, expected);
	}
	memset(title, 'a', 300);
	title[300] = '\0';
	assert_true(store_path_for_title(folder, title, buf, sizeof(buf)));
	assert_int_equal(strlen(buf), strlen(folder) + 1 + 60 + 5);
	put_file(expected, "taken");
	assert_true(store_path_for_title(folder, "日本語", buf, sizeof(buf)));
	snprintf(expected, sizeof(expected), "%s/session-2.yaml", folder);
	assert_string_equal(buf, expected);
	assert_false(store_path_for_title(folder, "x", buf, strlen(folder) + 4));
}

/* The default folder is made under XDG_DATA_HOME (when absolute) or HOME, mode 0700. */
static void test_default_dir(void **state)
{
	char buf[512], expected[512], *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char *saved_xdg = xdg ? strdup(xdg) : NULL, *saved_home = home ? strdup(home) : NULL;
	struct stat st;
	struct diag d;

	(void)state;
	snprintf(expected, sizeof(expected), "%s/data", folder);
	setenv("XDG_DATA_HOME", expected, 1);
	assert_true(store_default_dir(buf, sizeof(buf), &d));
	snprintf(expected, sizeof(expected), "%s/data/meetlat/sessions", folder);
	assert_string_equal(buf, expected);
	assert_int_equal(stat(buf, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	setenv("XDG_DATA_HOME", "relative/path", 1);
	setenv("HOME", folder, 1);
	assert_true(store_default_dir(buf, sizeof(buf), &d));
	snprintf(expected, sizeof(expected), "%s/.local/share/meetlat/sessions", folder);
	assert_string_equal(buf, expected);
	unsetenv("XDG_DATA_HOME");
	assert_false(store_default_dir(buf, 8, &d));
	assert_string_equal(d.message, "the name of the folder for sessions is too long");
	unsetenv("HOME");
	assert_false(store_default_dir(buf, sizeof(buf), &d));
	assert_string_equal(
		d.message,
		"no folder for sessions: set HOME or XDG_DATA_HOME, or name a session file");
	if (saved_xdg)
		setenv("XDG_DATA_HOME", saved_xdg, 1);
	if (saved_home)
		setenv("HOME", saved_home, 1);
	free(saved_xdg);
	free(saved_home);
}

/* Writes a session titled TITLE, updated at UPDATED, with ROWS rows scored, to NAME. */
static void put_session(const char *name, const char *title, const char *updated, size_t rows)
{
	struct session *s = session_new(content, title);
	const char *why;
	struct diag d;
	size_t len;
	char *buf, full[256];

	snprintf(full, sizeof(full), "%s/%s", folder, name);
	snprintf(s->updated, sizeof(s->updated), "%s", updated);
	for (size_t i = 0; i < rows; i++)
		assert_true(session_set_current(s, content, i, 2, &why));
	assert_true(session_move(s, content, 7, &why));
	assert_true(store_emit(s, &buf, &len, &d));
	put_file(full, buf);
	free(buf);
	session_free(s);
}

/* The list holds every visible *.yaml regular file, newest first, errors included. */
static void test_list(void **state)
{
	struct store_entry *e;
	char sub[256];
	struct diag d;
	size_t n;

	(void)state;
	put_session("old.yaml", "Old", "2026-01-01T10:00:00+01:00", 1);
	put_session("new.yaml", "New", "2026-01-01T09:30:00Z", 3); /* 10:30 in +01:00 */
	put_session("mid.conflict-20260101-100000.yaml", "Mid", "2026-01-01T10:15:00+01:00", 0);
	put_session(".hidden.yaml", "Hidden", "2027-01-01T10:00:00+01:00", 0);
	put_session("notes.txt", "Text", "2027-01-01T10:00:00+01:00", 0);
	snprintf(sub, sizeof(sub), "%s/garbage.yaml", folder);
	put_file(sub, "[[[");
	snprintf(sub, sizeof(sub), "%s/folder.yaml", folder);
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_true(store_list(folder, content, &e, &n, &d));
	assert_int_equal(n, 4);
	assert_string_equal(e[0].title, "New");
	assert_int_equal(e[0].rows_scored, 3);
	assert_int_equal(e[0].n_rows, 10);
	assert_int_equal(e[0].position, 7);
	assert_int_equal(e[0].n_steps, 23);
	assert_null(e[0].error);
	assert_string_equal(e[1].title, "Mid");
	assert_string_equal(e[2].title, "Old");
	assert_string_equal(e[3].title, "");
	assert_non_null(strstr(e[3].path, "garbage.yaml"));
	assert_non_null(strstr(e[3].error, "garbage.yaml:2:1: "));
	store_list_free(e, n);
	snprintf(sub, sizeof(sub), "%s/none", folder);
	assert_false(store_list(sub, content, &e, &n, &d));
	assert_string_equal(d.message, "cannot read the folder: No such file or directory");
}

/* ---- names of one file, and the lock across processes --------------------------------- */

/* Writes into BUF the path of NAME in the folder of the test. */
static char *in_folder(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "%s/%s", folder, name);
	return buf;
}

/* Opens NAME for writing in a child process and returns what it met: 0 opened, 1 refused
 * with the message EXPECTED (NULL: any), 2 refused otherwise (the message on stderr). The
 * lock of another process is what matters: flock locks conflict between processes. */
static int open_elsewhere(const char *name, const char *expected)
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0) {
		struct store_file *f;
		struct session *s;
		char message[2048];
		struct diag d;

		if (store_open(name, content, 0, &f, &s, &d))
			_exit(0);
		diag_format(&d, message, sizeof(message));
		if (!expected || strcmp(message, expected) == 0)
			_exit(1);
		fprintf(stderr, "refused as: %s\n", message);
		_exit(2);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

/* Writes into BUF the message a second meetlat gets for NAME: with the holder's pid when it
 * meets the lock file (the same real name), without when it meets the file's own lock. */
static const char *refusal(char *buf, size_t size, const char *name, bool with_pid)
{
	if (with_pid)
		snprintf(buf, size, "%s: is open in another meetlat (pid %ld)", name,
			 (long)getpid());
	else
		snprintf(buf, size, "%s: is open in another meetlat", name);
	return buf;
}

/* A session open here is refused to another process by every name of its file: itself, a
 * symbolic link, a name through a linked folder, a hard link made before opening (also after
 * saves, which replace the file), a hard link made after a save; once closed, each opens
 * again. */
static void test_names_of_one_file_refused(void **state)
{
	char sym[256], hard[256], later[256], folder_link[256], via[300], expected[512];
	struct store_file *f;
	struct session *s;
	const char *why;

	(void)state;
	open_ok(path, &f, &s);
	save_expect(f, s, SAVE_OK);
	store_close(f);
	session_free(s);
	assert_int_equal(symlink("work.yaml", in_folder(sym, sizeof(sym), "sym.yaml")), 0);
	assert_int_equal(link(path, in_folder(hard, sizeof(hard), "hard.yaml")), 0);
	assert_int_equal(symlink(folder, in_folder(folder_link, sizeof(folder_link), "linked")), 0);
	snprintf(via, sizeof(via), "%s/work.yaml", folder_link);
	open_ok(path, &f, &s);
	assert_int_equal(open_elsewhere(via, refusal(expected, sizeof(expected), via, true)), 1);
	assert_int_equal(open_elsewhere(path, refusal(expected, sizeof(expected), path, true)), 1);
	assert_int_equal(open_elsewhere(sym, refusal(expected, sizeof(expected), sym, true)), 1);
	assert_int_equal(open_elsewhere(hard, refusal(expected, sizeof(expected), hard, false)), 1);
	assert_true(session_vote_add(s, content, 0, 2, &why));
	save_expect(f, s, SAVE_OK);
	save_expect(f, s, SAVE_OK);
	assert_int_equal(open_elsewhere(hard, refusal(expected, sizeof(expected), hard, false)), 1);
	assert_int_equal(link(path, in_folder(later, sizeof(later), "later.yaml")), 0);
	assert_int_equal(open_elsewhere(later, refusal(expected, sizeof(expected), later, false)),
			 1);
	assert_int_equal(open_elsewhere(sym, refusal(expected, sizeof(expected), sym, true)), 1);
	store_close(f);
	session_free(s);
	assert_int_equal(open_elsewhere(path, NULL), 0);
	assert_int_equal(open_elsewhere(sym, NULL), 0);
	assert_int_equal(open_elsewhere(hard, NULL), 0);
	assert_int_equal(open_elsewhere(later, NULL), 0);
	assert_int_equal(open_elsewhere(via, NULL), 0);
}

/* A process killed (SIGKILL) with the session open leaves its lock file, which the kernel no
 * longer holds: the next open takes it without any warning. */
static void test_open_after_kill(void **state)
{
	struct store_file *f;
	struct session *s;
	int ready[2], status;
	char byte;
	pid_t pid;

	(void)state;
	assert_int_equal(pipe(ready), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct diag d;

		close(ready[0]);
		if (!store_open(path, content, 0, &f, &s, &d) ||
		    store_save(f, s, &d) != SAVE_OK || write(ready[1], "x", 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	close(ready[1]);
	assert_int_equal(read(ready[0], &byte, 1), 1);
	close(ready[0]);
	assert_int_equal(kill(pid, SIGKILL), 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	assert_true(present(".work.yaml.lock"));
	open_ok(path, &f, &s);
	assert_int_equal(s->n_warnings, 0);
	store_close(f);
	session_free(s);
	assert_false(present(".work.yaml.lock"));
}

/* Returns true when NAME is a symbolic link that points to TARGET. */
static bool links_to(const char *name, const char *target)
{
	char buf[512];
	ssize_t n = readlink(name, buf, sizeof(buf) - 1);

	if (n < 0)
		return false;
	buf[n] = '\0';
	return strcmp(buf, target) == 0;
}

/* Saving through a symbolic link to a file in another folder writes that file and leaves the
 * link a link: the temporary file and the lock file are next to the file itself, messages
 * name the link as given. A chain of links is followed; a link whose target does not exist
 * yet makes a new session there (titled after the link); a loop of links, and a link into a
 * folder that does not exist, are refused. */
static void test_save_through_symlink(void **state)
{
	char sub[256], target[256], link_name[256], chain[256], dangling[256], made[256];
	char loop[256], expected[512], message[2048], *text;
	struct store_file *f;
	struct session *s;
	const char *why;
	struct diag d;
	size_t len;

	(void)state;
	assert_int_equal(mkdir(in_folder(sub, sizeof(sub), "elsewhere"), 0700), 0);
	in_folder(target, sizeof(target), "elsewhere/real.yaml");
	put_session("elsewhere/real.yaml", "Real", "2026-01-01T10:00:00+01:00", 0);
	assert_int_equal(symlink("elsewhere/real.yaml", in_folder(link_name, sizeof(link_name),
								 "link.yaml")),
			 0);
	assert_int_equal(symlink("link.yaml", in_folder(chain, sizeof(chain), "chain.yaml")), 0);
	open_ok(chain, &f, &s);
	assert_string_equal(f->path, chain);
	assert_string_equal(s->meta[META_TITLE], "Real");
	assert_false(present(".chain.yaml.lock"));
	assert_true(present("elsewhere/.real.yaml.lock"));
	assert_true(session_vote_add(s, content, 1, 3, &why));
	save_expect(f, s, SAVE_OK);
	assert_true(links_to(link_name, "elsewhere/real.yaml"));
	assert_true(links_to(chain, "link.yaml"));
	text = slurp(target, &len);
	assert_non_null(strstr(text, "votes: [3]"));
	free(text);
	assert_int_equal(temp_files(), 0);
	calls = 0;
	fail_at = 1;
	fail_errno = ENOSPC;
	fileio.write = bad_write;
	assert_int_equal(store_save(f, s, &d), SAVE_FAILED);
	fileio_reset();
	snprintf(expected, sizeof(expected), "%s: cannot save: %s", chain, strerror(ENOSPC));
	assert_string_equal(diag_format(&d, message, sizeof(message)), expected);
	store_close(f);
	session_free(s);
	assert_false(present("elsewhere/.real.yaml.lock"));

	assert_int_equal(symlink("elsewhere/new.yaml",
				 in_folder(dangling, sizeof(dangling), "dangling.yaml")),
			 0);
	open_ok(dangling, &f, &s);
	assert_string_equal(s->meta[META_TITLE], "dangling");
	save_expect(f, s, SAVE_OK);
	assert_true(links_to(dangling, "elsewhere/new.yaml"));
	assert_int_equal(access(in_folder(made, sizeof(made), "elsewhere/new.yaml"), F_OK), 0);
	store_close(f);
	session_free(s);

	assert_int_equal(symlink("loop.yaml", in_folder(loop, sizeof(loop), "loop.yaml")), 0);
	assert_false(store_open(loop, content, 0, &f, &s, &d));
	snprintf(expected, sizeof(expected), "%s: cannot follow the name to a file: %s", loop,
		 strerror(ELOOP));
	assert_string_equal(diag_format(&d, message, sizeof(message)), expected);
	assert_int_equal(symlink("gone/s.yaml", in_folder(loop, sizeof(loop), "gone.yaml")), 0);
	assert_false(store_open(loop, content, 0, &f, &s, &d));
	snprintf(expected, sizeof(expected),
		 "%s: points to %s/gone/s.yaml, whose folder cannot be used: %s", loop, folder,
		 strerror(ENOENT));
	assert_string_equal(diag_format(&d, message, sizeof(message)), expected);
	assert_false(present(".gone.yaml.lock"));
}

/* A session file that may not be written (no write permission in its mode, which holds for
 * root too) opens only read-only; opening it for the workshop says so and touches nothing. */
static void test_read_only_file_refused(void **state)
{
	char before[4096], after[4096], expected[512], message[2048];
	struct store_file *f;
	struct session *s;
	struct diag d;

	(void)state;
	open_ok(path, &f, &s);
	save_expect(f, s, SAVE_OK);
	store_close(f);
	session_free(s);
	assert_int_equal(chmod(path, 0444), 0);
	folder_state(before, sizeof(before));
	assert_false(store_open(path, content, 0, &f, &s, &d));
	snprintf(expected, sizeof(expected),
		 "%s: the file is read-only, so the workshop cannot be saved in it: to look at "
		 "it, use meetlat --review; to go on with it, make the file writable first",
		 path);
	assert_string_equal(diag_format(&d, message, sizeof(message)), expected);
	folder_state(after, sizeof(after));
	assert_string_equal(before, after);
	assert_true(store_open(path, content, STORE_READ_ONLY, &f, &s, &d));
	store_close(f);
	session_free(s);
	assert_int_equal(chmod(path, 0600), 0);
}

/* ---- time stamps ---------------------------------------------------------------------- */

/* Returns the session parsed from a file whose `created` is STAMP (NULL with D on refusal). */
static struct session *parse_created(const char *stamp, struct diag *d)
{
	char yaml[512];

	snprintf(yaml, sizeof(yaml),
		 "meetlat_session: 1\ntitle: \"t\"\ncontent: {id: sociale-media-almanak}\n"
		 "created: %s\nupdated: 2026-11-26T15:40:12+01:00\n",
		 stamp);
	return store_parse("s.yaml", yaml, strlen(yaml), content, d);
}

/* `created` and `updated` are real moments: a date that exists, a time of day and an offset
 * from UTC; anything else is refused where it stands. */
static void test_time_stamps_checked(void **state)
{
	static const char *const bad[] = {
		"2026-11-26T99:99:99+99:99", "2026-02-30T10:00:00+01:00", "2026-11-26T24:00:00Z",
		"2026-11-26T10:60:00Z",      "2026-11-26T10:00:60Z",      "2026-11-26T10:00:00+24:00",
		"2026-11-26T10:00:00+01:60", "2026-11-26T10:00:00",       "2026-11-26T10:00:00.5Z",
		"2026-11-26t10:00:00Z",      "2026-11-26T1:00:00+01:00",  "2026-11-26T10:00:00+0100",
		"2026-11-26T10:00:00*01:00", "2026-11-26T10:0a:00Z",      "1899-12-31T10:00:00Z",
	};
	static const char *const good[] = { "2026-11-26T14:03:00+01:00", "2028-02-29T00:00:00Z",
					    "2026-11-26T23:59:59-12:00",
					    "2026-11-26T10:00:00+14:00" };
	char message[2048], expected[512];
	struct session *s;
	struct diag d;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		s = parse_created(bad[i], &d);
		if (s)
			fail_msg("accepted %s", bad[i]);
		snprintf(expected, sizeof(expected),
			 "s.yaml:4:10: expected a time written YYYY-MM-DDTHH:MM:SS+HH:MM for "
			 "'created', found '%s'",
			 bad[i]);
		assert_string_equal(diag_format(&d, message, sizeof(message)), expected);
	}
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		s = parse_created(good[i], &d);
		if (!s)
			fail_msg("refused %s: %s", good[i], diag_format(&d, message, sizeof(message)));
		assert_string_equal(s->created, good[i]);
		session_free(s);
	}
}

/* Returns the value of the line "KEY: ..." of the session file at NAME (malloc'd). */
static char *file_value(const char *name, const char *key)
{
	size_t len, n = strlen(key);
	char *text = slurp(name, &len), *value = NULL;

	for (char *line = text; line && *line && !value; line = strchr(line, '\n')) {
		line += *line == '\n';
		if (strncmp(line, key, n) == 0 && line[n] == ':' && line[n + 1] == ' ')
			value = strndup(line + n + 2, strcspn(line + n + 2, "\n"));
	}
	free(text);
	if (!value)
		fail_msg("%s holds no %s", name, key);
	return value;
}

/* Saves the session S of F in time zone TZ and checks that `updated` holds the moment of the
 * save in local time with the offset it has in TZ; returns what the file says (malloc'd). */
static char *save_in_zone(struct store_file *f, struct session *s, const char *tz)
{
	time_t before, after;
	const char *why;
	char *updated;
	bool found = false;

	use_zone(tz);
	assert_true(session_vote_add(s, content, 0, 2, &why));
	before = time(NULL);
	save_expect(f, s, SAVE_OK);
	after = time(NULL);
	updated = file_value(path, "updated");
	for (time_t t = before; t <= after && !found; t++) {
		char expected[32];

		session_time_format(t, expected, sizeof(expected));
		found = strcmp(updated, expected) == 0;
	}
	if (!found)
		fail_msg("saved in %s, the file says updated: %s", tz, updated);
	assert_string_equal(s->updated, updated);
	return updated;
}

/* A save writes `updated` as the local time of the save with its offset (in Amsterdam +01:00
 * or +02:00, in UTC +00:00), reopened as written; `created`, read in the old form with Z,
 * stays as it was read through every save. */
static void test_saved_stamps_local(void **state)
{
	static const char old[] = "meetlat_session: 1\ntitle: \"Oud\"\n"
				  "content: {id: sociale-media-almanak}\n"
				  "created: 2025-11-26T13:03:00Z\nupdated: 2025-11-26T14:40:12Z\n";
	char *saved = zone_save(), *updated, *created;
	struct store_file *f, *g;
	struct session *s, *t;

	(void)state;
	put_file(path, old);
	open_ok(path, &f, &s);
	assert_string_equal(s->created, "2025-11-26T13:03:00Z");
	assert_string_equal(s->updated, "2025-11-26T14:40:12Z");
	updated = save_in_zone(f, s, "Europe/Amsterdam");
	assert_true(strcmp(updated + 19, "+01:00") == 0 || strcmp(updated + 19, "+02:00") == 0);
	free(updated);
	updated = save_in_zone(f, s, "UTC");
	assert_string_equal(updated + 19, "+00:00");
	created = file_value(path, "created");
	assert_string_equal(created, "2025-11-26T13:03:00Z");
	store_close(f);
	use_zone("America/St_Johns"); /* the zone of the reader changes nothing */
	open_ok(path, &g, &t);
	assert_string_equal(t->updated, updated);
	assert_string_equal(t->created, "2025-11-26T13:03:00Z");
	check_equal_sessions(s, t);
	store_close(g);
	session_free(t);
	session_free(s);
	free(created);
	free(updated);
	zone_restore(saved);
}

/* A session of another content is refused, leaving the file and no lock behind, unless
 * STORE_ANY_CONTENT is given: then it opens (read-only too), says which content it named,
 * and its first save names the content it is open with and keeps what that cannot place. */
static void test_other_content_flag(void **state)
{
	static const char other[] =
		"meetlat_session: 1\ntitle: \"t\"\ncontent: {id: andere}\n"
		"scores:\n  elders: {current: 2}\ntimings:\n- {step: \"score:elders\", seconds: 9}\n";
	struct store_file *f;
	struct session *s;
	char other_path[128], *text, expected[160];
	struct diag d;
	const char *why;
	size_t len;

	(void)state;
	snprintf(other_path, sizeof(other_path), "%s/other.yaml", folder);
	put_file(other_path, other);
	assert_false(store_open(other_path, content, 0, &f, &s, &d));
	assert_non_null(strstr(d.message, "scored against the content 'andere'"));
	assert_false(present(".other.yaml.lock"));
	assert_true(store_open(other_path, content, STORE_READ_ONLY | STORE_ANY_CONTENT, &f, &s,
			       &d));
	assert_string_equal(s->other_content_id, "andere");
	store_close(f);
	session_free(s);
	assert_true(store_open(other_path, content, STORE_ANY_CONTENT, &f, &s, &d));
	assert_true(present(".other.yaml.lock"));
	text = slurp(other_path, &len);
	assert_string_equal(text, other); /* opening writes nothing */
	free(text);
	assert_true(session_vote_add(s, content, 0, 2, &why));
	save_expect(f, s, SAVE_OK);
	text = slurp(other_path, &len);
	snprintf(expected, sizeof(expected),
		 "\ncontent: {id: sociale-media-almanak, sha256: \"%s\"}\n", content->sha256);
	assert_non_null(strstr(text, expected));
	assert_non_null(strstr(text, "\n  elders:\n    current: 2\n"));
	assert_non_null(strstr(text, "\n- {step: \"score:elders\", seconds: 9}\n"));
	free(text);
	store_close(f);
	session_free(s);
	assert_true(store_open(other_path, content, 0, &f, &s, &d)); /* now it is this content's */
	assert_null(s->other_content_id);
	store_close(f);
	session_free(s);
}

/* Returns what store_lock_listed finds in TEXT, a list of locks as /proc/locks writes it,
 * for the file DEV:INO whose lock file names PID. */
static bool listed_in(const char *text, dev_t dev, ino_t ino, long pid)
{
	FILE *locks = fmemopen((void *)text, strlen(text), "r");
	bool held;

	assert_non_null(locks);
	held = store_lock_listed(locks, dev, ino, pid);
	fclose(locks);
	return held;
}

/* Which meetlat holds a session is read from the kernel's list of locks: a flock on the lock
 * file (its device, in hexadecimal, and inode) is held; one a process only waits for ("->")
 * is not, not even for the pid the lock file names; a POSIX lock is no meetlat's, nor is a
 * flock on another file or device, unless it is taken by the pid the lock file names (on an
 * overlay file system the list names the file below it). Without a list, the lock counts as
 * held while the pid the lock file names runs. */
static void test_lock_detection_from_the_list(void **state)
{
	static const char listed[] = "1: POSIX  ADVISORY  WRITE 4321 fe:01:555 0 EOF\n"
				     "2: FLOCK  ADVISORY  WRITE 99 08:02:777 0 EOF\n"
				     "3: FLOCK  ADVISORY  WRITE 1234 fe:01:666 0 EOF\n";
	static const char waited[] = "1: FLOCK  ADVISORY  WRITE 1234 fe:01:666 0 EOF\n"
				     "1: -> FLOCK  ADVISORY  WRITE 2222 fe:01:555 0 EOF\n";
	dev_t dev = makedev(0xfe, 0x01);
	struct stat st = { .st_dev = dev, .st_ino = 555 };
	FILE *locks;
	pid_t child;

	(void)state;
	assert_true(listed_in(listed, dev, 666, 0)); /* the flock on the file */
	assert_false(listed_in(listed, dev, 555, 0)); /* a POSIX lock on it */
	assert_false(listed_in(listed, dev, 777, 0)); /* 777 of another device */
	assert_false(listed_in(listed, makedev(8, 1), 777, 0)); /* another minor */
	assert_true(listed_in(listed, makedev(8, 2), 777, 0));
	assert_true(listed_in(listed, dev, 888, 99)); /* the named pid's flock: overlay */
	assert_false(listed_in(listed, dev, 888, 4321)); /* the named pid's POSIX lock */
	assert_false(listed_in(waited, dev, 555, 0)); /* only waited for */
	assert_false(listed_in(waited, dev, 555, 2222)); /* the waiter holds nothing */
	assert_true(listed_in(waited, dev, 555, 1234));

	locks = fmemopen((void *)waited, strlen(waited), "r");
	assert_non_null(locks);
	assert_false(store_lock_held(locks, &st, 0)); /* a list: it is what counts */
	fclose(locks);
	assert_true(store_lock_held(NULL, &st, (long)getpid())); /* no list: a running pid */
	assert_false(store_lock_held(NULL, &st, 0));
	child = fork();
	assert_true(child >= 0);
	if (child == 0)
		_exit(0);
	assert_int_equal(waitpid(child, NULL, 0), child);
	assert_false(store_lock_held(NULL, &st, (long)child)); /* ended: not held */
}

#define FOLDER_TEST(t) cmocka_unit_test_setup_teardown(t, make_folder, remove_folder)

int main(void)
{
	const struct CMUnitTest tests[] = {
		FOLDER_TEST(test_open_save_reopen),
		FOLDER_TEST(test_title_from_file_name),
		FOLDER_TEST(test_lock_refuses_second_open),
		FOLDER_TEST(test_holder_seen_without_locking),
		cmocka_unit_test(test_lock_detection_from_the_list),
		FOLDER_TEST(test_unheld_lock_file_taken),
		FOLDER_TEST(test_stale_temps_removed),
		FOLDER_TEST(test_changed_file_not_clobbered),
		FOLDER_TEST(test_same_size_same_second_change_seen),
		FOLDER_TEST(test_change_with_restored_mtime_seen),
		FOLDER_TEST(test_touched_file_saved_untouched_not_read),
		FOLDER_TEST(test_created_or_vanished_file),
		FOLDER_TEST(test_unreadable_file_refused),
		FOLDER_TEST(test_not_a_file),
		FOLDER_TEST(test_read_only_writes_nothing),
		FOLDER_TEST(test_names_of_one_file_refused),
		FOLDER_TEST(test_open_after_kill),
		FOLDER_TEST(test_save_through_symlink),
		FOLDER_TEST(test_read_only_file_refused),
		FOLDER_TEST(test_time_stamps_checked),
		FOLDER_TEST(test_saved_stamps_local),
		FOLDER_TEST(test_write_fails),
		FOLDER_TEST(test_fsync_fails),
		FOLDER_TEST(test_close_fails),
		FOLDER_TEST(test_rename_fails),
		FOLDER_TEST(test_mkstemp_fails),
		FOLDER_TEST(test_fchmod_fails),
		FOLDER_TEST(test_rescue_copy),
		FOLDER_TEST(test_folder_fsync_fails),
		FOLDER_TEST(test_folder_close_fails),
		FOLDER_TEST(test_folder_open_fails),
		FOLDER_TEST(test_short_and_interrupted_writes),
		FOLDER_TEST(test_path_for_title),
		FOLDER_TEST(test_default_dir),
		FOLDER_TEST(test_list),
		FOLDER_TEST(test_other_content_flag),
	};

	return cmocka_run_group_tests(tests, load_content, free_content);
}
