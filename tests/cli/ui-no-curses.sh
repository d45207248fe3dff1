#!/bin/sh
# ui-no-curses.sh - the interface's state, key handler and screens are tested without a
# terminal: the test programs of tui/ link no curses (and the program does).
set -eu
for t in test_screens test_ui_keys test_tui_text; do
	[ -x "$BUILD/tests/$t" ] || { echo "FAIL: $BUILD/tests/$t is not built"; exit 1; }
	if ldd "$BUILD/tests/$t" | grep -q curses; then
		echo "FAIL: $t links curses:"
		ldd "$BUILD/tests/$t" | grep curses
		exit 1
	fi
done
ldd "$MEETLAT" | grep -q ncurses || { echo "FAIL: the check cannot see curses in $MEETLAT"; exit 1; }
echo "ok: test_screens, test_ui_keys and test_tui_text link no curses"
