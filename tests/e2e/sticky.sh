#!/bin/sh
# sticky.sh - issue 12: the model's phase headings stay on the first row of the body while the
# step scrolls (↓, Space), and scrolling still reaches the last line of the page. At 80x24.
. "$(dirname "$0")/lib/tmux.sh"

# first_body_row - prints the first row of the body (under the header and its blank line).
first_body_row() {
	screen | sed -n 3p
}

headings='Phase 1 +Phase 2 +Phase 3 +Phase 4'
start 80 24 "$TMP/sticky.yaml"
wait_step 1/23
keys l
wait_step 2/23
wait_for "The four phases"
check "the model opens with its title above the headings" \
	eval '! first_body_row | grep -qE "$headings"'
keys Down Down Down Down
wait_gone "The four phases"
settle
check "scrolled down by ↓, the four phase headings are the first row of the body" \
	eval 'first_body_row | grep -qE "$headings"'
keys Up Up Up Up
wait_for "The four phases"
keys Space
wait_gone "The four phases"
settle
check "Space shows the rest: the headings stay on the first row of the body" \
	eval 'first_body_row | grep -qE "$headings"'
check "and the page's last line is reached" on_screen "doel op zich."
check "Space scrolled, it did not leave the step" at_step 2/23
keys q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0
finish
