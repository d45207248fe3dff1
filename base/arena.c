/* arena.c - a bump allocator whose blocks are freed all at once. */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

enum { ARENA_BLOCK = 64 * 1024 };

struct block {
	struct block *next;
	size_t size, used;
	alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct block *head;
};

struct arena *arena_new(void)
{
	return mem.calloc(1, sizeof(struct arena));
}

/* Puts a fresh block of at least SIZE usable bytes at the head of A. */
static struct block *arena_grow(struct arena *a, size_t size)
{
	size_t usable = size > ARENA_BLOCK ? size : ARENA_BLOCK;
	struct block *b = mem.malloc(sizeof(*b) + usable);

	if (!b)
		return NULL;
	b->next = a->head;
	b->size = usable;
	b->used = 0;
	a->head = b;
	return b;
}

void *arena_alloc(struct arena *a, size_t size)
{
	const size_t align = alignof(max_align_t);
	struct block *b = a->head;
	size_t start;

	if (size > SIZE_MAX - align)
		return NULL;
	size = (size + align - 1) / align * align;
	if (!b || b->size - b->used < size) {
		b = arena_grow(a, size);
		if (!b)
			return NULL;
	}
	start = b->used;
	b->used += size;
	memset(b->data + start, 0, size);
	return b->data + start;
}

char *arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *copy;

	if (len == SIZE_MAX)
		return NULL;
	copy = arena_alloc(a, len + 1);
	if (copy) {
		memcpy(copy, s, len);
		copy[len] = '\0';
	}
	return copy;
}

void arena_free(struct arena *a)
{
	struct block *b, *next;

	if (!a)
		return;
	for (b = a->head; b; b = next) {
		next = b->next;
		mem.free(b);
	}
	mem.free(a);
}
