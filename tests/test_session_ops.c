/* test_session_ops.c - every operation of session.c refuses what does not fit, says why, and
 * then has changed nothing: the session writes the same bytes and is not marked dirty. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "session.h"
#include "store.h"
#include "builtin_content.h"

/* Returns the session file S would be written as (malloc'd). */
static char *snapshot(const struct session *s)
{
	struct diag d;
	size_t len;
	char *buf;

	assert_true(store_emit(s, &buf, &len, &d));
	return buf;
}

/* Fails unless S is not dirty and still writes as BEFORE (which is freed). */
static void check_unchanged(const struct session *s, char *before)
{
	char *now = snapshot(s);

	assert_false(s->dirty);
	assert_string_equal(now, before);
	free(now);
	free(before);
}

/* Runs CALL, which must be false and set the caller's `why` to REASON, and checks that S did
 * not change. */
#define EXPECT_REFUSED(s, call, reason)                                                            \
	do {                                                                                       \
		char *before_ = snapshot(s);                                                       \
		why = NULL;                                                                        \
		(s)->dirty = false;                                                                \
		assert_false(call);                                                                \
		assert_non_null(why);                                                              \
		assert_string_equal(why, reason);                                                  \
		check_unchanged(s, before_);                                                       \
	} while (0)

/* Returns a session with a vote, agreed phases, a note and an action, marked clean. */
static struct session *sample(void)
{
	struct session *s = session_new(content, "Workshop");
	const char *why;

	assert_non_null(s);
	assert_true(session_vote_add(s, content, 1, 2, &why));
	assert_true(session_set_current(s, content, 1, 2, &why));
	assert_true(session_set_target(s, content, 1, 3, &why));
	assert_true(session_set_note(s, 1, "note", &why));
	assert_int_equal(
		session_action_add(s, content, &(struct action_fields){ .text = "Do" }, &why), 0);
	s->dirty = false;
	return s;
}

/* Returns a malloc'd text of LEN bytes 'x'. */
static char *long_text(size_t len)
{
	char *text = malloc(len + 1);

	assert_non_null(text);
	memset(text, 'x', len);
	text[len] = '\0';
	return text;
}

/* Votes: a phase the content lacks, a row it lacks, a row kept from a file, too many. */
static void test_vote_add_refusals(void **state)
{
	struct session *s = sample();
	const char *why;

	(void)state;
	EXPECT_REFUSED(s, session_vote_add(s, content, 0, 0, &why), "no such phase");
	EXPECT_REFUSED(s, session_vote_add(s, content, 0, 5, &why), "no such phase");
	EXPECT_REFUSED(s, session_vote_add(s, content, 0, -1, &why), "no such phase");
	EXPECT_REFUSED(s, session_vote_add(s, content, 10, 1, &why), "no such row");
	EXPECT_REFUSED(s, session_vote_add(s, content, (size_t)-1, 1, &why), "no such row");
	for (int i = 0; i < SESSION_VOTES_MAX; i++)
		assert_true(session_vote_add(s, content, 0, 1 + i % 4, &why));
	EXPECT_REFUSED(s, session_vote_add(s, content, 0, 1, &why), "too many votes for one row");
	assert_true(session_vote_add(s, content, 9, 4, &why));
	assert_true(s->dirty);
	assert_int_equal(s->scores[9].votes[0], 4);
	session_free(s);
}

/* A row the content no longer has is kept but takes no operation. */
static void test_unknown_row_refused(void **state)
{
	static const char yaml[] = "meetlat_session: 1\ntitle: \"t\"\n"
				   "content: {id: sociale-media-almanak}\n"
				   "scores:\n  gone: {votes: [1, 2]}\n";
	struct diag d;
	struct session *s = store_parse("s.yaml", yaml, strlen(yaml), content, &d);
	const char *why;

	(void)state;
	assert_non_null(s);
	assert_int_equal(s->n_scores, 11);
	EXPECT_REFUSED(s, session_vote_add(s, content, 10, 1, &why), "no such row");
	EXPECT_REFUSED(s, session_vote_undo(s, 10, &why), "no such row");
	EXPECT_REFUSED(s, session_set_current(s, content, 10, 1, &why), "no such row");
	EXPECT_REFUSED(s, session_set_note(s, 10, "x", &why), "no such row");
	assert_false(session_row_scored(s, 11));
	session_free(s);
}

/* Undo needs a vote and a row. */
static void test_vote_undo_refusals(void **state)
{
	struct session *s = sample();
	const char *why;

	(void)state;
	EXPECT_REFUSED(s, session_vote_undo(s, 0, &why), "there is no vote to undo");
	EXPECT_REFUSED(s, session_vote_undo(s, 10, &why), "no such row");
	assert_true(session_vote_undo(s, 1, &why));
	assert_int_equal(s->scores[1].n_votes, 0);
	assert_true(s->dirty);
	s->dirty = false;
	EXPECT_REFUSED(s, session_vote_undo(s, 1, &why), "there is no vote to undo");
	session_free(s);
}

