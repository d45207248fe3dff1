/* app.h - the state of the running interface, shared by the loop and the commands. */
#ifndef MEETLAT_APP_H
#define MEETLAT_APP_H

#include <curses.h>
#include <stdbool.h>

#include "content.h"
#include "form.h"
#include "layout.h"
#include "page.h"
#include "session.h"
#include "store.h"

enum overlay {
	OV_NONE, OV_HELP, OV_WARNINGS, OV_SUMMARY, OV_OVERVIEW, OV_ACTIONS, OV_FORM, OV_CONFIRM
};

enum form_purpose { PURPOSE_ADD_ACTION, PURPOSE_EDIT_ACTION, PURPOSE_NOTE, PURPOSE_DETAILS };

enum confirm_purpose { CONFIRM_DELETE_ACTION, CONFIRM_TARGET_BELOW };

struct app {
	const struct content *c;
	struct session *s;
	struct session_file *f;
	bool read_only, unicode;
	bool preview;         /* --preview: no session file; nothing is ever written */
	struct layout l;
	WINDOW *header, *body, *status, *box, *inner;

	struct page page;     /* the current step */
	bool stale;           /* the page must be built again */
	bool repaint;         /* the body must be painted again */
	int scroll;
	size_t table_row;     /* selection on the table step */
	bool *revealed;       /* per row */
	int pending;          /* 'c' or 't' waiting for a digit, or 0 */

	enum overlay overlay;
	enum overlay below;   /* the list a form or confirmation returns to */
	struct page overlay_page;
	int overlay_scroll;
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
	bool redirected;      /* saving goes to a conflict copy (named in the header) */
	bool quit_armed;      /* q was pressed while not saved: a second q quits anyway */
	char rescued[4096];   /* where the work went when the session file could not be saved */
	char save_error[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64];
	double retry_at;
	double last_tick;     /* when time was last added to the current step */
	bool time_unsaved;
	double time_saved_at;
	bool quit;
};

/* Shows MESSAGE (from FMT) in the status line for a few seconds; WARNS makes it stand out. */
void app_flash(struct app *a, bool warns, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Saves the session now (unless read-only) and records how it went for the status line. */
void app_save(struct app *a);

/* Notes that the session changed: the page is rebuilt and the session saved. */
void app_changed(struct app *a);

/* Goes to agenda step STEP, counting the time of the step left. */
void app_move(struct app *a, size_t step);

/* Opens overlay OV with a fresh page and selection. */
void app_open(struct app *a, enum overlay ov);

/* Closes the overlay (back to the list below it, if any). */
void app_close(struct app *a);

/* Handles one KEY (keys.h). */
void app_key(struct app *a, int key);

/* Quits, unless the session is not saved: then the first q only warns, a second one quits
 * (the work then goes to a rescue copy). */
void app_quit(struct app *a);

/* Handles a mouse event. */
void app_mouse(struct app *a);

/* Shows the start screen: the sessions in the default folder to resume, or a new one. Opens
 * the chosen session into A; false when the facilitator quits instead. */
bool start_choose(struct app *a);

#endif
