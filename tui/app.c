/* app.c - the running interface: the loop, saving, time keeping and painting. */
#include "app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "draw.h"
#include "screens.h"
#include "term.h"
#include "tui.h"
#include "utf8.h"
#include "wrap.h"

enum {
	RETRY_SECONDS = 5,         /* between attempts after a failed save */
	TIME_SAVE_SECONDS = 60,    /* time spent is saved at least this often */
	MESSAGE_SECONDS = 4,
	REDIRECT_SECONDS = 30,     /* how long the news of a conflict copy stays in the status */
};

void app_flash(struct app *a, bool warns, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->message, sizeof(a->message), fmt, ap);
	va_end(ap);
	a->message_warns = warns;
	a->message_until = clock_seconds() + MESSAGE_SECONDS;
}

void app_save(struct app *a)
{
	struct diag d;

	if (a->read_only || a->preview)
		return;
	switch (session_save(a->f, a->s, &d)) {
	case SAVE_OK:
		a->save_failed = false;
		a->time_unsaved = false;
		a->time_saved_at = clock_seconds();
		break;
	case SAVE_REDIRECTED:
		/* Someone else changed the file: the work goes on in a copy the room must know of. */
		a->save_failed = false;
		a->time_unsaved = false;
		a->redirected = true;
		a->repaint = true;
		app_flash(a, true, "The file was changed elsewhere: now saving to %s", a->f->path);
		a->message_until += REDIRECT_SECONDS;
		break;
	default:
		a->save_failed = true;
		a->retry_at = clock_seconds() + RETRY_SECONDS;
		diag_format(&d, a->save_error, sizeof(a->save_error));
		break;
	}
}

/* Adds the whole seconds spent on the current step since the last tick. */
static void tick(struct app *a)
{
	double t = clock_seconds();
	unsigned long whole = (unsigned long)(t - a->last_tick);
	const char *why;

	if (whole == 0)
		return;
	a->last_tick += (double)whole;
	if (!a->read_only && session_tick(a->s, a->s->position, whole, &why))
		a->time_unsaved = true;
}

void app_changed(struct app *a)
{
	a->stale = true;
	tick(a);
	app_save(a);
}

void app_move(struct app *a, size_t step)
{
	const char *why;

	if (step >= a->c->n_steps || step == a->s->position)
		return;
	tick(a);
	if (!session_move(a->s, a->c, step, &why))
		return;
	a->scroll = 0;
	a->pending = 0;
	/* The table starts at its first row; a scoring step selects its row for the table. */
	if (a->c->steps[step].kind == STEP_TABLE)
		a->table_row = 0;
	else if (a->c->steps[step].kind == STEP_SCORE)
		a->table_row = a->c->steps[step].dimension;
	app_changed(a);
}

/* Saves when a failed save is due for a retry or when time spent has waited long enough. */
static void save_when_due(struct app *a)
{
	double t = clock_seconds();

	if (a->read_only)
		return;
	if ((a->save_failed && t >= a->retry_at) ||
	    (a->time_unsaved && t - a->time_saved_at >= TIME_SAVE_SECONDS))
		app_save(a);
}

/* ---- windows and painting ----------------------------------------------------------- */

/* Deletes window *W (if any) and sets it to NULL. */
static void drop_window(WINDOW **w)
{
	if (*w)
		delwin(*w);
	*w = NULL;
}

/* Deletes every window of A. */
static void drop_windows(struct app *a)
{
	drop_window(&a->header);
	drop_window(&a->body);
	drop_window(&a->status);
	drop_window(&a->box);
	drop_window(&a->inner);
}

