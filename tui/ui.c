/* ui.c - the state of the interface without a terminal: saving, time keeping, messages and
 * the pages built from it. No curses. */
#include "ui.h"

#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "followup.h"
#include "i18n.h"
#include "presenter.h"
#include "vote.h"

enum {
	RETRY_SECONDS = 5,         /* between attempts after a failed save */
	TIME_SAVE_SECONDS = 60,    /* time spent is saved at least this often */
	MESSAGE_SECONDS = 4,
	REDIRECT_SECONDS = 30,     /* how long the news of a conflict copy stays in the status */
	RESUMED_SECONDS = 10,      /* and the news of a resume after a kill, beyond a message's */
};

bool ui_init(struct ui *u, const struct content *c, bool read_only, bool preview, bool unicode)
{
	memset(u, 0, sizeof(*u));
	u->c = c;
	u->read_only = read_only;
	u->preview = preview;
	u->unicode = unicode;
	u->clock = clock_seconds;
	u->page.focus_top = u->page.focus_bottom = -1;
	u->overlay_page.focus_top = u->overlay_page.focus_bottom = -1;
	u->page.clock_top = u->page.clock_bottom = -1;
	u->overlay_page.clock_top = u->overlay_page.clock_bottom = -1;
	u->cursor_y = u->cursor_x = -1;
	u->vote_row = -1;
	u->revealed = calloc(c->n_dimensions ? c->n_dimensions : 1, sizeof(*u->revealed));
	return u->revealed != NULL;
}

void ui_free(struct ui *u)
{
	page_clear(&u->page);
	page_clear(&u->page_before);
	page_clear(&u->overlay_page);
	form_end(&u->form);
	ui_phone_free(u);
	free(u->revealed);
	u->revealed = NULL;
	content_free(u->own_content);
	u->own_content = NULL;
}

void ui_show_room(struct ui *u)
{
	for (size_t i = 0; i < u->c->n_dimensions && i < u->s->n_scores; i++)
		u->revealed[i] = u->s->scores[i].revealed;
	u->stale = true;
}

void ui_show_view(struct ui *u)
{
	const struct content_step *st = &u->c->steps[u->s->position];
	int range;

	if (st->kind == STEP_TABLE && u->table_row != u->s->selected) {
		u->table_row = u->s->selected;
		u->stale = true;
	}
	u->scroll = 0;
	u->repaint = true;
	if (!u->s->scrolled)
		return;
	ui_build_page(u);
	range = (int)u->page.n - u->l.body_rows;
	if (range > 0)
		u->scroll = (int)(((long)u->s->scrolled * range + SESSION_SCROLLED_END / 2) /
				  SESSION_SCROLLED_END);
}

void ui_begin(struct ui *u)
{
	u->last_tick = u->clock();
	u->time_saved_at = u->last_tick;
	ui_show_room(u);
	ui_show_view(u);
	ui_note_baseline(u); /* a resumption after a stop, said next, is the first news */
	if (u->f && u->f->stopped_before && !u->read_only) {
		ui_flash(u, false, "%s", _("Resumed after an unexpected stop; nothing was lost."));
		u->message_until += RESUMED_SECONDS;
	}
	if (u->s->n_warnings || u->s->agenda_notice)
		ui_open(u, OV_WARNINGS);
	else if (u->s->showing == SHOWING_SUMMARY)
		ui_open(u, OV_SUMMARY);
}

/* Returns how far the room's view of the step is scrolled, per mille of the way from its top
 * to its end (session.h). While the presenter panel holds the body (p), the room's view does
 * not move (the keys scroll the panel): what the session holds stays; so it does while the
 * page is not built for the view as it is. */
static unsigned room_scrolled(const struct ui *u)
{
	int range = (int)u->page.n - u->l.body_rows;
	long permille;

	if (u->scroll <= 0 && !ui_presenter_shown(u))
		return 0;
	if (ui_presenter_shown(u) || u->stale)
		return u->s->scrolled;
	if (range <= 0)
		return 0;
	if (u->scroll >= range)
		return SESSION_SCROLLED_END;
	permille = ((long)u->scroll * SESSION_SCROLLED_END + range / 2) / range;
	/* scrolled at all is never the top, and short of the end never the end */
	return (unsigned)(permille < 1 ? 1 : permille >= SESSION_SCROLLED_END ? 999 : permille);
}

/* Records in the session what the room sees (the rows revealed, the summary open, the table's
 * row selected, how far the step is scrolled) when it differs from what the session holds;
 * true when it changed the session. */
