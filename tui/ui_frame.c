/* ui_frame.c - the lines around the page: the header (the content and the session) and the
 * status line (where the walk is, the time, how saving went). No curses. */
#include "ui.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "utf8.h"

/* Returns the column where the header's right text (RW columns) starts on a line W wide
 * beside a title TW wide: flush right when both fit, else the title keeps at least half. */
static int header_split(int w, int tw, int rw)
{
	if (tw + 3 + rw + 1 <= w || rw + 2 < w / 2)
		return w - rw - 1;
	return tw + 3 < w / 2 ? tw + 3 : w / 2;
}

void ui_header(struct page *p, const struct ui *u)
{
	const char *base = strrchr(u->f ? u->f->path : "", '/');
	const char *right = u->following ? _("live, following the facilitator")
			    : u->read_only ? _("read-only review")
			    : u->redirected ? (base ? base + 1 : u->f->path)
					    : u->s->meta[META_TITLE];
	const char *title = u->c->title;
	int w = u->l.cols;
	int x = header_split(w, (int)utf8_width(title, strlen(title)),
			     (int)utf8_width(right, strlen(right)));

	page_put_fit(p, 1, STYLE_HEADING, title, x - 3, u->unicode);
	page_put_fit(p, x, u->redirected ? STYLE_WARNING : STYLE_NORMAL, right, w - 1 - x,
		     u->unicode);
}

/* Adds the progress bar of step K of N, WIDTH cells wide, at X. */
static void put_progress(struct page *p, const struct ui *u, int x, size_t k, size_t n, int width)
{
	int filled = n ? (int)((k + 1) * (size_t)width / n) : 0;

	for (int i = 0; i < width; i++)
		page_put(p, x + i, i < filled ? STYLE_EMPHASIS : STYLE_NORMAL,
			 i < filled ? (u->unicode ? "█" : "#") : (u->unicode ? "░" : "-"),
			 u->unicode ? 3 : 1);
}

/* Returns the text and style of the save state for the status line: the outcome of the last
 * save (a follower: that it is live). */
static const char *save_state(const struct ui *u, enum style *style)
{
	*style = STYLE_GOOD;
	if (u->read_only || u->preview) {
		*style = STYLE_NORMAL;
		if (u->preview)
			return _("preview: nothing is saved");
		/* TRANSLATORS: the follower (meetlat --follow) shows the facilitator's saves live. */
		return u->following ? _("live") : _("read-only");
	}
	if (u->save_failed) {
		*style = STYLE_WARNING;
		return _("NOT SAVED");
	}
	/* a change is painted first and saved at once after: "saving" until it is on disk, so
	 * that "saved" on the screen always means saved */
	return u->s->dirty ? _("saving") : _("saved");
}

/* Writes into BUF the news for the status line: a passing message, else a save error
 * (false, BUF "", when there is none); *STYLE is its style. */
static bool status_news(const struct ui *u, char *buf, size_t size, enum style *style)
{
	bool message = u->clock() < u->message_until;

	*style = STYLE_NORMAL;
	buf[0] = '\0';
	if (u->save_failed && !message) {
		/* TRANSLATORS: a save that failed (the reason) and is tried again. */
		snprintf(buf, size, _("%s (retrying)"), u->save_error);
		*style = STYLE_WARNING;
	} else if (message) {
		snprintf(buf, size, "%s", u->message);
		*style = u->message_warns ? STYLE_WARNING : STYLE_NORMAL;
	}
	return buf[0] != '\0';
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
	sp->right = u->l.cols - (int)utf8_width(saved, strlen(saved)) - 2;
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
	char left[32], more[32], label[512];
	char news[sizeof(u->save_error) + sizeof(u->message) + 64];
	enum style save_style, label_style;
	bool has_news = status_news(u, news, sizeof(news), &label_style);
	const char *saved = save_state(u, &save_style);
	bool over = st->minutes && u->s->seconds[k] > st->minutes * 60ul;
	bool scrolls = u->scroll + u->l.body_rows < (int)u->page.n;
	struct status_places sp;
	int right, more_w, room;

	status_places(u, saved, &sp);
	right = sp.right;
	/* TRANSLATORS: the page goes on below; %s is an arrow down. */
	snprintf(more, sizeof(more), _("more %s"), u->unicode ? "↓" : "v");
	more_w = (int)utf8_width(more, strlen(more)) + 1;
	if (sp.clock_fits)
		right -= (int)strlen(sp.clock) + 3;
	scrolls = scrolls && right - more_w > sp.x;
	if (scrolls)
		right -= more_w;
	room = right - sp.x - 1;
	content_step_label(u->c, k, label, sizeof(label));
	if (has_news && (int)utf8_width(news, strlen(news)) > room) {
		/* Too long for the status line: the whole of it on the lines above. */
		page_wrap(p, 1, u->l.cols - 2, label_style, news);
		page_newline(p);
		label_style = STYLE_NORMAL;
	} else if (has_news) {
		snprintf(label, sizeof(label), "%s", news);
	}
	snprintf(left, sizeof(left), "%zu/%zu", k + 1, n);
	page_puts(p, 1, STYLE_EMPHASIS, left);
	if (u->l.cols >= 60)
		put_progress(p, u, 1 + (int)strlen(left) + 1, k, n, u->l.cols >= 80 ? 12 : 6);
	page_puts(p, sp.right, save_style, saved);
	if (sp.clock_fits)
		page_puts(p, sp.right - (int)strlen(sp.clock) - 3, over ? STYLE_WARNING : STYLE_NORMAL,
			  sp.clock);
	if (scrolls)
		page_puts(p, right, STYLE_EMPHASIS, more);
	if (room >= 8) /* a label cut shorter than this says nothing */
		page_put_fit(p, sp.x, label_style, label, room, u->unicode);
}
