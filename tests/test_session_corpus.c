/* test_session_corpus.c - the session reader over every file of the YAML test suite (valid
 * and invalid): each ends in a session or in an error with a location, never in a crash, a
 * hang or a leak (run under ASan+UBSan by make check). Run from the repository root. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "store.h"
#include "store_impl.h"
#include "builtin_content.h"

static const char corpus[] = "tests/corpus/yaml-test-suite";

/* A session header put before each corpus file, so that the file's keys reach the reader
 * and the writer as unknown keys to keep. */
static const char header[] = "meetlat_session: 1\ntitle: \"t\"\n"
			     "content: {id: sociale-media-almanak}\n";

/* Reads the LEN bytes at BUF (named PATH) as a session; returns it, or NULL after checking
 * that the refusal has a location. */
static struct session *parse_located(const char *path, const char *buf, size_t len)
{
	char message[2048];
	struct session *s;
	struct diag d;

	s = store_parse(path, buf, len, content, &d);
	if (!s && (d.line < 1 || d.column < 1 || !d.message[0]))
		fail_msg("refused without a location: %s",
			 diag_format(&d, message, sizeof(message)));
	return s;
}

/* Returns true when the trees A and B hold the same texts in the same shapes. */
static bool same_tree(const struct ynode *a, const struct ynode *b)
{
	size_t n = a->kind == YNODE_MAPPING ? 2 * a->count : a->count;

	if (a->kind != b->kind || a->count != b->count)
		return false;
	if (a->kind == YNODE_SCALAR)
		return a->length == b->length && memcmp(a->text, b->text, a->length) == 0;
	for (size_t i = 0; i < n; i++)
		if (!same_tree(a->items[i], b->items[i]))
			return false;
	return true;
}

/* Returns the session read back from what S writes (the bytes in *TEXT), failing the test when
 * that does not read. */
static struct session *rewrite(const char *path, const struct session *s, char **text)
{
	char message[2048];
	struct session *again;
	struct diag d;
	size_t len;

	if (!store_emit(s, text, &len, &d))
		fail_msg("%s: cannot write back: %s", path, d.message);
	again = store_parse(path, *text, len, content, &d);
	if (!again)
		fail_msg("%s written back does not read: %s\n%s", path,
			 diag_format(&d, message, sizeof(message)), *text);
	return again;
}

/* Writes S and reads it back: the unknown keys it kept must come back with the same texts;
 * after one round (where a plain text libyaml cannot write plain becomes quoted) the bytes
 * written no longer change. */
static void check_rewrite(const char *path, const struct session *s)
{
	struct session *once = NULL, *twice;
	char *first, *second, *third;

	once = rewrite(path, s, &first);
	for (size_t i = 0; i < s->origin->root->count; i++) {
		const struct ynode *key = ynode_key(s->origin->root, i);
		const struct ynode *back = ynode_get(once->origin->root, key->text);

		if (yfield_known(store_fields, SF_COUNT, key->text))
			continue;
		if (!back || !same_tree(ynode_value(s->origin->root, i), back))
			fail_msg("%s: the unknown key '%s' did not come back as it was\n%s", path,
				 key->text, first);
	}
	twice = rewrite(path, once, &second);
	session_free(rewrite(path, twice, &third));
	assert_string_equal(second, third);
	free(first);
	free(second);
	free(third);
	session_free(twice);
	session_free(once);
}

/* Reads the file PATH as a session, which none of them is, then behind a session header;
 * returns whether that loaded (then it must write back). */
static bool read_one(const char *path)
{
	char *buf, *joined, message[2048];
	struct session *s;
	bool loaded = false;
	struct diag d;
	size_t len;

	if (!ydoc_read_file(path, 1u << 24, &buf, &len, &d))
		fail_msg("%s", diag_format(&d, message, sizeof(message)));
	s = parse_located(path, buf, len);
	if (s)
		fail_msg("%s loaded as a session", path);
	joined = malloc(sizeof(header) + len);
	assert_non_null(joined);
	memcpy(joined, header, sizeof(header) - 1);
	memcpy(joined + sizeof(header) - 1, buf, len + 1);
	s = parse_located(path, joined, sizeof(header) - 1 + len);
	if (s) {
		check_rewrite(path, s);
		loaded = true;
	}
	session_free(s);
	free(joined);
	free(buf);
	return loaded;
}

/* Reads every *.yaml file of the corpus folder SUB; returns how many files there were and
 * stores in *LOADED how many gave a session behind a header. */
static size_t read_folder(const char *sub, size_t *loaded)
{
	char folder[256];
	struct dirent *de;
	size_t files = 0;
	DIR *dp;

	snprintf(folder, sizeof(folder), "%s/%s", corpus, sub);
	dp = opendir(folder);
	if (!dp)
		fail_msg("cannot open %s: run the test from the repository root", folder);
	*loaded = 0;
	while ((de = readdir(dp)) != NULL) {
		size_t len = strlen(de->d_name);
		char path[512];

		if (len < 6 || strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", folder, de->d_name);
		*loaded += read_one(path);
		files++;
	}
	closedir(dp);
	return files;
}

/* The valid YAML files: as they are, none is a session; behind a header, the block mappings
 * among them load as sessions with unknown keys, which write back. */
static void test_valid_corpus(void **state)
{
	size_t loaded;

	(void)state;
	assert_true(read_folder("valid", &loaded) > 200);
	assert_true(loaded > 10);
}

/* The invalid YAML files: located errors (the few that libyaml accepts anyway load behind a
 * header and must then write back like any other). */
static void test_invalid_corpus(void **state)
{
	size_t loaded;

	(void)state;
	assert_true(read_folder("invalid", &loaded) > 50);
	assert_true(loaded < 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_corpus),
		cmocka_unit_test(test_invalid_corpus),
	};

	return cmocka_run_group_tests(tests, load_content, free_content);
}
