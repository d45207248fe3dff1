/* session_check.h - cmocka checks shared by the session tests (include after cmocka.h): equal
 * sessions, and the time zone a test runs in. */
#ifndef MEETLAT_TESTS_SESSION_CHECK_H
#define MEETLAT_TESTS_SESSION_CHECK_H

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "session.h"

/* Fails unless A and B hold the same workshop: every field, every vote, every text. */
static inline void check_equal_sessions(const struct session *a, const struct session *b)
{
	for (int f = 0; f < META_COUNT; f++)
		assert_string_equal(a->meta[f], b->meta[f]);
	assert_string_equal(a->content_id, b->content_id);
	assert_string_equal(a->content_sha256, b->content_sha256);
	assert_string_equal(a->created, b->created);
	assert_string_equal(a->updated, b->updated);
	assert_int_equal(a->position, b->position);
	assert_int_equal(a->n_scores, b->n_scores);
	for (size_t i = 0; i < a->n_scores; i++) {
		const struct session_score *x = &a->scores[i], *y = &b->scores[i];

		assert_string_equal(x->dimension, y->dimension);
		assert_int_equal(x->known, y->known);
		assert_int_equal(x->n_votes, y->n_votes);
		if (x->n_votes)
			assert_memory_equal(x->votes, y->votes, x->n_votes * sizeof(*x->votes));
		assert_int_equal(x->current, y->current);
		assert_int_equal(x->target, y->target);
		assert_string_equal(x->note, y->note);
	}
	assert_int_equal(a->n_actions, b->n_actions);
	for (size_t i = 0; i < a->n_actions; i++) {
		const struct session_action *x = &a->actions[i], *y = &b->actions[i];

		assert_string_equal(x->text, y->text);
		assert_string_equal(x->dimension ? x->dimension : "(none)",
				    y->dimension ? y->dimension : "(none)");
		assert_string_equal(x->owner, y->owner);
		assert_string_equal(x->due, y->due);
		assert_int_equal(x->done, y->done);
	}
	assert_int_equal(a->n_seconds, b->n_seconds);
	for (size_t i = 0; i < a->n_seconds; i++)
		assert_int_equal(a->seconds[i], b->seconds[i]);
}

/* Makes TZ (NULL: unset) the time zone of the process. */
static inline void use_zone(const char *tz)
{
	if (tz)
		setenv("TZ", tz, 1);
	else
		unsetenv("TZ");
	tzset();
}

/* Returns the time zone of the test run (malloc'd, or NULL when TZ is unset), to be put back
 * by zone_restore. */
static inline char *zone_save(void)
{
	const char *tz = getenv("TZ");
	char *saved = tz ? strdup(tz) : NULL;

	assert_true(!tz || saved);
	return saved;
}

/* Puts back the time zone SAVED by zone_save, and frees it. */
static inline void zone_restore(char *saved)
{
	use_zone(saved);
	free(saved);
}

#endif
