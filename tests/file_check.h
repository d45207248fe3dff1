/* file_check.h - what a test asks of a file on disk: its mtime, and whether it still holds
 * the bytes and the mtime it had at a moment (a reader must never write it). Include after
 * cmocka.h. */
#ifndef MEETLAT_TESTS_FILE_CHECK_H
#define MEETLAT_TESTS_FILE_CHECK_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Returns the mtime of PATH in nanoseconds (the test fails when PATH has none). */
static inline long long mtime_of(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
}

/* What a file held at one moment: its bytes (malloc'd) and its mtime. */
struct file_state {
	char *bytes;
	size_t len;
	long long mtime;
};

/* Returns what the file PATH holds now (the test fails when it cannot be read). */
static inline struct file_state file_state_of(const char *path)
{
	struct file_state fs = { .mtime = mtime_of(path) };
	FILE *f = fopen(path, "rb");
	size_t cap = 0, n;

	assert_non_null(f);
	do {
		if (fs.len == cap) {
			cap = cap ? 2 * cap : 4096;
			fs.bytes = realloc(fs.bytes, cap);
			assert_non_null(fs.bytes);
		}
		n = fread(fs.bytes + fs.len, 1, cap - fs.len, f);
		fs.len += n;
	} while (n > 0);
	fclose(f);
	return fs;
}

/* Returns true when the file PATH holds the bytes and has the mtime of BEFORE. */
static inline bool file_state_kept(const char *path, const struct file_state *before)
{
	struct file_state now = file_state_of(path);
	bool same = now.mtime == before->mtime && now.len == before->len &&
		    memcmp(now.bytes, before->bytes, now.len) == 0;

	free(now.bytes);
	return same;
}

/* Releases what FS holds. */
static inline void file_state_free(struct file_state *fs)
{
	free(fs->bytes);
	fs->bytes = NULL;
}

#endif
