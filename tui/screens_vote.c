/* screens_vote.c - the box of phone voting on the projector: the QR code of the address, the
 * address itself, the row open and how many voted. No curses. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "qr.h"
#include "screens.h"
#include "utf8.h"

enum {
	GAP = 3,       /* between the code and the text beside it */
	TEXT_MIN = 28, /* the narrowest text beside the code */
	LINES = 9,     /* the lines of text (vote_text) */
};

/* One line of the text beside or under the code. */
struct text_line {
	enum style style;
	const char *text;
};

/* Fills LINES with what the box says besides the code: the title, the row, where to go, the
 * count and that the spread stays hidden; HOW says how to get there ("Scan the code or go
 * to:"). COUNT is the buffer of the count. */
static void vote_text(struct text_line lines[LINES], const struct vote_view *vv, const char *how,
		      char *count, size_t size)
{
	struct text_line all[LINES] = {
		{ STYLE_TITLE, _("Vote on your phone") },
		{ STYLE_NORMAL, "" },
		{ STYLE_HEADING, vv->row },
		{ STYLE_NORMAL, "" },
		{ STYLE_NORMAL, how },
		{ STYLE_EMPHASIS, vv->url },
		{ STYLE_NORMAL, "" },
		{ STYLE_HEADING, screen_vote_count(vv->votes, vv->participants, count, size) },
		{ STYLE_NORMAL, _("The votes stay hidden.") },
	};

	memcpy(lines, all, sizeof(all));
}

/* Returns the columns TEXT takes. */
static int width_of(const char *text)
{
	return (int)utf8_width(text, strlen(text));
}

/* Adds the text lines at column X, WIDTH wide, on new lines. */
static void put_text(struct page *p, const struct text_line *lines, int x, int width,
		     bool unicode)
{
	for (int i = 0; i < LINES; i++) {
		page_newline(p);
		page_put_fit(p, x, lines[i].style, lines[i].text, width, unicode);
	}
}

/* Adds the code Q (margin QUIET) at column 0 with the text lines beside it, from column TX,
 * centred on the code's height. */
static void put_beside(struct page *p, const struct qr *q, int quiet,
		       const struct text_line *lines, int tx, int width, bool unicode)
{
	int n = qr_lines(q, quiet), top = (n - LINES) / 2;
	char buf[QR_LINE_SIZE];

	for (int i = 0; i < n; i++) {
		page_newline(p);
		page_puts(p, 0, STYLE_CODE, qr_line(q, quiet, i, buf));
		if (i >= top && i - top < LINES)
			page_put_fit(p, tx, lines[i - top].style, lines[i - top].text, width - tx,
				     unicode);
	}
}

/* Adds the code Q (margin QUIET) centred in WIDTH, then the address and the count under it. */
static void put_stacked(struct page *p, const struct qr *q, int quiet,
			const struct text_line *lines, int width, bool unicode)
{
	int x = (width - qr_cols(q, quiet)) / 2;
	char buf[QR_LINE_SIZE];

	for (int i = 0; i < qr_lines(q, quiet); i++) {
		page_newline(p);
		page_puts(p, x, STYLE_CODE, qr_line(q, quiet, i, buf));
	}
	page_newline(p);
	page_put_fit(p, 0, STYLE_EMPHASIS, lines[5].text, width, unicode);
	page_newline(p);
	page_put_fit(p, 0, STYLE_HEADING, lines[7].text, width, unicode);
}

/* Returns the margin with which the code Q fits beside text TEXT_WIDTH wide (and no less than
 * TEXT_MIN) in WIDTH x HEIGHT, or -1 when it does not. */
static int quiet_beside(const struct qr *q, int text_width, int width, int height)
{
	static const int quiets[] = { QR_QUIET, QR_QUIET_MIN };

	if (text_width < TEXT_MIN)
		text_width = TEXT_MIN;
	for (size_t i = 0; i < sizeof(quiets) / sizeof(quiets[0]); i++)
		if (qr_cols(q, quiets[i]) + GAP + text_width <= width &&
		    qr_lines(q, quiets[i]) <= height)
			return quiets[i];
	return -1;
}

/* Returns the margin with which the code Q fits above two lines in WIDTH x HEIGHT, or -1. */
static int quiet_stacked(const struct qr *q, int width, int height)
{
	static const int quiets[] = { QR_QUIET, QR_QUIET_MIN };

	for (size_t i = 0; i < sizeof(quiets) / sizeof(quiets[0]); i++)
		if (qr_cols(q, quiets[i]) <= width && qr_lines(q, quiets[i]) + 2 <= height)
			return quiets[i];
	return -1;
}

void screen_vote(struct page *p, const struct vote_view *vv, int width, int height,
		 bool unicode)
{
	struct text_line lines[LINES];
	char count[96];
	struct qr q;
	int quiet, text_width;

	vote_text(lines, vv, _("Scan the code or go to:"), count, sizeof(count));
	text_width = width_of(vv->url); /* never cut; other lines may be */
	if (!unicode || !qr_encode(&q, vv->url)) {
		vote_text(lines, vv, _("Go to:"), count, sizeof(count));
		put_text(p, lines, 0, width, unicode);
		return;
	}
	quiet = quiet_beside(&q, text_width, width, height);
	if (quiet >= 0) {
		put_beside(p, &q, quiet, lines, qr_cols(&q, quiet) + GAP, width, unicode);
	} else if ((quiet = quiet_stacked(&q, width, height)) >= 0) {
		put_stacked(p, &q, quiet, lines, width, unicode);
	} else {
		vote_text(lines, vv, _("Go to:"), count, sizeof(count));
		put_text(p, lines, 0, width, unicode);
	}
	qr_free(&q);
}
