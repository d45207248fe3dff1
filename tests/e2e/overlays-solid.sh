#!/bin/sh
# overlays-solid.sh - issue 12: every overlay box blanks what lies behind it, its margins
# included (no page text beside it on its rows, nor on the line above and below); a question
# wraps inside its box; Esc on a form with typed text asks first, on an untouched form it
# closes at once; s shows the summary over the current step and Esc returns to that step;
# Home and End select the first and last step in the overview. At 80x24.
. "$(dirname "$0")/lib/tmux.sh"

# solid WHAT - checks that the box on the screen (┌ … ┘) has nothing but blanks beside it on
# its rows and on the rows just above and below it (within the body), and that every row of it
# ends in its border: no text runs out of the box.
solid() {
	screen > "$TMP/solid.txt"
	"$PYTHON" - "$TMP/solid.txt" > "$TMP/solid.out" << 'PY'
import re, sys
# the border as the terminal draws it: Unicode lines, or the VT100 line set (l q k x m j)
rows = open(sys.argv[1], encoding="utf-8").read().split("\n")[:24]
rows += [""] * (24 - len(rows))
corner = lambda y, pat: re.search(pat, rows[y])
top = next((i for i in range(24) if corner(i, r"(┌─|lq).*(─┐|qk)")), None)
bottom = next((i for i in range(24) if corner(i, r"(└─|mq).*(─┘|qj)")), None)
if top is None or bottom is None:
    print("no box on the screen"); sys.exit()
m = corner(top, r"(┌─|lq).*(─┐|qk)")
x0, x1 = m.start(), m.end() - 1
for y in range(max(1, top - 1), min(22, bottom + 1) + 1):   # the body: rows 1..22
    r = rows[y].ljust(80)
    if r[:x0].strip() or r[x1 + 1:].strip():
        print("row %d: page text beside the box: %r" % (y, r)); sys.exit()
for y in range(top + 1, bottom):
    r = rows[y].ljust(80)
    if r[x0] not in "│x" or r[x1] not in "│x":
        print("row %d: the box's border is broken: %r" % (y, r)); sys.exit()
print("ok %d-%d" % (top, bottom))
PY
	case $(cat "$TMP/solid.out") in
	ok*) pass "$1: the box blanks its margins (rows $(cut -c4- "$TMP/solid.out"))" ;;
	*) fail "$1: $(cat "$TMP/solid.out")" ;;
	esac
}

file=$TMP/solid.yaml
start 80 24 "$file"
wait_step 1/23
keys l l l l l l l l l l
wait_step 11/23
keys 1 2 3 r
wait_for "3 votes: "
settle
check "the scoring step has page text at column 1, left of where a box starts" on_screen_re '^ [A-Za-z]'

keys '?'
wait_for "Keys"
settle
solid "the help"
keys Escape o
wait_for "Overview"
settle
solid "the overview"
keys End
settle
check "End in the overview selects the last step" on_screen_re "▶? *23 "
keys Home Enter
wait_step 1/23
keys l l l l l l l l l l
wait_step 11/23

# The action form: Esc on typed text asks; n goes back with the text; Esc then y discards.
keys a
wait_for "New action"
settle
solid "the action form"
type_text "Bel de raad over de website"
keys Escape
wait_for "Discard what you typed?"
solid "the action form asking whether to discard"
keys n
wait_gone "Discard what you typed?"
check "n goes back to the form, its text kept" on_screen "Bel de raad over de website"
keys Escape
wait_for "Discard what you typed?"
keys y
wait_gone "New action"
check "y discards: no action was made" yaml_ok "$file" 'not d.get("actions")'
keys a
wait_for "New action"
keys Escape
wait_gone "New action"
pass "Esc on an untouched form closes it at once"

# A long action, then the question whether to delete it: it wraps inside its box.
long="Vraag het team communicatie om elke week de reacties op de gemeentelijke kanalen samen te vatten voor de raad"
keys a
wait_for "New action"
type_text "$long"
keys Enter
wait_gone "New action"
keys A
wait_for "Esc close"
settle
solid "the action list"
keys d
wait_for "y/j yes"
settle
solid "the question whether to delete a long action"
check "the whole question is in its box, wrapped" eval \
	'screen | sed -n "s/^ *[│x] *\(.*[^ ]\) *[│x] *$/\1/p" | tr "\n" " " | grep -qF "Delete the action \"$long\"?"'
keys n
wait_gone "y/j yes"
keys Escape
wait_gone "Esc close"

# s: the summary over the step; Esc returns to the same step.
keys s
wait_for "Summary"
settle
solid "the summary over a step"
check "s leaves the walk on step 11" eval '[ "$(step_pos)" = 11/23 ]'
keys Escape
wait_gone "Summary"
wait_for "3 votes: "
check "Esc returns to the step the summary lay over" eval '[ "$(step_pos)" = 11/23 ]'

keys n
wait_for "Note for this row"
settle
solid "the note form"
keys Escape e
wait_gone "Note for this row"
wait_for "details"
settle
solid "the details form"
keys Escape
settle
check "the page is whole again after the forms" on_screen "3 votes: "
keys q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0
finish
