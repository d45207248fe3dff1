/* test_report.c - the aggregates of `meetlat report` (report/report.h) on hand-made sessions:
 * the distribution of the agreed phases per row, the latest session of each team (by date,
 * then by its updated moment), the trend per team and date, the open actions (overdue by the
 * day given) read back from the spool, sessions of another content or content version
 * reported apart, memory that does not grow with the number of sessions, the walk over
 * files read in threads (the sessions handed over in the order of the walk, a broken file
 * named once in its place, a stop that leaves nothing behind), and the CSV and HTML writers
 * failing (never dropping a text) when memory runs out. */
#include <malloc.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "builtin_content.h"
#include "failing_alloc.h"
#include "mem.h"
#include "report.h"
#include "report_out.h"
#include "report_walk.h"
#include "store.h"

/* Returns a session of the built-in almanac for ORGANISATION and GROUP on DATE, updated at
 * UPDATED, titled TITLE. */
static struct session *team_session(const char *title, const char *organisation,
				    const char *group, const char *date, const char *updated)
{
	struct session *s = session_new(content, title);
	const char *why;

	assert_non_null(s);
	assert_true(session_set_meta(s, META_ORGANISATION, organisation, &why));
	assert_true(session_set_meta(s, META_GROUP, group, &why));
	assert_true(session_set_meta(s, META_DATE, date, &why));
	snprintf(s->updated, sizeof(s->updated), "%s", updated);
	return s;
}

/* Agrees CURRENT and TARGET for row DIM of S. */
static void agree(struct session *s, size_t dim, int current, int target)
{
	const char *why;

	assert_true(session_set_current(s, content, dim, current, &why));
	assert_true(session_set_target(s, content, dim, target, &why));
}

/* Folds S into R and frees it. */
static void fold(struct report *r, struct session *s, const char *file)
{
	assert_true(report_add(r, s, file));
	session_free(s);
}

/* Per row, the sessions are counted per agreed phase, "not agreed" as phase 0. */
static void test_distribution(void **state)
{
	struct report *r = report_new(content, "2026-12-01");
	struct session *a = team_session("a", "Utrecht", "Team", "2026-01-01", ""),
		       *b = team_session("b", "Utrecht", "Team", "2026-02-01", ""),
		       *c = team_session("c", "Ede", "Team", "2026-01-01", "");

	(void)state;
	agree(a, 0, 1, 3);
	agree(b, 0, 2, 3);
	agree(b, 9, 4, 4);
	fold(r, a, "a.yaml");
	fold(r, b, "b.yaml");
	fold(r, c, "c.yaml");
	assert_int_equal(r->n_sections, 1);
	assert_int_equal(r->sections[0].sessions, 3);
	assert_int_equal(r->sections[0].n_rows, content->n_dimensions);
	const struct report_row *row0 = &r->sections[0].rows[0], *row9 = &r->sections[0].rows[9];
	assert_string_equal(row0->name, content->dimensions[0].name);
	assert_int_equal(row0->current[0], 1);
	assert_int_equal(row0->current[1], 1);
	assert_int_equal(row0->current[2], 1);
	assert_int_equal(row0->current[3], 0);
	assert_int_equal(row0->target[0], 1);
	assert_int_equal(row0->target[3], 2);
	assert_int_equal(row9->current[0], 2);
	assert_int_equal(row9->current[4], 1);
	assert_int_equal(r->sections[0].rows[5].current[0], 3);
	report_free(r);
}

/* A team's latest session is the one of the latest date, whatever the order read; on the
 * same date the one updated last; the trend keeps one point per date, in date order. */
