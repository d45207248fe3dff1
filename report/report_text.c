/* report_text.c - the growing text of report_text.h. */
#include "report_text.h"

#include <string.h>

#include "mem.h"

bool report_text_reserve(struct report_text *t, size_t n)
{
	size_t cap;
	char *more;

	if (t->failed)
		return false;
	if (t->cap - t->len >= n)
		return true;
	cap = t->cap ? t->cap : 4096;
	while (cap - t->len < n)
		cap *= 2;
	more = mem.realloc(t->data, cap);
	if (!more) {
		t->failed = true;
		return false;
	}
	t->data = more;
	t->cap = cap;
	return true;
}

void report_text_add(struct report_text *t, const char *bytes, size_t n)
{
	if (!report_text_reserve(t, n))
		return;
	memcpy(t->data + t->len, bytes, n);
	t->len += n;
}

void report_text_adds(struct report_text *t, const char *text)
{
	report_text_add(t, text, strlen(text));
}

void report_text_addc(struct report_text *t, char c)
{
	if (t->len < t->cap || report_text_reserve(t, 1))
		t->data[t->len++] = c;
}

bool report_text_flush(struct report_text *t, FILE *out)
{
	bool ok = !t->failed && (!t->len || fwrite(t->data, 1, t->len, out) == t->len);

	t->len = 0;
	t->failed = false;
	return ok;
}

void report_text_free(struct report_text *t)
{
	mem.free(t->data);
	memset(t, 0, sizeof(*t));
}
