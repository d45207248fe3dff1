/* date.h - due dates as a facilitator types them, and dates as a Dutch or English reader
 * reads them. Files always hold ISO 8601 (YYYY-MM-DD); this module reads what people type and
 * writes what people read, and durations as a clock shows them.
 *
 * Accepted, with any case and any spaces around the parts (leading, trailing, several):
 *   15-01-2027, 15-1-2027, 15.1.2027, 15/1/2027   day first, as the Netherlands writes it
 *   2027-01-15, 2027-1-15                          ISO, year first (with '-' only)
 *   15 januari 2027, 15 jan 2027, 15 jan. 2027     a month name, Dutch or English, in full or
 *                                                  abbreviated (jan, feb, mrt/mar, mei/may,
 *                                                  okt/oct, sept, ...), a full stop allowed
 *   15 jan, 15 jan., 15 januari                    no year: this year, or next year when that
 *                                                  day has passed (today itself is this year)
 * Refused, with a reason:
 *   a year of two digits (15-01-27): 27 could be 1927 or 2027;
 *   day and month in figures without a year (1/2, 1-2): a Dutch reader takes 1/2 for 1
 *   February, an English one for 2 January, and it may be a fraction: write the year or the
 *   month as a word;
 *   a day or month out of range, a day the month does not have (31-04-2027, 29-2-2027), a year
 *   before 1900 (as date_valid), an unknown month name, anything else. */
#ifndef MEETLAT_DATE_H
#define MEETLAT_DATE_H

#include <stdbool.h>
#include <stddef.h>

enum { DATE_ISO_SIZE = 11, DATE_TEXT_SIZE = 24 }; /* "YYYY-MM-DD" and a NUL; a shown date */

/* How a date is shown: "15 jan. 2027" for Dutch, "15 Jan 2027" for English. */
enum date_style { DATE_DUTCH, DATE_ENGLISH };

/* Reads TEXT, a date as typed, into ISO (YYYY-MM-DD); TODAY (YYYY-MM-DD) chooses the year when
 * TEXT names none. Returns NULL on success, else why TEXT is refused (a sentence for the
 * facilitator, in English and marked for translation: show it with _(); ISO is then "").
 * A TODAY that is not a valid date refuses every date without a
 * year. */
const char *date_parse(const char *text, const char *today, char iso[DATE_ISO_SIZE]);

/* Writes ISO (YYYY-MM-DD) in STYLE into OUT (SIZE bytes; DATE_TEXT_SIZE is enough): the day
 * without a leading zero, the month abbreviated ("jan.", "mrt.", "mei", ... in Dutch; "Jan",
 * "Mar", "May", ... in English) and the year. Returns false, OUT "", when ISO is not a valid
 * date or OUT too small. */
bool date_format(const char *iso, enum date_style style, char *out, size_t size);

/* The style of the language the interface speaks now (i18n_language): Dutch for "nl", else
 * English. */
enum date_style date_style_spoken(void);

/* Writes SECONDS as a clock reads them into OUT (SIZE bytes; 24 is enough): "0:23", "12:05"
 * below an hour, "1:02:03" from an hour on. Returns OUT. */
const char *duration_clock(unsigned long seconds, char *out, size_t size);

/* Returns true when ISO lies before TODAY (both YYYY-MM-DD); false when either is invalid. */
bool date_is_past(const char *iso, const char *today);

/* Writes today's local date as YYYY-MM-DD into ISO ("" when the clock cannot be read). */
void date_today(char iso[DATE_ISO_SIZE]);

#endif
