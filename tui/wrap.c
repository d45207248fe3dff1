/* wrap.c - measuring UTF-8 text by display width and breaking it into lines. No curses. */
#include "wrap.h"

#include <stdbool.h>
#include <wchar.h>

#include "utf8.h"

int text_char_width(uint32_t cp)
{
	int w;

	if (cp == UTF8_INVALID || utf8_is_control(cp))
		return 1;
	if (cp < 0x7F)
		return 1;
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

size_t text_width(const char *s, size_t len)
{
	size_t width = 0;

	for (size_t i = 0; i < len;) {
		uint32_t cp;

		i += utf8_decode(s + i, len - i, &cp);
		width += (size_t)text_char_width(cp);
	}
	return width;
}

size_t text_fit(const char *s, size_t len, size_t width)
{
	size_t used = 0, i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		size_t w = (size_t)text_char_width(cp);

		if (used + w > width)
			break;
		used += w;
		i += n;
	}
	return i;
}

/* Returns true when a line may end right after character CP (a space ends it before). */
static bool breaks_after(uint32_t cp)
{
	return cp == '/' || cp == '-' || cp == 0x2013 || cp == 0x2014;
}

/* Returns LEN reduced by the spaces that end the LEN bytes at S. */
static size_t trim_end(const char *s, size_t len)
{
	while (len > 0 && s[len - 1] == ' ')
		len--;
	return len;
}

size_t wrap_next(const char *s, size_t len, size_t width, size_t *line_len)
{
	size_t used = 0, i = 0, n = 0;
	size_t cand_end = 0, cand_next = 0; /* the last place to break: line end, next start */

	while (i < len) {
		uint32_t cp;
		size_t w;

		n = utf8_decode(s + i, len - i, &cp);
		w = (size_t)text_char_width(cp);
		if (cp == ' ' && i > 0) {
			cand_end = i;
			cand_next = i + n;
		} else if (cp != ' ' && used + w > width) {
			break;
		}
		used += w;
		i += n;
		if (breaks_after(cp)) {
			cand_end = i;
			cand_next = i;
		}
	}
	if (i >= len) {
		*line_len = trim_end(s, len);
		return len;
	}
	if (cand_end == 0) { /* a word wider than the line: cut it, taking at least a character */
		*line_len = i > 0 ? i : n;
		return *line_len;
	}
	*line_len = trim_end(s, cand_end);
	while (cand_next < len && s[cand_next] == ' ')
		cand_next++;
	return cand_next;
}
