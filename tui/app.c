/* app.c - the windows that draw the interface's state on the terminal, and the loop that
 * reads keys, maps them to the interface's own codes and hands them to the key handler. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "draw.h"
#include "followup.h"
#include "i18n.h"
#include "screens.h"
#include "term.h"
#include "tui.h"
#include "utf8.h"

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
	drop_window(&a->inner); /* before the box it is a part of */
	drop_window(&a->box);
	drop_window(&a->backdrop);
	drop_window(&a->hints);
}

/* Makes the inside of the overlay box (within its border and margins) as a part of the box,
 * sharing its cells. */
static void make_inner(struct app *a)
{
	drop_window(&a->inner);
	a->inner = derwin(a->box, getmaxy(a->box) - 2, getmaxx(a->box) - 4, 1, 2);
}

void app_relayout(struct app *a)
{
	const struct layout *l = &a->ui->l;
	int rows, cols;

	getmaxyx(stdscr, rows, cols);
	ui_resize(a->ui, cols, rows);
	drop_windows(a);
	page_clear(&a->status_shown);
	page_clear(&a->hints_shown);
	a->body_build = 0; /* the new body shows nothing yet */
	a->small_shown = false;
	erase();
	wnoutrefresh(stdscr);
	if (l->too_small)
		return;
	/* the header, the body and the status line tile the screen: they are parts of stdscr
	 * (sharing its cells, which curses holds anyway); the box lies over the body */
	a->header = subwin(stdscr, 1, cols, 0, 0);
	a->body = subwin(stdscr, l->body_rows, cols, l->body_top, 0);
	a->status = subwin(stdscr, 1, cols, rows - 1, 0);
	a->hints = newwin(1, cols, l->body_top + l->body_rows - 1, 0);
	/* the box is made when an overlay first opens (fit_box) */
}

/* Paints window W with the line PAGE_LINE builds from U (the header). */
static void paint_line(WINDOW *w, const struct ui *u, void (*page_line)(struct page *,
									 const struct ui *))
{
	struct page p = { .focus_top = -1, .focus_bottom = -1 };

	page_line(&p, u);
	draw_page(w, &p, 0);
	page_clear(&p);
	wnoutrefresh(w);
}

/* Gives the status window the HEIGHT lines of its page (a long message takes the lines
 * above the status line, over the body); the body under lines it gives back is sent again
 * (and A->body_resent set: a box over it must be sent again too). */
static void fit_status(struct app *a, int height)
{
	const struct layout *l = &a->ui->l;

	if (getmaxy(a->status) == height)
		return;
	if (height < getmaxy(a->status)) {
		touchwin(a->body);
		wnoutrefresh(a->body);
		a->body_resent = true;
	}
	drop_window(&a->status);
	/* deleting the status line, a part of stdscr, touched stdscr; the next read of a key
	 * would then send stdscr whole, over the box and the new status window */
	untouchwin(stdscr);
	a->status = newwin(height, l->cols, l->rows - height, 0);
}

/* Paints the page of the step into the body: only the rows that changed when the body shows
 * the page's previous build (or this one, scrolled), else all of them. */
static void paint_body(struct app *a)
{
	const struct ui *u = a->ui;
	const struct page *before = NULL;

	if (a->body_build && a->body_build == u->page_builds)
		before = &u->page;
	else if (a->body_build && a->body_build + 1 == u->page_builds)
		before = &u->page_before;
	if (before && !before->failed && !u->page.failed)
		draw_page_changes(a->body, &u->page, u->scroll, before, a->body_scroll);
	else
		draw_page(a->body, &u->page, u->scroll);
	a->body_build = u->page_builds;
	a->body_scroll = u->scroll;
}

/* Paints the status line when it differs from what the terminal shows; true when it did. */
static bool paint_status(struct app *a)
{
	struct page p = { .focus_top = -1, .focus_bottom = -1 };
	int height;

	ui_status(&p, a->ui);
	height = p.n > 1 && (int)p.n < a->ui->l.body_rows ? (int)p.n : 1;
	if (page_equal(&p, &a->status_shown)) {
		page_clear(&p);
		return false;
	}
	fit_status(a, height);
	draw_page(a->status, &p, (int)p.n - height);
	wnoutrefresh(a->status);
	page_clear(&a->status_shown);
	a->status_shown = p;
	return true;
}

/* Makes the backdrop of a box of HEIGHT lines at line Y: the whole width of the body on the
 * box's lines and the line above and below it (within the body), so that no page text shows
 * beside the box. */
