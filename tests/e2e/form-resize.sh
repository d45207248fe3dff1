#!/bin/sh
# form-resize.sh - issue 5: resizing the terminal while a form is open keeps what was typed,
# the field being edited and the form itself, also through a size below the minimum and back;
# Enter then saves it all.
. "$(dirname "$0")/lib/tmux.sh"

content=$FIXTURES/score-only.yaml
"$MEETLAT" --check "$content" > /dev/null 2>&1 || fail "meetlat --check rejects $content"
file=$TMP/form.yaml

text="Actie die een resize overleeft – één"
owner="Piet"
start 100 30 -c "$content" "$file"
wait_step 1/5
keys a
wait_for "New action"
type_text "$text"
keys Tab
type_text "$owner"
wait_for "$owner"

resize 80 24
wait_for "New action"
wait_for "$text"
pass "at 80x24 the action form is still open with the text typed"
check "the owner typed is still there" on_screen "$owner"
resize 30 10
wait_for "40x12"
pass "below the minimum the size message replaces the form"
resize 100 30
wait_for "New action"
wait_for "$text"
pass "back at 100x30 the form is open again with the text typed"
check "the owner typed survived the resize below the minimum" on_screen "$owner"
check "the row is still prefilled" on_screen "< rij alfa >"
type_text " Jansen"
wait_for "$owner Jansen"
pass "typing goes on in the field that was being edited (owner)"
keys Tab
type_text "2027-06-30"
wait_for "2027-06-30"
resize 90 26
wait_for "2027-06-30"
keys Enter
wait_gone "New action"
wait_for "$text"
pass "Enter saves the action after the resizes"
expect_eq "file: the action's text" "$(yaml_get "$file" actions.0.text)" "$text"
expect_eq "file: the owner" "$(yaml_get "$file" actions.0.owner)" "$owner Jansen"
expect_eq "file: the due date" "$(yaml_get "$file" actions.0.due)" "2027-06-30"
expect_eq "file: the row" "$(yaml_get "$file" actions.0.dimension)" "alfa"

# The note form too.
note="Notitie door de resize heen – ë"
keys n
wait_for "Note for this row"
type_text "$note"
wait_for "$note"
resize 80 24
wait_for "Note for this row"
wait_for "$note"
resize 35 11
wait_for "40x12"
resize 100 30
wait_for "Note for this row"
wait_for "$note"
pass "the note form keeps its text through resizes to 80x24, 35x11 and back"
type_text "!"
wait_for "$note!"
keys Enter
wait_gone "Note for this row"
expect_eq "file: the note typed across the resizes" "$(yaml_get "$file" scores.alfa.note)" "$note!"

# At the minimum size (40x12) every field of the action form can be seen and used.
resize 40 12
wait_step 1/5
keys a
wait_for "New action"
type_text "Klein"
keys Tab
type_text "Ann"
keys Tab
settle
check "at 40x12 the focused due-date field of the action form is on the screen" \
	on_screen "Due date"
type_text "2027-01-0"
keys Enter
e2e_poll 10 on_screen "Due date: the day" ||
	fail "at 40x12 the message about the bad due date is not on the screen"
pass "at 40x12 the message about the bad due date is on the screen"
keys Escape y
wait_gone "New action"

keys q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0
finish
