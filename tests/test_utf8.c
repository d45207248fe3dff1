/* test_utf8.c - UTF-8 decoding and sanitising, SHA-256 test vectors, formatted messages. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "mem.h"
#include "sha256.h"
#include "utf8.h"

/* Decodes the LEN bytes at S and asserts that the first character is WANT, taking USED bytes. */
static void expect_decode(const char *s, size_t len, uint32_t want, size_t used)
{
	uint32_t cp = 0;

	assert_int_equal(utf8_decode(s, len, &cp), used);
	assert_int_equal(cp, want);
}

/* Asserts that the LEN bytes at S are refused: UTF8_INVALID, one byte consumed. */
static void expect_invalid(const char *s, size_t len)
{
	expect_decode(s, len, UTF8_INVALID, 1);
	assert_int_equal(utf8_invalid_offset(s, len), 0);
}

/* Valid characters of every length decode, up to the boundaries. */
static void test_decode_valid(void **state)
{
	(void)state;
	expect_decode("A", 1, 'A', 1);
	expect_decode("\x7f", 1, 0x7F, 1);
	expect_decode("\xc2\x80", 2, 0x80, 2);
	expect_decode("\xc3\xa9", 2, 0xE9, 2);        /* é */
	expect_decode("\xdf\xbf", 2, 0x7FF, 2);
	expect_decode("\xe0\xa0\x80", 3, 0x800, 3);
	expect_decode("\xe2\x80\x93", 3, 0x2013, 3);  /* – */
	expect_decode("\xef\xbf\xbf", 3, 0xFFFF, 3);
	expect_decode("\xf0\x90\x80\x80", 4, 0x10000, 4);
	expect_decode("\xf0\x9f\x98\x80", 4, 0x1F600, 4);
	expect_decode("\xf4\x8f\xbf\xbf", 4, 0x10FFFF, 4);
	expect_decode("\xc3\xa9rest", 6, 0xE9, 2);    /* only the first character */
}

/* Overlong forms are refused. */
static void test_decode_overlong(void **state)
{
	(void)state;
	expect_invalid("\xc0\xaf", 2);             /* '/' in two bytes */
	expect_invalid("\xc1\xbf", 2);
	expect_invalid("\xe0\x80\xaf", 3);         /* '/' in three bytes */
	expect_invalid("\xe0\x9f\xbf", 3);         /* U+07FF in three bytes */
	expect_invalid("\xf0\x80\x80\xaf", 4);     /* '/' in four bytes */
	expect_invalid("\xf0\x8f\xbf\xbf", 4);     /* U+FFFF in four bytes */
}

/* Surrogates and values past U+10FFFF are refused. */
static void test_decode_surrogates_and_range(void **state)
{
	(void)state;
	expect_invalid("\xed\xa0\x80", 3); /* U+D800 */
	expect_invalid("\xed\xaf\xbf", 3); /* U+DBFF */
	expect_invalid("\xed\xb0\x80", 3); /* U+DC00 */
	expect_invalid("\xed\xbf\xbf", 3); /* U+DFFF */
	expect_decode("\xed\x9f\xbf", 3, 0xD7FF, 3);
	expect_decode("\xee\x80\x80", 3, 0xE000, 3);
	expect_invalid("\xf4\x90\x80\x80", 4); /* U+110000 */
	expect_invalid("\xf5\x80\x80\x80", 4);
	expect_invalid("\xf7\xbf\xbf\xbf", 4);
	expect_invalid("\xf8\x88\x80\x80\x80", 5);
	expect_invalid("\xff", 1);
	expect_invalid("\xfe", 1);
}

/* Sequences cut short, by the length or by a foreign byte, are refused. */
static void test_decode_truncated(void **state)
{
	(void)state;
	expect_invalid("\xc3", 1);
	expect_invalid("\xe2\x80", 2);
	expect_invalid("\xf0\x9f\x98", 3);
	/* The length given is what counts, not what follows in memory. */
	expect_invalid("\xc3\xa9", 1);
	expect_invalid("\xf0\x9f\x98\x80", 3);
	/* A lead byte followed by something that does not continue it. */
	expect_invalid("\xc3" "A", 2);
	expect_invalid("\xe2\x80" "A", 3);
	expect_invalid("\x80", 1); /* a lone continuation byte */
}

/* The first invalid byte is found; characters are counted. */
static void test_invalid_offset_and_count(void **state)
{
	(void)state;
	assert_int_equal(utf8_invalid_offset("caf\xc3\xa9", 5), 5);
	assert_int_equal(utf8_invalid_offset("caf\xc3", 4), 3);
	assert_int_equal(utf8_invalid_offset("ab\xed\xa0\x80", 5), 2);
	assert_int_equal(utf8_invalid_offset("", 0), 0);
	assert_int_equal(utf8_count("caf\xc3\xa9 \xf0\x9f\x98\x80", 10), 6);
	assert_int_equal(utf8_count("a\xff\xfe", 3), 3);
}

