/* draw.c - painting pages and boxes into curses windows. */
#include "draw.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

#include "term.h"
#include "wrap.h"

int draw_text(WINDOW *w, int y, int x, enum style style, const char *text, size_t len)
{
	int cols = getmaxx(w);
	char *clean;
	size_t fit;

	if (x < 0 || x >= cols || y < 0 || y >= getmaxy(w))
		return x;
	/* Whatever its origin, no text reaches the terminal with a control character in it. */
	clean = utf8_sanitize(text, len, false, '?');
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

void draw_page(WINDOW *w, const struct page *p, int first)
{
	int rows = getmaxy(w);

	werase(w);
	for (int y = 0; y < rows && first + y < (int)p->n; y++) {
		const struct page_line *line = &p->lines[first + y];

		for (size_t k = 0; k < line->n; k++)
			draw_text(w, y, line->spans[k].x, line->spans[k].style, line->spans[k].text,
				  line->spans[k].len);
	}
}

int draw_clamp_scroll(const struct page *p, int scroll, int rows)
{
	int last = (int)p->n - rows;

	if (p->focus_top >= 0) {
		if (p->focus_bottom >= scroll + rows)
			scroll = p->focus_bottom - rows + 1;
		if (p->focus_top < scroll) /* a focus taller than the window shows its top */
			scroll = p->focus_top;
	}
	if (scroll > last)
		scroll = last;
	return scroll < 0 ? 0 : scroll;
}
