/* test_alloc_fail.c - every allocation that loading content, reading, emitting, saving and
 * exporting a session makes can fail, one at a time, and each such run either succeeds with
 * the same result or reports an error; none crashes, and none leaks (ASan's leak checker
 * looks at exit). The allocations are failed through the table in base/mem.h; what libyaml
 * allocates inside itself is not seen by it and so is not failed here. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtin.h"
#include "builtin_content.h"
#include "content_fixtures.h"
#include "export.h"
#include "failing_alloc.h"
#include "mem.h"
#include "store.h"

enum { WHY_MAX = DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64 };

/* Returns true when WHY says that memory ran out, or (unless NEEDS_OOM) says anything. */
static bool says_out_of_memory(const char *why, bool needs_oom)
{
	if (!needs_oom)
		return why[0] != '\0';
	return strstr(why, "out of memory") || strstr(why, strerror(ENOMEM));
}

/* One scenario: true with its result (malloc'd text) in *OUT, or false with the message it
 * reported in WHY. */
typedef bool scenario(char **out, char *why);

/* Runs RUN once to count its allocations N, then N times more failing allocation 1..N in
 * turn; asserts that each run reaches the allocation it fails and then either gives the same
 * result or reports running out of memory (NEEDS_OOM) or any error. Returns N. */
static unsigned long exercise(const char *name, scenario *run, bool needs_oom)
{
	char why[WHY_MAX] = "", *want = NULL, *got;
	unsigned long n;

	mem = (struct mem){ failing_malloc, failing_calloc, failing_realloc, free };
	alloc_count = fail_at = 0;
	if (!run(&want, why))
		fail_msg("%s without a failure: %s", name, why);
	n = alloc_count;
	for (fail_at = 1; fail_at <= n; fail_at++) {
		alloc_count = 0;
		got = NULL;
		why[0] = '\0';
		if (run(&got, why) ? strcmp(got, want) != 0 : !says_out_of_memory(why, needs_oom))
			fail_msg("%s, allocation %lu failing: '%s' (want '%s')", name, fail_at,
				 got ? got : why, want);
		free(got);
		if (alloc_count < fail_at)
			fail_msg("%s made %lu allocations, fewer than %lu", name, alloc_count,
				 fail_at);
	}
	mem_reset();
	free(want);
	printf("%s: %lu failure points\n", name, n);
	assert_true(n > 0);
	return n;
}

/* Returns a malloc'd copy of the text FMT makes. */
static char *text_of(const char *fmt, ...)
{
	va_list ap, again;
	char *out;
	int len;

	va_start(ap, fmt);
	va_copy(again, ap);
	len = vsnprintf(NULL, 0, fmt, ap);
	assert_true(len >= 0);
	assert_non_null(out = malloc((size_t)len + 1));
	vsnprintf(out, (size_t)len + 1, fmt, again);
	va_end(again);
	va_end(ap);
	return out;
}

/* Writes D formatted to WHY; returns false. */
static bool reported(const struct diag *d, char *why)
{
	diag_format(d, why, WHY_MAX);
	return false;
}

/* ---- content ---------------------------------------------------------------------------- */

/* Describes loaded content C in *OUT and frees it. */
static bool content_result(struct content *c, char **out)
{
	*out = text_of("%s %zu steps", c->sha256, c->n_steps);
	content_free(c);
	return true;
}

/* Loads the shipped almanac with content_load_buffer. */
static bool load_shipped(char **out, char *why)
{
	struct diag d;
	struct content *c = content_load_buffer("almanak.yaml", (const char *)content_builtin_yaml,
						content_builtin_yaml_len, &d);

	return c ? content_result(c, out) : reported(&d, why);
}

/* Loads the LEN bytes at TEXT with content_load_buffer_all: the errors it found, one a line,
 * in *OUT when none says memory ran out (else that one in WHY), or the content's digest. */
static bool load_all(const char *text, size_t len, char **out, char *why)
{
	struct diag_list errors;
	char line[WHY_MAX];
	struct content *c = content_load_buffer_all("t.yaml", text, len, &errors);
	size_t size = 0;
	FILE *f;

	if (c)
		return content_result(c, out);
	assert_true(errors.count > 0);
	assert_non_null(f = open_memstream(out, &size));
	for (size_t i = 0; i < errors.count; i++) {
		diag_format(&errors.items[i], line, sizeof(line));
		if (strstr(line, "out of memory")) {
			snprintf(why, WHY_MAX, "%s", line);
			fclose(f);
			free(*out);
			*out = NULL;
			return false;
		}
		fprintf(f, "%s\n", line);
	}
	fclose(f);
	return true;
}

