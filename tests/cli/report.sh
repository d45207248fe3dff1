#!/bin/sh
# report.sh - `meetlat report` on a folder of 200 generated sessions (tests/tools/
# report_sessions: 5 organisations, 4 groups, 10 dates, in folders per organisation), beside
# them a broken file, a session of another content, a valid session in a hidden .git folder,
# a text file and a symbolic link that loops back to the folder:
# - CSV: read back by Python's csv module with ';' it gives exactly the generated values,
#   one line per session and row (the other content's too, the hidden one not), then after an
#   empty line exactly the open actions, overdue when due before today;
# - xlsx: opened by openpyxl, its sheets hold the same numbers (per row the distribution; per
#   organisation and group its latest session's phases; the other content in sheets of its
#   own) and a radar chart per organisation;
# - HTML: parses with every element closed, holds an <svg> chart and the texts escaped;
# - the broken file is named on stderr as file:line:column, and the exit status is 1 when a
#   file was skipped, 0 when all were read, 2 for no session at all or a wrong command line;
# - threads (-j): with 1, 3 and 4 the CSV, the HTML and stderr are byte-identical, the broken
#   file named exactly once, a missing path in its place.
# Needs BUILD (the build folder, holding tests/tools/report_sessions), MEETLAT and PYTHON.
. "$(dirname "$0")/lib/cli.sh"
needs BUILD
: "${MEETLAT:=$BUILD/meetlat}"

s="$work/sessions"
"$BUILD/tests/tools/report_sessions" "$s" 200 5 4 10 "$work/truth" || die "cannot generate"
ln -s .. "$s/org-0/loop"
mkdir "$work/empty"

# Runs meetlat report with the arguments given; its status into $work/status.
report() {
	"$MEETLAT" report "$@" > "$work/out" 2> "$work/err"
	echo $? > "$work/status"
}
status_is() { [ "$(cat "$work/status")" = "$1" ]; }
broken_named() { grep -Eq "/sessions/broken\.yaml:4:[0-9]+: " "$work/err"; }
only_broken_named() { [ "$(wc -l < "$work/err")" -eq 1 ]; }

report --format csv "$s"
cp "$work/out" "$work/report.csv"
check "csv: exit status 1 when a file was skipped" status_is 1
check "csv: the broken file named on stderr with line and column" broken_named
check "csv: nothing else on stderr (hidden folder, text file and link loop skipped)" only_broken_named
check "csv: the values read back are exactly the generated ones" \
	"$PYTHON" - "$work/report.csv" "$work/truth" <<'EOF_PY'
import csv, datetime, sys

def needs_guard(text):
    text = text.lstrip("'")
    return text[:1] in ("\t", "\r") or text.lstrip(" \t\r\n")[:1] in ("=", "+", "-", "@")

def unguard(cell):
    return cell[1:] if cell.startswith("'") and needs_guard(cell[1:]) else cell

raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "no byte order mark"
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
empty = rows.index([])
sessions, actions = rows[:empty], rows[empty + 1:]
head = sessions[0]
assert head[:11] == ["file", "session_title", "session_organisation", "session_group",
                     "session_date", "content_id", "content_sha256", "row_id", "row",
                     "current", "target"], head
