#!/bin/sh
# follow.sh - issue 12: meetlat --follow SESSION in a second terminal shows the room what the
# facilitator's meetlat shows, redrawn within 0.5 s of each save: the step, the number of
# votes but not their spread until r, the summary while it is open over the step, how far
# the facilitator scrolled the step (Space, the arrow keys) and the table's row selected.
# Started before the facilitator's meetlat, it waits for it and says so. Killing the
# facilitator's meetlat leaves the follower running, saying calmly that the workshop has
# ended; a new facilitator can open the file meanwhile (the follower holds no lock) and the
# follower follows it again. The follower never changes the file (sha256 and mtime, compared
# after each save it showed) and holds no lock; q closes it with status 0.
. "$(dirname "$0")/lib/tmux.sh"

# the score-only fixture without its summary step, so that s opens the summary over a step
content=$TMP/content.yaml
grep -v 'kind: summary' "$FIXTURES/score-only.yaml" > "$content"
"$MEETLAT" --check "$content" > /dev/null 2>&1 || fail "meetlat --check rejects $content"
file=$TMP/s.yaml

# facilitator_did TEXT - waits until the facilitator's screen shows TEXT saved; keeps the
# state of the file that save left in $SAVED.
facilitator_did() {
	CUR=$FAC
	e2e_poll 15 saved_with "$1" || fail "the facilitator's screen did not show \"$1\" saved"
	SAVED=$(file_state "$file")
	CUR=$FOL
}

# unwritten WHAT - checks that the file is as the facilitator's last save left it ($SAVED)
# now that the follower has shown WHAT.
unwritten() {
	expect_eq "the follower, having shown $1, left the file as saved (bytes and mtime)" \
		"$(file_state "$file")" "$SAVED"
}

# bars - the screen shows a vote bar (under a phase's column: "█... <count>").
bars() {
	body | grep -qE '█+ [0-9]+'
}

# locks_of PID - the lines of /proc/locks that PID holds.
locks_of() {
	awk -v pid="$1" '$2 == "FLOCK" || $2 == "POSIX" || $2 == "OFDLCK" { if ($5 == pid) print }' /proc/locks
}

# a session that no meetlat holds: the follower waits for the facilitator's
start 80 24 -c "$content" "$file"
wait_step 1/4
e2e_poll 5 test -s "$file" || fail "the facilitator's meetlat did not save the new session"
keys q
wait_exit
start 80 24 -c "$content" --follow "$file"
FOL=$CUR
get_pid
FPID=$PID
wait_for "rij alfa"
wait_for "Waiting for the facilitator's meetlat…" 5
pass "started before the facilitator's meetlat, the follower says it waits for it"
check "... and not that the workshop has ended" off_screen "has ended"

start 80 24 -c "$content" "$file"
FAC=$CUR
wait_step 1/4
CUR=$FOL
wait_gone "Waiting for the facilitator" 5
pass "the facilitator's meetlat started: the follower stops waiting"
wait_for "No votes yet"
pass "the follower shows the facilitator's step"
check "the follower's header says it follows the facilitator live" \
	header_says "live, following the facilitator"
check "the follower's status line says live" eval 'status_line | grep -qE " live *$"'
check "the follower never says read-only" off_screen "read-only"

CUR=$FAC
keys 2 3 3
facilitator_did "3 votes, hidden"
check "the follower shows the count of votes within 0.5 s of the save" soon on_screen "3 votes, hidden"
check "the votes stay hidden on the follower until r" eval '! bars && off_screen "chose phase"'
unwritten "the votes"

CUR=$FAC
keys r
facilitator_did "chose phase"
check "r: the follower shows the spread within 0.5 s" soon bars
check "r: the follower shows the median" on_screen "median 3"
unwritten "the spread"
expect_eq "the file records the reveal" "$(yaml_get "$file" scores.alfa.revealed)" "true"

CUR=$FAC
keys l
wait_step 2/4
facilitator_did "rij bravo"
check "the follower moves to the next step within 0.5 s" soon eval 'at_step 2/4 && on_screen "rij bravo"'
check "the new row's votes are hidden on the follower" eval '! bars'
unwritten "the next step"

CUR=$FAC
keys s
facilitator_did "Summary"
check "s: the follower shows the summary within 0.5 s" soon on_screen "Summary"
expect_eq "the file says the summary is shown" "$(yaml_get "$file" showing)" "summary"
unwritten "the summary"
CUR=$FAC
keys Escape
wait_gone "Summary"
CUR=$FOL
wait_gone "Summary" 3
check "the summary closed: the follower shows the step again" on_screen "rij bravo"

# the follower never writes and holds no lock
before=$(file_state "$file")
sleep 1.5 # the follower checks the file and the lock once a second
expect_eq "the follower changes neither the bytes nor the mtime of the file" \
	"$(file_state "$file")" "$before"
