/* test_config.c - the settings file: the theme it chooses, and every line it cannot use
 * named as file:line: and skipped, never stopping the reading. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <sys/stat.h>
#include <unistd.h>

#include "config.h"

/* Reads TEXT as the settings file "cfg" into *CFG (starting from the theme *CFG holds) and
 * returns what was said on the error stream (malloc'd). */
static char *read_text(struct config *cfg, const char *text)
{
	char *said = NULL;
	size_t size = 0;
	FILE *err = open_memstream(&said, &size);

	assert_non_null(err);
	config_read_text(cfg, "cfg", text, strlen(text), err);
	fclose(err);
	return said;
}

/* Asserts that reading TEXT leaves the theme THEME and says exactly SAID on the error stream. */
static void expect(const char *text, enum theme start, enum theme theme, const char *said)
{
	struct config cfg = { start };
	char *got = read_text(&cfg, text);

	assert_int_equal(cfg.theme, theme);
	assert_string_equal(got, said);
	free(got);
}

static void test_theme_names(void **state)
{
	enum theme t = THEME_DEFAULT;

	(void)state;
	assert_true(config_theme("contrast", &t));
	assert_int_equal(t, THEME_CONTRAST);
	assert_true(config_theme("default", &t));
	assert_int_equal(t, THEME_DEFAULT);
	assert_false(config_theme("Contrast", &t));
	assert_false(config_theme("", &t));
	assert_int_equal(t, THEME_DEFAULT);
}

static void test_good_lines_choose_the_theme(void **state)
{
	(void)state;
	expect("theme = contrast\n", THEME_DEFAULT, THEME_CONTRAST, "");
	expect("theme=contrast", THEME_DEFAULT, THEME_CONTRAST, ""); /* no newline at the end */
	expect("  \ttheme\t=  contrast  # for the projector\r\n", THEME_DEFAULT, THEME_CONTRAST, "");
	expect("# a comment\n\n   \ntheme = default\n", THEME_CONTRAST, THEME_DEFAULT, "");
	expect("theme = contrast\ntheme = default\n", THEME_DEFAULT, THEME_DEFAULT, ""); /* last wins */
	expect("", THEME_CONTRAST, THEME_CONTRAST, ""); /* nothing set: kept */
}

static void test_every_malformed_line_is_named_and_skipped(void **state)
{
	(void)state;
	expect("theme contrast\n", THEME_DEFAULT, THEME_DEFAULT,
	       "cfg:1: expected a line \"key = value\"; the line is ignored\n");
	expect("\n= contrast\n", THEME_DEFAULT, THEME_DEFAULT,
	       "cfg:2: the key before '=' is missing; the line is ignored\n");
	expect("theme =\n", THEME_DEFAULT, THEME_DEFAULT,
	       "cfg:1: the value after '=' is missing; the line is ignored\n");
	expect("theme = # none\n", THEME_DEFAULT, THEME_DEFAULT,
	       "cfg:1: the value after '=' is missing; the line is ignored\n");
	expect("colour = blue\n", THEME_DEFAULT, THEME_DEFAULT,
	       "cfg:1: unknown setting 'colour' (known: theme); the line is ignored\n");
	expect("theme = bright\n", THEME_DEFAULT, THEME_DEFAULT,
	       "cfg:1: the theme is default or contrast, not 'bright'; the line is ignored\n");
	expect("theme = \"contrast\"\n", THEME_DEFAULT, THEME_DEFAULT,
	       "cfg:1: the theme is default or contrast, not '\"contrast\"'; the line is ignored\n");
	/* the lines after a bad one are still read */
	expect("oops\ntheme = contrast\nx = y\n", THEME_DEFAULT, THEME_CONTRAST,
	       "cfg:1: expected a line \"key = value\"; the line is ignored\n"
	       "cfg:3: unknown setting 'x' (known: theme); the line is ignored\n");
}

static void test_hostile_lines_are_shown_harmless(void **state)
{
	struct config cfg = { THEME_DEFAULT };
	static const char nul_line[] = "theme = con\0trast\ntheme = contrast\n";
	char *said = NULL, *got;
	size_t size = 0;
	FILE *err = open_memstream(&said, &size);

	(void)state;
	config_read_text(&cfg, "cfg", nul_line, sizeof(nul_line) - 1, err);
	fclose(err);
	assert_string_equal(said, "cfg:1: expected a line \"key = value\"; the line is ignored\n");
	assert_int_equal(cfg.theme, THEME_CONTRAST);
	free(said);
	/* a control character in a value reaches the terminal replaced */
	got = read_text(&cfg, "theme = \x1b]2;PWNED\x07\n");
	assert_null(strchr(got, '\x1b'));
	assert_null(strchr(got, '\x07'));
	assert_non_null(strstr(got, "cfg:1: the theme is default or contrast"));
	free(got);
	/* a very long key is cut in the message, and the cut is marked; a key of 40 is whole */
	got = read_text(&cfg, "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk = 1\n");
	assert_non_null(strstr(got, "unknown setting 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…'"));
	free(got);
	got = read_text(&cfg, "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk = 1\n");
	assert_non_null(strstr(got, "unknown setting 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk'"));
	free(got);
}

