#!/bin/sh
# room.sh - issue 12: what the room sees on a projector of 80x24. On the shipped content, 30
# votes then r on a row: the row's name and group, all four phase headings, the spread of the
# votes under them, the agreed phases marked and every behaviour whole, on one screen. A walk
# of every step, in English and in Dutch, shows no key hint and no draft marker; with --drafts
# the draft marker is back (a trainer previewing).
. "$(dirname "$0")/lib/tmux.sh"

# The key hints that stay off the room's pages (English, then Dutch), and the draft markers.
hints_en='adds a vote|then a digit|reveals|a adds|A lists|n writes|e edits|Space starts|Space walks|shows the keys|show the other rows|Space the next|tick off'
hints_nl='stem je|kies je|toon je|voeg je|schrijf je|pas je|loop je|Spatie|toont de toetsen|toont ze|tonen de andere'
drafts_en='[Dd]raft'
drafts_nl='[Cc]oncept'

# walk LOG - presses Space from step 1 until the last step shows no more, logging every screen
# to LOG.
walk() {
	: > "$1"
	wait_step 1/23
	settle
	n=0
	while [ "$n" -lt 90 ]; do
		screen >> "$1"
		echo "=== end of screen" >> "$1"
		prev=$(body)
		[ "$(step_pos)" = 23/23 ] && ! status_line | grep -qE '(more|meer) ' && return 0
		keys Space
		e2e_poll 10 eval '[ "$(body)" != "$prev" ]' || fail "Space did nothing at $(step_pos)"
		settle
		n=$((n + 1))
	done
	fail "90 presses of Space did not reach the end of the agenda"
}

# none_in LOG WHAT PATTERN - passes when no line of LOG matches PATTERN, else fails naming it.
none_in() {
	if grep -nE -- "$3" "$1" > "$TMP/found"; then
		fail "$2: $(head -n 3 "$TMP/found")"
	fi
	pass "$2"
}

file=$TMP/room.yaml
start 80 24 "$file"
wait_step 1/23
keys l l l l l l l l l l
wait_step 11/23
wait_for "No votes yet"
# 30 votes: 2 for phase 1, 9 for phase 2, 14 for phase 3, 5 for phase 4
keys 1 1 2 2 2 2 2 2 2 2 2 3 3 3 3 3 3 3 3 3 3 3 3 3 3 4 4 4 4 4
wait_for "30 votes, hidden"
pass "30 votes: the count shows, the votes hidden"
check "no bars before the reveal" eval '! body | grep -q "█"'
keys c 2
wait_for "CURRENT"
keys t 3
wait_for "TARGET"
keys r
wait_for "30 votes: 14 of 30 chose phase 3; median 3, from phase 1 to 4"
settle
screen > "$TMP/score.txt"
check "one screen: the row's name and its group" \
	grep -qE '^ content +interactie, row 1 of 10 *$' "$TMP/score.txt"
check "one screen: the four phase headings side by side" \
	grep -qE '^ 1 de gemeente +2 de gemeente +3 de gemeente +4 de gemeente *$' "$TMP/score.txt"
check "one screen: the headings' second lines" \
	grep -qE '^ ontdekt +experimenteert +converseert TARGET +werkt samen *$' "$TMP/score.txt"
check "one screen: the current phase marked in its heading" grep -qE '^ +CURRENT *$' "$TMP/score.txt"
check "one screen: the spread, a bar under each phase (2, 9, 14, 5)" \
	grep -qE '^ █+ 2 +█+ 9 +█+ 14 +█+ 5 *$' "$TMP/score.txt"
check "one screen: the votes are really split (no majority, four phases): the warning" \
	grep -q "Far apart: the votes span 4 phases" "$TMP/score.txt"
for end in "publiek" "burgers" "reactie" "reacties, etc.)"; do
	check "one screen: the behaviours whole (\"$end\")" grep -q "$end" "$TMP/score.txt"
done
check "the row's status: step 11/23 at the top of its page" eval 'at_step 11/23'
none_in "$TMP/score.txt" "no key hint on the scoring step" "$hints_en"
none_in "$TMP/score.txt" "no draft marker on the scoring step" "$drafts_en"
keys q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0
expect_eq "the file holds the 30 votes" \
	"$(yaml_get "$file" scores.content.votes | "$PYTHON" -c 'import json,sys; print(len(json.load(sys.stdin)))')" 30

start 80 24 "$TMP/walk-en.yaml"
walk "$TMP/walk-en.log"
check "the English walk logged every step" grep -q " 23/23 " "$TMP/walk-en.log"
none_in "$TMP/walk-en.log" "a walk of every step in English shows no key hint" "$hints_en"
none_in "$TMP/walk-en.log" "a walk of every step in English shows no draft marker" "$drafts_en"
keys q
wait_exit

start 80 24 --lang nl "$TMP/walk-nl.yaml"
walk "$TMP/walk-nl.log"
check "the Dutch walk is in Dutch" grep -q "Vandaag: " "$TMP/walk-nl.log"
none_in "$TMP/walk-nl.log" "a walk of every step in Dutch shows no key hint" "$hints_nl|$hints_en"
none_in "$TMP/walk-nl.log" "a walk of every step in Dutch shows no draft marker" "$drafts_nl|$drafts_en"
keys q
wait_exit

start 80 24 --drafts "$TMP/drafts.yaml"
wait_step 1/23
keys l l
wait_step 3/23
wait_for "draft text: to be reviewed"
pass "with --drafts the draft marker shows on a draft phase (a trainer previewing)"
keys q
wait_exit
finish
