/* keys.h - the interface's own key codes and the names the help and the manual give them.
 * No curses: the terminal layer (term.c) maps what curses reads to these codes. */
#ifndef MEETLAT_KEYS_H
#define MEETLAT_KEYS_H

#include <stddef.h>

/* A key is a Unicode character (its code point, control characters included) or one of
 * these, which lie above every code point. */
enum ui_key {
	UI_KEY_FIRST = 0x110000,
	UI_KEY_UP = UI_KEY_FIRST,
	UI_KEY_DOWN,
	UI_KEY_LEFT,
	UI_KEY_RIGHT,
	UI_KEY_PAGE_UP,
	UI_KEY_PAGE_DOWN,
	UI_KEY_HOME,
	UI_KEY_END,
	UI_KEY_BACKSPACE,
	UI_KEY_DELETE,
	UI_KEY_ENTER,     /* the keypad's Enter */
	UI_KEY_BACK_TAB,  /* Shift-Tab */
	UI_KEY_OTHER,     /* a function key the interface has no use for */
	UI_KEY_LAST = UI_KEY_OTHER
};

/* Characters that name keys of their own. */
enum { UI_KEY_TAB = '\t', UI_KEY_ESC = 27, UI_KEY_DEL = 127 };

/* The character Ctrl and letter K send. */
#define UI_KEY_CTRL(k) ((k) & 0x1f)

enum { KEY_NAME_SIZE = 16 };

/* Writes the name of KEY into BUF as the help shows it ("Space", "→", "PgDn", "Ctrl-W", "q");
 * keys that are one key on the keyboard get one name (127 and Ctrl-H are "Backspace"). */
const char *ui_key_name(int key, char buf[KEY_NAME_SIZE]);

/* Writes the names of the N keys at KEYS into BUF, two spaces apart: one name once, and a run
 * of three or more consecutive characters as a range ("1–9"). */
const char *ui_key_names(const int *keys, size_t n, char *buf, size_t size);

#endif
