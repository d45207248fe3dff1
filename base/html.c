/* html.c - the character references of html.h. */
#include "html.h"

#include <string.h>

/* The characters that need a reference, and their references, in the same order. */
static const char special[] = "&<>\"'";
static const char *const references[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&#39;" };

size_t html_plain_span(const char *text, size_t len)
{
	size_t n = 0;

	while (n < len && !html_reference(text[n]))
		n++;
	return n;
}

const char *html_reference(char c)
{
	const char *at = c ? strchr(special, c) : NULL;

	return at ? references[at - special] : NULL;
}

void html_escape_to(FILE *out, const char *text, size_t len)
{
	while (len) {
		size_t plain = html_plain_span(text, len);

		fwrite(text, 1, plain, out);
		text += plain;
		len -= plain;
		if (len) {
			fputs(html_reference(*text), out);
			text++;
			len--;
		}
	}
}
