#!/bin/sh
# embed.sh FILE - writes C source holding the bytes of FILE (for the built-in content).
set -eu
printf '/* Generated from %s by content/embed.sh: do not edit. */\n' "$1"
printf '#include "builtin.h"\n\nconst unsigned char content_builtin_yaml[] = {\n'
od -An -v -tx1 "$1" | sed -e 's/\([0-9a-f][0-9a-f]\)/0x\1,/g' -e 's/^ */\t/'
printf '\t0x00\n};\nconst size_t content_builtin_yaml_len = sizeof(content_builtin_yaml) - 1;\n'
