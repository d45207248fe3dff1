/* start.h - the start screen's state and keys: resume a session from the default folder, or
 * begin a new one. No curses (start_screen.c draws it). */
#ifndef MEETLAT_START_H
#define MEETLAT_START_H

#include <stdbool.h>
#include <stddef.h>

#include "form.h"
#include "ui.h"

struct start {
	char dir[4096];
	struct store_entry *entries;
	size_t n, selected;
	struct form form;
	bool naming;      /* the title form for a new session is open */
	long following;   /* the entry the new session follows up (f), or -1 */
	char form_title[512];
	char error[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64];
};

/* Reads the sessions of the default folder into ST, for U's content; ST->error says why when
 * it cannot (then only that is shown, and no new session can be made). */
void start_init(struct start *st, const struct ui *u);

/* Handles KEY (keys.h) on the start screen; returns 1 when a session was opened into U, -1
 * when the facilitator quits, else 0. Enter opens the selected session, n makes a new one,
 * f a new one that follows up the selected one (its organisation and group, last time's
 * phases and open actions). */
int start_key(struct start *st, struct ui *u, int key);

/* Releases what ST holds. */
void start_free(struct start *st);

#endif
