/* screens_blocks.c - the building blocks the screens share: columns side by side, titles,
 * prose, the phase headings and the items of the action lists. No curses. */
#include "screens_blocks.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "utf8.h"
#include "wrap.h"

struct column_line {
	enum style style;
	const char *text;
	size_t len;
	bool hyphen; /* a "-" is drawn after the text (a word broken there) */
};

/* Wraps block B of COL into lines; stores up to MAX in OUT and returns how many it takes. */
static size_t block_lines(const struct column *col, size_t b, struct column_line *out, size_t max)
{
	const char *t = b < col->n ? col->blocks[b].text : NULL;
	size_t count = 0;

	if (!t)
		return 0;
	if (!*t) {
		if (max)
			out[0] = (struct column_line){ STYLE_NORMAL, "", 0, false };
		return 1;
	}
	while (*t) {
		size_t para = strcspn(t, "\n"), pos = 0;

		while (pos < para) {
			struct wrap_line line;
			size_t next = wrap_next(t, para, pos, (size_t)col->width, &line);

			if (count < max)
				out[count] = (struct column_line){ col->blocks[b].style, t + pos,
								  line.len, line.hyphen };
			count++;
			pos = next;
		}
		t += para + (t[para] == '\n');
	}
	return count;
}

/* Adds LINE at column X of the page's last line, with its hyphen. */
static void put_column_line(struct page *p, int x, const struct column_line *line)
{
	page_put(p, x, line->style, line->text, line->len);
	if (line->hyphen)
		page_put(p, x + (int)utf8_width(line->text, line->len), line->style, "-", 1);
}

/* Adds block B of the N columns side by side on new lines, as tall as the tallest. */
static void put_column_block(struct page *p, const struct column *cols, size_t n, size_t b)
{
	struct column_line *lines[COLUMNS_MAX] = { 0 };
	size_t counts[COLUMNS_MAX] = { 0 }, height = 0;

	for (size_t c = 0; c < n; c++) {
		counts[c] = block_lines(&cols[c], b, NULL, 0);
		lines[c] = calloc(counts[c] ? counts[c] : 1, sizeof(**lines));
		if (!lines[c])
			p->failed = true;
		else
			block_lines(&cols[c], b, lines[c], counts[c]);
		height = counts[c] > height ? counts[c] : height;
	}
	for (size_t r = 0; r < height && !p->failed; r++) {
		page_newline(p);
		for (size_t c = 0; c < n; c++)
			if (r < counts[c])
				put_column_line(p, cols[c].x, &lines[c][r]);
	}
	for (size_t c = 0; c < n; c++)
		free(lines[c]);
}

void screen_put_headed_columns(struct page *p, const struct column *cols, size_t n, size_t heads)
{
	size_t blocks = 0;
	int top = page_last(p) + 1;

	n = n > COLUMNS_MAX ? COLUMNS_MAX : n;
	for (size_t c = 0; c < n; c++)
		blocks = cols[c].n > blocks ? cols[c].n : blocks;
	for (size_t b = 0; b < blocks; b++) {
		put_column_block(p, cols, n, b);
		if (b + 1 == heads)
			page_sticky(p, top, page_last(p));
	}
}

void screen_put_columns(struct page *p, const struct column *cols, size_t n)
{
	screen_put_headed_columns(p, cols, n, 0);
}

int screen_columns_height(const struct column *cols, size_t n)
{
	size_t blocks = 0, height = 0;

	n = n > COLUMNS_MAX ? COLUMNS_MAX : n;
	for (size_t c = 0; c < n; c++)
		blocks = cols[c].n > blocks ? cols[c].n : blocks;
	for (size_t b = 0; b < blocks; b++) {
		size_t tallest = 0;

		for (size_t c = 0; c < n; c++) {
			size_t lines = block_lines(&cols[c], b, NULL, 0);

			tallest = lines > tallest ? lines : tallest;
		}
		height += tallest;
	}
	return (int)height;
}

void screen_put_title(struct page *p, const struct layout *l, const char *title)
{
	page_wrap(p, l->text_x, l->text_width, STYLE_TITLE, title);
	page_newline(p);
}

void screen_put_context(struct page *p, int x, const char *text)
{
	page_newline(p);
	page_puts(p, x, STYLE_HEADING, text);
}

void screen_put_prose(struct page *p, const struct layout *l, enum style style, const char *text)
{
	if (!text)
		return;
	page_wrap(p, l->text_x, l->text_width, style, text);
	page_newline(p);
}

void screen_join(char *buf, size_t size, const char *part)
{
	size_t used = strlen(buf);

	if (part[0])
		snprintf(buf + used, size - used, "%s%s", used ? ", " : "", part);
}

const char *screen_join_names(const char *const *names, size_t n, char *buf, size_t size)
{
	char most[1024] = "";

	buf[0] = '\0';
	if (n == 0)
		return buf;
	for (size_t i = 0; i + 1 < n; i++)
		screen_join(most, sizeof(most), names[i]);
	if (n == 1 || !most[0])
		snprintf(buf, size, "%s", names[n - 1]);
	else if (!names[n - 1][0])
		snprintf(buf, size, "%s", most);
	else
		/* TRANSLATORS: the last two names of a list of authors: "A, B and C". */
		snprintf(buf, size, _("%s and %s"), most, names[n - 1]);
	return buf;
}

void screen_phase_head(const struct content *c, size_t i, char head[PHASE_HEAD_SIZE],
		       struct block *blocks)
{
	snprintf(head, PHASE_HEAD_SIZE, _("Phase %d"), c->phases[i].number);
	blocks[0] = (struct block){ STYLE_NORMAL, head };
	blocks[1] = (struct block){ STYLE_HEADING, c->phases[i].name };
}

