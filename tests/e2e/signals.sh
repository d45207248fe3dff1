#!/bin/sh
# signals.sh - issue 4: nothing is lost and nothing is left behind when the program is ended
# from outside: SIGKILL right after a vote (every change is saved at once; the lock file left
# does not block the next start, and nothing needs recovering), SIGTERM after a note, SIGINT
# from Ctrl-C, SIGHUP from a vanishing terminal (tmux kill-server), and a terminal lost
# without any SIGHUP: the file parses and holds the change and the time spent, no lock or
# temporary file remains, the terminal is restored. Ctrl-Z suspends and fg resumes.
. "$(dirname "$0")/lib/tmux.sh"

content=$FIXTURES/score-only.yaml
"$MEETLAT" --check "$content" > /dev/null 2>&1 || fail "meetlat --check rejects $content"

# vote DIGIT - votes DIGIT on the first row and waits until the vote is shown and saved.
vote() {
	wait_step 1/5
	wait_for "No votes yet"
	keys "$1"
	e2e_poll 15 saved_with "1 vote" || fail "the vote $1 was not shown as saved"
}

# only_file DIR WHAT - DIR holds the session file s.yaml and nothing else (no lock, no temp).
only_file() {
	expect_eq "$2: no lock or temporary file remains" "$(ls -A "$1" | tr '\n' ' ')" "s.yaml "
}

# timed WHAT FILE - the time spent on step 1, score:alfa (at least 3 s on the clock), was saved
# at the end.
timed() {
	check "$1: the time spent on the step was saved at the end (>= 2 s)" \
		yaml_ok "$2" 'any(t["step"] == "score:alfa" and t["seconds"] >= 2 for t in d["timings"])'
}

# (d) SIGKILL right after a vote: the vote is already in the file.
dir=$TMP/kill
mkdir "$dir"
start 100 30 -c "$content" "$dir/s.yaml"
vote 4
get_pid
kill -KILL "$PID"
wait_exit
expect_eq "SIGKILL: the program was killed (status 137)" "$(exit_status)" 137
expect_eq "SIGKILL right after a vote: the vote is in the file" \
	"$(yaml_get "$dir/s.yaml" scores.alfa.votes)" "[4]"
expect_eq "SIGKILL: only the file and its (unheld) lock file are in the folder" \
	"$(ls -A "$dir" | tr '\n' ' ')" ".s.yaml.lock s.yaml "
start 100 30 -c "$content" "$dir/s.yaml"
wait_step 1/5
wait_for "1 vote"
check "reopened after SIGKILL: no warning about the lock (the kernel released it)" \
	off_screen "stale lock"
pass "after SIGKILL the session opens again (the lock file left does not block) with the vote"
keys q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0
only_file "$dir" "after SIGKILL and a clean reopen"

# (b) SIGTERM after a note.
dir=$TMP/term
mkdir "$dir"
note="Notitie vóór SIGTERM: één – 'klaar'"
start 100 30 -c "$content" "$dir/s.yaml"
vote 2
keys n
wait_for "Note for this row"
type_text "$note"
wait_for "$note"
keys Enter
e2e_poll 15 saved_with "Note: $note" || fail "the note was not shown as saved"
wait_re '0:0[3-9] / 5 min'
get_pid
kill -TERM "$PID"
wait_exit
pass "SIGTERM ends the program (status $(exit_status))"
check "SIGTERM: the terminal is restored (the program's screen is gone, the shell's line shows)" \
	eval 'off_screen "Score: rij alfa" && on_screen_re "^EXIT=[0-9]+$"'
expect_eq "SIGTERM: the note is in the file" "$(yaml_get "$dir/s.yaml" scores.alfa.note)" "$note"
expect_eq "SIGTERM: the vote is in the file" "$(yaml_get "$dir/s.yaml" scores.alfa.votes)" "[2]"
timed SIGTERM "$dir/s.yaml"
only_file "$dir" SIGTERM

# (c) SIGINT from Ctrl-C: saves and exits.
dir=$TMP/int
mkdir "$dir"
start 100 30 -c "$content" "$dir/s.yaml"
vote 3
wait_re '0:0[3-9] / 5 min'
keys C-c
wait_exit
pass "Ctrl-C ends the program (status $(exit_status))"
check "Ctrl-C: the terminal is restored" \
	eval 'off_screen "Score: rij alfa" && on_screen_re "^EXIT=[0-9]+$"'
expect_eq "Ctrl-C: the vote is in the file" "$(yaml_get "$dir/s.yaml" scores.alfa.votes)" "[3]"
timed Ctrl-C "$dir/s.yaml"
only_file "$dir" Ctrl-C

# (e) Ctrl-Z suspends, fg resumes; the terminal's modes are as before at the end.
dir=$TMP/tstp
mkdir "$dir"
start_shell 100 30
type_text "stty -g > $dir/../stty.before; \"\$MEETLAT\" -c $content $dir/s.yaml"
keys Enter
wait_step 1/5
wait_for "No votes yet"
keys C-z
wait_for "Stopped"
wait_gone "Score: rij alfa"
pass "Ctrl-Z suspends: the shell reports the job stopped, the program's screen is gone"
type_text "fg"
keys Enter
wait_step 1/5
wait_for "No votes yet"
pass "fg resumes: the screen is drawn again"
keys 1
e2e_poll 15 saved_with "1 vote" || fail "after fg a vote is not taken"
pass "after fg the program takes keys again (a vote)"
keys q
wait_re '^e2e\$ *$'
type_text "echo \"EXIT=\$?\"; stty -g > $dir/../stty.after"
keys Enter
wait_re '^EXIT=[0-9]+$'
check "after fg and q the program exits with status 0" on_screen_re '^EXIT=0$'
check "the terminal's modes are restored (stty -g as before)" \
	cmp -s "$dir/../stty.before" "$dir/../stty.after"
expect_eq "Ctrl-Z: the vote after resuming is in the file" \
	"$(yaml_get "$dir/s.yaml" scores.alfa.votes)" "[1]"
only_file "$dir" "Ctrl-Z, fg, q"

# (a) SIGHUP: the terminal goes away (tmux kill-server) while a session is open after a vote.
dir=$TMP/hup
mkdir "$dir"
start 100 30 -c "$content" "$dir/s.yaml"
vote 4
wait_re '0:0[3-9] / 5 min'
tm kill-server
CUR=
e2e_reap 15 || fail "SIGHUP (tmux kill-server): the program did not end"
pass "SIGHUP (tmux kill-server) ends the program"
check "SIGHUP: the session file parses" yaml_ok "$dir/s.yaml" 'd["meetlat_session"] == 1'
expect_eq "SIGHUP: the vote is in the file" "$(yaml_get "$dir/s.yaml" scores.alfa.votes)" "[4]"
timed SIGHUP "$dir/s.yaml"
only_file "$dir" SIGHUP

# (f) The terminal goes away and no SIGHUP comes (the program runs in a session of its own):
# input fails at once, forever; the program must notice, save and exit, not spin.
dir=$TMP/lost
mkdir "$dir"
E2E_SETSID=1 start 100 30 -c "$content" "$dir/s.yaml"
vote 1
wait_re '0:0[3-9] / 5 min'
tm kill-server
CUR=
e2e_reap 15 || fail "a terminal lost without SIGHUP: the program did not end within 15 s"
pass "a terminal lost without SIGHUP: the program notices and ends"
expect_eq "lost terminal: the vote is in the file" "$(yaml_get "$dir/s.yaml" scores.alfa.votes)" "[1]"
timed "lost terminal" "$dir/s.yaml"
only_file "$dir" "lost terminal"
finish
