/* date.c - due dates as a facilitator types them, and dates as a Dutch or English reader
 * reads them. */
#include "date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "valid.h"

/* Why a date is refused: sentences for the facilitator, translated where they are shown. */
static const char *const R_EMPTY = N_("no date given: type it as 15-01-2027 or 15 jan 2027");
static const char *const R_FORM =
	N_("not a date: type it as 15-01-2027, 15 jan 2027 or 2027-01-15");
static const char *const R_SHORT_YEAR =
	N_("write the year in full, as in 15-01-2027: a year of two digits can be read two ways");
static const char *const R_NO_YEAR =
	N_("day and month in figures can be read two ways: add the year (15-1-2027) or write "
	   "the month as a word (15 jan)");
static const char *const R_MONTH_NAME =
	N_("unknown month: write it in full (januari) or short (jan, feb, mrt, ...)");
static const char *const R_MONTH = N_("the month must be 1 to 12");
static const char *const R_DAY = N_("the day must be 1 to 31");
static const char *const R_NO_DAY =
	N_("that month has no such day (April, June, September and November have 30; "
	   "February has 29 only in a leap year)");
static const char *const R_YEAR = N_("the year must be 1900 or later");
static const char *const R_NO_TODAY =
	N_("today's date is unknown, so a date without a year cannot be placed: add the year");
static const char *const R_NO_LEAP =
	N_("there is no 29 February in the coming year: add the year");

/* The month names a date may be typed with, Dutch and English, in full and abbreviated. */
static const struct {
	const char *name;
	int month;
} month_names[] = {
	{ "januari", 1 },    { "january", 1 },   { "jan", 1 },      { "februari", 2 },
	{ "february", 2 },   { "feb", 2 },       { "maart", 3 },    { "march", 3 },
	{ "mrt", 3 },        { "mar", 3 },       { "april", 4 },    { "apr", 4 },
	{ "mei", 5 },        { "may", 5 },       { "juni", 6 },     { "june", 6 },
	{ "jun", 6 },        { "juli", 7 },      { "july", 7 },     { "jul", 7 },
	{ "augustus", 8 },   { "august", 8 },    { "aug", 8 },      { "september", 9 },
	{ "sep", 9 },        { "sept", 9 },      { "oktober", 10 }, { "october", 10 },
	{ "okt", 10 },       { "oct", 10 },      { "november", 11 }, { "nov", 11 },
	{ "december", 12 },  { "dec", 12 },
};

/* The months as each style shows them (the Dutch abbreviations of the glossary). */
static const char *const shown_months[][12] = {
	[DATE_DUTCH] = { "jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.",
			 "okt.", "nov.", "dec." },
	[DATE_ENGLISH] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
			   "Nov", "Dec" },
};

/* Returns true for an ASCII letter. */
static bool is_ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Moves *P past spaces and tabs. */
static void skip_spaces(const char **p)
{
	while (**p == ' ' || **p == '\t')
		(*p)++;
}

/* Reads the digits at *P into *VALUE (the first nine of them) and returns how many there
 * were, 0 when none. */
static size_t read_number(const char **p, int *value)
{
	size_t digits = 0;

	*value = 0;
	for (; **p >= '0' && **p <= '9'; (*p)++, digits++)
		if (digits < 9)
			*value = *value * 10 + (**p - '0');
	return digits;
}

/* Reads the letters at *P as a month name; returns its month, or 0 when it names none. */
static int read_month_name(const char **p)
{
	char word[12];
	size_t len = 0;

	for (; is_ascii_letter(**p); (*p)++)
		if (len < sizeof word - 1)
			word[len++] = (char)(**p | 0x20);
		else
			len = sizeof word; /* too long for any month */
	if (len >= sizeof word)
		return 0;
	word[len] = '\0';
	for (size_t i = 0; i < sizeof month_names / sizeof month_names[0]; i++)
		if (strcmp(word, month_names[i].name) == 0)
			return month_names[i].month;
	return 0;
}

/* Writes YEAR-MONTH-DAY into ISO when it is a real date; else returns why not (ISO ""). */
static const char *make_date(int year, int month, int day, char iso[DATE_ISO_SIZE])
{
	char text[40];

	iso[0] = '\0';
	if (month < 1 || month > 12)
		return R_MONTH;
	if (day < 1 || day > 31)
		return R_DAY;
	if (year < 1900 || year > 9999)
		return R_YEAR;
	snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
	if (!date_valid(text))
		return R_NO_DAY;
	memcpy(iso, text, DATE_ISO_SIZE);
	return NULL;
}

/* Writes into ISO the first DAY of MONTH from TODAY on: this year's, or next year's when this
 * year's has passed or does not exist; returns why there is none. */
