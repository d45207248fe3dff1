/* mem.c - the allocator of the layers below tui/, replaceable by tests (see mem.h). */
#include "mem.h"

#include <stdlib.h>
#include <string.h>

#define MEM_REAL {.malloc = malloc, .calloc = calloc, .realloc = realloc, .free = free}

static const struct mem mem_real = MEM_REAL;

struct mem mem = MEM_REAL;

void mem_reset(void)
{
	mem = mem_real;
}

char *mem_strdup(const char *text)
{
	size_t size = strlen(text) + 1;
	char *copy = mem.malloc(size);

	return copy ? memcpy(copy, text, size) : NULL;
}
