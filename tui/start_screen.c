/* start_screen.c - the start screen on the terminal: its list and the title form, painted
 * from its state (start.h), and the keys read for it. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "screens.h"
#include "start.h"
#include "term.h"

/* Paints form F into window W, its border and the cursor included. */
static void draw_form(WINDOW *w, struct form *f, const struct content *c)
{
	struct page p = { .focus_top = -1, .focus_bottom = -1 };
	int cursor_y, cursor_x;

	form_page(&p, f, c, getmaxx(w), getmaxy(w), &cursor_y, &cursor_x);
	draw_boxed(w, &p, cursor_y, cursor_x);
	curs_set(cursor_x >= 0);
	page_clear(&p);
}

/* Paints the list (and the title form when it is open). */
static void start_paint(struct ui *u, struct start *st)
{
	struct page p = { .focus_top = -1, .focus_bottom = -1 };
	struct page error = { .focus_top = -1, .focus_bottom = -1 };
	int rows, cols;

	getmaxyx(stdscr, rows, cols);
	erase();
	screen_start(&p, st->dir, st->entries, st->n, st->selected, cols, u->unicode);
	draw_page(stdscr, &p, page_clamp_scroll(&p, 0, rows - 2));
	page_puts(&error, 1, STYLE_WARNING, st->error);
	draw_line(stdscr, rows - 1, 0, &error, 0);
	page_clear(&error);
	page_clear(&p);
	wnoutrefresh(stdscr);
	curs_set(0);
	if (st->naming && rows > 8 && cols > 20) {
		WINDOW *w = newwin(8, cols > 84 ? 80 : cols - 4, (rows - 8) / 2, cols > 84 ? (cols - 80) / 2 : 2);

		if (w) {
			draw_form(w, &st->form, u->c);
			wnoutrefresh(w);
			delwin(w);
		}
	}
	doupdate();
}

bool start_choose(struct ui *u)
{
	struct start st = { 0 };
	int done = 0;
	bool changed = true;

	start_init(&st, u);
	while (!done && !term_signal()) {
		wint_t wch;
		bool lost;
		int r;

		if (changed)
			start_paint(u, &st);
		r = term_read_key(&wch, &lost, -1); /* nothing here changes without a key */
		if (lost)
			break;
		changed = r != ERR && !(r == KEY_CODE_YES && wch == KEY_MOUSE);
		if (r == ERR || (r == KEY_CODE_YES && (wch == KEY_RESIZE || wch == KEY_MOUSE)))
			continue;
		done = start_key(&st, u, term_key(r, wch));
	}
	start_free(&st);
	return done == 1;
}