static void test_latest_and_trend(void **state)
{
	struct report *r = report_new(content, "2026-12-01");
	struct session *newer = team_session("newer", "Utrecht", "Team", "2026-06-01",
					     "2026-06-01T10:00:00+02:00"),
		       *older = team_session("older", "Utrecht", "Team", "2025-06-01",
					     "2026-07-01T10:00:00+02:00"),
		       *later_same_day = team_session("later", "Utrecht", "Team", "2026-06-01",
						      "2026-06-01T16:00:00+02:00"),
		       *other = team_session("other", "Utrecht", "Bestuur", "2024-01-01", "");
	const struct report_section *sec;
	size_t *groups, *points;

	(void)state;
	agree(newer, 1, 2, 3);
	agree(older, 1, 1, 2);
	agree(later_same_day, 1, 3, 4);
	agree(other, 1, 4, 0);
	fold(r, newer, "newer.yaml");
	fold(r, older, "older.yaml");
	fold(r, later_same_day, "later.yaml");
	fold(r, other, "other.yaml");
	sec = &r->sections[0];
	assert_int_equal(sec->n_groups, 2);
	groups = report_groups_sorted(sec);
	assert_non_null(groups);
	/* "Bestuur" before "Team" */
	assert_string_equal(sec->groups[groups[0]].group, "Bestuur");
	const struct report_group *team = &sec->groups[groups[1]];
	assert_string_equal(team->organisation, "Utrecht");
	assert_string_equal(team->title, "later");
	assert_string_equal(team->date, "2026-06-01");
	assert_int_equal(team->sessions, 3);
	assert_int_equal(report_phase(&team->latest, 1, false), 3);
	assert_int_equal(report_phase(&team->latest, 1, true), 4);
	assert_int_equal(report_phase(&team->latest, 0, false), 0);
	/* the trend: Bestuur 2024, Team 2025, Team 2026 (the later of that day) */
	assert_int_equal(sec->n_points, 3);
	points = report_points_sorted(sec);
	assert_non_null(points);
	assert_string_equal(sec->points[points[0]].date, "2024-01-01");
	assert_string_equal(sec->points[points[1]].date, "2025-06-01");
	assert_int_equal(report_phase(&sec->points[points[1]].phases, 1, false), 1);
	assert_string_equal(sec->points[points[2]].date, "2026-06-01");
	assert_int_equal(report_phase(&sec->points[points[2]].phases, 1, false), 3);
	free(groups);
	free(points);
	report_free(r);
}

/* A session file of another content, with the rows BEREIK and TOON. */
static const char other_content[] = "meetlat_session: 1\n"
				    "title: Ander\n"
				    "organisation: Ede\n"
				    "content: { id: andere-meetlat }\n"
				    "scores:\n"
				    "  bereik: { current: 2, target: 3 }\n"
				    "  content: { current: 1 }\n";

/* Returns the session read from TEXT, of any content. */
static struct session *read_text(const char *text)
{
	struct diag d;
	struct session *s = store_read("x.yaml", text, strlen(text), content, STORE_ANY_CONTENT, &d);

	if (!s)
		fail_msg("%s:%u:%u: %s", d.file, d.line, d.column, d.message);
	return s;
}

/* Sessions of another content id, or of another version of the same content, are reported
 * in sections of their own; another content's section has only the rows its files list. */
static void test_contents_apart(void **state)
{
	struct report *r = report_new(content, "2026-12-01");
	char old_version[1024];
	const struct report_section *other, *old;

	(void)state;
	fold(r, team_session("own", "Ede", "Team", "2026-01-01", ""), "own.yaml");
	fold(r, read_text(other_content), "other.yaml");
	snprintf(old_version, sizeof(old_version),
		 "meetlat_session: 1\ntitle: Oud\ncontent: { id: %s, sha256: \"%064d\" }\n",
		 content->id, 7);
	fold(r, read_text(old_version), "old.yaml");
	fold(r, team_session("own again", "Ede", "Team", "2026-02-01", ""), "own2.yaml");
	assert_int_equal(r->n_sections, 3);
	assert_int_equal(r->sections[0].sessions, 2);
	assert_true(r->sections[0].own);
	other = &r->sections[1];
	assert_string_equal(other->content_id, "andere-meetlat");
	assert_false(other->own);
	assert_int_equal(other->sessions, 1);
	/* the rows in the order of the file: content (a name the almanac has too), bereik */
	assert_int_equal(other->n_rows, 2);
	assert_int_equal(other->rows[0].current[1] + other->rows[1].current[1], 1);
	long bereik = strcmp(other->rows[0].id, "bereik") == 0 ? 0 : 1;
	assert_string_equal(other->rows[bereik].id, "bereik");
	assert_string_equal(other->rows[bereik].name, "bereik");
	assert_int_equal(other->rows[bereik].current[2], 1);
	assert_int_equal(other->rows[bereik].target[3], 1);
	old = &r->sections[2];
	assert_string_equal(old->content_id, content->id);
	assert_true(old->own);
	assert_int_equal(strspn(old->sha256, "0"), 63);
	report_free(r);
}