/* Computes the layout for the terminal's size and makes the windows for it. */
static void relayout(struct app *a)
{
	int rows, cols;

	getmaxyx(stdscr, rows, cols);
	layout_compute(&a->l, cols, rows, a->c->n_phases);
	drop_windows(a);
	a->stale = true;
	erase();
	wnoutrefresh(stdscr);
	if (a->l.too_small)
		return;
	a->header = newwin(1, cols, 0, 0);
	a->body = newwin(a->l.body_rows, cols, a->l.body_top, 0);
	a->status = newwin(1, cols, rows - 1, 0);
	a->box = newwin(a->l.box_height, a->l.box_width, a->l.box_y, a->l.box_x);
	a->inner = newwin(a->l.box_height - 2, a->l.box_width - 4, a->l.box_y + 1, a->l.box_x + 2);
}

/* Fills the view the screens need from the application's state. */
static void make_view(const struct app *a, struct view *v)
{
	*v = (struct view){ .c = a->c, .s = a->s, .l = &a->l, .step = a->s->position,
			    .table_row = a->table_row, .revealed = a->revealed,
			    .unicode = a->unicode, .read_only = a->read_only };
}

/* Builds the page of the current step again when something changed. */
static void rebuild(struct app *a)
{
	struct view v;

	if (!a->stale)
		return;
	make_view(a, &v);
	page_clear(&a->page);
	screen_step(&a->page, &v);
	a->stale = false;
	a->repaint = true;
}

/* Paints the header: the content and the session's title, or where it is being saved now
 * when that is a conflict copy. */
static void paint_header(struct app *a)
{
	const char *base = strrchr(a->f ? a->f->path : "", '/');
	const char *right = a->read_only ? "read-only review"
			    : a->redirected ? (base ? base + 1 : a->f->path)
					    : a->s->meta[META_TITLE];
	int w = a->l.cols, rw = (int)text_width(right, strlen(right));

	werase(a->header);
	draw_text(a->header, 0, 1, STYLE_DIM, a->c->title, strlen(a->c->title));
	draw_text(a->header, 0, rw + 2 < w / 2 ? w - rw - 1 : w / 2,
		  a->redirected ? STYLE_WARNING : STYLE_DIM, right, strlen(right));
	wnoutrefresh(a->header);
}

/* Paints the progress bar of step K of N, WIDTH cells wide, at X; returns the next column. */
static int paint_progress(struct app *a, int x, size_t k, size_t n, int width)
{
	int filled = n ? (int)((k + 1) * (size_t)width / n) : 0;

	for (int i = 0; i < width; i++)
		draw_text(a->status, 0, x + i, i < filled ? STYLE_EMPHASIS : STYLE_DIM,
			  i < filled ? (a->unicode ? "█" : "#") : (a->unicode ? "░" : "-"),
			  a->unicode ? 3 : 1);
	return x + width + 1;
}

/* Returns the text and style of the save state for the status line. */
static const char *save_state(const struct app *a, enum style *style)
{
	*style = STYLE_GOOD;
	if (a->read_only || a->preview) {
		*style = STYLE_DIM;
		return a->preview ? "preview: nothing is saved" : "read-only";
	}
	if (a->save_failed) {
		*style = STYLE_WARNING;
		return "NOT SAVED";
	}
	return a->s->dirty ? "saving" : "saved";
}

/* Writes into BUF the text for the middle of the status line: a save error, a passing
 * message or the step's label; returns its style. */
static enum style status_label(struct app *a, char *buf, size_t size)
{
	bool message = clock_seconds() < a->message_until;

	if (a->save_failed && !message) {
		snprintf(buf, size, "%s (retrying)", a->save_error);
		return STYLE_WARNING;
	}
	if (message) {
		snprintf(buf, size, "%s", a->message);
		return a->message_warns ? STYLE_WARNING : STYLE_NORMAL;
	}
	content_step_label(a->c, a->s->position, buf, size);
	return STYLE_NORMAL;
}

/* Paints the status line: step k/n, progress, label or message, then on the right "more",
 * the clock and the save state; what does not fit a narrow terminal is left out, the label
 * last of all. */
