/* commands.c - what each key does: moving, scoring, recording, the overlays and the forms. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "app.h"
#include "utf8.h"

/* Returns the current agenda step. */
static const struct content_step *current_step(const struct app *a)
{
	return &a->c->steps[a->s->position];
}

/* Stores the row of the current step in *DIM when it is a scoring step. */
static bool scoring_row(const struct app *a, size_t *dim)
{
	if (current_step(a)->kind != STEP_SCORE)
		return false;
	*dim = current_step(a)->dimension;
	return true;
}

/* Returns the row an action made now belongs to: the scored or selected row, else -1. */
static long context_row(const struct app *a)
{
	size_t dim;

	if (scoring_row(a, &dim))
		return (long)dim;
	return current_step(a)->kind == STEP_TABLE ? (long)a->table_row : -1;
}

/* Returns true, telling the facilitator why, when the session is open read-only. */
static bool read_only_refused(struct app *a)
{
	if (a->read_only)
		app_flash(a, true, "Read-only review: nothing can be changed.");
	return a->read_only;
}

/* Reports a refused operation; returns false so that callers can pass it on. */
static bool refused(struct app *a, const char *why)
{
	app_flash(a, true, "Not done: %s", why);
	return false;
}

void app_open(struct app *a, enum overlay ov)
{
	if (ov == OV_FORM || ov == OV_CONFIRM)
		a->below = a->overlay == OV_ACTIONS ? OV_ACTIONS : OV_NONE;
	else
		a->selected = ov == OV_OVERVIEW ? a->s->position : 0;
	a->overlay = ov;
	a->overlay_scroll = 0;
	a->pending = 0;
}

void app_close(struct app *a)
{
	if (a->overlay == OV_FORM)
		form_end(&a->form);
	a->overlay = (a->overlay == OV_FORM || a->overlay == OV_CONFIRM) ? a->below : OV_NONE;
	a->below = OV_NONE;
	a->repaint = true;
	touchwin(a->body);
	if (a->overlay == OV_ACTIONS && a->selected >= a->s->n_actions && a->selected > 0)
		a->selected = a->s->n_actions - 1;
}

/* ---- forms -------------------------------------------------------------------------- */

/* Opens the action form for a new action (INDEX < 0) or for editing action INDEX. */
static void open_action_form(struct app *a, long index)
{
	const struct session_action *act = index >= 0 ? &a->s->actions[index] : NULL;
	long row = act ? session_action_row(act, a->c) : context_row(a);

	app_open(a, OV_FORM);
	form_begin(&a->form, act ? "Edit the action" : "New action");
	a->purpose = act ? PURPOSE_EDIT_ACTION : PURPOSE_ADD_ACTION;
	a->form_index = act ? (size_t)index : 0;
	a->form_row = row;
	if (!form_add(&a->form, "Action", FIELD_TEXT, act ? act->text : "", 0) ||
	    !form_add(&a->form, "Owner", FIELD_TEXT, act ? act->owner : "", 0) ||
	    !form_add(&a->form, "Due date", FIELD_DATE, act ? act->due : "", 0) ||
	    !form_add(&a->form, "Row", FIELD_ROW, NULL, row))
		app_close(a);
}

/* Opens the note form of row DIM. */
static void open_note_form(struct app *a, size_t dim)
{
	app_open(a, OV_FORM);
	form_begin(&a->form, "Note for this row");
	a->purpose = PURPOSE_NOTE;
	a->form_index = dim;
	if (!form_add(&a->form, "Note", FIELD_TEXT, a->s->scores[dim].note, 0))
		app_close(a);
}

/* Opens the form of the session's details. */
static void open_details_form(struct app *a)
{
	static const enum field_kind kinds[META_COUNT] = {
		FIELD_TEXT, FIELD_TEXT, FIELD_TEXT, FIELD_TEXT, FIELD_DATE, FIELD_NUMBER
	};

	app_open(a, OV_FORM);
	form_begin(&a->form, "The session's details");
	a->purpose = PURPOSE_DETAILS;
	for (int f = 0; f < META_COUNT; f++)
		if (!form_add(&a->form, session_meta_label((enum session_meta)f), kinds[f],
			      a->s->meta[f], 0)) {
			app_close(a);
			return;
		}
}

/* Applies the details form: every field, after checking them all, so that a refusal
 * changes nothing. */
static bool apply_details(struct app *a, const char **why)
{
	for (int f = 0; f < META_COUNT; f++)
		if (!session_meta_valid((enum session_meta)f, form_text(&a->form, (size_t)f), why))
			return false;
	for (int f = 0; f < META_COUNT; f++)
		if (!session_set_meta(a->s, (enum session_meta)f, form_text(&a->form, (size_t)f), why))
			return false;
	return true;
}

