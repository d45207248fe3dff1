/* qr.c - a QR code of a text (libqrencode), drawn as half blocks. No curses. */
#include "qr.h"

#include <stdlib.h>
#include <string.h>

#include "qrlib.h"

/* Encodes TEXT at LEVEL in the smallest version that holds it; NULL when it cannot be. */
static QRcode *encode_at(const char *text, QRecLevel level)
{
	return qrlib.QRcode_encodeString8bit(text, 0, level);
}

bool qr_encode(struct qr *q, const char *text)
{
	QRcode *low, *medium = NULL, *code;

	memset(q, 0, sizeof(*q));
	if (!qrlib_load()) /* without the library the box shows the address alone */
		return false;
	low = encode_at(text, QR_ECLEVEL_L);
	if (!low)
		return false;
	medium = encode_at(text, QR_ECLEVEL_M);
	code = medium && medium->version == low->version ? medium : low;
	q->dark = malloc((size_t)code->width * (size_t)code->width * sizeof(*q->dark));
	if (q->dark) {
		q->size = code->width;
		q->version = code->version;
		q->ecc_m = code == medium;
		for (int i = 0; i < code->width * code->width; i++)
			q->dark[i] = code->data[i] & 1; /* bit 0: dark; the others say why */
	}
	qrlib.QRcode_free(low);
	if (medium)
		qrlib.QRcode_free(medium);
	return q->dark != NULL;
}

void qr_free(struct qr *q)
{
	free(q->dark);
	memset(q, 0, sizeof(*q));
}

int qr_cols(const struct qr *q, int quiet)
{
	return q->size + 2 * quiet;
}

int qr_lines(const struct qr *q, int quiet)
{
	return (q->size + 2 * quiet + 1) / 2;
}

/* Returns true when the module at X, Y of the code with QUIET modules of margin is dark
 * (the margin, and the half row below an odd height, are light). */
static bool dark_at(const struct qr *q, int quiet, int x, int y)
{
	x -= quiet;
	y -= quiet;
	return x >= 0 && y >= 0 && x < q->size && y < q->size && q->dark[y * q->size + x];
}

const char *qr_line(const struct qr *q, int quiet, int line, char *buf)
{
	static const char *const glyphs[4] = { " ", "▄", "▀", "█" }; /* by dark above, below */
	char *out = buf;

	for (int x = 0; x < qr_cols(q, quiet); x++) {
		const char *g = glyphs[dark_at(q, quiet, x, 2 * line) * 2 +
				       dark_at(q, quiet, x, 2 * line + 1)];
		size_t len = strlen(g);

		memcpy(out, g, len);
		out += len;
	}
	*out = '\0';
	return buf;
}
