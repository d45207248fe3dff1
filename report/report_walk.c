/* report_walk.c - the session files of report_walk.h, found and read. */
#include "report_walk.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "mem.h"
#include "store.h"
#include "ynode.h"

/* Reports that PATH was skipped for the reason in D. */
static void skipped(struct report_walk *w, const struct diag *d)
{
	diag_print(d, w->errors);
	w->skipped++;
}

/* Reports that PATH was skipped for the system error ERR. */
static void skipped_errno(struct report_walk *w, const char *path, int err)
{
	struct diag d;

	diag_set(&d, path, 0, 0, "%s", strerror(err));
	skipped(w, &d);
}

/* Reads the session file PATH and hands it to W->each; false when that stopped the walk. */
static bool read_session(struct report_walk *w, const char *path)
{
	struct session *s = NULL;
	struct diag d;
	char *buf = NULL;
	size_t len = 0;
	bool go = true;

	if (ydoc_read_file(path, ylimits_default.max_bytes, &buf, &len, &d))
		s = store_read(path, buf, len, w->c, STORE_ANY_CONTENT, &d);
	mem.free(buf);
	if (!s) {
		skipped(w, &d);
		return true;
	}
	w->read++;
	go = w->each(w->ctx, s, path);
	session_free(s);
	w->stopped |= !go;
	return go;
}

/* Returns true when NAME is that of a session file in a folder: *.yaml, not hidden. */
static bool session_name(const char *name)
{
	size_t len = strlen(name);

	return name[0] != '.' && len > 5 && strcmp(name + len - 5, ".yaml") == 0;
}

/* Orders names (char *) by their bytes. */
static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Returns the malloc'd, sorted names in DIR that are not hidden (*N of them); NULL with errno
 * when the folder cannot be read or memory is exhausted. */
static char **folder_names(DIR *dir, size_t *n)
{
	char **names = NULL;
	size_t cap = 0;
	struct dirent *e;

	*n = 0;
	errno = 0;
	while ((e = readdir(dir))) {
		size_t len = strlen(e->d_name) + 1;

		if (e->d_name[0] == '.')
			continue;
		if (*n == cap) {
			char **more = mem.realloc(names, (cap = cap ? 2 * cap : 64) * sizeof(*more));

			if (!more)
				break;
			names = more;
		}
		if (!(names[*n] = mem.malloc(len)))
			break;
		memcpy(names[(*n)++], e->d_name, len);
		errno = 0;
	}
	if (errno) {
		int err = errno;

		while (*n)
			mem.free(names[--*n]);
		mem.free(names);
		errno = err;
		return NULL;
	}
	if (!names)
		return mem.malloc(sizeof(*names));
	qsort(names, *n, sizeof(*names), by_name);
	return names;
}

static bool walk_folder(struct report_walk *w, const char *path);

/* Reads the entry NAME of the folder FOLDER: a folder within (not a link to one) walked, a
 * session file read. */
static bool walk_entry(struct report_walk *w, const char *folder, const char *name)
{
	size_t len = strlen(folder) + strlen(name) + 2;
	char *path = mem.malloc(len);
	struct stat st;
	bool go = true;

	if (!path) {
		skipped_errno(w, folder, ENOMEM);
		return true;
	}
	snprintf(path, len, "%s%s%s", folder, folder[strlen(folder) - 1] == '/' ? "" : "/", name);
	if (lstat(path, &st) != 0)
		skipped_errno(w, path, errno);
	else if (S_ISDIR(st.st_mode))
		go = walk_folder(w, path);
	else if (session_name(name) &&
		 (S_ISREG(st.st_mode) ||
		  /* a link to a file is read; to a folder it is not followed */
		  (S_ISLNK(st.st_mode) && stat(path, &st) == 0 && S_ISREG(st.st_mode))))
		go = read_session(w, path);
	mem.free(path);
	return go;
}

/* Reads the session files in the folder PATH and the folders within, in the order of their
 * names. */
static bool walk_folder(struct report_walk *w, const char *path)
{
	DIR *dir = opendir(path);
	char **names;
	size_t n;
	bool go = true;

	if (!dir) {
		skipped_errno(w, path, errno);
		return true;
	}
	names = folder_names(dir, &n);
	if (!names)
		skipped_errno(w, path, errno);
	closedir(dir);
	for (size_t i = 0; names && i < n; i++) {
		if (go)
			go = walk_entry(w, path, names[i]);
		mem.free(names[i]);
	}
	mem.free(names);
	return go;
}

bool report_walk_path(struct report_walk *w, const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		skipped_errno(w, path, errno);
		return true;
	}
	if (S_ISDIR(st.st_mode))
		return walk_folder(w, path);
	return read_session(w, path);
}