/* Returns the glyph for UNICODE terminals or its ASCII stand-in. */
const char *screen_glyph(const struct view *v, const char *unicode, const char *ascii)
{
	return v->unicode ? unicode : ascii;
}

/* Writes "N name" for phase NUMBER into BUF. */
const char *screen_phase_label(const struct content *c, int number, char *buf, size_t size)
{
	const struct content_phase *ph = content_phase(c, number);

	snprintf(buf, size, "%d %s", number, ph ? ph->name : "?");
	return buf;
}

/* Returns true when action A belongs to row ID (NULL: to the workshop as a whole). */
static bool action_of(const struct session_action *a, const char *id)
{
	return id ? a->dimension && strcmp(a->dimension, id) == 0 : a->dimension == NULL;
}

void screen_put_action(struct page *p, const struct view *v, const struct session_action *a,
		       int x, int width, bool with_row, enum style style)
{
	long d = session_action_row(a, v->c);
	const char *row = d >= 0 ? v->c->dimensions[d].name
			      : a->dimension ? a->dimension
					     /* TRANSLATORS: an action for the workshop as a whole. */
					     : _("workshop");
	char meta[512] = "", due[64] = "", date[DATE_TEXT_SIZE];

	if (a->due[0] && !date_format(a->due, date_style_spoken(), date, sizeof(date)))
		snprintf(date, sizeof(date), "%s", a->due);
	if (a->due[0])
		/* TRANSLATORS: the date an action is due: "due 15 Jan 2027". */
		snprintf(due, sizeof(due), _("due %s"), date);
	screen_join(meta, sizeof(meta), with_row ? row : "");
	screen_join(meta, sizeof(meta), a->owner);
	screen_join(meta, sizeof(meta), due);
	page_newline(p);
	page_puts(p, x, a->done ? STYLE_GOOD : STYLE_NORMAL, a->done ? screen_glyph(v, "[✓]", "[x]") : "[ ]");
	page_wrap_inline(p, x + 4, width - 4, style, a->text);
	if (meta[0])
		page_wrap(p, x + 6, width - 6, STYLE_NORMAL, meta);
}

size_t screen_put_actions_of(struct page *p, const struct view *v, const char *id, size_t limit,
			     int x, int width)
{
	size_t found = 0;

	for (size_t i = 0; i < v->s->n_actions; i++) {
		if (!action_of(&v->s->actions[i], id))
			continue;
		if (found++ < limit)
			screen_put_action(p, v, &v->s->actions[i], x, width, false, STYLE_NORMAL);
	}
	if (found > limit) {
		char more[128];

		snprintf(more, sizeof(more),
			 ngettext("… and %zu more action", "… and %zu more actions", found - limit),
			 found - limit);
		page_wrap_inline(p, x, width, STYLE_NORMAL, more);
	}
	return found;
}

/* Returns true when the session holds an action for row ID (NULL: the whole workshop). */
static bool has_actions_of(const struct session *s, const char *id)
{
	for (size_t i = 0; i < s->n_actions; i++)
		if (action_of(&s->actions[i], id))
			return true;
	return false;
}

/* Adds a heading and the actions of row ID (NULL: the whole workshop) when there are any. */
static void put_action_group(struct page *p, const struct view *v, const char *id,
			     const char *heading)
{
	const struct layout *l = v->l;

	if (!has_actions_of(v->s, id))
		return;
	page_newline(p);
	page_newline(p);
	page_puts(p, l->text_x, STYLE_HEADING, heading);
	screen_put_actions_of(p, v, id, SIZE_MAX, l->text_x + 2, l->text_width - 2);
}

void screen_put_all_actions(struct page *p, const struct view *v)
{
	if (v->s->n_actions == 0) {
		page_newline(p);
		page_puts(p, v->l->text_x, STYLE_NORMAL, _("No actions yet."));
		return;
	}
	for (size_t i = 0; i < v->s->n_scores; i++) {
		const char *id = v->s->scores[i].dimension;
		long d = content_dimension_index(v->c, id);

		put_action_group(p, v, id, d >= 0 ? v->c->dimensions[d].name : id);
	}
	put_action_group(p, v, NULL, _("The workshop as a whole"));
}

const char *screen_clock(unsigned long seconds, unsigned minutes, char *buf, size_t size)
{
	char spent[DURATION_SIZE];

	duration_clock(seconds, spent, sizeof(spent));
	if (minutes)
		/* TRANSLATORS: time spent on a step (a clock) of the minutes planned: "0:23 / 5 min". */
		snprintf(buf, size, _("%s / %u min"), spent, minutes);
	else
		snprintf(buf, size, "%s", spent);
	return buf;
}

const char *screen_time_spent(unsigned long seconds, unsigned minutes, char *buf, size_t size)
{
	char spent[DURATION_SIZE];

	duration_clock(seconds, spent, sizeof(spent));
	if (minutes)
		/* TRANSLATORS: a step's plan and the time spent on it (a clock, m:ss or h:mm:ss). */
		snprintf(buf, size, _("%u min planned, %s spent"), minutes, spent);
	else
		/* TRANSLATORS: the time spent on a step without a plan (a clock, m:ss or h:mm:ss). */
		snprintf(buf, size, _("%s spent"), spent);
	return buf;
}

const char *screen_minutes(unsigned minutes, char *buf, size_t size)
{
	if (minutes < 60)
		snprintf(buf, size, _("%u min"), minutes);
	else if (minutes % 60 == 0)
		/* TRANSLATORS: a number of whole hours planned ("3 h"). */
		snprintf(buf, size, _("%u h"), minutes / 60);
	else
		/* TRANSLATORS: hours and minutes planned ("3 h 30 min"). */
		snprintf(buf, size, _("%u h %u min"), minutes / 60, minutes % 60);
	return buf;
}