/* Makes a temporary folder and returns its path (static). */
static const char *temp_dir(void)
{
	static char dir[] = "/tmp/meetlat-config.XXXXXX";

	strcpy(dir, "/tmp/meetlat-config.XXXXXX");
	assert_non_null(mkdtemp(dir));
	return dir;
}

static void test_the_file_missing_unreadable_or_too_large(void **state)
{
	struct config cfg = { THEME_DEFAULT };
	const char *dir = temp_dir();
	char path[256], *said = NULL;
	size_t size = 0;
	FILE *err = open_memstream(&said, &size), *f;

	(void)state;
	snprintf(path, sizeof(path), "%s/config", dir);
	config_read_file(&cfg, path, err); /* none: nothing said */
	fflush(err);
	assert_int_equal(size, 0);
	assert_int_equal(mkdir(path, 0700), 0); /* a folder where the file should be */
	config_read_file(&cfg, path, err);
	fflush(err);
	assert_non_null(strstr(said, "/config: not a regular file; the settings are not used"));
	assert_int_equal(rmdir(path), 0);
	assert_non_null(f = fopen(path, "w"));
	for (int i = 0; i <= CONFIG_SIZE_MAX / 16; i++)
		fputs("# padding line.\n", f);
	fclose(f);
	config_read_file(&cfg, path, err);
	fflush(err);
	assert_non_null(strstr(said, "/config: larger than 64 KB; the settings are not used"));
	assert_non_null(f = fopen(path, "w"));
	fputs("theme = contrast\nbad\n", f);
	fclose(f);
	config_read_file(&cfg, path, err);
	fclose(err);
	assert_int_equal(cfg.theme, THEME_CONTRAST);
	assert_non_null(strstr(said, "/config:2: expected a line"));
	free(said);
	unlink(path);
	rmdir(dir);
}

static void test_the_path_follows_xdg_then_home(void **state)
{
	char buf[256];

	(void)state;
	setenv("HOME", "/home/f", 1);
	setenv("XDG_CONFIG_HOME", "/x/cfg", 1);
	assert_true(config_path(buf, sizeof(buf)));
	assert_string_equal(buf, "/x/cfg/meetlat/config");
	setenv("XDG_CONFIG_HOME", "relative", 1); /* not absolute: ignored, as XDG says */
	assert_true(config_path(buf, sizeof(buf)));
	assert_string_equal(buf, "/home/f/.config/meetlat/config");
	unsetenv("XDG_CONFIG_HOME");
	assert_true(config_path(buf, sizeof(buf)));
	assert_string_equal(buf, "/home/f/.config/meetlat/config");
	assert_false(config_path(buf, 10)); /* does not fit */
	unsetenv("HOME");
	assert_false(config_path(buf, sizeof(buf)));
}

/* The theme both the facilitator's meetlat and the follower use: the option when it names
 * one, else the settings file's ($XDG_CONFIG_HOME/meetlat/config; its bad lines named), else
 * the default, also when there is no file. */
static void test_the_theme_chosen(void **state)
{
	const char *dir = temp_dir();
	char path[256], *said = NULL;
	size_t size = 0;
	FILE *err = open_memstream(&said, &size), *f;

	(void)state;
	setenv("XDG_CONFIG_HOME", dir, 1);
	assert_int_equal(config_choose_theme(NULL, err), THEME_DEFAULT); /* no file */
	assert_int_equal(config_choose_theme("contrast", err), THEME_CONTRAST);
	snprintf(path, sizeof(path), "%s/meetlat", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/meetlat/config", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs("theme = contrast\nnonsense\n", f);
	fclose(f);
	assert_int_equal(config_choose_theme(NULL, err), THEME_CONTRAST);
	assert_int_equal(config_choose_theme("default", err), THEME_DEFAULT);
	assert_int_equal(config_choose_theme("bright", err), THEME_CONTRAST); /* names none */
	fclose(err);
	assert_non_null(strstr(said, "/meetlat/config:2: expected a line"));
	free(said);
	unsetenv("XDG_CONFIG_HOME");
	unlink(path);
	snprintf(path, sizeof(path), "%s/meetlat", dir);
	rmdir(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_theme_names),
		cmocka_unit_test(test_good_lines_choose_the_theme),
		cmocka_unit_test(test_every_malformed_line_is_named_and_skipped),
		cmocka_unit_test(test_hostile_lines_are_shown_harmless),
		cmocka_unit_test(test_the_file_missing_unreadable_or_too_large),
		cmocka_unit_test(test_the_path_follows_xdg_then_home),
		cmocka_unit_test(test_the_theme_chosen),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
