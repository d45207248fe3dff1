#!/bin/sh
# baseline.sh - issue 14 on the command line: --baseline is wrong usage without a SESSION to
# run or with another mode; a baseline that cannot be followed is refused (status 1) before
# any terminal is touched; the reports of a session that follows an earlier one say it: the
# raw CSV (read back by Python's csv module) has the columns baseline_current, baseline_target
# and outcome and a follow-up line per action left open, with stable English words, the CSV
# for a Dutch spreadsheet the Dutch names; Markdown and HTML name the earlier session and
# the movement; a session without a baseline keeps its columns; a baseline that has gone is
# named on standard error and the export still succeeds.
# Needs MEETLAT and PYTHON.
. "$(dirname "$0")/lib/cli.sh"
needs MEETLAT

cat > "$work/nulmeting.yaml" << 'EOF'
meetlat_session: 1
title: "Nulmeting"
organisation: "Gemeente Voorbeeld"
group: "Team communicatie"
date: 2026-01-15
content: {id: sociale-media-almanak}
scores:
  content: {current: 2, target: 3}
  conversatie: {current: 3, target: 4}
actions:
- {text: "Webcarebeleid", owner: "Anna", due: 2026-03-01, done: false}
- {text: "Nieuwsbrief", owner: "Cor", done: false}
EOF
sha=$("$PYTHON" -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest())' "$work/nulmeting.yaml")
cat > "$work/vervolg.yaml" << EOF
meetlat_session: 1
title: "Vervolg"
date: 2026-12-01
content: {id: sociale-media-almanak}
scores:
  content: {current: 3, target: 3}
  conversatie: {current: 2, target: 4}
actions:
- {text: "Nieuwsbrief (from 15 Jan 2026)", owner: "Cor", done: false}
baseline: {path: "nulmeting.yaml", sha256: "$sha"}
followed_up:
- {text: "Webcarebeleid", owner: "Anna", due: 2026-03-01, outcome: done}
- {text: "Nieuwsbrief", owner: "Cor", outcome: carried}
EOF
cat > "$work/los.yaml" << 'EOF'
meetlat_session: 1
title: "Los"
content: {id: sociale-media-almanak}
EOF

# usage
"$MEETLAT" --baseline "$work/nulmeting.yaml" > /dev/null 2> "$work/err"
check "--baseline without a SESSION is wrong usage (status 2)" test $? -eq 2
check "and says what it goes with" grep -q -- "--baseline goes with a SESSION" "$work/err"
"$MEETLAT" --review --baseline "$work/nulmeting.yaml" "$work/vervolg.yaml" > /dev/null 2>&1
check "--baseline with --review is wrong usage (status 2)" test $? -eq 2
"$MEETLAT" --baseline "$work/weg.yaml" "$work/nieuw.yaml" < /dev/null > /dev/null 2> "$work/err"
check "following a file that is not there is refused (status 1)" test $? -eq 1
check "naming it" grep -q "weg.yaml" "$work/err"
check "and no session file is made" test ! -e "$work/nieuw.yaml"
printf 'meetlat_session: 1\ntitle: "x"\ncontent: {id: andere}\n' > "$work/ander.yaml"
"$MEETLAT" --baseline "$work/ander.yaml" "$work/nieuw.yaml" < /dev/null > /dev/null 2> "$work/err"
check "following a session of other content is refused (status 1)" test $? -eq 1
check "saying so" grep -q "cannot be compared" "$work/err"

# the raw CSV
"$MEETLAT" --export csv --csv-raw "$work/vervolg.yaml" > "$work/raw.csv" 2> "$work/err"
check "the raw CSV of a follow-up is written (status 0)" test $? -eq 0
check "with nothing on standard error" test ! -s "$work/err"
check "the raw CSV says last time's phases and the follow-up" "$PYTHON" - "$work/raw.csv" << 'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline=""), delimiter=";"))
head = list(rows[0].keys())
assert head[-3:] == ["baseline_current", "baseline_target", "outcome"], head
by = {(r["kind"], r["row_id"] or r["action"]): r for r in rows}
assert by[("row", "content")]["baseline_current"] == "2"
assert by[("row", "content")]["baseline_target"] == "3"
assert by[("row", "conversatie")]["baseline_current"] == "3"
assert by[("row", "context")]["baseline_current"] == ""
follow = [r for r in rows if r["kind"] == "follow-up"]
assert [(r["action"], r["owner"], r["due"], r["outcome"]) for r in follow] == [
    ("Webcarebeleid", "Anna", "2026-03-01", "done"), ("Nieuwsbrief", "Cor", "", "carried")], follow
