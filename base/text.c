/* text.c - the growing text of text.h. */
#include "text.h"

#include <string.h>

#include "mem.h"

bool text_reserve(struct text *t, size_t n)
{
	size_t cap;
	char *more;

	if (t->failed)
		return false;
	if (t->cap - t->len > n)
		return true;
	cap = t->cap ? t->cap : 4096;
	while (cap - t->len <= n) {
		if (cap > (size_t)-1 / 2) {
			t->failed = true;
			return false;
		}
		cap *= 2;
	}
	more = mem.realloc(t->data, cap);
	if (!more) {
		t->failed = true;
		return false;
	}
	t->data = more;
	t->cap = cap;
	return true;
}

char *text_room(struct text *t, size_t n)
{
	return text_reserve(t, n) ? t->data + t->len : NULL;
}

void text_grew(struct text *t, size_t n)
{
	t->len += n;
	t->data[t->len] = '\0';
}

void text_add(struct text *t, const char *bytes, size_t n)
{
	char *room = text_room(t, n);

	if (!room)
		return;
	memcpy(room, bytes, n);
	text_grew(t, n);
}

void text_adds(struct text *t, const char *s)
{
	text_add(t, s, strlen(s));
}

void text_addc(struct text *t, char c)
{
	char *room = text_room(t, 1);

	if (!room)
		return;
	*room = c;
	text_grew(t, 1);
}

void text_clear(struct text *t)
{
	t->len = 0;
	if (t->data)
		t->data[0] = '\0';
	t->failed = false;
}

bool text_write(struct text *t, FILE *out)
{
	bool ok = !t->failed && (!t->len || fwrite(t->data, 1, t->len, out) == t->len);

	text_clear(t);
	return ok;
}

void text_free(struct text *t)
{
	mem.free(t->data);
	memset(t, 0, sizeof(*t));
}
