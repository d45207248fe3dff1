/* editor.h - a one-line text editor on UTF-8: cursor keys, Home/End, Backspace/Delete,
 * Ctrl-W, text longer than the field. No curses. */
#ifndef MEETLAT_EDITOR_H
#define MEETLAT_EDITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct editor {
	char *text;    /* NUL-terminated UTF-8 */
	size_t len, cap;
	size_t cursor; /* byte offset, always at a character boundary */
	size_t max;    /* bytes the text may hold */
	size_t scroll; /* byte offset of the first character shown */
};

/* Starts editing a copy of TEXT (at most MAX bytes), cursor at the end; false on exhaustion. */
bool editor_init(struct editor *e, const char *text, size_t max);

/* Releases the text. */
void editor_free(struct editor *e);

/* Inserts character CP at the cursor; refuses control characters and text past the maximum. */
bool editor_insert(struct editor *e, uint32_t cp);

/* Moves the cursor one character left or right, or to the start or end. */
void editor_left(struct editor *e);
void editor_right(struct editor *e);
void editor_home(struct editor *e);
void editor_end(struct editor *e);

/* Deletes the character before the cursor (Backspace) or under it (Delete). */
void editor_backspace(struct editor *e);
void editor_delete(struct editor *e);

/* Deletes the word before the cursor, and the spaces after it (Ctrl-W). */
void editor_delete_word(struct editor *e);

/* Deletes everything before the cursor (Ctrl-U). */
void editor_delete_to_start(struct editor *e);

/* For a field WIDTH columns wide: scrolls so that the cursor is visible and stores the bytes
 * to show (*START, *LEN) and the cursor's column in the field (*CURSOR_X). */
void editor_view(struct editor *e, size_t width, size_t *start, size_t *len, size_t *cursor_x);

#endif
