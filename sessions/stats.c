/* stats.c - what the votes of one row say: counted per phase, so no sorting is needed. */
#include "stats.h"

#include <string.h>

/* Returns the phase of the vote at 0-based position K when the counted votes are sorted. */
static int nth_vote(const struct vote_stats *st, size_t k)
{
	size_t seen = 0;

	for (int p = st->lowest; p < st->highest; p++) {
		seen += st->per_phase[p];
		if (k < seen)
			return p;
	}
	return st->highest;
}

/* Finds the phase that most votes of ST chose (the lowest of a tie) and whether it is shared. */
static void find_mode(struct vote_stats *st)
{
	for (int p = st->lowest; p <= st->highest; p++) {
		if (st->per_phase[p] > st->mode_votes) {
			st->mode = p;
			st->mode_votes = st->per_phase[p];
			st->mode_shared = false;
		} else if (st->per_phase[p] && st->per_phase[p] == st->mode_votes) {
			st->mode_shared = true;
		}
	}
}

/* Computes the statistics of the N votes at VOTES, ignoring phases outside 1..99. */
void vote_stats_compute(const int *votes, size_t n, struct vote_stats *st)
{
	memset(st, 0, sizeof(*st));
	for (size_t i = 0; i < n; i++) {
		int p = votes[i];

		if (p < 1 || p > STATS_PHASES_MAX)
			continue;
		st->per_phase[p]++;
		st->count++;
		if (st->lowest == 0 || p < st->lowest)
			st->lowest = p;
		if (p > st->highest)
			st->highest = p;
	}
	if (st->count == 0)
		return;
	/* The middle vote, or the mean of the two middle votes for an even count. */
	st->median = (nth_vote(st, (st->count - 1) / 2) + nth_vote(st, st->count / 2)) / 2.0;
	st->span = st->highest - st->lowest + 1;
	find_mode(st);
	st->unanimous = st->span == 1;
	st->majority = st->mode_votes * 2 > st->count;
	st->disagree = !st->majority && st->span >= STATS_DISAGREE_SPAN;
}
