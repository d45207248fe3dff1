/* xlsxlib.h - the functions of libxlsxwriter that the xlsx report calls, loaded when an xlsx
 * report is first written (base/dynlib.h). libxlsxwriter brings minizip, zlib and OpenSSL's
 * libcrypto; a program that linked it would map and relocate them at every start (issue 10).
 * Called as xlsx.workbook_new_opt(path, &options), after xlsxlib_load(). */
#ifndef MEETLAT_XLSXLIB_H
#define MEETLAT_XLSXLIB_H

#include <stdbool.h>
#include <xlsxwriter.h>

/* The functions, each by its name in the library (X is applied to each). */
#define XLSXLIB_FUNCTIONS(X)                                                              \
	X(workbook_new_opt) X(workbook_close) X(workbook_add_worksheet) X(workbook_add_format) \
	X(workbook_add_chart) X(format_set_bold) X(worksheet_write_string)                 \
	X(worksheet_write_number) X(worksheet_set_column) X(worksheet_insert_chart)        \
	X(chart_title_set_name) X(chart_add_series) X(chart_series_set_categories)         \
	X(chart_series_set_values) X(chart_series_set_name_range) X(lxw_strerror)

/* A pointer of the library's own type for each function. */
struct xlsxlib {
#define XLSXLIB_POINTER(name) __typeof__(name) *name;
	XLSXLIB_FUNCTIONS(XLSXLIB_POINTER)
#undef XLSXLIB_POINTER
};

/* libxlsxwriter's functions: NULL until xlsxlib_load() succeeded. */
extern struct xlsxlib xlsx;

/* Loads libxlsxwriter once (XLSX_SONAME); false when it cannot be, with why in
 * xlsxlib_problem(). */
bool xlsxlib_load(void);

/* Why libxlsxwriter could not be loaded (a sentence naming the library), after a failure. */
const char *xlsxlib_problem(void);

#endif
