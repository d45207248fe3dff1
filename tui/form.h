/* form.h - a small form of one-line fields (text, date, number, a row of the table) in a box:
 * Tab moves, Enter saves, Esc cancels. No curses.
 *
 * A date field reads a date as people type it (date.h: 15-1-2027, 15 jan, 2027-01-15, ...)
 * and gives it back as ISO (form_text); a stored date is shown the way the language reads it
 * ("15 jan. 2027"), which it reads back the same. A due date in the past is saved only after
 * the form asked and the facilitator answered y (or j, ja). */
#ifndef MEETLAT_FORM_H
#define MEETLAT_FORM_H

#include <stdbool.h>

#include "content.h"
#include "date.h"
#include "editor.h"
#include "page.h"

enum { FORM_FIELDS_MAX = 6 };

/* FIELD_DUE is a date by which something is to be done: one in the past asks first. */
enum field_kind { FIELD_TEXT, FIELD_DATE, FIELD_DUE, FIELD_NUMBER, FIELD_ROW };

struct form_field {
	const char *label;
	enum field_kind kind;
	struct editor editor; /* FIELD_TEXT, _DATE, _DUE, _NUMBER */
	long row;             /* FIELD_ROW: a dimension index, or -1 for the whole workshop */
	char iso[DATE_ISO_SIZE];     /* a date field: the date its text was last read as, or "" */
	char initial[DATE_ISO_SIZE]; /* a date field: the date it was given (asked about again
				      * only when changed) */
	char *given;          /* the text the field was given (what Esc would go back to) */
	long given_row;       /* FIELD_ROW: the row it was given */
};

struct form {
	const char *title;
	struct form_field fields[FORM_FIELDS_MAX];
	size_t n, focus;
	char error[256];      /* shown under the fields, e.g. why a date is refused */
	char today[DATE_ISO_SIZE]; /* the date a date without a year and "in the past" go by */
	bool asking;          /* a due date in the past waits for y/j (save) or another key */
	bool discarding;      /* Esc on changed fields waits for y/j (discard) or another key */
	char question[160];   /* what is asked then */
};

enum form_result { FORM_OPEN, FORM_SAVE, FORM_CANCEL };

/* Empties F and gives it TITLE; today's date (date_today) is what its dates go by. */
void form_begin(struct form *f, const char *title);

/* Adds a field of KIND labelled LABEL holding VALUE (ROW for FIELD_ROW); a date field's VALUE
 * is ISO (YYYY-MM-DD) and shown in the style of the language spoken (date_style_spoken).
 * False on exhaustion. */
bool form_add(struct form *f, const char *label, enum field_kind kind, const char *value,
	      long row);

/* Releases the fields of F. */
void form_end(struct form *f);

/* Returns the value of field I: its text; for a date field the ISO date it was read as ("" when
 * empty) once the form returned FORM_SAVE. */
const char *form_text(const struct form *f, size_t i);

/* Returns true when KEY answers yes to a question: y or j (ja), in either case. */
bool form_yes(int key);

/* Returns true when a field of F holds something other than it was given. */
bool form_changed(const struct form *f);

/* Handles one KEY (keys.h). Esc cancels at once when nothing was changed, else asks first
 * whether to discard what was typed (y or j discards, another key goes back). Saving checks every field first: the first one refused gets the
 * focus and its reason in F->error. */
enum form_result form_key(struct form *f, const struct content *c, int key);

/* Builds the page of F in a box WIDTH x HEIGHT (line 0 and the edges are the box's border,
 * which the painter draws): the title, the fields that fit (the focused one among them), the
 * error or the question (on up to two lines) and the keys; stores where the cursor goes in *CURSOR_Y, *CURSOR_X (-1 for none). */
void form_page(struct page *p, struct form *f, const struct content *c, int width, int height,
	       int *cursor_y, int *cursor_x);

/* Builds the page of a box WIDTH x HEIGHT asking QUESTION (line 0 and the edges are the
 * box's border, which the painter draws): the question wrapped inside the box, then the keys
 * that answer it. */
void form_question_page(struct page *p, const char *question, int width, int height);

/* Returns the height of the box form_question_page needs for QUESTION in a box WIDTH wide. */
int form_question_height(const char *question, int width);

#endif
