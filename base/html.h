/* html.h - text made safe inside HTML: the five characters that HTML gives meaning (& < > " ')
 * replaced by character references, in an element's text and in a quoted attribute alike.
 * Every other byte is left as it is (the caller replaces control characters first). */
#ifndef MEETLAT_HTML_H
#define MEETLAT_HTML_H

#include <stddef.h>
#include <stdio.h>

/* Returns how many of the LEN bytes at TEXT come before the first that needs a reference
 * (LEN when none does). */
size_t html_plain_span(const char *text, size_t len);

/* Returns the reference that replaces C ("&amp;", "&lt;", "&gt;", "&quot;", "&#39;"), or NULL
 * when C needs none. */
const char *html_reference(char c);

/* Writes the LEN bytes at TEXT to OUT, each that needs one replaced by its reference. */
void html_escape_to(FILE *out, const char *text, size_t len);

#endif