assert head[11:] == ["votes_1", "votes_2", "votes_3", "votes_4"], head
got = sorted(tuple(unguard(c) for c in r[:6] + r[7:]) for r in sessions[1:])
today = datetime.date.today().isoformat()
want, want_actions = [], []
for line in open(sys.argv[2], encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if f[0] == "row":
        file, title, org, group, date, updated, content, row_id, row, cur, tgt = f[1:12]
        want.append((file, title, org, group, date, content, row_id, row,
                     "" if cur == "0" else cur, "" if tgt == "0" else tgt, *f[12:16]))
    elif f[11] == "no":
        file, title, org, group, date, row_id, row, text, owner, due = f[1:11]
        want_actions.append((file, title, org, group, date, "sociale-media-almanak", row_id,
                             row, text, owner, due, "yes" if due and due < today else "no"))
want.sort()
assert len(got) == 200 * 10 + 2, len(got)
assert got == want, [x for x in got if x not in want][:3] or [x for x in want if x not in got][:3]
assert actions[0][-4:] == ["action", "owner", "due", "overdue"], actions[0]
got_actions = sorted(tuple(unguard(c) for c in r) for r in actions[1:])
assert got_actions == sorted(want_actions), (got_actions[:2], sorted(want_actions)[:2])
assert len(want_actions) > 50
EOF_PY

report -o "$work/report.xlsx" "$s"
check "xlsx: exit status 1 when a file was skipped" status_is 1
check "xlsx: openpyxl reads the same numbers and a chart per organisation" \
	"$PYTHON" - "$work/report.xlsx" "$work/truth" <<'EOF_PY'
import collections, sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
names = wb.sheetnames
assert names[:5] == ["Phases", "Groups", "Charts", "Trend", "Actions"], names
assert "Groups 2" in names, names
latest, rows, dist = {}, {}, collections.Counter()
for line in open(sys.argv[2], encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if f[0] != "row":
        continue
    file, title, org, group, date, updated, content, row_id, row, cur, tgt = f[1:12]
    rows.setdefault(content, []).append(row) if row not in rows.get(content, []) else None
    key = (content, org, group)
    if key not in latest or (date, updated) >= latest[key][0]:
        if key not in latest or (date, updated) > latest[key][0]:
            latest[key] = ((date, updated), title, {})
        latest[key][2][row] = (int(cur), int(tgt))
    dist[(content, row, "current", int(cur))] += 1
    dist[(content, row, "target", int(tgt))] += 1

def check_groups(sheet, content):
    ws = wb[sheet]
    cells = list(ws.iter_rows(values_only=True))
    head = cells[1]
    n = len(rows[content])
    assert list(head[4:4 + n]) == rows[content] and list(head[4 + n:4 + 2 * n]) == rows[content], head
    seen = 0
    for line in cells[2:]:
        org, group, date, title = line[:4]
        (d, _), want_title, phases = latest[(content, org, group)]
        assert (date, title) == (d, want_title), (line, d, want_title)
        for i, row in enumerate(rows[content]):
            cur, tgt = phases[row]
            assert (line[4 + i] or 0, line[4 + n + i] or 0) == (cur, tgt), (org, group, row)
        seen += 1
    assert seen == sum(1 for k in latest if k[0] == content), seen

check_groups("Groups", "sociale-media-almanak")
check_groups("Groups 2", "andere-meetlat")
phases = list(wb["Phases"].iter_rows(values_only=True))
for line in phases[2:]:
    row = line[0]
    for p in range(5):
        assert line[1 + p] == dist[("sociale-media-almanak", row, "current", p)], (row, p)
        assert line[6 + p] == dist[("sociale-media-almanak", row, "target", p)], (row, p)
assert len(phases) - 2 == 10
charts = wb["Charts"]._charts
assert len(charts) == 5 and all(type(c).__name__ == "RadarChart" for c in charts), charts
assert wb["Actions"].max_row > 50
EOF_PY

report --format html "$s"
cp "$work/out" "$work/report.html"
check "html: exit status 1 when a file was skipped" status_is 1
check "html: parses with every element closed, an svg chart, texts escaped" \
	"$PYTHON" - "$work/report.html" <<'EOF_PY'
import sys
from html.parser import HTMLParser

VOID = {"meta", "br", "img", "hr", "input", "link", "line", "polyline"}

class Balance(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.tags = [], set()
    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag not in VOID:
            self.stack.append(tag)
    def handle_startendtag(self, tag, attrs):
        self.tags.add(tag)
    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-3:])
        self.stack.pop()

text = open(sys.argv[1], encoding="utf-8").read()
p = Balance()
p.feed(text)
p.close()
assert not p.stack, p.stack
assert {"svg", "polyline", "table", "section"} <= p.tags, p.tags
assert '<html lang="en">' in text
assert "Gemeente &quot;Noord&quot;; Oost" in text and '"Noord"' not in text
assert "<script" not in text and "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "")
assert text.count("<section>") == 2
EOF_PY

report --lang nl --format html "$s/org-1"
dutch() { grep -q '<html lang="nl">' "$work/out" && grep -q '<h3>Open acties</h3>' "$work/out"; }
check "html: exit status 0 when every file was read" status_is 0
check "html --lang nl: the page is Dutch" dutch

report --format csv "$s/org-1"
tr -d '\r' < "$work/out" > "$work/org-1.csv"
report -o "$work/org-1-file.csv" --today 2000-01-01 "$s/org-1"
same_but_overdue() {
	tr -d '\r' < "$work/org-1-file.csv" > "$work/org-1-file.lf" &&
		[ ! -s "$work/out" ] && grep -q ';yes$' "$work/org-1.csv" &&
		! grep -q ';yes$' "$work/org-1-file.lf" &&
		[ "$(sed 's/;yes$/;no/' "$work/org-1.csv")" = "$(cat "$work/org-1-file.lf")" ]
}
check "-o FILE.csv: the same CSV in the file; with --today 2000-01-01 nothing overdue" same_but_overdue
report --lang nl --format csv "$s/org-1"
dutch_csv() { head -n 1 "$work/out" | grep -q '^.*bestand;sessie;organisatie;team;datum;inhoud;'; }
check "csv --lang nl: the column names in Dutch, ';' between them" dutch_csv

report --format csv "$work/empty"
check "no session found: exit status 2" status_is 2

# -o: the report goes to a temporary file renamed over FILE only when it is whole.
mkdir "$work/out-dir"
printf 'the previous report\n' > "$work/out-dir/kept.html"
cp "$work/out-dir/kept.html" "$work/kept.before"
no_temp_left() { [ "$(ls -A "$work/out-dir" | grep -vc '^kept\.html$')" -eq 0 ]; }
unchanged() { cmp -s "$work/kept.before" "$work/out-dir/kept.html" && no_temp_left; }
report -o "$work/out-dir/kept.html" "$work/empty"
check "-o, no session found: exit status 2" status_is 2
check "-o, no session found: FILE's bytes unchanged, no temporary file left" unchanged
report -o "$work/out-dir/kept.html" "$work/no-such-folder"
check "-o, a mistyped folder: FILE's bytes unchanged, no temporary file left" unchanged
chmod 640 "$work/out-dir/kept.html"
report -o "$work/out-dir/kept.html" "$s/org-1"
replaced() {
	grep -q '^<!DOCTYPE html>' "$work/out-dir/kept.html" && no_temp_left &&
		[ "$(stat -c %a "$work/out-dir/kept.html")" = 640 ]
}
check "-o, a report written: FILE replaced (its mode kept), no temporary file left" replaced
report -o "$work/out-dir/kept.xlsx" "$work/empty"
xlsx_none() { [ ! -e "$work/out-dir/kept.xlsx" ] && no_temp_left; }
check "-o FILE.xlsx, no session found: no FILE, no temporary file left" xlsx_none
one="$(find "$s/org-1" -name '*.yaml' | head -n 1)"
cp "$one" "$work/session.before"
report -o "$one" "$s/org-2"
session_kept() { status_is 2 && cmp -s "$work/session.before" "$one" && grep -q 'session file' "$work/err"; }
check "-o naming a session file: refused (exit status 2), the session unchanged" session_kept
report
check "no PATH: exit status 2" status_is 2
report --format xlsx "$s"
check "xlsx without -o: exit status 2" status_is 2
# Threads (-j): the files are read by N threads and folded in the order of the walk, so the
# report and its stderr are the same, byte for byte, whatever N. A path that cannot be read
# (missing) is named in its place among the files' errors.
report -j 1 --format csv "$work/missing-1" "$s" "$work/missing-2"
cp "$work/out" "$work/j1.csv"
cp "$work/err" "$work/j1.err"
report -j 4 --format csv "$work/missing-1" "$s" "$work/missing-2"
check "-j 4: exit status 1 when a file was skipped" status_is 1
check "-j 1 and -j 4: the CSV is byte-identical" cmp "$work/j1.csv" "$work/out"
check "-j 1 and -j 4: stderr is byte-identical (missing, broken, missing in that order)" \
	cmp "$work/j1.err" "$work/err"
in_order() {
	[ "$(wc -l < "$work/err")" -eq 3 ] && head -n 1 "$work/err" | grep -q "missing-1: " &&
		sed -n 2p "$work/err" | grep -Eq "/sessions/broken\.yaml:4:[0-9]+: " &&
		tail -n 1 "$work/err" | grep -q "missing-2: "
}
check "-j 4: the broken file named once, between the missing paths" in_order
check "-j 1: the CSV is the default run's (sessions in the order of the walk)" \
	cmp "$work/report.csv" "$work/j1.csv"
report -j 3 --format html "$s"
cp "$work/out" "$work/j3.html"
check "-j 3: the HTML is the default run's, byte for byte" cmp "$work/report.html" "$work/j3.html"
report -j 4 --format csv "$s"
broken_once() { [ "$(grep -c "broken\.yaml" "$work/err")" -eq 1 ] && only_broken_named; }
check "-j 4: the broken file named on stderr exactly once, nothing else" broken_once
report -j 0 --format csv "$s"
check "-j 0: exit status 2" status_is 2
report -j many --format csv "$s"
check "-j many: exit status 2" status_is 2
report --format pdf "$s"
check "an unknown format: exit status 2" status_is 2
report --help
check "report --help: exit status 0" status_is 0
finish "$CLI" "the report's CSV, xlsx and HTML hold the sessions' values"
