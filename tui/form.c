/* form.c - a small form of one-line fields in a box: Tab moves, Enter saves, Esc cancels. */
#include "form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "i18n.h"
#include "keys.h"
#include "session.h"
#include "utf8.h"
#include "wrap.h"

enum { LABEL_WIDTH = 14, MESSAGE_LINES = 2 };

void form_begin(struct form *f, const char *title)
{
	memset(f, 0, sizeof(*f));
	f->title = title;
	date_today(f->today);
}

/* Returns true when KIND holds a date. */
static bool is_date(enum field_kind kind)
{
	return kind == FIELD_DATE || kind == FIELD_DUE;
}

/* Starts the editor of date FIELD on VALUE: a valid ISO date shown as the language reads it
 * (and remembered as what the field was given), anything else as it is. */
static bool start_date(struct form_field *field, const char *value)
{
	char shown[DATE_TEXT_SIZE];

	if (!date_format(value, date_style_spoken(), shown, sizeof(shown)))
		return editor_init(&field->editor, value, SESSION_TEXT_MAX);
	snprintf(field->iso, sizeof(field->iso), "%s", value);
	snprintf(field->initial, sizeof(field->initial), "%s", value);
	return editor_init(&field->editor, shown, SESSION_TEXT_MAX);
}

bool form_add(struct form *f, const char *label, enum field_kind kind, const char *value,
	      long row)
{
	struct form_field *field;
	bool ok;

	if (f->n == FORM_FIELDS_MAX)
		return false;
	field = &f->fields[f->n];
	memset(field, 0, sizeof(*field));
	field->label = label;
	field->kind = kind;
	field->row = row;
	ok = is_date(kind) ? start_date(field, value ? value : "")
			   : editor_init(&field->editor, value ? value : "", SESSION_TEXT_MAX);
	if (ok && !(field->given = strdup(field->editor.text)))
		editor_free(&field->editor);
	if (!ok || !field->given)
		return false;
	field->given_row = row;
	f->n++;
	return true;
}

void form_end(struct form *f)
{
	for (size_t i = 0; i < f->n; i++) {
		editor_free(&f->fields[i].editor);
		free(f->fields[i].given);
		f->fields[i].given = NULL;
	}
	f->n = 0;
}

const char *form_text(const struct form *f, size_t i)
{
	return is_date(f->fields[i].kind) ? f->fields[i].iso : f->fields[i].editor.text;
}

bool form_yes(int key)
{
	return key == 'y' || key == 'Y' || key == 'j' || key == 'J';
}

/* Reads date field FIELD's text into its ISO date (TODAY placing a date without a year);
 * returns NULL, or why the text is no date. Nothing but spaces is no date at all: "". */
static const char *read_date(struct form_field *field, const char *today)
{
	const char *text = field->editor.text;

	field->iso[0] = '\0';
	if (strspn(text, " ") == strlen(text))
		return NULL;
	return date_parse(text, today, field->iso);
}

/* Checks field I; false with F->error set when it holds something it may not. */
static bool field_valid(struct form *f, size_t i)
{
	struct form_field *field = &f->fields[i];
	const char *text = field->editor.text, *why;

	f->error[0] = '\0';
	if (is_date(field->kind) && (why = read_date(field, f->today)))
		snprintf(f->error, sizeof(f->error), "%s: %s", field->label, _(why));
	else if (field->kind == FIELD_NUMBER && strspn(text, "0123456789") != strlen(text))
		/* TRANSLATORS: %s is the label of the field, e.g. "Participants". */
		snprintf(f->error, sizeof(f->error), _("%s: write a whole number"), field->label);
	return f->error[0] == '\0';
}

/* Checks every field; the first refused one gets the focus (and F->error says why). */
static bool fields_valid(struct form *f)
{
	for (size_t i = 0; i < f->n; i++)
		if (!field_valid(f, i)) {
			f->focus = i;
			return false;
		}
	return true;
}

