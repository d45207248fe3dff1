/* ui.h - the state of the interface without a terminal: where the walk is, what overlay is
 * open, what the form holds, the selection, the pending c or t, the revealed rows, the
 * messages and how saving went. The key handler works on it and the screens are built from
 * it; the windows that draw it (app.h) are the only part that knows curses. */
#ifndef MEETLAT_UI_H
#define MEETLAT_UI_H

#include <stdbool.h>

#include "content.h"
#include "form.h"
#include "layout.h"
#include "page.h"
#include "screens.h"
#include "session.h"
#include "store.h"
#include "store_vote.h"

enum overlay {
	OV_NONE, OV_HELP, OV_WARNINGS, OV_SUMMARY, OV_OVERVIEW, OV_ACTIONS, OV_FORM, OV_CONFIRM,
	OV_VOTE /* phone voting: the keys act on the step below it */
};

enum { UI_PHONE_BATCH = 256 }; /* phone votes taken and saved at once */

struct vote_room;
struct vote_event;

enum form_purpose { PURPOSE_ADD_ACTION, PURPOSE_EDIT_ACTION, PURPOSE_NOTE, PURPOSE_DETAILS };

enum confirm_purpose { CONFIRM_DELETE_ACTION, CONFIRM_TARGET_BELOW };

struct ui {
	const struct content *c;
	struct session *s;
	struct store_file *f;
	bool read_only, unicode;
	bool preview;         /* --preview: no session file; nothing is ever written */
	bool drafts;          /* --drafts: the pages mark the content's draft texts */
	bool following;       /* --follow: the room's view of the facilitator's session, live */
	struct layout l;
	double (*clock)(void); /* seconds on a monotonic clock: clock_seconds, or a test's */

	struct page page;     /* the current step */
	struct page page_before; /* the page as it was before it was last built again */
	unsigned long page_builds; /* how many times the page was built */
	bool stale;           /* the page must be built again */
	bool repaint;         /* the body must be painted again */
	bool uncovered;       /* an overlay closed: the body under it must be painted whole */
	bool redraw;          /* Ctrl-L: the whole screen must be sent again */
	int scroll;
	size_t table_row;     /* selection on the table step and on last time's actions */
	bool *revealed;       /* per row */
	int pending;          /* 'c' or 't' waiting for a digit, or 0 */
	bool hints;           /* i: the step's keys are shown above the status line */
	bool presenter;       /* p: the body shows the presenter panel instead of the room view
			       * (never saved; a follower never shows it) */
	int other_scroll;     /* the scroll of the view p put aside, where p returns to it */

	enum overlay overlay;
	enum overlay below;   /* the list a form or confirmation returns to */
	struct page overlay_page;
	bool overlay_stale;   /* the overlay's page must be built again */
	int overlay_scroll;
	int cursor_y, cursor_x; /* in a form's box: where the terminal's cursor goes, or -1 */
	size_t selected;      /* in the overview or the action list */
	struct form form;
	enum form_purpose purpose;
	size_t form_index;    /* the action or row the form edits */
	long form_row;        /* the row the action form offered at first */
	enum confirm_purpose confirm;
	size_t confirm_index; /* the action to delete */
	int confirm_which;    /* 'c' or 't': the agreed phase to set */
	int confirm_phase;
	char question[256];

	char message[256];    /* a passing message in the status line */
	bool message_warns;
	double message_until;
	bool save_failed;     /* the last save failed: shown, and retried */
	bool change_unsaved;  /* a change was made that ui_save_change has not saved yet */
	bool redirected;      /* saving goes to a conflict copy (named in the header) */
	bool quit_armed;      /* q was pressed while not saved: a second q quits anyway */
	char rescued[4096];   /* where the work went when the session file could not be saved */
	char save_error[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64];
	double retry_at;
	double last_tick;     /* when time was last added to the current step */
	bool time_unsaved;
	double time_saved_at;
	bool quit;
	struct content *own_content; /* the content with last time's actions first, or NULL */