/* A changed vote: one vote of the earlier phase (the latest such) goes, the new one comes
 * last; without such a vote (undone) it is only added; a phase or row refused changes
 * nothing. */
static void test_vote_replace(void **state)
{
	static const int typed[] = { 1, 3, 2, 3, 4 };
	struct session *s = sample();
	const struct session_score *sc = &s->scores[0];
	const char *why;

	(void)state;
	for (size_t i = 0; i < sizeof(typed) / sizeof(typed[0]); i++)
		assert_true(session_vote_add(s, content, 0, typed[i], &why));
	s->dirty = false;
	assert_true(session_vote_replace(s, content, 0, 3, 1, &why));
	assert_true(s->dirty);
	assert_int_equal(sc->n_votes, 5);
	assert_memory_equal(sc->votes, ((int[]){ 1, 3, 2, 4, 1 }), 5 * sizeof(int));
	assert_true(session_vote_replace(s, content, 0, 3, 3, &why)); /* the same phase again */
	assert_memory_equal(sc->votes, ((int[]){ 1, 2, 4, 1, 3 }), 5 * sizeof(int));
	/* the earlier phase is no longer there: only added */
	assert_true(session_vote_replace(s, content, 0, 2, 4, &why));
	assert_true(session_vote_replace(s, content, 0, 2, 4, &why));
	assert_int_equal(sc->n_votes, 6);
	assert_memory_equal(sc->votes, ((int[]){ 1, 4, 1, 3, 4, 4 }), 6 * sizeof(int));
	EXPECT_REFUSED(s, session_vote_replace(s, content, 0, 1, 5, &why), "no such phase");
	EXPECT_REFUSED(s, session_vote_replace(s, content, 0, 1, 0, &why), "no such phase");
	EXPECT_REFUSED(s, session_vote_replace(s, content, 10, 1, 2, &why), "no such row");
	session_free(s);
}

/* Agreed phases: 0 clears, 1..4 are phases, anything else is refused. */
static void test_agreed_phase_refusals(void **state)
{
	struct session *s = sample();
	const char *why;

	(void)state;
	EXPECT_REFUSED(s, session_set_current(s, content, 1, 5, &why), "no such phase");
	EXPECT_REFUSED(s, session_set_current(s, content, 1, -1, &why), "no such phase");
	EXPECT_REFUSED(s, session_set_current(s, content, 10, 1, &why), "no such row");
	EXPECT_REFUSED(s, session_set_target(s, content, 1, 5, &why), "no such phase");
	EXPECT_REFUSED(s, session_set_target(s, content, 10, 1, &why), "no such row");
	assert_true(session_row_scored(s, 1));
	assert_true(session_set_current(s, content, 1, 0, &why));
	assert_true(session_set_target(s, content, 1, 1, &why));
	assert_true(session_row_scored(s, 1));
	assert_true(session_set_target(s, content, 1, 0, &why));
	assert_false(session_row_scored(s, 1));
	session_free(s);
}

/* Notes: at most SESSION_TEXT_MAX bytes of UTF-8; line breaks are fine. */
static void test_note_refusals(void **state)
{
	struct session *s = sample();
	char *too_long = long_text(SESSION_TEXT_MAX + 1);
	const char *why;

	(void)state;
	EXPECT_REFUSED(s, session_set_note(s, 0, too_long, &why), "the text is too long");
	EXPECT_REFUSED(s, session_set_note(s, 0, "caf\xe9", &why), "the text is not valid UTF-8");
	EXPECT_REFUSED(s, session_set_note(s, 10, "x", &why), "no such row");
	too_long[SESSION_TEXT_MAX] = '\0';
	assert_true(session_set_note(s, 0, too_long, &why));
	assert_true(session_set_note(s, 0, "two\nlines", &why));
	assert_string_equal(s->scores[0].note, "two\nlines");
	free(too_long);
	session_free(s);
}