static void paint_status(struct app *a)
{
	const struct content_step *st = &a->c->steps[a->s->position];
	size_t k = a->s->position, n = a->c->n_steps;
	char left[32], clock[64], label[sizeof(a->save_error) + 16];
	enum style save_style, label_style = status_label(a, label, sizeof(label));
	const char *saved = save_state(a, &save_style);
	unsigned long spent = a->s->seconds[k];
	bool over = st->minutes && spent > st->minutes * 60ul;
	bool more = a->scroll + a->l.body_rows < (int)a->page.n;
	int x, right = a->l.cols - (int)strlen(saved) - 2;

	werase(a->status);
	snprintf(left, sizeof(left), "%zu/%zu", k + 1, n);
	x = draw_text(a->status, 0, 1, STYLE_EMPHASIS, left, strlen(left)) + 1;
	if (a->l.cols >= 60)
		x = paint_progress(a, x, k, n, a->l.cols >= 80 ? 12 : 6);
	draw_text(a->status, 0, right, save_style, saved, strlen(saved));
	screen_clock(spent, st->minutes, clock, sizeof(clock));
	if (right - (int)strlen(clock) - 3 > x + 8) {
		right -= (int)strlen(clock) + 3;
		draw_text(a->status, 0, right, over ? STYLE_WARNING : STYLE_NORMAL, clock,
			  strlen(clock));
	}
	if (more && right - 7 > x) {
		right -= 7;
		draw_text(a->status, 0, right, STYLE_EMPHASIS, a->unicode ? "more ↓" : "more v",
			  a->unicode ? 8 : 6);
	}
	if (right - x - 1 >= 8) /* a label cut shorter than this says nothing */
		draw_text(a->status, 0, x, label_style, label,
			  text_fit(label, strlen(label), (size_t)(right - x - 1)));
	wnoutrefresh(a->status);
}

/* Builds the page of a page-like overlay (help, summary, overview, action list). */
static void build_overlay(struct app *a)
{
	struct view v;
	int width = a->l.box_width - 4;

	make_view(a, &v);
	page_clear(&a->overlay_page);
	if (a->overlay == OV_HELP)
		screen_help(&a->overlay_page, width, a->read_only);
	else if (a->overlay == OV_WARNINGS)
		screen_warnings(&a->overlay_page, a->s, width);
	else if (a->overlay == OV_OVERVIEW)
		screen_overview(&a->overlay_page, &v, a->selected, width);
	else if (a->overlay == OV_ACTIONS)
		screen_actions(&a->overlay_page, &v, a->selected, width);
	else if (a->overlay == OV_SUMMARY) {
		struct layout inner = a->l;

		inner.text_x = inner.wide_x = 0;
		inner.text_width = inner.wide_width = width;
		v.l = &inner;
		screen_summary(&a->overlay_page, &v);
	}
}

/* Gives the overlay box HEIGHT lines (at most the layout's), centred on the body. */
static void fit_box(struct app *a, int height)
{
	int y;

	if (height > a->l.box_height)
		height = a->l.box_height;
	y = a->l.box_y + (a->l.box_height - height) / 2;
	if (getmaxy(a->box) != height) {
		wresize(a->box, height, a->l.box_width);
		mvwin(a->box, y, a->l.box_x);
	}
}

/* Paints the overlay box over the body. */
static void paint_overlay(struct app *a)
{
	if (a->overlay == OV_FORM)
		fit_box(a, 2 * (int)a->form.n + 6);
	else if (a->overlay == OV_CONFIRM)
		fit_box(a, 7);
	else
		fit_box(a, a->l.box_height);
	werase(a->box);
	box(a->box, 0, 0);
	wnoutrefresh(a->box);
	if (a->overlay == OV_FORM) {
		form_draw(a->box, &a->form, a->c);
		wnoutrefresh(a->box);
		return;
	}
	if (a->overlay == OV_CONFIRM) {
		draw_text(a->box, 2, 2, STYLE_WARNING, a->question, strlen(a->question));
		draw_text(a->box, 4, 2, STYLE_EMPHASIS, "y yes    n no", 13);
		wnoutrefresh(a->box);
		return;
	}
	build_overlay(a);
	a->overlay_scroll = draw_clamp_scroll(&a->overlay_page, a->overlay_scroll,
					      getmaxy(a->inner));
	draw_page(a->inner, &a->overlay_page, a->overlay_scroll);
	if (a->overlay_scroll + getmaxy(a->inner) < (int)a->overlay_page.n)
		draw_text(a->box, getmaxy(a->box) - 1, getmaxx(a->box) - 10, STYLE_EMPHASIS,
			  a->unicode ? " more ↓ " : " more v ", a->unicode ? 10 : 8);
	wnoutrefresh(a->box);
	wnoutrefresh(a->inner);
}