/* What report_each_action gives back, as one line per action. */
struct seen {
	char lines[8][256];
	size_t n;
};

/* Notes action A in the struct seen CTX. */
static bool note_action(void *ctx, const struct report_action *a)
{
	struct seen *seen = ctx;

	assert_true(seen->n < 8);
	snprintf(seen->lines[seen->n++], sizeof(seen->lines[0]), "%zu|%s|%s|%s|%s|%s|%s|%s|%d",
		 a->section, a->file, a->organisation, a->row_id, a->row_name, a->text, a->owner,
		 a->due, a->overdue);
	return true;
}

/* The open actions come back from the spool exactly, in the order read, the done ones left
 * out, overdue when due before the report's day; all, or per section (with the sections'
 * actions interleaved in the spool). */
static void test_actions(void **state)
{
	struct report *r = report_new(content, "2026-12-01");
	struct session *s = team_session("a", "Ede", "Team", "2026-01-01", "");
	const char *why;
	struct seen all = { 0 }, first = { 0 }, second = { 0 };
	struct action_fields plan = { "Plan; \"maken\"", content->dimensions[2].id, "Sanne",
				      "2026-11-30" };

	(void)state;
	assert_true(session_action_add(s, content, &plan, &why) == 0);
	assert_true(session_action_add(s, content,
				       &(struct action_fields){ "Klaar", NULL, "", "" }, &why) == 1);
	assert_true(session_action_toggle(s, 1, &why));
	assert_true(session_action_add(s, content,
				       &(struct action_fields){ "Later", NULL, "", "2026-12-01" },
				       &why) == 2);
	fold(r, s, "a.yaml");
	s = read_text("meetlat_session: 1\ntitle: B\ncontent: { id: ander }\n"
		      "actions:\n  - { text: Elders, dimension: bereik }\n");
	fold(r, s, "b.yaml");
	s = team_session("c", "Ede", "Team", "2026-02-01", "");
	assert_true(session_action_add(s, content,
				       &(struct action_fields){ "Daarna", NULL, "", "" }, &why) == 0);
	fold(r, s, "c.yaml");
	assert_int_equal(r->actions, 4);
	assert_int_equal(r->sections[0].open_actions, 3);
	assert_true(report_each_action(r, (size_t)-1, note_action, &all));
	assert_int_equal(all.n, 4);
	char expected[256];
	snprintf(expected, sizeof(expected), "0|a.yaml|Ede|%s|%s|Plan; \"maken\"|Sanne|2026-11-30|1",
		 content->dimensions[2].id, content->dimensions[2].name);
	assert_string_equal(all.lines[0], expected);
	assert_string_equal(all.lines[1], "0|a.yaml|Ede|||Later||2026-12-01|0");
	assert_string_equal(all.lines[2], "1|b.yaml||bereik|bereik|Elders|||0");
	assert_string_equal(all.lines[3], "0|c.yaml|Ede|||Daarna|||0");
	/* per section: each section's in the order read, the other's between them skipped;
	 * asked twice (the second time from the spool already grouped), the same */
	for (int pass = 0; pass < 2; pass++) {
		memset(&first, 0, sizeof(first));
		memset(&second, 0, sizeof(second));
		assert_true(report_each_action(r, 1, note_action, &second));
		assert_int_equal(second.n, 1);
		assert_string_equal(second.lines[0], all.lines[2]);
		assert_true(report_each_action(r, 0, note_action, &first));
		assert_int_equal(first.n, 3);
		assert_string_equal(first.lines[0], all.lines[0]);
		assert_string_equal(first.lines[1], all.lines[1]);
		assert_string_equal(first.lines[2], all.lines[3]);
	}
	report_free(r);
}

