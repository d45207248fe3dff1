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

/* Writes LEN bytes of TEXT, a span's text (sanitised when its page was built), at Y, X of W
 * in STYLE; only ASCII when the terminal shows no UTF-8. The pages fit their windows, so
 * this is a last guard: a text that would run past the right edge ends in an ellipsis there,
 * as page_put_fit cuts. */
static void draw_text(WINDOW *w, int y, int x, enum style style, const char *text, size_t len)
{
	int cols = getmaxx(w);
	const char *mark = term_ascii() ? "..." : "…";
	size_t room, fit, mark_w = term_ascii() ? 3 : 1;
	char *ascii = NULL;

	if (x < 0 || x >= cols || y < 0 || y >= getmaxy(w))
		return;
	if (term_ascii()) {
		if (!(ascii = ascii_copy(text, len)))
			return;
		text = ascii;
		len = strlen(ascii);
	}
	room = (size_t)(cols - x);
	fit = text_fit(text, len, room);
	wattrset(w, term_attr(style));
	if (fit < len && room > mark_w) {
		mvwaddnstr(w, y, x, text, (int)text_fit(text, len, room - mark_w));
		waddstr(w, mark);
	} else {
		mvwaddnstr(w, y, x, text, (int)fit);
	}
	wattrset(w, A_NORMAL);
	free(ascii);
}

void draw_line(WINDOW *w, int y, int x, const struct page *p, size_t line)
{
	if (line >= p->n)
		return;
	for (size_t k = 0; k < p->lines[line].n; k++) {
		const struct span *sp = &p->lines[line].spans[k];

		draw_text(w, y, x + sp->x, sp->style, sp->text, sp->len);
	}
}

/* Paints page P from line FIRST on over what W holds, its column headings at the top once
 * FIRST has passed them. */
static void draw_lines(WINDOW *w, const struct page *p, int first)
{
	int rows = getmaxy(w);

	for (int y = 0; y < rows; y++)
		draw_line(w, y, 0, p, (size_t)page_row_line(p, first, rows, y));
}

void draw_page(WINDOW *w, const struct page *p, int first)
{
	werase(w);
	draw_lines(w, p, first);
}

void draw_page_changes(WINDOW *w, const struct page *p, int first, const struct page *before,
		       int before_first)
{
	int rows = getmaxy(w);

	for (int y = 0; y < rows; y++) {
		size_t now = (size_t)page_row_line(p, first, rows, y);
		size_t was = (size_t)page_row_line(before, before_first, rows, y);

		if (page_line_equal(p, now, before, was))
			continue;
		wmove(w, y, 0);
		wclrtoeol(w);
		draw_line(w, y, 0, p, now);
	}
}

void draw_boxed(WINDOW *w, const struct page *p, int cursor_y, int cursor_x)
{
	werase(w);
	box(w, 0, 0);
	draw_lines(w, p, 0);
	if (cursor_x >= 0)
		wmove(w, cursor_y, cursor_x);
}
