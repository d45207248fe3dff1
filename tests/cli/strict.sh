#!/bin/sh
# strict.sh - session files are read as strictly as meetlat-session(5) says: a time stamp
# that is no real moment and a line break of any kind in a one-line field are refused with
# file:line:column; invisible format characters (zero-width space and joiners, soft hyphen,
# byte order mark, tag characters) stay in the file but are left out of every export.
. "$(dirname "$0")/lib/cli.sh"
needs MEETLAT

# refused LINE EXPECTED - a session file whose fifth line is LINE is refused by --export md
# with exit status 1 and exactly the message EXPECTED; the file is left as it was.
refused() {
	printf 'meetlat_session: 1\ntitle: "t"\ncontent: {id: sociale-media-almanak}\n' \
		> "$work/s.yaml"
	printf 'updated: 2026-11-26T15:40:12+01:00\n%s\n' "$1" >> "$work/s.yaml"
	before=$(cksum < "$work/s.yaml")
	"$MEETLAT" --export md "$work/s.yaml" > "$work/out" 2> "$work/err"
	status=$?
	check "$1: refused (status $status)" [ "$status" -eq 1 ]
	check "$1: says $2" [ "$(cat "$work/err")" = "$work/s.yaml:5:$2" ]
	check "$1: nothing on standard output" [ ! -s "$work/out" ]
	check "$1: the file is as it was" [ "$(cksum < "$work/s.yaml")" = "$before" ]
}

stamp="expected a time written YYYY-MM-DDTHH:MM:SS+HH:MM for 'created', found"
refused 'created: 2026-11-26T99:99:99+99:99' "10: $stamp '2026-11-26T99:99:99+99:99'"
refused 'created: 2026-02-29T10:00:00+01:00' "10: $stamp '2026-02-29T10:00:00+01:00'"
refused 'created: 2026-11-26T10:00:00+01:60' "10: $stamp '2026-11-26T10:00:00+01:60'"
one="the text must be a single line"
refused 'organisation: "Gemeente\rVoorbeeld"' "15: invalid 'organisation': $one"
refused 'group: "Team\Ncommunicatie"' "8: invalid 'group': $one"
refused 'facilitator: "An\Lde Vries"' "14: invalid 'facilitator': $one"
refused 'organisation: "a\Pb"' "15: invalid 'organisation': $one"
refused 'actions: [{text: "Doen", owner: "An\r"}]' "33: invalid owner of an action: $one"

# Format characters: kept in the file, left out of the exports.
cat > "$work/f.yaml" <<'YAML'
meetlat_session: 1
title: "Werk\u200Bsessie\u2060 \uFEFFsociale\u00ADmedia\U000E0041"
organisation: "Gemeente\u200D Voorbeeld\u200C"
content: {id: sociale-media-almanak}
scores:
  context: {current: 2, note: "Een\u200B notitie\u180E"}
actions:
  - {text: "Webcare\u2063 inrichten", owner: "An\u2064", done: false}
YAML
before=$(cksum < "$work/f.yaml")
for format in md csv html; do
	"$MEETLAT" --export "$format" "$work/f.yaml" > "$work/f.$format" 2> "$work/err"
	check "$format: the export is written" [ "$?" -eq 0 ]
	check "$format: no format character is in the export" "$PYTHON" -c '
import sys, unicodedata
text = open(sys.argv[1], encoding="utf-8").read().lstrip("\ufeff")
bad = sorted({"U+%04X" % ord(c) for c in text if unicodedata.category(c) == "Cf"})
sys.exit("format characters: " + " ".join(bad) if bad else 0)' "$work/f.$format"
	check "$format: the texts are there without them" eval \
		'grep -q "Een notitie" "$work/f.$format" &&
		 grep -q "Webcare inrichten" "$work/f.$format"'
	[ "$format" = csv ] && continue # CSV holds no title or organisation (yet)
	check "$format: the title and organisation are there without them" eval \
		'grep -q "Werksessie sociale" "$work/f.$format" &&
		 grep -q "Gemeente Voorbeeld" "$work/f.$format"'
done
check "the session file still holds its format characters" \
	eval '[ "$(cksum < "$work/f.yaml")" = "$before" ] && grep -q "u200B" "$work/f.yaml"'

finish strict "time stamps, one-line fields and format characters as the manual says"
