/* start.c - the start screen's state and keys: resume a session from the default folder, or
 * begin a new one. No curses. */
#include "start.h"

#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "baseline.h"
#include "followup.h"
#include "i18n.h"

/* Gives the new session S the organisation and group of the session it follows up. */
static bool same_team(struct session *s, const char **why)
{
	const struct session_baseline *b = s->baseline;

	return !b || !b->organisation ||
	       (session_set_meta(s, META_ORGANISATION, b->organisation, why) &&
		session_set_meta(s, META_GROUP, b->group, why));
}

/* Opens the session at PATH into U (new ones titled TITLE, following up the session file
 * EARLIER unless it is NULL); false with ST->error set. */
static bool start_open(struct ui *u, struct start *st, const char *path, const char *title,
		       const char *earlier)
{
	struct diag d;
	const char *why;

	if (!ui_open_session(u, path, earlier, u->read_only ? STORE_READ_ONLY : 0, &d)) {
		diag_format(&d, st->error, sizeof(st->error));
		return false;
	}
	if ((title && !session_set_meta(u->s, META_TITLE, title, &why)) ||
	    (earlier && !same_team(u->s, &why))) {
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
	if (start_open(u, st, path, form_text(&st->form, 0),
		       st->following >= 0 ? st->entries[st->following].path : NULL)) {
		form_end(&st->form);
		return true;
	}
	form_end(&st->form);
	return false;
}

/* Opens the title form of a new session, which follows up entry FOLLOWING of ST (-1: none). */
static void start_naming(struct start *st, long following)
{
	const struct store_entry *e = following >= 0 ? &st->entries[following] : NULL;
	char date[DATE_TEXT_SIZE];

	if (!st->dir[0])
		return; /* no folder for sessions: the error saying so stays on the screen */
	st->following = following;
	if (!e)
		snprintf(st->form_title, sizeof(st->form_title), "%s", _("New session"));
	else if (date_format(e->date, date_style_spoken(), date, sizeof(date)))
		/* TRANSLATORS: the title of the form of a new session that follows up an earlier
		 * one: its title and date. */
		snprintf(st->form_title, sizeof(st->form_title), _("New session, following “%s” of %s"),
			 e->title, date);
	else
		snprintf(st->form_title, sizeof(st->form_title), _("New session, following “%s”"),
			 e->title);
	form_begin(&st->form, st->form_title);
	st->naming = form_add(&st->form, _("Title"), FIELD_TEXT, "", 0);
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
	else if ((act == ACT_SELECT && st->selected == st->n) || key == 'n')
		start_naming(st, -1);
	else if (key == 'f' && st->selected < st->n && !st->entries[st->selected].error)
		start_naming(st, (long)st->selected);
	else if (act == ACT_SELECT && !st->entries[st->selected].error)
		*done = start_open(u, st, st->entries[st->selected].path, NULL, NULL) ? 1 : 0;
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

