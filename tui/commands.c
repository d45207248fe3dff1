/* commands.c - what each key does to the interface's state (ui.h): moving, scoring, recording,
 * the overlays and the forms. No curses. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "followup.h"
#include "i18n.h"
#include "ui.h"
#include "utf8.h"

/* Returns the current agenda step. */
static const struct content_step *current_step(const struct ui *u)
{
	return &u->c->steps[u->s->position];
}

/* Stores the row of the current step in *DIM when it is a scoring step. */
static bool scoring_row(const struct ui *u, size_t *dim)
{
	if (current_step(u)->kind != STEP_SCORE)
		return false;
	*dim = current_step(u)->dimension;
	return true;
}

/* Returns the row an action made now belongs to: the scored or selected row, else -1. */
static long context_row(const struct ui *u)
{
	size_t dim;

	if (scoring_row(u, &dim))
		return (long)dim;
	return current_step(u)->kind == STEP_TABLE ? (long)u->table_row : -1;
}

/* Returns true, telling the facilitator why, when the session is open read-only. */
static bool read_only_refused(struct ui *u)
{
	if (u->read_only)
		ui_flash(u, true, "%s", _("Read-only review: nothing can be changed."));
	return u->read_only;
}

/* Reports a refused operation; returns false so that callers can pass it on. */
static bool refused(struct ui *u, const char *why)
{
	ui_flash(u, true, _("Not done: %s"), _(why));
	return false;
}

void ui_open(struct ui *u, enum overlay ov)
{
	if (ov == OV_FORM || ov == OV_CONFIRM)
		u->below = u->overlay == OV_ACTIONS ? OV_ACTIONS : OV_NONE;
	else
		u->selected = ov == OV_OVERVIEW ? u->s->position : 0;
	u->overlay = ov;
	u->overlay_stale = true;
	u->overlay_scroll = 0;
	u->pending = 0;
}

void ui_close(struct ui *u)
{
	if (u->overlay == OV_FORM)
		form_end(&u->form);
	u->overlay = (u->overlay == OV_FORM || u->overlay == OV_CONFIRM) ? u->below : OV_NONE;
	u->below = OV_NONE;
	u->overlay_stale = true;
	u->repaint = true;
	u->uncovered = true;
	if (u->overlay == OV_ACTIONS && u->selected >= u->s->n_actions && u->selected > 0)
		u->selected = u->s->n_actions - 1;
}

/* ---- forms -------------------------------------------------------------------------- */

/* Opens the action form for a new action (INDEX < 0) or for editing action INDEX. */
static void open_action_form(struct ui *u, long index)
{
	const struct session_action *act = index >= 0 ? &u->s->actions[index] : NULL;
	long row = act ? session_action_row(act, u->c) : context_row(u);

	ui_open(u, OV_FORM);
	form_begin(&u->form, act ? _("Edit the action") : _("New action"));
	u->purpose = act ? PURPOSE_EDIT_ACTION : PURPOSE_ADD_ACTION;
	u->form_index = act ? (size_t)index : 0;
	u->form_row = row;
	if (!form_add(&u->form, _("Action"), FIELD_TEXT, act ? act->text : "", 0) ||
	    !form_add(&u->form, _("Owner"), FIELD_TEXT, act ? act->owner : "", 0) ||
	    !form_add(&u->form, _("Due date"), FIELD_DUE, act ? act->due : "", 0) ||
	    !form_add(&u->form, _("Row"), FIELD_ROW, NULL, row))
		ui_close(u);
}

/* Opens the note form of row DIM. */
static void open_note_form(struct ui *u, size_t dim)
{
	ui_open(u, OV_FORM);
	form_begin(&u->form, _("Note for this row"));
	u->purpose = PURPOSE_NOTE;
	u->form_index = dim;
	if (!form_add(&u->form, _("Note"), FIELD_TEXT, u->s->scores[dim].note, 0))
		ui_close(u);
}

/* Opens the form of the session's details. */
static void open_details_form(struct ui *u)
{
	static const enum field_kind kinds[META_COUNT] = {
		FIELD_TEXT, FIELD_TEXT, FIELD_TEXT, FIELD_TEXT, FIELD_DATE, FIELD_NUMBER
	};

	ui_open(u, OV_FORM);
	form_begin(&u->form, _("The session's details"));
	u->purpose = PURPOSE_DETAILS;
	for (int f = 0; f < META_COUNT; f++)
		if (!form_add(&u->form, _(session_meta_label((enum session_meta)f)), kinds[f],
			      u->s->meta[f], 0)) {
			ui_close(u);
			return;
		}
}

