#!/bin/sh
# vote-load.sh - issue 13: 300 phones vote at once over loopback (tests/tools/vote_load, one
# thread a phone): all within 5 s, every vote printed exactly once with its phase, also when
# the server's 256 connections are first all taken by idle clients (the phones then wait or
# try again, and none is lost; a vote sent again by a phone that gave up waiting is the same
# phase from the same token, which test_vote shows changes nothing).
# Needs BUILD (the test tools), as tests/run-all sets it.
. "$(dirname "$0")/lib/cli.sh"
. "$(dirname "$0")/lib/vote.sh"
needs BUILD

room_start 127.0.0.1:0
"$BUILD/tests/tools/vote_load" "$url" 300 5 > "$work/load1" 2> "$work/load1.err"
check "300 phones voted within 5 s" test $? -eq 0
check "... all of them" grep -q '^phones 300 voted 300 ' "$work/load1"
room_wait_votes 300
check "300 votes are printed" test "$(room_votes | wc -l)" -eq 300
for p in 1 2 3 4; do
	check "75 of them for phase $p, none replacing" \
		test "$(room_votes | grep -cx "vote r1 $p 0")" -eq 75
done
room_stop

rm -f "$work/room.url" "$work/room.in"
room_start 127.0.0.1:0
"$BUILD/tests/tools/vote_load" "$url" 300 5 256 > "$work/load2" 2> "$work/load2.err"
check "with all 256 connections first taken, 300 phones still vote within 5 s" test $? -eq 0
check "... all of them" grep -q '^phones 300 voted 300 ' "$work/load2"
room_wait_votes 300
check "... each counted exactly once" test "$(room_votes | sort | uniq -c | awk '{ n += $1 } END { print n }')" -eq 300
check "... 75 a phase" test "$(room_votes | sort | uniq -c | awk '$1 == 75' | wc -l)" -eq 4
room_stop
cat "$work/load1" "$work/load2"
finish vote-load "300 phones vote at once and each vote counts once"
