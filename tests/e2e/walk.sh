#!/bin/sh
# walk.sh - issue 4: on a new session at 100x30, Space alone walks the whole default agenda
# (23 steps): a long step is scrolled first ("more" in the status line), then Space moves to the
# next step, one at a time and never past unseen text. Every phase name, the phase-4 texts, the
# chapters and all ten rows of the table appear on the way; q quits and the file says 23.
. "$(dirname "$0")/lib/tmux.sh"

file=$TMP/walk.yaml
log=$TMP/walk.log
start 100 30 "$file"
wait_step 1/23
wait_for "Today: "

# snapshot - logs the screen under its step number; remembers the body and the status line.
snapshot() {
	pos=$(step_pos)
	last_status=$(status_line)
	last_body=$(body)
	{
		echo "=== $pos"
		echo "$last_body"
	} >> "$log"
}

# moved - true when the screen above the status line or the step is no longer what was logged.
moved() {
	[ "$(step_pos)" != "$pos" ] || [ "$(body)" != "$last_body" ]
}

presses=0
scrolled=
snapshot
while :; do
	case $pos in
	23/23) case $last_status in *more*) ;; *) break ;; esac ;;
	esac
	[ "$presses" -lt 80 ] || fail "80 presses of Space did not reach the end (at $pos)"
	before=$pos
	keys Space
	presses=$((presses + 1))
	e2e_poll 15 moved || fail "Space on step $before did nothing (status: $last_status)"
	settle
	was_status=$last_status
	snapshot
	if [ "$pos" = "$before" ]; then
		case $was_status in
		*more*) scrolled="$scrolled $pos" ;;
		*) fail "Space scrolled step $pos although the status line showed no \"more\"" ;;
		esac
	else
		case $was_status in
		*more*) fail "Space left step $before for $pos with text still unseen (\"more\")" ;;
		esac
		want=$((${before%/*} + 1))/23
		[ "$pos" = "$want" ] || fail "Space went from step $before to $pos, not $want"
	fi
done
pass "Space walked all 23 steps one by one in $presses presses, scrolling steps:$scrolled"

case " $scrolled " in
*" 6/23 "*) pass "Space on the long phase-4 step first scrolled it (status showed \"more\")" ;;
*) fail "Space did not scroll the long phase-4 step (6/23) before leaving it" ;;
esac

# The texts that must have appeared, looked for in the joined text of the logged screens
# (wrapped lines joined) and, for the table, in its first column.
"$PYTHON" - "$log" > "$TMP/found" << 'EOF'
import re, sys
screens, step = {}, None
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("=== "):
        step = line[4:]
        screens.setdefault(step, []).append([])
    else:
        screens[step][-1].append(line)
text = " ".join(" ".join(l.strip() for l in s) for ss in screens.values() for s in ss)
text = re.sub(r" +", " ", text)
names, name = [], ""
for s in screens.get("10/23", []):
    for l in s + [""]:
        m = re.match(r" (\S+(?: \S+)*)", l)
        if not m:
            if name:
                names.append(name)
            name = ""
            continue
        part = m.group(1)
        name += ("" if not name or name.endswith("/") else " ") + part
wanted = [
    ("text", t) for t in [
        "de gemeente ontdekt", "de gemeente experimenteert", "de gemeente converseert",
        "de gemeente werkt samen",
        "Afbeelding 56: fase 4, de gemeente werkt samen.",
        "De beleving en energie buiten als vertrekpunt voor het handelen van de gemeente",
        "De gemeente is niet meer bezig met het absorberen van nieuwe technologieën en nieuwe middelen.",
        "Uiteraard is de gemeente nog wel de overheid die soms moet handhaven of bijvoorbeeld het gemeenschappelijk belang dient.",
        "De burger ervaart een partner",
        "In al haar rollen ervaart de burger de gemeente als dichterbij dan ooit.",
        "Leeswijzer",
        "Verschillende bijdragen geven dit laatste wenkend perspectief.",
        "Kanteldenken over sociale media bij de overheid", "Elien Vanhaesebroeck",
        "Uit Sociaal kapitaal:", "Uit: Sociale gemeenten", "Carlien Roodink",
        "De inzet van online netwerken voor overheidsdienstverlening",
        "Even pauze.",
    ]
] + [
    ("table row", n) for n in [
        "content", "customer experience", "context", "conversatie", "collaboratie",
        "visie/ambitie", "functie/resultaat", "processen/activiteiten/eigenaarschap",
        "middelen/ICT/archivering", "mensen",
    ]
]
for kind, t in wanted:
    found = (t in text) if kind == "text" else (t in names)
    print(f"{'yes' if found else 'no'}\t{kind}\t{t}")
EOF
while IFS='	' read -r found kind what; do
	[ "$found" = yes ] || fail "the walk never showed the $kind \"$what\""
	pass "the walk showed the $kind \"$what\""
done < "$TMP/found"

# Issue 11: no word of the content is split without a hyphen: no token on the screens is the
# start of a content word whose rest is another token, unless it is a word itself, ends in "-"
# (a word broken there) or is the rest of one broken on the line before. Words are split after
# their own slashes too, as the wrapper breaks them.
"$PYTHON" "$E2E_SRC/tests/e2e/lib/split_words.py" "$log" content/almanak.yaml > "$TMP/cut"
[ ! -s "$TMP/cut" ] || fail "words were split without a hyphen: $(tr '\n' ' ' < "$TMP/cut")"
pass "no word of the content was split without a hyphen on the way"
for w in beleidsvoorberei- samenwerkings- participatietra-; do
	grep -qF -- "$w" "$log" || fail "the table did not break \"${w%-}...\" with a hyphen"
done
pass "the table's long words were broken at Dutch hyphenation points, with a hyphen"

keys q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0
expect_eq "the session file's position is step 23 (summary)" "$(yaml_get "$file" position)" summary
finish