EOF

# the CSV for a Dutch spreadsheet, the Markdown and the HTML
LANGUAGE= "$MEETLAT" --export csv "$work/vervolg.yaml" > "$work/nl.csv" 2> /dev/null
check "the Dutch CSV names the columns and the outcome in Dutch" "$PYTHON" - "$work/nl.csv" << 'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
head = list(rows[0].keys())
assert head[-3:] == ["huidige fase vorige keer", "doelfase vorige keer", "besluit"], head
assert [r[head[-1]] for r in rows if r[head[-1]]] == ["afgerond", "overgenomen"]
EOF
"$MEETLAT" --export md "$work/vervolg.yaml" > "$work/v.md" 2> /dev/null
check "the Markdown names the earlier session" \
	grep -q "Follows:\*\* Compared with last time: “Nulmeting”, 15 Jan 2026" "$work/v.md"
check "the Markdown shows last time's phases and the movement (content 2 → 3: ↑ =)" \
	grep -q "| content | .* | 2 → 3 | ↑ = |" "$work/v.md"
check "and (conversatie 3 → 4: ↓ =)" grep -q "| conversatie | .* | 3 → 4 | ↓ = |" "$work/v.md"
check "the Markdown lists last time's actions and what was decided" \
	grep -q "| Nieuwsbrief | — | Cor | — | carried over |" "$work/v.md"
LANGUAGE= "$MEETLAT" --export md "$work/vervolg.yaml" > "$work/nl.md" 2> /dev/null
check "in Dutch the Markdown says what it follows up (vorige keer, overgenomen)" sh -c '
grep -q "Vervolgmeting op:\*\* Vergeleken met vorige keer: ‘Nulmeting’, 15 jan. 2026" "$1" &&
grep -q "| Vorige keer | Beweging |" "$1" && grep -q "| Nieuwsbrief | — | Cor | — | overgenomen |" "$1" &&
grep -q "## Acties van vorige keer" "$1"' sh "$work/nl.md"
"$MEETLAT" --export html "$work/vervolg.yaml" > "$work/v.html" 2> /dev/null
check "the HTML holds the table of last time's actions" grep -q 'class="followups"' "$work/v.html"
check "the HTML parses" "$PYTHON" -c '
import html.parser, sys
html.parser.HTMLParser().feed(open(sys.argv[1], encoding="utf-8").read())' "$work/v.html"

# a session without a baseline keeps its columns
"$MEETLAT" --export csv --csv-raw "$work/los.yaml" > "$work/los.csv" 2> /dev/null
check "a session without a baseline has no baseline columns" \
	sh -c 'head -1 "$1" | grep -qv baseline_current && head -1 "$1" | grep -q ";done$(printf "\r")$"' \
	sh "$work/los.csv"

# a baseline that has gone
mv "$work/nulmeting.yaml" "$work/weg-nu.yaml"
"$MEETLAT" --export md "$work/vervolg.yaml" > "$work/gone.md" 2> "$work/err"
check "with the baseline gone the export still succeeds (status 0)" test $? -eq 0
check "and names it on standard error" grep -q "nulmeting.yaml is missing: nothing is compared" "$work/err"
check "and in the report" grep -q "is missing: nothing is compared" "$work/gone.md"
check "and compares nothing" sh -c '! grep -q "2 → 3" "$1"' sh "$work/gone.md"
check "the decisions recorded are still reported" grep -q "carried over" "$work/gone.md"

finish "$CLI" "the follow-up of an earlier session on the command line"
