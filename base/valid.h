/* valid.h - the forms that texts in both file formats must have: identifiers and dates. */
#ifndef MEETLAT_VALID_H
#define MEETLAT_VALID_H

#include <stdbool.h>

/* Returns true when TEXT is an identifier: [a-z0-9-]+, at most 64 characters. */
bool ident_valid(const char *text);

/* Returns true when TEXT is a real calendar date written YYYY-MM-DD. */
bool date_valid(const char *text);

#endif
