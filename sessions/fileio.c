/* fileio.c - the system calls a durable save makes, replaceable by tests (see fileio.h). */
#include "fileio.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define FILEIO_REAL                                                                                \
	{                                                                                          \
		.mkstemp = mkstemp, .fchmod = fchmod, .write = write, .fsync = fsync,              \
		.close = close, .rename = rename, .open = open,                                    \
	}

static const struct fileio fileio_real = FILEIO_REAL;

struct fileio fileio = FILEIO_REAL;

void fileio_reset(void)
{
	fileio = fileio_real;
}
