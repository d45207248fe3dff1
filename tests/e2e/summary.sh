#!/bin/sh
# summary.sh - issue 5: the summary step (G; s shows it over a step, see overlays-solid.sh): a chart with every row's current and target phase
# (marks in the phase columns, "not scored" for the others), the actions grouped by row with
# owner, due date and done mark, what was not scored, and the time spent per step.
. "$(dirname "$0")/lib/tmux.sh"

content=$FIXTURES/score-only.yaml
"$MEETLAT" --check "$content" > /dev/null 2>&1 || fail "meetlat --check rejects $content"
file=$TMP/summary.yaml

# add_action TEXT OWNER DUE - adds an action on the current step's row.
add_action() {
	keys a
	wait_for "New action"
	type_text "$1"
	keys Tab
	[ -z "$2" ] || type_text "$2"
	keys Tab
	[ -z "$3" ] || type_text "$3"
	keys Enter
	wait_gone "New action"
}

start 100 30 -c "$content" "$file"
wait_step 1/5
keys c 2 t 3
wait_for "Agreed:"
add_action "Actie alfa" "Ann" "2027-01-15"
keys l
wait_step 2/5
keys c 3 t 3
wait_for "Agreed:"
keys l
wait_step 3/5
add_action "Actie charlie" "Bob" "2027-03-01"
keys h h
wait_step 1/5
add_action "Tweede alfa" "" ""
keys A
wait_for "Esc close"
keys j Space # tick off the second action in the list (Actie charlie)
wait_for "[✓] Actie charlie"
keys Escape
wait_gone "Esc close"
wait_re '0:0[2-9] / 5 min'

keys G
wait_step 5/5
wait_for "Summary"
pass "G goes to the summary (step 5/5)"

# scrolled - the screen above the status line is no longer $before.
scrolled() {
	[ "$(body)" != "$before" ]
}

# Collect the whole summary: Space scrolls until the status line shows no "more".
: > "$TMP/summary.txt"
presses=0
while :; do
	settle
	body >> "$TMP/summary.txt"
	status_line | grep -q more || break
	[ "$presses" -lt 10 ] || fail "the summary still shows \"more\" after 10 presses of Space"
	before=$(body)
	keys Space
	presses=$((presses + 1))
	e2e_poll 10 scrolled || fail "Space does not scroll the summary"
done

"$PYTHON" - "$TMP/summary.txt" > "$TMP/checks" << 'EOF'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
def report(ok, what):
    print(("yes" if ok else "no") + "\t" + what)
head = next((l for l in lines if re.fullmatch(r"\s+1\s+2\s+3\s+4\s*", l)), None)
report(head is not None, "the chart has a column per phase (1 2 3 4)")
col = {int(m.group()): m.start() for m in re.finditer(r"[1-4]", head or "")}
def row(name):
    return next((l for l in lines if l.strip().startswith(name) and "·" in l or
                 l.strip().startswith(name) and "not scored" in l), "")
def at(line, phase):
    return line[col[phase]] if phase in col and col[phase] < len(line) else ""
alfa, bravo = row("rij alfa"), row("rij bravo")
report(at(alfa, 2) == "●", "rij alfa: the current mark ● stands in column 2")
report(at(alfa, 3) == "◎", "rij alfa: the target mark ◎ stands in column 3")
report(at(alfa, 1) != "●" and at(alfa, 4) not in "●◎◉", "rij alfa: no mark in columns 1 and 4")
report(at(bravo, 3) == "◉", "rij bravo: current = target = 3 shows ◉ in column 3")
report("not scored" in row("rij charlie"), "rij charlie (an action, no phases) is not scored")
report("not scored" in row("rij delta"), "rij delta is not scored")
report(any("● current" in l and "◎ target" in l and "◉ both" in l for l in lines),
       "the legend explains the marks")
text = "\n".join(l.strip() for l in lines)
groups = re.search(r"\nActions\n+rij alfa\n(.*?)\n\nrij charlie\n(.*?)\n\n", text, re.S)
report(groups is not None, "the actions are grouped under their rows: rij alfa, then rij charlie")
a, c = (groups.group(1), groups.group(2)) if groups else ("", "")
report("[ ] Actie alfa\nAnn, due 15 Jan 2027" in a, "rij alfa: Actie alfa with owner and due date")
report("[ ] Tweede alfa" in a, "rij alfa: the second action (added last) is in its row's group")
report("[✓] Actie charlie\nBob, due 1 Mar 2027" in c,
       "rij charlie: Actie charlie, ticked off, with owner and due date")
report("Not scored: rij charlie, rij delta" in text, "the rows not scored are named")
report(re.search(r"Time: \d+ min planned, \d+:\d\d spent", text) is not None,
       "the time spent is shown")
report(re.search(r"Score: rij alfa\s+5 min planned, 0:0[2-9] spent", text) is not None,
       "the time spent on step 1 (>= 2 s) is listed against its 5 planned minutes")
report(all(re.search(name + r"\s+\d+ min planned, \d+:\d\d spent", text) for name in
           ["Score: rij bravo", "Score: rij charlie", "Score: rij delta", "Summary"]),
       "every step is listed with its time")
EOF
while IFS='	' read -r ok what; do
	[ "$ok" = yes ] || { sed 's/^/>/' "$TMP/summary.txt"; fail "summary: $what"; }
	pass "$what"
done < "$TMP/checks"
[ -s "$TMP/checks" ] || fail "the summary checks did not run"

keys q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0
expect_eq "file: the action ticked off is done" "$(yaml_get "$file" actions.1.done)" true

# The built-in almanac at 100x30: the chart names all ten rows in full.
start 100 30 "$TMP/almanak.yaml"
wait_step 1/23
keys G
wait_step 23/23
wait_for "not scored"
settle
for name in content "customer experience" context conversatie collaboratie visie/ambitie \
	functie/resultaat processen/activiteiten/eigenaarschap middelen/ICT/archivering mensen; do
	check "the almanac's chart names the row \"$name\" in full" \
		on_screen_re "^ +$name +not scored\$"
done
keys q
wait_exit
finish
