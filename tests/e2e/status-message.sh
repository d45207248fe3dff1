#!/bin/sh
# status-message.sh - issue 11: a passing message too long for the status line is shown whole
# on the line above it (over the body's last line, which comes back when the message goes);
# one that fits stays on the status line. The step's label, when cut, ends in "…".
. "$(dirname "$0")/lib/tmux.sh"

message="Scoring happens on a row's step (o shows the steps)."

# off_screen_re REGEX - true when no line of the screen matches REGEX.
off_screen_re() {
	! on_screen_re "$@"
}

# line N - line N (1 = the top) of the screen.
line() {
	screen | sed -n "$1p"
}

start 80 24 "$TMP/status.yaml"
wait_step 1/23
keys Space
wait_step 2/23
settle
above=$(line 23)
[ -n "$above" ] || fail "the model step's body does not reach the line above the status line"
keys 3 # a vote outside a row's step: the message says where scoring happens
wait_for "$message"
expect_eq "80x24: the message stands whole on the line above the status line" \
	"$(line 23 | sed 's/^ *//; s/ *$//')" "$message"
check "80x24: the status line still shows the step" on_screen_re "^ 2/23 .*/ 10 min +saved"
check "80x24: nothing of the message is cut on the status line" off_screen_re "Scoring.*…"
wait_gone "$message" 10
expect_eq "80x24: when the message goes, the body's line under it comes back" "$(line 23)" "$above"
keys l l l l
wait_step 6/23
check "80x24: a label cut on the status line ends in an ellipsis" \
	on_screen_re "^ 6/23 [^ ]+ Phase 4: de gemeente[^…]*… +more"
keys q
wait_exit

start 100 30 "$TMP/status-wide.yaml"
wait_step 1/23
keys Space
wait_step 2/23
settle
above=$(line 29)
keys 3
wait_for "$message"
# in_status TEXT - true when the status line holds TEXT.
in_status() {
	status_line | grep -qF -- "$1"
}
check "100x30: a message that fits stays on the status line" in_status " $message "
expect_eq "100x30: the line above the status line is the body's" "$(line 29)" "$above"
keys q
wait_exit
finish
