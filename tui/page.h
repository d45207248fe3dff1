/* page.h - what a screen shows, as lines of styled text at given columns. No curses.
 *
 * Screens build a page for a width; the view paints the part that fits and scrolls the rest.
 * Every text is sanitised when it is added: nothing that controls a terminal is kept. */
#ifndef MEETLAT_PAGE_H
#define MEETLAT_PAGE_H

#include <stdbool.h>
#include <stddef.h>

/* The styles of text. None is dim: the room reads everything on the screen from the back of
 * the room, where dim text (SGR 2) washes out on a projector (issue 12). */
enum style {
	STYLE_NORMAL,
	STYLE_TITLE,    /* the big heading of a screen */
	STYLE_HEADING,  /* a section heading */
	STYLE_EMPHASIS, /* a summary, a key term */
	STYLE_DRAFT,    /* the "draft" marker */
	STYLE_CURRENT,  /* the agreed current phase */
	STYLE_TARGET,   /* the target phase */
	STYLE_WARNING,  /* something the facilitator must notice */
	STYLE_SELECTED, /* the selected item of a list */
	STYLE_GOOD,     /* done, saved */
	STYLE_INPUT,    /* a field being typed in */
	STYLE_CODE,     /* a QR code: the glyphs' ink dark, the cells behind them light,
			 * whatever the terminal's own colours */
	STYLE_COUNT
};

struct span {
	int x;            /* column where the span starts */
	enum style style;
	const char *text; /* sanitised, single line */
	size_t len;
};

struct page_line {
	struct span *spans;
	size_t n, cap;
};

struct page {
	struct page_line *lines;
	size_t n, cap;
	int focus_top, focus_bottom; /* lines to keep visible (a selection), or -1 */
	int clock_top, clock_bottom; /* lines showing the running time of the step, or -1 */
	int sticky_top, sticky_rows; /* the column headings: STICKY_ROWS lines from STICKY_TOP,
				      * kept at the top of the body once it scrolls past them;
				      * 0 rows (a zeroed page): none */
	int *marks;                  /* the first line of each item of a list, in order */
	size_t n_marks, cap_marks;
	bool failed;                 /* memory ran out: the page is incomplete */
};

/* Empties P (keeping nothing); P must have been zeroed or cleared before. */
void page_clear(struct page *p);

/* Starts a new empty line. */
void page_newline(struct page *p);

/* Adds LEN bytes of TEXT (one line; line breaks are replaced) at column X of the last line
 * (starting one when the page is empty). */
void page_put(struct page *p, int x, enum style style, const char *text, size_t len);

/* page_put for a NUL-terminated TEXT. */
void page_puts(struct page *p, int x, enum style style, const char *text);

/* Adds TEXT at column X of the last line within WIDTH columns: whole when it fits, else cut
 * at a character (spaces before the cut dropped) and ended with an ellipsis, "…" on a
 * UNICODE terminal, else "...", never wider than WIDTH. Every text the screens cut goes
 * through here, so that nothing is cut without a sign. */
void page_put_fit(struct page *p, int x, enum style style, const char *text, int width,
		  bool unicode);

/* Adds formatted text at column X of the last line. */
void page_printf(struct page *p, int x, enum style style, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Adds TEXT wrapped to WIDTH columns at column X, on new lines; its line breaks start new
 * paragraphs, shown with a blank line between them. */
void page_wrap(struct page *p, int x, int width, enum style style, const char *text);

/* Like page_wrap, but the first line goes on the last line of the page (after what is there). */
void page_wrap_inline(struct page *p, int x, int width, enum style style, const char *text);

/* Marks lines FROM..TO (inclusive) as the part to keep visible. */
void page_focus(struct page *p, int from, int to);

/* Marks lines FROM..TO (inclusive) as showing the time running on the current step. */
void page_clock(struct page *p, int from, int to);

/* Marks lines FROM..TO (inclusive) as the column headings that stay at the top of the body
 * while the lines under them scroll. */
void page_sticky(struct page *p, int from, int to);

/* Returns how many of ROWS rows the column headings take when the page is shown from line
 * SCROLL on: their height once SCROLL has passed their first line (and the body is more than
 * twice as tall), else 0. Below them the rows show the page's lines as if unscrolled over:
 * row Y shows line SCROLL + Y (see page_row_line). */
int page_sticky_shown(const struct page *p, int scroll, int rows);

/* Returns the line shown at row ROW of a body of ROWS rows showing the page from SCROLL on
 * (the column headings at the top once scrolled past them); may be past the page's end. */
int page_row_line(const struct page *p, int scroll, int rows, int row);

/* Returns the scroll position that shows the rest of the page (Space): the line after the
 * last one shown comes back as the first one under the headings, one line of overlap. */
int page_next_screenful(const struct page *p, int scroll, int rows);

/* Returns true when a line marked by page_clock lies within ROWS lines from SCROLL. */
bool page_clock_shown(const struct page *p, int scroll, int rows);

/* Records that the next line starts the next item of a list (see page_item_at). */
void page_mark(struct page *p);

/* Returns the first item that starts at or below LINE, or the last item; -1 without items. */
long page_item_at(const struct page *p, int line);

/* Returns true when A and B hold the same text in the same styles at the same places. */
bool page_equal(const struct page *a, const struct page *b);

/* Returns true when line I of A and line J of B are the same; a line beyond a page's end
 * equals only another such line. */
bool page_line_equal(const struct page *a, size_t i, const struct page *b, size_t j);

/* Returns the index of the last line (-1 when empty). */
int page_last(const struct page *p);

/* Returns the scroll position that keeps the page's focus (if any) visible in ROWS lines
 * (below the column headings kept at the top), starting from SCROLL, and never past the end. */
int page_clamp_scroll(const struct page *p, int scroll, int rows);

#endif
