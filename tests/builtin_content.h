/* builtin_content.h - the built-in almanac as a cmocka group fixture, for tests that need a
 * content (include after cmocka.h; pass load_content and free_content to
 * cmocka_run_group_tests), and the first of its steps of a kind (of its scoring steps). */
#ifndef MEETLAT_TESTS_BUILTIN_CONTENT_H
#define MEETLAT_TESTS_BUILTIN_CONTENT_H

#include "content.h"

static struct content *content; /* the built-in almanac: 4 phases, 10 rows, 23 steps */

/* Loads the built-in almanac. */
static int load_content(void **state)
{
	struct diag d;

	(void)state;
	content = content_load_builtin(&d);
	return content ? 0 : -1;
}

/* Releases the almanac. */
static int free_content(void **state)
{
	(void)state;
	content_free(content);
	return 0;
}

/* Returns the first step of the almanac of kind KIND (the test fails when it has none). */
static inline size_t first_step_of(enum step_kind kind)
{
	for (size_t i = 0; i < content->n_steps; i++)
		if (content->steps[i].kind == kind)
			return i;
	fail_msg("the content has no step of kind %d", (int)kind);
	return 0;
}

/* Returns the first scoring step of the almanac (it has one). */
static inline size_t first_score_step(void)
{
	return first_step_of(STEP_SCORE);
}

#endif