/* Paints the notice shown instead of the screens when the terminal is too small. */
static void paint_too_small(struct app *a)
{
	char need[128];

	erase();
	snprintf(need, sizeof(need),
		 "meetlat needs a terminal of at least %dx%d; this one is %dx%d. (q quits)",
		 LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS, a->l.cols, a->l.rows);
	for (int y = 0, pos = 0; pos < (int)strlen(need) && y < a->l.rows; y++) {
		size_t len, next = wrap_next(need + pos, strlen(need) - (size_t)pos,
					     (size_t)(a->l.cols > 1 ? a->l.cols - 1 : 1), &len);

		mvaddnstr(y, 0, need + pos, (int)len);
		pos += (int)next;
	}
	wnoutrefresh(stdscr);
}

/* Paints whatever changed and sends it to the terminal. */
static void paint(struct app *a)
{
	if (a->l.too_small) {
		paint_too_small(a);
		doupdate();
		return;
	}
	rebuild(a);
	if (a->repaint) {
		a->scroll = draw_clamp_scroll(&a->page, a->scroll, a->l.body_rows);
		draw_page(a->body, &a->page, a->scroll);
		paint_header(a);
		wnoutrefresh(a->body);
		a->repaint = false;
	}
	paint_status(a);
	curs_set(0);
	if (a->overlay != OV_NONE)
		paint_overlay(a);
	doupdate();
}

/* ---- the loop ------------------------------------------------------------------------ */

/* Reads one key (or nothing within the timeout) and handles it; false when the terminal is
 * gone. Below the minimum size only quitting and redrawing work. */
static bool step_loop(struct app *a)
{
	wint_t wch;
	bool lost;
	int r = term_read_key(&wch, &lost);

	tick(a);
	if (r == KEY_CODE_YES && wch == KEY_RESIZE)
		relayout(a);
	else if (r == KEY_CODE_YES && wch == KEY_MOUSE)
		app_mouse(a);
	else if (r != ERR && !a->l.too_small)
		app_key(a, term_key(r, wch));
	else if (r == OK && wch == 'q')
		app_quit(a);
	save_when_due(a);
	return !lost;
}

/* Saves what is left to save at the end; when the session file cannot be written, the work
 * goes to a rescue copy elsewhere (named in A->rescued). */
static void save_at_end(struct app *a)
{
	struct diag d;

	tick(a);
	if (a->read_only || a->preview || !(a->s->dirty || a->time_unsaved || a->save_failed))
		return;
	app_save(a);
	if (a->save_failed &&
	    !session_save_rescue(a->s, a->f->path, a->rescued, sizeof(a->rescued), &d))
		a->rescued[0] = '\0';
}

/* Runs the interface on the opened session until quit, a signal or a lost terminal. */
static void run(struct app *a)
{
	a->last_tick = clock_seconds();
	a->time_saved_at = a->last_tick;
	relayout(a);
	if (a->s->n_warnings || a->s->agenda_notice)
		app_open(a, OV_WARNINGS);
	while (!a->quit && !term_signal()) {
		paint(a);
		if (!step_loop(a))
			break;
	}
	save_at_end(a);
}

