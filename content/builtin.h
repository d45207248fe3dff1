/* builtin.h - the almanac compiled into the program: content/almanak.yaml as the loader
 * reads it (the content itself, made at build time by content/gen_builtin.c) and its bytes,
 * which `meetlat --check` without a file checks. Both live in $(BUILD)/gen/builtin_content.c. */
#ifndef MEETLAT_BUILTIN_H
#define MEETLAT_BUILTIN_H

#include <stddef.h>

#include "content.h"

extern const unsigned char content_builtin_yaml[];
extern const size_t content_builtin_yaml_len;

/* The content the loader builds from those bytes, as static data with its indexes. */
extern const struct content content_builtin;

#endif
