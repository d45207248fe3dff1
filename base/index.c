/* index.c - a hash index from names to numbers, kept in an arena (open addressing). */
#include "index.h"

#include <stdint.h>
#include <string.h>

#include "arena.h"

/* Returns the hash of NAME under SEED (FNV-1a, then a finalising mix). */
static uint64_t name_hash(const char *name, uint64_t seed)
{
	uint64_t h = 14695981039346656037u ^ seed;

	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdu;
	return h ^ (h >> 33);
}

struct name_index *name_index_new_seeded(struct arena *arena, size_t capacity, uint64_t seed)
{
	struct name_index *ix = arena_alloc(arena, sizeof(*ix));
	size_t slots = 8;

	while (slots / 2 <= capacity) {
		if (slots > SIZE_MAX / 2 / sizeof(struct name_index_slot))
			return NULL;
		slots *= 2;
	}
	if (!ix)
		return NULL;
	ix->slots = arena_alloc(arena, slots * sizeof(*ix->slots));
	if (!ix->slots)
		return NULL;
	ix->mask = slots - 1;
	ix->capacity = capacity;
	ix->seed = seed;
	return ix;
}

struct name_index *name_index_new(struct arena *arena, size_t capacity)
{
	struct name_index *ix = name_index_new_seeded(arena, capacity, 0);

	/* The address is randomised per run (ASLR); mixed, it makes a seed that a file cannot
	 * know in advance. */
	if (ix)
		ix->seed = name_hash("meetlat", (uint64_t)(uintptr_t)ix);
	return ix;
}

/* Returns the slot that holds NAME, or the empty slot where it would go. */
static struct name_index_slot *slot_of(const struct name_index *ix, const char *name)
{
	size_t i = (size_t)name_hash(name, ix->seed) & ix->mask;

	while (ix->slots[i].name && strcmp(ix->slots[i].name, name) != 0)
		i = (i + 1) & ix->mask;
	return &ix->slots[i];
}

bool name_index_add(struct name_index *ix, const char *name, size_t value, size_t *earlier)
{
	struct name_index_slot *s = slot_of(ix, name);

	if (s->name) {
		*earlier = s->value;
		return false;
	}
	if (ix->count == ix->capacity) {
		*earlier = (size_t)-1;
		return false;
	}
	s->name = name;
	s->value = value;
	ix->count++;
	return true;
}

bool name_index_find(const struct name_index *ix, const char *name, size_t *value)
{
	const struct name_index_slot *s = slot_of(ix, name);

	if (!s->name)
		return false;
	*value = s->value;
	return true;
}
