/* keymap.c - the string map of keymap.h: open addressing, linear probing, FNV-1a. */
#include "keymap.h"

#include <stdint.h>
#include <string.h>

#include "mem.h"

/* Returns the FNV-1a hash of KEY. */
static uint64_t hash(const char *key)
{
	uint64_t h = 14695981039346656037u;

	for (; *key; key++)
		h = (h ^ (unsigned char)*key) * 1099511628211u;
	return h;
}

/* Returns the slot of KEY in M: where it is, or the empty slot where it belongs. */
static size_t slot_of(const struct keymap *m, const char *key)
{
	size_t at = (size_t)hash(key) & m->mask;

	while (m->slots[at] && strcmp(m->keys[m->slots[at] - 1], key) != 0)
		at = (at + 1) & m->mask;
	return at;
}

/* Doubles the slots of M (or makes the first 16), placing every key anew. */
static bool grow_slots(struct keymap *m)
{
	size_t n = m->slots ? 2 * (m->mask + 1) : 16;
	size_t *old = m->slots;

	m->slots = mem.calloc(n, sizeof(*m->slots));
	if (!m->slots) {
		m->slots = old;
		return false;
	}
	mem.free(old);
	m->mask = n - 1;
	for (size_t i = 0; i < m->count; i++)
		m->slots[slot_of(m, m->keys[i])] = i + 1;
	return true;
}

long keymap_find(const struct keymap *m, const char *key)
{
	size_t at;

	if (!m->slots)
		return -1;
	at = slot_of(m, key);
	return m->slots[at] ? (long)m->slots[at] - 1 : -1;
}

/* Appends a copy of KEY to the keys of M; false when memory is exhausted. */
static bool append_key(struct keymap *m, const char *key)
{
	size_t len = strlen(key) + 1;
	char *copy;

	if (m->count == m->cap_keys) {
		size_t cap = m->cap_keys ? 2 * m->cap_keys : 16;
		char **more = mem.realloc(m->keys, cap * sizeof(*more));

		if (!more)
			return false;
		m->keys = more;
		m->cap_keys = cap;
	}
	copy = mem.malloc(len);
	if (!copy)
		return false;
	m->keys[m->count++] = memcpy(copy, key, len);
	return true;
}

long keymap_intern(struct keymap *m, const char *key, bool *added)
{
	long found = keymap_find(m, key);

	if (added)
		*added = found < 0;
	if (found >= 0)
		return found;
	if ((m->count + 1) * 2 > (m->slots ? m->mask + 1 : 0) && !grow_slots(m))
		return -1;
	if (!append_key(m, key))
		return -1;
	m->slots[slot_of(m, key)] = m->count;
	return (long)m->count - 1;
}

void keymap_free(struct keymap *m)
{
	for (size_t i = 0; i < m->count; i++)
		mem.free(m->keys[i]);
	mem.free(m->keys);
	mem.free(m->slots);
	memset(m, 0, sizeof(*m));
}
