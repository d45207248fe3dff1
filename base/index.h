/* index.h - a hash index from names to numbers, kept in an arena: the loader's duplicate
 * checks and the lookups of ids take expected constant time, so loading stays linear. */
#ifndef MEETLAT_INDEX_H
#define MEETLAT_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;

/* The layout is public only so that a generated content (content/gen_builtin.c) can hold its
 * indexes as static data; everything else uses the functions below. */
struct name_index_slot {
	const char *name; /* NULL: empty */
	size_t value;
};

struct name_index {
	struct name_index_slot *slots;
	size_t mask;            /* slots - 1; slots is a power of two, more than twice capacity */
	size_t count, capacity;
	uint64_t seed;          /* differs per index, so that colliding names cannot be prepared */
};

/* Returns an empty index for at most CAPACITY names, allocated in ARENA, or NULL when memory
 * is exhausted. */
struct name_index *name_index_new(struct arena *arena, size_t capacity);

/* As name_index_new, but hashing with the fixed SEED: for an index of known names that a build
 * writes out as data, the same on every build (no name is added to it later, so a fixed seed
 * lets no one prepare collisions). */
struct name_index *name_index_new_seeded(struct arena *arena, size_t capacity, uint64_t seed);

/* Adds NAME (not copied: it must live as long as the index) with VALUE and returns true.
 * When NAME is already present, adds nothing and returns false with its value in *EARLIER;
 * when the index already holds CAPACITY names, returns false with *EARLIER = (size_t)-1. */
bool name_index_add(struct name_index *ix, const char *name, size_t value, size_t *earlier);

/* Returns true with the value of NAME in *VALUE when NAME is present. */
bool name_index_find(const struct name_index *ix, const char *name, size_t *value);

#endif
