/* session_emit.h - a session as store_emit writes it, through either writer, for the tests
 * that compare the two (include after cmocka.h). */
#ifndef MEETLAT_TESTS_SESSION_EMIT_H
#define MEETLAT_TESTS_SESSION_EMIT_H

#include <stdbool.h>
#include <stddef.h>

#include "store.h"
#include "store_impl.h"

/* Returns what store_emit writes for S (malloc'd, *LEN bytes), through the direct writers
 * (DIRECT) or libyaml's emitter alone; fails the test when it cannot be written. */
static inline char *emit_with(const struct session *s, bool direct, size_t *len)
{
	struct diag d;
	char *buf = NULL;
	bool ok;

	store_direct_writes = direct;
	ok = store_emit(s, &buf, len, &d);
	store_direct_writes = true;
	assert_true(ok);
	return buf;
}

#endif
