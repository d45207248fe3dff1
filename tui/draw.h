/* draw.h - painting pages and boxes into curses windows. */
#ifndef MEETLAT_DRAW_H
#define MEETLAT_DRAW_H

#include <curses.h>

#include "page.h"

/* Paints lines FIRST.. of page P into W (cleared first), every span cut at the window's edge;
 * the page's column headings (page_sticky) stay on W's top rows once FIRST has passed them. */
void draw_page(WINDOW *w, const struct page *p, int first);

/* As draw_page, over a W that shows page BEFORE from its line BEFORE_FIRST on: paints only
 * the rows whose line differs, so that a change costs what it changes. */
void draw_page_changes(WINDOW *w, const struct page *p, int first, const struct page *before,
		       int before_first);

/* Paints page P into W over a box drawn round its edge (the page's line 0 is the box's top
 * line), and moves W's cursor to CURSOR_Y, CURSOR_X when CURSOR_X >= 0 (the caller shows or
 * hides the terminal's cursor). */
void draw_boxed(WINDOW *w, const struct page *p, int cursor_y, int cursor_x);

/* Paints line LINE of page P at row Y of W, its columns shifted by X, over what W holds.
 * Every text reaching the terminal goes through a page, which sanitised it when it was
 * built: nothing here sanitises again. */
void draw_line(WINDOW *w, int y, int x, const struct page *p, size_t line);

#endif
