#!/bin/sh
# invisible.sh - issue 8: invisible format characters (zero-width space and joiners, soft
# hyphen, word joiner, byte order mark, tag characters) in a session file are left out of
# what is drawn: the note shows as plain words and the screen holds no character of Unicode
# category Cf; the file keeps them (--review writes nothing).
. "$(dirname "$0")/lib/tmux.sh"

content=$FIXTURES/score-only.yaml
file=$TMP/invisible.yaml
cat > "$file" << 'YAML'
meetlat_session: 1
title: "Onzicht\u200Bbaar"
content: {id: e2e-score-only}
scores:
  alfa: {votes: [2], note: "Een\u200B notitie\u00AD met\u2060 tags\U000E0041\uFEFF en\u200D joiners."}
YAML
before=$(cksum < "$file")

start 100 30 -c "$content" --review "$file"
wait_step 1/5
wait_for "read-only review"
wait_for "Een notitie met tags en joiners."
pass "the note shows without its invisible characters, as plain words"
screen > "$TMP/screen.txt"
check "no format character (category Cf) is on the screen" "$PYTHON" -c '
import sys, unicodedata
text = open(sys.argv[1], encoding="utf-8").read()
bad = sorted({"U+%04X" % ord(c) for c in text if unicodedata.category(c) == "Cf"})
print("on the screen: " + " ".join(bad)) if bad else None
sys.exit(1 if bad else 0)' "$TMP/screen.txt"
keys q
wait_exit
expect_eq "--review exits with status 0" "$(exit_status)" 0
expect_eq "the session file keeps its characters (nothing was written)" \
	"$(cksum < "$file")" "$before"
finish
