/* keys_man.c - prints the key section of meetlat(1), or of a translation of it, generated from
 * the table of bindings (tui/actions.c):
 *
 *   keys_man            the section of man/meetlat.1, in English as the table holds it
 *   keys_man LANG DIR   the section of man/LANG/meetlat.1: headings, key names and descriptions
 *                       translated by the catalogue DIR/LANG/LC_MESSAGES/meetlat.mo
 *
 * Exit status 0; 1 when that catalogue cannot be loaded (the page would silently stay English)
 * or the output cannot be written; 2 on wrong usage. */
#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "i18n.h"
#include "utf8.h"

enum { DESCRIPTION_SIZE = 1024 };

/* Speaks LANG with the catalogues of DIR; false (after saying why) when meetlat does not speak
 * LANG or DIR holds no catalogue for it. */
static bool speak(const char *lang, const char *dir)
{
	static const char header_msgid[] = ""; /* a loaded catalogue translates it into its header */

	setlocale(LC_ALL, "");
	i18n_init(lang);
	bindtextdomain("meetlat", dir);
	bind_textdomain_codeset("meetlat", "UTF-8");
	textdomain("meetlat");
	if (strcmp(i18n_language(), lang) != 0) {
		fprintf(stderr, "keys_man: meetlat does not speak %s\n", lang);
		return false;
	}
	if (!*gettext(header_msgid)) {
		fprintf(stderr, "keys_man: no catalogue for %s in %s\n", lang, dir);
		return false;
	}
	return true;
}

/* Writes the roff name of the character at TEXT (LEN > 0 bytes) to OUT and returns the bytes it
 * took: arrows and dashes as roff glyphs, other non-ASCII characters as \[uXXXX] (the page stays
 * ASCII, as groff without preconv reads it), a backslash as \e, a '-' in KEYS as a minus, a '"'
 * in KEYS (a quoted argument) as \(dq; other characters as they are. */
static size_t write_roff_char(FILE *out, const char *text, size_t len, bool keys)
{
	static const struct { const char *utf8, *roff; } glyphs[] = {
		{ "←", "\\(<-" }, { "→", "\\(->" }, { "↑", "\\(ua" }, { "↓", "\\(da" },
		{ "–", "\\(en" }, { "\\", "\\e" },
	};
	uint32_t cp;
	size_t n;

	for (size_t g = 0; g < sizeof(glyphs) / sizeof(glyphs[0]); g++) {
		n = strlen(glyphs[g].utf8);
		if (n <= len && strncmp(text, glyphs[g].utf8, n) == 0) {
			fputs(glyphs[g].roff, out);
			return n;
		}
	}
	n = utf8_decode(text, len, &cp);
	if (cp >= 0x80 && cp != UTF8_INVALID)
		fprintf(out, "\\[u%04X]", (unsigned)cp);
	else if (keys && *text == '"')
		fputs("\\(dq", out);
	else
		fprintf(out, "%s%c", keys && *text == '-' ? "\\" : "", *text);
	return n;
}

/* Writes TEXT to OUT for roff, as write_roff_char says; a text line (not KEYS) that would start
 * with a control character ('.' or '\'') starts with \& instead. */
static void write_roff(FILE *out, const char *text, bool keys)
{
	size_t len = strlen(text);

	if (!keys && (*text == '.' || *text == '\''))
		fputs("\\&", out);
	for (size_t at = 0; at < len;)
		at += write_roff_char(out, text + at, len - at, keys);
}

/* Writes B's description, in the language spoken, as a roff text line to OUT; false when it is
 * too long to compose. */
static bool write_description(FILE *out, const struct binding *b)
{
	char text[DESCRIPTION_SIZE];
	/* TRANSLATORS: the description (%s) of a key that changes the session, in the key table of
	 * the manual page meetlat(1): such a key does nothing in a read-only review. */
	int n = snprintf(text, sizeof(text), b->edits ? _("%s (not in --review)") : "%s", _(b->help));

	if (n < 0 || (size_t)n >= sizeof(text))
		return false;
	write_roff(out, text, false);
	fputc('\n', out);
	return true;
}

/* Writes the key section (roff), in the language spoken, to OUT; false when a description is
 * too long to compose. */
static bool write_keys(FILE *out)
{
	size_t n;
	const struct binding *b = bindings(&n);
	const char *section = "";

	for (size_t i = 0; i < n; i++) {
		char keys[BINDING_NAMES_SIZE];

		if (strcmp(section, b[i].section) != 0) {
			section = b[i].section;
			fputs(".SS ", out);
			write_roff(out, _(section), false);
			fputc('\n', out);
		}
		fputs(".TP\n.B \"", out);
		write_roff(out, binding_keys(&b[i], keys), true);
		fputs("\"\n", out);
		if (!write_description(out, &b[i]))
			return false;
	}
	return true;
}

int main(int argc, char **argv)
{
	if (argc != 1 && argc != 3) {
		fputs("usage: keys_man [LANG LOCALEDIR]\n", stderr);
		return 2;
	}
	if (argc == 3 && !speak(argv[1], argv[2]))
		return 1;
	if (!write_keys(stdout)) {
		fputs("keys_man: a description is too long\n", stderr);
		return 1;
	}
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