/* Loads the shipped almanac with content_load_buffer_all. */
static bool load_shipped_all(char **out, char *why)
{
	return load_all((const char *)content_builtin_yaml, content_builtin_yaml_len, out, why);
}

/* Loads the content with many errors with content_load_buffer: its first error. */
static bool load_errors(char **out, char *why)
{
	struct diag d;
	struct content *c =
		content_load_buffer("t.yaml", content_many_errors, strlen(content_many_errors), &d);

	if (c)
		return content_result(c, out);
	reported(&d, why);
	if (strstr(why, "out of memory"))
		return false;
	*out = text_of("%s", why);
	return true;
}

/* Loads the content with many errors with content_load_buffer_all: all its errors. */
static bool load_errors_all(char **out, char *why)
{
	return load_all(content_many_errors, strlen(content_many_errors), out, why);
}

static void test_content_loads(void **state)
{
	(void)state;
	exercise("content_load_buffer, shipped almanac", load_shipped, true);
	exercise("content_load_buffer_all, shipped almanac", load_shipped_all, true);
	exercise("content_load_buffer, many errors", load_errors, true);
	exercise("content_load_buffer_all, many errors", load_errors_all, true);
}

/* ---- sessions --------------------------------------------------------------------------- */

/* A session with unknown keys, rows and an action the content lacks (so warnings), timings
 * the content cannot place and a step timed twice (so kept timings), and actions; %s is the
 * content's sha256. */
static const char session_format[] =
	"meetlat_session: 1\n"
	"title: \"Unknown keys\"\n"
	"x-top: plain words\n"
	"future: { a: [1, \"two\", yes], b: null, c: {d: 'e'} }\n"
	"content: { id: sociale-media-almanak, sha256: \"%s\", revision: 7 }\n"
	"created: 2026-11-26T14:03:00+01:00\n"
	"updated: 2026-11-26T15:40:12+01:00\n"
	"participants: 8\n"
	"position: 3\n"
	"scores:\n"
	"  gone-row:\n"
	"    votes: [1]\n"
	"    note: \"kept\"\n"
	"  content:\n"
	"    votes: [3, 3, 2, 4]\n"
	"    note: \"a note\"\n"
	"    weight: \"high\"\n"
	"actions:\n"
	"  - { text: \"Do it\", dimension: conversatie, owner: \"Ann\", due: 2027-01-15, "
	"done: false, priority: 1 }\n"
	"  - { text: \"Old\", dimension: vanished, done: true }\n"
	"timings:\n"
	"  - { step: 3, seconds: 412, paused: true }\n"
	"  - { step: 1, seconds: 30 }\n"
	"  - { step: 3, seconds: 8, by: \"Ann\" }\n"
	"  - { step: 99, seconds: 5 }\n"
	"tail: 'single'\n";

static char session_yaml[4096]; /* session_format for the built-in almanac */

/* Returns the session file as written for S, its warnings after it; NULL with WHY. */
static char *emitted(const struct session *s, char *why)
{
	struct diag d;
	char *buf, *out;
	size_t len;

	if (!store_emit(s, &buf, &len, &d))
		return reported(&d, why), NULL;
	out = text_of("%.*s%zu warnings\n", (int)len, buf, s->n_warnings);
	for (size_t i = 0; i < s->n_warnings; i++) {
		char *more = text_of("%s%s\n", out, s->warnings[i]);

		free(out);
		out = more;
	}
	free(buf);
	return out;
}

/* Reads the session with store_parse and writes it back with store_emit. */
static bool read_and_emit(char **out, char *why)
{
	struct diag d;
	struct session *s = store_parse("s.yaml", session_yaml, strlen(session_yaml), content, &d);

	if (!s)
		return reported(&d, why);
	*out = emitted(s, why);
	session_free(s);
	return *out != NULL;
}

/* Reads the session with store_read (any content) and writes it back with store_emit. */
static bool read_any_and_emit(char **out, char *why)
{
	struct diag d;
	struct session *s = store_read("s.yaml", session_yaml, strlen(session_yaml), content,
				       STORE_ANY_CONTENT, &d);

	if (!s)
		return reported(&d, why);
	*out = emitted(s, why);
	session_free(s);
	return *out != NULL;
}

static char folder[] = "/tmp/meetlat-alloc-XXXXXX"; /* where store_save writes */

