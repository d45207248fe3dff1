/* actions.c - every user action, its keys and its help text, in one table. */
#include "actions.h"

#include <string.h>

#include "i18n.h"
#include "keys.h"

/* The sections and the help texts are marked for translation (N_) and translated where the
 * help shows them; the manual page (bindings_write_man) is written from the English. */

/* Keys that terminals send for one key on the keyboard. */
#define ENTER_KEYS '\n', '\r', UI_KEY_ENTER
#define BACKSPACE_KEYS UI_KEY_BACKSPACE, UI_KEY_DEL, UI_KEY_CTRL('h')
#define PHASE_DIGITS '1', '2', '3', '4', '5', '6', '7', '8', '9'
/* The sections of the help, in its order. */
#define MOVING N_("Moving")
#define SCORING N_("Scoring a row")
#define RECORDING N_("Recording")
#define FOLLOWUP N_("Last time's actions")
#define OTHER N_("Other")
#define LISTS N_("In the overview and the action list")
#define ACTION_LIST N_("In the action list")
#define FORMS N_("In forms")

static const struct binding table[] = {
	{ ACT_ADVANCE, CTX_WALK, MOVING, { ' ' },
	  N_("show the rest of a long step, then go to the next step"), false },
	{ ACT_NEXT, CTX_WALK, MOVING, { UI_KEY_RIGHT, UI_KEY_PAGE_DOWN, 'l' }, N_("next step"),
	  false },
	{ ACT_PREV, CTX_WALK, MOVING,
	  { UI_KEY_LEFT, UI_KEY_PAGE_UP, 'h', BACKSPACE_KEYS }, N_("previous step"), false },
	{ ACT_UP, CTX_WALK, MOVING, { UI_KEY_UP, 'k' }, N_("scroll up / select the row above"),
	  false },
	{ ACT_DOWN, CTX_WALK, MOVING, { UI_KEY_DOWN, 'j' }, N_("scroll down / select the row below"),
	  false },
	{ ACT_SELECT, CTX_WALK, MOVING, { ENTER_KEYS },
	  N_("in the table: go to the scoring step of the selected row"), false },
	{ ACT_FIRST, CTX_WALK, MOVING, { UI_KEY_HOME, 'g' }, N_("first step"), false },
	{ ACT_LAST, CTX_WALK, MOVING, { UI_KEY_END, 'G' }, N_("last step"), false },
	{ ACT_OVERVIEW, CTX_WALK, MOVING, { 'o' }, N_("overview: jump to any step"), false },
	{ ACT_VOTE, CTX_WALK, SCORING, { PHASE_DIGITS },
	  N_("add one vote for that phase (hidden until revealed)"), true },
	{ ACT_PHONE, CTX_WALK, SCORING, { 'v' },
	  N_("open / close voting on this row from the participants' phones: a QR code and the "
	     "address on the screen, the votes hidden; r or another step closes it too"), true },
	{ ACT_PHONE_KEEP, CTX_WALK, SCORING, { 'V' },
	  N_("keep the participants' page open between rows (again: only while a row is open)"),
	  true },
	{ ACT_REVEAL, CTX_WALK, SCORING, { 'r' },
	  N_("reveal / hide the votes: a bar per phase, the median, the spread"), false },
	{ ACT_UNDO, CTX_WALK, SCORING, { 'u' }, N_("undo the last vote"), true },
	{ ACT_CURRENT, CTX_WALK, SCORING, { 'c' },
	  N_("set the agreed current phase (c then 0 clears it)"), true },
	{ ACT_TARGET, CTX_WALK, SCORING, { 't' },
	  N_("set the target phase (t then 0 clears it)"), true },
	{ ACT_NOTE, CTX_WALK, SCORING, { 'n' },
	  N_("edit the note of this row (Enter saves; Esc cancels, asking first when text was "
	     "typed)"), true },
	{ ACT_ADD_ACTION, CTX_WALK, RECORDING, { 'a' },
	  N_("add an action (text, owner, due date, row)"), true },
	{ ACT_LIST_ACTIONS, CTX_WALK, RECORDING, { 'A' },
	  N_("list the actions to edit, tick off or delete"), false },
	{ ACT_DETAILS, CTX_WALK, RECORDING, { 'e' },
	  N_("edit the session's details (title, organisation, group, ...)"), true },
	{ ACT_SUMMARY, CTX_WALK, RECORDING, { 's' },
	  N_("summary over this step: the chart of current and target phases, the actions, the "
	     "time (Esc returns to the step)"), false },
	{ ACT_FOLLOW_DONE, CTX_WALK, FOLLOWUP, { 'd' },
	  N_("on the step of last time's actions: the selected one is done (again: open)"), true },
	{ ACT_FOLLOW_CARRY, CTX_WALK, FOLLOWUP, { 'm' },
	  N_("carry it over: a new action of this session that names where it came from "
	     "(again: open)"), true },
	{ ACT_FOLLOW_DROP, CTX_WALK, FOLLOWUP, { 'x' }, N_("drop it (again: open)"), true },
	{ ACT_HELP, CTX_WALK, OTHER, { '?' }, N_("this help"), false },
	{ ACT_HINTS, CTX_WALK, OTHER, { 'i' },
	  N_("show / hide the keys of this step, above the status line"), false },
	{ ACT_PRESENTER, CTX_WALK, OTHER, { 'p' },
	  N_("presenter view / the room's view: the votes before they are shown, the note, the "
	     "times, the next step and the keys (the room follows with meetlat --follow)"), false },
	{ ACT_REDRAW, CTX_WALK, OTHER, { UI_KEY_CTRL('l') }, N_("redraw the screen"), false },
	{ ACT_QUIT, CTX_WALK, OTHER, { 'q' },
	  N_("quit: everything is already saved (when a save failed, asks for a second q)"), false },
	{ ACT_UP, CTX_LIST, LISTS, { UI_KEY_UP, 'k' }, N_("select the item above"), false },
	{ ACT_DOWN, CTX_LIST, LISTS, { UI_KEY_DOWN, 'j' }, N_("select the item below"), false },
	{ ACT_FIRST, CTX_LIST, LISTS, { UI_KEY_HOME, 'g' },
	  N_("select the first item (in the help and the summary: the top)"), false },
	{ ACT_LAST, CTX_LIST, LISTS, { UI_KEY_END, 'G' },
	  N_("select the last item (in the help and the summary: the end)"), false },
	{ ACT_SELECT, CTX_LIST, LISTS, { ENTER_KEYS },
	  N_("jump to the step; in the action list: edit the action (not in --review)"), false },
	{ ACT_CLOSE, CTX_LIST, LISTS, { UI_KEY_ESC, 'q' }, N_("close the list"), false },
	{ ACT_TOGGLE, CTX_LIST, ACTION_LIST, { ' ' },
	  N_("tick the action off as done, or back"), true },
	{ ACT_DELETE, CTX_LIST, ACTION_LIST, { 'd', UI_KEY_DELETE },
	  N_("delete the action (asks first)"), true },
	{ ACT_ADD_ACTION, CTX_LIST, ACTION_LIST, { 'a' }, N_("add an action"), true },
	{ ACT_NEXT_FIELD, CTX_FORM, FORMS, { UI_KEY_TAB, UI_KEY_DOWN }, N_("next field"), false },
	{ ACT_PREV_FIELD, CTX_FORM, FORMS, { UI_KEY_BACK_TAB, UI_KEY_UP }, N_("previous field"),
	  false },
	{ ACT_CURSOR_LEFT, CTX_FORM, FORMS, { UI_KEY_LEFT },
	  N_("one character back; in the row field: the row before"), false },
	{ ACT_CURSOR_RIGHT, CTX_FORM, FORMS, { UI_KEY_RIGHT },
	  N_("one character on; in the row field: the next row"), false },
	{ ACT_CURSOR_HOME, CTX_FORM, FORMS, { UI_KEY_HOME },
	  N_("to the start of the text; in the row field: the workshop as a whole"), false },
	{ ACT_CURSOR_END, CTX_FORM, FORMS, { UI_KEY_END },
	  N_("to the end of the text; in the row field: the last row"), false },
	{ ACT_DELETE_BACK, CTX_FORM, FORMS, { BACKSPACE_KEYS },
	  N_("delete the character before the cursor"), false },
	{ ACT_DELETE_CHAR, CTX_FORM, FORMS, { UI_KEY_DELETE },
	  N_("delete the character under the cursor"), false },
	{ ACT_DELETE_WORD, CTX_FORM, FORMS, { UI_KEY_CTRL('w') },
	  N_("delete the word before the cursor"), false },
	{ ACT_DELETE_TO_START, CTX_FORM, FORMS, { UI_KEY_CTRL('u') },
	  N_("delete everything before the cursor"), false },
	{ ACT_SAVE_FORM, CTX_FORM, FORMS, { ENTER_KEYS }, N_("save"), false },
	{ ACT_CANCEL_FORM, CTX_FORM, FORMS, { UI_KEY_ESC },
	  N_("cancel, changing nothing (asks first when text was typed)"), false },
};

