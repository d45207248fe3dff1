/* keymap.h - a growing hash map from strings to the numbers 0, 1, 2... in the order the
 * strings were first added: how the report finds its rows, groups and dates by name in
 * expected constant time. */
#ifndef MEETLAT_KEYMAP_H
#define MEETLAT_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

struct keymap {
	char **keys;   /* copies, in the order added */
	size_t count, cap_keys;
	size_t *slots; /* number + 1 of the key hashed there, 0: empty; a power of two */
	size_t mask;
};

/* Returns the number of KEY, adding a copy of it as the next number when it is new (*ADDED
 * true then; ADDED may be NULL); -1 when memory is exhausted. M starts zeroed. */
long keymap_intern(struct keymap *m, const char *key, bool *added);

/* Returns the number of KEY, or -1 when M does not hold it. */
long keymap_find(const struct keymap *m, const char *key);

/* Releases what M holds and empties it. */
void keymap_free(struct keymap *m);

#endif
