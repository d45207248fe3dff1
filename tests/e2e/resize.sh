#!/bin/sh
# resize.sh - issue 4: below the minimum size (40x12) the program names the size it needs and
# draws again when the terminal grows; the help and the overview stay open through a resize and
# are laid out anew; the table shows one row at a time at 80x24 and a grid at 100x30.
. "$(dirname "$0")/lib/tmux.sh"

file=$TMP/resize.yaml
start 100 30 "$file"
wait_step 1/23
wait_for "Today: "
settle
base=$(body)

resize 30 10
wait_for "40x12"
pass "at 30x10 the screen names the size needed (40x12)"
check "the message says how large the terminal is (30x10)" on_screen "30x10"
check "no broken page is drawn below the minimum" off_screen "Today: "
resize 100 30
wait_for "Today: "
wait_step 1/23
settle
expect_eq "back at 100x30 the welcome screen is drawn again as before" "$(body)" "$base"

resize 40 12
wait_step 1/23
pass "at exactly 40x12 (the minimum) the program draws its screen"
check "no size message at 40x12" off_screen "needs a terminal"
resize 100 30
wait_for "Today: "

# help_fits - the help is open and its box lies whole within the window: its title line ends
# in the box's right border.
help_fits() {
	screen | grep -qE '^ *x Keys +x$'
}

keys '?'
wait_for "Keys"
check "the help box is whole at 100x30" help_fits
resize 80 24
e2e_poll 10 help_fits || fail "after a resize to 80x24 the help is not open and laid out anew"
pass "the help stays open through a resize to 80x24 and is laid out anew"
check "the help still lists the keys after the resize" on_screen "overview: jump to any step"
resize 30 10
wait_for "40x12"
resize 80 24
e2e_poll 10 help_fits || fail "the help is gone after a resize below the minimum and back"
pass "the help stays open through a resize below the minimum and back"
keys Escape
wait_gone "Keys"
wait_for "Today: "
pass "Esc closes the help after the resizes"

# overview_fits - the overview is open, its box whole within the window.
overview_fits() {
	screen | grep -qE '^ *x Overview  Enter jumps to the selected step, Esc closes +x$'
}

keys o
wait_for "Overview"
check "the overview box is whole at 80x24" overview_fits
resize 100 30
e2e_poll 10 overview_fits || fail "after a resize to 100x30 the overview is not open and re-laid out"
pass "the overview stays open through a resize to 100x30 and is laid out anew"
# Polled: the terminal may be captured while the frame is still being written.
check "the overview still marks the current step" e2e_poll 5 on_screen_re "▶ +1  Welcome"
keys j j j j j j j j j
e2e_poll 10 on_screen_attrs "${REVERSE}The behaviour table" ||
	fail "j did not move the overview's selection after the resize"
resize 80 24
e2e_poll 10 overview_fits || fail "the overview is gone after a second resize"
check "the selection survives the resize" on_screen_attrs "${REVERSE}The behaviour table"
keys Enter
wait_step 10/23
wait_gone "Overview"
pass "Enter in the re-laid out overview jumps to the table (10/23)"

wait_for "row 1 of 10"
pass "at 80x24 the table shows one row at a time (\"row 1 of 10\")"
check "the first row, content, is shown" on_screen_re '^ *content *$'
check "the second row is not shown at the same time" off_screen "customer experience"
keys j
wait_for "row 2 of 10"
check "j shows the next row, customer experience" on_screen "customer experience"

resize 100 30
wait_gone "of 10"
e2e_poll 10 on_screen_re '^ content +gemeente' || fail "at 100x30 the table is not a grid"
pass "at 100x30 the table is a grid, rows beside their cells"
check "the grid shows several rows at once" on_screen_re '^ customer experience +gemeente'
check "the grid has a column per phase" on_screen_re 'Phase 1 +Phase 2 +Phase 3 +Phase 4'

# At the minimum size (40x12) the overview still names the steps.
resize 40 12
wait_step 10/23
keys o
wait_re "▶ +10 "
settle
check "at 40x12 the overview shows the steps' titles (\"The behaviour table\", cut to fit)" \
	on_screen_re "10 +The beh"
check "at 40x12 the overview shows the title of step 9 (\"Phase 4: chapters\", cut to fit)" \
	on_screen_re " 9 +Phase 4"
keys Escape
wait_gone "▶ 10"

keys q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0
finish
