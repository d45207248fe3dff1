#!/bin/sh
# man-keys.sh - the key section of man/meetlat.1 is what the table of bindings generates:
# the help overlay and the manual page cannot drift apart.
. "$(dirname "$0")/lib/cli.sh"
set -e
needs BUILD
"$BUILD/tests/tools/keys_man" > "$work/generated"
awk '/^\.\\" END KEYS/ { on = 0 } on { print } /^\.\\" BEGIN KEYS/ { on = 1 }' man/meetlat.1 > "$work/page"
[ -s "$work/generated" ] || { echo "FAIL: the generator printed nothing"; exit 1; }
if ! cmp -s "$work/generated" "$work/page"; then
	echo "FAIL: the key section of man/meetlat.1 differs from the table in tui/actions.c;"
	echo "      run 'make man-keys' and commit the page. Difference:"
	diff "$work/page" "$work/generated" || true
	exit 1
fi
grep -q '^\.B "Space"$' "$work/page" || { echo "FAIL: no Space key in the section"; exit 1; }
echo "ok: man/meetlat.1 keys match the table ($(grep -c '^\.TP' "$work/page") keys)"
