/* dynlib.h - a shared library loaded the first time it is needed (dlopen), for the libraries
 * that the start does not call: libyaml (content/yamllib.h), libhyphen (hyphenate.c) and
 * libmicrohttpd (vote/vote_mhd.c). A
 * library the program links is mapped, relocated and searched at every start; one it opens when
 * first needed costs nothing until then (issue 10: showing the built-in almanac needs neither).
 * The program does not link them, so a package must name them as dependencies itself. */
#ifndef MEETLAT_DYNLIB_H
#define MEETLAT_DYNLIB_H

#include <stdbool.h>
#include <stddef.h>

/* One function of a library: its name and the pointer it is stored in, as POSIX's dlsym page
 * writes it: { "yaml_parser_initialize", (void **)&lib.parser_initialize }. */
struct dynlib_symbol {
	const char *name;
	void **address;
};

/* A library by its name in messages and its soname ("libyaml", "libyaml-0.so.2"), loaded at
 * most once. */
struct dynlib {
	const char *name, *soname;
	bool tried, loaded;
	char problem[320]; /* why it could not be loaded, once tried and failed */
};

/* Loads LIB once and fills the COUNT SYMBOLS; true when the library and every symbol were
 * found. Safe to call from several threads at once. On failure LIB->problem says which
 * library and why (dlerror's words); the symbols are then left NULL and later calls fail at
 * once with the same problem. */
bool dynlib_load(struct dynlib *lib, const struct dynlib_symbol *symbols, size_t count);

#endif
