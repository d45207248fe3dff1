/* test_content_corpus.c - every document of the YAML test suite through the tree reader and
 * the content loader: each ends in a result or a located error, never a crash, hang or leak. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <dirent.h>

#include "content.h"
#include "ynode.h"

static const char VALID_DIR[] = "tests/corpus/yaml-test-suite/valid";
static const char INVALID_DIR[] = "tests/corpus/yaml-test-suite/invalid";

/* Documents of invalid/ that libyaml 0.2.5 (a YAML 1.1 parser) accepts all the same: flow
 * content not indented past its key (9C9N, Y79Y-003), a comment without a space before it
 * (9JBA, CVW2, MUS6-00, SU5Z, X4QW), a tab or line break in a quoted text (DK95-01, QB6E),
 * "-" as a plain text in a flow list (G5U8, YJV2), and a folded block with an over-indented
 * empty line (S98Z). None bears on safety. Should the list change (a new libyaml, a change in
 * ynode.c), this test says so. */
static const char *const accepted_invalid[] = {
	"9C9N.yaml", "9JBA.yaml",   "CVW2.yaml", "DK95-01.yaml", "G5U8.yaml",     "MUS6-00.yaml",
	"QB6E.yaml", "S98Z.yaml",   "SU5Z.yaml", "X4QW.yaml",    "Y79Y-003.yaml", "YJV2.yaml",
};

struct names {
	char **names;
	size_t count;
};

/* Orders strings for qsort. */
static int name_order(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists the *.yaml files of DIR in N, sorted; fails the test when DIR cannot be read. */
static void list_yaml(const char *dir, struct names *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t cap = 0;

	if (!d)
		fail_msg("cannot open %s (run from the top of the source tree)", dir);
	n->names = NULL;
	n->count = 0;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);

		if (len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0)
			continue;
		if (n->count == cap) {
			cap = cap ? cap * 2 : 64;
			n->names = realloc(n->names, cap * sizeof(*n->names));
			assert_non_null(n->names);
		}
		n->names[n->count] = strdup(e->d_name);
		assert_non_null(n->names[n->count++]);
	}
	closedir(d);
	qsort(n->names, n->count, sizeof(*n->names), name_order);
}

/* Frees the list N. */
static void names_free(struct names *n)
{
	for (size_t i = 0; i < n->count; i++)
		free(n->names[i]);
	free(n->names);
}

/* Asserts that D holds a located error about PATH. */
static void expect_located(const struct diag *d, const char *path)
{
	char buf[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64];

	if (d->line < 1 || d->column < 1 || strcmp(d->file, path) != 0 || !d->message[0])
		fail_msg("not a located error for %s: %s", path, diag_format(d, buf, sizeof(buf)));
}

/* Runs the file PATH through ydoc_parse; returns true when it gave a tree. */
static bool through_ydoc(const char *path, const char *buf, size_t len)
{
	struct ydoc doc;
	struct diag d;
	bool ok = ydoc_parse(&doc, path, buf, len, &ylimits_default, &d);

	if (ok)
		assert_non_null(doc.root);
	else
		expect_located(&d, path);
	ydoc_free(&doc);
	return ok;
}

/* Runs the file PATH through content_load_buffer; returns true when it gave a content. */
static bool through_content(const char *path, const char *buf, size_t len)
{
	struct diag d;
	struct content *c = content_load_buffer(path, buf, len, &d);

	if (c) {
		assert_true(c->n_phases >= 2);
		assert_true(c->n_steps >= 1);
		content_free(c);
		return true;
	}
	expect_located(&d, path);
	return false;
}

struct tally {
	size_t trees, tree_errors, contents, content_errors;
};

/* Runs every document of DIR through both readers; lists in ACCEPTED (when not NULL) the names
 * that ydoc_parse accepted. */
static void run_dir(const char *dir, struct tally *t, struct names *accepted)
{
	struct names n;
	char path[512];

	list_yaml(dir, &n);
	assert_true(n.count > 50);
	memset(t, 0, sizeof(*t));
	for (size_t i = 0; i < n.count; i++) {
		struct diag d;
		char *buf;
		size_t len;

		snprintf(path, sizeof(path), "%s/%s", dir, n.names[i]);
		if (!ydoc_read_file(path, ylimits_default.max_bytes, &buf, &len, &d))
			fail_msg("cannot read %s: %s", path, d.message);
		if (through_ydoc(path, buf, len)) {
			t->trees++;
			if (accepted)
				accepted->names[accepted->count++] = strdup(n.names[i]);
		} else {
			t->tree_errors++;
		}
		if (through_content(path, buf, len))
			t->contents++;
		else
			t->content_errors++;
		free(buf);
	}
	printf("%s: %zu documents; ydoc_parse: %zu trees, %zu refused; "
	       "content_load_buffer: %zu loaded, %zu refused\n",
	       dir, n.count, t->trees, t->tree_errors, t->contents, t->content_errors);
	names_free(&n);
}

/* The valid documents: trees or located errors; none is a content. */
static void test_valid(void **state)
{
	struct tally t;

	(void)state;
	run_dir(VALID_DIR, &t, NULL);
	/* None of them is a content file; most are YAML that libyaml reads. */
	assert_int_equal(t.contents, 0);
	assert_true(t.trees > t.tree_errors);
}

/* The invalid documents: refused, but for the known few that libyaml reads. */
static void test_invalid(void **state)
{
	const size_t expected = sizeof(accepted_invalid) / sizeof(accepted_invalid[0]);
	struct names accepted = { calloc(200, sizeof(char *)), 0 };
	struct tally t;

	(void)state;
	assert_non_null(accepted.names);
	run_dir(INVALID_DIR, &t, &accepted);
	assert_int_equal(t.contents, 0);
	for (size_t i = 0; i < accepted.count; i++)
		printf("invalid/%s: accepted by libyaml 0.2.5 (YAML 1.1)\n", accepted.names[i]);
	assert_int_equal(accepted.count, expected);
	for (size_t i = 0; i < expected; i++)
		assert_string_equal(accepted.names[i], accepted_invalid[i]);
	names_free(&accepted);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_invalid),
	};

	return cmocka_run_group_tests_name("content_corpus", tests, NULL, NULL);
}
