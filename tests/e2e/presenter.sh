#!/bin/sh
# presenter.sh - issue 12: the facilitator (80x24, on the laptop) presses p and sees the
# presenter view in the body: the step and the next one, the time on the step and what is left
# of the workshop, the row's votes per phase while the room still sees only their number, the
# note and the step's keys; the status line stays. The follower (meetlat --follow, 100x30, on
# the projector) meanwhile shows only the count, says in its header that it follows live, and
# never shows the panel. p saves nothing (the file keeps its bytes and mtime), nor do the keys
# that scroll while the panel is shown (they scroll the panel); p again shows
# the room's view. At 100x30 the panel shows the same. In --review p works too, without the
# keys that edit; in Dutch the panel speaks Dutch.
. "$(dirname "$0")/lib/tmux.sh"

content=$TMP/content.yaml
grep -v 'kind: summary' "$FIXTURES/score-only.yaml" > "$content"
"$MEETLAT" --check "$content" > /dev/null 2>&1 || fail "meetlat --check rejects $content"
file=$TMP/s.yaml

# panel_with_spread - the presenter panel with the hidden spread of 2 3 3 and the step's keys.
panel_with_spread() {
	on_screen "3 votes, hidden from the room" && on_screen "phase 2: 1" &&
		on_screen "phase 3: 2" && on_screen "phase 4: 0" &&
		on_screen "Next: Score: rij bravo" && on_screen "This step: " &&
		on_screen "left of the plan" && on_screen "1-9 adds a vote for that phase" &&
		on_screen "p shows the room's view again."
}

start 80 24 -c "$content" "$file"
FAC=$CUR
wait_step 1/4
e2e_poll 5 test -s "$file" || fail "the facilitator's meetlat did not save the new session"
start 100 30 -c "$content" --follow "$file"
FOL=$CUR
wait_for "No votes yet"

CUR=$FAC
keys 2 3 3
e2e_poll 15 saved_with "3 votes, hidden" || fail "the facilitator's votes were not saved"
before=$(file_state "$file")
keys p
wait_for "3 votes, hidden from the room"
check "p at 80x24: the panel shows the votes per phase before the reveal, the times, the next step and the keys" \
	panel_with_spread
check "p: the room's view is gone from the facilitator's body" off_screen "alfa een"
check "p: the status line stays" eval 'at_step 1/4 && status_line | grep -qE " saved *$"'
check "the whole panel fits at 80x24: no \"more\" in the status line" off_screen "more "
keys Down Up Down # the arrow keys scroll the panel, not the room's view

CUR=$FOL
check "the follower shows the count of votes" soon on_screen "3 votes, hidden"
check "the follower does not show the spread" \
	eval 'off_screen "phase 3: 2" && off_screen "hidden from the room" && off_screen "chose phase"'
check "the follower's header says it follows the facilitator live" \
	header_says "live, following the facilitator"
check "the follower never says read-only" off_screen "read-only"

sleep 0.5
expect_eq "p, then ↓ and ↑ in the panel, write nothing to the session file (bytes and mtime)" \
	"$(file_state "$file")" "$before"
expect_eq "the file records no presenter view" "$(grep -c presenter "$file")" 0

CUR=$FAC
keys r
wait_for "3 votes, shown to the room"
check "r in the panel: it says the votes are shown, still per phase" on_screen "phase 3: 2"
CUR=$FOL
check "r: the follower shows the spread within 0.5 s" soon on_screen "chose phase 3"

CUR=$FAC
resize 100 30
wait_for "3 votes, shown to the room"
check "the panel at 100x30 shows the same" \
	eval 'on_screen "phase 2: 1" && on_screen "Next: Score: rij bravo" && on_screen "p shows the room"'
keys p
wait_gone "shown to the room"
check "p again: the room's view with the revealed votes" \
	eval 'on_screen "chose phase 3" && on_screen "alfa een" && off_screen "phase 3: 2"'
keys q
wait_exit
expect_eq "the facilitator's q exits with status 0" "$(exit_status)" 0
CUR=$FOL
keys q
wait_exit

# --review: p shows the panel without the keys that edit
start 80 24 -c "$content" --review "$file"
wait_for "rij alfa"
keys p
wait_for "3 votes, shown to the room"
check "--review: p shows the panel with the votes per phase" on_screen "phase 3: 2"
check "--review: the panel has no key that edits" \
	eval 'off_screen "1-9 adds" && off_screen "writes a note" && on_screen "p shows the room"'
keys q
wait_exit
expect_eq "after --review the file records no presenter view" "$(grep -c presenter "$file")" 0

# Dutch: the panel and the follower's header
start 80 24 -c "$content" --lang nl "$file"
FAC=$CUR
wait_for "rij alfa"
keys p
wait_for "3 stemmen, getoond aan de zaal"
check "in Dutch the panel says the votes per phase" on_screen "fase 3: 2"
check "in Dutch the panel says how to go back" on_screen "p toont weer het beeld van de zaal."
keys q
wait_exit
finish
