/* vote_mhd.c - loading libmicrohttpd on first use. */
#include "vote_mhd.h"

#include <dlfcn.h>
#include <stdio.h>

#include "i18n.h"

static struct vote_mhd api;
static bool loaded;

/* The library's file names, the one of its ABI first. */
static const char *const library_names[] = { "libmicrohttpd.so.12", "libmicrohttpd.so" };

/* Sets *FIELD (a function pointer) to the symbol NAME of HANDLE; false when it has none. */
#define LOAD(handle, field, name) \
	((*(void **)&api.field = dlsym(handle, name)) != NULL)

/* Fills the table from HANDLE; false when a function is missing (a library too old). */
static bool load_functions(void *handle)
{
	return LOAD(handle, start_daemon, "MHD_start_daemon") &&
	       LOAD(handle, stop_daemon, "MHD_stop_daemon") &&
	       LOAD(handle, lookup_connection_value, "MHD_lookup_connection_value") &&
	       LOAD(handle, get_connection_info, "MHD_get_connection_info") &&
	       LOAD(handle, create_response_from_buffer, "MHD_create_response_from_buffer") &&
	       LOAD(handle, add_response_header, "MHD_add_response_header") &&
	       LOAD(handle, queue_response, "MHD_queue_response") &&
	       LOAD(handle, destroy_response, "MHD_destroy_response");
}

const struct vote_mhd *vote_mhd_load(char *why, size_t why_size)
{
	void *handle = NULL;

	if (loaded)
		return &api;
	for (size_t i = 0; !handle && i < sizeof(library_names) / sizeof(library_names[0]); i++)
		handle = dlopen(library_names[i], RTLD_NOW | RTLD_LOCAL);
	if (!handle || !load_functions(handle)) {
		snprintf(why, why_size,
			 _("phone voting needs libmicrohttpd, which is not installed (Debian: "
			   "apt-get install libmicrohttpd12)"));
		if (handle)
			dlclose(handle);
		return NULL;
	}
	loaded = true; /* and never unloaded: its threads may have run */
	return &api;
}

bool vote_mhd_loaded(void)
{
	return loaded;
}