const struct binding *bindings(size_t *n)
{
	*n = sizeof(table) / sizeof(table[0]);
	return table;
}

/* Returns true when the key of ACT waits for a phase's digit ("c then 3"). */
static bool waits_for_phase(enum action act)
{
	return act == ACT_CURRENT || act == ACT_TARGET;
}

const char *binding_keys(const struct binding *b, char buf[BINDING_NAMES_SIZE])
{
	static const int phase_digits[] = { PHASE_DIGITS };
	size_t n = 0, used;

	while (n < BINDING_KEYS_MAX && b->codes[n])
		n++;
	ui_key_names(b->codes, n, buf, BINDING_NAMES_SIZE);
	used = strlen(buf);
	if (waits_for_phase(b->action)) {
		/* TRANSLATORS: between a key and the keys that follow it: "c then 1–9". */
		snprintf(buf + used, BINDING_NAMES_SIZE - used, " %s ", _("then"));
		used = strlen(buf);
		ui_key_names(phase_digits, sizeof(phase_digits) / sizeof(phase_digits[0]), buf + used,
			  BINDING_NAMES_SIZE - used);
	}
	return buf;
}

const struct binding *binding_for_key(enum key_context ctx, int key)
{
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (table[i].context != ctx)
			continue;
		for (int k = 0; k < BINDING_KEYS_MAX && table[i].codes[k]; k++)
			if (table[i].codes[k] == key)
				return &table[i];
	}
	return NULL;
}

