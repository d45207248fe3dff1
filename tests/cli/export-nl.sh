#!/bin/sh
# export-nl.sh - `meetlat --export md|csv|html SESSION` speaks the language of the interface:
# Dutch for a session of the shipped almanac (no --lang, no LANGUAGE: the content's language),
# with Dutch headings, labels and words, due dates as "15 jan. 2027", the moments the session
# was created and updated in local time ("1 dec. 2026 13:05"), durations as a clock, real
# plurals and a decimal comma; none of the report's English words left. `--lang en` and
# LANGUAGE=en give the English report. The CSV for a spreadsheet has a Dutch header and words
# and ISO dates, and reads back with Python's csv module; the raw CSV (--csv-raw) keeps the
# English identifiers in every language.
CLI_LANGUAGE=""
. "$(dirname "$0")/lib/cli.sh"
needs MEETLAT
unset LC_ALL LC_MESSAGES
# Amsterdam's rules, written out so that no zone database is needed.
export TZ="CET-1CEST,M3.5.0,M10.5.0/3"

# Four votes 1, 3, 4, 4 (median 3.5, far apart); an action done, one overdue for ever
# (2026-01-15), one open until 2027; 23 seconds and an hour on two steps.
cat > "$work/w.yaml" <<'YAML'
meetlat_session: 1
title: "Werksessie Utrecht"
organisation: "Gemeente Voorbeeld"
group: "Team communicatie"
facilitator: "Anne-Marie"
date: 2026-11-26
participants: 8
content: {id: sociale-media-almanak}
created: 2026-12-01T12:05:00Z
updated: 2026-07-01T12:05:00+02:00
scores:
  context:
    votes: [1, 3, 4, 4]
    current: 2
    target: 3
    note: "één; twee, \"drie\""
actions:
  - {text: "Webcare-rooster maken", dimension: context, owner: "Piet", due: 2027-01-15, done: false}
  - {text: "Beleid herzien", owner: "Marie", due: 2026-01-15, done: false}
  - {text: "Redactieformule", owner: "Ali", due: 2026-10-01, done: true}
timings:
  - {step: "welcome", seconds: 3725}
  - {step: "phase:1", seconds: 23}
YAML
sed -e '/^  - {text: "Beleid/d' -e '/^  - {text: "Redactie/d' "$work/w.yaml" > "$work/one.yaml"

for format in md html csv; do
	"$MEETLAT" --export "$format" "$work/w.yaml" > "$work/nl.$format" 2> "$work/err.$format"
	check "$format in Dutch: exit 0, nothing on standard error" \
		test $? -eq 0 -a ! -s "$work/err.$format"
	"$MEETLAT" --lang en --export "$format" "$work/w.yaml" > "$work/en.$format"
	check "$format with --lang en: exit 0" test $? -eq 0
done

# Succeeds when file $1 holds every line that follows, each as a fixed string.
has_all() {
	has_file=$1
	shift
	for has_text in "$@"; do
		grep -qF -- "$has_text" "$has_file" && continue
		echo "  missing in $has_file: $has_text"
		return 1
	done
}

check "md: Dutch headings" has_all "$work/nl.md" "## Stemmen en fasen per rij" \
	"## Niet gescoord" "## Acties" "## Tijd per stap"
check "md: Dutch table headings" has_all "$work/nl.md" \
	"| Groep | Rij | Stemmen | Mediaan | Spreiding | Huidige fase | Doelfase | Notitie |" \
	"| Nr. | Actie | Rij | Trekker | Uiterlijk | Status |" "| Nr. | Stap | Gepland | Besteed |"
check "md: the row, with a decimal comma and votes far apart" has_all "$work/nl.md" \
	"| interactie | context | 4 (1:1 2:0 3:1 4:2) | 3,5 | 4 (ver uiteen) |" \
	"| 2: de gemeente experimenteert | 3: de gemeente converseert | één; twee, \"drie\" |"
check "md: due dates the Dutch way, and the state of each action" has_all "$work/nl.md" \
	"| Piet | 15 jan. 2027 | open |" "| Marie | 15 jan. 2026 | te laat |" \
	"| Ali | 1 okt. 2026 | afgerond |"
check "md: the session's date, created and updated in local time" has_all "$work/nl.md" \
	"26 nov. 2026" "- **Gemaakt:** 1 dec. 2026 13:05" "- **Bijgewerkt:** 1 jul. 2026 12:05"
check "md: durations as a clock beside the minutes planned" has_all "$work/nl.md" \
	"| 5 min | 1:02:05 |" "| 5 min | 0:23 |" "|  | Totaal | 180 min | 1:02:28 |" \
	"In totaal 180 min gepland, 1:02:28 besteed (minuten:seconden"
check "md: plurals" has_all "$work/nl.md" \
	"9 rijen hebben geen vastgestelde huidige fase en geen doelfase." \
	"3 acties afgesproken; afgerond: 1, te laat: 1."
"$MEETLAT" --export md "$work/one.yaml" > "$work/one.md"
check "md: one action, in the singular" grep -qF "1 actie afgesproken; afgerond: 0, te laat: 0." \
	"$work/one.md"
