/* layout.h - where things go for a terminal of a given size. No curses. */
#ifndef MEETLAT_LAYOUT_H
#define MEETLAT_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

enum { LAYOUT_MIN_COLS = 40, LAYOUT_MIN_ROWS = 12 };

struct layout {
	int cols, rows;
	bool too_small;           /* below LAYOUT_MIN_COLS x LAYOUT_MIN_ROWS: show only a notice */
	int body_top, body_rows;  /* the scrolling part between header and status line */
	int text_x, text_width;   /* prose in a comfortable measure, centred */
	int wide_x, wide_width;   /* tables and columns */
	int gap;                  /* between columns */
	bool phases_side_by_side; /* one column per phase (model, row screen), else stacked */
	int phase_width;          /* width of such a column */
	bool table_grid;          /* the whole behaviour table as a grid, else a row at a time */
	int table_name_width, table_cell_width;
	int box_x, box_y, box_width, box_height; /* an overlay, over the body */
};

/* Computes the layout of a COLS x ROWS terminal for content with N_PHASES phases. */
void layout_compute(struct layout *l, int cols, int rows, size_t n_phases);

#endif