/* Removes every file in FOLDER. */
static void empty_folder(void)
{
	DIR *dp = opendir(folder);
	struct dirent *e;
	char path[sizeof(folder) + 256];

	assert_non_null(dp);
	while ((e = readdir(dp)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			snprintf(path, sizeof(path), "%s/%s", folder, e->d_name);
			assert_int_equal(unlink(path), 0);
		}
	closedir(dp);
}

/* Returns a malloc'd copy of TEXT without its "updated:" line (which a save sets to now). */
static char *without_updated(const char *text)
{
	const char *at = strstr(text, "\nupdated:"), *end = at ? strchr(at + 1, '\n') : NULL;

	return end ? text_of("%.*s%s", (int)(at - text), text, end) : text_of("%s", text);
}

/* Returns the bytes of the file PATH without its "updated:" line, malloc'd. */
static char *file_without_updated(const char *path)
{
	char buf[8192], *out;
	FILE *f = fopen(path, "r");
	size_t len;

	assert_non_null(f);
	len = fread(buf, 1, sizeof(buf) - 1, f);
	assert_true(len < sizeof(buf) - 1);
	buf[len] = '\0';
	fclose(f);
	out = without_updated(buf);
	return out;
}

/* Writes the session into FOLDER, opens it with store_open and saves it with store_save: the
 * file as saved; a failed save leaves the file exactly as it was (store.h: SAVE_FAILED means
 * the old file is intact), and the session stays dirty, for a retry. */
static bool open_and_save(char **out, char *why)
{
	char path[sizeof(folder) + 16], *now, *before;
	struct store_file *f;
	struct session *s;
	struct diag d;
	enum save_result saved;
	bool s_dirty;
	FILE *w;

	empty_folder();
	snprintf(path, sizeof(path), "%s/s.yaml", folder);
	assert_non_null(w = fopen(path, "w"));
	fputs(session_yaml, w);
	assert_int_equal(fclose(w), 0);
	if (!store_open(path, content, 0, &f, &s, &d))
		return reported(&d, why);
	s->dirty = true;
	saved = store_save(f, s, &d);
	s_dirty = s->dirty;
	session_free(s);
	store_close(f);
	now = file_without_updated(path);
	if (saved == SAVE_OK) {
		*out = now;
		return true;
	}
	if (saved != SAVE_FAILED)
		fail_msg("save gave %d with allocation %lu failing: %s", saved, fail_at, d.message);
	before = without_updated(session_yaml);
	if (strcmp(now, before) || !s_dirty)
		fail_msg("failed save (%s) with allocation %lu failing changed the file or left "
			 "the session clean", d.message, fail_at);
	free(before);
	free(now);
	return reported(&d, why);
}

static void test_sessions(void **state)
{
	(void)state;
	snprintf(session_yaml, sizeof(session_yaml), session_format, content->sha256);
	assert_non_null(mkdtemp(folder));
	exercise("store_parse + store_emit", read_and_emit, true);
	exercise("store_read + store_emit", read_any_and_emit, true);
	exercise("store_open + store_save", open_and_save, true);
	empty_folder();
	assert_int_equal(rmdir(folder), 0);
}

/* ---- exports ---------------------------------------------------------------------------- */

static enum export_format export_format; /* what export_session writes */

/* Reads the session (not failed) and exports it in EXPORT_FORMAT into memory. */
static bool export_session(char **out, char *why)
{
	struct export_options opt = { .format = export_format };
	unsigned long failing = fail_at;
	struct session *s;
	struct diag d;
	size_t size = 0;
	FILE *f;
	bool ok;

	fail_at = 0;
	s = store_parse("s.yaml", session_yaml, strlen(session_yaml), content, &d);
	assert_non_null(s);
	alloc_count = 0;
	fail_at = failing;
	assert_non_null(f = open_memstream(out, &size));
	ok = session_export(f, s, content, &opt);
	assert_int_equal(fclose(f), 0);
	session_free(s);
	if (!ok) {
		free(*out);
		*out = NULL;
		snprintf(why, WHY_MAX, "the export failed");
	}
	return ok;
}

static void test_exports(void **state)
{
	static const char *const names[] = { "session_export md", "session_export csv",
					     "session_export html" };

	(void)state;
	snprintf(session_yaml, sizeof(session_yaml), session_format, content->sha256);
	for (export_format = 0; export_format < EXPORT_FORMAT_COUNT; export_format++)
		exercise(names[export_format], export_session, false);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_content_loads),
		cmocka_unit_test(test_sessions),
		cmocka_unit_test(test_exports),
	};

	return cmocka_run_group_tests(tests, load_content, free_content);
}
