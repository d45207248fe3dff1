/* diag.c - located error messages, "file:line:column: message": one, or a list. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "utf8.h"

void diag_set(struct diag *d, const char *file, unsigned line, unsigned column,
	      const char *fmt, ...)
{
	va_list ap;

	snprintf(d->file, sizeof(d->file), "%s", file ? file : "");
	d->line = line;
	d->column = column;
	va_start(ap, fmt);
	vsnprintf(d->message, sizeof(d->message), fmt, ap);
	va_end(ap);
}

char *diag_format(const struct diag *d, char *buf, size_t size)
{
	char raw[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64];

	if (d->line)
		snprintf(raw, sizeof(raw), "%s:%u:%u: %s", d->file, d->line, d->column, d->message);
	else
		snprintf(raw, sizeof(raw), "%s: %s", d->file, d->message);
	snprintf(buf, size, "%s", utf8_sanitize_into(raw, raw, strlen(raw), false, '?'));
	return buf;
}

void diag_print(const struct diag *d, FILE *out)
{
	char buf[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64];

	fprintf(out, "%s\n", diag_format(d, buf, sizeof(buf)));
}

void diag_list_init(struct diag_list *list)
{
	list->count = 0;
}

bool diag_list_add(struct diag_list *list, const struct diag *d)
{
	if (diag_list_full(list))
		return false;
	list->items[list->count++] = *d;
	return true;
}

bool diag_list_full(const struct diag_list *list)
{
	return list->count >= DIAG_LIST_MAX;
}

/* Returns true when A is to be read before B: an earlier file name, line or column. */
static bool diag_before(const struct diag *a, const struct diag *b)
{
	int files = strcmp(a->file, b->file);

	if (files)
		return files < 0;
	if (a->line != b->line)
		return a->line < b->line;
	return a->column < b->column;
}

void diag_list_sort(struct diag_list *list)
{
	/* Insertion sort: stable, and the list is short. */
	for (size_t i = 1; i < list->count; i++) {
		struct diag moving = list->items[i];
		size_t j = i;

		for (; j > 0 && diag_before(&moving, &list->items[j - 1]); j--)
			list->items[j] = list->items[j - 1];
		list->items[j] = moving;
	}
}

void diag_list_print(const struct diag_list *list, FILE *out)
{
	struct diag total;

	if (!list->count)
		return;
	for (size_t i = 0; i < list->count; i++)
		diag_print(&list->items[i], out);
	if (diag_list_full(list))
		diag_set(&total, list->items[0].file, 0, 0,
			 ngettext("%zu error, the most that are listed; fix it and check again for more",
				  "%zu errors, the most that are listed; fix them and check again for more",
				  list->count),
			 list->count);
	else
		diag_set(&total, list->items[0].file, 0, 0,
			 ngettext("%zu error", "%zu errors", list->count), list->count);
	diag_print(&total, out);
}
