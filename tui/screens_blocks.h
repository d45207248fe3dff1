/* screens_blocks.h - what the screens_*.c files share: columns of text side by side, titles
 * and prose, phase headings, the items of the action lists, and the score page. No curses. */
#ifndef MEETLAT_SCREENS_BLOCKS_H
#define MEETLAT_SCREENS_BLOCKS_H

#include "screens.h"

enum {
	/* A column per phase, and one more for the row names beside them in the table. */
	PHASE_COLUMNS_MAX = CONTENT_PHASES_MAX,
	COLUMNS_MAX = CONTENT_PHASES_MAX + 1,
	PHASE_HEAD_SIZE = 48, /* "Phase N", translated */
	DURATION_SIZE = 24,   /* a clock, as duration_clock writes it */
};

/* One block of text in a column. A NULL text is skipped; "" is a blank line. */
struct block {
	enum style style;
	const char *text;
};

struct column {
	int x, width;
	const struct block *blocks;
	size_t n;
};

/* Adds the N columns (at most COLUMNS_MAX) side by side on new lines, block by block, so that
 * the blocks of all columns start on the same line. */
void screen_put_columns(struct page *p, const struct column *cols, size_t n);

/* As screen_put_columns, and marks the lines of the first HEADS blocks of the columns (their
 * headings) as the page's column headings, kept in view while the page scrolls. */
void screen_put_headed_columns(struct page *p, const struct column *cols, size_t n, size_t heads);

/* Returns how many lines screen_put_columns would add for the N columns COLS. */
int screen_columns_height(const struct column *cols, size_t n);

/* Adds the screen's title at the prose column, with a blank line under it. */
void screen_put_title(struct page *p, const struct layout *l, const char *title);

/* Adds a line of context (e.g. "Phase 4 of 4") above a title. */
void screen_put_context(struct page *p, int x, const char *text);

/* Adds prose paragraphs at the prose column, followed by a blank line; nothing for NULL. */
void screen_put_prose(struct page *p, const struct layout *l, enum style style, const char *text);

/* Appends PART to the list in BUF ("a, b"), unless PART is empty. */
void screen_join(char *buf, size_t size, const char *part);

/* Writes the N NAMES (authors) into BUF joined as the language joins them: "A", "A and B",
 * "A, B and C" (the "and" translated); one name, a list the content gives as one text, is
 * shown as written. Returns BUF. */
const char *screen_join_names(const char *const *names, size_t n, char *buf, size_t size);

/* Writes MINUTES as a plan reads them ("45 min", "2 h", "3 h 30 min") into BUF; returns BUF. */
const char *screen_minutes(unsigned minutes, char *buf, size_t size);

/* Writes the time spent on a step against its plan, SECONDS against MINUTES, in full: "5 min
 * planned, 0:23 spent" ("0:23 spent" without a plan), into BUF; returns BUF. */
const char *screen_time_spent(unsigned long seconds, unsigned minutes, char *buf, size_t size);

/* Fills the two heading blocks of phase I's column: "Phase N" over its name (bold), with
 * HEAD as room for the first. */
void screen_phase_head(const struct content *c, size_t i, char head[PHASE_HEAD_SIZE],
		       struct block *blocks);

/* Returns the glyph for UNICODE terminals or its ASCII stand-in. */
const char *screen_glyph(const struct view *v, const char *unicode, const char *ascii);

/* Writes "N name" for phase NUMBER into BUF. */
const char *screen_phase_label(const struct content *c, int number, char *buf, size_t size);

/* Adds action A at column X, WIDTH wide: a box ticked when done, its text (in STYLE), then a
 * line with its row (when WITH_ROW), owner and due date. */
void screen_put_action(struct page *p, const struct view *v, const struct session_action *a,
		       int x, int width, bool with_row, enum style style);

/* The most actions of a row its scoring step shows: the room reads a few, A lists them all,
 * and the step's page is built in time proportional to what it shows. */
enum { SCREEN_ROW_ACTIONS = 12 };

/* Adds the first LIMIT actions that belong to row ID (NULL: to the workshop as a whole), and
 * a line saying how many more there are; returns how many it found. */
size_t screen_put_actions_of(struct page *p, const struct view *v, const char *id, size_t limit,
			     int x,
			     int width);

/* Adds every action grouped by row, then those for the workshop as a whole. */
void screen_put_all_actions(struct page *p, const struct view *v);

/* Returns the style of phase NUMBER's column on row DIM: current, target or plain. */
enum style screen_agreed_style(const struct view *v, size_t dim, int number);

/* Adds the behaviours of row DIM, one per phase: side by side when they fit, else stacked. */
void screen_put_row_cells(struct page *p, const struct view *v, size_t dim);

/* Builds the scoring page of row DIM. */
void screen_score_row(struct page *p, const struct view *v, size_t dim);

#endif
