/* test_stats.c - the vote statistics: counts, median, span, the mode, unanimity and a real
 * split (no majority across three or more phases). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "stats.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Without votes everything is zero and nobody disagrees. */
static void test_empty(void **state)
{
	struct vote_stats st;

	(void)state;
	st.count = 7;
	st.disagree = true;
	vote_stats_compute(NULL, 0, &st);
	assert_int_equal(st.count, 0);
	assert_int_equal(st.lowest, 0);
	assert_int_equal(st.highest, 0);
	assert_true(st.median == 0.0);
	assert_int_equal(st.span, 0);
	assert_int_equal(st.mode, 0);
	assert_false(st.unanimous);
	assert_false(st.disagree);
	for (int p = 0; p <= STATS_PHASES_MAX; p++)
		assert_int_equal(st.per_phase[p], 0);
}

/* One vote is its own median, with a span of one phase. */
static void test_one_vote(void **state)
{
	const int votes[] = { 3 };
	struct vote_stats st;

	(void)state;
	vote_stats_compute(votes, N(votes), &st);
	assert_int_equal(st.count, 1);
	assert_int_equal(st.per_phase[3], 1);
	assert_int_equal(st.lowest, 3);
	assert_int_equal(st.highest, 3);
	assert_true(st.median == 3.0);
	assert_int_equal(st.span, 1);
	assert_false(st.disagree);
}

/* An odd count takes the middle vote of the sorted votes, whatever the input order. */
static void test_odd_unsorted(void **state)
{
	const int votes[] = { 4, 1, 2, 4, 2 };
	struct vote_stats st;

	(void)state;
	vote_stats_compute(votes, N(votes), &st);
	assert_int_equal(st.count, 5);
	assert_int_equal(st.per_phase[1], 1);
	assert_int_equal(st.per_phase[2], 2);
	assert_int_equal(st.per_phase[3], 0);
	assert_int_equal(st.per_phase[4], 2);
	assert_int_equal(st.lowest, 1);
	assert_int_equal(st.highest, 4);
	assert_true(st.median == 2.0);
	assert_int_equal(st.span, 4);
	assert_int_equal(st.mode, 2);
	assert_int_equal(st.mode_votes, 2);
	assert_true(st.mode_shared);
	assert_false(st.majority);
	assert_true(st.disagree);
}

/* An even count takes the mean of the two middle votes, which can be a half. */
static void test_even_half(void **state)
{
	const int votes[] = { 3, 2, 4, 1 };
	const int whole[] = { 3, 3, 2, 4 };
	struct vote_stats st;

	(void)state;
	vote_stats_compute(votes, N(votes), &st);
	assert_int_equal(st.count, 4);
	assert_true(st.median == 2.5);
	vote_stats_compute(whole, N(whole), &st);
	assert_true(st.median == 3.0);
}

/* Eight votes as a workshop gives them: 2 2 2 3 3 3 3 4 has median 3. */
static void test_even_workshop(void **state)
{
	const int votes[] = { 3, 3, 2, 4, 3, 2, 3, 2 };
	struct vote_stats st;

	(void)state;
	vote_stats_compute(votes, N(votes), &st);
	assert_int_equal(st.count, 8);
	assert_int_equal(st.per_phase[2], 3);
	assert_int_equal(st.per_phase[3], 4);
	assert_int_equal(st.per_phase[4], 1);
	assert_true(st.median == 3.0);
	assert_int_equal(st.span, 3);
	assert_int_equal(st.mode, 3);
	assert_int_equal(st.mode_votes, 4);
	assert_false(st.mode_shared);
	assert_false(st.majority); /* four of eight is half, not more */
	assert_true(st.disagree);
}

/* Everyone agreeing gives a span of one. */
static void test_all_equal(void **state)
{
	const int votes[] = { 2, 2, 2, 2, 2, 2 };
	struct vote_stats st;

	(void)state;
	vote_stats_compute(votes, N(votes), &st);
	assert_int_equal(st.count, 6);
	assert_int_equal(st.per_phase[2], 6);
	assert_int_equal(st.lowest, 2);
	assert_int_equal(st.highest, 2);
	assert_true(st.median == 2.0);
	assert_int_equal(st.span, 1);
	assert_true(st.unanimous);
	assert_int_equal(st.mode, 2);
	assert_int_equal(st.mode_votes, 6);
	assert_true(st.majority);
	assert_false(st.disagree);
}

