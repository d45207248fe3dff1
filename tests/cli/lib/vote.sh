# tests/cli/lib/vote.sh - a phone-vote room for the command-line tests (sourced after cli.sh;
# not a test itself). Loopback only; the room stops when the script ends.
#
# API:
#   room_start ADDR [LANG]   start tests/tools/vote_serve on ADDR (e.g. 127.0.0.1:0) with the
#                            fixture row r1 open; sets url (http://HOST:PORT/CODE), code, base
#                            (http://HOST:PORT) and events (the file its vote lines go to)
#   room_do COMMAND          send it "open ID", "close", "keep" or "nokeep" and wait until done
#   room_votes               the vote lines printed so far ("vote ROW PHASE REPLACES")
#   room_wait_votes N        wait (at most 5 s) until N vote lines are printed
#   room_stop                close its stdin and wait for it to end

room_start() {
	mkfifo "$work/room.in"
	"$BUILD/tests/tools/vote_serve" "$1" "$work/room.url" 120 ${2:+"$2"} \
		< "$work/room.in" > "$work/room.out" 2> "$work/room.err" &
	room_pid=$!
	exec 7> "$work/room.in"
	for vote_i in $(seq 100); do
		[ -s "$work/room.url" ] && break
		kill -0 "$room_pid" 2> /dev/null || break
		sleep 0.05
	done
	[ -s "$work/room.url" ] || die "the vote room did not start: $(cat "$work/room.err")"
	url=$(cat "$work/room.url")
	code=${url##*/}
	base=${url%/*}
	events="$work/room.out"
}

room_do() {
	echo "$1" >&7
	for vote_i in $(seq 100); do
		grep -qxF "ok $1" "$events" && return 0
		sleep 0.05
	done
	die "the vote room did not do: $1"
}

room_votes() {
	grep '^vote ' "$events"
}

room_wait_votes() {
	for vote_i in $(seq 100); do
		[ "$(room_votes | wc -l)" -ge "$1" ] && return 0
		sleep 0.05
	done
	return 1
}

room_stop() {
	exec 7>&-
	wait "$room_pid"
}
