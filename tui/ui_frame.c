/* ui_frame.c - the lines around the page: the header (the content and the session) and the
 * status line (where the walk is, the time, how saving went). No curses. */
#include "ui.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"
#include "wrap.h"

void ui_header(struct page *p, const struct ui *u)
{
	const char *base = strrchr(u->f ? u->f->path : "", '/');
	const char *right = u->read_only ? "read-only review"
			    : u->redirected ? (base ? base + 1 : u->f->path)
					    : u->s->meta[META_TITLE];
	int w = u->l.cols, rw = (int)utf8_width(right, strlen(right));

	page_puts(p, 1, STYLE_DIM, u->c->title);
	page_puts(p, rw + 2 < w / 2 ? w - rw - 1 : w / 2, u->redirected ? STYLE_WARNING : STYLE_DIM,
		  right);
}

/* Adds the progress bar of step K of N, WIDTH cells wide, at X. */
static void put_progress(struct page *p, const struct ui *u, int x, size_t k, size_t n, int width)
{
	int filled = n ? (int)((k + 1) * (size_t)width / n) : 0;

	for (int i = 0; i < width; i++)
		page_put(p, x + i, i < filled ? STYLE_EMPHASIS : STYLE_DIM,
			 i < filled ? (u->unicode ? "█" : "#") : (u->unicode ? "░" : "-"),
			 u->unicode ? 3 : 1);
}

/* Returns the text and style of the save state for the status line. */
static const char *save_state(const struct ui *u, enum style *style)
{
	*style = STYLE_GOOD;
	if (u->read_only || u->preview) {
		*style = STYLE_DIM;
		return u->preview ? "preview: nothing is saved" : "read-only";
	}
	if (u->save_failed) {
		*style = STYLE_WARNING;
		return "NOT SAVED";
	}
	return u->s->dirty ? "saving" : "saved";
}

/* Writes into BUF the text for the middle of the status line: a save error, a passing
 * message or the step's label; returns its style. */
static enum style status_label(const struct ui *u, char *buf, size_t size)
{
	bool message = u->clock() < u->message_until;

	if (u->save_failed && !message) {
		snprintf(buf, size, "%s (retrying)", u->save_error);
		return STYLE_WARNING;
	}
	if (message) {
		snprintf(buf, size, "%s", u->message);
		return u->message_warns ? STYLE_WARNING : STYLE_NORMAL;
	}
	content_step_label(u->c, u->s->position, buf, size);
	return STYLE_NORMAL;
}

/* Where things go on the status line: the label's first column (after the step and the
 * progress bar), the column of the save state, the step's clock and whether it fits. */
struct status_places {
	int x, right;
	char clock[64];
	bool clock_fits;
};

/* Fills SP for the status line of U, whose save state reads SAVED. */
static void status_places(const struct ui *u, const char *saved, struct status_places *sp)
{
	const struct content_step *st = &u->c->steps[u->s->position];
	int left = snprintf(NULL, 0, "%zu/%zu", u->s->position + 1, u->c->n_steps);

	sp->x = 1 + left + 1;
	if (u->l.cols >= 60)
		sp->x += (u->l.cols >= 80 ? 12 : 6) + 1;
	sp->right = u->l.cols - (int)strlen(saved) - 2;
	screen_clock(u->s->seconds[u->s->position], st->minutes, sp->clock, sizeof(sp->clock));
	sp->clock_fits = sp->right - (int)strlen(sp->clock) - 3 > sp->x + 8;
}

bool ui_status_clock_shown(const struct ui *u)
{
	struct status_places sp;
	enum style style;

	if (u->l.too_small)
		return false;
	status_places(u, save_state(u, &style), &sp);
	return sp.clock_fits;
}

void ui_status(struct page *p, const struct ui *u)
{
	const struct content_step *st = &u->c->steps[u->s->position];
	size_t k = u->s->position, n = u->c->n_steps;
	char left[32], label[sizeof(u->save_error) + 16];
	enum style save_style, label_style = status_label(u, label, sizeof(label));
	const char *saved = save_state(u, &save_style);
	bool over = st->minutes && u->s->seconds[k] > st->minutes * 60ul;
	bool more = u->scroll + u->l.body_rows < (int)u->page.n;
	struct status_places sp;
	int right;

	status_places(u, saved, &sp);
	right = sp.right;
	snprintf(left, sizeof(left), "%zu/%zu", k + 1, n);
	page_puts(p, 1, STYLE_EMPHASIS, left);
	if (u->l.cols >= 60)
		put_progress(p, u, 1 + (int)strlen(left) + 1, k, n, u->l.cols >= 80 ? 12 : 6);
	page_puts(p, right, save_style, saved);
	if (sp.clock_fits) {
		right -= (int)strlen(sp.clock) + 3;
		page_puts(p, right, over ? STYLE_WARNING : STYLE_NORMAL, sp.clock);
	}
	if (more && right - 7 > sp.x) {
		right -= 7;
		page_puts(p, right, STYLE_EMPHASIS, u->unicode ? "more ↓" : "more v");
	}
	if (right - sp.x - 1 >= 8) /* a label cut shorter than this says nothing */
		page_put(p, sp.x, label_style, label,
			 text_fit(label, strlen(label), (size_t)(right - sp.x - 1)));
}
