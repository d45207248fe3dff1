/* xlsxlib.c - libxlsxwriter's functions, loaded when first needed. */
#include "xlsxlib.h"

#include "dynlib.h"

#ifndef XLSX_SONAME
#define XLSX_SONAME "libxlsxwriter.so.4"
#endif

struct xlsxlib xlsx;
static struct dynlib library = { .name = "libxlsxwriter", .soname = XLSX_SONAME };

bool xlsxlib_load(void)
{
	static const struct dynlib_symbol symbols[] = {
#define XLSXLIB_SYMBOL(name) { #name, (void **)&xlsx.name },
		XLSXLIB_FUNCTIONS(XLSXLIB_SYMBOL)
#undef XLSXLIB_SYMBOL
	};

	return dynlib_load(&library, symbols, sizeof(symbols) / sizeof(symbols[0]));
}

const char *xlsxlib_problem(void)
{
	return library.problem;
}
