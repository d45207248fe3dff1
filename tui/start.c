/* start.c - the start screen's state and keys: resume a session from the default folder, or
 * begin a new one. No curses. */
#include "start.h"

#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "i18n.h"

/* Opens the session at PATH into U (new ones titled TITLE); false with ST->error set. */
static bool start_open(struct ui *u, struct start *st, const char *path, const char *title)
{
	struct diag d;
	const char *why;

	if (!store_open(path, u->c, u->read_only ? STORE_READ_ONLY : 0, &u->f, &u->s, &d)) {
		diag_format(&d, st->error, sizeof(st->error));
		return false;
	}
	if (title && !session_set_meta(u->s, META_TITLE, title, &why)) {
		snprintf(st->error, sizeof(st->error), "%s", _(why));
		store_close(u->f);
		session_free(u->s);
		u->f = NULL;
		u->s = NULL;
		return false;
	}
	return true;
}

/* Handles a key in the title form; true when a new session was opened. */
static bool start_naming_key(struct ui *u, struct start *st, int key)
{
	char path[4096];
	enum form_result r = form_key(&st->form, u->c, key);

	if (r == FORM_CANCEL) {
		form_end(&st->form);
		st->naming = false;
	}
	if (r != FORM_SAVE)
		return false;
	if (!form_text(&st->form, 0)[0]) {
		snprintf(st->form.error, sizeof(st->form.error), "%s", _("A session needs a title."));
		return false;
	}
	if (!store_path_for_title(st->dir, form_text(&st->form, 0), path, sizeof(path))) {
		snprintf(st->form.error, sizeof(st->form.error), "%s",
			 _("No file name is free for a session of that title."));
		return false;
	}
	st->naming = false;
	if (start_open(u, st, path, form_text(&st->form, 0))) {
		form_end(&st->form);
		return true;
	}
	form_end(&st->form);
	return false;
}

/* Handles a key in the list; stores 1 in *DONE when a session was opened, -1 to quit. */
static void start_list_key(struct ui *u, struct start *st, int key, int *done)
{
	const struct binding *b = binding_for_key(CTX_LIST, key);
	enum action act = b ? b->action : ACT_NONE;

	if (act == ACT_UP && st->selected > 0)
		st->selected--;
	else if (act == ACT_DOWN && st->selected < st->n)
		st->selected++;
	else if (act == ACT_FIRST)
		st->selected = 0;
	else if (act == ACT_LAST)
		st->selected = st->n; /* the last line: a new session */
	else if (act == ACT_CLOSE)
		*done = -1;
	else if ((act == ACT_SELECT && st->selected == st->n) || key == 'n') {
		if (!st->dir[0])
			return; /* no folder for sessions: the error saying so stays on the screen */
		form_begin(&st->form, _("New session"));
		st->naming = form_add(&st->form, _("Title"), FIELD_TEXT, "", 0);
	} else if (act == ACT_SELECT && !st->entries[st->selected].error) {
		*done = start_open(u, st, st->entries[st->selected].path, NULL) ? 1 : 0;
	}
}

void start_init(struct start *st, const struct ui *u)
{
	struct diag d;

	if (!store_default_dir(st->dir, sizeof(st->dir), &d)) {
		st->dir[0] = '\0'; /* no folder: no new session either */
		diag_format(&d, st->error, sizeof(st->error));
		return;
	}
	if (!store_list(st->dir, u->c, &st->entries, &st->n, &d)) {
		diag_format(&d, st->error, sizeof(st->error));
		st->entries = NULL;
		st->n = 0;
	}
}

int start_key(struct start *st, struct ui *u, int key)
{
	int done = 0;

	if (!st->naming && st->dir[0]) /* without a folder, its error stays */
		st->error[0] = '\0';
	if (st->naming)
		done = start_naming_key(u, st, key);
	else
		start_list_key(u, st, key, &done);
	return done;
}

void start_free(struct start *st)
{
	form_end(&st->form);
	store_list_free(st->entries, st->n);
	st->entries = NULL;
	st->n = 0;
}

