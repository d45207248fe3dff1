/* fileio.h - the system calls a durable save makes, gathered in a table so that a test can
 * replace one of them to make its Nth call fail (ENOSPC, EIO) and see what a save does then.
 * Private to sessions/store.c and the tests; the program never changes the table. */
#ifndef MEETLAT_FILEIO_H
#define MEETLAT_FILEIO_H

#include <sys/types.h>

struct fileio {
	int (*mkstemp)(char *template);
	int (*fchmod)(int fd, mode_t mode);
	ssize_t (*write)(int fd, const void *buf, size_t count);
	int (*fsync)(int fd);
	int (*close)(int fd);
	int (*rename)(const char *from, const char *to);
	int (*open)(const char *path, int flags, ...);
};

/* The calls in use; the real ones unless a test replaced some. */
extern struct fileio fileio;

/* Puts the real system calls back into the table. */
void fileio_reset(void);

#endif
