/* draw.h - painting pages and boxes into curses windows. */
#ifndef MEETLAT_DRAW_H
#define MEETLAT_DRAW_H

#include <curses.h>

#include "page.h"

/* Paints lines FIRST.. of page P into W (cleared first), every span cut at the window's edge. */
void draw_page(WINDOW *w, const struct page *p, int first);

/* Writes LEN bytes of TEXT at Y, X of W in STYLE, control characters replaced, cut at the
 * right edge; returns the column after it. */
int draw_text(WINDOW *w, int y, int x, enum style style, const char *text, size_t len);

/* Returns the scroll position that keeps the page's focus (if any) visible in ROWS lines,
 * starting from SCROLL, and never past the end. */
int draw_clamp_scroll(const struct page *p, int scroll, int rows);

#endif
