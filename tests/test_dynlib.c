/* test_dynlib.c - a library loaded when first needed: found, missing, or missing a function. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "dynlib.h"

#ifndef YAML_SONAME
#define YAML_SONAME "libyaml-0.so.2"
#endif

/* A library that is installed (libyaml, which the tests need anyway) loads, its function is
 * found and works, and a second load answers from the first. */
static void test_loads_once(void **state)
{
	struct dynlib lib = { .name = "libyaml", .soname = YAML_SONAME };
	const char *(*version)(void) = NULL;
	const struct dynlib_symbol symbols[] = {
		{ "yaml_get_version_string", (void **)&version },
	};

	(void)state;
	assert_true(dynlib_load(&lib, symbols, 1));
	assert_non_null(version);
	assert_true(strlen(version()) >= 5); /* "0.2.5" */
	assert_true(lib.tried && lib.loaded);
	version = NULL;
	assert_true(dynlib_load(&lib, symbols, 1)); /* not loaded again: nothing refilled */
	assert_null(version);
}

/* A library that is not installed: false, and the problem names the library and its file. */
static void test_missing_library(void **state)
{
	struct dynlib lib = { .name = "libnothing", .soname = "libnothing-meetlat.so.9" };
	void (*fn)(void) = NULL;
	const struct dynlib_symbol symbols[] = { { "nothing", (void **)&fn } };

	(void)state;
	assert_false(dynlib_load(&lib, symbols, 1));
	assert_non_null(strstr(lib.problem, "libnothing could not be loaded: "));
	assert_non_null(strstr(lib.problem, "libnothing-meetlat.so.9"));
	assert_null(fn);
	assert_false(dynlib_load(&lib, symbols, 1)); /* tried once, fails again at once */
}

/* A library without one of the functions: false, the problem names the function, and every
 * pointer is left NULL (none half-filled). */
static void test_missing_function(void **state)
{
	struct dynlib lib = { .name = "libyaml", .soname = YAML_SONAME };
	void *first = NULL, *second = NULL;
	const struct dynlib_symbol symbols[] = {
		{ "yaml_get_version_string", &first },
		{ "yaml_no_such_function", &second },
	};

	(void)state;
	assert_false(dynlib_load(&lib, symbols, 2));
	assert_non_null(strstr(lib.problem, "yaml_no_such_function is missing from " YAML_SONAME));
	assert_null(first);
	assert_null(second);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_loads_once),
		cmocka_unit_test(test_missing_library),
		cmocka_unit_test(test_missing_function),
	};

	return cmocka_run_group_tests_name("dynlib", tests, NULL, NULL);
}
