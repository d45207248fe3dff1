/* yamllib.c - libyaml's functions, loaded when first needed. */
#include "yamllib.h"

#include "dynlib.h"

#ifndef YAML_SONAME
#define YAML_SONAME "libyaml-0.so.2"
#endif

struct yamllib yamllib;
static struct dynlib library = { .name = "libyaml", .soname = YAML_SONAME };

bool yamllib_load(void)
{
	static const struct dynlib_symbol symbols[] = {
#define YAMLLIB_SYMBOL(field, name) { #name, (void **)&yamllib.field },
		YAMLLIB_FUNCTIONS(YAMLLIB_SYMBOL)
#undef YAMLLIB_SYMBOL
	};

	return dynlib_load(&library, symbols, sizeof symbols / sizeof symbols[0]);
}

const char *yamllib_problem(void)
{
	return library.problem;
}
