/* test_i18n.c - the interface's language: how it is chosen (option, environment, content, LANG),
 * language codes read from locale names, and Dutch plurals from the built catalogue. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "i18n.h"

/* Locale and language names give their language code; C, POSIX and malformed ones none. */
static void test_code_of(void **state)
{
	static const struct { const char *name, *code; } cases[] = {
		{ "nl", "nl" },          { "nl_NL.UTF-8", "nl" }, { "nl_BE@euro", "nl" },
		{ "en_GB.UTF-8", "en" }, { "fry_NL", "fry" },     { "nl:en", "nl" },
		{ "C", NULL },           { "C.UTF-8", NULL },     { "POSIX", NULL },
		{ "", NULL },            { "n", NULL },           { "nlxx", NULL },
		{ "NL", NULL },          { "nl-NL", NULL },       { "../x", NULL },
	};
	char code[16];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		bool named = i18n_code_of(cases[i].name, code);

		assert_int_equal(named, cases[i].code != NULL);
		assert_string_equal(code, cases[i].code ? cases[i].code : "");
	}
	assert_false(i18n_code_of(NULL, code));
}

/* The order of the choice: --lang, LANGUAGE, LC_ALL, LC_MESSAGES, the content, LANG, English. */
static void test_choice_order(void **state)
{
	struct i18n_env env = { "nl", "en_US.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8" };
	char code[16];

	(void)state;
	assert_int_equal(i18n_choose("en", &env, "nl", code), I18N_OPTION);
	assert_string_equal(code, "en");
	assert_int_equal(i18n_choose(NULL, &env, "en", code), I18N_ENVIRONMENT);
	assert_string_equal(code, "nl");
	env.language = NULL;
	assert_int_equal(i18n_choose(NULL, &env, "nl", code), I18N_ENVIRONMENT);
	assert_string_equal(code, "en");
	env.lc_all = "C.UTF-8"; /* names no language: the next one decides */
	assert_int_equal(i18n_choose(NULL, &env, "nl", code), I18N_ENVIRONMENT);
	assert_string_equal(code, "de");
	env.lc_messages = NULL;
	assert_int_equal(i18n_choose(NULL, &env, "nl", code), I18N_CONTENT);
	assert_string_equal(code, "nl");
	assert_int_equal(i18n_choose(NULL, &env, NULL, code), I18N_LANG);
	assert_string_equal(code, "fr");
	env.lang = "C.UTF-8";
	assert_int_equal(i18n_choose(NULL, &env, NULL, code), I18N_DEFAULT);
	assert_string_equal(code, "en");
}

/* A LANGUAGE list chooses its first entry that meetlat speaks, else its first language. */
static void test_language_list(void **state)
{
	struct i18n_env env = { "fr:nl_NL:en", NULL, NULL, NULL };
	char code[16];

	(void)state;
	assert_int_equal(i18n_choose(NULL, &env, NULL, code), I18N_ENVIRONMENT);
	assert_string_equal(code, "nl");
	env.language = "fr:de";
	i18n_choose(NULL, &env, NULL, code);
	assert_string_equal(code, "fr");
	env.language = "";
	assert_int_equal(i18n_choose(NULL, &env, "nl", code), I18N_CONTENT);
}

/* meetlat speaks English and the languages of po/LINGUAS, nothing else. */
static void test_known(void **state)
{
	(void)state;
	assert_true(i18n_known("en"));
	assert_true(i18n_known("nl"));
	assert_false(i18n_known("n"));
	assert_false(i18n_known("de"));
	assert_false(i18n_known(""));
}

/* With the catalogue built beside the test programs (BUILD/locale), the content's language is
 * spoken unless the environment chose; Dutch plurals: 1 is singular, 0 and 2 plural. */
static void test_catalogue_plurals(void **state)
{
	char dir[4096];
	const char *build = getenv("BUILD");

	(void)state;
	if (!build) {
		skip();
		return;
	}
	snprintf(dir, sizeof(dir), "%s/locale", build);
	unsetenv("LANGUAGE");
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	setenv("LANG", "C.UTF-8", 1);
	i18n_init(NULL);
	bindtextdomain("meetlat", dir); /* the test program is not beside the catalogues */
	assert_string_equal(i18n_language(), "en");
	assert_string_equal(ngettext("%zu row", "%zu rows", 2), "%zu rows");
	i18n_follow_content("nl");
	assert_string_equal(i18n_language(), "nl");
	assert_string_equal(ngettext("%zu row", "%zu rows", 1), "%zu rij");
	assert_string_equal(ngettext("%zu row", "%zu rows", 0), "%zu rijen");
	assert_string_equal(ngettext("%zu row", "%zu rows", 2), "%zu rijen");
	assert_string_equal(_("unknown option"), "onbekende optie");
	i18n_follow_content("en"); /* a second content in English */
	assert_string_equal(_("unknown option"), "unknown option");
	setenv("LANGUAGE", "en", 1); /* the environment wins over the content */
	i18n_init(NULL);
	bindtextdomain("meetlat", dir);
	i18n_follow_content("nl");
	assert_string_equal(i18n_language(), "en");
	assert_string_equal(_("unknown option"), "unknown option");
	i18n_init("nl"); /* and --lang over the environment */
	bindtextdomain("meetlat", dir);
	assert_string_equal(ngettext("%zu group", "%zu groups", 3), "%zu groepen");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_code_of),
		cmocka_unit_test(test_choice_order),
		cmocka_unit_test(test_language_list),
		cmocka_unit_test(test_known),
		cmocka_unit_test(test_catalogue_plurals),
	};

	return cmocka_run_group_tests_name("i18n", tests, NULL, NULL);
}
