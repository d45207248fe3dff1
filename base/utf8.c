/* utf8.c - UTF-8 decoding, validation and the characters that must never reach a terminal. */
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "mem.h"

/* Returns the length of a sequence led by byte B, or 0 when B cannot lead one. */
static size_t utf8_sequence_length(unsigned char b)
{
	if (b < 0x80)
		return 1;
	if (b >= 0xC2 && b <= 0xDF)
		return 2;
	if (b >= 0xE0 && b <= 0xEF)
		return 3;
	if (b >= 0xF0 && b <= 0xF4)
		return 4;
	return 0;
}

size_t utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = utf8_sequence_length(u[0]);
	uint32_t c;

	*cp = UTF8_INVALID;
	if (n == 0 || n > len)
		return 1;
	if (n == 1) {
		*cp = u[0];
		return 1;
	}
	c = u[0] & (0x7F >> n);
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 1;
		c = (c << 6) | (u[i] & 0x3F);
	}
	/* Overlong forms, surrogates and values past U+10FFFF are invalid. */
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 1;
	*cp = c;
	return n;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t utf8_invalid_offset(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n;

		if ((unsigned char)s[i] < 0x80) { /* ASCII, most of any text: no decoding */
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_INVALID)
			return i;
		i += n;
	}
	return len;
}

bool utf8_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029 ||
	       cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

bool utf8_is_line_break(uint32_t cp)
{
	return (cp >= 0x0A && cp <= 0x0D) || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

size_t utf8_line_break_offset(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);

		if (utf8_is_line_break(cp))
			return i;
		i += n;
	}
	return len;
}

/* The characters of Unicode general category Cf, as ranges in order: from UnicodeData.txt of
 * Unicode 14.0, with U+13439..U+1343F, which Unicode 15.0 added. */
static const struct {
	uint32_t first, last;
} format_ranges[] = {
	{ 0x00AD, 0x00AD },   /* soft hyphen */
	{ 0x0600, 0x0605 },   /* Arabic number signs */
	{ 0x061C, 0x061C },   /* Arabic letter mark */
	{ 0x06DD, 0x06DD },   /* Arabic end of ayah */
	{ 0x070F, 0x070F },   /* Syriac abbreviation mark */
	{ 0x0890, 0x0891 },   /* Arabic pound and piastre marks above */
	{ 0x08E2, 0x08E2 },   /* Arabic disputed end of ayah */
	{ 0x180E, 0x180E },   /* Mongolian vowel separator */
	{ 0x200B, 0x200F },   /* zero width space, non-joiner, joiner; LRM, RLM */
	{ 0x202A, 0x202E },   /* bidirectional embeddings and overrides */
	{ 0x2060, 0x2064 },   /* word joiner, invisible operators */
	{ 0x2066, 0x206F },   /* bidirectional isolates; deprecated format characters */
	{ 0xFEFF, 0xFEFF },   /* zero width no-break space (byte order mark) */
	{ 0xFFF9, 0xFFFB },   /* interlinear annotation */
	{ 0x110BD, 0x110BD }, /* Kaithi number sign */
	{ 0x110CD, 0x110CD }, /* Kaithi number sign above */
	{ 0x13430, 0x1343F }, /* Egyptian hieroglyph format controls */
	{ 0x1BCA0, 0x1BCA3 }, /* shorthand format controls */
	{ 0x1D173, 0x1D17A }, /* musical symbol beams, ties, slurs, phrases */
	{ 0xE0001, 0xE0001 }, /* language tag */
	{ 0xE0020, 0xE007F }, /* tag characters */
};

bool utf8_is_format(uint32_t cp)
{
	size_t lo = 0, hi = sizeof(format_ranges) / sizeof(format_ranges[0]);

	while (lo < hi) { /* binary search for the range that could hold CP */
		size_t mid = lo + (hi - lo) / 2;

		if (cp < format_ranges[mid].first)
			hi = mid;
		else if (cp > format_ranges[mid].last)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

int utf8_columns(uint32_t cp)
{
	int w;

	if (cp < 0x7F || cp == UTF8_INVALID || utf8_is_control(cp))
		return 1;
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

size_t utf8_count(const char *s, size_t len)
{
	size_t count = 0;

	for (size_t i = 0; i < len; count++) {
		uint32_t cp;

		i += utf8_decode(s + i, len - i, &cp);
	}
	return count;
}

/* The Latin letters U+00C0..U+00FF without their accents (× and ÷ as x and /). */
static const char *const latin1[64] = {
	"A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
	"D", "N", "O", "O", "O", "O", "O", "x", "O", "U", "U", "U", "U", "Y", "TH", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y",
};

const char *utf8_ascii(uint32_t cp, char one[2])
{
	if (cp < 0x80) {
		one[0] = (char)cp;
		one[1] = '\0';
		return one;
	}
	if (cp >= 0xC0 && cp <= 0xFF)
		return latin1[cp - 0xC0];
	if (cp >= 0x2010 && cp <= 0x2015)
		return "-";
	if (cp == 0x2018 || cp == 0x2019 || cp == 0x201A)
		return "'";
	if (cp == 0x201C || cp == 0x201D || cp == 0x201E)
		return "\"";
	if (cp == 0x2026)
		return "...";
	if (cp == 0xA0)
		return " ";
	return "?";
}

size_t utf8_ascii_span(const char *s, size_t len)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		/* some byte is below 0x20 ("has less"), or above 0x7E ("has more": adding 1 or
		 * the byte itself sets the high bit); exact for the question "any byte?" */
		if ((((w - 0x20 * ones) & ~w) | (w + ones) | w) & highs)
			break;
	}
	while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F)
		i++;
	return i;
}

char *utf8_sanitize(const char *s, size_t len, bool keep_newline, char replacement)
{
	char *out = mem.malloc(len + 1);

	return out ? utf8_sanitize_into(out, s, len, keep_newline, replacement) : NULL;
}

char *utf8_sanitize_into(char *out, const char *s, size_t len, bool keep_newline,
			 char replacement)
{
	size_t o = 0;

	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n;

		n = utf8_ascii_span(s + i, len - i);
		if (n) { /* printable ASCII, most of any text, is copied as it is */
			memmove(out + o, s + i, n);
			o += n;
			i += n;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_INVALID)
			out[o++] = replacement;
		else if (cp == '\n' && keep_newline)
			out[o++] = '\n';
		else if (cp == '\t')
			out[o++] = ' ';
		else if (utf8_is_control(cp))
			out[o++] = replacement;
		else if (utf8_is_format(cp))
			; /* invisible: left out */
		else
			for (size_t k = 0; k < n; k++)
				out[o++] = s[i + k];
		i += n;
	}
	out[o] = '\0';
	return out;
}

size_t utf8_width(const char *s, size_t len)
{
	size_t width = 0;

	for (size_t i = 0; i < len;) {
		uint32_t cp;

		i += utf8_decode(s + i, len - i, &cp);
		width += (size_t)utf8_columns(cp);
	}
	return width;
}
