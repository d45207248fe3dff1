/* test_date.c - due dates as a facilitator types them, and dates shown the Dutch and the
 * English way. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"
#include "i18n.h"
#include "valid.h"

static const char TODAY[] = "2026-12-01";

/* Checks that TEXT, typed on day TODAY, reads as EXPECTED (an ISO date). */
static void check_parse(const char *text, const char *today, const char *expected)
{
	char iso[DATE_ISO_SIZE];
	const char *why = date_parse(text, today, iso);

	if (why != NULL)
		fail_msg("\"%s\": refused (%s), expected %s", text, why, expected);
	if (strcmp(iso, expected) != 0)
		fail_msg("\"%s\": read as %s, expected %s", text, iso, expected);
}

/* Checks that TEXT is refused, with a reason that contains HINT, and leaves ISO empty. */
static void check_refused(const char *text, const char *today, const char *hint)
{
	char iso[DATE_ISO_SIZE] = "x";
	const char *why = date_parse(text, today, iso);

	if (why == NULL)
		fail_msg("\"%s\": accepted as %s, expected a refusal", text, iso);
	if (strstr(why, hint) == NULL)
		fail_msg("\"%s\": reason \"%s\" does not say \"%s\"", text, why, hint);
	assert_string_equal(iso, "");
}

/* The forms of the issue, each with the year. */
static void test_forms(void **state)
{
	(void)state;
	check_parse("15-01-2027", TODAY, "2027-01-15");
	check_parse("15-1-2027", TODAY, "2027-01-15");
	check_parse("5-1-2027", TODAY, "2027-01-05");
	check_parse("15.1.2027", TODAY, "2027-01-15");
	check_parse("15/01/2027", TODAY, "2027-01-15");
	check_parse("15 januari 2027", TODAY, "2027-01-15");
	check_parse("15 jan 2027", TODAY, "2027-01-15");
	check_parse("15 jan. 2027", TODAY, "2027-01-15");
	check_parse("2027-01-15", TODAY, "2027-01-15");
	check_parse("2027-1-5", TODAY, "2027-01-05");
	check_parse("12-03-2026", TODAY, "2026-03-12"); /* the date of the issue: in the past */
}

/* Every month, Dutch and English, in full and short, with and without a full stop. */
static void test_month_names(void **state)
{
	static const char *const names[][5] = {
		{ "januari", "january", "jan", "jan.", NULL },
		{ "februari", "february", "feb", "feb.", NULL },
		{ "maart", "march", "mrt", "mrt.", "mar" },
		{ "april", "apr", "apr.", NULL, NULL },
		{ "mei", "may", "mei.", NULL, NULL },
		{ "juni", "june", "jun", "jun.", NULL },
		{ "juli", "july", "jul", "jul.", NULL },
		{ "augustus", "august", "aug", "aug.", NULL },
		{ "september", "sep", "sep.", "sept", "sept." },
		{ "oktober", "october", "okt", "okt.", "oct" },
		{ "november", "nov", "nov.", NULL, NULL },
		{ "december", "dec", "dec.", NULL, NULL },
	};
	char text[40], expected[DATE_ISO_SIZE];

	(void)state;
	for (int m = 0; m < 12; m++)
		for (int k = 0; k < 5 && names[m][k]; k++) {
			snprintf(text, sizeof text, "3 %s 2028", names[m][k]);
			snprintf(expected, sizeof expected, "2028-%02d-03", m + 1);
			check_parse(text, TODAY, expected);
		}
}

/* Case and spaces do not matter. */
static void test_case_and_spaces(void **state)
{
	(void)state;
	check_parse("15 JANUARI 2027", TODAY, "2027-01-15");
	check_parse("15 Jan. 2027", TODAY, "2027-01-15");
	check_parse("15 jAn 2027", TODAY, "2027-01-15");
	check_parse("  15   jan.   2027  ", TODAY, "2027-01-15");
	check_parse("\t15 jan\t2027", TODAY, "2027-01-15");
	check_parse("15jan2027", TODAY, "2027-01-15");
	check_parse(" 15 - 01 - 2027 ", TODAY, "2027-01-15");
	check_parse(" 2027-01-15 ", TODAY, "2027-01-15");
	check_parse("  15 JAN  ", TODAY, "2027-01-15");
}

/* Without a year: this year, or next year once the day has passed; today is this year. */
static void test_this_or_next_year(void **state)
{
	(void)state;
	check_parse("15 jan", TODAY, "2027-01-15");
	check_parse("15 jan.", TODAY, "2027-01-15");
	check_parse("15 januari", TODAY, "2027-01-15");
	check_parse("1 dec", TODAY, "2026-12-01");
	check_parse("30 nov", TODAY, "2027-11-30");
	check_parse("31 dec", TODAY, "2026-12-31");
	check_parse("15 jan", "2027-01-14", "2027-01-15");
	check_parse("15 jan", "2027-01-15", "2027-01-15");
	check_parse("15 jan", "2027-01-16", "2028-01-15");
	check_parse("29 feb", "2027-06-01", "2028-02-29"); /* next year is a leap year */
	check_parse("29 feb", "2028-01-01", "2028-02-29");
	check_refused("29 feb", TODAY, "no 29 February in the coming year");
	check_refused("29 feb", "2028-03-01", "no 29 February in the coming year");
	check_refused("31 apr", TODAY, "no such day");
	check_refused("15 jan", "not a date", "add the year");
	check_refused("15 jan", "", "add the year");
}

