/* hostile_strings.h - texts that a careless YAML writer changes on the way to a reader (a
 * boolean, a null, a number, a date, a comment, a key, a folded line...). The tests put them in
 * a session and expect exactly them back. */
#ifndef MEETLAT_TESTS_HOSTILE_STRINGS_H
#define MEETLAT_TESTS_HOSTILE_STRINGS_H

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static const char *const hostile_strings[] = {
	"yes",
	"no",
	"Yes",
	"NO",
	"on",
	"off",
	"y",
	"n",
	"true",
	"False",
	"null",
	"Null",
	"~",
	"0123",
	"0o17",
	"0x1F",
	"3.14",
	"1e3",
	"-1",
	"+1",
	".inf",
	"-.inf",
	".NaN",
	"12:30:00",
	"2024-01-01",
	"2024-01-01T10:00:00Z",
	"#",
	"# not a comment",
	"a #b",
	": ",
	"a: b",
	"key: value",
	"- x",
	"-",
	"--- ",
	"...",
	"? x",
	"'",
	"\"",
	"''",
	"\"\"",
	"\\",
	"\\n",
	"%YAML 1.2",
	"!tag",
	"!!str",
	"&anchor",
	"*alias",
	"@at",
	"`tick",
	"|",
	">",
	"{ a: b }",
	"[1, 2]",
	",",
	"a, b",
	"line\nbreak",
	"two\n\nparagraphs\n",
	"\n",
	"\r\n",
	"cr\rhere",
	"\ttab",
	"tab\tinside",
	"\x1b[31mred\x1b[0m",
	"del\x7f",
	"bell\x07",
	"één",
	"–",
	"‘quoted’",
	"café",
	"Ω≈ç√",
	"😀 emoji",
	"日本語",
	"\xc2\x85nel",
	"line\xe2\x80\xa8sep",
	"para\xe2\x80\xa9sep",
	"\xef\xbb\xbf"
	"bom",
	"\xe2\x80\xae"
	"rtl",
	"  leading",
	"trailing  ",
	" ",
	"",
	"a\\\"b'c\"d",
};

enum {
	HOSTILE_COUNT = sizeof(hostile_strings) / sizeof(hostile_strings[0]),
	HOSTILE_LONG_BYTES = 10 * 1024
};

/* Returns true when TEXT may be a one-line field (organisation, owner, ...): it holds no line
 * break of any kind (utf8_is_line_break). */
static inline bool hostile_one_line(const char *text)
{
	return utf8_line_break_offset(text, strlen(text)) == strlen(text);
}

/* Returns a malloc'd text of HOSTILE_LONG_BYTES bytes made of hostile pieces (NULL when memory
 * is exhausted); MULTILINE keeps its line breaks. */
static inline char *hostile_long(bool multiline)
{
	static const char piece[] = "één: - #x 'q' \"d\" \\ \t ~ yes\n";
	char *text = malloc(HOSTILE_LONG_BYTES + 1);
	size_t len = strlen(piece);

	if (!text)
		return NULL;
	for (size_t i = 0; i < HOSTILE_LONG_BYTES; i++) {
		char c = piece[i % len];

		text[i] = c == '\n' && !multiline ? ' ' : c;
	}
	/* End on an ASCII byte, so that no character is cut in two. */
	for (size_t end = HOSTILE_LONG_BYTES; end > 0; end--) {
		text[end] = '\0';
		if ((unsigned char)text[end - 1] < 0x80)
			break;
	}
	return text;
}

#endif