/* ---- memory ------------------------------------------------------------------------- */

static size_t live; /* bytes held through the mem table */

static void *counting_malloc(size_t n)
{
	void *p = malloc(n);

	live += p ? malloc_usable_size(p) : 0;
	return p;
}

static void *counting_calloc(size_t n, size_t size)
{
	void *p = calloc(n, size);

	live += p ? malloc_usable_size(p) : 0;
	return p;
}

static void *counting_realloc(void *old, size_t n)
{
	size_t before = old ? malloc_usable_size(old) : 0;
	void *p = realloc(old, n);

	if (p)
		live += malloc_usable_size(p) - before;
	return p;
}

static void counting_free(void *p)
{
	live -= p ? malloc_usable_size(p) : 0;
	free(p);
}

/* Folds N sessions of 6 teams on 4 dates, each with an open action, into R. */
static void fold_many(struct report *r, size_t from, size_t n)
{
	const char *why;

	for (size_t i = from; i < from + n; i++) {
		char title[32], group[16], date[16];
		struct session *s;

		snprintf(title, sizeof(title), "Meting %05zu", i); /* one length: the same bytes */
		snprintf(group, sizeof(group), "Team %zu", i % 6);
		snprintf(date, sizeof(date), "2026-0%zu-01", 1 + i % 4);
		s = team_session(title, "Ede", group, date, "");
		agree(s, i % 10, 1 + (int)(i % 4), 4);
		assert_true(session_action_add(s, content,
					       &(struct action_fields){ "Open", NULL, "", "" },
					       &why) == 0);
		fold(r, s, "many.yaml");
	}
}

/* The report's memory does not grow with the number of sessions: after 200 sessions and
 * after 2,200 of the same teams and dates it holds the same bytes (the open actions, which
 * do grow, are in the spool, a file). */
static void test_memory_flat(void **state)
{
	struct report *r;
	size_t after_200, after_2200, actions, points;

	(void)state;
	mem.malloc = counting_malloc;
	mem.calloc = counting_calloc;
	mem.realloc = counting_realloc;
	mem.free = counting_free;
	live = 0;
	r = report_new(content, "2026-12-01");
	fold_many(r, 0, 200);
	after_200 = live;
	fold_many(r, 200, 2000);
	after_2200 = live;
	actions = r->actions;
	points = r->sections[0].n_points;
	report_free(r);
	mem_reset();
	assert_int_equal(actions, 2200);
	assert_int_equal(points, 12); /* 6 teams on 4 dates, i % 6 and i % 4: 12 pairs */
	assert_true(after_200 > 0);
	assert_int_equal(after_2200, after_200);
	assert_int_equal(live, 0);
}

/* ---- memory exhausted ----------------------------------------------------------------- */

/* Each allocation of making a report and folding sessions of two contents into it fails in
 * turn: report_new or report_add then says so, and the report is freed without a leak (ASan);
 * with no allocation failing, all sessions are counted. */
