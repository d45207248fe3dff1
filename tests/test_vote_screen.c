/* test_vote_screen.c - the box of phone voting (screen_vote, qr.c): its QR code, read back
 * from the half blocks on the page, is the matrix libqrencode makes of the address, with a
 * light margin; it fits the box of an 80x24 terminal, and a narrow box stacks it; without
 * UTF-8 the address alone is shown; the count reads "9 of 14 voted" or "9 votes" (in Dutch
 * "9 van 14 gestemd", "9 stemmen"); the spread is never there. No terminal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>


#include "i18n.h"
#include "layout.h"
#include "page_check.h"
#include "qr.h"
#include "qrlib.h"
#include "screens.h"
#include "utf8.h"

enum { GRID_MAX = 200 };

/* An address as long as a room's LAN address (four numbers of up to three digits), on loopback:
 * tests name no other. */
static const char url[] = "http://127.168.1.20:8421/k7m2p9x";

/* The modules read back from the code on a page: dark[y][x], SIZE x SIZE (with the margin). */
struct grid {
	bool dark[GRID_MAX][GRID_MAX];
	int cols, rows, first_line;
};

/* Reads the half blocks of the STYLE_CODE spans of P back into modules: two rows a line. */
static void read_code(const struct page *p, struct grid *g)
{
	memset(g, 0, sizeof(*g));
	g->first_line = -1;
	for (size_t i = 0; i < p->n; i++)
		for (size_t k = 0; k < p->lines[i].n; k++) {
			const struct span *sp = &p->lines[i].spans[k];
			int x = 0;

			if (sp->style != STYLE_CODE)
				continue;
			if (g->first_line < 0)
				g->first_line = (int)i;
			for (size_t at = 0; at < sp->len; x++) {
				const char *c = sp->text + at;
				int y = 2 * (g->rows / 2);

				assert_true(x < GRID_MAX && y + 1 < GRID_MAX);
				if (c[0] == ' ') {
					at++;
				} else {
					assert_true(sp->len - at >= 3);
					assert_true(strncmp(c, "▀", 3) == 0 || strncmp(c, "▄", 3) == 0 ||
						    strncmp(c, "█", 3) == 0);
					g->dark[y][x] = strncmp(c, "▄", 3) != 0;
					g->dark[y + 1][x] = strncmp(c, "▀", 3) != 0;
					at += 3;
				}
			}
			if (g->cols && x != g->cols)
				fail_msg("line %zu of the code is %d columns, not %d", i, x, g->cols);
			g->cols = x;
			g->rows += 2;
		}
}

/* Fails unless G holds the code libqrencode makes of TEXT at LEVEL, with a light margin of
 * QUIET modules round it (and a light half row under an odd height); returns the margin. */
static int check_code(const struct grid *g, const char *text, QRecLevel level)
{
	QRcode *code;
	int quiet;

	assert_true(qrlib_load());
	code = qrlib.QRcode_encodeString8bit(text, 0, level);
	assert_non_null(code);
	quiet = (g->cols - code->width) / 2;
	assert_true(quiet >= QR_QUIET_MIN);
	assert_int_equal(g->cols, code->width + 2 * quiet);
	assert_true(g->rows >= g->cols && g->rows <= g->cols + 1);
	for (int y = 0; y < g->rows; y++)
		for (int x = 0; x < g->cols; x++) {
			int cx = x - quiet, cy = y - quiet;
			bool want = cx >= 0 && cy >= 0 && cx < code->width && cy < code->width &&
				    (code->data[cy * code->width + cx] & 1);

			if (g->dark[y][x] != want)
				fail_msg("module %d,%d is %s", x, y, want ? "light" : "dark");
		}
	qrlib.QRcode_free(code);
	return quiet;
}

/* Returns the widest line of P in columns (its spans at their places). */
static int widest(const struct page *p)
{
	int w = 0;

	for (size_t i = 0; i < p->n; i++)
		for (size_t k = 0; k < p->lines[i].n; k++) {
			const struct span *sp = &p->lines[i].spans[k];
			int end = sp->x + (int)utf8_width(sp->text, sp->len);

			w = end > w ? end : w;
		}
	return w;
}

/* The inside of the overlay box of a COLS x ROWS terminal. */
static void box_of(int cols, int rows, int *width, int *height)
{
	struct layout l;

	layout_compute(&l, cols, rows, 4);
	*width = l.box_width - 4;
	*height = l.box_height - 2;
}

/* At 80x24 the code of an address as long as a LAN one is version 2 (L; M would need 3), drawn with the full
 * margin beside the text, and the whole box fits; the code reads back as libqrencode's. */
static void test_code_reads_back(void **state)
{
	struct vote_view vv = { url, "Conversatie", 9, 14 };
	struct page p = { 0 };
	static struct grid g;
	struct qr q;
	int width, height;

	(void)state;
	assert_true(qr_encode(&q, url));
	assert_int_equal(q.version, 2);
	assert_false(q.ecc_m);
	qr_free(&q);
	box_of(80, 24, &width, &height);
	screen_vote(&p, &vv, width, height, true);
	assert_true((int)p.n <= height);
	assert_true(widest(&p) <= width);
	read_code(&p, &g);
	assert_int_equal(check_code(&g, url, QR_ECLEVEL_L), QR_QUIET);
	assert_true(g.cols <= 33 && g.rows / 2 <= 17); /* about 30 x 15 cells */
	assert_true(page_contains(&p, url));
	assert_true(page_contains(&p, "Conversatie"));
	assert_true(page_contains(&p, "9 of 14 voted"));
	page_clear(&p);
}

