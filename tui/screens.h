/* screens.h - the page of each agenda step and of the lists and help, built from the content
 * and the session for a layout. No curses: what a screen shows can be tested without one. */
#ifndef MEETLAT_SCREENS_H
#define MEETLAT_SCREENS_H

#include <stdbool.h>
#include <stddef.h>

#include "content.h"
#include "layout.h"
#include "page.h"
#include "session.h"

/* What the screens need to know besides content and session. */
struct view {
	const struct content *c;
	const struct session *s;
	const struct layout *l;
	size_t step;          /* the agenda step shown */
	size_t table_row;     /* the selected row on the table step */
	const bool *revealed; /* per row: the votes are shown */
	bool unicode;         /* the terminal shows UTF-8: bars and marks may use it */
	bool read_only;       /* --review: nothing invites an edit */
	bool drafts;          /* --drafts: draft markers are shown (a trainer previewing) */
	const char *phone_url; /* the phones' address while a row is open to them, or NULL */
};

/* Builds the page of the current agenda step. */
void screen_step(struct page *p, const struct view *v);

/* Builds the hint line(s) of the current step for the facilitator (the keys that act on it),
 * at column X, WIDTH columns wide, whole hints on a line; nothing in
 * --review invites an edit. At most MAX_LINES lines (0: as many as they need): when more are
 * left, the last line says "…" before ? for all the keys. The room's pages hold no hints:
 * the presenter view and the hint key show these. */
void screen_hints(struct page *p, const struct view *v, int x, int width, int max_lines);

/* Builds the summary: the chart, the actions by row, what was skipped, the time. */
void screen_summary(struct page *p, const struct view *v);

/* Builds the page of what was noticed when the session was read (the line on a changed
 * agenda, then S's warnings). */
void screen_warnings(struct page *p, const struct session *s, int width);

/* Builds the help page from the table of key bindings, for a box WIDTH columns wide. */
void screen_help(struct page *p, int width, bool read_only);

/* Builds the overview of all steps, SELECTED highlighted, for a box WIDTH columns wide. */
void screen_overview(struct page *p, const struct view *v, size_t selected, int width);

/* Builds the list of actions, SELECTED highlighted, for a box WIDTH columns wide. */
void screen_actions(struct page *p, const struct view *v, size_t selected, int width);

/* Builds the start screen: the sessions found in DIR (N of them, SELECTED highlighted, the
 * last line being "new session"), for a screen WIDTH columns wide. */
struct store_entry;
void screen_start(struct page *p, const char *dir, const struct store_entry *entries, size_t n,
		  size_t selected, int width, bool unicode);

/* What the box of phone voting shows: where phones go, the row open, how many voted. */
struct vote_view {
	const char *url;  /* "http://192.168.1.20:8421/k7m2p9x" */
	const char *row;  /* the name of the row open for votes */
	size_t votes;     /* the row's votes so far (phones' and typed) */
	unsigned long participants; /* as the session names them, or 0 */
};

/* Builds the inside of the box of phone voting, WIDTH x HEIGHT: a QR code of the address
 * (half blocks, STYLE_CODE, its margin included) with the title, the row, the address itself
 * and the count beside it ("9 of 14 voted", or "9 votes"), or under it when the box is
 * narrow; never the votes' spread. Without UNICODE, or when the code does not fit, the
 * address only. */
void screen_vote(struct page *p, const struct vote_view *vv, int width, int height,
		 bool unicode);

/* Returns the number of participants session S names, or 0 when it does not. */
unsigned long screen_participants(const struct session *s);

/* Writes how many voted into BUF: "9 of 14 voted" when PARTICIPANTS (the session's) is not
 * 0 and no fewer than the votes, else "9 votes"; returns BUF. */
const char *screen_vote_count(size_t votes, unsigned long participants, char *buf,
			      size_t size);

/* Builds the notice shown instead of the screens on a terminal of COLS x ROWS, below the
 * least size the screens need. */
void screen_too_small(struct page *p, int cols, int rows);

/* Writes the step's time short, SECONDS spent (a clock: m:ss, or h:mm:ss from an hour on) of
 * MINUTES planned: "0:23 / 5 min", or "0:23" without a plan, into BUF; returns BUF. */
const char *screen_clock(unsigned long seconds, unsigned minutes, char *buf, size_t size);

#endif
