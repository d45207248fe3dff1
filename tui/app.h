/* app.h - the windows that draw the interface's state (ui.h) on the terminal, and the loop
 * that feeds it keys. */
#ifndef MEETLAT_APP_H
#define MEETLAT_APP_H

#include <curses.h>
#include <stdbool.h>

#include "ui.h"

/* The windows that show the interface state UI (the walk's, or a follower's). */
struct app {
	struct ui *ui;
	WINDOW *header, *body, *status, *box, *inner;
	WINDOW *backdrop;         /* the rows of the body the box lies on, blanked behind it */
	WINDOW *hints;            /* the line of hints (i), over the body's last line */
	struct page hints_shown;  /* the line of hints as the terminal shows it */
	struct page status_shown; /* the status line as the terminal shows it */
	bool small_shown;         /* the too-small notice is on the screen */
	unsigned long body_build; /* the build of the page (ui.page_builds) the body shows, 0: none */
	int body_scroll;          /* from which of its lines */
	int cursor;               /* the terminal cursor's visibility as last set (curs_set) */
	bool body_resent;         /* this paint sent the body again under a box (fit_status) */
};

/* Computes the layout for the terminal's size and makes A's windows for it. */
void app_relayout(struct app *a);

/* Paints what changed in A's interface, only that, and sends it to the terminal; sends
 * nothing when nothing changed. */
void app_paint(struct app *a);

/* Deletes A's windows and what it keeps of the screen. */
void app_close(struct app *a);

/* Shows the start screen: the sessions in the default folder to resume, or a new one. Opens
 * the chosen session into U; false when the facilitator quits instead. */
bool start_choose(struct ui *u);

#endif
