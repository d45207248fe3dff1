#!/bin/sh
# preview.sh - issue 8: `meetlat --preview CONTENT` walks a content file without creating or
# writing any session file: votes and actions can be tried, the status line says nothing is
# saved, and afterwards no file exists that was not there before.
. "$(dirname "$0")/lib/tmux.sh"

content=$FIXTURES/score-only.yaml
work=$TMP/work
mkdir -p "$work"
cp "$content" "$work/kort.yaml"
before=$(cd "$TMP" && find . -path ./runs -prune -o -path ./asan -prune -o -print | sort)

start 100 30 --preview "$work/kort.yaml"
wait_step 1/5
check "the status line says nothing is saved" eval 'status_line | grep -qF "preview: nothing is saved"'
keys 3 3
wait_for "2 votes"
pass "votes can be tried"
keys a
wait_for "New action"
type_text "Proefactie"
keys Enter
wait_gone "New action"
keys A
wait_for "Proefactie"
pass "an action can be tried: it is in the action list"
keys Escape
settle
keys l
wait_step 2/5
keys q
wait_exit
expect_eq "q exits with status 0 at once (nothing to save)" "$(exit_status)" 0
after=$(cd "$TMP" && find . -path ./runs -prune -o -path ./asan -prune -o -print | sort)
expect_eq "no file or folder was created (no session, no session folder, no lock)" \
	"$after" "$before"
check "the content file is untouched" cmp -s "$content" "$work/kort.yaml"

"$MEETLAT" --preview > /dev/null 2>&1 < /dev/null
expect_eq "--preview without CONTENT: usage, exit 2" "$?" 2
"$MEETLAT" --preview "$TMP/missing.yaml" > /dev/null 2> "$TMP/err" < /dev/null
expect_eq "--preview of a file that does not exist: exit 1" "$?" 1
check "and it is not created" test ! -e "$TMP/missing.yaml"
finish