/* Metadata: a title, a real date, 0-9999 participants, one line of UTF-8 each. */
static void test_meta_refusals(void **state)
{
	static const char *const bad_dates[] = { "2026-02-30", "2026-2-3",    "tomorrow",
						 "26-11-2026", "2026-11-26 ", "1899-12-31" };
	static const char *const bad_counts[] = { "10000", "-1", "abc", "1 2", "+3", "12345" };
	struct session *s = sample();
	char *too_long = long_text(SESSION_TEXT_MAX + 1);
	const char *why;

	(void)state;
	EXPECT_REFUSED(s, session_set_meta(s, META_TITLE, "", &why), "the title must not be empty");
	EXPECT_REFUSED(s, session_set_meta(s, META_TITLE, "a\nb", &why),
		       "the text must be a single line");
	EXPECT_REFUSED(s, session_set_meta(s, META_GROUP, "caf\xe9", &why),
		       "the text is not valid UTF-8");
	EXPECT_REFUSED(s, session_set_meta(s, META_FACILITATOR, too_long, &why),
		       "the text is too long");
	for (size_t i = 0; i < sizeof(bad_dates) / sizeof(bad_dates[0]); i++)
		EXPECT_REFUSED(s, session_set_meta(s, META_DATE, bad_dates[i], &why),
			       "not a date: write YYYY-MM-DD");
	for (size_t i = 0; i < sizeof(bad_counts) / sizeof(bad_counts[0]); i++)
		EXPECT_REFUSED(s, session_set_meta(s, META_PARTICIPANTS, bad_counts[i], &why),
			       "write the number of participants (0-9999)");
	assert_true(session_set_meta(s, META_DATE, "", &why));
	assert_true(session_set_meta(s, META_DATE, "2028-02-29", &why));
	assert_true(session_set_meta(s, META_PARTICIPANTS, "0012", &why));
	assert_string_equal(s->meta[META_PARTICIPANTS], "12");
	assert_true(session_set_meta(s, META_PARTICIPANTS, "000", &why));
	assert_string_equal(s->meta[META_PARTICIPANTS], "0");
	assert_true(session_set_meta(s, META_PARTICIPANTS, "", &why));
	free(too_long);
	session_free(s);
}

/* Actions: a text, a known row, a real due date, a one-line owner; at most 10000. */
static void test_action_add_refusals(void **state)
{
	char *too_long = long_text(SESSION_TEXT_MAX + 1);
	const struct action_fields empty = { .text = "" }, none = { 0 }, one = { .text = "a" };
	const struct action_fields bad_row = { .text = "a", .dimension = "nope" };
	const struct action_fields bad_due = { .text = "a", .due = "2027-02-29" };
	const struct action_fields bad_owner = { .text = "a", .owner = "x\ny" };
	const struct action_fields long_one = { .text = too_long };
	struct session *s = sample();
	const char *why;

	(void)state;
	EXPECT_REFUSED(s, session_action_add(s, content, &empty, &why) >= 0,
		       "an action needs a text");
	EXPECT_REFUSED(s, session_action_add(s, content, &none, &why) >= 0,
		       "an action needs a text");
	EXPECT_REFUSED(s, session_action_add(s, content, &bad_row, &why) >= 0, "no such row");
	EXPECT_REFUSED(s, session_action_add(s, content, &bad_due, &why) >= 0,
		       "not a date: write YYYY-MM-DD");
	EXPECT_REFUSED(s, session_action_add(s, content, &bad_owner, &why) >= 0,
		       "the text must be a single line");
	EXPECT_REFUSED(s, session_action_add(s, content, &long_one, &why) >= 0,
		       "the text is too long");
	while (s->n_actions < SESSION_ACTIONS_MAX)
		assert_true(session_action_add(s, content, &one, &why) >= 0);
	EXPECT_REFUSED(s, session_action_add(s, content, &one, &why) >= 0, "too many actions");
	free(too_long);
	session_free(s);
}

/* The line breaks that a single-line field (metadata, the owner of an action) refuses: LF,
 * CR, VT, FF, NEL, U+2028 and U+2029. */
static const char *const line_breaks[] = {
	"a\nb", "a\rb", "a\r", "a\vb", "a\fb", "a\xc2\x85" "b", "a\xe2\x80\xa8" "b",
	"a\xe2\x80\xa9" "b",
};

/* Single-line fields refuse every kind of line break; texts that may have several lines (a
 * note, the text of an action) keep them; other characters stay allowed. */
static void test_single_line_fields(void **state)
{
	struct session *s = sample();
	const char *why;

	(void)state;
	for (size_t i = 0; i < sizeof(line_breaks) / sizeof(line_breaks[0]); i++) {
		const struct action_fields owner = { .text = "a", .owner = line_breaks[i] };
		const struct action_fields edit = { .text = "Do", .owner = line_breaks[i] };

		EXPECT_REFUSED(s, session_set_meta(s, META_TITLE, line_breaks[i], &why),
			       "the text must be a single line");
		EXPECT_REFUSED(s, session_set_meta(s, META_ORGANISATION, line_breaks[i], &why),
			       "the text must be a single line");
		EXPECT_REFUSED(s, session_action_add(s, content, &owner, &why) >= 0,
			       "the text must be a single line");
		EXPECT_REFUSED(s, session_action_edit(s, content, 0, &edit, &why),
			       "the text must be a single line");
		assert_true(session_set_note(s, 0, line_breaks[i], &why));
		assert_string_equal(s->scores[0].note, line_breaks[i]);
		assert_true(session_action_add(s, content, &(struct action_fields){
							    .text = line_breaks[i] },
					       &why) >= 0);
	}
	assert_true(session_set_meta(s, META_GROUP, "Team \xe2\x80\x93 caf\xc3\xa9\t\xc2\xa0x",
				     &why));
	session_free(s);
}

