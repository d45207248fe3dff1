/* store_paths.c - where session files live: the default folder, file names made from titles,
 * and the sessions found in a folder. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "i18n.h"
#include "mem.h"
#include "store.h"
#include "store_impl.h"
#include "utf8.h"

enum { SLUG_MAX = 60 }; /* characters of a title kept in a file name */

/* Creates every missing folder along PATH with mode 0700 (existing ones are left as they
 * are); false with D. */
static bool make_folders(char *path, struct diag *d)
{
	struct stat st;

	for (char *p = path + 1;; p++) {
		char c = *p;

		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST) {
			diag_set(d, path, 0, 0, _("cannot create the folder: %s"), strerror(errno));
			*p = c;
			return false;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
		diag_set(d, path, 0, 0, _("is not a folder"));
		return false;
	}
	return true;
}

bool store_default_dir(char *buf, size_t size, struct diag *d)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	int n;

	if (xdg && xdg[0] == '/')
		n = snprintf(buf, size, "%s/meetlat/sessions", xdg);
	else if (home && home[0] == '/')
		n = snprintf(buf, size, "%s/.local/share/meetlat/sessions", home);
	else {
		diag_set(d, "meetlat", 0, 0, "%s",
			 _("no folder for sessions: set HOME or XDG_DATA_HOME, or name a session "
			   "file"));
		return false;
	}
	if (n < 0 || (size_t)n >= size) {
		diag_set(d, "meetlat", 0, 0, "%s",
			 _("the name of the folder for sessions is too long"));
		return false;
	}
	return make_folders(buf, d);
}

/* Appends to SLUG (LEN bytes so far, at most SLUG_MAX) what character CP becomes in a file
 * name: its ASCII stand-in in lower case, every other character than a-z and 0-9 a single
 * '-'; returns the new length. */
static size_t slug_append(char *slug, size_t len, uint32_t cp)
{
	char one[2];

	for (const char *add = utf8_ascii(cp, one); *add && len < SLUG_MAX; add++) {
		char c = *add >= 'A' && *add <= 'Z' ? (char)(*add - 'A' + 'a') : *add;

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			c = '-';
		if (c != '-' || (len && slug[len - 1] != '-'))
			slug[len++] = c;
	}
	return len;
}

/* Writes into SLUG (SLUG_MAX + 1 bytes) TITLE reduced to a-z, 0-9 and single '-', neither
 * starting nor ending with '-'; "session" when nothing remains. */
static void title_slug(const char *title, char *slug)
{
	size_t len = 0, n = strlen(title);

	for (size_t i = 0; i < n && len < SLUG_MAX;) {
		uint32_t cp;

		i += utf8_decode(title + i, n - i, &cp);
		len = slug_append(slug, len, cp);
	}
	while (len && slug[len - 1] == '-')
		len--;
	slug[len] = '\0';
	if (!len)
		snprintf(slug, SLUG_MAX + 1, "session");
}

bool store_path_for_title(const char *dir, const char *title, char *buf, size_t size)
{
	const char *sep = dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/";
	char slug[SLUG_MAX + 1];

	if (!dir[0])
		return false;
	title_slug(title, slug);
	for (unsigned n = 1; n < 10000; n++) {
		struct stat st;
		int w = n == 1 ? snprintf(buf, size, "%s%s%s.yaml", dir, sep, slug)
			       : snprintf(buf, size, "%s%s%s-%u.yaml", dir, sep, slug, n);

		if (w < 0 || (size_t)w >= size)
			return false;
		if (lstat(buf, &st) != 0 && errno == ENOENT)
			return true;
	}
	return false;
}

/* ---- the sessions in a folder --------------------------------------------------------- */

/* Returns the moment STAMP (as session_timestamp writes it) stands for, in seconds since
 * 1970 UTC; 0 when it says no time. */
static long long stamp_seconds(const char *stamp)
{
	struct tm tm = { 0 };
	int offset_hours = 0, offset_minutes = 0;
	char sign = 'Z';
	int n = sscanf(stamp, "%4d-%2d-%2dT%2d:%2d:%2d%c%2d:%2d", &tm.tm_year, &tm.tm_mon,
		       &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &sign, &offset_hours,
		       &offset_minutes);
	long long offset = offset_hours * 3600LL + offset_minutes * 60LL;

	if (n < 6)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return (long long)timegm(&tm) - (sign == '-' ? -offset : sign == '+' ? offset : 0);
}

