#!/bin/sh
# resume.sh - issue 5: quitting and opening the session again resumes at the same step and row,
# with what was recorded, and with no overlay open (whatever was open when the program ended).
# A second program on a session that is open is refused.
. "$(dirname "$0")/lib/tmux.sh"

content=$FIXTURES/score-only.yaml
"$MEETLAT" --check "$content" > /dev/null 2>&1 || fail "meetlat --check rejects $content"
file=$TMP/resume.yaml

start 100 30 -c "$content" "$file"
wait_step 1/5
keys l l
wait_step 3/5
wait_for "rij charlie"
keys 1 2
wait_for "2 votes"
keys o
wait_for "Overview"
keys j # select step 4 without jumping to it
keys q
wait_gone "Overview"
check "q first closes the overview; the step is still 3/5" at_step 3/5
keys q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0
expect_eq "the file's position is step 3 (score:charlie)" "$(yaml_get "$file" position)" "score:charlie"

start 100 30 -c "$content" "$file"
wait_step 3/5
pass "reopened: the status line shows step 3/5 again"
check "the same row is shown (rij charlie, row 3 of 4)" \
	eval 'on_screen "row 3 of 4" && on_screen "rij charlie"'
check "the votes recorded are back (2, hidden)" on_screen "2 votes, hidden"
check "no overlay is open" eval 'off_screen "Overview" && off_screen "Keys"'

# While it is open, a second meetlat on the same session is refused; the first goes on.
first=$CUR
get_pid
start 100 30 -c "$content" "$file"
wait_exit
expect_eq "a second meetlat on the open session exits with status 1" "$(exit_status)" 1
check "it says the session is open in another meetlat (pid $PID)" \
	on_screen "is open in another meetlat (pid $PID)"
CUR=$first
keys 3
wait_for "3 votes"
expect_eq "the first program goes on recording (3 votes in the file)" \
	"$(yaml_get "$file" scores.charlie.votes)" "[1, 2, 3]"

# Jump with the overview, open the help and end with SIGTERM while it is open.
keys o
wait_for "Overview"
keys j Enter
wait_step 4/5
wait_for "rij delta"
keys '?'
wait_for "Keys"
get_pid
kill -TERM "$PID"
wait_exit
expect_eq "the file's position is step 4 (score:delta)" "$(yaml_get "$file" position)" "score:delta"

start 80 24 -c "$content" "$file"
wait_step 4/5
pass "reopened at 80x24: the status line shows step 4/5"
check "the same row is shown (rij delta, row 4 of 4)" \
	eval 'on_screen "row 4 of 4" && on_screen "rij delta"'
check "the help that was open at the end is closed" off_screen "Keys"
keys q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0

# The built-in almanac: resume on the scoring step of row 2.
file=$TMP/almanak.yaml
start 100 30 "$file"
wait_step 1/23
keys o
wait_for "Overview"
keys j j j j j j j j j j j Enter
wait_step 12/23
wait_for "row 2 of 10"
keys q
wait_exit
start 100 30 "$file"
wait_step 12/23
check "the built-in almanac resumes at step 12/23, row customer experience" \
	eval 'on_screen_re "^ +customer experience +interactie, row 2 of 10 *$"'
keys q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0
finish