/* Releases what the application holds besides content and session. */
static void app_free(struct app *a)
{
	drop_windows(a);
	page_clear(&a->page);
	page_clear(&a->overlay_page);
	form_end(&a->form);
	free(a->revealed);
}

/* Prints why the session could not be saved at the end, and where the work went instead,
 * after the terminal is restored; returns the exit status. */
static int report_end(const struct app *a)
{
	int sig = term_signal();
	char *clean;

	if (!a->save_failed)
		return sig ? 128 + sig : 0;
	fprintf(stderr, "meetlat: %s\n", a->save_error);
	clean = a->rescued[0] ? utf8_sanitize(a->rescued, strlen(a->rescued), false, '?') : NULL;
	if (clean)
		fprintf(stderr, "meetlat: the work is saved in a rescue copy instead: %s\n", clean);
	else
		fprintf(stderr, "meetlat: the last changes could not be saved anywhere\n");
	free(clean);
	return 1;
}

/* Asks on the terminal, before the interface starts, whether the session S at PATH, scored
 * against another content, is to be opened with C; true only for an answer "y" or "yes". */
static bool other_content_confirmed(const char *path, const struct session *s,
				    const struct content *c)
{
	FILE *tty = fopen("/dev/tty", "r+");
	char *name = utf8_sanitize(path, strlen(path), false, '?');
	char answer[16] = "";
	bool yes;

	if (tty && name) {
		fprintf(tty,
			"%s was scored against the content '%s', not '%s'. Open it with this "
			"content anyway? Everything it holds is kept. [y/N] ",
			name, s->other_content_id, c->id);
		fflush(tty);
		if (!fgets(answer, sizeof(answer), tty))
			answer[0] = '\0';
	}
	answer[strcspn(answer, "\n")] = '\0';
	yes = strcmp(answer, "y") == 0 || strcmp(answer, "Y") == 0 || strcmp(answer, "yes") == 0;
	if (tty)
		fclose(tty);
	free(name);
	return yes;
}

/* Opens the session of O into A, asking first when it belongs to another content (review
 * opens it without asking); false with the reason on standard error. */
static bool open_session(const struct tui_options *o, struct app *a)
{
	unsigned flags = SESSION_ANY_CONTENT | (o->read_only ? SESSION_READ_ONLY : 0);
	struct diag d;

	if (!session_open(o->path, o->c, flags, &a->f, &a->s, &d)) {
		diag_print(&d, stderr);
		return false;
	}
	if (o->read_only || !a->s->other_content_id || other_content_confirmed(o->path, a->s, o->c))
		return true;
	diag_set(&d, o->path, 0, 0, "not opened; the file is left as it was");
	diag_print(&d, stderr);
	session_close(a->f);
	session_free(a->s);
	a->f = NULL;
	a->s = NULL;
	return false;
}

int tui_run(const struct tui_options *o)
{
	struct app a = { .c = o->c, .read_only = o->read_only, .preview = o->preview };
	const char *why;
	int status;

	term_catch_signals();
	if (o->preview && !(a.s = session_new(o->c, "Preview"))) {
		fprintf(stderr, "meetlat: out of memory\n");
		return 1;
	}
	if (o->path && !open_session(o, &a))
		return 1;
	a.revealed = calloc(o->c->n_dimensions ? o->c->n_dimensions : 1, sizeof(*a.revealed));
	if (!a.revealed || !term_start(&why)) {
		fprintf(stderr, "meetlat: %s\n", a.revealed ? why : "out of memory");
		session_close(a.f);
		session_free(a.s);
		free(a.revealed);
		return 1;
	}
	a.unicode = o->unicode;
	term_set_ascii(!o->unicode);
	if (o->path || o->preview || start_choose(&a)) {
		if (!a.read_only && a.s->dirty)
			app_save(&a);
		run(&a);
	}
	term_stop();
	status = report_end(&a);
	app_free(&a);
	session_close(a.f);
	session_free(a.s);
	return status;
}