/* Writes TEXT to OUT for roff: arrows and dashes as roff glyphs, '-' as a minus in keys
 * (KEYS), backslashes escaped. */
static void write_roff(FILE *out, const char *text, bool keys)
{
	static const struct { const char *utf8, *roff; } glyphs[] = {
		{ "←", "\\(<-" }, { "→", "\\(->" }, { "↑", "\\(ua" }, { "↓", "\\(da" },
		{ "–", "\\(en" }, { "\\", "\\e" },
	};

	while (*text) {
		size_t g;

		for (g = 0; g < sizeof(glyphs) / sizeof(glyphs[0]); g++)
			if (strncmp(text, glyphs[g].utf8, strlen(glyphs[g].utf8)) == 0)
				break;
		if (g < sizeof(glyphs) / sizeof(glyphs[0])) {
			fputs(glyphs[g].roff, out);
			text += strlen(glyphs[g].utf8);
		} else {
			if (keys && *text == '-')
				fputc('\\', out);
			fputc(*text++, out);
		}
	}
}

void bindings_write_man(FILE *out)
{
	const char *section = "";

	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		char keys[BINDING_NAMES_SIZE];

		if (strcmp(section, table[i].section) != 0) {
			section = table[i].section;
			fprintf(out, ".SS %s\n", section);
		}
		fputs(".TP\n.B \"", out);
		write_roff(out, binding_keys(&table[i], keys), true);
		fputs("\"\n", out);
		write_roff(out, table[i].help, false);
		fputs(table[i].edits ? " (not in --review)\n" : "\n", out);
	}
}