/* Editing: an action that exists, with fields that would be accepted for a new one. */
static void test_action_edit_refusals(void **state)
{
	const struct action_fields good = {
		.text = "Beter", .dimension = "mensen", .owner = "An", .due = "2027-01-15"
	};
	const struct action_fields empty = { .text = "" };
	const struct action_fields bad_row = { .text = "a", .dimension = "Mensen" };
	struct session *s = sample();
	const char *why;

	(void)state;
	EXPECT_REFUSED(s, session_action_edit(s, content, 1, &good, &why), "no such action");
	EXPECT_REFUSED(s, session_action_edit(s, content, 0, &empty, &why),
		       "an action needs a text");
	EXPECT_REFUSED(s, session_action_edit(s, content, 0, &bad_row, &why), "no such row");
	assert_true(session_action_toggle(s, 0, &why));
	assert_true(session_action_edit(s, content, 0, &good, &why));
	assert_true(s->actions[0].done);
	assert_string_equal(s->actions[0].dimension, "mensen");
	assert_string_equal(s->actions[0].due, "2027-01-15");
	session_free(s);
}

/* Toggling and deleting need an action that exists. */
static void test_toggle_delete_refusals(void **state)
{
	struct session *s = sample();
	const char *why;

	(void)state;
	EXPECT_REFUSED(s, session_action_toggle(s, 1, &why), "no such action");
	EXPECT_REFUSED(s, session_action_delete(s, 1, &why), "no such action");
	EXPECT_REFUSED(s, session_action_delete(s, (size_t)-1, &why), "no such action");
	assert_true(session_action_delete(s, 0, &why));
	assert_int_equal(s->n_actions, 0);
	s->dirty = false;
	EXPECT_REFUSED(s, session_action_toggle(s, 0, &why), "no such action");
	EXPECT_REFUSED(s, session_action_delete(s, 0, &why), "no such action");
	session_free(s);
}

/* Moving and ticking stay within the agenda. */
static void test_move_tick_refusals(void **state)
{
	struct session *s = sample();
	const char *why;

	(void)state;
	EXPECT_REFUSED(s, session_move(s, content, content->n_steps, &why), "no such step");
	EXPECT_REFUSED(s, session_move(s, content, (size_t)-1, &why), "no such step");
	EXPECT_REFUSED(s, session_tick(s, content->n_steps, 10, &why), "no such step");
	assert_true(session_move(s, content, 0, &why));
	assert_false(s->dirty); /* already there */
	assert_true(session_move(s, content, content->n_steps - 1, &why));
	assert_true(s->dirty);
	s->dirty = false;
	assert_true(session_tick(s, 3, 10, &why));
	assert_false(s->dirty); /* time alone does not call for a save */
	assert_int_equal(s->seconds[3], 10);
	/* Time stops at what a session file may hold, so the file can always be read back. */
	assert_true(session_tick(s, 3, SESSION_SECONDS_MAX, &why));
	assert_true(session_tick(s, 3, SESSION_SECONDS_MAX, &why));
	assert_int_equal(s->seconds[3], SESSION_SECONDS_MAX);
	session_free(s);
}

/* The time spent on the workshop is the sum over its steps. */
static void test_seconds_spent_add_up_the_steps(void **state)
{
	struct session *s = session_new(content, "T");
	const char *why;

	(void)state;
	assert_int_equal(session_seconds_spent(s), 0);
	assert_true(session_tick(s, 0, 83, &why));
	assert_true(session_tick(s, 2, 17, &why));
	assert_true(session_tick(s, content->n_steps - 1, 600, &why));
	assert_int_equal(session_seconds_spent(s), 700);
	session_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vote_add_refusals),
		cmocka_unit_test(test_unknown_row_refused),
		cmocka_unit_test(test_vote_undo_refusals),
		cmocka_unit_test(test_vote_replace),
		cmocka_unit_test(test_agreed_phase_refusals),
		cmocka_unit_test(test_note_refusals),
		cmocka_unit_test(test_meta_refusals),
		cmocka_unit_test(test_action_add_refusals),
		cmocka_unit_test(test_action_edit_refusals),
		cmocka_unit_test(test_single_line_fields),
		cmocka_unit_test(test_toggle_delete_refusals),
		cmocka_unit_test(test_move_tick_refusals),
		cmocka_unit_test(test_seconds_spent_add_up_the_steps),
	};

	return cmocka_run_group_tests(tests, load_content, free_content);
}