static void test_alloc_fail(void **state)
{
	struct session *s[4] = { team_session("a", "Ede", "Team", "2026-01-01", ""),
				 team_session("b", "Ede", "Bestuur", "2026-02-01", ""),
				 read_text(other_content), team_session("c", "Ede", "Team", "", "") };
	const char *why;
	bool ok = false;

	(void)state;
	agree(s[0], 3, 2, 4);
	assert_true(session_action_add(s[1], content,
				       &(struct action_fields){ "Open", NULL, "", "" }, &why) == 0);
	for (fail_at = 1; !ok; fail_at++) {
		struct report *r;
		size_t n = 0;

		failing_alloc_start();
		r = report_new(content, "2026-12-01");
		while (r && n < 4 && report_add(r, s[n], "x.yaml"))
			n++;
		mem_reset();
		ok = n == 4;
		if (ok)
			assert_true(alloc_count < fail_at && r->n_sections == 2 && r->sections[0].sessions == 3);
		report_free(r);
	}
	assert_true(fail_at > 20);
	for (size_t i = 0; i < 4; i++)
		session_free(s[i]);
}

enum { WALK_FILES = 40, WALK_BROKEN = 17 };

/* Writes WALK_FILES session files t00.yaml... into the new folder DIR (mkdtemp's template),
 * the one numbered WALK_BROKEN broken. */
static void write_walk_files(char *dir)
{
	assert_non_null(mkdtemp(dir));
	for (int i = 0; i < WALK_FILES; i++) {
		char path[256];
		FILE *f;

		snprintf(path, sizeof(path), "%s/t%02d.yaml", dir, i);
		assert_non_null(f = fopen(path, "w"));
		if (i == WALK_BROKEN)
			fputs("meetlat_session: 1\ntitle: [\n", f);
		else
			fprintf(f, "meetlat_session: 1\ntitle: \"t%02d\"\ncontent: { id: %s }\n", i,
				content->id);
		assert_int_equal(fclose(f), 0);
	}
}

/* Removes the folder DIR of write_walk_files. */
static void remove_walk_files(const char *dir)
{
	for (int i = 0; i < WALK_FILES; i++) {
		char path[256];

		snprintf(path, sizeof(path), "%s/t%02d.yaml", dir, i);
		unlink(path);
	}
	rmdir(dir);
}

/* What the walk handed over: the titles in order, and when to stop. */
struct walked {
	char titles[WALK_FILES][8];
	size_t n, stop_after;
};

/* Notes the title of S (report_walk's EACH); false once STOP_AFTER were noted. */
static bool note_walked(void *ctx, const struct session *s, const char *path,
			struct text *text)
{
	struct walked *wd = ctx;

	(void)path;
	(void)text;
	snprintf(wd->titles[wd->n++], sizeof(wd->titles[0]), "%s", s->meta[META_TITLE]);
	return wd->n != wd->stop_after;
}

/* Walks DIR with JOBS threads into WD; returns what went to the errors. */
static void walk_dir(char *dir, unsigned jobs, struct walked *wd, struct report_walk *w,
		     char *errors, size_t size)
{
	FILE *err = tmpfile();
	size_t n;

	assert_non_null(err);
	*w = (struct report_walk){ .c = content, .each = note_walked, .ctx = wd, .errors = err,
				   .jobs = jobs };
	report_walk(w, &dir, 1);
	rewind(err);
	n = fread(errors, 1, size - 1, err);
	errors[n] = '\0';
	fclose(err);
}

/* With 1 and 4 threads, every session is handed over in the order of the walk (the names'),
 * the broken file is named once, and a stop after 10 sessions hands over no more. */
static void test_walk_threads(void **state)
{
	char dir[] = "/tmp/meetlat-test-walk.XXXXXX", errors[4096];
	const unsigned jobs[] = { 1, 4 };

	(void)state;
	write_walk_files(dir);
	for (size_t j = 0; j < 2; j++) {
		struct walked wd = { .stop_after = 0 };
		struct report_walk w;
		size_t at = 0;

		walk_dir(dir, jobs[j], &wd, &w, errors, sizeof(errors));
		assert_int_equal(wd.n, WALK_FILES - 1);
		assert_int_equal(w.read, WALK_FILES - 1);
		assert_int_equal(w.skipped, 1);
		assert_false(w.stopped);
		for (int i = 0; i < WALK_FILES; i++) {
			char want[8];

			if (i == WALK_BROKEN)
				continue;
			snprintf(want, sizeof(want), "t%02d", i);
			assert_string_equal(wd.titles[at++], want);
		}
		assert_non_null(strstr(errors, "/t17.yaml:"));
		/* one line: the broken file's, once */
		assert_ptr_equal(strchr(errors, '\n'), errors + strlen(errors) - 1);

		wd = (struct walked){ .stop_after = 10 };
		walk_dir(dir, jobs[j], &wd, &w, errors, sizeof(errors));
		assert_true(w.stopped);
		assert_int_equal(wd.n, 10);
		assert_string_equal(wd.titles[9], "t09");
	}
	remove_walk_files(dir);
}