	/* phone voting (phone.c) */
	const char *vote_listen;   /* --listen, or NULL: the first private address */
	const char *vote_url_file; /* --url-file: the phones' address is written there */
	char vote_url_written[256]; /* what it holds */
	struct vote_room *room;    /* made at the first v; NULL before and after q */
	long vote_row;             /* the row open to the phones, or -1 */
	bool vote_kept;            /* V: the participants' page is served between rows */
	char *vote_sidecar_of;     /* the session file whose sidecar of phone voting this meetlat
				    * wrote (store_vote.h; malloc'd), or NULL: none written */
	char vote_url_seen[STORE_VOTE_URL_MAX]; /* on a follower: the address the facilitator's
						 * sidecar names (follower.c) */
};

/* ---- the state (ui.c) ---------------------------------------------------------------- */

/* Starts U for content C, with no session yet; false when memory ran out. */
bool ui_init(struct ui *u, const struct content *c, bool read_only, bool preview, bool unicode);

/* Releases what U holds besides content, session and session file. */
void ui_free(struct ui *u);

/* Shows the rows the session says the room was shown the votes of (a follower calls it
 * after each read). */
void ui_show_room(struct ui *u);

/* Shows the room's view of the step where the session says it is (a follower calls it after
 * each read, and after a resize; a resume too): the table's row selected, the step scrolled
 * as far of the way to its end (the page is built for that first). */
void ui_show_view(struct ui *u);

/* Starts the walk on the opened session: the rows revealed and the summary as the session
 * left them, the clock running from now, and what was noticed when the session was read
 * shown first. */
void ui_begin(struct ui *u);

/* Lays the screens out for a terminal of COLS x ROWS. */
void ui_resize(struct ui *u, int cols, int rows);

