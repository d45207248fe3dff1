#!/bin/sh
# overlays.sh - issue 4: ? opens the help (listing the keys of the key table), o the overview
# (j j Enter jumps to that step), A the action list; Esc closes each and the screen underneath
# is back as it was.
. "$(dirname "$0")/lib/tmux.sh"

file=$TMP/overlays.yaml
start 100 30 "$file"
wait_step 1/23
wait_for "Today: "
settle
base=$(body)

keys '?'
wait_for "Keys"
for k in "Space" "overview: jump to any step" "reveal / hide the votes" "PgDn"; do
	check "the help lists \"$k\"" on_screen "$k"
done
check "the help covers the screen underneath" off_screen "Today: "
keys Escape
wait_gone "Keys"
settle
expect_eq "Esc closes the help and the welcome screen is back" "$(body)" "$base"

keys o
wait_for "Overview"
check "the overview lists the steps" on_screen "Phase 4: Leeswijzer"
check "the overview marks the current step" on_screen_re "▶ +1  Welcome"
check "the overview selects the current step (reverse video)" \
	on_screen_attrs "${REVERSE}Welcome: Sociale media almanak"
keys j j
e2e_poll 10 on_screen_attrs "${REVERSE}Phase 1: de gemeente ontdekt" ||
	fail "j j did not move the overview's selection to step 3"
pass "j j moves the overview's selection to step 3"
keys Enter
wait_step 3/23
wait_gone "Overview"
wait_for "Introductie Fase 1: de gemeente ontdekt"
pass "Enter jumps to step 3 and closes the overview"
settle
base=$(body)

keys o
wait_for "Overview"
wait_re "▶ +3  Phase 1"
pass "the overview opens on the current step (3)"
keys Escape
wait_gone "Overview"
settle
expect_eq "Esc closes the overview: step 3 is back as it was" "$(body)" "$base"
expect_eq "the step did not change" "$(step_pos)" 3/23

keys A
wait_for "Esc close"
check "the action list is open (no actions yet)" on_screen "Actions"
check "the action list covers the page" off_screen "Introductie Fase 1"
keys Escape
wait_gone "Esc close"
settle
expect_eq "Esc closes the action list: the page is back" "$(body)" "$base"

keys q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0
expect_eq "the position saved is step 3 (phase:1)" "$(yaml_get "$file" position)" "phase:1"
finish