/* Applies the details form: every field, after checking them all, so that a refusal
 * changes nothing. */
static bool apply_details(struct ui *u, const char **why)
{
	for (int f = 0; f < META_COUNT; f++)
		if (!session_meta_valid((enum session_meta)f, form_text(&u->form, (size_t)f), why))
			return false;
	for (int f = 0; f < META_COUNT; f++)
		if (!session_set_meta(u->s, (enum session_meta)f, form_text(&u->form, (size_t)f), why))
			return false;
	return true;
}

/* Applies the action form (adding or editing). A row left as the form offered it keeps the
 * action's own row, also one the content no longer has. */
static bool apply_action(struct ui *u, const char **why)
{
	const struct form *f = &u->form;
	long row = f->fields[3].row;
	const struct session_action *old =
		u->purpose == PURPOSE_EDIT_ACTION ? &u->s->actions[u->form_index] : NULL;
	struct action_fields fields = { form_text(f, 0), row >= 0 ? u->c->dimensions[row].id : NULL,
					form_text(f, 1), form_text(f, 2) };

	if (old && row == u->form_row)
		fields.dimension = old->dimension;
	if (!old)
		return session_action_add(u->s, u->c, &fields, why) >= 0;
	return session_action_edit(u->s, u->c, u->form_index, &fields, why);
}

/* Applies the open form to the session; false with *WHY when the session refuses it. */
static bool apply_form(struct ui *u, const char **why)
{
	switch (u->purpose) {
	case PURPOSE_NOTE:
		return session_set_note(u->s, u->form_index, form_text(&u->form, 0), why);
	case PURPOSE_DETAILS:
		return apply_details(u, why);
	default:
		return apply_action(u, why);
	}
}

/* Handles a key in the open form. */
static void form_input(struct ui *u, int key)
{
	const char *why;

	switch (form_key(&u->form, u->c, key)) {
	case FORM_CANCEL:
		ui_close(u);
		break;
	case FORM_SAVE:
		if (!apply_form(u, &why)) {
			snprintf(u->form.error, sizeof(u->form.error), _("Not saved: %s"), _(why));
			break;
		}
		ui_close(u);
		ui_changed(u);
		break;
	default:
		break;
	}
}

/* ---- confirmations ------------------------------------------------------------------ */

