/* stats.h - what the votes of one row say: how many per phase, the median, the spread, the
 * phase most chose, and whether the room is really split. */
#ifndef MEETLAT_STATS_H
#define MEETLAT_STATS_H

#include <stdbool.h>
#include <stddef.h>

enum { STATS_PHASES_MAX = 99, STATS_DISAGREE_SPAN = 3 };

struct vote_stats {
	size_t count;                        /* votes */
	size_t per_phase[STATS_PHASES_MAX + 1]; /* per_phase[p]: votes for phase p (1-based) */
	int lowest, highest;                 /* 0 when there are no votes */
	double median;                       /* 0 when there are no votes; x.5 between two */
	int span;                            /* phases covered from lowest to highest: 1 = all agree */
	int mode;                            /* the phase most chose (the lowest of a tie); 0: none */
	size_t mode_votes;                   /* the votes for it */
	bool mode_shared;                    /* another phase has as many votes */
	bool unanimous;                      /* every vote for one phase */
	bool majority;                       /* the mode holds more than half of the votes */
	bool disagree;                       /* really split: no majority and a span of at least
					      * STATS_DISAGREE_SPAN phases; worth a discussion */
};

/* Computes the statistics of the N votes (phase numbers 1..STATS_PHASES_MAX) at VOTES. */
void vote_stats_compute(const int *votes, size_t n, struct vote_stats *st);

#endif