static bool room_recorded(struct ui *u)
{
	enum session_showing showing = u->overlay == OV_SUMMARY ? SHOWING_SUMMARY : SHOWING_STEP;
	size_t selected = u->c->steps[u->s->position].kind == STEP_TABLE ? u->table_row : 0;
	unsigned scrolled = room_scrolled(u);
	bool changed = u->s->showing != showing;
	const char *why;

	if (selected != u->s->selected || scrolled != u->s->scrolled)
		changed = session_set_view(u->s, selected, scrolled, &why) || changed;
	session_set_showing(u->s, showing);
	for (size_t i = 0; i < u->c->n_dimensions && i < u->s->n_scores; i++)
		if (u->revealed[i] != u->s->scores[i].revealed)
			changed = session_set_revealed(u->s, i, u->revealed[i], &why) || changed;
	return changed;
}

void ui_resize(struct ui *u, int cols, int rows)
{
	layout_compute(&u->l, cols, rows, u->c->n_phases);
	u->stale = true;
	u->overlay_stale = true;
}

void ui_flash(struct ui *u, bool warns, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(u->message, sizeof(u->message), fmt, ap);
	va_end(ap);
	u->message_warns = warns;
	u->message_until = u->clock() + MESSAGE_SECONDS;
}

void ui_save(struct ui *u)
{
	struct diag d;

	if (u->read_only || u->preview)
		return;
	u->change_unsaved = false;
	switch (store_save(u->f, u->s, &d)) {
	case SAVE_OK:
		u->save_failed = false;
		u->time_unsaved = false;
		u->time_saved_at = u->clock();
		break;
	case SAVE_REDIRECTED:
		/* Someone else changed the file: the work goes on in a copy the room must know of. */
		u->save_failed = false;
		u->time_unsaved = false;
		u->redirected = true;
		u->repaint = true;
		ui_flash(u, true, _("The file was changed elsewhere: now saving to %s"), u->f->path);
		u->message_until += REDIRECT_SECONDS;
		break;
	default:
		u->save_failed = true;
		u->retry_at = u->clock() + RETRY_SECONDS;
		diag_format(&d, u->save_error, sizeof(u->save_error));
		break;
	}
}

/* Returns true when the open overlay shows the running time of the step in its box. */
static bool overlay_clock_shown(const struct ui *u)
{
	return u->overlay != OV_NONE && u->overlay != OV_FORM && u->overlay != OV_CONFIRM &&
	       page_clock_shown(&u->overlay_page, u->overlay_scroll, u->l.box_height - 2);
}

bool ui_presenter_shown(const struct ui *u)
{
	return u->presenter && !u->following;
}

/* Returns true when the body shows the presenter panel with its clocks in view. */
static bool presenter_clock_shown(const struct ui *u)
{
	return ui_presenter_shown(u) && page_clock_shown(&u->page, u->scroll, u->l.body_rows);
}

bool ui_tick(struct ui *u)
{
	double t = u->clock();
	unsigned long whole = (unsigned long)(t - u->last_tick);
	const char *why;

	if (whole == 0)
		return false;
	u->last_tick += (double)whole;
	if (u->read_only || !session_tick(u->s, u->s->position, whole, &why))
		return false;
	u->time_unsaved = true;
	if (overlay_clock_shown(u))
		u->overlay_stale = true;
	if (presenter_clock_shown(u))
		u->stale = true;
	return true;
}

void ui_changed(struct ui *u)
{
	u->stale = true;
	u->overlay_stale = true;
	ui_tick(u);
	u->change_unsaved = !u->read_only && !u->preview;
}

bool ui_save_change(struct ui *u)
{
	if (!u->read_only && room_recorded(u) && !u->preview)
		u->change_unsaved = true;
	if (!u->change_unsaved)
		return false;
	ui_save(u);
	return true;
}

void ui_move(struct ui *u, size_t step)
{
	const char *why;

	if (step >= u->c->n_steps || step == u->s->position)
		return;
	ui_tick(u);
	if (!session_move(u->s, u->c, step, &why))
		return;
	ui_phone_close(u); /* the phones wait for the next row's v */
	u->scroll = 0;
	u->other_scroll = 0;
	u->pending = 0;
	/* The table starts at its first row; a scoring step selects its row for the table. */
	if (u->c->steps[step].kind == STEP_TABLE)
		u->table_row = 0;
	else if (u->c->steps[step].kind == STEP_SCORE)
		u->table_row = u->c->steps[step].dimension;
	ui_changed(u);
}

double ui_save_due(const struct ui *u)
{
	double counted = u->last_tick + 1; /* when the time running is next counted, unsaved */

	if (u->read_only || u->preview)
		return HUGE_VAL;
	if (u->save_failed)
		return u->retry_at;
	if (!u->time_unsaved && counted > u->time_saved_at + TIME_SAVE_SECONDS)
		return counted;
	return u->time_saved_at + TIME_SAVE_SECONDS;
}

