/* test_store_vote.c - the sidecar of phone voting next to a session file: written, it reads
 * back as written and holds only the address and the row (mode 0600, a hidden sibling);
 * written again it is replaced by a rename (a new file, no temporary left); removed, none
 * is open; a missing, garbled, oversized or non-regular one reads as "no vote open"; what
 * is not an address or a row's id is never written; the meetlat that takes the session's
 * lock removes the one a killed meetlat left, a read-only open leaves it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store.h"
#include "store_vote.h"
#include "builtin_content.h"

static char folder[64], path[128], sidecar[160], lock[160];

/* Makes a new empty folder with the name of a session file in it (not written). */
static int make_folder(void **state)
{
	(void)state;
	snprintf(folder, sizeof(folder), "/tmp/meetlat-vote-XXXXXX");
	if (!mkdtemp(folder))
		return -1;
	snprintf(path, sizeof(path), "%s/work.yaml", folder);
	snprintf(sidecar, sizeof(sidecar), "%s/.work.yaml.vote", folder);
	snprintf(lock, sizeof(lock), "%s/.work.yaml.lock", folder);
	return 0;
}

/* Removes what the tests leave in the folder, and the folder. */
static int remove_folder(void **state)
{
	(void)state;
	unlink(sidecar);
	unlink(lock);
	unlink(path);
	return rmdir(folder);
}

/* Returns how many names (besides . and ..) the folder holds. */
static int names_in_folder(void)
{
	DIR *dp = opendir(folder);
	struct dirent *de;
	int n = 0;

	assert_non_null(dp);
	while ((de = readdir(dp)) != NULL)
		n += strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0;
	closedir(dp);
	return n;
}

