/* qr.h - a QR code of a text (libqrencode), drawn as half blocks: each line of text shows
 * two rows of modules. No curses. */
#ifndef MEETLAT_QR_H
#define MEETLAT_QR_H

#include <stdbool.h>
#include <stddef.h>

enum {
	QR_QUIET = 4,     /* the light margin round the code that the standard asks for */
	QR_QUIET_MIN = 2, /* the margin used when the standard's does not fit; phones read it */
	QR_LINE_SIZE = 3 * (177 + 2 * QR_QUIET) + 1, /* a line of the largest code, in UTF-8 */
};

/* The modules of a code: SIZE x SIZE, dark[y * size + x] true for a dark module. */
struct qr {
	int size;
	int version; /* 1-40 */
	bool ecc_m;  /* error correction M, else L */
	bool *dark;
};

/* Encodes TEXT (as bytes) in the smallest version that holds it at error correction level
 * L, with M instead when M fits in that same version; false when it cannot be encoded or
 * libqrencode cannot be loaded (tui/qrlib.h). */
bool qr_encode(struct qr *q, const char *text);

/* Releases what Q holds. */
void qr_free(struct qr *q);

/* Returns the columns the code takes with QUIET modules of margin on each side. */
int qr_cols(const struct qr *q, int quiet);

/* Returns the lines of text the code takes with QUIET modules of margin (two rows a line). */
int qr_lines(const struct qr *q, int quiet);

/* Writes line LINE (0 .. qr_lines - 1) of the code with QUIET modules of margin into BUF (at
 * least QR_LINE_SIZE bytes), one character a column: the ink of a glyph is dark, the cell
 * behind it light ("▀" dark above, "▄" dark below, "█" both, " " neither), so that the line
 * is drawn dark on light (STYLE_CODE). Returns BUF. */
const char *qr_line(const struct qr *q, int quiet, int line, char *buf);

#endif
