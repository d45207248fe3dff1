/* actions.h - every user action, its keys and its help text, in one table. The help overlay
 * and the key section of meetlat(1) are both generated from it, the key names included. No
 * curses: the keys are the interface's own codes (keys.h). */
#ifndef MEETLAT_ACTIONS_H
#define MEETLAT_ACTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum action {
	ACT_NONE,
	ACT_ADVANCE, ACT_NEXT, ACT_PREV, ACT_UP, ACT_DOWN, ACT_FIRST, ACT_LAST, ACT_OVERVIEW,
	ACT_VOTE, ACT_PHONE, ACT_PHONE_KEEP, ACT_REVEAL, ACT_CURRENT, ACT_TARGET, ACT_UNDO, ACT_NOTE,
	ACT_ADD_ACTION, ACT_LIST_ACTIONS, ACT_DETAILS, ACT_SUMMARY,
	ACT_HELP, ACT_HINTS, ACT_PRESENTER, ACT_REDRAW, ACT_QUIT,
	ACT_SELECT, ACT_CLOSE, ACT_TOGGLE, ACT_DELETE,
	ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_SAVE_FORM, ACT_CANCEL_FORM,
	ACT_CURSOR_LEFT, ACT_CURSOR_RIGHT, ACT_CURSOR_HOME, ACT_CURSOR_END,
	ACT_DELETE_BACK, ACT_DELETE_CHAR, ACT_DELETE_WORD, ACT_DELETE_TO_START,
	ACT_FOLLOW_DONE, ACT_FOLLOW_CARRY, ACT_FOLLOW_DROP, /* the step of last time's actions */
	ACT_COUNT
};

/* Where a key is read: walking the agenda, in a list overlay, or in a form. */
enum key_context { CTX_WALK, CTX_LIST, CTX_FORM, CTX_COUNT };

enum { BINDING_KEYS_MAX = 10 };

struct binding {
	enum action action;
	enum key_context context;
	const char *section; /* heading in the help: "Moving", "Scoring a row", ... */
	int codes[BINDING_KEYS_MAX]; /* key codes (keys.h), 0-terminated */
	const char *help;
	bool edits;          /* changes the session: refused when read-only */
};

enum { BINDING_NAMES_SIZE = 96 };

/* Returns the table of bindings and stores its length in *N. */
const struct binding *bindings(size_t *n);

/* Writes the names of B's keys into BUF, as the help and the manual show them ("→  PgDn  l",
 * "c then 1–9"). */
const char *binding_keys(const struct binding *b, char buf[BINDING_NAMES_SIZE]);

/* Returns the binding of KEY (keys.h) in context CTX, or NULL. */
const struct binding *binding_for_key(enum key_context ctx, int key);

/* Writes the key section of meetlat(1) (roff) generated from the table to OUT. */
void bindings_write_man(FILE *out);

#endif