/* Asks QUESTION (from FMT) before doing what PURPOSE says. */
static void ask(struct ui *u, enum confirm_purpose purpose, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void ask(struct ui *u, enum confirm_purpose purpose, const char *fmt, ...)
{
	va_list ap;

	ui_open(u, OV_CONFIRM);
	u->confirm = purpose;
	va_start(ap, fmt);
	vsnprintf(u->question, sizeof(u->question), fmt, ap);
	va_end(ap);
}

/* Sets the agreed current ('c') or target ('t') phase of row DIM to PHASE. */
static void set_agreed(struct ui *u, size_t dim, int which, int phase)
{
	const char *why;
	bool ok = which == 'c' ? session_set_current(u->s, u->c, dim, phase, &why)
			       : session_set_target(u->s, u->c, dim, phase, &why);

	if (ok)
		ui_changed(u);
	else
		refused(u, why);
}

/* Handles the answer to the open question. */
static void confirm_input(struct ui *u, int key)
{
	const char *why;
	size_t dim;

	if (!form_yes(key)) {
		ui_close(u);
		return;
	}
	ui_close(u);
	if (u->confirm == CONFIRM_DELETE_ACTION) {
		if (session_action_delete(u->s, u->confirm_index, &why))
			ui_changed(u);
		else
			refused(u, why);
		if (u->selected >= u->s->n_actions && u->selected > 0)
			u->selected--;
	} else if (scoring_row(u, &dim)) {
		set_agreed(u, dim, u->confirm_which, u->confirm_phase);
	}
}

/* ---- scoring ------------------------------------------------------------------------ */

/* Applies a digit typed after c or t on row DIM, asking first when the target would lie
 * below the current phase. */
static void agree(struct ui *u, size_t dim, int which, int phase)
{
	const struct session_score *sc = &u->s->scores[dim];
	int current = which == 'c' ? phase : sc->current;
	int target = which == 't' ? phase : sc->target;

	if (phase > (int)u->c->n_phases) {
		refused(u, N_("there is no such phase"));
		return;
	}
	if (phase && current && target && target < current) {
		u->confirm_which = which;
		u->confirm_phase = phase;
		ask(u, CONFIRM_TARGET_BELOW,
		    _("The target (%d) lies below the current phase (%d). Set it anyway?"), target,
		    current);
		return;
	}
	set_agreed(u, dim, which, phase);
}

/* Adds a vote for PHASE to row DIM; a digit that names no phase is refused visibly. */
static void vote(struct ui *u, size_t dim, int phase)
{
	const char *why;

	if (phase > (int)u->c->n_phases) {
		ui_flash(u, true, _("There is no phase %d: the phases are 1-%zu."), phase,
			 u->c->n_phases);
		return;
	}
	if (!session_vote_add(u->s, u->c, dim, phase, &why)) {
		refused(u, why);
		return;
	}
	ui_flash(u, false, _("Vote recorded: %zu so far."), u->s->scores[dim].n_votes);
	ui_changed(u);
}

/* Handles the scoring keys on row DIM. */
static void score_action(struct ui *u, enum action act, size_t dim, int key)
{
	const char *why;

	switch (act) {
	case ACT_VOTE:
		vote(u, dim, key - '0');
		break;
	case ACT_REVEAL:
		ui_phone_close(u); /* the votes are in: the phones are done with this row */
		u->revealed[dim] = !u->revealed[dim];
		u->stale = true;
		break;
	case ACT_PHONE:
		ui_phone_toggle(u, dim);
		break;
	case ACT_UNDO:
		if (session_vote_undo(u->s, dim, &why)) {
			ui_flash(u, false, _("Last vote undone: %zu left."), u->s->scores[dim].n_votes);
			ui_changed(u);
		} else {
			refused(u, why);
		}
		break;
	case ACT_CURRENT:
	case ACT_TARGET:
		u->pending = act == ACT_CURRENT ? 'c' : 't';
		if (act == ACT_CURRENT)
			ui_flash(u, false, _("Current phase: press 1-%zu (0 clears, Esc cancels)"),
				 u->c->n_phases);
		else
			ui_flash(u, false, _("Target phase: press 1-%zu (0 clears, Esc cancels)"),
				 u->c->n_phases);
		break;
	default:
		open_note_form(u, dim);
		break;
	}
}

/* Handles the digit after c or t. */
static void pending_input(struct ui *u, int key)
{
	int which = u->pending;
	size_t dim;

	u->pending = 0;
	u->message_until = 0;
	if (key < '0' || key > '9' || !scoring_row(u, &dim)) {
		ui_flash(u, false, "%s", _("Cancelled."));
		return;
	}
	agree(u, dim, which, key - '0');
}

/* ---- walking ------------------------------------------------------------------------ */

/* Returns the step that scores row DIM, or the current step when there is none. */
static size_t score_step_of(const struct ui *u, size_t dim)
{
	for (size_t i = 0; i < u->c->n_steps; i++)
		if (u->c->steps[i].kind == STEP_SCORE && u->c->steps[i].dimension == dim)
			return i;
	return u->s->position;
}

/* Moves the selection of the table, or scrolls the page, by DELTA. */
static void move_or_scroll(struct ui *u, int delta)
{
	if (ui_followup_key(u, delta < 0 ? ACT_UP : ACT_DOWN))
		return;
	if (current_step(u)->kind == STEP_TABLE) {
		long row = (long)u->table_row + delta;

		if (row >= 0 && row < (long)u->c->n_dimensions) {
			u->table_row = (size_t)row;
			u->stale = true;
		}
		return;
	}
	u->page.focus_top = u->page.focus_bottom = -1;
	u->scroll += delta;
	u->repaint = true;
}

/* Space: shows the rest of a long step first, then goes to the next step. In a list of
 * items (the table), the selection moves along to the first item shown; a table shown a row
 * at a time shows every row first. */
static void advance(struct ui *u)
{
	if (current_step(u)->kind == STEP_TABLE && !u->l.table_grid &&
	    u->scroll + u->l.body_rows >= (int)u->page.n && u->table_row + 1 < u->c->n_dimensions) {
		u->table_row++;
		u->scroll = 0;
		u->stale = true;
		return;
	}
	if (u->scroll + u->l.body_rows < (int)u->page.n) {
		u->scroll = page_next_screenful(&u->page, u->scroll, u->l.body_rows);
		u->repaint = true;
		if (u->page.n_marks && current_step(u)->kind == STEP_TABLE) {
			u->table_row = (size_t)page_item_at(&u->page, u->scroll +
					page_sticky_shown(&u->page, u->scroll, u->l.body_rows));
			u->stale = true;
		}
	} else if (u->s->position + 1 < u->c->n_steps) {
		ui_move(u, u->s->position + 1);
	} else {
		ui_flash(u, false, "%s", _("This is the last step."));
	}
}

/* Handles the keys for moving through the agenda. */
static void move_action(struct ui *u, enum action act)
{
	size_t pos = u->s->position, last = u->c->n_steps - 1;

	switch (act) {
	case ACT_ADVANCE: advance(u); break;
	case ACT_NEXT: ui_move(u, pos < last ? pos + 1 : pos); break;
	case ACT_PREV: ui_move(u, pos ? pos - 1 : 0); break;
	case ACT_UP: move_or_scroll(u, -1); break;
	case ACT_DOWN: move_or_scroll(u, 1); break;
	case ACT_FIRST: ui_move(u, 0); break;
	case ACT_LAST: ui_move(u, last); break;
	case ACT_SELECT:
		if (current_step(u)->kind == STEP_TABLE)
			ui_move(u, score_step_of(u, u->table_row));
		break;
	default: break;
	}
}

/* p: the body shows the presenter panel instead of the room's view, or the room's view
 * again, each scrolled where p left it; what the room sees (and the session) does not
 * change. */
static void toggle_presenter(struct ui *u)
{
	int scroll = u->scroll;

	u->presenter = !u->presenter;
	u->scroll = u->other_scroll;
	u->other_scroll = scroll;
	u->stale = true;
}

/* Handles a key bound in the walk. */
static void walk_action(struct ui *u, const struct binding *b, int key)
{
	size_t dim;

	if (b->edits && read_only_refused(u))
		return;
	switch (b->action) {
	case ACT_VOTE: case ACT_REVEAL: case ACT_UNDO: case ACT_CURRENT: case ACT_TARGET:
	case ACT_NOTE: case ACT_PHONE:
		if (scoring_row(u, &dim))
			score_action(u, b->action, dim, key);
		else
			ui_flash(u, true, "%s", _("Scoring happens on a row's step (o shows the steps)."));
		break;
	case ACT_OVERVIEW: ui_open(u, OV_OVERVIEW); break;
	case ACT_HELP: ui_open(u, OV_HELP); break;
	case ACT_HINTS:
		u->hints = !u->hints;
		u->uncovered = !u->hints; /* the body's line under it is painted again */
		break;
	case ACT_PRESENTER: toggle_presenter(u); break;
	case ACT_PHONE_KEEP: ui_phone_keep(u); break;
	case ACT_LIST_ACTIONS: ui_open(u, OV_ACTIONS); break;
	case ACT_ADD_ACTION: open_action_form(u, -1); break;
	case ACT_DETAILS: open_details_form(u); break;
	case ACT_SUMMARY: ui_open(u, OV_SUMMARY); break;
	case ACT_REDRAW:
		u->redraw = true;
		u->repaint = true;
		break;
	case ACT_QUIT: ui_quit(u); break;
	case ACT_FOLLOW_DONE: case ACT_FOLLOW_CARRY: case ACT_FOLLOW_DROP:
		if (!ui_followup_key(u, b->action))
			ui_flash(u, true, "%s", _("That key works on the step of last time's actions."));
		break;
	default: move_action(u, b->action); break;
	}
}

/* ---- lists and page overlays -------------------------------------------------------- */

/* Handles a key in the action list. */
static void actions_input(struct ui *u, enum action act)
{
	const char *why;
	size_t n = u->s->n_actions;

	if ((act == ACT_TOGGLE || act == ACT_DELETE || act == ACT_ADD_ACTION || act == ACT_SELECT) &&
	    read_only_refused(u))
		return;
	if (act == ACT_ADD_ACTION) {
		open_action_form(u, -1);
	} else if (n == 0) {
		return; /* nothing to toggle, delete or edit */
	} else if (act == ACT_TOGGLE) {
		if (session_action_toggle(u->s, u->selected, &why))
			ui_changed(u);
	} else if (act == ACT_DELETE) {
		u->confirm_index = u->selected;
		ask(u, CONFIRM_DELETE_ACTION, _("Delete the action \"%.120s\"?"),
		    u->s->actions[u->selected].text);
	} else if (act == ACT_SELECT) {
		open_action_form(u, (long)u->selected);
	}
}

/* Handles a key in the overview or the action list. */
static void list_input(struct ui *u, int key)
{
	const struct binding *b = binding_for_key(CTX_LIST, key);
	size_t n = u->overlay == OV_OVERVIEW ? u->c->n_steps : u->s->n_actions;
	enum action act = b ? b->action : ACT_NONE;

	if (act == ACT_UP && u->selected > 0)
		u->selected--;
	else if (act == ACT_DOWN && u->selected + 1 < n)
		u->selected++;
	else if (act == ACT_FIRST)
		u->selected = 0;
	else if (act == ACT_LAST)
		u->selected = n ? n - 1 : 0;
	else if (act == ACT_CLOSE)
		ui_close(u);
	else if (u->overlay == OV_ACTIONS)
		actions_input(u, act);
	else if (act == ACT_SELECT) {
		ui_close(u);
		ui_move(u, u->selected);
	}
}

/* Returns the lines the box of a page overlay shows at once. */
static int overlay_rows(const struct ui *u)
{
	return u->l.box_height > 3 ? u->l.box_height - 2 : 1;
}

/* Handles a key in the help, warnings or summary overlay: the arrows scroll, Home and End go
 * to its top and bottom, Space shows the rest a box at a time; any other key (Esc) closes it,
 * back on the step it lies over. */
static void page_overlay_input(struct ui *u, int key)
{
	const struct binding *b = binding_for_key(CTX_WALK, key);
	enum action act = b ? b->action : ACT_NONE;
	int rest = (int)u->overlay_page.n - overlay_rows(u);

	if (act == ACT_UP || act == ACT_DOWN)
		u->overlay_scroll += act == ACT_UP ? -1 : 1;
	else if (act == ACT_FIRST)
		u->overlay_scroll = 0;
	else if (act == ACT_LAST)
		u->overlay_scroll = rest > 0 ? rest : 0;
	else if (act == ACT_ADVANCE && u->overlay_scroll < rest)
		u->overlay_scroll += overlay_rows(u) > 2 ? overlay_rows(u) - 1 : 1;
	else {
		ui_close(u);
		return;
	}
	u->overlay_page.focus_top = u->overlay_page.focus_bottom = -1;
	if (u->overlay_scroll < 0)
		u->overlay_scroll = 0;
}

void ui_quit(struct ui *u)
{
	if (!u->save_failed || u->quit_armed) {
		u->quit = true;
		return;
	}
	u->quit_armed = true;
	ui_flash(u, true, "%s", _("NOT SAVED: q again quits, and the work goes to a rescue copy."));
}

/* Handles one KEY in the overlay open, or on the step (also under the box of phone
 * voting, whose keys are the step's). */
static void key_input(struct ui *u, int key)
{
	const struct binding *b = binding_for_key(CTX_WALK, key);

	u->overlay_stale = true; /* any key may change what the open overlay shows */
	if (!b || b->action != ACT_QUIT)
		u->quit_armed = false;
	switch (u->overlay) {
	case OV_FORM: form_input(u, key); return;
	case OV_CONFIRM: confirm_input(u, key); return;
	case OV_OVERVIEW: case OV_ACTIONS: list_input(u, key); return;
	case OV_HELP: case OV_WARNINGS: case OV_SUMMARY: page_overlay_input(u, key); return;
	default: break;
	}
	if (u->pending)
		pending_input(u, key);
	else if (b)
		walk_action(u, b, key);
}

void ui_key(struct ui *u, int key)
{
	key_input(u, key);
	ui_phone_sync(u);
}

void ui_hints(struct page *p, const struct ui *u)
{
	struct view v;

	if (!u->hints || u->overlay != OV_NONE || ui_presenter_shown(u))
		return;
	ui_view(u, &v);
	/* as wide as the terminal less a column each side, at most a third of the body */
	screen_hints(p, &v, 1, u->l.cols - 2, u->l.body_rows / 3 > 1 ? u->l.body_rows / 3 : 1);
}

void ui_wheel(struct ui *u, int delta)
{
	u->overlay_stale = true;
	if (u->overlay == OV_NONE)
		move_or_scroll(u, delta);
	else
		u->overlay_scroll += delta < 0 && u->overlay_scroll < 3 ? -u->overlay_scroll : delta;
}

void ui_click(struct ui *u, int line)
{
	long step = page_item_at(&u->overlay_page, line);

	if (u->overlay == OV_OVERVIEW && step >= 0 && u->overlay_page.marks[step] == line) {
		ui_close(u);
		ui_move(u, (size_t)step);
	}
}
