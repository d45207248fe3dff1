/* dynlib.c - a shared library loaded the first time it is needed. */
#include "dynlib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#include "i18n.h"

/* Held while a library is looked at or loaded: threads (the report's workers) may ask for one
 * at the same time. */
static pthread_mutex_t loading = PTHREAD_MUTEX_INITIALIZER;

/* Loads LIB and fills its SYMBOLS, unless it was tried before (dynlib_load, LOADING held). */
static bool load_once(struct dynlib *lib, const struct dynlib_symbol *symbols, size_t count)
{
	void *handle;

	if (lib->tried)
		return lib->loaded;
	lib->tried = true;
	if (!(handle = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL))) {
		/* TRANSLATORS: %1$s names a library (libyaml), %2$s is the C library's reason,
		 * which names the library's file. */
		snprintf(lib->problem, sizeof lib->problem, _("%1$s could not be loaded: %2$s"),
			 lib->name, dlerror());
		return false;
	}
	for (size_t i = 0; i < count; i++)
		if (!(*symbols[i].address = dlsym(handle, symbols[i].name))) {
			snprintf(lib->problem, sizeof lib->problem,
				 /* TRANSLATORS: %1$s is a function's name, %2$s a library's file. */
				 _("%1$s is missing from %2$s (a version too old?)"), symbols[i].name,
				 lib->soname);
			for (size_t j = 0; j < count; j++)
				*symbols[j].address = NULL;
			dlclose(handle);
			return false;
		}
	return lib->loaded = true;
}

bool dynlib_load(struct dynlib *lib, const struct dynlib_symbol *symbols, size_t count)
{
	bool loaded;

	pthread_mutex_lock(&loading);
	loaded = load_once(lib, symbols, count);
	pthread_mutex_unlock(&loading);
	return loaded;
}
