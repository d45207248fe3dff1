/* form.h - a small form of one-line fields (text, date, number, a row of the table) in a box:
 * Tab moves, Enter saves, Esc cancels. No curses. */
#ifndef MEETLAT_FORM_H
#define MEETLAT_FORM_H

#include <stdbool.h>

#include "content.h"
#include "editor.h"
#include "page.h"

enum { FORM_FIELDS_MAX = 6 };

enum field_kind { FIELD_TEXT, FIELD_DATE, FIELD_NUMBER, FIELD_ROW };

struct form_field {
	const char *label;
	enum field_kind kind;
	struct editor editor; /* FIELD_TEXT, _DATE, _NUMBER */
	long row;             /* FIELD_ROW: a dimension index, or -1 for the whole workshop */
};

struct form {
	const char *title;
	struct form_field fields[FORM_FIELDS_MAX];
	size_t n, focus;
	char error[160];      /* shown under the fields, e.g. "not a date" */
};

enum form_result { FORM_OPEN, FORM_SAVE, FORM_CANCEL };

/* Empties F and gives it TITLE. */
void form_begin(struct form *f, const char *title);

/* Adds a field of KIND labelled LABEL holding VALUE (ROW for FIELD_ROW); false on exhaustion. */
bool form_add(struct form *f, const char *label, enum field_kind kind, const char *value,
	      long row);

/* Releases the fields of F. */
void form_end(struct form *f);

/* Returns the text of field I. */
const char *form_text(const struct form *f, size_t i);

/* Handles one KEY (keys.h). */
enum form_result form_key(struct form *f, const struct content *c, int key);

/* Builds the page of F in a box WIDTH x HEIGHT (line 0 and the edges are the box's border,
 * which the painter draws): the title, the fields that fit (the focused one among them), the
 * error and the keys; stores where the cursor goes in *CURSOR_Y, *CURSOR_X (-1 for none). */
void form_page(struct page *p, struct form *f, const struct content *c, int width, int height,
	       int *cursor_y, int *cursor_x);

#endif
