#!/bin/sh
# links.sh - issue 8: one file, one lock, whatever its name. A session opened through a
# symbolic link into another folder is saved to the file the link points to (the link stays a
# link); while it is open a second meetlat is refused the file by every name (the file
# itself, the link, a hard link made before it was opened, also after saves replaced the
# file); after kill -9 the next start opens at once with no warning about a lock; a session
# file without write permission opens only with --review, and says so.
. "$(dirname "$0")/lib/tmux.sh"

content=$FIXTURES/score-only.yaml
dir=$TMP/links
mkdir -p "$dir/elsewhere"
real=$dir/elsewhere/real.yaml
link=$dir/link.yaml
hard=$dir/hard.yaml
ln -s elsewhere/real.yaml "$link"

# refused NAME WHAT [PID] - a second meetlat on NAME ends at once with status 1, saying that
# the file is open in another meetlat (naming PID when given); the file is as it was.
refused() {
	before=$(cksum < "$real")
	"$MEETLAT" -c "$content" "$1" < /dev/null > "$TMP/second.out" 2> "$TMP/second.err"
	expect_eq "$2: a second meetlat is refused (status 1)" "$?" 1
	if [ -n "${3:-}" ]; then
		want="$1: is open in another meetlat (pid $3)"
	else
		want="$1: is open in another meetlat"
	fi
	expect_eq "$2: it says the file is open in another meetlat" "$(cat "$TMP/second.err")" \
		"$want"
	expect_eq "$2: the file is as it was" "$(cksum < "$real")" "$before"
}

# A new session through a link whose target does not exist yet: saved as the target.
start 100 30 -c "$content" "$link"
wait_step 1/5
wait_for "No votes yet"
keys 4
e2e_poll 15 saved_with "1 vote" || fail "the vote was not shown as saved"
get_pid
check "the link is still a symbolic link to the same name" \
	eval '[ -L "$link" ] && [ "$(readlink "$link")" = elsewhere/real.yaml ]'
expect_eq "the vote is saved in the file the link points to" \
	"$(yaml_get "$real" scores.alfa.votes)" "[4]"
expect_eq "the lock file is next to the file itself, not next to the link" \
	"$(ls -A "$dir" | tr '\n' ' ')" "elsewhere link.yaml "
refused "$real" "the file itself" "$PID"
refused "$link" "the link" "$PID"
keys q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0
expect_eq "after q only the session file is next to the file itself" \
	"$(ls -A "$dir/elsewhere" | tr '\n' ' ')" "real.yaml "

# A hard link made before opening: refused, also after saves replaced the file.
ln "$real" "$hard"
start 100 30 -c "$content" "$real"
wait_step 1/5
wait_for "1 vote"
get_pid
refused "$hard" "a hard link"
keys 2
e2e_poll 15 saved_with "2 votes" || fail "the second vote was not shown as saved"
refused "$hard" "a hard link, after a save replaced the file"
refused "$link" "the link, after a save" "$PID"

# kill -9, then open again: no warning, no modal; the votes are there.
kill -KILL "$PID"
wait_exit
expect_eq "SIGKILL: the program was killed (status 137)" "$(exit_status)" 137
start 100 30 -c "$content" "$link"
wait_step 1/5
wait_for "2 votes"
settle
check "after kill -9 the session opens with no warnings overlay" \
	off_screen "Worth knowing about this session"
check "after kill -9 nothing on the screen mentions a lock" off_screen "lock"
keys 3
e2e_poll 15 saved_with "3 votes" || fail "after kill -9 a vote is not taken"
pass "after kill -9 the reopened session takes votes at once"
keys q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0
expect_eq "the votes of both runs are in the file" "$(yaml_get "$real" scores.alfa.votes)" \
	"[4, 2, 3]"

# A session file without write permission (the mode counts, for root too): only --review.
chmod 444 "$real"
before=$(cksum < "$real")
"$MEETLAT" -c "$content" "$link" < /dev/null > "$TMP/ro.out" 2> "$TMP/ro.err"
expect_eq "a read-only session file is refused for the workshop (status 1)" "$?" 1
why="the file is read-only, so the workshop cannot be saved in it: to look at it, use"
expect_eq "it says why and what to do" "$(cat "$TMP/ro.err")" \
	"$link: $why meetlat --review; to go on with it, make the file writable first"
start 100 30 -c "$content" --review "$link"
wait_for "read-only review"
wait_for "3 votes"
pass "--review opens the read-only session file"
keys q
wait_exit
expect_eq "--review exits with status 0" "$(exit_status)" 0
expect_eq "the read-only file is as it was" "$(cksum < "$real")" "$before"
check "the read-only file is still read-only" eval '[ "$(stat -c %a "$real")" = 444 ]'
finish