/* Leap days and the lengths of months. */
static void test_leap_days(void **state)
{
	(void)state;
	check_parse("29-2-2028", TODAY, "2028-02-29");
	check_parse("29 feb 2028", TODAY, "2028-02-29");
	check_parse("2000-02-29", TODAY, "2000-02-29");
	check_refused("29-2-2027", TODAY, "leap year");
	check_refused("29 februari 2027", TODAY, "leap year");
	check_refused("2100-02-29", TODAY, "leap year");
	check_refused("31-04-2027", TODAY, "no such day");
	check_refused("31 juni 2027", TODAY, "no such day");
	check_parse("31-12-2027", TODAY, "2027-12-31");
	check_parse("30-4-2027", TODAY, "2027-04-30");
}

/* Ambiguous input is refused with a reason that says how to write it. */
static void test_ambiguous(void **state)
{
	(void)state;
	check_refused("1/2", TODAY, "add the year");
	check_refused("1-2", TODAY, "read two ways");
	check_refused("15.01", TODAY, "add the year");
	check_refused("15-01-27", TODAY, "year in full");
	check_refused("15/1/27", TODAY, "year in full");
	check_refused("15 jan 27", TODAY, "year in full");
}

/* Invalid input is refused, whatever it is. */
static void test_invalid(void **state)
{
	static const char *const texts[] = {
		"15", "jan", "jan 15", "januari 2027", "15 2027", "15 01 2027", "15-01/2027",
		"2027/01/15", "2027.01.15", "15-01-02027", "015-01-2027", "15-001-2027",
		"15 jan 2027 14:00", "15 jan 2027.", "15 jan 20277", "2027-01", "2027-01-", "-15-01-2027",
		"15--01-2027", "99999999999999999999-01-2027", "15-01-99999999999999999999", "x",
		"15 jan. .", "15é jan", "2027-01-15T10:00",
	};

	(void)state;
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		check_refused(texts[i], TODAY, "");
	check_refused("", TODAY, "no date given");
	check_refused("   ", TODAY, "no date given");
	check_refused("15 janvier 2027", TODAY, "unknown month");
	check_refused("15 ja 2027", TODAY, "unknown month");
	check_refused("15 decemberrrrrrrr 2027", TODAY, "unknown month");
	check_refused("15-13-2027", TODAY, "month must be 1 to 12");
	check_refused("15-0-2027", TODAY, "month must be 1 to 12");
	check_refused("0-1-2027", TODAY, "day must be 1 to 31");
	check_refused("32 jan 2027", TODAY, "day must be 1 to 31");
	check_refused("15-01-1899", TODAY, "1900 or later");
	check_refused("15 jan 2027 x", TODAY, "not a date");
}

/* Every parsed date is one that date_valid accepts. */
static void test_parsed_dates_are_valid(void **state)
{
	char text[32], iso[DATE_ISO_SIZE];
	int accepted = 0;

	(void)state;
	for (int d = 0; d <= 32; d++)
		for (int m = 0; m <= 13; m++) {
			snprintf(text, sizeof text, "%d-%d-2028", d, m);
			if (date_parse(text, TODAY, iso) == NULL) {
				assert_true(date_valid(iso));
				accepted++;
			}
		}
	assert_int_equal(accepted, 366);
}

