/* failing_alloc.h - an allocator for the table of base/mem.h whose FAIL_AT-th allocation
 * fails (errno ENOMEM, as the C library sets), for the tests that make each allocation of an
 * operation fail in turn and see it reported and nothing leak. */
#ifndef MEETLAT_TESTS_FAILING_ALLOC_H
#define MEETLAT_TESTS_FAILING_ALLOC_H

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>

#include "mem.h"

static unsigned long alloc_count; /* allocations made since failing_alloc_start */
static unsigned long fail_at;     /* the allocation that fails (1-based); 0: none */

/* Counts an allocation; true (errno ENOMEM) when it is the one to fail. */
static inline bool alloc_fails(void)
{
	if (++alloc_count != fail_at)
		return false;
	errno = ENOMEM;
	return true;
}

/* malloc, failing the FAIL_AT-th allocation. */
static inline void *failing_malloc(size_t size)
{
	return alloc_fails() ? NULL : malloc(size);
}

/* calloc, failing the FAIL_AT-th allocation. */
static inline void *failing_calloc(size_t count, size_t size)
{
	return alloc_fails() ? NULL : calloc(count, size);
}

/* realloc, failing the FAIL_AT-th allocation (PTR then stays). */
static inline void *failing_realloc(void *ptr, size_t size)
{
	return alloc_fails() ? NULL : realloc(ptr, size);
}

/* Puts the failing allocator into the table, counting allocations from none (mem_reset puts
 * the C library's back). */
static inline void failing_alloc_start(void)
{
	alloc_count = 0;
	mem.malloc = failing_malloc;
	mem.calloc = failing_calloc;
	mem.realloc = failing_realloc;
}

#endif
