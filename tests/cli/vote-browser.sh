#!/bin/sh
# vote-browser.sh - issue 13: the phone page in a real browser (headless Chromium, at phone
# size 390x844, reaching nothing but the loopback URL): a screenshot is kept as a test artefact
# (BUILD/artefacts/vote-page.png), a tap with JavaScript off posts the plain form and records
# the vote, and with JavaScript on a tap changes it and the page follows to the next row by
# itself, where a tap votes again. Skipped, loudly, only when chromium is not installed.
# Needs BUILD (the test tools) and PYTHON, as tests/run-all sets them.
. "$(dirname "$0")/lib/cli.sh"
. "$(dirname "$0")/lib/vote.sh"
needs BUILD
if ! command -v chromium > /dev/null 2>&1; then
	echo "SKIP: $CLI: chromium is not installed (Debian: apt-get install chromium); THE PHONE PAGE WAS NOT TESTED IN A BROWSER"
	exit 0
fi

mkdir -p "$BUILD/artefacts"
shot="$BUILD/artefacts/vote-page.png"
rm -f "$shot"
room_start 127.0.0.1:0
TMPDIR=$work timeout 120 "$PYTHON" "$(dirname "$0")/lib/vote_browser.py" "$url" "$shot" 7 \
	> "$work/browser" 2> "$work/browser.err"
check "the browser ran through the page" test $? -eq 0
result() { sed -n "s/^result $1 //p" "$work/browser"; }
check "the screenshot is a PNG of 390x844" "$PYTHON" -c '
import struct, sys
d = open(sys.argv[1], "rb").read(24)
sys.exit(not (d[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", d[16:24]) == (390, 844)))' "$shot"
check "with JavaScript off a tap on phase 3 confirms it" \
	sh -c "echo '$(result nojs_text)' | grep -qF 'Your vote has been received: phase 3'"
check "... and marks that button" test "$(result nojs_chosen)" = 3
check "with JavaScript on a tap on phase 2 changes the vote" test "$(result js_chosen)" = 2
check "the page followed to the next row by itself" test "$(result followed)" = yes
check "... where a tap on phase 4 is confirmed" \
	sh -c "echo '$(result js_text)' | grep -qF 'Your vote has been received: phase 4'"
room_wait_votes 3
check "the votes printed are the three taps: r1 3, then r1 2 replacing 3, then r2 4" \
	test "$(room_votes | tr '\n' ,)" = "vote r1 3 0,vote r1 2 3,vote r2 4 0,"
room_stop
[ "$failures" -eq 0 ] || sed 's/^/browser: /' "$work/browser.err" >&2
finish vote-browser "the phone page works in Chromium, with and without JavaScript ($shot)"