static void make_backdrop(struct app *a, int y, int height)
{
	const struct layout *l = &a->ui->l;
	int top = y - 1 > l->body_top ? y - 1 : l->body_top;
	int bottom = y + height < l->body_top + l->body_rows ? y + height
							    : l->body_top + l->body_rows - 1;

	drop_window(&a->backdrop);
	a->backdrop = newwin(bottom - top + 1, l->cols, top, 0);
}

/* Gives the hints window ROWS lines over the body's last lines (ui_hints keeps them to a
 * third of the body). */
static void fit_hints(struct app *a, int rows)
{
	const struct layout *l = &a->ui->l;

	if (getmaxy(a->hints) == rows)
		return;
	drop_window(&a->hints);
	a->hints = newwin(rows, l->cols, l->body_top + l->body_rows - rows, 0);
}

/* Paints the line of hints over the body's last line when it is shown and differs from what
 * the terminal shows, or the body was sent over it (BODY); when it goes, sends that line of
 * the body again. Returns true when something was sent. */
static bool paint_hints(struct app *a, bool body)
{
	struct page p = { .focus_top = -1, .focus_bottom = -1 };

	ui_hints(&p, a->ui);
	if (!p.n || (int)p.n != getmaxy(a->hints)) {
		bool was_shown = a->hints_shown.n > 0;
		int rows = getmaxy(a->hints);

		page_clear(&a->hints_shown);
		if (was_shown && !body) {
			touchline(a->body, getmaxy(a->body) - rows, rows);
			wnoutrefresh(a->body);
		}
		if (!p.n)
			return was_shown;
		fit_hints(a, (int)p.n);
	}
	if (!body && page_equal(&p, &a->hints_shown)) {
		page_clear(&p);
		return false;
	}
	draw_page(a->hints, &p, 0);
	wnoutrefresh(a->hints);
	page_clear(&a->hints_shown);
	a->hints_shown = p;
	return true;
}

/* Gives the overlay box HEIGHT lines (at most the layout's), centred on the body; makes it
 * (its inside and its backdrop) when there is none yet for this size of terminal. A box that
 * changes its height first gives the body back whole, which the old box covered. */
static void fit_box(struct app *a, int height)
{
	const struct layout *l = &a->ui->l;
	int y = l->box_y + (l->box_height - height) / 2;

	if (!a->box) {
		a->box = newwin(height, l->box_width, y, l->box_x);
		make_inner(a);
		make_backdrop(a, y, height);
	} else if (getmaxy(a->box) != height) {
		drop_window(&a->inner); /* a part of the box: made again for its new size */
		wresize(a->box, height, l->box_width);
		mvwin(a->box, y, l->box_x);
		make_inner(a);
		make_backdrop(a, y, height);
		touchwin(a->body);
		wnoutrefresh(a->body);
	}
}

/* Builds the open overlay's page again and paints it into its box: a form or a question
 * fills the box; other overlays scroll inside it. */
static void draw_overlay(struct app *a)
{
	struct ui *u = a->ui;
	struct page more = { .focus_top = -1, .focus_bottom = -1 };

	fit_box(a, ui_overlay_height(u));
	ui_build_overlay(u);
	werase(a->backdrop);
	if (u->overlay == OV_FORM || u->overlay == OV_CONFIRM) {
		draw_boxed(a->box, &u->overlay_page, u->cursor_y, u->cursor_x);
		return;
	}
	werase(a->box);
	box(a->box, 0, 0);
	u->overlay_scroll = page_clamp_scroll(&u->overlay_page, u->overlay_scroll,
					      getmaxy(a->inner));
	draw_page(a->inner, &u->overlay_page, u->overlay_scroll);
	if (u->overlay_scroll + getmaxy(a->inner) < (int)u->overlay_page.n) {
		page_puts(&more, 0, STYLE_EMPHASIS, u->unicode ? _(" more ↓ ") : _(" more v "));
		draw_line(a->box, getmaxy(a->box) - 1, getmaxx(a->box) - 10, &more, 0);
		page_clear(&more);
	}
}

/* Sends the overlay box over the body: built and painted again when what it shows changed,
 * sent again unchanged when the body was sent over it (COVERED) or anything else was (so
 * that the cursor returns to a form's field). Returns true when something was sent. */
static bool paint_overlay(struct app *a, bool covered, bool other)
{
	struct ui *u = a->ui;
	bool boxed = u->overlay == OV_FORM || u->overlay == OV_CONFIRM;

	if (u->overlay_stale || !a->box) {
		draw_overlay(a);
	} else if (covered) {
		touchwin(a->backdrop);
		touchwin(a->box);
		touchwin(a->inner);
	} else if (!other) {
		return false;
	}
	wnoutrefresh(a->backdrop);
	wnoutrefresh(a->box);
	if (!boxed)
		wnoutrefresh(a->inner);
	return true;
}

