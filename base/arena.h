/* arena.h - a bump allocator whose blocks are freed all at once. */
#ifndef MEETLAT_ARENA_H
#define MEETLAT_ARENA_H

#include <stddef.h>

struct arena;

/* Returns a new empty arena, or NULL when memory is exhausted. */
struct arena *arena_new(void);

/* Returns SIZE zeroed bytes aligned for any object, or NULL when memory is exhausted. */
void *arena_alloc(struct arena *a, size_t size);

/* Returns a NUL-terminated copy of the LEN bytes at S, or NULL when memory is exhausted. */
char *arena_strndup(struct arena *a, const char *s, size_t len);

/* Frees the arena and everything allocated in it; NULL is allowed. */
void arena_free(struct arena *a);

#endif
