/* page.c - what a screen shows, as lines of styled text at given columns. No curses. */
#include "page.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "wrap.h"

void page_clear(struct page *p)
{
	for (size_t i = 0; i < p->n; i++) {
		for (size_t k = 0; k < p->lines[i].n; k++)
			free((char *)p->lines[i].spans[k].text);
		free(p->lines[i].spans);
	}
	free(p->lines);
	free(p->marks);
	memset(p, 0, sizeof(*p));
	p->focus_top = p->focus_bottom = -1;
	p->clock_top = p->clock_bottom = -1;
}

/* Grows the array at *ITEMS (of *CAP elements of SIZE) to hold one more than N. */
static bool grow(void **items, size_t *cap, size_t n, size_t size)
{
	size_t bigger;
	void *moved;

	if (n < *cap)
		return true;
	bigger = *cap ? *cap * 2 : 16;
	moved = realloc(*items, bigger * size);
	if (!moved)
		return false;
	*items = moved;
	*cap = bigger;
	return true;
}

void page_newline(struct page *p)
{
	if (!grow((void **)&p->lines, &p->cap, p->n, sizeof(*p->lines))) {
		p->failed = true;
		return;
	}
	memset(&p->lines[p->n++], 0, sizeof(*p->lines));
}

void page_put(struct page *p, int x, enum style style, const char *text, size_t len)
{
	struct page_line *line;
	char *clean;

	if (p->n == 0)
		page_newline(p);
	if (p->n == 0 || len == 0)
		return;
	line = &p->lines[p->n - 1];
	clean = utf8_sanitize(text, len, false, '?');
	if (!clean || !grow((void **)&line->spans, &line->cap, line->n, sizeof(*line->spans))) {
		free(clean);
		p->failed = true;
		return;
	}
	line->spans[line->n++] = (struct span){ x, style, clean, strlen(clean) };
}

void page_puts(struct page *p, int x, enum style style, const char *text)
{
	page_put(p, x, style, text, strlen(text));
}

void page_put_fit(struct page *p, int x, enum style style, const char *text, int width,
		  bool unicode)
{
	const char *mark = unicode ? "…" : "...";
	size_t len = strlen(text), mark_w = unicode ? 1 : 3, keep;
	char *cut;

	if (width <= 0)
		return;
	if (utf8_width(text, len) <= (size_t)width) {
		page_put(p, x, style, text, len);
		return;
	}
	if ((size_t)width < mark_w) { /* no room for the sign: the mark itself, cut */
		page_put(p, x, style, mark, (size_t)width);
		return;
	}
	keep = text_fit(text, len, (size_t)width - mark_w);
	while (keep > 0 && text[keep - 1] == ' ')
		keep--;
	cut = malloc(keep + strlen(mark) + 1);
	if (!cut) {
		p->failed = true;
		return;
	}
	memcpy(cut, text, keep);
	strcpy(cut + keep, mark);
	page_puts(p, x, style, cut);
	free(cut);
}

void page_printf(struct page *p, int x, enum style style, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	page_puts(p, x, style, buf);
}

/* Adds TEXT wrapped to WIDTH at column X; the first line goes on a new line unless INLINE. */
static void wrap_into(struct page *p, int x, int width, enum style style, const char *text,
		      bool inline_first)
{
	bool first = true;

	while (*text) {
		size_t para = strcspn(text, "\n"), pos = 0;

		if (para > 0) {
			if (!first)
				page_newline(p);
			while (pos < para) {
				struct wrap_line line;
				size_t next = wrap_next(text, para, pos, (size_t)width, &line);

				if (!(first && inline_first && pos == 0))
					page_newline(p);
				page_put(p, x, style, text + pos, line.len);
				if (line.hyphen)
					page_put(p, x + (int)utf8_width(text + pos, line.len), style, "-", 1);
				pos = next;
			}
			first = false;
		}
		text += para;
		text += *text == '\n';
	}
}

void page_wrap(struct page *p, int x, int width, enum style style, const char *text)
{
	wrap_into(p, x, width, style, text, false);
}

