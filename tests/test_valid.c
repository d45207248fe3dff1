/* test_valid.c - the forms of identifiers and dates that both file formats require. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "valid.h"

/* Only real calendar dates written YYYY-MM-DD are valid. */
static void test_date_valid(void **state)
{
	(void)state;
	assert_true(date_valid("2024-02-29"));
	assert_true(date_valid("2000-02-29"));
	assert_true(date_valid("2026-12-31"));
	assert_false(date_valid("2023-02-29"));
	assert_false(date_valid("1900-02-29"));
	assert_false(date_valid("2026-13-01"));
	assert_false(date_valid("2026-00-10"));
	assert_false(date_valid("2026-04-31"));
	assert_false(date_valid("2026-01-00"));
	assert_false(date_valid("2026-1-01"));
	assert_false(date_valid("2026-01-01 "));
	assert_false(date_valid("2026/01/01"));
	assert_false(date_valid(""));
}

/* Identifiers: [a-z0-9-]+, 1 to 64 characters. */
static void test_ident_valid(void **state)
{
	(void)state;
	assert_true(ident_valid("sociale-media-almanak"));
	assert_true(ident_valid("a"));
	assert_true(ident_valid("0-9"));
	assert_false(ident_valid(""));
	assert_false(ident_valid("A"));
	assert_false(ident_valid("a_b"));
	assert_false(ident_valid("a b"));
	assert_false(ident_valid("é"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_valid),
		cmocka_unit_test(test_ident_valid),
	};

	return cmocka_run_group_tests_name("valid", tests, NULL, NULL);
}
