/* page_check.h - what a test asks of a page built by the screens (tui/page.h). */
#ifndef MEETLAT_TESTS_PAGE_CHECK_H
#define MEETLAT_TESTS_PAGE_CHECK_H

#include <stdbool.h>
#include <string.h>

#include "page.h"

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

#endif
