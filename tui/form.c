/* form.c - a small form of one-line fields in a box: Tab moves, Enter saves, Esc cancels. */
#include "form.h"

#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "draw.h"
#include "session.h"
#include "term.h"
#include "valid.h"

enum { LABEL_WIDTH = 14 };

void form_begin(struct form *f, const char *title)
{
	memset(f, 0, sizeof(*f));
	f->title = title;
}

bool form_add(struct form *f, const char *label, enum field_kind kind, const char *value,
	      long row)
{
	struct form_field *field;

	if (f->n == FORM_FIELDS_MAX)
		return false;
	field = &f->fields[f->n];
	field->label = label;
	field->kind = kind;
	field->row = row;
	if (!editor_init(&field->editor, value ? value : "", SESSION_TEXT_MAX))
		return false;
	f->n++;
	return true;
}

void form_end(struct form *f)
{
	for (size_t i = 0; i < f->n; i++)
		editor_free(&f->fields[i].editor);
	f->n = 0;
}

const char *form_text(const struct form *f, size_t i)
{
	return f->fields[i].editor.text;
}

/* Checks the focused field; false with F->error set when it holds something it may not. */
static bool field_valid(struct form *f)
{
	const struct form_field *field = &f->fields[f->focus];
	const char *text = field->editor.text;

	f->error[0] = '\0';
	if (field->kind == FIELD_DATE && text[0] && !date_valid(text))
		snprintf(f->error, sizeof(f->error), "%s: not a real date; write YYYY-MM-DD",
			 field->label);
	else if (field->kind == FIELD_NUMBER && strspn(text, "0123456789") != strlen(text))
		snprintf(f->error, sizeof(f->error), "%s: write a whole number", field->label);
	return f->error[0] == '\0';
}

/* Moves the focus by STEP fields (wrapping), unless the focused field is invalid. */
static void move_focus(struct form *f, int step)
{
	if (!field_valid(f))
		return;
	f->focus = step > 0 ? (f->focus + 1) % f->n : (f->focus + f->n - 1) % f->n;
}

/* Chooses the previous (STEP -1) or next (+1) row in a row field; -1 is "the workshop". */
static void choose_row(struct form_field *field, const struct content *c, int step)
{
	long n = (long)c->n_dimensions;

	field->row = (field->row + 1 + step + n + 1) % (n + 1) - 1;
}

/* Applies an editing key to the editor of a text field; false when it is not one. */
static bool edit_key(struct editor *e, int code, bool function)
{
	if (!function && code == ('w' & 0x1f))
		editor_delete_word(e);
	else if (!function && code == ('u' & 0x1f))
		editor_delete_to_start(e);
	else if (!function && (code == 127 || code == ('h' & 0x1f)))
		editor_backspace(e);
	else if (!function && code >= 0x20)
		editor_insert(e, (uint32_t)code);
	else if (!function)
		return false;
	else if (code == KEY_LEFT)
		editor_left(e);
	else if (code == KEY_RIGHT)
		editor_right(e);
	else if (code == KEY_HOME)
		editor_home(e);
	else if (code == KEY_END)
		editor_end(e);
	else if (code == KEY_BACKSPACE)
		editor_backspace(e);
	else if (code == KEY_DC)
		editor_delete(e);
	else
		return false;
	return true;
}

enum form_result form_key(struct form *f, const struct content *c, int code, bool function)
{
	struct form_field *field = &f->fields[f->focus];
	const struct binding *b = binding_for_key(CTX_FORM, function || code < 128 ? code : -1);

	if (b && b->action == ACT_CANCEL_FORM)
		return FORM_CANCEL;
	if (b && b->action == ACT_SAVE_FORM)
		return field_valid(f) ? FORM_SAVE : FORM_OPEN;
	if (b && (b->action == ACT_NEXT_FIELD || b->action == ACT_PREV_FIELD)) {
		move_focus(f, b->action == ACT_NEXT_FIELD ? 1 : -1);
		return FORM_OPEN;
	}
	if (field->kind == FIELD_ROW) {
		if (function && (code == KEY_LEFT || code == KEY_RIGHT))
			choose_row(field, c, code == KEY_LEFT ? -1 : 1);
		else if (!function && code == ' ')
			choose_row(field, c, 1);
		return FORM_OPEN;
	}
	if (edit_key(&field->editor, code, function))
		f->error[0] = '\0';
	return FORM_OPEN;
}

/* Paints field I at line Y of W; returns the cursor column when it is focused, else -1. */
static int draw_field(WINDOW *w, struct form *f, size_t i, int y, const struct content *c)
{
	struct form_field *field = &f->fields[i];
	int x = LABEL_WIDTH + 2, width = getmaxx(w) - x - 2;
	bool focused = i == f->focus;
	size_t start, len, cursor;

	draw_text(w, y, 2, focused ? STYLE_EMPHASIS : STYLE_DIM, field->label, strlen(field->label));
	if (field->kind == FIELD_ROW) {
		const char *name = field->row >= 0 ? c->dimensions[field->row].name
						   : "(the workshop as a whole)";

		draw_text(w, y, x, focused ? STYLE_SELECTED : STYLE_NORMAL, "< ", 2);
		x = draw_text(w, y, x + 2, focused ? STYLE_SELECTED : STYLE_NORMAL, name, strlen(name));
		draw_text(w, y, x, focused ? STYLE_SELECTED : STYLE_NORMAL, " >", 2);
		return -1;
	}
	if (width < 2)
		width = 2;
	editor_view(&field->editor, (size_t)width, &start, &len, &cursor);
	wattrset(w, term_attr(STYLE_INPUT));
	mvwhline(w, y, x, ' ', width);
	draw_text(w, y, x, STYLE_INPUT, field->editor.text + start, len);
	return focused ? x + (int)cursor : -1;
}

/* Returns the first field to show when only ROOM of them fit, keeping the focus in view. */
static size_t first_shown(const struct form *f, size_t room)
{
	if (room == 0 || f->n <= room || f->focus < room)
		return 0;
	return f->focus - room + 1;
}

void form_draw(WINDOW *w, struct form *f, const struct content *c)
{
	int inner = getmaxy(w) - 2, cursor_x = -1, cursor_y = 0;
	/* A blank line between fields and a line of keys, when there is room for them. */
	bool roomy = inner >= 2 * (int)f->n + 3;
	int spacing = roomy ? 2 : 1, top = roomy ? 2 : 1;
	size_t room = (size_t)((inner - 1 - roomy) / spacing), first = first_shown(f, room);

	werase(w);
	box(w, 0, 0);
	draw_text(w, 0, 2, STYLE_TITLE, f->title, strlen(f->title));
	for (size_t i = first; i < f->n && i - first < room; i++) {
		int y = top + spacing * (int)(i - first), x = draw_field(w, f, i, y, c);

		if (x >= 0) {
			cursor_x = x;
			cursor_y = y;
		}
	}
	if (f->error[0])
		draw_text(w, getmaxy(w) - 2 - roomy, 2, STYLE_WARNING, f->error, strlen(f->error));
	if (roomy)
		draw_text(w, getmaxy(w) - 2, 2, STYLE_DIM, "Tab next field   Enter save   Esc cancel", 40);
	if (cursor_x >= 0) {
		wmove(w, cursor_y, cursor_x);
		curs_set(1);
	} else {
		curs_set(0);
	}
}
