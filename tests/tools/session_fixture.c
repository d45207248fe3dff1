/* session_fixture.c - makes, saves and checks session files for the shell tests and the
 * benchmark, through the same API the program uses (the built-in almanac as content).
 *
 *   session_fixture hostile PATH        save a session full of hostile texts; print what it
 *                                       holds as JSON on standard output
 *   session_fixture loop PATH [SAVES]   check PATH and print its counter, then save states
 *                                       counter+1, +2, ... (SAVES of them; 0: until killed)
 *   session_fixture verify PATH         check that PATH holds one whole state; print its counter
 *   session_fixture grow PATH BYTES     add BYTES of notes to PATH (created if new) and save
 *   session_fixture actions PATH N      save a new session with N actions
 *   session_fixture bench-save PATH N   time N durable saves; print the median
 *   session_fixture bench-load PATH     time opening PATH; print it and the peak memory
 *
 * Exit status: 0 done, 1 failed (the reason on standard error), 2 wrong usage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "content.h"
#include "hostile_strings.h"
#include "session.h"
#include "store.h"

static struct content *content;

/* Prints D (sanitised) and returns the failure status. */
static int failed(const struct diag *d)
{
	diag_print(d, stderr);
	return 1;
}

/* Prints "session_fixture: MESSAGE" and returns the failure status. */
static int complain(const char *message)
{
	fprintf(stderr, "session_fixture: %s\n", message);
	return 1;
}

/* Saves S to F, printing why when it fails; returns true when saved where it was. */
static bool save(struct store_file *f, struct session *s)
{
	struct diag d;

	if (store_save(f, s, &d) == SAVE_OK)
		return true;
	diag_print(&d, stderr);
	return false;
}

/* ---- hostile ------------------------------------------------------------------------- */

/* Writes TEXT to standard output as a JSON string. */
static void json_string(const char *text)
{
	putchar('"');
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p == '"' || *p == '\\')
			printf("\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			printf("\\u%04x", *p);
		else
			putchar(*p);
	}
	putchar('"');
}

/* Fills S with the hostile texts: metadata, a note per row, an action per text. */
static bool fill_hostile(struct session *s)
{
	const char *why = NULL;
	bool ok = session_set_meta(s, META_TITLE, "één: yes # no", &why) &&
		  session_set_meta(s, META_ORGANISATION, "null", &why) &&
		  session_set_meta(s, META_GROUP, "0123", &why) &&
		  session_set_meta(s, META_FACILITATOR, "'\"\\ ~ : - x", &why) &&
		  session_set_meta(s, META_DATE, "2026-11-26", &why) &&
		  session_set_meta(s, META_PARTICIPANTS, "8", &why);

	for (size_t i = 0; ok && i < HOSTILE_COUNT; i++) {
		const char *text = hostile_strings[i];
		struct action_fields f = { .text = text[0] ? text : "-",
					   .owner = hostile_one_line(text) ? text : "",
					   .due = i % 2 ? "2027-01-15" : "" };

		ok = session_action_add(s, content, &f, &why) >= 0;
		if (ok && i < content->n_dimensions)
			ok = session_set_note(s, i, text, &why) &&
			     session_vote_add(s, content, i, 1 + (int)(i % 4), &why);
	}
	if (!ok)
		fprintf(stderr, "session_fixture: refused: %s\n", why ? why : "?");
	return ok;
}

/* Prints the texts of S as JSON: metadata, notes per row id, actions. */
static void print_texts(const struct session *s)
{
	printf("{\"meta\": {");
	for (int f = 0; f < META_COUNT; f++) {
		printf("%s\"%s\": ", f ? ", " : "", session_meta_key((enum session_meta)f));
		json_string(s->meta[f]);
	}
	printf("}, \"notes\": {");
	for (size_t i = 0; i < s->n_scores; i++) {
		printf("%s\"%s\": ", i ? ", " : "", s->scores[i].dimension);
		json_string(s->scores[i].note);
	}
	printf("}, \"actions\": [");
	for (size_t i = 0; i < s->n_actions; i++) {
		printf("%s{\"text\": ", i ? ", " : "");
		json_string(s->actions[i].text);
		printf(", \"owner\": ");
		json_string(s->actions[i].owner);
		printf(", \"due\": ");
		json_string(s->actions[i].due);
		printf("}");
	}
	printf("]}\n");
}