/* A majority for one phase is no split, however far the others are; without one, votes over
 * three phases are, and over two are not. */
static void test_split_needs_no_majority(void **state)
{
	const int majority[] = { 3, 3, 3, 3, 3, 1, 4 };  /* 5 of 7 chose 3, span 4 */
	const int split[] = { 1, 1, 2, 2, 3, 3, 3 };     /* 3 of 7 at most, span 3 */
	const int two_phases[] = { 2, 2, 3, 3 };          /* no majority, but neighbours */
	const int bare[] = { 1, 2, 2, 4 };                /* half is no majority */
	struct vote_stats st;

	(void)state;
	vote_stats_compute(majority, N(majority), &st);
	assert_int_equal(st.mode, 3);
	assert_int_equal(st.mode_votes, 5);
	assert_true(st.majority);
	assert_false(st.unanimous);
	assert_int_equal(st.span, 4);
	assert_false(st.disagree);
	vote_stats_compute(split, N(split), &st);
	assert_int_equal(st.mode, 3);
	assert_int_equal(st.mode_votes, 3);
	assert_false(st.mode_shared);
	assert_false(st.majority);
	assert_true(st.disagree);
	vote_stats_compute(two_phases, N(two_phases), &st);
	assert_true(st.mode_shared);
	assert_int_equal(st.mode, 2);
	assert_false(st.majority);
	assert_false(st.disagree);
	vote_stats_compute(bare, N(bare), &st);
	assert_int_equal(st.mode, 2);
	assert_false(st.majority);
	assert_true(st.disagree);
}

/* Two neighbouring phases are no disagreement; three phases are. */
static void test_disagree_threshold(void **state)
{
	const int two[] = { 2, 3, 3, 2 };
	const int three[] = { 2, 4 };
	const int three_high[] = { 99, 97 };
	struct vote_stats st;

	(void)state;
	vote_stats_compute(two, N(two), &st);
	assert_int_equal(st.span, 2);
	assert_false(st.disagree);
	vote_stats_compute(three, N(three), &st);
	assert_int_equal(st.span, 3);
	assert_true(st.disagree);
	assert_true(st.median == 3.0);
	assert_false(st.majority);
	vote_stats_compute(three_high, N(three_high), &st);
	assert_int_equal(st.span, 3);
	assert_int_equal(st.per_phase[STATS_PHASES_MAX], 1);
	assert_true(st.median == 98.0);
}

/* Votes outside 1..STATS_PHASES_MAX are not counted and do not move the figures. */
static void test_out_of_range(void **state)
{
	const int votes[] = { 0, -3, 2, 100, 3, 2147483647, -2147483647 - 1 };
	const int none[] = { 0, 100, -1 };
	struct vote_stats st;

	(void)state;
	vote_stats_compute(votes, N(votes), &st);
	assert_int_equal(st.count, 2);
	assert_int_equal(st.per_phase[0], 0);
	assert_int_equal(st.lowest, 2);
	assert_int_equal(st.highest, 3);
	assert_true(st.median == 2.5);
	assert_int_equal(st.span, 2);
	assert_false(st.disagree);
	vote_stats_compute(none, N(none), &st);
	assert_int_equal(st.count, 0);
	assert_int_equal(st.span, 0);
	assert_true(st.median == 0.0);
}

/* Runs the statistics tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_one_vote),
		cmocka_unit_test(test_odd_unsorted),
		cmocka_unit_test(test_even_half),
		cmocka_unit_test(test_even_workshop),
		cmocka_unit_test(test_all_equal),
		cmocka_unit_test(test_disagree_threshold),
		cmocka_unit_test(test_split_needs_no_majority),
		cmocka_unit_test(test_out_of_range),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
