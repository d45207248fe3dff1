#!/bin/sh
# start-layout.sh - build-aux/start-sections is current (issue 10: the start's peak memory):
# the functions that the start of the program as it ships runs (a new session on the built-in
# almanac, the first frame, q) are exactly those it lays out at the front of the text. A
# function missing from it means the start changed without `make start-layout`: each start
# then maps a 64 KiB window of code more. Which functions there are depends on the compiler and
# its options: when the build's (its DWARF producers) are not those the list was made with
# (build-aux/start-sections.toolchain), the check is skipped, saying so. Needs the shipped build
# (build/strict/meetlat, which `make check` makes first; STRICT names another, built with -g),
# PYTHON and valgrind.
. "$(dirname "$0")/lib/cli.sh"
: "${STRICT:=build/strict/meetlat}"
[ -x "$STRICT" ] || die "$STRICT is not built (make check builds it first)"
command -v valgrind > /dev/null 2>&1 || die "valgrind is needed (apt-get install valgrind)"

"$PYTHON" build-aux/start-layout --toolchain "$STRICT" > "$work/toolchain" || die "no toolchain"
if ! cmp -s "$work/toolchain" build-aux/start-sections.toolchain; then
	echo "SKIP: $STRICT is built by $(head -n 1 "$work/toolchain"), build-aux/start-sections was made for $(head -n 1 build-aux/start-sections.toolchain)"
	exit 0
fi
"$PYTHON" build-aux/start-layout "$STRICT" "$work/fresh" > /dev/null || die "start-layout failed"
sort build-aux/start-sections > "$work/committed"
sort "$work/fresh" > "$work/run"
comm -13 "$work/committed" "$work/run" > "$work/missing"
comm -23 "$work/committed" "$work/run" > "$work/extra"

# Prints the function names of the objcopy options in FILE, on one line.
names() { sed -n 's/^--rename-section \.text\.\([^=]*\)=.*/\1/p' "$1" | tr '\n' ' '; }

check "every function the start runs is laid out with the start" test ! -s "$work/missing"
[ ! -s "$work/missing" ] || echo "  not laid out: $(names "$work/missing")- run make start-layout" >&2
check "nothing the start no longer runs is laid out with it" test ! -s "$work/extra"
[ ! -s "$work/extra" ] || echo "  no longer run: $(names "$work/extra")- run make start-layout" >&2
finish "$CLI" "build-aux/start-sections lays out the $(grep -c '^--rename-section .text' "$work/run") functions the start runs"