/* Folds S[0..N) into a new report and writes its CSV (HTML: its page) into *TEXT (from
 * open_memstream: free with free), the allocations of the writing (only) going through
 * failing_*; returns whether the writer said the report was whole. */
static bool write_report(struct session *const *s, size_t n, bool html, char **text)
{
	struct report *r = report_new(content, "2026-12-01");
	size_t len;
	FILE *f = open_memstream(text, &len);
	struct report_csv w;
	bool ok;

	assert_non_null(r);
	assert_non_null(f);
	for (size_t i = 0; i < n; i++)
		assert_true(report_add(r, s[i], "x.yaml"));
	failing_alloc_start();
	if (html) {
		ok = report_html(f, r);
	} else {
		report_csv_init(&w, f, r);
		ok = report_csv_begin(&w);
		for (size_t i = 0; i < n; i++) {
			struct text t = { 0 };

			report_csv_session(&w, &t, s[i], "x.yaml");
			ok = !t.failed && text_write(&t, f) && ok;
			text_free(&t);
		}
		ok = report_csv_actions(&w, r) && ok;
	}
	mem_reset();
	assert_int_equal(fclose(f), 0);
	report_free(r);
	return ok;
}

/* Each allocation of writing the CSV and the HTML page of sessions of two contents (one with
 * an action whose text is longer than the CSV's own buffer) fails in turn: the writer then
 * says the report is not whole (never a cell or text silently dropped), and nothing leaks
 * (ASan); with no allocation failing, it gives the report written without a failing
 * allocator, byte for byte. */
static void test_writers_alloc_fail(void **state)
{
	struct session *s[2] = { team_session("a", "Ede", "Team", "2026-01-01", ""),
				 read_text("meetlat_session: 1\ntitle: B\ncontent: { id: ander }\n"
					   "actions:\n  - { text: Elders, dimension: bereik }\n") };
	char long_text[400], *want, *got;
	const char *why;

	(void)state;
	memset(long_text, 'x', sizeof(long_text) - 1);
	long_text[sizeof(long_text) - 1] = '\0';
	agree(s[0], 1, 2, 3);
	assert_true(session_action_add(s[0], content,
				       &(struct action_fields){ long_text, NULL, "Sanne", "" },
				       &why) == 0);
	for (int html = 0; html < 2; html++) {
		bool ok = false;

		fail_at = 0;
		assert_true(write_report(s, 2, html, &want));
		for (fail_at = 1; !ok; fail_at++) {
			ok = write_report(s, 2, html, &got);
			assert_int_equal(ok, alloc_count < fail_at);
			if (ok)
				assert_string_equal(got, want);
			free(got);
		}
		assert_true(fail_at > 3);
		free(want);
	}
	for (size_t i = 0; i < 2; i++)
		session_free(s[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distribution),
		cmocka_unit_test(test_latest_and_trend),
		cmocka_unit_test(test_contents_apart),
		cmocka_unit_test(test_actions),
		cmocka_unit_test(test_memory_flat),
		cmocka_unit_test(test_alloc_fail),
		cmocka_unit_test(test_walk_threads),
		cmocka_unit_test(test_writers_alloc_fail),
	};

	return cmocka_run_group_tests(tests, load_content, free_content);
}