/* A text that M holds in the smallest version L needs is encoded at M. */
static void test_level_m_when_it_fits(void **state)
{
	struct vote_view vv = { "http://127.0.0.2:80/ab", "Row", 0, 0 };
	struct page p = { 0 };
	static struct grid g;
	struct qr q;

	(void)state;
	assert_true(qr_encode(&q, vv.url));
	assert_true(q.ecc_m);
	assert_int_equal(q.version, 2);
	qr_free(&q);
	screen_vote(&p, &vv, 72, 19, true);
	read_code(&p, &g);
	check_code(&g, vv.url, QR_ECLEVEL_M);
	page_clear(&p);
}

/* A narrow box puts the address and the count under the code; too small a box, or an ASCII
 * terminal, shows the address alone, in ASCII. */
static void test_narrow_and_ascii(void **state)
{
	struct vote_view vv = { url, "Conversatie", 3, 0 };
	struct page p = { 0 };
	static struct grid g;
	int width, height;

	(void)state;
	box_of(40, 30, &width, &height);
	screen_vote(&p, &vv, width, height, true);
	read_code(&p, &g);
	check_code(&g, url, QR_ECLEVEL_L);
	assert_true(widest(&p) <= width && (int)p.n <= height);
	assert_true(page_contains(&p, url) && page_contains(&p, "3 votes"));
	page_clear(&p);
	box_of(80, 14, &width, &height); /* 9 lines inside: no code */
	screen_vote(&p, &vv, width, height, true);
	read_code(&p, &g);
	assert_int_equal(g.rows, 0);
	assert_true(page_contains(&p, url));
	page_clear(&p);
	screen_vote(&p, &vv, 72, 19, false);
	read_code(&p, &g);
	assert_int_equal(g.rows, 0);
	assert_true(page_contains(&p, url) && page_contains(&p, "Go to:"));
	for (size_t i = 0; i < p.n; i++)
		for (size_t k = 0; k < p.lines[i].n; k++)
			for (size_t b = 0; b < p.lines[i].spans[k].len; b++)
				assert_true((unsigned char)p.lines[i].spans[k].text[b] < 0x80);
	page_clear(&p);
}

/* The longest IPv4 address (of 127/8) and an IPv6 one (::1 written out), with a port and the
 * 7-character code, still fit beside or under the code at 80x24 (a version 3 code) and read
 * back. */
static void test_long_address(void **state)
{
	static const char *const urls[] = {
		"http://[0:0:0:0:0:0:0:1]:8421/k7m2p9x",
		"http://127.168.100.200:65535/k7m2p9x",
	};
	struct page p = { 0 };
	static struct grid g;
	int width, height;
	struct qr q;
	bool m;

	(void)state;
	for (size_t i = 0; i < sizeof(urls) / sizeof(urls[0]); i++) {
		struct vote_view vv = { urls[i], "Webcare", 1, 0 };

		assert_true(qr_encode(&q, urls[i]));
		m = q.ecc_m;
		assert_int_equal(q.version, 3);
		qr_free(&q);
		box_of(80, 24, &width, &height);
		screen_vote(&p, &vv, width, height, true);
		assert_true(widest(&p) <= width && (int)p.n <= height);
		read_code(&p, &g);
		check_code(&g, urls[i], m ? QR_ECLEVEL_M : QR_ECLEVEL_L);
		assert_true(page_contains(&p, urls[i]) && page_contains(&p, "1 vote"));
		page_clear(&p);
	}
}

/* The count: of the participants the session names, else the votes alone; in Dutch too. */
static void test_count_wording(void **state)
{
	const char *build = getenv("BUILD");
	char buf[96], dir[4096];

	(void)state;
	assert_string_equal(screen_vote_count(9, 14, buf, sizeof(buf)), "9 of 14 voted");
	assert_string_equal(screen_vote_count(9, 0, buf, sizeof(buf)), "9 votes");
	assert_string_equal(screen_vote_count(1, 0, buf, sizeof(buf)), "1 vote");
	if (!build) {
		skip();
		return;
	}
	snprintf(dir, sizeof(dir), "%s/locale", build);
	i18n_init("nl");
	bindtextdomain("meetlat", dir);
	assert_string_equal(screen_vote_count(9, 14, buf, sizeof(buf)), "9 van 14 gestemd");
	assert_string_equal(screen_vote_count(9, 0, buf, sizeof(buf)), "9 stemmen");
	assert_string_equal(screen_vote_count(1, 0, buf, sizeof(buf)), "1 stem");
	assert_string_equal(_("Vote on your phone"), "Stem met je telefoon");
	i18n_init("en");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_code_reads_back),
		cmocka_unit_test(test_level_m_when_it_fits),
		cmocka_unit_test(test_narrow_and_ascii),
		cmocka_unit_test(test_long_address),
		cmocka_unit_test(test_count_wording),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
