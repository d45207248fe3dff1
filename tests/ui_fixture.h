/* ui_fixture.h - a ui of the interface's state on a new session of the built-in almanac at
 * 80x24, with a clock the test moves (clock_now), for the tests of keys and screens. No
 * terminal. */
#ifndef MEETLAT_TESTS_UI_FIXTURE_H
#define MEETLAT_TESTS_UI_FIXTURE_H

#include <stdlib.h>

#include "ui.h"
#include "builtin_content.h"

static double clock_now; /* what test_clock says: it moves only when a test moves it */

/* The test's clock. */
static inline double test_clock(void)
{
	return clock_now;
}

/* Returns a ui on a new session titled TITLE at 80x24, the clock at 1000 s: a preview
 * (nothing is written), or read-only when READ_ONLY. */
static inline struct ui *ui_fixture_new(const char *title, bool read_only)
{
	struct ui *u = malloc(sizeof(*u));

	assert_non_null(u);
	assert_true(ui_init(u, content, read_only, !read_only, true));
	u->clock = test_clock;
	clock_now = 1000.0;
	u->s = session_new(content, title);
	assert_non_null(u->s);
	ui_resize(u, 80, 24);
	ui_begin(u);
	return u;
}

/* Releases U, its session and itself. */
static inline void ui_fixture_free(struct ui *u)
{
	ui_free(u);
	session_free(u->s);
	free(u);
}

#endif
