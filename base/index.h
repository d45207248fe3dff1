/* index.h - a hash index from names to numbers, kept in an arena: the loader's duplicate
 * checks and the lookups of ids take expected constant time, so loading stays linear. */
#ifndef MEETLAT_INDEX_H
#define MEETLAT_INDEX_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct name_index;

/* Returns an empty index for at most CAPACITY names, allocated in ARENA, or NULL when memory
 * is exhausted. */
struct name_index *name_index_new(struct arena *arena, size_t capacity);

/* Adds NAME (not copied: it must live as long as the index) with VALUE and returns true.
 * When NAME is already present, adds nothing and returns false with its value in *EARLIER;
 * when the index already holds CAPACITY names, returns false with *EARLIER = (size_t)-1. */
bool name_index_add(struct name_index *ix, const char *name, size_t value, size_t *earlier);

/* Returns true with the value of NAME in *VALUE when NAME is present. */
bool name_index_find(const struct name_index *ix, const char *name, size_t *value);

#endif