/* Writes TEXT (LEN bytes) as the sidecar, by hand. */
static void put_sidecar(const char *text, size_t len)
{
	FILE *fp = fopen(sidecar, "w");

	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

/* Fails unless the sidecar reads as no vote open, and leaves V empty. */
static void no_vote(void)
{
	struct store_vote v;

	memset(&v, 'x', sizeof(v));
	assert_false(store_vote_read(path, &v));
	assert_string_equal(v.url, "");
	assert_string_equal(v.row, "");
}

/* Written, the sidecar is the hidden sibling, mode 0600, and holds exactly the version, the
 * address and the row's id; it reads back as written, with a row and without one. */
static void test_written_and_read_back(void **state)
{
	struct store_vote v = { "http://127.0.0.1:8421/k7m2p9x", "beleid" }, back;
	static const char want[] = "meetlat-vote: 1\nurl: http://127.0.0.1:8421/k7m2p9x\nrow: beleid\n";
	char *name = store_vote_name(path), text[256] = "";
	struct stat st;
	FILE *fp;

	(void)state;
	assert_string_equal(name, sidecar);
	free(name);
	assert_true(store_vote_write(path, &v));
	assert_int_equal(stat(sidecar, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	fp = fopen(sidecar, "r");
	assert_non_null(fp);
	assert_int_equal(fread(text, 1, sizeof(text) - 1, fp), strlen(want));
	fclose(fp);
	assert_string_equal(text, want);
	assert_true(store_vote_read(path, &back));
	assert_string_equal(back.url, v.url);
	assert_string_equal(back.row, "beleid");

	snprintf(v.url, sizeof(v.url), "http://[::1]:40000/abcde");
	v.row[0] = '\0'; /* only the participants' page is kept open */
	assert_true(store_vote_write(path, &v));
	assert_true(store_vote_read(path, &back));
	assert_string_equal(back.url, "http://[::1]:40000/abcde");
	assert_string_equal(back.row, "");
	assert_int_equal(names_in_folder(), 1);
}

/* Written again, the sidecar is a new file renamed over the old one (another inode: a reader
 * that has the old one open reads all of it), and no temporary file is left beside it. */
static void test_replaced_atomically(void **state)
{
	struct store_vote a = { "http://127.0.0.1:8421/aaaaa", "one" };
	struct store_vote b = { "http://127.0.0.1:8421/aaaaa", "two" }, back;
	struct stat before, after;
	char old[128] = "";
	FILE *held;

	(void)state;
	assert_true(store_vote_write(path, &a));
	assert_int_equal(stat(sidecar, &before), 0);
	held = fopen(sidecar, "r");
	assert_non_null(held);
	assert_true(store_vote_write(path, &b));
	assert_int_equal(stat(sidecar, &after), 0);
	assert_true(before.st_ino != after.st_ino);
	assert_true(fread(old, 1, sizeof(old) - 1, held) > 0);
	fclose(held);
	assert_non_null(strstr(old, "row: one\n")); /* the old one, whole */
	assert_true(store_vote_read(path, &back));
	assert_string_equal(back.row, "two");
	assert_int_equal(names_in_folder(), 1);
}

/* Removed, no vote is open; removing when there is none is not a failure. */
static void test_removed(void **state)
{
	struct store_vote v = { "http://127.0.0.1:8421/aaaaa", "one" };

	(void)state;
	assert_true(store_vote_write(path, &v));
	assert_true(store_vote_remove(path));
	assert_int_equal(access(sidecar, F_OK), -1);
	no_vote();
	assert_true(store_vote_remove(path));
	assert_int_equal(names_in_folder(), 0);
}

/* A missing sidecar, or one that is not as meetlat writes it, is no vote open. */
static void test_missing_or_garbled(void **state)
{
	static const char *const garbled[] = {
		"",
		"meetlat-vote: 1\n",
		"meetlat-vote: 2\nurl: http://127.0.0.1:1/aaaaa\nrow: one\n",
		"url: http://127.0.0.1:1/aaaaa\nrow: one\n",
		"meetlat-vote: 1\nurl: http://127.0.0.1:1/aaaaa\nrow: one", /* cut short */
		"meetlat-vote: 1\nurl: http://127.0.0.1:1/aaaaa\nrow: one\nrow: two\n",
		"meetlat-vote: 1\nurl: http://127.0.0.1:1/a a\nrow: one\n",
		"meetlat-vote: 1\nurl: javascript:alert(1)\nrow: one\n",
		"meetlat-vote: 1\nurl: http://127.0.0.1:1/\x1b]0;x\a\nrow: one\n",
		"meetlat-vote: 1\nurl: http://127.0.0.1:1/aaaaa\nrow: Row One\n",
		"meetlat-vote: 1\nurl:\nrow: one\n",
		"meetlat-vote: 1\nrow: one\nurl: http://127.0.0.1:1/aaaaa\n",
	};
	static const char with_nul[] = "meetlat-vote: 1\nurl: http://127.0.0.1:1/aaaaa\nrow: o\0ne\n";
	char big[2048];

	(void)state;
	no_vote(); /* none there */
	for (size_t i = 0; i < sizeof(garbled) / sizeof(garbled[0]); i++) {
		put_sidecar(garbled[i], strlen(garbled[i]));
		no_vote();
	}
	put_sidecar(with_nul, sizeof(with_nul) - 1);
	no_vote();
	memset(big, 'a', sizeof(big));
	memcpy(big, "meetlat-vote: 1\nurl: http://", 28);
	put_sidecar(big, sizeof(big));
	no_vote();
	unlink(sidecar);
	assert_int_equal(mkdir(sidecar, 0700), 0); /* not a regular file */
	no_vote();
	assert_int_equal(rmdir(sidecar), 0);
	put_sidecar("meetlat-vote: 1\nurl: http://127.0.0.1:1/aaaaa\nrow: one\n", 54);
	assert_int_equal(rename(sidecar, path), 0);
	assert_int_equal(symlink(path, sidecar), 0); /* a link is not followed */
	no_vote();
}

/* What is not an address or a row's id is refused (EINVAL) and nothing is written. */
static void test_invalid_not_written(void **state)
{
	static const struct store_vote bad[] = {
		{ "", "one" },
		{ "ftp://127.0.0.1/aaaaa", "one" },
		{ "http://127.0.0.1:1/a\nrow: two", "one" },
		{ "http://127.0.0.1:1/aaaaa", "One" },
		{ "http://127.0.0.1:1/aaaaa", "a\nb" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		errno = 0;
		assert_false(store_vote_write(path, &bad[i]));
		assert_int_equal(errno, EINVAL);
		assert_int_equal(names_in_folder(), 0);
	}
}

/* The meetlat that takes the session's lock removes a sidecar left by a killed one (so that
 * a follower never shows an old address while the new one holds the session); a read-only
 * open (--review, a follower) leaves it. */
static void test_stale_removed_by_the_holder(void **state)
{
	struct store_vote v = { "http://127.0.0.1:8421/aaaaa", "one" };
	struct store_file *f;
	struct session *s;
	struct diag d;

	(void)state;
	assert_true(store_open(path, content, 0, &f, &s, &d));
	assert_int_equal(store_save(f, s, &d), SAVE_OK);
	store_close(f);
	session_free(s);
	assert_true(store_vote_write(path, &v));
	assert_true(store_open(path, content, STORE_READ_ONLY, &f, &s, &d));
	store_close(f);
	session_free(s);
	assert_int_equal(access(sidecar, F_OK), 0);
	assert_true(store_open(path, content, 0, &f, &s, &d));
	assert_int_equal(access(sidecar, F_OK), -1);
	store_close(f);
	session_free(s);
}

#define FOLDER_TEST(t) cmocka_unit_test_setup_teardown(t, make_folder, remove_folder)

int main(void)
{
	const struct CMUnitTest tests[] = {
		FOLDER_TEST(test_written_and_read_back),
		FOLDER_TEST(test_replaced_atomically),
		FOLDER_TEST(test_removed),
		FOLDER_TEST(test_missing_or_garbled),
		FOLDER_TEST(test_invalid_not_written),
		FOLDER_TEST(test_stale_removed_by_the_holder),
	};

	return cmocka_run_group_tests(tests, load_content, free_content);
}