expect_eq "the follower holds no lock" "$(locks_of "$FPID")" ""

# another file in the folder changes every 0.1 s (as another session's saves would), so that
# the follower's wait never runs out: it checks the lock once a second all the same. A kill
# leaves the lock file as it is: only that check tells the follower.
(n=0; while [ $n -lt 80 ]; do : > "$TMP/other.yaml"; sleep 0.1; n=$((n + 1)); done) &
NOISE=$!
CUR=$FAC
get_pid
kill -KILL "$PID"
wait_exit
CUR=$FOL
wait_for "The workshop has ended" 5
pass "killing the facilitator's meetlat: the follower says the workshop has ended"
check "... while another file of the folder kept changing" alive "$NOISE"
kill "$NOISE" 2> /dev/null
wait "$NOISE" 2> /dev/null
check "the follower keeps showing the step" on_screen "rij bravo"
sleep 1.2
check "the follower keeps running" alive "$FPID"
expect_eq "after the kill the file is as the facilitator left it" "$(file_state "$file")" "$before"

# a new facilitator can open the file (no lock kept it out) and is followed again
start 80 24 -c "$content" "$file"
FAC=$CUR
wait_step 2/4
check "reopened after the kill: one calm line, no modal" \
	eval 'on_screen "Resumed after an unexpected stop" && off_screen "stale"'
CUR=$FOL
wait_gone "The workshop has ended" 5
pass "the follower follows the facilitator's new meetlat again"
CUR=$FAC
keys q
wait_exit
expect_eq "the facilitator's q exits with status 0" "$(exit_status)" 0
CUR=$FOL
wait_for "The workshop has ended" 5
pass "q in the facilitator's meetlat: the follower says the workshop has ended"
keys q
wait_exit
expect_eq "q closes the follower with status 0" "$(exit_status)" 0

# Dutch (--lang nl)
start 80 24 -c "$content" --lang nl --follow "$file"
FOL=$CUR
wait_for "Wachten op de meetlat van de facilitator…" 5
pass "in Dutch the follower says \"Wachten op de meetlat van de facilitator…\""
check "in Dutch the follower's header says \"live, volgt de facilitator\"" \
	header_says "live, volgt de facilitator"
check "in Dutch it never says \"alleen lezen\"" off_screen "alleen lezen"
start 80 24 -c "$content" "$file"
FAC=$CUR
wait_step 2/4
keys q
wait_exit
CUR=$FOL
wait_for "De bijeenkomst is afgelopen" 5
pass "in Dutch the follower says \"De bijeenkomst is afgelopen\""
keys q
wait_exit

# The shipped almanac: how far a long step is scrolled, and the table's row selected.
file=$TMP/almanak.yaml
start 80 24 "$file"
FAC=$CUR
wait_step 1/23
keys l l l l l l l l
wait_step 9/23
e2e_poll 5 test -s "$file" || fail "the facilitator's meetlat did not save the session"
start 80 24 --follow "$file"
FOL=$CUR
wait_step 9/23

# view - the body below its first line (the header is the follower's own).
view() {
	body | sed 1d
}

# same_view - the follower's body is the facilitator's ($WANT).
same_view() {
	[ "$(view)" = "$WANT" ]
}

# changed - the body is no longer what it was ($WAS).
changed() {
	[ "$(view)" != "$WAS" ]
}

# followed KEY WHAT - presses KEY in the facilitator's meetlat, waits for its body to change,
# and checks that the follower's body is the same within 0.5 s.
followed() {
	CUR=$FAC
	WAS=$(view)
	keys "$1"
	e2e_poll 5 changed || fail "$1 did not change the facilitator's body"
	WANT=$(view)
	CUR=$FOL
	check "$2: the follower shows the step as far down within 0.5 s" soon same_view
}

CUR=$FAC
WANT=$(view)
CUR=$FOL
check "the chapters step: the follower shows its top, as the facilitator" same_view
TOP=$WANT
followed Space "Space scrolls the facilitator's step"
WAS=$TOP
check "... and no longer its top" changed
followed Down "↓ scrolls it one line more"
followed Up "↑ scrolls it back"
expect_eq "the file records how far the room's view is scrolled" \
	"$(yaml_ok "$file" '0 < d["scrolled"] < 1000' && echo yes)" yes

CUR=$FAC
keys l
wait_step 10/23
wait_for "row 1 of 10"
CUR=$FOL
wait_for "row 1 of 10" 3
CUR=$FAC
keys Down Down
wait_for "row 3 of 10"
CUR=$FOL
check "↓ ↓ on the table: the follower shows the third row within 0.5 s" \
	soon on_screen "The behaviour table: row 3 of 10"
check "... the facilitator's row, context" on_screen "context"
expect_eq "the file records the row selected by its id" "$(yaml_get "$file" selected)" "context"
keys q
wait_exit
CUR=$FAC
keys q
wait_exit
finish
