#!/bin/sh
# follow.sh - issue 12: meetlat --follow SESSION in a second terminal shows the room what the
# facilitator's meetlat shows, redrawn within 0.5 s of each save: the step, the number of
# votes but not their spread until r, the summary while it is open over the step. Killing
# the facilitator's meetlat leaves the follower running, saying calmly that the workshop has
# ended; a new facilitator can open the file meanwhile (the follower holds no lock) and the
# follower follows it again. The follower never changes the file (sha256 and mtime) and
# holds no lock; q closes it with status 0.
. "$(dirname "$0")/lib/tmux.sh"

# the score-only fixture without its summary step, so that s opens the summary over a step
content=$TMP/content.yaml
grep -v 'kind: summary' "$FIXTURES/score-only.yaml" > "$content"
"$MEETLAT" --check "$content" > /dev/null 2>&1 || fail "meetlat --check rejects $content"
file=$TMP/s.yaml

# facilitator_did TEXT - waits until the facilitator's screen shows TEXT saved.
facilitator_did() {
	CUR=$FAC
	e2e_poll 15 saved_with "$1" || fail "the facilitator's screen did not show \"$1\" saved"
	CUR=$FOL
}

# bars - the screen shows a vote bar (under a phase's column: "█... <count>").
bars() {
	body | grep -qE '█+ [0-9]+'
}

# file_state - the sha256 and the mtime (nanoseconds) of the session file.
file_state() {
	printf '%s %s' "$(sha256sum < "$file" | cut -d' ' -f1)" "$(stat -c %.9Y "$file")"
}

# locks_of PID - the lines of /proc/locks that PID holds.
locks_of() {
	awk -v pid="$1" '$2 == "FLOCK" || $2 == "POSIX" || $2 == "OFDLCK" { if ($5 == pid) print }' /proc/locks
}

start 80 24 -c "$content" "$file"
FAC=$CUR
wait_step 1/4
e2e_poll 5 test -s "$file" || fail "the facilitator's meetlat did not save the new session"
start 80 24 -c "$content" --follow "$file"
FOL=$CUR
get_pid
FPID=$PID
wait_for "rij alfa"
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

CUR=$FAC
keys r
facilitator_did "chose phase"
check "r: the follower shows the spread within 0.5 s" soon bars
check "r: the follower shows the median" on_screen "median 3"
expect_eq "the file records the reveal" "$(yaml_get "$file" scores.alfa.revealed)" "true"

CUR=$FAC
keys l
wait_step 2/4
facilitator_did "rij bravo"
check "the follower moves to the next step within 0.5 s" soon eval 'at_step 2/4 && on_screen "rij bravo"'
check "the new row's votes are hidden on the follower" eval '! bars'

CUR=$FAC
keys s
facilitator_did "Summary"
check "s: the follower shows the summary within 0.5 s" soon on_screen "Summary"
expect_eq "the file says the summary is shown" "$(yaml_get "$file" showing)" "summary"
CUR=$FAC
keys Escape
wait_gone "Summary"
CUR=$FOL
wait_gone "Summary" 3
check "the summary closed: the follower shows the step again" on_screen "rij bravo"

# the follower never writes and holds no lock
before=$(file_state)
sleep 1.5 # the follower checks the file and the lock once a second
expect_eq "the follower changes neither the bytes nor the mtime of the file" "$(file_state)" "$before"
expect_eq "the follower holds no lock" "$(locks_of "$FPID")" ""

CUR=$FAC
get_pid
kill -KILL "$PID"
wait_exit
CUR=$FOL
wait_for "The workshop has ended" 5
pass "killing the facilitator's meetlat: the follower says the workshop has ended"
check "the follower keeps showing the step" on_screen "rij bravo"
sleep 1.2
check "the follower keeps running" alive "$FPID"
expect_eq "after the kill the file is as the facilitator left it" "$(file_state)" "$before"

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
wait_for "De bijeenkomst is afgelopen" 5
pass "in Dutch the follower says \"De bijeenkomst is afgelopen\""
check "in Dutch the follower's header says \"live, volgt de facilitator\"" \
	header_says "live, volgt de facilitator"
check "in Dutch it never says \"alleen lezen\"" off_screen "alleen lezen"
keys q
wait_exit
finish
