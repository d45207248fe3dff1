#!/bin/sh
# conflict.sh - never lose anything, never clobber: when the session file is changed by another
# program while the session is open, the next change is not written over it; everything
# recorded goes to a conflict copy next to it, and the screen says where.
. "$(dirname "$0")/lib/tmux.sh"

content=$FIXTURES/score-only.yaml
"$MEETLAT" --check "$content" > /dev/null 2>&1 || fail "meetlat --check rejects $content"
dir=$TMP/c
mkdir "$dir"
file=$dir/s.yaml

start 100 30 -c "$content" "$file"
wait_step 1/5
wait_for "No votes yet"
keys 2
wait_for "1 vote"
e2e_poll 10 yaml_ok "$file" 'd["scores"]["alfa"]["votes"] == [2]' || fail "the first vote was not saved"
pass "the first vote is saved in the session file"

# Another program rewrites the file (a valid session, another title).
"$PYTHON" - "$file" << 'EOF' || fail "could not change the session file from outside"
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
open(path, "w", encoding="utf-8").write(text.replace('title: "s"', 'title: "extern gewijzigd"', 1))
EOF
expect_eq "the file was changed from outside" "$(yaml_get "$file" title)" "extern gewijzigd"

keys 3
wait_for "changed elsewhere"
said=$(status_line)
pass "the next change is refused for the session file: the screen says it was changed"
# named - the screen names the conflict copy (polled while the message shows).
named() {
	on_screen "s.conflict-"
}
if e2e_poll 3 named; then named=yes; else named=no; fi
wait_for "2 votes"
keys 4
wait_for "3 votes"
keys q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0

expect_eq "the outside change is kept (title)" "$(yaml_get "$file" title)" "extern gewijzigd"
expect_eq "the session file was not written over (votes [2])" \
	"$(yaml_get "$file" scores.alfa.votes)" "[2]"
copies=$(find "$dir" -name 's.conflict-*.yaml' | wc -l)
expect_eq "one conflict copy is next to the session file" "$copies" 1
copy=$(find "$dir" -name 's.conflict-*.yaml')
expect_eq "the conflict copy holds every vote (nothing lost)" \
	"$(yaml_get "$copy" scores.alfa.votes)" "[2, 3, 4]"
expect_eq "no lock or temporary file remains" "$(find "$dir" -type f | wc -l)" 2
[ "$named" = yes ] ||
	fail "the screen never named the conflict copy ${copy##*/}; the status line said: $said"
pass "the screen names the conflict copy"
finish
