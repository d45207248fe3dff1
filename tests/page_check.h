/* page_check.h - what a test asks of a page built by the screens (tui/page.h). */
#ifndef MEETLAT_TESTS_PAGE_CHECK_H
#define MEETLAT_TESTS_PAGE_CHECK_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "utf8.h"

/* Returns true when one span of page P holds TEXT. */
static inline bool page_contains(const struct page *p, const char *text)
{
	for (size_t i = 0; i < p->n; i++)
		for (size_t k = 0; k < p->lines[i].n; k++) {
			const struct span *sp = &p->lines[i].spans[k];

			for (size_t at = 0; at + strlen(text) <= sp->len; at++)
				if (strncmp(sp->text + at, text, strlen(text)) == 0)
					return true;
		}
	return false;
}

/* Returns the text of line I of page P, its spans at their columns and spaces between them
 * (malloc'd; NULL when out of memory). */
static inline char *page_line_text(const struct page *p, size_t i)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&buf, &size);
	int col = 0;

	if (!out)
		return NULL;
	for (size_t k = 0; k < p->lines[i].n; k++) {
		const struct span *sp = &p->lines[i].spans[k];

		for (; col < sp->x; col++)
			fputc(' ', out);
		fwrite(sp->text, 1, sp->len, out);
		col += (int)utf8_width(sp->text, sp->len);
	}
	fclose(out);
	return buf;
}

#endif
