/* diag.h - one located error message: "file:line:column: message". */
#ifndef MEETLAT_DIAG_H
#define MEETLAT_DIAG_H

#include <stdio.h>

enum { DIAG_FILE_MAX = 1024, DIAG_MESSAGE_MAX = 512 };

struct diag {
	char file[DIAG_FILE_MAX];
	unsigned line, column; /* 1-based; 0 when the error concerns the file as a whole */
	char message[DIAG_MESSAGE_MAX];
};

/* Records an error at LINE:COLUMN of FILE (both 0 for the whole file), message from FMT. */
void diag_set(struct diag *d, const char *file, unsigned line, unsigned column,
	      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Writes "file:line:column: message" (or "file: message") to BUF, every control character
 * replaced, and returns BUF. */
char *diag_format(const struct diag *d, char *buf, size_t size);

/* Prints the formatted error and a newline to OUT. */
void diag_print(const struct diag *d, FILE *out);

#endif