/* Asks about a due date in the past that was changed (the first such field gets the focus);
 * returns true when it asks. */
static bool ask_about_past(struct form *f)
{
	for (size_t i = 0; i < f->n; i++) {
		const struct form_field *field = &f->fields[i];
		char shown[DATE_TEXT_SIZE];

		if (field->kind != FIELD_DUE || !field->iso[0] ||
		    strcmp(field->iso, field->initial) == 0 || !date_is_past(field->iso, f->today))
			continue;
		date_format(field->iso, date_style_spoken(), shown, sizeof(shown));
		/* TRANSLATORS: %s is a date as the language writes it: "1 mrt. 2020". */
		snprintf(f->question, sizeof(f->question),
			 _("The date %s lies in the past. Save it anyway?"), shown);
		f->focus = i;
		f->asking = true;
		return true;
	}
	return false;
}

bool form_changed(const struct form *f)
{
	for (size_t i = 0; i < f->n; i++) {
		const struct form_field *field = &f->fields[i];

		if (field->kind == FIELD_ROW ? field->row != field->given_row
					     : strcmp(field->editor.text, field->given) != 0)
			return true;
	}
	return false;
}

/* Esc: cancels at once when nothing was changed, else asks whether to discard it. */
static enum form_result cancel(struct form *f)
{
	if (!form_changed(f))
		return FORM_CANCEL;
	snprintf(f->question, sizeof(f->question), "%s", _("Discard what you typed?"));
	f->discarding = true;
	return FORM_OPEN;
}

/* Handles the answer to whether to discard: y or j cancels the form; any other key goes back
 * to the fields as they were. */
static enum form_result answer_discard(struct form *f, int key)
{
	f->discarding = false;
	f->question[0] = '\0';
	return form_yes(key) ? FORM_CANCEL : FORM_OPEN;
}

/* Handles the answer to the question: y or j saves; any other key goes back to the field,
 * its text kept. */
static enum form_result answer(struct form *f, int key)
{
	f->asking = false;
	f->question[0] = '\0';
	return form_yes(key) ? FORM_SAVE : FORM_OPEN;
}

/* Moves the focus by STEP fields (wrapping), unless the focused field is invalid. */
static void move_focus(struct form *f, int step)
{
	if (!field_valid(f, f->focus))
		return;
	f->focus = step > 0 ? (f->focus + 1) % f->n : (f->focus + f->n - 1) % f->n;
}

/* Chooses the previous (STEP -1) or next (+1) row in a row field; -1 is "the workshop". */
static void choose_row(struct form_field *field, const struct content *c, int step)
{
	long n = (long)c->n_dimensions;

	field->row = (field->row + 1 + step + n + 1) % (n + 1) - 1;
}

/* Applies the editing action ACT to editor E; false when ACT edits nothing. */
static bool edit_action(struct editor *e, enum action act)
{
	static void (*const edits[ACT_COUNT])(struct editor *) = {
		[ACT_CURSOR_LEFT] = editor_left,          [ACT_CURSOR_RIGHT] = editor_right,
		[ACT_CURSOR_HOME] = editor_home,          [ACT_CURSOR_END] = editor_end,
		[ACT_DELETE_BACK] = editor_backspace,     [ACT_DELETE_CHAR] = editor_delete,
		[ACT_DELETE_WORD] = editor_delete_word,   [ACT_DELETE_TO_START] = editor_delete_to_start,
	};

	if (!edits[act])
		return false;
	edits[act](e);
	return true;
}

/* Types KEY into editor E when it is a character (a refused one included); false when not. */
static bool type_character(struct editor *e, int key)
{
	if (key < ' ' || key >= UI_KEY_FIRST)
		return false;
	editor_insert(e, (uint32_t)key);
	return true;
}

/* Handles a key in a row field: ← and → (and Space) choose the row; Home chooses the first
 * of the list (the workshop as a whole), End the last row. */
