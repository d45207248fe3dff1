/* vote_mhd.c - loading libmicrohttpd on first use. */
#include "vote_mhd.h"

#include <stdio.h>

#include "dynlib.h"
#include "i18n.h"

#ifndef MHD_SONAME
#define MHD_SONAME "libmicrohttpd.so.12"
#endif

static struct vote_mhd api;
static struct dynlib library = { .name = "libmicrohttpd", .soname = MHD_SONAME };

/* The library's functions that the server calls, and where each is kept. */
static const struct dynlib_symbol symbols[] = {
#define VOTE_MHD_SYMBOL(name) { #name, (void **)&api.name },
	VOTE_MHD_FUNCTIONS(VOTE_MHD_SYMBOL)
#undef VOTE_MHD_SYMBOL
};

const struct vote_mhd *vote_mhd_load(char *why, size_t why_size)
{
	if (dynlib_load(&library, symbols, sizeof(symbols) / sizeof(symbols[0])))
		return &api; /* and never unloaded: its threads may have run */
	snprintf(why, why_size,
		 /* TRANSLATORS: %s says why the library could not be loaded (dlerror's words). */
		 _("phone voting needs libmicrohttpd (Debian: apt-get install libmicrohttpd12): %s"),
		 library.problem);
	return NULL;
}

bool vote_mhd_loaded(void)
{
	return library.loaded;
}
