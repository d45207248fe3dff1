#!/bin/sh
# editor.sh - issue 5: the one-line editor of the note form: Left/Right, Home/End, Backspace,
# Delete and Ctrl-W (delete a word) over text with é, ë and –; text longer than the field
# scrolls; Enter saves exactly the edited string, Esc cancels.
. "$(dirname "$0")/lib/tmux.sh"

content=$FIXTURES/score-only.yaml
"$MEETLAT" --check "$content" > /dev/null 2>&1 || fail "meetlat --check rejects $content"
file=$TMP/editor.yaml
# Home and End as xterm sends them in keypad mode (tmux would send the sequences of its own
# terminal type, which the xterm-256color entry does not know).
HOME_KEY=$(printf '\033OH')
END_KEY=$(printf '\033OF')

# field - the text in the note form's field, as drawn.
field() {
	screen | sed -n 's/^.*x Note  *\(.*[^ ]\) *x$/\1/p'
}

# field_is - the field shows $want.
field_is() {
	[ "$(field)" = "$want" ]
}

# shows WHAT TEXT - waits until the field shows TEXT.
shows() {
	want=$2
	e2e_poll 10 field_is || fail "$1: the field shows [$(field)], not [$2]"
	pass "$1: the field shows [$2]"
}

start 100 30 -c "$content" "$file"
wait_step 1/5
keys n
wait_for "Note for this row"
type_text "abc def ghi"
shows "typed" "abc def ghi"
keys Left Left Left Left BSpace
shows "Left x4, Backspace deletes the character before the cursor" "abc de ghi"
keys DC
shows "Delete deletes the character under the cursor" "abc deghi"
type_text "X"
shows "typing inserts at the cursor" "abc deXghi"
type_text "$HOME_KEY"
keys DC
shows "Home goes to the start (Delete removes the first character)" "bc deXghi"
keys Right Right
type_text "é"
shows "Right x2 then é inserts after two characters" "bcé deXghi"
type_text "$END_KEY"
type_text " één –"
shows "End goes to the end; één and – are typed" "bcé deXghi één –"
keys C-w
shows "Ctrl-W deletes the word before the cursor (–)" "bcé deXghi één"
keys C-w
shows "Ctrl-W again deletes één" "bcé deXghi"
type_text "ë–ok"
keys Left Left Left BSpace
shows "Backspace deletes a two-byte ë whole" "bcé deXghi –ok"
keys Enter
wait_gone "Note for this row"
wait_for "Note: bcé deXghi –ok"
expect_eq "Enter saves exactly the edited text" "$(yaml_get "$file" scores.alfa.note)" "bcé deXghi –ok"

# Text longer than the field scrolls; Home and End move through it.
keys l
wait_step 2/5
long="Begin 123456789 123456789 123456789 123456789 123456789 123456789 123456789 Einde"
keys n
wait_for "Note for this row"
type_text "$long"
e2e_poll 10 eval 'field | grep -q "Einde$"' || fail "after typing, the end of the long text is not shown"
pass "a text longer than the field shows its end while typing"
check "the start of the long text has scrolled out of the field" eval '! field | grep -q Begin'
type_text "$HOME_KEY"
e2e_poll 10 eval 'field | grep -q "^Begin"' || fail "Home does not show the start of the text"
pass "Home scrolls back to the start of the text"
check "the end has scrolled out of the field" eval '! field | grep -q Einde'
type_text "X"
e2e_poll 10 eval 'field | grep -q "^XBegin"' || fail "typing at Home does not insert at the start"
type_text "$END_KEY"
e2e_poll 10 eval 'field | grep -q "Einde$"' || fail "End does not show the end of the text"
pass "End scrolls to the end of the text"
type_text "Y"
e2e_poll 10 eval 'field | grep -q "EindeY$"' || fail "typing at End does not append"
keys Enter
wait_gone "Note for this row"
expect_eq "Enter saves the whole long text exactly" "$(yaml_get "$file" scores.bravo.note)" "X${long}Y"

# Esc cancels.
keys l
wait_step 3/5
keys n
wait_for "Note for this row"
type_text "weg ermee"
shows "typed on row 3" "weg ermee"
keys Escape
wait_for "Discard what you typed?"
keys y
wait_gone "Note for this row"
check "Esc cancels: the row still has no note" on_screen "Note: none"
check "Esc cancels: nothing saved for row 3" yaml_ok "$file" '"note" not in d["scores"].get("charlie", {})'

# An existing note is offered for editing.
keys h h
wait_step 1/5
keys n
wait_for "Note for this row"
shows "n on a row with a note offers its text" "bcé deXghi –ok"
keys Escape
wait_gone "Note for this row"
keys q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0
expect_eq "after quitting the first note is unchanged" "$(yaml_get "$file" scores.alfa.note)" "bcé deXghi –ok"
finish
