#!/bin/sh
# dutch.sh - issue 11: with no language chosen, meetlat speaks the content's (nl for the
# shipped almanac). The whole agenda is walked with Space at 80x24 and at 100x30 (a row scored
# and an action with a due date added on the way, then the overview and the action list
# opened): no English word of the screens' chrome appears on any screen, the Dutch chrome
# does (Fase 1 van 4, De vier fasen, stemmen, mediaan 3,5, NU/DOEL, uiterlijk 15 jan. 2027,
# Samenvatting, "5 min gepland, 0:23 besteed", ...), no word of the content is split without
# a hyphen; LANGUAGE=en gives the English interface.
#
# The step labels (the status line, the overview, the summary's times) come from the content
# module and are left out of the word check: they are cut out of those lines (the status line
# and the lines with a clock) by the labels the overview lists at 100x30.
E2E_LANGUAGE=
. "$(dirname "$0")/lib/tmux.sh"

# snapshot LOG - appends the screen to LOG under the step it shows.
snapshot() {
	pos=$(step_pos)
	last_body=$(body)
	last_status=$(status_line)
	{
		echo "=== $COLS $pos"
		screen
	} >> "$1"
}

# moved - true when the step or the screen above the status line is no longer as logged.
moved() {
	[ "$(step_pos)" != "$pos" ] || [ "$(body)" != "$last_body" ]
}

# saved_action - true when the session file holds the action added with its due date.
saved_action() {
	[ "$(yaml_get "$file" actions.0.due 2> /dev/null)" = 2027-01-15 ]
}

# score_row LOG - on the first scoring step: six votes (median 3,5) (hidden, then revealed), the agreed
# phases 2 -> 3 (before the reveal, so that their marks are in view) and an action with an owner and a due date, each state logged.
score_row() {
	keys 2 3 3 4 4 4
	wait_for "6 stemmen"
	keys c 2 t 3
	wait_for "DOEL"
	settle
	snapshot "$1"
	keys r
	wait_for "3 van 6 kozen fase 4"
	settle
	snapshot "$1"
	keys a
	settle
	type_text "Bel de raad"
	keys Tab
	type_text "Jan"
	keys Tab
	type_text "2027-01-15"
	keys Enter
	e2e_poll 15 saved_action || fail "the action with its due date was not saved"
	settle
	snapshot "$1"
}

# walk COLS ROWS LOG - walks a new session's whole agenda with Space at COLS x ROWS, scoring
# the first row on the way, and logs every screen into LOG; then the overview and the action
# list; q quits.
walk() {
	file=$TMP/dutch-$1.yaml
	start "$1" "$2" "$file"
	wait_step 1/23
	wait_for "Vandaag: "
	presses=0
	scored=
	snapshot "$3"
	while :; do
		if [ "$pos" = 11/23 ] && [ -z "$scored" ]; then
			score_row "$3"
			scored=yes
		fi
		case $pos in
		23/23) case $last_status in *meer*) ;; *) break ;; esac ;;
		esac
		[ "$presses" -lt 90 ] || fail "90 presses of Space did not reach the end (at $pos)"
		before=$pos
		keys Space
		presses=$((presses + 1))
		e2e_poll 15 moved || fail "Space on step $before did nothing at $1x$2"
		settle
		snapshot "$3"
	done
	pass "at $1x$2 Space walked all 23 steps in Dutch in $presses presses"
	keys o
	wait_for "▶ 23"
	settle
	snapshot "$3"
	keys Escape
	wait_gone "▶ 23"
	keys A
	wait_for "Spatie afgerond"
	settle
	snapshot "$3"
	keys Escape
	wait_gone "Spatie afgerond"
	keys q
	wait_exit
	expect_eq "at $1x$2 q exits with status 0" "$(exit_status)" 0
}

log=$TMP/dutch.log
: > "$log"
walk 100 30 "$log"
walk 80 24 "$log"

"$PYTHON" - "$log" content/almanak.yaml > "$TMP/checks" << 'EOF'
import re, sys, yaml
screens = []  # (cols, step, lines)
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("=== "):
        cols, step = line[4:].split(" ", 1)
        screens.append((int(cols), step, []))
    else:
        screens[-1][2].append(line)

def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v)
content = " ".join(strings(yaml.safe_load(open(sys.argv[2], encoding="utf-8"))))

def report(ok, what):
    print(("yes" if ok else "no") + "\t" + what)

# The step labels, as the overview lists them at 100x30 ("  3  Phase 1: ...   0:00 / 5 min").
labels = set()
for cols, step, lines in screens:
    if cols == 100 and any("Overzicht" in l for l in lines):
        for l in lines:
            m = re.match(r"\s*x?\s*[▶ ]?\s*\d+  (.+?)(?:\s{2,}|…)", l.replace("│", " "))
            if m:
                labels.add(m.group(1).strip())