/* Applies the action form (adding or editing). A row left as the form offered it keeps the
 * action's own row, also one the content no longer has. */
static bool apply_action(struct app *a, const char **why)
{
	const struct form *f = &a->form;
	long row = f->fields[3].row;
	const struct session_action *old =
		a->purpose == PURPOSE_EDIT_ACTION ? &a->s->actions[a->form_index] : NULL;
	struct action_fields fields = { form_text(f, 0), row >= 0 ? a->c->dimensions[row].id : NULL,
					form_text(f, 1), form_text(f, 2) };

	if (old && row == a->form_row)
		fields.dimension = old->dimension;
	if (!old)
		return session_action_add(a->s, a->c, &fields, why) >= 0;
	return session_action_edit(a->s, a->c, a->form_index, &fields, why);
}

/* Applies the open form to the session; false with *WHY when the session refuses it. */
static bool apply_form(struct app *a, const char **why)
{
	switch (a->purpose) {
	case PURPOSE_NOTE:
		return session_set_note(a->s, a->form_index, form_text(&a->form, 0), why);
	case PURPOSE_DETAILS:
		return apply_details(a, why);
	default:
		return apply_action(a, why);
	}
}

/* Handles a key in the open form. */
static void form_input(struct app *a, int key)
{
	const char *why;

	switch (form_key(&a->form, a->c, key)) {
	case FORM_CANCEL:
		app_close(a);
		break;
	case FORM_SAVE:
		if (!apply_form(a, &why)) {
			snprintf(a->form.error, sizeof(a->form.error), "Not saved: %s", why);
			break;
		}
		app_close(a);
		app_changed(a);
		break;
	default:
		break;
	}
}

/* ---- confirmations ------------------------------------------------------------------ */

