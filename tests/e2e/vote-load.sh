#!/bin/sh
# vote-load.sh - issue 13: 300 phones (tests/tools/vote_load, one thread a phone, loopback)
# vote at once on the row v opened in meetlat (80x24): while they vote the terminal answers a
# key at once (the votes are taken in batches beside the keys; the digit typed then counts
# too), every phone's vote is counted exactly once on the screen and in the session file (75
# per phase), the box stays once the long message under it is gone, and after q nothing
# listens.
# Needs MEETLAT and BUILD (the test tools), as tests/run-all sets them.
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/phones.sh"

: "${BUILD:?set BUILD to the build folder (its tests/tools/vote_load)}"
load=$BUILD/tests/tools/vote_load
[ -x "$load" ] || fail "$load is missing (make test-programs)"
facilitator
open_voting

"$load" "$url" 300 10 > "$TMP/load" 2> "$TMP/load.err" &
loader=$!
keys 3 # a typed vote: its answer must be painted while the phones vote
e2e_poll 2 on_screen "Vote recorded:" || fail "the terminal did not answer a key during the load"
pass "during the load the terminal answers a key within 2 s"
wait "$loader"
check "300 phones voted (vote_load: every one answered)" test $? -eq 0
check "... as vote_load counts them" grep -q '^phones 300 voted 300 ' "$TMP/load"
wait_for "301 votes" 10
check "the box counts each vote once, the typed one too" off_screen "302 votes"
e2e_poll 10 yaml_ok "$file" 'len(d["scores"]["alfa"]["votes"]) == 301' ||
	fail "the session file does not hold 301 votes"
check "the session file holds 75 votes for each phase, and the typed 3" \
	yaml_ok "$file" '[d["scores"]["alfa"]["votes"].count(p) for p in (1, 2, 3, 4)] == [75, 75, 76, 75]'
keys V # a message of two lines over the box, which then passes by itself
wait_for "stays open between rows"
e2e_poll 8 off_screen "stays open between rows" || fail "the message did not pass"
check "the box stays once the message over it is gone" on_screen "Vote on your phone"
keys q
wait_exit
expect_eq "meetlat ends well" "$(exit_status)" 0
check "after q nothing listens" eval 'curl -s -m 5 -o /dev/null "$url"; [ $? = 7 ]'
finish