/* What utf8_encode writes decodes to the same character. */
static void test_encode_round_trip(void **state)
{
	static const uint32_t cps[] = { 0, 'a', 0x7F, 0x80, 0x7FF, 0x800, 0x2013, 0xFFFF,
					0x10000, 0x1F600, 0x10FFFF };
	char out[4];

	(void)state;
	for (size_t i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		size_t n = utf8_encode(cps[i], out);

		expect_decode(out, n, cps[i], n);
	}
	assert_int_equal(utf8_encode(0x2013, out), 3);
	assert_memory_equal(out, "\xe2\x80\x93", 3);
}

/* Sanitises the LEN bytes at S and asserts the result is WANT. */
static void expect_sanitized(const char *s, size_t len, bool keep_newline, const char *want)
{
	char *got = utf8_sanitize(s, len, keep_newline, '?');

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

/* Sanitises the string literal S (which may hold NUL bytes) and asserts the result is WANT. */
#define SANITIZED(s, keep_newline, want) expect_sanitized(s, sizeof(s) - 1, keep_newline, want)

/* Every character that controls a terminal is replaced; text is kept. */
static void test_sanitize(void **state)
{
	(void)state;
	SANITIZED("plain caf\xc3\xa9 \xe2\x80\x93 \xf0\x9f\x98\x80", false, "plain café – 😀");
	SANITIZED("a\x1b]0;t\x07z", false, "a?]0;t?z"); /* C0: ESC, BEL */
	SANITIZED("a\x00z", false, "a?z"); /* NUL */
	SANITIZED("a\x7fz", false, "a?z"); /* DEL */
	SANITIZED("a\xc2\x9b" "31mz", false, "a?31mz"); /* C1 CSI, U+009B */
	SANITIZED("a\xc2\x85z", false, "a?z"); /* C1 NEL */
	SANITIZED("a\xe2\x80\xaez", false, "a?z"); /* U+202E RLO */
	SANITIZED("a\xe2\x80\xaaz", false, "a?z"); /* U+202A LRE */
	SANITIZED("a\xe2\x81\xa6z", false, "a?z"); /* U+2066 LRI */
	SANITIZED("a\xe2\x81\xa9z", false, "a?z"); /* U+2069 PDI */
	SANITIZED("a\xe2\x80\xa8z", false, "a?z"); /* U+2028 */
	SANITIZED("a\xe2\x80\xa9z", false, "a?z"); /* U+2029 */
	SANITIZED("a\xff\xc3z", false, "a??z"); /* invalid bytes */
	SANITIZED("a\tb", false, "a b");
	SANITIZED("a\nb\r\n", false, "a?b??");
	SANITIZED("a\nb\r\n", true, "a\nb?\n");
	SANITIZED("", true, "");
}

/* Which characters count as controls. */
static void test_is_control(void **state)
{
	(void)state;
	assert_true(utf8_is_control(0x00));
	assert_true(utf8_is_control(0x1F));
	assert_true(utf8_is_control(0x7F));
	assert_true(utf8_is_control(0x80));
	assert_true(utf8_is_control(0x9B));
	assert_true(utf8_is_control(0x9F));
	assert_true(utf8_is_control(0x202E));
	assert_true(utf8_is_control(0x2068));
	assert_false(utf8_is_control(' '));
	assert_false(utf8_is_control(0xA0));
	assert_false(utf8_is_control(0xE9));
	assert_false(utf8_is_control(0x2013));
	assert_false(utf8_is_control(0x2018));
}

/* Format characters (category Cf) are left out of what is drawn and exported; the
 * bidirectional controls among them are replaced, as before; their neighbours stay. */
static void test_sanitize_format(void **state)
{
	(void)state;
	SANITIZED("a\xe2\x80\x8b" "b", false, "ab");          /* U+200B zero width space */
	SANITIZED("a\xe2\x80\x8c\xe2\x80\x8d" "b", false, "ab"); /* U+200C, U+200D */
	SANITIZED("a\xe2\x81\xa0\xe2\x81\xa4" "b", false, "ab"); /* U+2060 WJ, U+2064 */
	SANITIZED("a\xef\xbb\xbf" "b", false, "ab");          /* U+FEFF */
	SANITIZED("Social\xc2\xad" "media", false, "Socialmedia"); /* U+00AD soft hyphen */
	SANITIZED("a\xe1\xa0\x8e" "b", false, "ab");          /* U+180E */
	SANITIZED("a\xd8\x80" "b", false, "ab");               /* U+0600 */
	SANITIZED("a\xf3\xa0\x80\x81\xf3\xa0\x81\x81\xf3\xa0\x81\xbf" "b", false,
		  "ab"); /* tags U+E0001, U+E0041, U+E007F */
	SANITIZED("a\xe2\x80\x8b\nb", true, "a\nb");
	SANITIZED("a\xe2\x80\x8f" "b", false, "a?b");         /* U+200F RLM: bidi, replaced */
	SANITIZED("a\xd8\x9c" "b", false, "a?b");              /* U+061C ALM: bidi, replaced */
	SANITIZED("a\xe2\x80\x8a\xe2\x80\x90\xc2\xac\xc2\xae" "b", false,
		  "a\xe2\x80\x8a\xe2\x80\x90\xc2\xac\xc2\xae" "b"); /* U+200A, U+2010, ¬, ® */
}

/* utf8_is_format holds for exactly the 170 characters of category Cf (Unicode 15.0), among
 * them the edges of their ranges, and for none of the characters beside those edges. */
static void test_is_format(void **state)
{
	static const uint32_t format[] = { 0xAD,    0x600,   0x605,   0x61C,   0x6DD,   0x70F,
					   0x890,   0x891,   0x8E2,   0x180E,  0x200B,  0x200F,
					   0x202A,  0x202E,  0x2060,  0x2064,  0x2066,  0x206F,
					   0xFEFF,  0xFFF9,  0xFFFB,  0x110BD, 0x110CD, 0x13430,
					   0x1343F, 0x1BCA0, 0x1BCA3, 0x1D173, 0x1D17A, 0xE0001,
					   0xE0020, 0xE007F };
	static const uint32_t other[] = { 0xAC,    0xAE,    0x5FF,   0x606,   0x61B,   0x61D,
					  0x88F,   0x892,   0x180D,  0x180F,  0x200A,  0x2010,
					  0x2029,  0x202F,  0x205F,  0x2065,  0x2070,  0xFEFE,
					  0xFF00,  0xFFF8,  0xFFFC,  0x13440, 0x1D172, 0x1D17B,
					  0xE0000, 0xE0002, 0xE001F, 0xE0080, 'a',     0x20 };
	size_t count = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(format) / sizeof(format[0]); i++)
		assert_true(utf8_is_format(format[i]));
	for (size_t i = 0; i < sizeof(other) / sizeof(other[0]); i++)
		assert_false(utf8_is_format(other[i]));
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++)
		count += utf8_is_format(cp);
	assert_int_equal(count, 170);
}