static void row_key(struct form_field *field, const struct content *c, enum action act, int key)
{
	if (act == ACT_CURSOR_LEFT || act == ACT_CURSOR_RIGHT)
		choose_row(field, c, act == ACT_CURSOR_LEFT ? -1 : 1);
	else if (act == ACT_CURSOR_HOME)
		field->row = -1;
	else if (act == ACT_CURSOR_END)
		field->row = (long)c->n_dimensions - 1;
	else if (key == ' ')
		choose_row(field, c, 1);
}

enum form_result form_key(struct form *f, const struct content *c, int key)
{
	struct form_field *field = &f->fields[f->focus];
	const struct binding *b = binding_for_key(CTX_FORM, key);
	enum action act = b ? b->action : ACT_NONE;

	if (f->asking)
		return answer(f, key);
	if (f->discarding)
		return answer_discard(f, key);
	if (act == ACT_CANCEL_FORM)
		return cancel(f);
	if (act == ACT_SAVE_FORM)
		return fields_valid(f) && !ask_about_past(f) ? FORM_SAVE : FORM_OPEN;
	if (act == ACT_NEXT_FIELD || act == ACT_PREV_FIELD) {
		move_focus(f, act == ACT_NEXT_FIELD ? 1 : -1);
		return FORM_OPEN;
	}
	if (field->kind == FIELD_ROW)
		row_key(field, c, act, key);
	else if (b ? edit_action(&field->editor, act) : type_character(&field->editor, key))
		f->error[0] = '\0';
	return FORM_OPEN;
}

/* Adds LEN bytes of TEXT at line Y, column X of P, whose lines are built from the top down:
 * a line above the last is left as it is. */
static void put_at(struct page *p, int y, int x, enum style style, const char *text, size_t len)
{
	while (p->n < (size_t)y + 1 && !p->failed)
		page_newline(p);
	if (page_last(p) == y)
		page_put(p, x, style, text, len);
}

/* Adds field I at line Y of a box WIDTH wide; returns the cursor column when it is focused,
 * else -1. */
static int put_field(struct page *p, struct form *f, size_t i, int y, int width,
		     const struct content *c)
{
	struct form_field *field = &f->fields[i];
	int x = LABEL_WIDTH + 2, room = width - x - 2;
	bool focused = i == f->focus;
	size_t start, len, cursor;

	put_at(p, y, 2, focused ? STYLE_EMPHASIS : STYLE_NORMAL, field->label, strlen(field->label));
	if (field->kind == FIELD_ROW) {
		const char *name = field->row >= 0 ? c->dimensions[field->row].name
						   : _("(the workshop as a whole)");
		enum style style = focused ? STYLE_SELECTED : STYLE_NORMAL;

		put_at(p, y, x, style, "< ", 2);
		put_at(p, y, x + 2, style, name, strlen(name));
		put_at(p, y, x + 2 + (int)utf8_width(name, strlen(name)), style, " >", 2);
		return -1;
	}
	if (room < 2)
		room = 2;
	editor_view(&field->editor, (size_t)room, &start, &len, &cursor);
	page_printf(p, x, STYLE_INPUT, "%*s", room, ""); /* the field, underlined, on line Y */
	put_at(p, y, x, STYLE_INPUT, field->editor.text + start, len);
	return focused ? x + (int)cursor : -1;
}

/* Returns the first field to show when only ROOM of them fit, keeping the focus in view. */
static size_t first_shown(const struct form *f, size_t room)
{
	if (room == 0 || f->n <= room || f->focus < room)
		return 0;
	return f->focus - room + 1;
}

/* Counts the lines TEXT needs wrapped at WIDTH columns (at least one). */
static int wrapped_lines(const char *text, int width)
{
	size_t len = strlen(text), next = 0;
	struct wrap_line line;
	int n = 0;

	do {
		next = wrap_next(text, len, next, (size_t)(width > 1 ? width : 1), &line);
		n++;
	} while (next < len);
	return n;
}