check "html: lang=\"nl\", a Dutch title, chart and dates" has_all "$work/nl.html" \
	'<html lang="nl">' "<title>Werksessie Utrecht – meetlat-rapport</title>" \
	"<h2>Huidige fase en doelfase</h2>" ">Fase 1</text>" ">niet gescoord</text>" \
	">huidige fase</text>" ">doelfase</text>" ">van huidige fase naar doelfase</text>" \
	"<figcaption>Fasen:</figcaption>" "<th>Uiterlijk</th>" \
	'<td class="date">15 jan. 2027</td><td>open</td>' "<b>Gemaakt:</b> 1 dec. 2026 13:05"

# The report's own English words (its chrome); the step labels and the session's labels
# come from the content and the session and are translated there.
english='Scores
Not scored
not scored
Every row
Row group
Votes
Median
Spread
disagree
kept from the file
Actions were
No actions
Owner
Due
State
overdue
done:
Time per step
Planned
Spent
Total
In all
min planned
Created
Updated
Content:
current phase
target phase
from current to target
Current and target
Phases:
meetlat report
Jan
Dec'
# Succeeds when file $1 holds none of the English words above (as whole words).
no_english() {
	printf '%s\n' "$english" > "$work/english"
	if grep -nwF -f "$work/english" "$1" > "$work/found"; then
		sed 's/^/  English left: /' "$work/found" | head -5
		return 1
	fi
}
check "md: no English chrome left" no_english "$work/nl.md"
# The page's text as a browser shows it: without the style sheet and the tags.
sed -e '/^<style>/,/^<\/style>/d' -e 's/<[^>]*>/ /g' "$work/nl.html" > "$work/nl-html.txt"
check "html: its text shown" grep -qF "Stemmen en fasen per rij" "$work/nl-html.txt"
check "html: no English chrome left" no_english "$work/nl-html.txt"

check "--lang en: the English report" has_all "$work/en.md" "## Scores" "## Not scored" \
	"| Piet | 15 Jan 2027 | open |" "| Marie | 15 Jan 2026 | overdue |" \
	"- **Created:** 1 Dec 2026 13:05" \
	"| interactie | context | 4 (1:1 2:0 3:1 4:2) | 3.5 | 4 (disagree) |"
check "--lang en: html lang=\"en\"" has_all "$work/en.html" '<html lang="en">' \
	"<title>Werksessie Utrecht – meetlat report</title>" ">current phase</text>"
LANGUAGE=en "$MEETLAT" --export md "$work/w.yaml" > "$work/env.md"
check "LANGUAGE=en: the same English report" cmp -s "$work/env.md" "$work/en.md"

"$MEETLAT" --export csv --csv-raw "$work/w.yaml" > "$work/nl-raw.csv"
check "csv --csv-raw in Dutch: exit 0" test $? -eq 0
check "csv: read back with Python's csv module" "$PYTHON" - "$work" <<'EOF'
import csv
import sys

work = sys.argv[1]
IDENTIFIERS = ["session_title", "session_organisation", "session_group", "session_date",
               "kind", "group", "row_id", "row", "votes", "distribution", "median", "span",
               "disagree", "current", "current_name", "target", "target_name", "note",
               "action", "owner", "due", "done"]
DUTCH = ["sessie", "organisatie", "team", "datum", "soort", "groep", "rij-id", "rij",
         "stemmen", "verdeling", "mediaan", "spreiding", "ver uiteen", "huidige fase",
         "naam huidige fase", "doelfase", "naam doelfase", "notitie", "actie", "trekker",
         "uiterlijk", "afgerond"]


def read(name, encoding):
    with open(f"{work}/{name}", encoding=encoding, newline="") as f:
        return list(csv.reader(f, delimiter=";", strict=True))


def check(what, got, want):
    if got != want:
        sys.exit(f"export-nl: {what}: {got!r}, expected {want!r}")


sheet, raw = read("nl.csv", "utf-8-sig"), read("nl-raw.csv", "utf-8")
english = read("en.csv", "utf-8-sig")
check("the Dutch header for a spreadsheet", sheet[0], DUTCH)
check("the raw header, stable identifiers", raw[0], IDENTIFIERS)
check("the English header for a spreadsheet", english[0], IDENTIFIERS)
rows = [dict(zip(DUTCH, r)) for r in sheet[1:]]
context = [r for r in rows if r["rij-id"] == "context" and r["soort"] == "rij"]
check("the row context", [(c["mediaan"], c["ver uiteen"], c["notitie"]) for c in context],
      [("3,5", "ja", 'één; twee, "drie"')])
actions = [(r["actie"], r["uiterlijk"], r["afgerond"]) for r in rows if r["soort"] == "actie"]
check("the actions, with ISO dates", actions,
      [("Webcare-rooster maken", "2027-01-15", "nee"), ("Beleid herzien", "2026-01-15", "nee"),
       ("Redactieformule", "2026-10-01", "ja")])
check("the kinds", sorted({r["soort"] for r in rows}), ["actie", "rij"])
raw_rows = [dict(zip(IDENTIFIERS, r)) for r in raw[1:]]
check("the raw words", sorted({(r["kind"], r["done"] or r["disagree"]) for r in raw_rows}),
      [("action", "no"), ("action", "yes"), ("row", "no"), ("row", "yes")])
check("the same data but for the words", [r[:4] + r[5:12] + r[13:21] for r in raw[1:]],
      [r[:4] + r[5:12] + r[13:21] for r in sheet[1:]])
check("the session's date", {r["datum"] for r in rows}, {"2026-11-26"})
EOF

finish export-nl.sh "all checks passed"
