/* editor.c - a one-line text editor on UTF-8. No curses. */
#include "editor.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "wrap.h"

bool editor_init(struct editor *e, const char *text, size_t max)
{
	size_t len = strlen(text);

	memset(e, 0, sizeof(*e));
	if (len > max)
		len = utf8_invalid_offset(text, max); /* never keep half a character */
	e->cap = len + 16;
	e->text = malloc(e->cap);
	if (!e->text)
		return false;
	memcpy(e->text, text, len);
	e->text[len] = '\0';
	e->len = e->cursor = len;
	e->max = max;
	return true;
}

void editor_free(struct editor *e)
{
	free(e->text);
	memset(e, 0, sizeof(*e));
}

/* Returns the offset of the character before byte offset AT. */
static size_t prev_char(const char *s, size_t at)
{
	while (at > 0 && ((unsigned char)s[--at] & 0xC0) == 0x80)
		;
	return at;
}

/* Returns the offset of the character after the one at AT (LEN bytes in all). */
static size_t next_char(const char *s, size_t len, size_t at)
{
	uint32_t cp;

	return at < len ? at + utf8_decode(s + at, len - at, &cp) : len;
}

/* Removes the bytes FROM..TO and puts the cursor at FROM. */
static void cut(struct editor *e, size_t from, size_t to)
{
	memmove(e->text + from, e->text + to, e->len - to + 1);
	e->len -= to - from;
	e->cursor = from;
	if (e->scroll > from)
		e->scroll = from;
}

bool editor_insert(struct editor *e, uint32_t cp)
{
	char bytes[4];
	size_t n;

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || utf8_is_control(cp))
		return false;
	n = utf8_encode(cp, bytes);
	if (e->len + n > e->max)
		return false;
	if (e->len + n + 1 > e->cap) {
		size_t cap = (e->len + n + 1) * 2;
		char *bigger = realloc(e->text, cap);

		if (!bigger)
			return false;
		e->text = bigger;
		e->cap = cap;
	}
	memmove(e->text + e->cursor + n, e->text + e->cursor, e->len - e->cursor + 1);
	memcpy(e->text + e->cursor, bytes, n);
	e->len += n;
	e->cursor += n;
	return true;
}

void editor_left(struct editor *e)
{
	e->cursor = prev_char(e->text, e->cursor);
}

void editor_right(struct editor *e)
{
	e->cursor = next_char(e->text, e->len, e->cursor);
}

void editor_home(struct editor *e)
{
	e->cursor = 0;
}

void editor_end(struct editor *e)
{
	e->cursor = e->len;
}

void editor_backspace(struct editor *e)
{
	if (e->cursor > 0)
		cut(e, prev_char(e->text, e->cursor), e->cursor);
}

void editor_delete(struct editor *e)
{
	if (e->cursor < e->len)
		cut(e, e->cursor, next_char(e->text, e->len, e->cursor));
}

void editor_delete_word(struct editor *e)
{
	size_t from = e->cursor;

	while (from > 0 && e->text[from - 1] == ' ')
		from--;
	while (from > 0 && e->text[from - 1] != ' ')
		from = prev_char(e->text, from);
	cut(e, from, e->cursor);
}

void editor_delete_to_start(struct editor *e)
{
	cut(e, 0, e->cursor);
}

void editor_view(struct editor *e, size_t width, size_t *start, size_t *len, size_t *cursor_x)
{
	if (width < 2)
		width = 2;
	if (e->scroll > e->cursor)
		e->scroll = e->cursor;
	/* Keep one column free for the cursor after the last character. */
	while (utf8_width(e->text + e->scroll, e->cursor - e->scroll) > width - 1)
		e->scroll = next_char(e->text, e->len, e->scroll);
	*start = e->scroll;
	*len = text_fit(e->text + e->scroll, e->len - e->scroll, width);
	*cursor_x = utf8_width(e->text + e->scroll, e->cursor - e->scroll);
}