/* hostile PATH */
static int run_hostile(struct store_file *f, struct session *s)
{
	if (!fill_hostile(s) || !save(f, s))
		return 1;
	print_texts(s);
	return 0;
}

/* ---- loop and verify ----------------------------------------------------------------- */

/* Writes into BUF (SIZE bytes) the note that state N has on row 0. */
static void state_note(unsigned long n, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (unsigned long i = 0; i < n % 40 && used + 24 < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%lu: 'x' \"y\"\n", n);
}

/* Makes S hold state N: the counter in the title, the organisation and the note; N % 7
 * actions; N % 20 votes on row 1. */
static bool set_state(struct session *s, unsigned long n)
{
	char title[64], org[64], note[2048];
	const char *why;
	bool ok;

	snprintf(title, sizeof(title), "loop %lu", n);
	snprintf(org, sizeof(org), "org %lu", n);
	state_note(n, note, sizeof(note));
	ok = session_set_meta(s, META_TITLE, title, &why) &&
	     session_set_meta(s, META_ORGANISATION, org, &why) &&
	     session_set_note(s, 0, note, &why);
	while (ok && s->n_actions)
		ok = session_action_delete(s, 0, &why);
	for (unsigned long i = 0; ok && i < n % 7; i++) {
		char text[64];

		snprintf(text, sizeof(text), "action %lu.%lu", n, i);
		ok = session_action_add(s, content, &(struct action_fields){ .text = text },
					&why) >= 0;
	}
	while (ok && s->scores[1].n_votes)
		ok = session_vote_undo(s, 1, &why);
	for (unsigned long i = 0; ok && i < n % 20; i++)
		ok = session_vote_add(s, content, 1, 1 + (int)(i % 4), &why);
	return ok;
}

/* Returns the counter of the state S holds, or 0 when S is not exactly one state. */
static unsigned long state_of(const struct session *s)
{
	char expected_org[64], expected_note[2048], expected_text[64];
	unsigned long n;

	if (sscanf(s->meta[META_TITLE], "loop %lu", &n) != 1)
		return 0;
	snprintf(expected_org, sizeof(expected_org), "org %lu", n);
	state_note(n, expected_note, sizeof(expected_note));
	if (strcmp(s->meta[META_ORGANISATION], expected_org) != 0 ||
	    strcmp(s->scores[0].note, expected_note) != 0 || s->n_actions != n % 7 ||
	    s->scores[1].n_votes != n % 20)
		return 0;
	for (size_t i = 0; i < s->n_actions; i++) {
		snprintf(expected_text, sizeof(expected_text), "action %lu.%zu", n, i);
		if (strcmp(s->actions[i].text, expected_text) != 0)
			return 0;
	}
	return n;
}

/* Prints the counter of the state S holds (0 for a new session); false when S is not one
 * whole state. */
static bool check_state(const struct store_file *f, const struct session *s, unsigned long *n)
{
	*n = f->on_disk ? state_of(s) : 0;
	if (f->on_disk && *n == 0) {
		fprintf(stderr, "session_fixture: %s does not hold one whole state\n", f->path);
		return false;
	}
	printf("%lu\n", *n);
	fflush(stdout);
	return true;
}

/* loop PATH [SAVES]: saves states after the one found, SAVES of them or until killed. */
static int run_loop(struct store_file *f, struct session *s, unsigned long saves)
{
	unsigned long n;

	if (!check_state(f, s, &n))
		return 1;
	for (unsigned long i = 0; saves == 0 || i < saves; i++)
		if (!set_state(s, ++n) || !save(f, s))
			return 1;
	return 0;
}

/* ---- grow, actions ------------------------------------------------------------------- */

/* grow PATH BYTES: spreads BYTES of text over the notes of the rows, then saves. */
static int run_grow(struct store_file *f, struct session *s, unsigned long bytes)
{
	char *text = malloc(SESSION_TEXT_MAX + 1);
	const char *why;
	bool ok = text != NULL;

	for (size_t row = 0; ok && row < content->n_dimensions; row++) {
		size_t len = bytes < 10000 ? bytes : 10000;

		memset(text, 'a' + (int)row, len);
		text[len] = '\0';
		bytes -= len;
		ok = session_set_note(s, row, text, &why);
	}
	free(text);
	if (!ok)
		return complain("cannot set the notes");
	return save(f, s) ? 0 : 1;
}