/* Paints the notice shown instead of the screens when the terminal is too small (once). */
static void paint_too_small(struct app *a)
{
	struct page p = { .focus_top = -1, .focus_bottom = -1 };

	if (a->small_shown)
		return;
	screen_too_small(&p, a->ui->l.cols, a->ui->l.rows);
	draw_page(stdscr, &p, 0);
	page_clear(&p);
	wnoutrefresh(stdscr);
	doupdate();
	a->small_shown = true;
}

/* Shows the terminal's cursor when a form or question places it, else hides it; sends the
 * change only. */
static void set_cursor(struct app *a)
{
	const struct ui *u = a->ui;
	int want = (u->overlay == OV_FORM || u->overlay == OV_CONFIRM) && u->cursor_x >= 0;

	if (want != a->cursor) {
		curs_set(want);
		a->cursor = want;
	}
}

void app_paint(struct app *a)
{
	struct ui *u = a->ui;
	bool body = u->redraw || u->uncovered, sent;

	if (u->l.too_small) {
		paint_too_small(a);
		return;
	}
	if (u->redraw)
		clearok(curscr, TRUE);
	if (u->uncovered)
		touchwin(a->body);
	u->redraw = u->uncovered = false;
	a->body_resent = false;
	ui_build_page(u);
	if (u->repaint) {
		u->scroll = page_clamp_scroll(&u->page, u->scroll, u->l.body_rows);
		paint_body(a);
		paint_line(a->header, u, ui_header);
		u->repaint = false;
		body = true;
	}
	if (body)
		wnoutrefresh(a->body);
	sent = paint_hints(a, body) || body;
	sent = paint_status(a) || sent;
	if (u->overlay != OV_NONE)
		sent = paint_overlay(a, body || a->body_resent, sent) || sent;
	if (sent && getmaxy(a->status) > 1) { /* a long message stays over body and box */
		touchwin(a->status);
		wnoutrefresh(a->status);
	}
	set_cursor(a);
	if (sent)
		doupdate();
}

void app_close(struct app *a)
{
	drop_windows(a);
	page_clear(&a->status_shown);
	page_clear(&a->hints_shown);
}

/* ---- the loop ------------------------------------------------------------------------ */

/* Hands a mouse event to the interface: the wheel scrolls, a click in the overview jumps. */
static void mouse(struct app *a)
{
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED))
		ui_wheel(a->ui, ev.bstate & BUTTON4_PRESSED ? -3 : 3);
	else if (ev.bstate & BUTTON1_CLICKED)
		ui_click(a->ui, ev.y - getbegy(a->inner) + a->ui->overlay_scroll);
}

/* Reads a key, waiting at most WAIT_MS, or takes the phone votes that wait (while there is a
 * room, the terminal and its queue are watched together); ERR when no key came. */
static int read_key_or_votes(struct app *a, wint_t *wch, bool *lost, int wait_ms)
{
	int fd = ui_phone_fd(a->ui), r, seen;

	if (fd < 0)
		return term_read_key(wch, lost, wait_ms);
	r = term_read_key(wch, lost, 0); /* keys curses holds already go first */
	if (r != ERR)
		return r;
	seen = term_wait(fd, wait_ms);
	*lost = seen & TERM_WAIT_GONE;
	if (seen & TERM_WAIT_FD) {
		ui_phone_take(a->ui); /* a batch: painted, then saved once */
		return ERR;
	}
	return seen & TERM_WAIT_KEY ? term_read_key(wch, lost, TERM_INPUT_WAITING) : ERR;
}

/* Waits for a key (or phone votes) until the interface next has something to show or save
 * (ui_wait_ms), handles what came; false when the terminal is gone. Below the minimum size
 * only quitting and redrawing work. */
static bool step_loop(struct app *a)
{
	wint_t wch;
	bool lost;
	int r = read_key_or_votes(a, &wch, &lost, ui_wait_ms(a->ui));

	ui_tick(a->ui);
	if (r == KEY_CODE_YES && wch == KEY_RESIZE)
		app_relayout(a);
	else if (r == KEY_CODE_YES && wch == KEY_MOUSE)
		mouse(a);
	else if (r != ERR && !a->ui->l.too_small)
		ui_key(a->ui, term_key(r, wch));
	else if (r == OK && wch == 'q')
		ui_quit(a->ui);
	ui_save_when_due(a->ui);
	return !lost;
}

