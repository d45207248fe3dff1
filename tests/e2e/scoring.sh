#!/bin/sh
# scoring.sh - issue 5: on a scoring step votes stay hidden (only their count) until r reveals
# the bars, the median and, when the votes span three phases, the far-apart warning; u undoes
# the last vote; a digit naming no phase is refused visibly; c and t set the current and target
# phase (shown in the columns); a target below the current phase asks first; n writes a note
# and a an action (an impossible due date is refused). The session file holds exactly what was
# typed.
. "$(dirname "$0")/lib/tmux.sh"

content=$FIXTURES/score-only.yaml
"$MEETLAT" --check "$content" > "$TMP/check.out" 2>&1
expect_eq "meetlat --check accepts the score-only fixture" "$?" 0
file=$TMP/scoring.yaml

# bars - true when the body shows the line of vote bars (under the phase headings).
bars() {
	body | grep -qE '^[ 0-9]*█[ █0-9]*$'
}

# bar PHASE COUNT - the revealed votes show COUNT votes for PHASE: in the column of the
# heading of PHASE, the bars line reads a bar (none for no vote) and COUNT.
bar() {
	body | "$PYTHON" -c '
import re, sys
phase, count = sys.argv[1], sys.argv[2]
lines = sys.stdin.read().splitlines()
head = [l for l in lines if phase + " fase " in l]
row = [l for l in lines if re.fullmatch(r"[ 0-9]*\u2588[ \u25880-9]*", l)]
if not head or not row:
    sys.exit(1)
cell = row[0][head[0].index(phase + " fase "):].strip().split("  ")[0]
sys.exit(0 if re.fullmatch("\u2588* ?" + count, cell) else 1)' "$1" "$2"
}

# under MARK HEADING - the heading HEADING of a phase column carries MARK (CURRENT, TARGET).
under() {
	on_screen "$2 $1"
}

start 100 30 -c "$content" "$file"
wait_step 1/5
wait_for "No votes yet"
keys 2
wait_for "1 vote"
keys 3
wait_for "2 votes"
keys 3
wait_for "3 votes"
pass "each digit adds a vote: the count goes 1, 2, 3"
check "the votes are hidden until r: the screen says so" on_screen "3 votes, hidden"
check "no bars before the reveal" eval '! bars'
check "no median before the reveal" off_screen "median"

keys r
wait_for "3 votes: 2 of 3 chose phase 3"
pass "r says what the votes say: 2 of 3 chose phase 3"
check "r shows a bar per phase: phase 2 has 1 vote" bar 2 1
check "r shows a bar per phase: phase 3 has 2 votes" bar 3 2
check "r shows a bar per phase: phase 1 and 4 have none" eval 'bar 1 0 && bar 4 0'
check "r shows the median (3) and the spread" on_screen "median 3, from phase 2 to 3"
check "votes spanning two phases give no far-apart warning" off_screen "Far apart"
keys r
wait_for "3 votes, hidden"
check "r again hides the votes" eval '! bars'
keys r
wait_for "median 3"

keys 4
wait_for "4 votes"
wait_for "Far apart"
pass "a fourth vote (4): no phase has a majority (2 of 4), the votes span phases 2-4: the far-apart warning shows"
check "the warning names the span of three phases" on_screen "span 3 phases"
keys u
wait_for "3 votes"
wait_gone "Far apart"
pass "u undoes the last vote: 3 votes, 2 of them for phase 3 (a majority), the warning is gone"
check "after u phase 4 has no vote" bar 4 0
keys 7
wait_for "There is no phase 7"
pass "7 (no such phase, there are 4) is refused with a message"
check "the refused 7 added no vote" on_screen "3 votes"
keys 4
wait_for "4 votes"
wait_for "Far apart"

