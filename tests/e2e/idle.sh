#!/bin/sh
# idle.sh - issue 10: idle means idle. With the action list of 10,000 actions open and no key
# pressed, the program sleeps until the next second of its clock: over 3 s it uses a small
# part of the CPU time that rebuilding the list four times a second took (the bound is
# generous, for a sanitized build on a busy machine), and its clock still runs.
. "$(dirname "$0")/lib/tmux.sh"

file=$TMP/idle.yaml
start 100 30 "$file"
wait_step 1/23
keys q
wait_exit

# 10,000 actions of 300 bytes each, in the file the program just made.
"$PYTHON" - "$file" <<'EOF' || fail "could not write the session with 10,000 actions"
import sys
path = sys.argv[1]
text = open(path).read()
line = ('  - { text: "Actie %05d: webcare-protocol afspreken met het team communicatie' +
        ' en de afdeling dienstverlening' * 9 + '", dimension: conversatie, owner: "Team",' +
        ' due: 2027-01-15, done: false }')
actions = "actions:\n" + "\n".join(line % i for i in range(10000))
open(path, "w").write(text.replace("actions: []", actions))
EOF

# cpu_ms - the CPU time (user and system) the program has used so far, in milliseconds.
cpu_ms() {
	awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / hz) }' \
		"/proc/$PID/stat"
}

start 100 30 "$file"
wait_step 1/23 30
keys A
wait_for "Actie 00000" 30
settle
get_pid
before=$(cpu_ms)
clock_before=$(status_line)
sleep 3
used=$(($(cpu_ms) - before))
check "idle for 3 s with 10,000 actions listed: ${used} ms of CPU (at most 150)" \
	test "$used" -le 150
check "the clock of the status line still runs while idle" \
	test "$(status_line)" != "$clock_before"
keys Escape
wait_gone "Actie 00000"
keys q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0
finish