void ui_save_when_due(struct ui *u)
{
	if (u->clock() >= ui_save_due(u) && (u->save_failed || u->time_unsaved))
		ui_save(u);
}

double ui_next_wake(const struct ui *u)
{
	double wake = ui_save_due(u);

	if (!u->read_only &&
	    (ui_status_clock_shown(u) || overlay_clock_shown(u) || presenter_clock_shown(u)) &&
	    u->last_tick + 1 < wake)
		wake = u->last_tick + 1;
	if (u->message_until > u->clock() && u->message_until < wake)
		wake = u->message_until;
	return wake;
}

int ui_wait_ms(const struct ui *u)
{
	double wait = ui_next_wake(u) - u->clock();

	if (wait >= (double)INT_MAX / 1000)
		return -1;
	return wait > 0 ? (int)(wait * 1000) + 1 : 0; /* rounded up: never before it */
}

void ui_save_at_end(struct ui *u)
{
	struct diag d;

	ui_tick(u);
	if (u->read_only || u->preview || !(u->s->dirty || u->time_unsaved || u->save_failed))
		return;
	ui_save(u);
	if (u->save_failed &&
	    !store_save_rescue(u->s, u->f->path, u->rescued, sizeof(u->rescued), &d))
		u->rescued[0] = '\0';
}

void ui_view(const struct ui *u, struct view *v)
{
	*v = (struct view){ .c = u->c, .s = u->s, .l = &u->l, .step = u->s->position,
			    .table_row = u->table_row, .revealed = u->revealed,
			    .unicode = u->unicode, .read_only = u->read_only,
			    .drafts = u->drafts, .phone_url = ui_phone_url(u) };
}

void ui_build_page(struct ui *u)
{
	struct view v;

	if (!u->stale)
		return;
	ui_view(u, &v);
	page_clear(&u->page_before);
	u->page_before = u->page; /* kept, so that only the lines that changed are painted */
	memset(&u->page, 0, sizeof(u->page));
	page_clear(&u->page);
	if (ui_presenter_shown(u))
		screen_presenter(&u->page, &v);
	else
		screen_step(&u->page, &v);
	u->page_builds++;
	u->stale = false;
	u->repaint = true;
}

int ui_overlay_height(const struct ui *u)
{
	int height = u->l.box_height;

	if (u->overlay == OV_FORM)
		height = 2 * (int)u->form.n + 6;
	else if (u->overlay == OV_CONFIRM)
		height = form_question_height(u->question, u->l.box_width);
	return height < u->l.box_height ? height : u->l.box_height;
}

/* Builds the summary for the inside of the overlay box, WIDTH columns wide. */
static void build_summary_overlay(struct ui *u, struct view *v, int width)
{
	struct layout inner = u->l;

	inner.text_x = inner.wide_x = 0;
	inner.text_width = inner.wide_width = width;
	v->l = &inner;
	screen_summary(&u->overlay_page, v);
}

/* Builds the box of phone voting for the inside of the overlay box, WIDTH columns wide. */
static void build_vote_overlay(struct ui *u, int width)
{
	struct vote_view vv;

	ui_phone_view(u, &vv);
	screen_vote(&u->overlay_page, &vv, width, u->l.box_height - 2, u->unicode);
}

void ui_build_overlay(struct ui *u)
{
	struct view v;
	int width = u->l.box_width - 4;

	ui_view(u, &v);
	page_clear(&u->overlay_page);
	u->overlay_stale = false;
	u->cursor_y = u->cursor_x = -1;
	switch (u->overlay) {
	case OV_HELP: screen_help(&u->overlay_page, width, u->read_only); break;
	case OV_WARNINGS: screen_warnings(&u->overlay_page, u->s, width); break;
	case OV_OVERVIEW: screen_overview(&u->overlay_page, &v, u->selected, width); break;
	case OV_ACTIONS: screen_actions(&u->overlay_page, &v, u->selected, width); break;
	case OV_SUMMARY: build_summary_overlay(u, &v, width); break;
	case OV_VOTE: build_vote_overlay(u, width); break;
	case OV_FORM:
		form_page(&u->overlay_page, &u->form, u->c, u->l.box_width, ui_overlay_height(u),
			  &u->cursor_y, &u->cursor_x);
		break;
	case OV_CONFIRM:
		form_question_page(&u->overlay_page, u->question, u->l.box_width,
				   ui_overlay_height(u));
		break;
	default: break;
	}
}
