#!/bin/sh
# export-csv.sh - the CSV export of the fixed session (tests/export_fixture.h), read back by
# Python's csv module with ',' and with ';', gives every original text exactly.
# Needs BUILD (the build folder, holding tests/tools/export_fixture) and PYTHON.
set -eu
: "${BUILD:?set BUILD to the build folder}" "${PYTHON:=/usr/bin/python3}"
tool="$BUILD/tests/tools/export_fixture"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
export HOME="$tmp" XDG_DATA_HOME="$tmp/data"

"$tool" strings > "$tmp/strings"
"$tool" csv , > "$tmp/comma.csv"
"$tool" csv ';' > "$tmp/semicolon.csv"

"$PYTHON" - "$tmp/strings" "$tmp/comma.csv" , "$tmp/semicolon.csv" ';' <<'EOF'
import csv
import sys

COLUMNS = ["kind", "group", "row_id", "row", "votes", "distribution", "median", "span",
           "disagree", "current", "current_name", "target", "target_name", "note", "action",
           "owner", "due", "done"]


def fail(message):
    sys.exit("export-csv: " + message)


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


def check(path, sep, expected):
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        fail(f"{path}: starts with a byte order mark")
    if not raw.endswith(b"\r\n") or raw.count(b"\r\n") != len(expected) + 1:
        fail(f"{path}: lines must end in CRLF, one per record")
    with open(path, encoding="utf-8", newline="") as f:
        records = list(csv.reader(f, delimiter=sep, strict=True))
    if records[0] != COLUMNS:
        fail(f"{path}: header is {records[0]}")
    if len(records) != len(expected) + 1:
        fail(f"{path}: {len(records) - 1} records, expected {len(expected)}")
    for number, (record, want) in enumerate(zip(records[1:], expected), start=2):
        if len(record) != len(COLUMNS):
            fail(f"{path}: record {number} has {len(record)} fields")
        got = dict(zip(COLUMNS, record))
        for column, text in want.items():
            if got[column] != text:
                fail(f"{path}: record {number}, {column}: {got[column]!r} != {text!r}")
    return records


strings_path, pairs = sys.argv[1], sys.argv[2:]
expected = expected_records(strings_path)
notes = "".join(r["note"] for r in expected)
for hostile in ["|", "<script>", '"', "'", "&", "\n", "één", ";", ",", "\\"]:
    if hostile not in notes:
        fail(f"the fixed session lost its hostile note ({hostile!r} missing)")
if not any(r["action"].startswith("=") for r in expected):
    fail("the fixed session lost its formula-like action")
results = [check(pairs[i], pairs[i + 1], expected) for i in range(0, len(pairs), 2)]
median = COLUMNS.index("median")
for a, b in zip(*results):
    if a[:median] + a[median + 1:] != b[:median] + b[median + 1:] or \
            a[median].replace(".", ",") != b[median]:
        fail(f"the two separators read back differently: {a} / {b}")
comma, semicolon = (open(p, "rb").read() for p in pairs[0::2])
if comma.split(b"\r\n")[0].count(b";") or not semicolon.split(b"\r\n")[0].count(b";") == 17:
    fail("the separators are not the ones asked for")
print(f"export-csv: {len(expected)} records read back exactly with ',' and ';'")
EOF