/* The Dutch way: "15 jan. 2027", the glossary's abbreviations; the English way: "15 Jan 2027". */
static void test_format(void **state)
{
	static const char *const dutch[] = { "jan.", "feb.", "mrt.", "apr.", "mei", "jun.",
					     "jul.", "aug.", "sep.", "okt.", "nov.", "dec." };
	static const char *const english[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	char out[DATE_TEXT_SIZE], iso[DATE_ISO_SIZE], expected[DATE_TEXT_SIZE];

	(void)state;
	assert_true(date_format("2027-01-15", DATE_DUTCH, out, sizeof out));
	assert_string_equal(out, "15 jan. 2027");
	assert_true(date_format("2027-01-15", DATE_ENGLISH, out, sizeof out));
	assert_string_equal(out, "15 Jan 2027");
	assert_true(date_format("2027-05-05", DATE_DUTCH, out, sizeof out));
	assert_string_equal(out, "5 mei 2027");
	for (int m = 1; m <= 12; m++) {
		snprintf(iso, sizeof iso, "2027-%02d-28", m);
		assert_true(date_format(iso, DATE_DUTCH, out, sizeof out));
		snprintf(expected, sizeof expected, "28 %s 2027", dutch[m - 1]);
		assert_string_equal(out, expected);
		assert_true(date_format(iso, DATE_ENGLISH, out, sizeof out));
		snprintf(expected, sizeof expected, "28 %s 2027", english[m - 1]);
		assert_string_equal(out, expected);
	}
	assert_false(date_format("2027-02-29", DATE_DUTCH, out, sizeof out));
	assert_string_equal(out, "");
	assert_false(date_format("15-01-2027", DATE_DUTCH, out, sizeof out));
	assert_false(date_format("2027-01-15", DATE_DUTCH, out, 12)); /* needs 13 */
	assert_string_equal(out, "");
	assert_true(date_format("2027-01-15", DATE_DUTCH, out, 13));
	assert_false(date_format("2027-01-15", (enum date_style)7, out, sizeof out));
}

/* What is shown can be typed back: the Dutch and the English form read as the same date. */
static void test_format_reads_back(void **state)
{
	char out[DATE_TEXT_SIZE], iso[DATE_ISO_SIZE];

	(void)state;
	for (int m = 1; m <= 12; m++) {
		char start[DATE_ISO_SIZE];

		snprintf(start, sizeof start, "2027-%02d-09", m);
		for (int style = DATE_DUTCH; style <= DATE_ENGLISH; style++) {
			assert_true(date_format(start, (enum date_style)style, out, sizeof out));
			assert_null(date_parse(out, TODAY, iso));
			assert_string_equal(iso, start);
		}
	}
}

/* A date before today lies in the past; today and later do not; invalid dates do not. */
static void test_is_past(void **state)
{
	char today[DATE_ISO_SIZE];

	(void)state;
	assert_true(date_is_past("2026-11-30", TODAY));
	assert_true(date_is_past("2025-12-31", TODAY));
	assert_false(date_is_past("2026-12-01", TODAY));
	assert_false(date_is_past("2027-01-15", TODAY));
	assert_false(date_is_past("2026-02-30", TODAY));
	assert_false(date_is_past("2026-11-30", "today"));
	date_today(today);
	assert_true(date_valid(today));
	assert_false(date_is_past(today, today));
}

/* Durations read as a clock: minutes and seconds below an hour, hours from an hour on. */
static void test_duration_clock(void **state)
{
	char out[24];

	(void)state;
	assert_string_equal(duration_clock(0, out, sizeof out), "0:00");
	assert_string_equal(duration_clock(23, out, sizeof out), "0:23");
	assert_string_equal(duration_clock(725, out, sizeof out), "12:05");
	assert_string_equal(duration_clock(3599, out, sizeof out), "59:59");
	assert_string_equal(duration_clock(3600, out, sizeof out), "1:00:00");
	assert_string_equal(duration_clock(3723, out, sizeof out), "1:02:03");
	assert_string_equal(duration_clock(100 * 3600ul + 1, out, sizeof out), "100:00:01");
}

/* Every reason a date is refused is marked for translation and translated: with the Dutch
 * catalogue built beside the test programs (BUILD/locale), each one reads differently, and no
 * two read the same. */
static void test_reasons_translated(void **state)
{
	static const struct {
		const char *text, *today;
	} refused[] = {
		{ "", TODAY },           { "morgen", TODAY },      { "15-01-27", TODAY },
		{ "1/2", TODAY },        { "15 foo 2027", TODAY }, { "15-13-2027", TODAY },
		{ "32-01-2027", TODAY }, { "31-04-2027", TODAY },  { "15-01-1899", TODAY },
		{ "15 jan", "" },        { "29 feb", TODAY },
	};
	enum { N = sizeof(refused) / sizeof(refused[0]) };
	const char *dutch[N];
	char dir[4096], iso[DATE_ISO_SIZE];
	const char *build = getenv("BUILD");

	(void)state;
	if (!build) {
		skip();
		return;
	}
	snprintf(dir, sizeof(dir), "%s/locale", build);
	i18n_init("nl");
	bindtextdomain("meetlat", dir); /* the test program is not beside the catalogues */
	for (size_t i = 0; i < N; i++) {
		const char *why = date_parse(refused[i].text, refused[i].today, iso);

		assert_non_null(why);
		dutch[i] = _(why);
		if (strcmp(dutch[i], why) == 0)
			fail_msg("\"%s\": the reason is not translated: %s", refused[i].text, why);
		for (size_t k = 0; k < i; k++)
			if (strcmp(dutch[k], dutch[i]) == 0)
				fail_msg("\"%s\" and \"%s\" give one reason", refused[k].text,
					 refused[i].text);
	}
	assert_non_null(strstr(dutch[3], "jaar")); /* 1/2: add the year */
	i18n_init("en");
	assert_string_equal(_(date_parse("1/2", TODAY, iso)), date_parse("1/2", TODAY, iso));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_month_names),
		cmocka_unit_test(test_case_and_spaces),
		cmocka_unit_test(test_this_or_next_year),
		cmocka_unit_test(test_leap_days),
		cmocka_unit_test(test_ambiguous),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_parsed_dates_are_valid),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_reads_back),
		cmocka_unit_test(test_is_past),
		cmocka_unit_test(test_duration_clock),
		cmocka_unit_test(test_reasons_translated),
	};

	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
