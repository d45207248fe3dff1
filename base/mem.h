/* mem.h - the allocator of base/, content/ and sessions/, gathered in a table so that a test
 * can replace it to make the Nth allocation fail and see that every caller then reports an
 * error and frees what it holds (tests/test_alloc_fail.c).
 *
 * Every malloc, calloc, realloc and free below tui/ goes through this table, so a test that
 * counts calls to mem.malloc, mem.calloc and mem.realloc sees every allocation the code makes
 * itself (arena blocks, the YAML node builder, the loader, the session store, the emitter's
 * buffer, exports). Not seen, so not failable this way: what libyaml allocates inside itself,
 * realpath's result (store.c frees it with mem.free, which is free), and stdio's own buffers.
 * A replacement that fails sets errno to ENOMEM, as the C library does (store.c tells memory
 * running out from other read errors by it). The program never changes the table; tui/ allocates with plain malloc. */
#ifndef MEETLAT_MEM_H
#define MEETLAT_MEM_H

#include <stddef.h>

struct mem {
	void *(*malloc)(size_t size);
	void *(*calloc)(size_t count, size_t size);
	void *(*realloc)(void *ptr, size_t size);
	void (*free)(void *ptr);
};

/* The allocator in use; the C library's unless a test replaced some of it. */
extern struct mem mem;

/* Puts the C library's allocator back into the table. */
void mem_reset(void);

/* Returns a copy of TEXT allocated through the table, or NULL when memory ran out. */
char *mem_strdup(const char *text);

#endif