/* Adds TEXT wrapped to WIDTH columns at column 2 of P, in STYLE, on the last of the lines
 * FROM..TO that it needs; what does not fit them ends in "…". */
static void put_wrapped(struct page *p, int from, int to, int width, enum style style,
			const char *text)
{
	size_t len = strlen(text), next = 0;
	int needed = wrapped_lines(text, width), n = needed < to - from + 1 ? needed : to - from + 1;

	for (int y = to - n + 1; y <= to; y++) {
		const char *at = text + next;
		struct wrap_line line;

		next = wrap_next(text, len, next, (size_t)(width > 1 ? width : 1), &line);
		if (y == to && next < len) { /* the rest does not fit: "…" says so */
			size_t fit = text_fit(at, len - (size_t)(at - text),
					      (size_t)(width > 1 ? width - 1 : 1));

			put_at(p, y, 2, style, at, fit);
			put_at(p, y, 2 + (int)utf8_width(at, fit), style, "…", strlen("…"));
			return;
		}
		put_at(p, y, 2, style, at, line.len);
		if (line.hyphen)
			put_at(p, y, 2 + (int)utf8_width(at, line.len), style, "-", 1);
	}
}

void form_page(struct page *p, struct form *f, const struct content *c, int width, int height,
	       int *cursor_y, int *cursor_x)
{
	bool asking = f->asking || f->discarding;
	/* TRANSLATORS: the keys that answer a question; the key letters y, j and n stay. */
	const char *hint = asking ? _("y/j yes    n no") : _("Tab next field   Enter save   Esc cancel");
	const char *message = asking ? f->question : f->error;
	int inner = height - 2, last_field = 0;
	/* A blank line between fields and a line of keys, when there is room for them. */
	bool roomy = inner >= 2 * (int)f->n + 3;
	int spacing = roomy ? 2 : 1, top = roomy ? 2 : 1;
	size_t room = (size_t)((inner - 1 - roomy) / spacing), first = first_shown(f, room);

	*cursor_y = *cursor_x = -1;
	put_at(p, 0, 2, STYLE_TITLE, f->title, strlen(f->title));
	for (size_t i = first; i < f->n && i - first < room; i++) {
		int y = top + spacing * (int)(i - first), x = put_field(p, f, i, y, width, c);

		last_field = y;
		if (x >= 0 && !asking) {
			*cursor_x = x;
			*cursor_y = y;
		}
	}
	if (message[0] && height - 2 - roomy > last_field) {
		int to = height - 2 - roomy, from = last_field + 1 + roomy;

		put_wrapped(p, from > to - MESSAGE_LINES + 1 ? from : to - MESSAGE_LINES + 1, to,
			    width - 4, STYLE_WARNING, message);
	}
	if (roomy)
		put_at(p, height - 2, 2, STYLE_NORMAL, hint, strlen(hint));
	while (p->n < (size_t)height && !p->failed)
		page_newline(p);
}

/* The box of a question: a border and a blank line above it, a blank line, the keys and the
 * border below. */
enum { QUESTION_TOP = 3, QUESTION_CHROME = 6 };

int form_question_height(const char *question, int width)
{
	return wrapped_lines(question, width - 4) + QUESTION_CHROME;
}

void form_question_page(struct page *p, const char *question, int width, int height)
{
	/* TRANSLATORS: the keys that answer a question; the key letters y, j and n stay. */
	const char *hint = _("y/j yes    n no");
	int lines = wrapped_lines(question, width - 4), room = height - QUESTION_CHROME;

	put_wrapped(p, QUESTION_TOP, QUESTION_TOP + (lines < room ? lines : room) - 1, width - 4,
		    STYLE_WARNING, question);
	put_at(p, height - 2, 2, STYLE_EMPHASIS, hint, strlen(hint));
	while (p->n < (size_t)height && !p->failed)
		page_newline(p);
}
