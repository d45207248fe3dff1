/* temp_session.h - a session file in a folder of its own under /tmp, for the tests that save
 * through the store. */
#ifndef MEETLAT_TESTS_TEMP_SESSION_H
#define MEETLAT_TESTS_TEMP_SESSION_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store.h"

struct temp_session {
	char dir[64], path[128], lock[160]; /* the folder, the file, the store's lock file */
};

/* Makes a new folder under /tmp (its name starting with PREFIX) and opens a new session file
 * in it through the store into *F and *S; fails the test when it cannot. */
static inline void temp_session_open(struct temp_session *t, const char *prefix,
				     const struct content *c, struct store_file **f,
				     struct session **s)
{
	struct diag d;

	snprintf(t->dir, sizeof(t->dir), "/tmp/%s-XXXXXX", prefix);
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->path, sizeof(t->path), "%s/s.yaml", t->dir);
	snprintf(t->lock, sizeof(t->lock), "%s/.s.yaml.lock", t->dir);
	assert_true(store_open(t->path, c, 0, f, s, &d));
}

/* Removes the file, its lock file and the folder of T (the store closed first). */
static inline void temp_session_remove(const struct temp_session *t)
{
	unlink(t->path);
	unlink(t->lock);
	rmdir(t->dir);
}

#endif
