#!/bin/sh
# start.sh - issue 5: with no SESSION and an empty default folder the start screen offers a new
# session; a title with "/" and ".." makes a file INSIDE the default folder (never outside) and
# the workshop starts at step 1/23. The next start lists the session with its title and Enter
# resumes it; a second session with the same title does not overwrite the first.
. "$(dirname "$0")/lib/tmux.sh"

title="Één / ../x"
marker=$TMP/marker
: > "$marker"
sleep 1 # files written later are -newer than the marker

# new_files - every file created or changed under $TMP after the marker, but the runner's.
new_files() {
	find "$TMP" -type f -newer "$marker" ! -path "$TMP/runs/*" ! -path "$TMP/asan/*" | sort
}

# sessions - the session files in the default folder.
sessions() {
	find "$SESSIONS" -maxdepth 1 -type f -name '*.yaml' | sort
}

start 100 30
wait_for "a new session"
pass "with no SESSION the start screen offers a new session"
check "the start screen names the default folder" on_screen "$SESSIONS"
check "the empty folder lists no session: only the new-session entry" \
	eval '[ "$(screen | grep -c "step [0-9]* of")" -eq 0 ]'
keys n
wait_for "New session"
wait_for "Title"
type_text "$title"
wait_for "$title"
keys Enter
wait_step 1/23
pass "n, a title, Enter: the workshop starts at step 1/23"
check "the header shows the session's title" on_screen "$title"
expect_eq "exactly one session file was made, in the default folder" "$(sessions | wc -l)" 1
first=$(sessions)
case ${first##*/} in
*/* | .* | *..*) fail "the file name ${first##*/} is not made of safe characters" ;;
esac
check "the file name is made of safe characters: ${first##*/}" \
	eval 'printf "%s\n" "${first##*/}" | grep -qE "^[A-Za-z0-9_-]+\.yaml$"'
check "no file was written outside the default folder" \
	eval '[ -z "$(new_files | grep -v "^$SESSIONS/")" ]'
expect_eq "the file holds the title exactly" "$(yaml_get "$first" title)" "$title"
keys e
wait_for "The session's details"
keys Tab
type_text "Gemeente Één"
keys Tab Tab Tab Tab
type_text "acht"
keys Enter
wait_for "Participants: write a whole number"
pass "the details form refuses \"acht\" participants"
keys BSpace BSpace BSpace BSpace
type_text "8"
keys Enter
wait_gone "The session's details"
expect_eq "the details are saved: organisation" "$(yaml_get "$first" organisation)" "Gemeente Één"
check "the details are saved: participants as the number 8" \
	yaml_ok "$first" 'd["participants"] == 8 and type(d["participants"]) is int'
keys Space
wait_step 2/23
keys q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0
expect_eq "the default folder holds just the session file" \
	"$(ls -A "$SESSIONS" | tr '\n' ' ')" "${first##*/} "

start 100 30
wait_for "$title"
pass "the next start lists the session with its title"
check "the list says where the session stands (step 2 of 23)" on_screen "step 2 of 23"
check "the session is selected first" on_screen_re "▶ +$title"
keys Enter
wait_step 2/23
pass "Enter resumes the session at step 2/23"
check "the resumed session is the one titled" on_screen "$title"
keys q
wait_exit

# A second session with the same title gets its own file.
start 100 30
wait_for "$title"
keys n
wait_for "New session"
type_text "$title"
wait_for "New session"
keys Enter
wait_step 1/23
expect_eq "a second session with the same title makes a second file" "$(sessions | wc -l)" 2
expect_eq "the first session is untouched (position: step 2, model)" "$(yaml_get "$first" position)" model
keys q
wait_exit

# Titles that are only a path.
for t in "../../../outside" "/" ".."; do
	start 100 30
	wait_for "a new session"
	keys n
	wait_for "New session"
	type_text "$t"
	keys Enter
	wait_step 1/23
	keys q
	wait_exit
	check "the title \"$t\" made no file outside the default folder" \
		eval '[ -z "$(new_files | grep -v "^$SESSIONS/")" ]'
done
check "no session file left the default folder: none under $TMP/data/meetlat or above" \
	eval '[ -z "$(find "$TMP" -name "*.yaml" ! -path "$SESSIONS/*" ! -path "$TMP/runs/*")" ]'
expect_eq "the default folder holds five sessions" "$(sessions | wc -l)" 5
finish
