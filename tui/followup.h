/* followup.h - a session that follows an earlier one, in the interface: opening it with the
 * step of last time's actions first when there are any, the keys of that step, and its page.
 * No curses. */
#ifndef MEETLAT_FOLLOWUP_H
#define MEETLAT_FOLLOWUP_H

#include <stdbool.h>

#include "actions.h"
#include "diag.h"
#include "screens.h"
#include "ui.h"

/* Opens the session at PATH into U (store_open with FLAGS), following BASELINE (a session
 * file given with --baseline; NULL: the one the session names, if any). When that baseline
 * left actions open (or the session decided some), U's content becomes U->c with the step
 * of last time's actions first (kept in U->own_content). False with a message in D. */
bool ui_open_session(struct ui *u, const char *path, const char *baseline, unsigned flags,
		     struct diag *d);

/* Shows in the status line, when the walk begins, what is wrong with the session's baseline
 * (missing, other content, changed since chosen), if anything. */
void ui_note_baseline(struct ui *u);

/* Handles ACT (the outcome keys, or moving the selection by DELTA for ACT_UP / ACT_DOWN) on
 * the step of last time's actions; false when the current step is not that step. */
bool ui_followup_key(struct ui *u, enum action act);

/* Builds the page of the step of last time's actions: each action left open, with its owner
 * and due date (overdue marked) and what was decided, the selected one (V->table_row) marked. */
void screen_followup(struct page *p, const struct view *v);

/* Writes "last time: 2 → 3" for row DIM into BUF when the session follows a baseline that
 * agreed something for it ("?" for a phase not agreed then); returns BUF, or NULL. */
const char *screen_last_time(const struct view *v, size_t dim, char *buf, size_t size);

#endif