report(len(labels) >= 20, "the overview listed the step labels (%d)" % len(labels))
label_re = re.compile("|".join(
    sorted({re.escape(l) for l in labels} |
           {re.escape(l[:k]) + "…" for l in labels for k in range(3, len(l))},
           key=len, reverse=True)))

# The English chrome of the screens: none may appear (whole words, case as written), unless
# the content itself uses the word.
english = ["Phase", "phases", "CURRENT", "TARGET", "Not scored", "not scored", "votes",
           "vote", "hidden", "revealed", "due", "Summary", "Actions", "step", "planned",
           "spent", "Median", "Agreed", "Note", "none", "Today", "Chapters", "Reading guide",
           "What residents notice", "behaviour", "workshop", "saved", "saving", "more",
           "Overview", "Keys", "row", "current", "target", "both", "Time", "retrying",
           r"\d+ of \d+", "and"]
english = [w for w in english if not re.search(r"\b" + w + r"\b", content)]
found = {}
for cols, step, lines in screens:
    for l in lines:
        # The labels stand in the status line and in lists with a clock on each line.
        listed = l is lines[-1] or re.search(r"\d+:\d\d", l)
        rest = label_re.sub(" ", l) if listed else l
        for w in english:
            if re.search(r"(?<![\w-])" + w + r"(?![\w-])", rest):
                found.setdefault(w, "%dx at %s: %s" % (cols, step, l.strip()))
# A page wider than its window would be cut at the window's edge, which draws "…" in the last
# column (the pages themselves stop a column short of it, in a box short of its margin).
clipped = [(c, st, l) for c, st, ls in screens for l in ls
           if (len(l) == c and l.endswith("…")) or re.search(r"… [x│]$", l)]
report(not clipped, "nothing was cut at a window's edge%s" %
       ("" if not clipped else " (%dx at %s: %s)" % clipped[0]))
for w in english:
    report(w not in found, "no English \"%s\" on any screen%s" %
           (w, "" if w not in found else " (" + found[w] + ")"))

# The Dutch chrome, at each size.
dutch = ["De vier fasen", "Fase 1", "Fase 4 van 4", "Vandaag: 23 stappen, 3 uur gepland.",
         "Nog geen stemmen", "6 stemmen, verborgen",
         "6 stemmen: 3 van 6 kozen fase 4; mediaan 3,5, van fase 2 tot 4",
         "De stemmen liggen ver uiteen, over 3 fasen. Bespreek dit eerst.",
         "Vastgesteld:", "NU", "DOEL",
         "Nog niet vastgesteld", "Notitie:", "Acties voor deze rij:", "rij 1 van 10",
         "Jan, uiterlijk 15 jan. 2027", "Samenvatting", "Niet gescoord:", "niet gescoord",
         "huidige fase", "doelfase", "Tijd: 3 uur gepland,", "5 min gepland,", "besteed",
         "/ 5 min", "opgeslagen", "meer ↓", "Acties", "Spatie afgerond", "uiterlijk 15 jan. 2027"]
for cols in (80, 100):
    want = dutch + (["Overzicht", "Enter gaat naar de gekozen stap"] if cols == 100 else [])
    text = "\n".join(l for c, s, ls in screens if c == cols for l in ls)
    flat = re.sub(r"\s+", " ", text)
    for d in want:  # the overview's title only at 100x30: at 80x24 it scrolls to step 23
        report(d in text or d in flat, "at %d columns the Dutch \"%s\" appears" % (cols, d))
    # The authors of a chapter joined with "en", never with "&" or "and".
    report("Renata Verloop en Marije van den Berg" in flat,
           "at %d columns the chapter's authors are joined with \"en\"" % cols)
EOF
while IFS='	' read -r ok what; do
	[ "$ok" = yes ] || fail "$what"
	pass "$what"
done < "$TMP/checks"
[ -s "$TMP/checks" ] || fail "the checks of the Dutch screens did not run"
"$PYTHON" "$E2E_SRC/tests/e2e/lib/split_words.py" "$log" content/almanak.yaml po/nl.po > "$TMP/cut"
[ ! -s "$TMP/cut" ] || fail "words were split without a hyphen: $(tr '\n' ' ' < "$TMP/cut")"
pass "no word of the content was split without a hyphen on the Dutch screens"

# LANGUAGE=en: the English interface, on the same content.
E2E_ENV="LANGUAGE=en"
start 100 30 "$TMP/english.yaml"
wait_for "Today: "
check "LANGUAGE=en: the welcome step is English" on_screen "Today: 23 steps, 3 h planned."
check "LANGUAGE=en: the status line is English" on_screen_re "/ 5 min +saved"
keys Space
wait_for "The four phases"
check "LANGUAGE=en: the phases are headed \"Phase 1\"" on_screen "Phase 1"
check "LANGUAGE=en: no Dutch chrome" off_screen "De vier fasen"
keys q
wait_exit
finish
