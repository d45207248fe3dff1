#!/bin/sh
# dates.sh - issue 11: dates the Dutch way in the action form, with the Dutch interface (the
# shipped almanac's language) at 80x24: the form's labels are Dutch; a due date typed as
# 15-1-2027 is saved as 2027-01-15 and shown again as "15 jan. 2027"; a date read two ways is
# refused and nothing is saved; a due date in the past asks first (n goes back to the field,
# j saves).
E2E_LANGUAGE= # none: meetlat follows the content, Dutch for the almanac
. "$(dirname "$0")/lib/tmux.sh"

file=$TMP/datums.yaml
today=$(date +%F)

# due_field - the text in the form's due-date field, as drawn.
due_field() {
	screen | sed -n 's/^ *[│x] *Uiterlijk  *\(.*[^ ]\) *[│x]$/\1/p'
}

start 80 24 "$file"
wait_re "^ *1/[0-9]+ "
keys a
wait_for "Nieuwe actie"
for label in Actie Trekker Uiterlijk Rij "Tab volgend veld   Enter opslaan   Esc annuleren"; do
	check "the action form shows the Dutch \"$label\"" on_screen "$label"
done
check "the row field offers the workshop as a whole, in Dutch" \
	on_screen "(de bijeenkomst als geheel)"
off_screen "Due date" || fail "the English label \"Due date\" is shown"
type_text "Raad informeren"
keys Tab
type_text "Piet"
keys Tab
type_text "1/2"
keys Enter
wait_for "Uiterlijk: "
check "a date read two ways stays in the form" on_screen "Nieuwe actie"
yaml_ok "$file" "not d.get('actions')" || fail "a refused date saved an action"
pass "a refused date saves nothing"

keys C-u
type_text "15-1-2027"
keys Enter
if [ "$today" \> 2027-01-15 ]; then # run after that day: the date lies in the past
	wait_for "Toch opslaan?"
	keys j
fi
wait_gone "Nieuwe actie"
expect_eq "15-1-2027 is saved as ISO" "$(yaml_get "$file" actions.0.due)" 2027-01-15
expect_eq "the owner is saved" "$(yaml_get "$file" actions.0.owner)" Piet

keys A
wait_for "Raad informeren"
keys Enter
wait_for "Actie bewerken"
expect_eq "a stored date is shown the Dutch way" "$(due_field)" "15 jan. 2027"
keys Escape q

# A due date in the past asks; n goes back to the field with the text kept, j saves.
keys a
wait_for "Nieuwe actie"
type_text "Te laat"
keys Tab Tab
type_text "1-3-2020"
keys Enter
wait_for "De datum 1 mrt. 2020 ligt in het verleden. Toch opslaan?"
check "the question shows the Dutch keys" on_screen "j ja    n nee"
keys n
wait_gone "Toch opslaan?"
check "n keeps the form open" on_screen "Nieuwe actie"
expect_eq "n keeps the text of the field" "$(due_field)" "1-3-2020"
yaml_ok "$file" "len(d['actions']) == 1" || fail "n saved the action"
pass "n saves nothing"
keys Enter
wait_for "Toch opslaan?"
keys j
wait_gone "Nieuwe actie"
expect_eq "j saves the date in the past" "$(yaml_get "$file" actions.1.due)" 2020-03-01

keys q
wait_exit
finish