/* Every kind of line break is found, the first one counts; invalid bytes are none. */
static void test_line_breaks(void **state)
{
	static const char *const breaks[] = { "ab\ncd", "ab\rcd", "ab\vcd", "ab\fcd",
					      "ab\xc2\x85", "ab\xe2\x80\xa8", "ab\xe2\x80\xa9" };

	(void)state;
	for (size_t i = 0; i < sizeof(breaks) / sizeof(breaks[0]); i++)
		assert_int_equal(utf8_line_break_offset(breaks[i], strlen(breaks[i])), 2);
	assert_int_equal(utf8_line_break_offset("caf\xc3\xa9 \xff\t\xe2\x80\xa7", 11), 11);
	assert_int_equal(utf8_line_break_offset("\xc3\xa9\r\n", 4), 2);
	assert_int_equal(utf8_line_break_offset("", 0), 0);
	assert_false(utf8_is_line_break('\t'));
	assert_false(utf8_is_line_break(0x84));
	assert_true(utf8_is_line_break(0x85));
}

/* Asserts that the SHA-256 of the LEN bytes at DATA is WANT. */
static void expect_sha256(const void *data, size_t len, const char *want)
{
	char hex[SHA256_HEX];

	sha256_hex(data, len, hex);
	assert_string_equal(hex, want);
}

