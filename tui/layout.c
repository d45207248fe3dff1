/* layout.c - where things go for a terminal of a given size. No curses. */
#include "layout.h"

enum {
	MEASURE = 72,          /* prose: characters per line that read well from a distance */
	WIDE_MAX = 160,        /* tables stop growing here */
	PHASE_MIN = 16,        /* narrowest readable phase column */
	TABLE_NAME_MIN = 14,   /* the table's first column */
	TABLE_NAME_MAX = 22,
	TABLE_CELL_MIN = 14,
	BOX_MAX = 80,
};

/* Returns the smaller of A and B. */
static int min_int(int a, int b)
{
	return a < b ? a : b;
}

/* Returns the width of each of N columns that share WIDTH with GAP between them. */
static int column_width(int width, int n, int gap)
{
	return n > 0 ? (width - gap * (n - 1)) / n : width;
}

void layout_compute(struct layout *l, int cols, int rows, size_t n_phases)
{
	int n = (int)(n_phases ? n_phases : 1);

	l->cols = cols;
	l->rows = rows;
	l->too_small = cols < LAYOUT_MIN_COLS || rows < LAYOUT_MIN_ROWS;
	l->body_top = 2;
	l->body_rows = rows - 3 > 0 ? rows - 3 : 0;
	l->text_width = min_int(cols - 4, MEASURE);
	l->text_x = (cols - l->text_width) / 2;
	l->wide_width = min_int(cols - 2, WIDE_MAX);
	l->wide_x = (cols - l->wide_width) / 2;
	l->gap = 2;
	l->phase_width = column_width(l->wide_width, n, l->gap);
	l->phases_side_by_side = l->phase_width >= PHASE_MIN;
	l->table_name_width = min_int(TABLE_NAME_MAX, l->wide_width / 5);
	if (l->table_name_width < TABLE_NAME_MIN)
		l->table_name_width = TABLE_NAME_MIN;
	l->table_cell_width =
		column_width(l->wide_width - l->table_name_width - l->gap, n, l->gap);
	l->table_grid = l->table_cell_width >= TABLE_CELL_MIN;
	l->box_width = min_int(cols - 4, BOX_MAX);
	l->box_height = l->body_rows; /* over the body only: header and status stay */
	l->box_x = (cols - l->box_width) / 2;
	l->box_y = l->body_top;
}
