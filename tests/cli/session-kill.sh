#!/bin/sh
# session-kill.sh - while a process saves a session in a loop, a second one is refused the
# file (the lock). Then the saving process is killed with SIGKILL at random moments, 200 times
# (KILLS to change). After each kill the file must read as one whole state (never a mix, never
# older than the state seen before), and opening it again must remove the stale lock and any
# temporary file the kill left.
# Needs BUILD (the build folder with tests/tools/session_fixture), as tests/run-all sets it.
. "$(dirname "$0")/lib/cli.sh"
needs BUILD
tool="$BUILD/tests/tools/session_fixture"
file="$work/kill.yaml"
kills=${KILLS:-200}

# Succeeds when the folder holds a temporary file or (with "lock") a lock file too.
leftovers() {
	if [ "${1:-}" = lock ]; then
		ls -A "$work" | grep -q -e '\.tmp-' -e '\.lock$'
	else
		ls -A "$work" | grep -q '\.tmp-'
	fi
}

"$tool" loop "$file" 1 > /dev/null || die "cannot save the first state"

# While one process has the file open, a second one is refused and told who has it.
"$tool" loop "$file" 0 > "$work/first.out" 2> "$work/first.err" &
pid=$!
tries=0
while [ ! -s "$work/first.out" ] && [ "$tries" -lt 200 ]; do
	sleep 0.05
	tries=$((tries + 1))
done
if "$tool" verify "$file" > /dev/null 2> "$work/second.err"; then
	die "a second process could open a file that is open"
fi
grep -q "kill.yaml: is open in another meetlat (pid $pid)" "$work/second.err" ||
	die "the second process was not told who has the file: $(cat "$work/second.err")"
kill -KILL "$pid" 2> /dev/null
{ wait "$pid"; } 2> /dev/null
last=1 torn=0 i=0
while [ "$i" -lt "$kills" ]; do
	i=$((i + 1))
	"$tool" loop "$file" 0 > /dev/null 2> "$work/loop.err" &
	pid=$!
	ms=$(($(od -An -N2 -tu2 /dev/urandom) % 40 + 5))
	sleep "$(printf '0.%03d' "$ms")"
	kill -KILL "$pid" 2> /dev/null
	{ wait "$pid"; } 2> /dev/null # without the shell's "Killed"
	status=$?
	[ "$status" -eq 137 ] ||
		die "kill $i: the saving process ended by itself (status $status): $(cat "$work/loop.err")"
	if leftovers; then
		torn=$((torn + 1))
	fi
	now=$("$tool" verify "$file" 2> "$work/verify.err") ||
		die "kill $i: $(cat "$work/verify.err")"
	[ "$now" -ge "$last" ] || die "kill $i: the file went back from state $last to state $now"
	if leftovers lock; then
		die "kill $i: files left after reopening: $(ls -A "$work" | tr '\n' ' ')"
	fi
	last=$now
done
echo "session-kill: $kills kills at random moments; the file always held one whole state" \
	"($last states saved; $torn kills left a temporary file, removed by the next open)"
