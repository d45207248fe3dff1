/* actions.c - every user action, its keys and its help text, in one table. */
#include "actions.h"

#include <curses.h>
#include <string.h>

#define CTRL(k) ((k) & 0x1f)
#define ENTER_KEYS '\n', '\r', KEY_ENTER
#define ESC 27

static const struct binding table[] = {
	{ ACT_ADVANCE, CTX_WALK, "Moving", "Space", { ' ' },
	  "show the rest of a long step, then go to the next step", false },
	{ ACT_NEXT, CTX_WALK, "Moving", "→  PgDn  l", { KEY_RIGHT, KEY_NPAGE, 'l' },
	  "next step", false },
	{ ACT_PREV, CTX_WALK, "Moving", "←  PgUp  h  Backspace",
	  { KEY_LEFT, KEY_PPAGE, 'h', KEY_BACKSPACE, 127, CTRL('h') }, "previous step", false },
	{ ACT_UP, CTX_WALK, "Moving", "↑  k", { KEY_UP, 'k' }, "scroll up / select the row above",
	  false },
	{ ACT_DOWN, CTX_WALK, "Moving", "↓  j", { KEY_DOWN, 'j' },
	  "scroll down / select the row below", false },
	{ ACT_SELECT, CTX_WALK, "Moving", "Enter", { ENTER_KEYS },
	  "in the table: go to the scoring step of the selected row", false },
	{ ACT_FIRST, CTX_WALK, "Moving", "Home  g", { KEY_HOME, 'g' }, "first step", false },
	{ ACT_LAST, CTX_WALK, "Moving", "End  G", { KEY_END, 'G' }, "last step", false },
	{ ACT_OVERVIEW, CTX_WALK, "Moving", "o", { 'o' }, "overview: jump to any step", false },
	{ ACT_VOTE, CTX_WALK, "Scoring a row", "1–9",
	  { '1', '2', '3', '4', '5', '6', '7', '8', '9' },
	  "add one vote for that phase (hidden until revealed)", true },
	{ ACT_REVEAL, CTX_WALK, "Scoring a row", "r", { 'r' },
	  "reveal / hide the votes: a bar per phase, the median, the spread", false },
	{ ACT_UNDO, CTX_WALK, "Scoring a row", "u", { 'u' }, "undo the last vote", true },
	{ ACT_CURRENT, CTX_WALK, "Scoring a row", "c then 1–9", { 'c' },
	  "set the agreed current phase (c then 0 clears it)", true },
	{ ACT_TARGET, CTX_WALK, "Scoring a row", "t then 1–9", { 't' },
	  "set the target phase (t then 0 clears it)", true },
	{ ACT_NOTE, CTX_WALK, "Scoring a row", "n", { 'n' },
	  "edit the note of this row (Enter saves, Esc cancels)", true },
	{ ACT_ADD_ACTION, CTX_WALK, "Recording", "a", { 'a' },
	  "add an action (text, owner, due date, row)", true },
	{ ACT_LIST_ACTIONS, CTX_WALK, "Recording", "A", { 'A' },
	  "list the actions to edit, tick off or delete", false },
	{ ACT_DETAILS, CTX_WALK, "Recording", "e", { 'e' },
	  "edit the session's details (title, organisation, group, ...)", true },
	{ ACT_SUMMARY, CTX_WALK, "Recording", "s", { 's' },
	  "summary: the chart of current and target phases, the actions, the time", false },
	{ ACT_HELP, CTX_WALK, "Other", "?", { '?' }, "this help", false },
	{ ACT_REDRAW, CTX_WALK, "Other", "Ctrl-L", { CTRL('l') }, "redraw the screen", false },
	{ ACT_QUIT, CTX_WALK, "Other", "q", { 'q' },
	  "quit: everything is already saved (when a save failed, asks for a second q)", false },
	{ ACT_UP, CTX_LIST, "In the overview and the action list", "↑  k", { KEY_UP, 'k' },
	  "select the item above", false },
	{ ACT_DOWN, CTX_LIST, "In the overview and the action list", "↓  j", { KEY_DOWN, 'j' },
	  "select the item below", false },
	{ ACT_SELECT, CTX_LIST, "In the overview and the action list", "Enter", { ENTER_KEYS },
	  "jump to the step; in the action list: edit the action (not in --review)", false },
	{ ACT_CLOSE, CTX_LIST, "In the overview and the action list", "Esc  q", { ESC, 'q' },
	  "close the list", false },
	{ ACT_TOGGLE, CTX_LIST, "In the action list", "Space", { ' ' },
	  "tick the action off as done, or back", true },
	{ ACT_DELETE, CTX_LIST, "In the action list", "d  Delete", { 'd', KEY_DC },
	  "delete the action (asks first)", true },
	{ ACT_ADD_ACTION, CTX_LIST, "In the action list", "a", { 'a' }, "add an action", true },
	{ ACT_NEXT_FIELD, CTX_FORM, "In forms", "Tab  ↓", { '\t', KEY_DOWN }, "next field",
	  false },
	{ ACT_PREV_FIELD, CTX_FORM, "In forms", "Shift-Tab  ↑", { KEY_BTAB, KEY_UP },
	  "previous field", false },
	{ ACT_NONE, CTX_FORM, "In forms", "←  →  Home  End", { 0 },
	  "move in the text; in the row field ← → choose the row", false },
	{ ACT_NONE, CTX_FORM, "In forms", "Backspace  Delete  Ctrl-W  Ctrl-U", { 0 },
	  "delete a character, the word before the cursor, everything before it", false },
	{ ACT_SAVE_FORM, CTX_FORM, "In forms", "Enter", { ENTER_KEYS }, "save", false },
	{ ACT_CANCEL_FORM, CTX_FORM, "In forms", "Esc", { ESC }, "cancel, changing nothing",
	  false },
};

const struct binding *bindings(size_t *n)
{
	*n = sizeof(table) / sizeof(table[0]);
	return table;
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
		if (strcmp(section, table[i].section) != 0) {
			section = table[i].section;
			fprintf(out, ".SS %s\n", section);
		}
		fputs(".TP\n.B \"", out);
		write_roff(out, table[i].keys, true);
		fputs("\"\n", out);
		write_roff(out, table[i].help, false);
		fputs(table[i].edits ? " (not in --review)\n" : "\n", out);
	}
}
