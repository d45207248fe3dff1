#!/bin/sh
# session-yaml.sh - a session full of hostile texts (`yes`, `null`, `0123`, `#`, quotes, line
# breaks, "één", emoji, ...), saved through the store, is read back with PyYAML's safe_load:
# every text must come back exactly, and the dates, numbers and booleans typed.
# Needs BUILD (the build folder) and PYTHON (a python3 with PyYAML), as tests/run-all sets them.
. "$(dirname "$0")/lib/cli.sh"
needs BUILD
tool="$BUILD/tests/tools/session_fixture"

"$tool" hostile "$work/hostile.yaml" > "$work/expected.json" ||
	die "the fixture could not save the session"
"$PYTHON" - "$work/hostile.yaml" "$work/expected.json" <<'PY'
import datetime
import json
import sys

import yaml

with open(sys.argv[1], encoding="utf-8") as f:
    data = yaml.safe_load(f)
with open(sys.argv[2], encoding="utf-8") as f:
    expected = json.load(f)
problems = []
checked = 0


def same(where, got, want):
    """Records a problem unless GOT equals WANT and has its type."""
    global checked
    checked += 1
    if got != want or type(got) is not type(want):
        problems.append("%s: read %r, expected %r" % (where, got, want))


def typed_date(text):
    """A date as PyYAML gives it, or None when there is none (the key is left out)."""
    return datetime.date.fromisoformat(text) if text else None


meta = expected["meta"]
for key in ("title", "organisation", "group", "facilitator"):
    same(key, data[key], meta[key])
same("date", data.get("date"), typed_date(meta["date"]))
same("participants", data.get("participants"),
     int(meta["participants"]) if meta["participants"] else None)
same("meetlat_session", data["meetlat_session"], 1)
for row, note in expected["notes"].items():
    read = data["scores"].get(row, {})
    same("note of " + row, read.get("note", ""), note)
    for vote in read.get("votes", []):
        same("a vote of " + row, vote, int(vote))
same("number of actions", len(data["actions"]), len(expected["actions"]))
for i, (got, want) in enumerate(zip(data["actions"], expected["actions"])):
    same("text of action %d" % (i + 1), got["text"], want["text"])
    same("owner of action %d" % (i + 1), got["owner"], want["owner"])
    same("due date of action %d" % (i + 1), got.get("due"), typed_date(want["due"]))
    same("done of action %d" % (i + 1), got["done"], False)
for problem in problems:
    print("session-yaml: " + problem, file=sys.stderr)
print("session-yaml: %d values read back by PyYAML, %d wrong" % (checked, len(problems)))
sys.exit(1 if problems else 0)
PY
