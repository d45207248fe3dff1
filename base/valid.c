/* valid.c - the forms that texts in both file formats must have: identifiers and dates. */
#include "valid.h"

#include <stdlib.h>
#include <string.h>

bool ident_valid(const char *text)
{
	size_t len = strlen(text);

	if (len == 0 || len > 64)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= '0' && text[i] <= '9') ||
		      text[i] == '-'))
			return false;
	return true;
}

/* Returns the number of days in MONTH (1-12) of YEAR. */
static int days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

bool date_valid(const char *text)
{
	int year, month, day;

	if (strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9'))
			return false;
	year = atoi(text);
	month = atoi(text + 5);
	day = atoi(text + 8);
	return year >= 1900 && month >= 1 && month <= 12 && day >= 1 &&
	       day <= days_in_month(year, month);
}
