/* qrlib.c - libqrencode's functions, loaded when first needed. */
#include "qrlib.h"

#include "dynlib.h"

#ifndef QRENCODE_SONAME
#define QRENCODE_SONAME "libqrencode.so.4"
#endif

struct qrlib qrlib;
static struct dynlib library = { .name = "libqrencode", .soname = QRENCODE_SONAME };

bool qrlib_load(void)
{
	static const struct dynlib_symbol symbols[] = {
#define QRLIB_SYMBOL(name) { #name, (void **)&qrlib.name },
		QRLIB_FUNCTIONS(QRLIB_SYMBOL)
#undef QRLIB_SYMBOL
	};

	return dynlib_load(&library, symbols, sizeof(symbols) / sizeof(symbols[0]));
}
