/* diag.c - one located error message: "file:line:column: message". */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

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
	char *clean;

	if (d->line)
		snprintf(raw, sizeof(raw), "%s:%u:%u: %s", d->file, d->line, d->column, d->message);
	else
		snprintf(raw, sizeof(raw), "%s: %s", d->file, d->message);
	clean = utf8_sanitize(raw, strlen(raw), false, '?');
	snprintf(buf, size, "%s", clean ? clean : "error (out of memory)");
	free(clean);
	return buf;
}

void diag_print(const struct diag *d, FILE *out)
{
	char buf[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64];

	fprintf(out, "%s\n", diag_format(d, buf, sizeof(buf)));
}