/* Asks QUESTION (from FMT) before doing what PURPOSE says. */
static void ask(struct app *a, enum confirm_purpose purpose, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void ask(struct app *a, enum confirm_purpose purpose, const char *fmt, ...)
{
	va_list ap;

	app_open(a, OV_CONFIRM);
	a->confirm = purpose;
	va_start(ap, fmt);
	vsnprintf(a->question, sizeof(a->question), fmt, ap);
	va_end(ap);
}

/* Sets the agreed current ('c') or target ('t') phase of row DIM to PHASE. */
static void set_agreed(struct app *a, size_t dim, int which, int phase)
{
	const char *why;
	bool ok = which == 'c' ? session_set_current(a->s, a->c, dim, phase, &why)
			       : session_set_target(a->s, a->c, dim, phase, &why);

	if (ok)
		app_changed(a);
	else
		refused(a, why);
}

/* Handles the answer to the open question. */
static void confirm_input(struct app *a, int key)
{
	const char *why;
	size_t dim;

	if (key != 'y' && key != 'Y') {
		app_close(a);
		return;
	}
	app_close(a);
	if (a->confirm == CONFIRM_DELETE_ACTION) {
		if (session_action_delete(a->s, a->confirm_index, &why))
			app_changed(a);
		else
			refused(a, why);
		if (a->selected >= a->s->n_actions && a->selected > 0)
			a->selected--;
	} else if (scoring_row(a, &dim)) {
		set_agreed(a, dim, a->confirm_which, a->confirm_phase);
	}
}

/* ---- scoring ------------------------------------------------------------------------ */

/* Applies a digit typed after c or t on row DIM, asking first when the target would lie
 * below the current phase. */
static void agree(struct app *a, size_t dim, int which, int phase)
{
	const struct session_score *sc = &a->s->scores[dim];
	int current = which == 'c' ? phase : sc->current;
	int target = which == 't' ? phase : sc->target;

	if (phase > (int)a->c->n_phases) {
		refused(a, "there is no such phase");
		return;
	}
	if (phase && current && target && target < current) {
		a->confirm_which = which;
		a->confirm_phase = phase;
		ask(a, CONFIRM_TARGET_BELOW, "The target (%d) lies below the current phase (%d). "
			"Set it anyway?", target, current);
		return;
	}
	set_agreed(a, dim, which, phase);
}

/* Adds a vote for PHASE to row DIM; a digit that names no phase is refused visibly. */
static void vote(struct app *a, size_t dim, int phase)
{
	const char *why;

	if (phase > (int)a->c->n_phases) {
		app_flash(a, true, "There is no phase %d: the phases are 1-%zu.", phase, a->c->n_phases);
		return;
	}
	if (!session_vote_add(a->s, a->c, dim, phase, &why)) {
		refused(a, why);
		return;
	}
	app_flash(a, false, "Vote recorded: %zu so far.", a->s->scores[dim].n_votes);
	app_changed(a);
}

/* Handles the scoring keys on row DIM. */
static void score_action(struct app *a, enum action act, size_t dim, int key)
{
	const char *why;

	switch (act) {
	case ACT_VOTE:
		vote(a, dim, key - '0');
		break;
	case ACT_REVEAL:
		a->revealed[dim] = !a->revealed[dim];
		a->stale = true;
		break;
	case ACT_UNDO:
		if (session_vote_undo(a->s, dim, &why)) {
			app_flash(a, false, "Last vote undone: %zu left.", a->s->scores[dim].n_votes);
			app_changed(a);
		} else {
			refused(a, why);
		}
		break;
	case ACT_CURRENT:
	case ACT_TARGET:
		a->pending = act == ACT_CURRENT ? 'c' : 't';
		app_flash(a, false, "%s phase: press 1-%zu (0 clears, Esc cancels)",
			  act == ACT_CURRENT ? "Current" : "Target", a->c->n_phases);
		break;
	default:
		open_note_form(a, dim);
		break;
	}
}

/* Handles the digit after c or t. */
static void pending_input(struct app *a, int key)
{
	int which = a->pending;
	size_t dim;

	a->pending = 0;
	a->message_until = 0;
	if (key < '0' || key > '9' || !scoring_row(a, &dim)) {
		app_flash(a, false, "Cancelled.");
		return;
	}
	agree(a, dim, which, key - '0');
}

/* ---- walking ------------------------------------------------------------------------ */

/* Returns the step that scores row DIM, or the current step when there is none. */
static size_t score_step_of(const struct app *a, size_t dim)
{
	for (size_t i = 0; i < a->c->n_steps; i++)
		if (a->c->steps[i].kind == STEP_SCORE && a->c->steps[i].dimension == dim)
			return i;
	return a->s->position;
}

/* Returns the first step of KIND, or the number of steps when there is none. */
static size_t first_step_of(const struct app *a, enum step_kind kind)
{
	size_t i = 0;

	while (i < a->c->n_steps && a->c->steps[i].kind != kind)
		i++;
	return i;
}

/* Moves the selection of the table, or scrolls the page, by DELTA. */
static void move_or_scroll(struct app *a, int delta)
{
	if (current_step(a)->kind == STEP_TABLE) {
		long row = (long)a->table_row + delta;

		if (row >= 0 && row < (long)a->c->n_dimensions) {
			a->table_row = (size_t)row;
			a->stale = true;
		}
		return;
	}
	a->page.focus_top = a->page.focus_bottom = -1;
	a->scroll += delta;
	a->repaint = true;
}

/* Space: shows the rest of a long step first, then goes to the next step. In a list of
 * items (the table), the selection moves along to the first item shown; a table shown a row
 * at a time shows every row first. */
static void advance(struct app *a)
{
	if (current_step(a)->kind == STEP_TABLE && !a->l.table_grid &&
	    a->scroll + a->l.body_rows >= (int)a->page.n && a->table_row + 1 < a->c->n_dimensions) {
		a->table_row++;
		a->scroll = 0;
		a->stale = true;
		return;
	}
	if (a->scroll + a->l.body_rows < (int)a->page.n) {
		a->scroll += a->l.body_rows > 2 ? a->l.body_rows - 1 : 1;
		a->repaint = true;
		if (a->page.n_marks && current_step(a)->kind == STEP_TABLE) {
			a->table_row = (size_t)page_item_at(&a->page, a->scroll);
			a->stale = true;
		}
	} else if (a->s->position + 1 < a->c->n_steps) {
		app_move(a, a->s->position + 1);
	} else {
		app_flash(a, false, "This is the last step.");
	}
}

/* Handles the keys for moving through the agenda. */
static void move_action(struct app *a, enum action act)
{
	size_t pos = a->s->position, last = a->c->n_steps - 1;

	switch (act) {
	case ACT_ADVANCE: advance(a); break;
	case ACT_NEXT: app_move(a, pos < last ? pos + 1 : pos); break;
	case ACT_PREV: app_move(a, pos ? pos - 1 : 0); break;
	case ACT_UP: move_or_scroll(a, -1); break;
	case ACT_DOWN: move_or_scroll(a, 1); break;
	case ACT_FIRST: app_move(a, 0); break;
	case ACT_LAST: app_move(a, last); break;
	case ACT_SELECT:
		if (current_step(a)->kind == STEP_TABLE)
			app_move(a, score_step_of(a, a->table_row));
		break;
	default: break;
	}
}

/* Handles a key bound in the walk. */
static void walk_action(struct app *a, const struct binding *b, int key)
{
	size_t dim;

	if (b->edits && read_only_refused(a))
		return;
	switch (b->action) {
	case ACT_VOTE: case ACT_REVEAL: case ACT_UNDO: case ACT_CURRENT: case ACT_TARGET:
	case ACT_NOTE:
		if (scoring_row(a, &dim))
			score_action(a, b->action, dim, key);
		else
			app_flash(a, true, "Scoring happens on a row's step (o shows the steps).");
		break;
	case ACT_OVERVIEW: app_open(a, OV_OVERVIEW); break;
	case ACT_HELP: app_open(a, OV_HELP); break;
	case ACT_LIST_ACTIONS: app_open(a, OV_ACTIONS); break;
	case ACT_ADD_ACTION: open_action_form(a, -1); break;
	case ACT_DETAILS: open_details_form(a); break;
	case ACT_SUMMARY:
		if (first_step_of(a, STEP_SUMMARY) < a->c->n_steps)
			app_move(a, first_step_of(a, STEP_SUMMARY));
		else
			app_open(a, OV_SUMMARY);
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		a->repaint = true;
		break;
	case ACT_QUIT: app_quit(a); break;
	default: move_action(a, b->action); break;
	}
}

/* ---- lists and page overlays -------------------------------------------------------- */

/* Handles a key in the action list. */
static void actions_input(struct app *a, enum action act)
{
	const char *why;
	size_t n = a->s->n_actions;

	if ((act == ACT_TOGGLE || act == ACT_DELETE || act == ACT_ADD_ACTION || act == ACT_SELECT) &&
	    read_only_refused(a))
		return;
	if (act == ACT_ADD_ACTION) {
		open_action_form(a, -1);
	} else if (n == 0) {
		return; /* nothing to toggle, delete or edit */
	} else if (act == ACT_TOGGLE) {
		if (session_action_toggle(a->s, a->selected, &why))
			app_changed(a);
	} else if (act == ACT_DELETE) {
		a->confirm_index = a->selected;
		ask(a, CONFIRM_DELETE_ACTION, "Delete the action \"%.120s\"?",
		    a->s->actions[a->selected].text);
	} else if (act == ACT_SELECT) {
		open_action_form(a, (long)a->selected);
	}
}

/* Handles a key in the overview or the action list. */
static void list_input(struct app *a, int key)
{
	const struct binding *b = binding_for_key(CTX_LIST, key);
	size_t n = a->overlay == OV_OVERVIEW ? a->c->n_steps : a->s->n_actions;
	enum action act = b ? b->action : ACT_NONE;

	if (act == ACT_UP && a->selected > 0)
		a->selected--;
	else if (act == ACT_DOWN && a->selected + 1 < n)
		a->selected++;
	else if (act == ACT_CLOSE)
		app_close(a);
	else if (a->overlay == OV_ACTIONS)
		actions_input(a, act);
	else if (act == ACT_SELECT) {
		app_close(a);
		app_move(a, a->selected);
	}
}

/* Handles a key in the help, warnings or summary overlay: arrows scroll, anything else closes. */
static void page_overlay_input(struct app *a, int key)
{
	const struct binding *b = binding_for_key(CTX_WALK, key);

	if (b && (b->action == ACT_UP || b->action == ACT_DOWN)) {
		a->overlay_scroll += b->action == ACT_UP ? -1 : 1;
		a->overlay_page.focus_top = a->overlay_page.focus_bottom = -1;
		if (a->overlay_scroll < 0)
			a->overlay_scroll = 0;
	} else {
		app_close(a);
	}
}

void app_quit(struct app *a)
{
	if (!a->save_failed || a->quit_armed) {
		a->quit = true;
		return;
	}
	a->quit_armed = true;
	app_flash(a, true, "NOT SAVED: q again quits, and the work goes to a rescue copy.");
}

void app_key(struct app *a, int key)
{
	const struct binding *b = binding_for_key(CTX_WALK, key);

	if (!b || b->action != ACT_QUIT)
		a->quit_armed = false;
	switch (a->overlay) {
	case OV_FORM: form_input(a, key); return;
	case OV_CONFIRM: confirm_input(a, key); return;
	case OV_OVERVIEW: case OV_ACTIONS: list_input(a, key); return;
	case OV_HELP: case OV_WARNINGS: case OV_SUMMARY: page_overlay_input(a, key); return;
	default: break;
	}
	if (a->pending)
		pending_input(a, key);
	else if (b)
		walk_action(a, b, key);
}

void app_mouse(struct app *a)
{
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		int delta = ev.bstate & BUTTON4_PRESSED ? -3 : 3;

		if (a->overlay == OV_NONE)
			move_or_scroll(a, delta);
		else
			a->overlay_scroll += delta < 0 && a->overlay_scroll < 3 ? -a->overlay_scroll : delta;
		return;
	}
	if ((ev.bstate & BUTTON1_CLICKED) && a->overlay == OV_OVERVIEW) {
		int line = ev.y - getbegy(a->inner) + a->overlay_scroll;
		long step = page_item_at(&a->overlay_page, line);

		if (step >= 0 && a->overlay_page.marks[step] == line) {
			app_close(a);
			app_move(a, (size_t)step);
		}
	}
}