/* actions PATH N: adds N actions, each with a text, an owner, a row and a due date. */
static int run_actions(struct store_file *f, struct session *s, unsigned long n)
{
	const char *why;

	for (unsigned long i = 0; i < n; i++) {
		char text[128];
		struct action_fields a = { .text = text,
					   .owner = "Gemeente Voorbeeld, team 3",
					   .dimension = content->dimensions[i % 10].id,
					   .due = "2027-01-15" };

		snprintf(text, sizeof(text), "Actie %lu: één ding regelen, \"iedereen\" #x", i);
		if (session_action_add(s, content, &a, &why) < 0)
			return complain(why);
	}
	return save(f, s) ? 0 : 1;
}

/* ---- benchmarks ---------------------------------------------------------------------- */

/* Returns the time in seconds on a monotonic clock. */
static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Orders doubles. */
static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* bench-save PATH N: times N saves, each after a change, and prints the median. */
static int run_bench_save(struct store_file *f, struct session *s, unsigned long n)
{
	double *times = calloc(n ? n : 1, sizeof(*times));
	const char *why;

	if (!times)
		return complain("out of memory");
	for (unsigned long i = 0; i < n; i++) {
		double start;

		if (!session_vote_add(s, content, i % 10, 1 + (int)(i % 4), &why)) {
			free(times);
			return complain(why);
		}
		start = now();
		if (!save(f, s)) {
			free(times);
			return 1;
		}
		times[i] = now() - start;
	}
	qsort(times, n, sizeof(*times), by_value);
	printf("durable save: median %.2f ms of %lu saves (fastest %.2f ms, slowest %.2f ms)\n",
	       n ? times[n / 2] * 1e3 : 0.0, n, n ? times[0] * 1e3 : 0.0,
	       n ? times[n - 1] * 1e3 : 0.0);
	free(times);
	return 0;
}

/* Returns the peak resident memory of this process in KiB. */
static long peak_kib(void)
{
	struct rusage ru;

	return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : 0;
}

/* bench-load PATH: times opening PATH read-only (read, parse, check) and prints the peak
 * memory before and after. */
static int run_bench_load(const char *path)
{
	struct store_file *f;
	struct session *s;
	long before = peak_kib();
	double start = now(), took;
	struct diag d;

	if (!store_open(path, content, STORE_READ_ONLY, &f, &s, &d))
		return failed(&d);
	took = now() - start;
	printf("load of a session with %zu actions: %.2f ms; peak memory %ld KiB (%ld KiB before "
	       "loading)\n",
	       s->n_actions, took * 1e3, peak_kib(), before);
	session_free(s);
	store_close(f);
	return 0;
}

/* ---- the command line ---------------------------------------------------------------- */

/* Runs MODE on the session at PATH (opened for writing) with the number ARG. */
static int run_mode(const char *mode, const char *path, unsigned long arg)
{
	struct store_file *f;
	struct session *s;
	struct diag d;
	unsigned long n;
	int status = 2;

	if (!store_open(path, content, 0, &f, &s, &d))
		return failed(&d);
	if (strcmp(mode, "hostile") == 0)
		status = run_hostile(f, s);
	else if (strcmp(mode, "loop") == 0)
		status = run_loop(f, s, arg);
	else if (strcmp(mode, "verify") == 0)
		status = check_state(f, s, &n) ? 0 : 1;
	else if (strcmp(mode, "grow") == 0)
		status = run_grow(f, s, arg);
	else if (strcmp(mode, "actions") == 0)
		status = run_actions(f, s, arg);
	else if (strcmp(mode, "bench-save") == 0)
		status = run_bench_save(f, s, arg);
	session_free(s);
	store_close(f);
	return status;
}

int main(int argc, char **argv)
{
	struct diag d;
	int status;

	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: session_fixture MODE PATH [NUMBER] (see the source)\n");
		return 2;
	}
	content = content_load_builtin(&d);
	if (!content)
		return failed(&d);
	if (strcmp(argv[1], "bench-load") == 0)
		status = run_bench_load(argv[2]);
	else
		status = run_mode(argv[1], argv[2], argc == 4 ? strtoul(argv[3], NULL, 10) : 0);
	if (status == 2)
		fprintf(stderr, "session_fixture: unknown mode '%s'\n", argv[1]);
	content_free(content);
	return status;
}
