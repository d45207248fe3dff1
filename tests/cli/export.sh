#!/bin/sh
# export.sh - `meetlat --export md|csv|html SESSION` on a session file: the report goes to
# standard output, the file is not touched, an unreadable file gives file:line:column and
# exit 1, wrong usage exit 2; --csv-raw drops the CSV's byte order mark (the rest of this
# session's CSV has nothing to guard, see export-csv.sh for the guard).
. "$(dirname "$0")/lib/cli.sh"
needs MEETLAT

cat > "$work/w.yaml" <<'YAML'
meetlat_session: 1
title: "Werksessie <Utrecht> & \"co\""
organisation: "Gemeente Voorbeeld"
group: "Team communicatie"
facilitator: "Anne-Marie"
date: 2026-11-26
participants: 8
content: {id: sociale-media-almanak}
position: "score:customer-experience"
scores:
  context:
    votes: [2, 3, 3, 4]
    current: 2
    target: 3
    note: "één; twee, \"drie\""
actions:
  - {text: "Webcare-rooster maken", dimension: context, owner: "Piet", due: 2027-01-15, done: false}
YAML
before=$(sha256sum "$work/w.yaml")
mtime=$(stat -c %Y "$work/w.yaml")

"$MEETLAT" --export md "$work/w.yaml" > "$work/out.md" 2> "$work/err"
check "md: exit 0" test $? -eq 0
check "md: the title, escaped for Markdown" grep -qF 'Werksessie \<Utrecht> \& "co"' "$work/out.md"
check "md: the row with its agreed phases" grep -q '| context | 4 (1:0 2:1 3:2 4:1) |' "$work/out.md"
check "md: the action" grep -qF 'Webcare-rooster maken' "$work/out.md"
check "md: nothing on standard error" test ! -s "$work/err"

"$MEETLAT" --export csv --separator ';' "$work/w.yaml" > "$work/out.csv"
check "csv ;: exit 0" test $? -eq 0
check "csv ;: the note read back exactly" "$PYTHON" -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8-sig"), delimiter=";"))
note = [r["note"] for r in rows if r["kind"] == "row" and r["row_id"] == "context"]
sys.exit(0 if note == ["één; twee, \"drie\""] else 1)' "$work/out.csv"

"$MEETLAT" --export csv "$work/w.yaml" > "$work/default.csv"
check "csv: exit 0" test $? -eq 0
check "csv: for a spreadsheet, a byte order mark and ';' for the Dutch almanac" \
	test "$(head -c 17 "$work/default.csv")" = "$(printf '\357\273\277session_title;')"
"$MEETLAT" --export csv --csv-raw "$work/w.yaml" > "$work/raw.csv"
check "csv --csv-raw: exit 0" test $? -eq 0
check "csv --csv-raw: no byte order mark" test "$(head -c 14 "$work/raw.csv")" = "session_title;"
check "csv --csv-raw: the same lines" test "$(tail -c +4 "$work/default.csv")" = "$(cat "$work/raw.csv")"

"$MEETLAT" --export html "$work/w.yaml" > "$work/out.html"
check "html: exit 0" test $? -eq 0
check "html: the title escaped" grep -qF 'Werksessie &lt;Utrecht&gt; &amp; &quot;co&quot;' "$work/out.html"
check "html: an inline chart" grep -q '<svg' "$work/out.html"
check "html: no script" sh -c "! grep -qi '<script' '$work/out.html'"

check "the session file is untouched" test "$(sha256sum "$work/w.yaml")" = "$before"
check "its time stamp too" test "$(stat -c %Y "$work/w.yaml")" = "$mtime"
check "no lock or temporary file was left" test "$(ls -A "$work" | grep -c '^\.')" -eq 0

printf 'meetlat_session: 1\ntitle: "x"\ncontent: {id: sociale-media-almanak}\nscores:\n  context:\n    votes: [2, 9]\n' > "$work/bad.yaml"
"$MEETLAT" --export md "$work/bad.yaml" > "$work/out" 2> "$work/err"
check "an unreadable session: exit 1" test $? -eq 1
check "... with file:line:column: message" grep -qE "^$work/bad.yaml:6:[0-9]+: " "$work/err"
check "... and nothing on standard output" test ! -s "$work/out"
"$MEETLAT" --export md "$work/none.yaml" 2> "$work/err"
check "a missing session: exit 1" test $? -eq 1
"$MEETLAT" --export pdf "$work/w.yaml" 2> /dev/null
check "an unknown format: exit 2" test $? -eq 2
"$MEETLAT" --export md --separator ';' "$work/w.yaml" 2> /dev/null
check "--separator without csv: exit 2" test $? -eq 2
"$MEETLAT" --export html --csv-raw "$work/w.yaml" 2> "$work/err"
check "--csv-raw without csv: exit 2" test $? -eq 2
check "... saying so" grep -qF -- "--csv-raw goes with --export csv" "$work/err"
"$MEETLAT" --csv-raw "$work/w.yaml" 2> /dev/null
check "--csv-raw without --export: exit 2" test $? -eq 2
"$MEETLAT" --export csv 2> /dev/null
check "no SESSION: exit 2" test $? -eq 2

finish export.sh "all checks passed"