/* Shows MESSAGE (from FMT) in the status line for a few seconds; WARNS makes it stand out. */
void ui_flash(struct ui *u, bool warns, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Saves the session now (unless read-only) and records how it went for the status line. */
void ui_save(struct ui *u);

/* Saves the change the last key made, if it made one (what the room sees, the rows revealed
 * and the summary open, is recorded in the session first); true when it did (its outcome may
 * show). The loop calls it as soon as the answer to the key is on the screen, before it reads
 * the next key: the room sees the change at once, and the file has it a save later. */
bool ui_save_change(struct ui *u);

/* Adds the whole seconds spent on the current step since the last tick; an overlay showing
 * that time in view is then to be built again. Returns true when a second was added. */
bool ui_tick(struct ui *u);

/* Notes that the session changed: the page is rebuilt, and the session saved by the next
 * ui_save_change. */
void ui_changed(struct ui *u);

/* Goes to agenda step STEP, counting the time of the step left. */
void ui_move(struct ui *u, size_t step);

/* Returns when (on U->clock) a save is due: the retry of a failed save, else the save of the
 * time spent (at most TIME_SAVE_SECONDS after the last save); HUGE_VAL when none can be. */
double ui_save_due(const struct ui *u);

/* Saves when a failed save is due for a retry or when time spent has waited long enough. */
void ui_save_when_due(struct ui *u);

/* Returns when (on U->clock) the loop must wake up without input because what is shown or
 * saved changes then: the next whole second of a clock in view (the status line's, or one in
 * the open overlay) while time runs, the end of a passing message, a due save; HUGE_VAL when
 * only a key or a signal can change anything. */
double ui_next_wake(const struct ui *u);

/* Returns the milliseconds from now to ui_next_wake (never early), or -1 for no limit. */
int ui_wait_ms(const struct ui *u);

/* Saves what is left to save at the end; when the session file cannot be written, the work
 * goes to a rescue copy elsewhere (named in U->rescued). */
void ui_save_at_end(struct ui *u);

/* Fills the view the screens need from U. */
void ui_view(const struct ui *u, struct view *v);

/* Builds the page of the current step again when something changed: the room view, or the
 * presenter panel while p has it on (never on a follower). */
void ui_build_page(struct ui *u);

/* Returns the height of the box of the open overlay: what a form or question needs, else the
 * layout's, never more than that. */
int ui_overlay_height(const struct ui *u);

/* Builds the page of the open overlay into U->overlay_page: for a form or a question, the
 * whole box (its border left to the painter, U->cursor_* set); else the text inside it. */
void ui_build_overlay(struct ui *u);

/* ---- the lines around the page (ui_frame.c) ------------------------------------------ */

/* Builds the header: the content's title, and the session's (or "read-only review", or on a
 * follower that it follows the facilitator live, or the conflict copy being saved to). */
void ui_header(struct page *p, const struct ui *u);

/* Builds the status line: step k/n, progress, the label or a message, then on the right
 * "more", the clock and the save state; what does not fit a narrow terminal is left out, the
 * label last of all, and a label cut ends in "…". A message (or save error) too long for its
 * place is wrapped whole onto lines above the status line: the page's last line is the status
 * line, the lines before it (if any) go over the body's last lines. */
void ui_status(struct page *p, const struct ui *u);

/* Returns true when the status line ui_status builds shows the step's clock. */
bool ui_status_clock_shown(const struct ui *u);

/* ---- what keys do (commands.c) --------------------------------------------------------- */

/* Opens overlay OV with a fresh page and selection. */
void ui_open(struct ui *u, enum overlay ov);

/* Closes the overlay (back to the list below it, if any). */
void ui_close(struct ui *u);

/* Handles one KEY (keys.h). */
void ui_key(struct ui *u, int key);

/* Builds the lines of hints that i shows for the current step into P (empty while they are
 * hidden, an overlay is open or the presenter panel, which lists them, is shown):
 * screen_hints, the keys of the step and ? for all of them. */
void ui_hints(struct page *p, const struct ui *u);

/* Returns true when the body shows the presenter panel (p, never on a follower). */
bool ui_presenter_shown(const struct ui *u);

/* Quits, unless the session is not saved: then the first q only warns, a second one quits
 * (the work then goes to a rescue copy). */
void ui_quit(struct ui *u);

/* Scrolls by DELTA lines (the mouse wheel): the page, the table's selection or the overlay. */
void ui_wheel(struct ui *u, int delta);

/* A click on LINE of the overview's page: jumps to the step that starts there. */
void ui_click(struct ui *u, int line);

/* ---- phone voting (phone.c) ------------------------------------------------------- */

/* v on row DIM: opens it to the phones (the server starts at the first v), or closes it when
 * it is open; a failure is said in the status line and typed votes go on. */
void ui_phone_toggle(struct ui *u, size_t dim);

/* Closes the row open to the phones, if any (r, another step); the votes stay. */
void ui_phone_close(struct ui *u);

/* V: the participants' page is served between rows too, or again only while a row is open. */
void ui_phone_keep(struct ui *u);

/* Applies the N phone votes EV to the session, each to its own row (also one closed since):
 * a vote that replaces the device's earlier one changes that vote; then the session is
 * changed once (ui_changed: shown first, saved after). True when one counted. */
bool ui_phone_apply(struct ui *u, const struct vote_event *ev, size_t n);

/* Takes at most UI_PHONE_BATCH queued phone votes and applies them; returns how many came. */
size_t ui_phone_take(struct ui *u);

/* Returns the descriptor readable while phone votes wait, or -1 (no room yet). */
int ui_phone_fd(const struct ui *u);

/* Returns the phones' address while a row is open (on a follower: while the box is shown),
 * else NULL. */
const char *ui_phone_url(const struct ui *u);

/* At the end (q): applies what is still queued, then stops the server: nothing listens; the
 * sidecar is removed. */
void ui_phone_end(struct ui *u);

/* Stops the server and removes the sidecar without taking what is queued (ui_free). */
void ui_phone_free(struct ui *u);

/* Shows the box of phone voting while a row is open and no other overlay nor the presenter
 * view is (they take its place; it comes back after them), and takes it away after. */
void ui_phone_sync(struct ui *u);

/* Fills VV, what the box of phone voting shows, from U. */
void ui_phone_view(const struct ui *u, struct vote_view *vv);

#endif