/* Orders entries by the time they were last saved, newest first, then by path. */
static int entry_order(const void *pa, const void *pb)
{
	const struct store_entry *a = pa, *b = pb;
	long long ta = stamp_seconds(a->updated), tb = stamp_seconds(b->updated);

	if (ta != tb)
		return ta > tb ? -1 : 1;
	return strcmp(a->path, b->path);
}

/* Returns a malloc'd copy of TEXT, or of "" when TEXT is NULL. */
static char *copy_or_empty(const char *text)
{
	return store_printf("%s", text ? text : "");
}

/* Fills entry E from the session file at PATH, read against C; a file that cannot be read
 * gets its error. False when memory is exhausted. */
static bool entry_fill(struct store_entry *e, const char *path, const struct content *c)
{
	char message[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64], *buf;
	struct session *s = NULL;
	struct diag d;
	bool copied;
	size_t len;

	if (ydoc_read_file(path, ylimits_default.max_bytes, &buf, &len, &d)) {
		s = store_parse(path, buf, len, c, &d);
		mem.free(buf);
	}
	e->path = copy_or_empty(path);
	e->title = copy_or_empty(s ? s->meta[META_TITLE] : NULL);
	e->group = copy_or_empty(s ? s->meta[META_GROUP] : NULL);
	e->date = copy_or_empty(s ? s->meta[META_DATE] : NULL);
	e->updated = copy_or_empty(s ? s->updated : NULL);
	e->n_steps = c->n_steps;
	e->n_rows = c->n_dimensions;
	e->position = s ? s->position : 0;
	for (size_t i = 0; s && i < c->n_dimensions; i++)
		e->rows_scored += session_row_scored(s, i);
	if (!s)
		e->error = copy_or_empty(diag_format(&d, message, sizeof(message)));
	copied = e->path && e->title && e->group && e->date && e->updated && (s || e->error);
	session_free(s);
	return copied;
}

/* Returns true when NAME (in a folder) is listed as a session file: *.yaml, not hidden. */
static bool listed_name(const char *name)
{
	size_t len = strlen(name);

	return name[0] != '.' && len > 5 && strcmp(name + len - 5, ".yaml") == 0;
}

/* Appends to *LIST (*N entries, room for *CAP) the entry for the regular file at PATH, when it
 * is one; false when memory is exhausted. */
static bool entry_add(struct store_entry **list, size_t *n, size_t *cap, const char *path,
		      const struct content *c)
{
	struct stat st;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return true;
	if (*n == *cap) {
		size_t more = *cap ? *cap * 2 : 16;
		struct store_entry *bigger = mem.realloc(*list, more * sizeof(*bigger));

		if (!bigger)
			return false;
		*list = bigger;
		*cap = more;
	}
	memset(&(*list)[*n], 0, sizeof(**list));
	return entry_fill(&(*list)[(*n)++], path, c);
}

bool store_list(const char *dir, const struct content *c, struct store_entry **entries,
		size_t *n, struct diag *d)
{
	struct store_entry *list = NULL;
	size_t count = 0, cap = 0;
	DIR *dp = opendir(dir);
	struct dirent *de;
	bool ok = true;

	*entries = NULL;
	*n = 0;
	if (!dp) {
		diag_set(d, dir, 0, 0, _("cannot read the folder: %s"), strerror(errno));
		return false;
	}
	while (ok && (de = readdir(dp)) != NULL) {
		char *path =
			listed_name(de->d_name) ? store_printf("%s/%s", dir, de->d_name) : NULL;

		ok = !listed_name(de->d_name) || (path && entry_add(&list, &count, &cap, path, c));
		mem.free(path);
	}
	closedir(dp);
	if (!ok) {
		store_list_free(list, count);
		diag_set(d, dir, 0, 0, _("out of memory"));
		return false;
	}
	if (count)
		qsort(list, count, sizeof(*list), entry_order);
	*entries = list;
	*n = count;
	return true;
}

void store_list_free(struct store_entry *entries, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		mem.free(entries[i].path);
		mem.free(entries[i].title);
		mem.free(entries[i].group);
		mem.free(entries[i].date);
		mem.free(entries[i].updated);
		mem.free(entries[i].error);
	}
	mem.free(entries);
}
