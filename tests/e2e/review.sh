#!/bin/sh
# review.sh - issue 4: `meetlat --review FILE` opens a session read-only: walking and every
# editing key (votes, c, t, u, n, a, e, and Space/d/Enter/a in the action list) are refused
# with "read-only" on the screen; the file's bytes and modification time are unchanged and no
# lock or temporary file appears in its folder, neither during the review nor after it.
. "$(dirname "$0")/lib/tmux.sh"

content=$FIXTURES/score-only.yaml
"$MEETLAT" --check "$content" > /dev/null 2>&1 || fail "meetlat --check rejects $content"
dir=$TMP/review
mkdir "$dir"
file=$dir/s.yaml

# A session to review, recorded by the program itself.
start 100 30 -c "$content" "$file"
wait_step 1/5
wait_for "No votes yet"
keys 2 3 3
wait_for "3 votes"
keys c 2 t 3
wait_for "Agreed:"
keys n
wait_for "Note for this row"
type_text "Bestaande notitie"
keys Enter
wait_for "Note: Bestaande notitie"
keys a
wait_for "New action"
type_text "Actie een"
keys Tab
type_text "Piet"
keys Tab
type_text "2027-01-15"
keys Enter
wait_gone "New action"
wait_for "Actie een"
keys q
wait_exit
expect_eq "the session to review was written (status 0)" "$(exit_status)" 0

sum_before=$(sha256sum < "$file")
time_before=$(stat -c '%Y %y' "$file")
list_before=$(ls -A "$dir" | tr '\n' ' ')
expect_eq "before the review the folder holds only the session file" "$list_before" "s.yaml "
sleep 1 # a write in the same second would not change %Y; %y has nanoseconds, but be sure

start 100 30 -c "$content" --review "$file"
wait_step 1/5
wait_for "read-only review"
check "the status line says read-only" eval 'status_line | grep -q "read-only"'
expect_eq "during the review no lock or temporary file is in the folder" \
	"$(ls -A "$dir" | tr '\n' ' ')" "$list_before"

# Walking is allowed.
keys Space
wait_step 2/5
keys l
wait_step 3/5
keys o
wait_for "Overview"
keys j Enter
wait_step 4/5
keys h h h
wait_step 1/5
wait_for "3 votes"
pass "walking works in the review (Space, l, o, h)"

# no_refusal - the status line shows no "Read-only review" message.
no_refusal() {
	off_screen "Read-only review"
}

# refused WHAT KEY... - sends KEY... on step 1; the screen says "Read-only review".
refused() {
	check "no refusal is shown before $1" no_refusal
	what=$1
	shift
	keys "$@"
	wait_for "Read-only review: nothing can be changed."
	pass "$what is refused: the screen says \"Read-only review\""
}

# clear_message - closes any overlay and replaces the message by another one (Space on the
# last step says "This is the last step."); back on step 1.
clear_message() {
	keys Escape
	wait_gone "Esc closes"
	keys G
	wait_step 5/5
	tries=0
	until on_screen "This is the last step."; do
		[ "$tries" -lt 5 ] || fail "Space on the last step never said it is the last step"
		keys Space # the first presses may scroll the summary
		e2e_poll 2 on_screen "This is the last step."
		tries=$((tries + 1))
	done
	keys g
	wait_step 1/5
}

unchanged_row() {
	check "$1: the row is unchanged" eval 'on_screen "3 votes, hidden" &&
		on_screen "Agreed:  2 fase twee  →  3 fase drie" && on_screen "Note: Bestaande notitie"'
}

for key in 1 2 4; do
	refused "the vote key $key" "$key"
	unchanged_row "after $key"
	clear_message
done
refused "c 2 (current)" c 2
unchanged_row "after c 2"
clear_message
refused "t 3 (target)" t 3
unchanged_row "after t 3"
clear_message
refused "u (undo a vote)" u
unchanged_row "after u"
clear_message
refused "n (note)" n
check "n opens no note form" off_screen "Note for this row"
clear_message
refused "a (add an action)" a
check "a opens no action form" off_screen "New action"
clear_message
refused "e (edit the details)" e
check "e opens no form" off_screen "Tab next field"
clear_message

keys A
wait_for "read-only; Esc closes"
check "A lists the actions, marked read-only" on_screen "[ ] Actie een"
refused "Space in the action list (done)" Space
check "the action is still not done" on_screen "[ ] Actie een"
clear_message
keys A
wait_for "read-only; Esc closes"
refused "d in the action list (delete)" d
check "d asks nothing and deletes nothing" eval 'off_screen "y yes" && on_screen "[ ] Actie een"'
clear_message
keys A
wait_for "read-only; Esc closes"
refused "Enter in the action list (edit)" Enter
check "Enter opens no form" off_screen "Tab next field"
clear_message
keys A
wait_for "read-only; Esc closes"
refused "a in the action list (add)" a
check "a in the list opens no form" off_screen "New action"
clear_message

keys q
wait_exit
expect_eq "q ends the review with status 0" "$(exit_status)" 0
expect_eq "the file's bytes are unchanged (sha256)" "$(sha256sum < "$file")" "$sum_before"
expect_eq "the file's modification time is unchanged" "$(stat -c '%Y %y' "$file")" "$time_before"
expect_eq "no lock or temporary file is left in the folder" \
	"$(ls -A "$dir" | tr '\n' ' ')" "$list_before"
finish
