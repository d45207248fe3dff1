/* test_screens.c - the screens without a terminal: every page of tests/screens_fixture.h (each
 * step kind, the summary, each overlay, the start screen) at 80x24 and 100x30 is exactly its
 * golden file in tests/golden/pages/ (run from the top of the tree; regenerate them with
 * `make golden-pages` and review the difference), and facts that must hold whatever the
 * golden files say. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "screens_fixture.h"
#include "builtin_content.h"
#include "utf8.h"

/* Returns the contents of the file at PATH (malloc'd), or NULL. */
static char *read_whole(const char *path)
{
	FILE *in = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	int ch;

	if (!in || !out) {
		if (in)
			fclose(in);
		if (out)
			fclose(out);
		free(buf);
		return NULL;
	}
	while ((ch = getc(in)) != EOF)
		putc(ch, out);
	fclose(in);
	fclose(out);
	return buf;
}

/* Renders case K at size S into a string (malloc'd). */
static char *render_case(size_t k, size_t s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	assert_true(golden_render(content, k, golden_sizes[s].cols, golden_sizes[s].rows, out));
	fclose(out);
	return buf;
}

/* Fails naming the first line where GOT and WANT (the golden file at PATH) differ. */
static void compare(const char *path, const char *got, const char *want)
{
	int line = 1;
	size_t at = 0, start = 0;

	if (strcmp(got, want) == 0)
		return;
	for (; got[at] && got[at] == want[at]; at++)
		if (got[at] == '\n') {
			line++;
			start = at + 1;
		}
	fail_msg("%s differs from the page built, at line %d:\n  golden: %.*s\n  built:  %.*s",
		 path, line, (int)strcspn(want + start, "\n"), want + start,
		 (int)strcspn(got + start, "\n"), got + start);
}

static void test_pages_match_their_golden_files(void **state)
{
	(void)state;
	for (size_t s = 0; s < sizeof(golden_sizes) / sizeof(golden_sizes[0]); s++)
		for (size_t k = 0; k < sizeof(page_cases) / sizeof(page_cases[0]); k++) {
			char path[512], *got = render_case(k, s), *want;

			golden_path(GOLDEN_PAGES_DIR, k, golden_sizes[s].cols, golden_sizes[s].rows, path, sizeof(path));
			want = read_whole(path);
			if (!want)
				fail_msg("%s is missing: run make golden-pages", path);
			compare(path, got, want);
			free(got);
			free(want);
		}
}

/* Returns the rendered page of the case named NAME at size S (malloc'd). */
static char *render_named(const char *name, size_t s)
{
	for (size_t k = 0; k < sizeof(page_cases) / sizeof(page_cases[0]); k++)
		if (strcmp(page_cases[k].name, name) == 0)
			return render_case(k, s);
	fail_msg("no case %s", name);
	return NULL;
}

/* Returns the width in columns of the widest text line of the rendered page R. */
static size_t widest_line(const char *r)
{
	size_t widest = 0;
	const char *line = strchr(r, '\n') + 1; /* after the "# ..." line */

	while (*line && strncmp(line, "-- styles --", 12) != 0) {
		size_t len = strcspn(line, "\n"), w = utf8_width(line, len);

		widest = w > widest ? w : widest;
		line += len + (line[len] == '\n');
	}
	return widest;
}

static void test_pages_fit_their_width(void **state)
{
	(void)state;
	for (size_t s = 0; s < sizeof(golden_sizes) / sizeof(golden_sizes[0]); s++)
		for (size_t k = 0; k < sizeof(page_cases) / sizeof(page_cases[0]); k++) {
			char *r = render_case(k, s);
			int width = atoi(strstr(r, "lines, ") + 7);

			assert_true(width > 0 && width <= golden_sizes[s].cols);
			assert_true(widest_line(r) <= (size_t)width);
			free(r);
		}
}

static void test_score_page_shows_the_state_of_the_row(void **state)
{
	char *hidden, *revealed;

	(void)state;
	hidden = render_named("step-score", 0);
	revealed = render_named("step-score-revealed", 0);
	/* The fixture's row: 8 votes 3 3 2 4 3 2 3 2, agreed 3 -> 4. */
	assert_non_null(strstr(hidden, "Votes: 8"));
	assert_non_null(strstr(hidden, "hidden until r reveals them"));
	assert_null(strstr(hidden, "Median"));
	assert_non_null(strstr(revealed, "Votes: 8, revealed"));
	assert_non_null(strstr(revealed, "Median 3"));
	assert_non_null(strstr(revealed, "Agreed:  3 de gemeente converseert"));
	free(hidden);
	free(revealed);
}

static void test_each_size_has_its_own_layout(void **state)
{
	char *small, *large;

	(void)state;
	small = render_named("step-table", 0);
	large = render_named("step-table", 1);
	assert_string_not_equal(small, large);
	assert_non_null(strstr(small, "at 80x24"));
	assert_non_null(strstr(large, "at 100x30"));
	free(small);
	free(large);
}

static void test_too_small_notice_fits_and_says_the_size(void **state)
{
	struct page p = { .focus_top = -1, .focus_bottom = -1 };
	char all[512] = "";

	(void)state;
	screen_too_small(&p, 30, 10);
	assert_true(p.n >= 3);
	for (size_t i = 0; i < p.n; i++) {
		assert_int_equal(p.lines[i].n, 1);
		assert_true(utf8_width(p.lines[i].spans[0].text, p.lines[i].spans[0].len) <= 29);
		snprintf(all + strlen(all), sizeof(all) - strlen(all), "%s%s", i ? " " : "",
			 p.lines[i].spans[0].text);
	}
	assert_string_equal(all, "meetlat needs a terminal of at least 40x12; this one is 30x10. "
				 "(q quits)");
	page_clear(&p);
}

static void test_scroll_keeps_the_focus_in_view(void **state)
{
	struct page p = { .focus_top = -1, .focus_bottom = -1 };

	(void)state;
	for (int i = 0; i < 50; i++) {
		page_newline(&p);
		page_puts(&p, 0, STYLE_NORMAL, "line");
	}
	assert_int_equal(page_clamp_scroll(&p, 10, 20), 10);
	assert_int_equal(page_clamp_scroll(&p, 45, 20), 30); /* never past the end */
	assert_int_equal(page_clamp_scroll(&p, -3, 20), 0);
	page_focus(&p, 40, 42);
	assert_int_equal(page_clamp_scroll(&p, 0, 20), 23); /* the focus's last line at the bottom */
	page_focus(&p, 5, 44);
	assert_int_equal(page_clamp_scroll(&p, 30, 20), 5); /* taller than the window: its top */
	page_clear(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pages_match_their_golden_files),
		cmocka_unit_test(test_pages_fit_their_width),
		cmocka_unit_test(test_score_page_shows_the_state_of_the_row),
		cmocka_unit_test(test_each_size_has_its_own_layout),
		cmocka_unit_test(test_too_small_notice_fits_and_says_the_size),
		cmocka_unit_test(test_scroll_keeps_the_focus_in_view),
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	int failed = cmocka_run_group_tests(tests, load_content, free_content);

	wrap_close(); /* the dictionary the pages opened */
	return failed;
}
