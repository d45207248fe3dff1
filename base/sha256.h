/* sha256.h - the SHA-256 digest (FIPS 180-4), for recognising files and content. */
#ifndef MEETLAT_SHA256_H
#define MEETLAT_SHA256_H

#include <stdbool.h>
#include <stddef.h>

enum { SHA256_HEX = 65 }; /* 64 hexadecimal digits and a NUL */

/* Writes the SHA-256 of the LEN bytes at DATA as lower-case hexadecimal into HEX. */
void sha256_hex(const void *data, size_t len, char hex[SHA256_HEX]);

/* Returns true when TEXT is a SHA-256 as sha256_hex writes it: 64 digits of lower-case hex. */
bool sha256_hex_valid(const char *text);

#endif