void page_wrap_inline(struct page *p, int x, int width, enum style style, const char *text)
{
	wrap_into(p, x, width, style, text, true);
}

void page_focus(struct page *p, int from, int to)
{
	p->focus_top = from;
	p->focus_bottom = to;
}

void page_clock(struct page *p, int from, int to)
{
	p->clock_top = from;
	p->clock_bottom = to;
}

/* Returns true when lines FROM..TO (inclusive) and TOP..BOTTOM overlap. */
static bool overlap(int from, int to, int top, int bottom)
{
	return from <= bottom && to >= top;
}

bool page_clock_shown(const struct page *p, int scroll, int rows)
{
	int heads = page_sticky_shown(p, scroll, rows);

	if (p->clock_top < 0)
		return false;
	return overlap(p->clock_top, p->clock_bottom, scroll + heads, scroll + rows - 1) ||
	       (heads && overlap(p->clock_top, p->clock_bottom, p->sticky_top,
				 p->sticky_top + heads - 1));
}

void page_sticky(struct page *p, int from, int to)
{
	p->sticky_top = from;
	p->sticky_rows = to >= from ? to - from + 1 : 0;
}

int page_sticky_shown(const struct page *p, int scroll, int rows)
{
	if (p->sticky_rows <= 0 || scroll <= p->sticky_top || rows <= 2 * p->sticky_rows)
		return 0;
	return p->sticky_rows;
}

int page_row_line(const struct page *p, int scroll, int rows, int row)
{
	if (row < page_sticky_shown(p, scroll, rows))
		return p->sticky_top + row;
	return scroll + row;
}

int page_next_screenful(const struct page *p, int scroll, int rows)
{
	int next = scroll + (rows > 2 ? rows - 1 : 1);

	next -= page_sticky_shown(p, next, rows);
	return next > scroll ? next : scroll + 1;
}

void page_mark(struct page *p)
{
	if (!grow((void **)&p->marks, &p->cap_marks, p->n_marks, sizeof(*p->marks))) {
		p->failed = true;
		return;
	}
	p->marks[p->n_marks++] = (int)p->n;
}

long page_item_at(const struct page *p, int line)
{
	for (size_t i = 0; i < p->n_marks; i++)
		if (p->marks[i] >= line)
			return (long)i;
	return (long)p->n_marks - 1;
}

/* Returns true when lines A and B hold the same spans. */
static bool line_equal(const struct page_line *a, const struct page_line *b)
{
	if (a->n != b->n)
		return false;
	for (size_t k = 0; k < a->n; k++) {
		const struct span *x = &a->spans[k], *y = &b->spans[k];

		if (x->x != y->x || x->style != y->style || x->len != y->len ||
		    memcmp(x->text, y->text, x->len) != 0)
			return false;
	}
	return true;
}

bool page_line_equal(const struct page *a, size_t i, const struct page *b, size_t j)
{
	if (i >= a->n || j >= b->n)
		return i >= a->n && j >= b->n;
	return line_equal(&a->lines[i], &b->lines[j]);
}

bool page_equal(const struct page *a, const struct page *b)
{
	if (a->n != b->n || a->failed || b->failed)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (!line_equal(&a->lines[i], &b->lines[i]))
			return false;
	return true;
}

int page_last(const struct page *p)
{
	return (int)p->n - 1;
}

int page_clamp_scroll(const struct page *p, int scroll, int rows)
{
	int last = (int)p->n - rows;

	if (p->focus_top >= 0) {
		if (p->focus_bottom >= scroll + rows)
			scroll = p->focus_bottom - rows + 1;
		/* a focus taller than the window shows its top, under the headings */
		if (p->focus_top < scroll + page_sticky_shown(p, scroll, rows)) {
			scroll = p->focus_top;
			scroll -= page_sticky_shown(p, scroll, rows);
		}
	}
	if (scroll > last)
		scroll = last;
	return scroll < 0 ? 0 : scroll;
}
