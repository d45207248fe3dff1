/* builtin.h - the bytes of content/almanak.yaml, compiled into the program. */
#ifndef MEETLAT_BUILTIN_H
#define MEETLAT_BUILTIN_H

#include <stddef.h>

extern const unsigned char content_builtin_yaml[];
extern const size_t content_builtin_yaml_len;

#endif
