#!/bin/sh
# hints.sh - issue 12: i shows the step's keys (screen_hints) above the status line, on demand,
# and i again hides it (the page's line under it comes back); an overlay hides it while open;
# ? stays the full help. At 80x24.
. "$(dirname "$0")/lib/tmux.sh"

# row N - prints line N (1-based) of the screen.
row() {
	screen | sed -n "${1}p"
}

scoring="1-9 adds a vote for that phase"
all="? shows the keys"
start 80 24 "$TMP/hints.yaml"
wait_step 1/23
check "no line of hints until it is asked for" off_screen "$all"
keys i
wait_for "Space starts, e edits these details"
check "i shows the hints on the line above the status line" eval 'row 23 | grep -qF "$all"'
keys l l l l l l l l l l
wait_step 11/23
wait_for "$scoring"
check "the hints follow the step: a scoring step's keys, ending above the status line" \
	eval 'screen | sed -n "20,23p" | grep -qF "$scoring" && row 23 | grep -qF "$all"'
settle
check "nothing else of the hints on the page" eval '[ "$(screen | grep -cF "$all")" = 1 ]'
keys '?'
wait_for "Keys"
check "an open overlay hides the line of hints" off_screen "$scoring"
keys Escape
wait_for "$scoring"
pass "closing the overlay brings the line of hints back"
before=$(row 23)
keys i
wait_gone "$scoring"
check "i again hides the hints, and the page's line comes back" \
	eval '[ "$(row 23)" != "$before" ] && ! row 23 | grep -qF "$all"'
keys q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0
finish