keys c 2
wait_for "CURRENT"
check "c 2: the heading of phase 2 is marked CURRENT" under CURRENT "2 fase twee"
keys t 3
wait_for "TARGET"
check "t 3: the heading of phase 3 is marked TARGET" under TARGET "3 fase drie"
check "the agreed phases are spelled out" on_screen "Agreed:  2 fase twee  →  3 fase drie"
expect_eq "the file has current 2" "$(yaml_get "$file" scores.alfa.current)" 2
expect_eq "the file has target 3" "$(yaml_get "$file" scores.alfa.target)" 3

keys t 1
wait_for "The target (1) lies below the current phase (2). Set it anyway?"
pass "t 1 with current 2 asks for confirmation"
keys n
wait_gone "Set it anyway?"
check "n keeps the old target (3)" under TARGET "3 fase drie"
expect_eq "after n the file still has target 3" "$(yaml_get "$file" scores.alfa.target)" 3
keys t 1
wait_for "Set it anyway?"
keys y
wait_gone "Set it anyway?"
e2e_poll 10 under TARGET "1 fase een" || fail "y did not set the target to 1"
pass "y sets the target below the current phase (TARGET on the heading of phase 1)"
expect_eq "after y the file has target 1" "$(yaml_get "$file" scores.alfa.target)" 1
keys t 3
e2e_poll 10 under TARGET "3 fase drie" || fail "t 3 did not set the target back to 3"

note="Notitie: één 'citaat' \"quote\" #tag – klaar"
keys n
wait_for "Note for this row"
type_text "$note"
wait_for "$note"
keys Enter
wait_gone "Note for this row"
wait_for "Note: $note"
pass "n, text, Enter: the note is saved and shown"

text="Webcare-rooster maken – één team #1: \"snel\""
owner="Sanne de Vries-O'Neill"
keys a
wait_for "New action"
check "the action form has the row prefilled" on_screen "< rij alfa >"
type_text "$text"
keys Tab
type_text "$owner"
keys Tab
type_text "2027-02-30"
keys Tab
wait_for "that month has no such day"
pass "the impossible due date 2027-02-30 is refused on the spot (Tab) with a message"
keys Enter
wait_for "that month has no such day"
check "Enter does not save it either: the form stays open with the text typed" \
	eval 'on_screen "New action" && on_screen "$owner" && on_screen "2027-02-30"'
expect_eq "nothing was saved yet: no action in the file" "$(yaml_get "$file" actions)" "[]"
keys BSpace BSpace # the focus stayed on the due date
type_text "28"
wait_for "2027-02-28"
keys Enter
wait_gone "New action"
wait_for "$text"
pass "the corrected date is accepted: the action is listed with the row"

keys q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0
expect_eq "file: the votes" "$(yaml_get "$file" scores.alfa.votes)" "[2, 3, 3, 4]"
expect_eq "file: current" "$(yaml_get "$file" scores.alfa.current)" 2
expect_eq "file: target" "$(yaml_get "$file" scores.alfa.target)" 3
expect_eq "file: the note, exactly" "$(yaml_get "$file" scores.alfa.note)" "$note"
expect_eq "file: one action" "$(yaml_get "$file" actions | "$PYTHON" -c 'import json,sys; print(len(json.load(sys.stdin)))')" 1
expect_eq "file: the action's text, exactly" "$(yaml_get "$file" actions.0.text)" "$text"
expect_eq "file: the action's owner, exactly" "$(yaml_get "$file" actions.0.owner)" "$owner"
expect_eq "file: the action's due date" "$(yaml_get "$file" actions.0.due)" "2027-02-28"
expect_eq "file: the action's row" "$(yaml_get "$file" actions.0.dimension)" "alfa"
expect_eq "file: the action is not done" "$(yaml_get "$file" actions.0.done)" "false"
check "file: the due date is written as a YAML date" \
	yaml_ok "$file" 'type(d["actions"][0]["due"]).__name__ == "date"' 
check "file: no other row was scored" yaml_ok "$file" 'list(d["scores"]) == ["alfa"]'
finish