static const char *date_in_coming_year(int day, int month, const char *today,
				       char iso[DATE_ISO_SIZE])
{
	const char *why;
	int year;

	iso[0] = '\0';
	if (!date_valid(today))
		return R_NO_TODAY;
	year = atoi(today);
	why = make_date(year, month, day, iso);
	if (why && why != R_NO_DAY)
		return why;
	if (!why && strcmp(iso, today) >= 0)
		return NULL;
	why = make_date(year + 1, month, day, iso);
	return why == R_NO_DAY && month == 2 && day == 29 ? R_NO_LEAP : why;
}

/* Reads the rest of a date that began with DAY (DAY_DIGITS digits) and a month name at P:
 * "jan", "jan.", "januari 2027". */
static const char *parse_month_name_form(int day, size_t day_digits, const char *p,
					 const char *today, char iso[DATE_ISO_SIZE])
{
	int month = read_month_name(&p), year;
	size_t year_digits;

	if (day_digits > 2)
		return R_FORM;
	if (month == 0)
		return R_MONTH_NAME;
	if (*p == '.')
		p++;
	skip_spaces(&p);
	if (*p == '\0')
		return date_in_coming_year(day, month, today, iso);
	year_digits = read_number(&p, &year);
	skip_spaces(&p);
	if (year_digits == 0 || *p != '\0')
		return R_FORM;
	if (year_digits == 2)
		return R_SHORT_YEAR;
	return year_digits == 4 ? make_date(year, month, day, iso) : R_FORM;
}

/* Reads the rest of a date in figures that began with FIRST (FIRST_DIGITS digits) and a
 * separator at P: day-month-year (separator '-', '.' or '/') or ISO year-month-day ('-'). */
static const char *parse_figures_form(int first, size_t first_digits, const char *p,
				      char iso[DATE_ISO_SIZE])
{
	char separator = *p++;
	int second, third;
	size_t second_digits, third_digits;

	skip_spaces(&p);
	second_digits = read_number(&p, &second);
	skip_spaces(&p);
	if (second_digits == 0 || second_digits > 2)
		return R_FORM;
	if (*p == '\0')
		return first_digits <= 2 ? R_NO_YEAR : R_FORM;
	if (*p++ != separator)
		return R_FORM;
	skip_spaces(&p);
	third_digits = read_number(&p, &third);
	skip_spaces(&p);
	if (third_digits == 0 || *p != '\0')
		return R_FORM;
	if (first_digits == 4) /* ISO, year first */
		return separator == '-' && third_digits <= 2 ? make_date(first, second, third, iso)
							     : R_FORM;
	if (first_digits > 2)
		return R_FORM;
	if (third_digits == 2)
		return R_SHORT_YEAR;
	return third_digits == 4 ? make_date(third, second, first, iso) : R_FORM;
}

const char *date_parse(const char *text, const char *today, char iso[DATE_ISO_SIZE])
{
	const char *p = text;
	int first;
	size_t digits;

	iso[0] = '\0';
	skip_spaces(&p);
	if (*p == '\0')
		return R_EMPTY;
	digits = read_number(&p, &first);
	skip_spaces(&p);
	if (digits == 0)
		return R_FORM;
	if (is_ascii_letter(*p))
		return parse_month_name_form(first, digits, p, today, iso);
	if (*p == '-' || *p == '.' || *p == '/')
		return parse_figures_form(first, digits, p, iso);
	return R_FORM;
}

bool date_format(const char *iso, enum date_style style, char *out, size_t size)
{
	int n;

	if (size == 0)
		return false;
	out[0] = '\0';
	if (!date_valid(iso) || (style != DATE_DUTCH && style != DATE_ENGLISH))
		return false;
	n = snprintf(out, size, "%d %s %d", atoi(iso + 8), shown_months[style][atoi(iso + 5) - 1],
		     atoi(iso));
	if (n < 0 || (size_t)n >= size) {
		out[0] = '\0';
		return false;
	}
	return true;
}

enum date_style date_style_spoken(void)
{
	return strcmp(i18n_language(), "nl") == 0 ? DATE_DUTCH : DATE_ENGLISH;
}

const char *duration_clock(unsigned long seconds, char *out, size_t size)
{
	if (seconds >= 3600)
		snprintf(out, size, "%lu:%02lu:%02lu", seconds / 3600, seconds / 60 % 60, seconds % 60);
	else
		snprintf(out, size, "%lu:%02lu", seconds / 60, seconds % 60);
	return out;
}

bool date_is_past(const char *iso, const char *today)
{
	return date_valid(iso) && date_valid(today) && strcmp(iso, today) < 0;
}

void date_today(char iso[DATE_ISO_SIZE])
{
	time_t now = time(NULL);
	struct tm local;

	if (localtime_r(&now, &local) == NULL ||
	    strftime(iso, DATE_ISO_SIZE, "%Y-%m-%d", &local) != DATE_ISO_SIZE - 1)
		iso[0] = '\0';
}