/* The FIPS 180-2 test vectors, the million 'a' included. */
static void test_sha256_vectors(void **state)
{
	enum { MILLION = 1000000 };
	char *a = malloc(MILLION);

	(void)state;
	assert_non_null(a);
	expect_sha256("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	expect_sha256("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	expect_sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
		      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	memset(a, 'a', MILLION);
	expect_sha256(a, MILLION, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(a);
}

/* A SHA-256 written as sha256_hex writes it is valid; one digit too few or too many, an
 * upper-case digit or another character is not. */
static void test_sha256_hex_valid(void **state)
{
	char hex[SHA256_HEX];

	(void)state;
	sha256_hex("abc", 3, hex);
	assert_true(sha256_hex_valid(hex));
	assert_false(sha256_hex_valid(""));
	hex[63] = '\0';
	assert_false(sha256_hex_valid(hex));
	sha256_hex("abc", 3, hex);
	hex[0] = 'B';
	assert_false(sha256_hex_valid(hex));
	hex[0] = 'g';
	assert_false(sha256_hex_valid(hex));
	assert_false(sha256_hex_valid("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0"));
}

/* mem_strdup copies through the allocator table: the copy is equal and its own. */
static void test_mem_strdup(void **state)
{
	const char text[] = "Webcare inrichten";
	char *copy = mem_strdup(text);

	(void)state;
	assert_non_null(copy);
	assert_string_equal(copy, text);
	assert_ptr_not_equal(copy, text);
	mem.free(copy);
}

/* Messages read "file:line:column: message", defused and bounded. */
static void test_diag_format(void **state)
{
	char buf[DIAG_FILE_MAX + DIAG_MESSAGE_MAX + 64];
	struct diag d;

	(void)state;
	diag_set(&d, "t.yaml", 3, 1, "duplicate key '%s' (first at %u:%u)", "id", 2u, 1u);
	assert_string_equal(diag_format(&d, buf, sizeof(buf)),
			    "t.yaml:3:1: duplicate key 'id' (first at 2:1)");
	diag_set(&d, "dir", 0, 0, "is a directory, not a file");
	assert_string_equal(diag_format(&d, buf, sizeof(buf)), "dir: is a directory, not a file");
	/* A file name or message holding escape sequences cannot reach the terminal raw. */
	diag_set(&d, "\x1b]0;pwned\x07.yaml", 1, 2, "bad \x1b[2J\xc2\x9b" "1m\n");
	assert_string_equal(diag_format(&d, buf, sizeof(buf)), "?]0;pwned?.yaml:1:2: bad ?[2J?1m?");
	/* A small buffer is filled, not overrun. */
	diag_set(&d, "t.yaml", 1, 1, "message");
	assert_string_equal(diag_format(&d, buf, 8), "t.yaml:");
}

/* Display columns: 1 for ASCII, Latin letters, controls and invalid bytes (shown replaced), 2
 * for wide characters, 0 for combining ones (in a UTF-8 locale). */
static void test_columns(void **state)
{
	(void)state;
	assert_non_null(setlocale(LC_CTYPE, "C.UTF-8"));
	assert_int_equal(utf8_columns('a'), 1);
	assert_int_equal(utf8_columns(0xE9), 1);    /* é */
	assert_int_equal(utf8_columns(0x1B), 1);    /* ESC, shown replaced */
	assert_int_equal(utf8_columns(0x9B), 1);    /* C1 CSI */
	assert_int_equal(utf8_columns(UTF8_INVALID), 1);
	assert_int_equal(utf8_columns(0x65E5), 2);  /* 日 */
	assert_int_equal(utf8_columns(0x1F600), 2); /* an emoji */
	assert_int_equal(utf8_columns(0x0308), 0);  /* combining diaeresis */
	/* A text's width is the sum: "ge\u00EBe\u0308" is 4 columns, "\u65E5x" 3. */
	assert_int_equal(utf8_width("ge\xC3\xAB" "e\xCC\x88", 7), 4);
	assert_int_equal(utf8_width("\xE6\x97\xA5x", 4), 3);
	assert_int_equal(utf8_width("", 0), 0);
	assert_non_null(setlocale(LC_CTYPE, "C"));
}

/* The printable-ASCII span read eight bytes at a time ends where a byte-by-byte reading ends:
 * every byte value at every place of texts of 1 to 24 bytes. */
static void test_ascii_span(void **state)
{
	char text[24];

	(void)state;
	for (size_t len = 1; len <= sizeof(text); len++)
		for (size_t at = 0; at < len; at++)
			for (int b = 0; b < 256; b++) {
				size_t expected = at;

				memset(text, 'a', sizeof(text));
				text[at] = (char)b;
				if (b >= 0x20 && b <= 0x7E)
					expected = len;
				assert_int_equal(utf8_ascii_span(text, len), expected);
			}
	assert_int_equal(utf8_ascii_span("~ }\x7f", 4), 3);
	assert_int_equal(utf8_ascii_span("", 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_valid),
		cmocka_unit_test(test_decode_overlong),
		cmocka_unit_test(test_decode_surrogates_and_range),
		cmocka_unit_test(test_decode_truncated),
		cmocka_unit_test(test_invalid_offset_and_count),
		cmocka_unit_test(test_encode_round_trip),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_is_control),
		cmocka_unit_test(test_sanitize_format),
		cmocka_unit_test(test_is_format),
		cmocka_unit_test(test_line_breaks),
		cmocka_unit_test(test_ascii_span),
		cmocka_unit_test(test_columns),
		cmocka_unit_test(test_sha256_vectors),
		cmocka_unit_test(test_sha256_hex_valid),
		cmocka_unit_test(test_mem_strdup),
		cmocka_unit_test(test_diag_format),
	};

	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
