/* draw.h - painting pages and boxes into curses windows. */
#ifndef MEETLAT_DRAW_H
#define MEETLAT_DRAW_H

#include <curses.h>

#include "page.h"

/* Paints lines FIRST.. of page P into W (cleared first), every span cut at the window's edge. */
void draw_page(WINDOW *w, const struct page *p, int first);

/* Paints page P into W over a box drawn round its edge (the page's line 0 is the box's top
 * line), and shows the terminal's cursor at CURSOR_Y, CURSOR_X, or hides it when CURSOR_X < 0. */
void draw_boxed(WINDOW *w, const struct page *p, int cursor_y, int cursor_x);

/* Writes LEN bytes of TEXT at Y, X of W in STYLE, control characters replaced, cut at the
 * right edge; returns the column after it. */
int draw_text(WINDOW *w, int y, int x, enum style style, const char *text, size_t len);

#endif
