/* draw.c - painting pages and boxes into curses windows. */
#include "draw.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

#include "term.h"
#include "wrap.h"

/* Returns a malloc'd copy of the LEN bytes at TEXT with every character replaced by its
 * ASCII stand-in (utf8_ascii), for a terminal that does not show UTF-8. */
static char *ascii_copy(const char *text, size_t len)
{
	char *out = malloc(len * 3 + 1), one[2];
	size_t o = 0;

	if (!out)
		return NULL;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		const char *s;

		i += utf8_decode(text + i, len - i, &cp);
		for (s = utf8_ascii(cp, one); *s; s++)
			out[o++] = *s;
	}
	out[o] = '\0';
	return out;
}

/* Returns a malloc'd copy of the LEN bytes at TEXT fit for the terminal, whatever the text's
 * origin: control characters replaced, and only ASCII when the terminal shows no UTF-8. */
static char *printable_copy(const char *text, size_t len)
{
	char *clean = utf8_sanitize(text, len, false, '?'), *ascii;

	if (!clean || !term_ascii())
		return clean;
	ascii = ascii_copy(clean, strlen(clean));
	free(clean);
	return ascii;
}

int draw_text(WINDOW *w, int y, int x, enum style style, const char *text, size_t len)
{
	int cols = getmaxx(w);
	char *clean;
	size_t fit;

	if (x < 0 || x >= cols || y < 0 || y >= getmaxy(w))
		return x;
	clean = printable_copy(text, len);
	if (!clean)
		return x;
	len = strlen(clean);
	fit = text_fit(clean, len, (size_t)(cols - x));
	wattrset(w, term_attr(style));
	mvwaddnstr(w, y, x, clean, (int)fit);
	wattrset(w, A_NORMAL);
	x += (int)text_width(clean, fit);
	free(clean);
	return x;
}

/* Paints lines FIRST.. of page P over what W holds. */
static void draw_lines(WINDOW *w, const struct page *p, int first)
{
	int rows = getmaxy(w);

	for (int y = 0; y < rows && first + y < (int)p->n; y++) {
		const struct page_line *line = &p->lines[first + y];

		for (size_t k = 0; k < line->n; k++)
			draw_text(w, y, line->spans[k].x, line->spans[k].style, line->spans[k].text,
				  line->spans[k].len);
	}
}

void draw_page(WINDOW *w, const struct page *p, int first)
{
	werase(w);
	draw_lines(w, p, first);
}

void draw_boxed(WINDOW *w, const struct page *p, int cursor_y, int cursor_x)
{
	werase(w);
	box(w, 0, 0);
	draw_lines(w, p, 0);
	if (cursor_x >= 0) {
		wmove(w, cursor_y, cursor_x);
		curs_set(1);
	} else {
		curs_set(0);
	}
}
