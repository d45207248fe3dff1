/* diag.h - located error messages, "file:line:column: message": one, or a list of the errors
 * a check found. */
#ifndef MEETLAT_DIAG_H
#define MEETLAT_DIAG_H

#include <stdbool.h>
#include <stdio.h>

enum { DIAG_FILE_MAX = 1024, DIAG_MESSAGE_MAX = 512, DIAG_LIST_MAX = 20 };

struct diag {
	char file[DIAG_FILE_MAX];
	unsigned line, column; /* 1-based; 0 when the error concerns the file as a whole */
	char message[DIAG_MESSAGE_MAX];
};

/* Records an error at LINE:COLUMN of FILE (both 0 for the whole file), message from FMT. The
 * message is written now, so a translated FMT (_()) is in the language spoken when the error is
 * found: choose the language before loading. */
void diag_set(struct diag *d, const char *file, unsigned line, unsigned column,
	      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Writes "file:line:column: message" (or "file: message") to BUF, every control character
 * replaced, and returns BUF. */
char *diag_format(const struct diag *d, char *buf, size_t size);

/* Prints the formatted error and a newline to OUT. */
void diag_print(const struct diag *d, FILE *out);

/* The errors found by a check that goes on after the first, at most DIAG_LIST_MAX. */
struct diag_list {
	struct diag items[DIAG_LIST_MAX];
	size_t count;
};

/* Empties LIST. */
void diag_list_init(struct diag_list *list);

/* Appends a copy of D to LIST; returns false, keeping nothing, when LIST is full. */
bool diag_list_add(struct diag_list *list, const struct diag *d);

/* Returns true when LIST holds DIAG_LIST_MAX errors. */
bool diag_list_full(const struct diag_list *list);

/* Orders the errors as a reader meets them: by file, then line, then column; errors of the
 * same place keep the order in which they were found. */
void diag_list_sort(struct diag_list *list);

/* Prints every error of LIST on its own line to OUT, then a line that counts them in the
 * language spoken now, named after the file of the first: "FILE: 3 errors" ("FILE: 3 fouten").
 * Prints nothing for an empty list. */
void diag_list_print(const struct diag_list *list, FILE *out);

#endif