/* Runs the interface on the opened session until quit, a signal or a lost terminal. */
static void run(struct app *a)
{
	app_relayout(a);
	ui_begin(a->ui);
	while (!a->ui->quit && !term_signal()) {
		app_paint(a);
		if (ui_save_change(a->ui)) /* the answer is on the screen: now the file */
			app_paint(a);   /* what the save changed on the status line, if anything */
		if (!step_loop(a))
			break;
	}
	ui_phone_end(a->ui); /* the votes still queued are counted; nothing listens after */
	ui_save_at_end(a->ui);
}

/* Prints why the session could not be saved at the end, and where the work went instead,
 * after the terminal is restored; returns the exit status. */
static int report_end(const struct ui *u)
{
	int sig = term_signal();
	char *clean;

	if (!u->save_failed)
		return sig ? 128 + sig : 0;
	fprintf(stderr, "meetlat: %s\n", u->save_error);
	clean = u->rescued[0] ? utf8_sanitize(u->rescued, strlen(u->rescued), false, '?') : NULL;
	if (clean)
		fprintf(stderr, _("meetlat: the work is saved in a rescue copy instead: %s\n"), clean);
	else
		fputs(_("meetlat: the last changes could not be saved anywhere\n"), stderr);
	free(clean);
	return 1;
}

/* Returns true when ANSWER (a line typed, without its newline) says yes: y, yes, j or ja, in
 * any case. */
static bool answer_is_yes(const char *answer)
{
	static const char *const yes[] = { "y", "yes", "j", "ja" };

	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (strcasecmp(answer, yes[i]) == 0)
			return true;
	return false;
}

/* Asks on the terminal, before the interface starts, whether the session S at PATH, scored
 * against another content, is to be opened with C; true only for an answer that says yes
 * (answer_is_yes). */
static bool other_content_confirmed(const char *path, const struct session *s,
				    const struct content *c)
{
	FILE *tty = fopen("/dev/tty", "r+");
	char *name = utf8_sanitize(path, strlen(path), false, '?');
	char answer[16] = "";
	bool yes;

	if (tty && name) {
		fprintf(tty,
			_("%s was scored against the content '%s', not '%s'. Open it with this "
			  "content anyway? Everything it holds is kept. [y/N] "),
			name, s->other_content_id, c->id);
		fflush(tty);
		if (!fgets(answer, sizeof(answer), tty))
			answer[0] = '\0';
	}
	answer[strcspn(answer, "\n")] = '\0';
	yes = answer_is_yes(answer);
	if (tty)
		fclose(tty);
	free(name);
	return yes;
}

/* Opens the session of O into U, asking first when it belongs to another content (review
 * opens it without asking); false with the reason on standard error. */
static bool open_session(const struct tui_options *o, struct ui *u)
{
	unsigned flags = STORE_ANY_CONTENT | (o->read_only ? STORE_READ_ONLY : 0);
	struct diag d;

	if (!ui_open_session(u, o->path, o->baseline, flags, &d)) {
		diag_print(&d, stderr);
		return false;
	}
	if (o->read_only || !u->s->other_content_id || other_content_confirmed(o->path, u->s, o->c))
		return true;
	diag_set(&d, o->path, 0, 0, _("not opened; the file is left as it was"));
	diag_print(&d, stderr);
	store_close(u->f);
	session_free(u->s);
	u->f = NULL;
	u->s = NULL;
	return false;
}

/* Says on standard error why the interface could not start (WHY), releases what U holds and
 * returns the exit status 1. */
static int not_started(struct ui *u, const char *why)
{
	fprintf(stderr, "meetlat: %s\n", why);
	store_close(u->f);
	session_free(u->s);
	ui_free(u);
	return 1;
}

int tui_run(const struct tui_options *o)
{
	struct ui ui;
	struct app a = { .ui = &ui, .cursor = -1 };
	struct ui *u = &ui;
	const char *why;
	int status;

	term_catch_signals();
	if (!ui_init(u, o->c, o->read_only, o->preview, o->unicode) ||
	    /* TRANSLATORS: the title of the session --preview walks, which is never saved. */
	    (o->preview && !(u->s = session_new(o->c, _("Preview")))))
		return not_started(u, _("out of memory"));
	u->drafts = o->drafts;
	u->vote_listen = o->listen;
	u->vote_url_file = o->url_file;
	if (o->path && !open_session(o, u)) {
		ui_free(u);
		return 1;
	}
	term_set_theme(config_choose_theme(o->theme, stderr));
	if (!term_start(&why))
		return not_started(u, _(why));
	term_set_ascii(!o->unicode);
	if (o->path || o->preview || start_choose(u)) {
		if (!u->read_only && u->s->dirty)
			ui_save(u);
		run(&a);
	}
	term_stop();
	status = report_end(u);
	app_close(&a);
	ui_free(u);
	store_close(u->f);
	session_free(u->s);
	return status;
}
