#!/bin/sh
# gen-builtin.sh - the generator of the built-in almanac ($BUILD/gen/gen_builtin): on the shipped
# file it writes what the build compiled, the same on every run; on an invalid file it writes
# nothing and fails with the very messages of `meetlat --check --lang en FILE` (a build tool
# speaks English; meetlat speaks the content's language), so that a build with invalid shipped
# content stops with them.
#
#   MEETLAT=build/san/meetlat BUILD=build/san sh tests/cli/gen-builtin.sh
set -u
: "${MEETLAT:?set MEETLAT to the meetlat binary}"
: "${BUILD:?set BUILD to the build folder}"
gen=$BUILD/gen/gen_builtin

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
failed=0

# Reports a failed check and remembers it.
fail() {
	echo "FAIL: $*" >&2
	failed=1
}

"$gen" content/almanak.yaml >"$tmp/one.c" 2>"$tmp/err" || fail "the shipped file is refused: $(cat "$tmp/err")"
"$gen" content/almanak.yaml >"$tmp/two.c" 2>/dev/null
cmp -s "$tmp/one.c" "$tmp/two.c" || fail "two runs write different source"
cmp -s "$tmp/one.c" "$BUILD/gen/builtin_content.c" ||
	fail "the output differs from $BUILD/gen/builtin_content.c"
[ -s "$tmp/err" ] && fail "messages on a valid file: $(cat "$tmp/err")"

# Two errors in a copy of the shipped file: a row id used twice, and a step naming no row.
sed -e '0,/- id: customer-experience/s//- id: content/' \
    -e '0,/dimension: conversatie/s//dimension: gesprek/' content/almanak.yaml >"$tmp/bad.yaml"
"$gen" "$tmp/bad.yaml" >"$tmp/out.c" 2>"$tmp/gen.err"
status=$?
[ "$status" -eq 1 ] || fail "invalid content: exit status $status, expected 1"
[ -s "$tmp/out.c" ] && fail "invalid content: source was written"
"$MEETLAT" --check --lang en "$tmp/bad.yaml" >/dev/null 2>"$tmp/check.err"
cmp -s "$tmp/gen.err" "$tmp/check.err" ||
	fail "messages differ from --check: $(cat "$tmp/gen.err") / $(cat "$tmp/check.err")"
grep -q "^$tmp/bad.yaml:[0-9]*:[0-9]*: duplicate id 'content'" "$tmp/gen.err" ||
	fail "no located message for the duplicate id: $(cat "$tmp/gen.err")"

"$gen" >/dev/null 2>&1
status=$?
[ "$status" -eq 2 ] || fail "no file: exit status $status, expected 2"

[ "$failed" -eq 0 ] && echo "gen-builtin: ok"
exit "$failed"
