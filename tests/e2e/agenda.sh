#!/bin/sh
# agenda.sh - issue 8: steps by id. A session recorded with the almanac, opened with a shortened,
# then a reordered agenda, then the almanac again, keeps every timing and score (the shortened
# open says so in one line); an old file (steps by number) is converted on its first save; a
# session of another content is asked about (n: the file is untouched, byte for byte; y: opened),
# never in --review or --export; a content file passed as a session says to use -c.
. "$(dirname "$0")/lib/tmux.sh"

almanak=$E2E_SRC/content/almanak.yaml
sha=$(sha256sum "$almanak" | cut -d' ' -f1)

# with_agenda OUT PYEXPR - the almanac with its agenda lines replaced by PYEXPR (of `lines`).
with_agenda() {
	"$PYTHON" - "$almanak" "$1" "$2" << 'EOF'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
head, agenda = text.split("\nagenda:\n")
lines = agenda.splitlines(keepends=True)
out = eval(sys.argv[3])
open(sys.argv[2], "w", encoding="utf-8").write(head + "\nagenda:\n" + "".join(out))
EOF
}
short=$TMP/short.yaml
reordered=$TMP/reordered.yaml
with_agenda "$short" '[lines[0], lines[5], lines[10], lines[20], lines[15], lines[21], lines[22]]'
with_agenda "$reordered" 'lines[::-1]'
for c in "$short" "$reordered"; do
	"$MEETLAT" --check "$c" > /dev/null 2>&1 || fail "meetlat --check rejects $c"
done

# The session: every step of the almanac timed, two rows scored, at score:content (11/23).
file=$TMP/workshop.yaml
{
	printf 'meetlat_session: 1\ntitle: "Drie agenda'\''s"\n'
	printf 'content: {id: sociale-media-almanak, sha256: "%s"}\n' "$sha"
	printf 'position: "score:content"\n'
	printf 'scores:\n  content:\n    votes: [3, 3, 2]\n    current: 3\n    target: 4\n'
	printf '  mensen:\n    note: "eerst de mensen"\ntimings:\n'
	n=0
	for id in welcome model phase:1 phase:2 phase:3 phase:4 citizen:4 reading_guide:4 \
		chapters:4 table score:content score:customer-experience score:context \
		score:conversatie score:collaboratie text:pauze score:visie-ambitie \
		score:functie-resultaat score:processen-activiteiten-eigenaarschap \
		score:middelen-ict-archivering score:mensen actions summary; do
		n=$((n + 1))
		printf -- '- {step: "%s", seconds: %d}\n' "$id" $((100 + n))
	done
} > "$file"
cp "$file" "$TMP/original.yaml"

start 100 30 -c "$short" "$file"
wait_for "16 timed steps it no longer"
check "the shortened agenda says so in one line: 16 timed steps kept, resuming at Score: content" \
	eval 'on_screen "The agenda has changed since this session: 16 timed steps it no longer has" &&
		on_screen "are kept in the file; resuming at step 3, ‘Score: content’."'
check "no step is listed as dropped" eval 'off_screen "dropped" && off_screen "step 8"'
keys Escape
wait_step 3/7
keys l
wait_step 4/7
keys h
wait_step 3/7 # each move saves the file
keys q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0
check "the file still holds all 23 timings" \
	yaml_ok "$file" 'len(d["timings"]) == 23'

start 100 30 -c "$reordered" "$file"
wait_for "Worth knowing"
check "the reordered agenda has every step: no line about kept timings" off_screen "timed step"
keys Escape
wait_step 13/23
check "it resumes at the same step, now 13/23" on_screen "Score: content"
keys l
wait_step 14/23
keys h
wait_step 13/23
keys q
wait_exit

start 100 30 "$file"
wait_step 11/23
check "the almanac again: back at 11/23 with no overlay" off_screen "Worth knowing"
keys l
wait_step 12/23
keys h
wait_step 11/23
keys q
wait_exit

# Every timing and score of the first file, byte for byte (the steps the walk stood on may
# have gained the seconds they were open: those are compared as at least what they were).
"$PYTHON" - "$TMP/original.yaml" "$file" > "$TMP/compare.out" << 'EOF'
import sys, yaml
a, b = (yaml.safe_load(open(p, encoding="utf-8")) for p in sys.argv[1:])
sa, sb = ({t["step"]: t["seconds"] for t in d["timings"]} for d in (a, b))
order = [t["step"] for t in b["timings"]] == [t["step"] for t in a["timings"]]
walked = {"score:content", "score:mensen", "table", "score:customer-experience"}
same = all(sb[k] == v if k not in walked else sb[k] >= v for k, v in sa.items())
print("ok" if order and same and len(sb) == len(sa) and a["scores"] == b["scores"] and
      b["position"] == "score:content" else "differs: %r" % b["timings"])
EOF
expect_eq "after the third open every timing and score is as it was, in agenda order" \
	"$(cat "$TMP/compare.out")" ok
sed -n '/^scores:/,/^actions:/p' "$file" > "$TMP/scores.after"
cat > "$TMP/scores.before" << 'YAML'
scores:
  content:
    votes: [3, 3, 2]
    current: 3
    target: 4
  mensen:
    note: "eerst de mensen"
actions: []
YAML
check "the scores section is the same text" eval 'diff "$TMP/scores.before" "$TMP/scores.after" >&2'

# An old file: steps by number, of this very content; converted on the first save.
old=$TMP/old.yaml
cat > "$old" << YAML
meetlat_session: 1
title: "Oud"
content: {id: sociale-media-almanak, sha256: "$sha"}
position: 6
timings:
- {step: 6, seconds: 30, by: "An"}
YAML
start 100 30 "$old"
wait_step 6/23
check "an old file resumes at its step number (6/23, phase 4) without a notice" \
	off_screen "Worth knowing"
keys l
wait_step 7/23
keys h
wait_step 6/23
keys q
wait_exit
expect_eq "it is saved with the step id as position" "$(yaml_get "$old" position)" "phase:4"
check "its timing is now by id, with its unknown key" \
	yaml_ok "$old" '(t := d["timings"][0])["step"] == "phase:4" and t["seconds"] >= 30 and t["by"] == "An"'

# A session of another content: asked before the walk starts.
other=$TMP/other.yaml
cat > "$other" << 'YAML'
meetlat_session: 1
title: "Ander"
content: {id: andere-almanak}
position: "score:elders"
scores:
  elders: {current: 2}
timings:
- {step: "score:elders", seconds: 50}
YAML
cp "$other" "$TMP/other.orig"
start 200 30 "$other"
wait_for "Open it with this content anyway?"
check "the question names both contents" \
	on_screen "was scored against the content 'andere-almanak', not 'sociale-media-almanak'"
keys n Enter
wait_exit
expect_eq "n: exit status 1" "$(exit_status)" 1
check "n: it says the file is left as it was" on_screen "not opened; the file is left as it was"
check "n: the file is untouched, byte for byte" cmp -s "$other" "$TMP/other.orig"

start 100 30 --review "$other"
wait_for "Worth knowing"
check "--review opens it without asking" off_screen "anyway?"
keys Escape q
wait_exit
check "--review leaves the file as it was" cmp -s "$other" "$TMP/other.orig"
"$MEETLAT" --export md "$other" > "$TMP/other.md" 2> "$TMP/other.err" < /dev/null
expect_eq "--export opens it without asking: exit 0" "$?" 0
check "--export warns on standard error" \
	grep -q "scored against the content 'andere-almanak'" "$TMP/other.err"
check "--export leaves the file as it was" cmp -s "$other" "$TMP/other.orig"

start 200 30 "$other"
wait_for "Open it with this content anyway?"
keys y Enter
wait_step 1/23
keys Escape l
wait_step 2/23
keys q
wait_exit
expect_eq "y: opened and walked (exit 0)" "$(exit_status)" 0
expect_eq "y: the file now names the content it was opened with" \
	"$(yaml_get "$other" content.id)" sociale-media-almanak
check "y: the row and the timing the almanac cannot place are kept" \
	yaml_ok "$other" '(d["scores"]["elders"] == {"current": 2} and
		{"step": "score:elders", "seconds": 50} in d["timings"])'

# A content file passed as the session.
cp "$short" "$TMP/kort.yaml"
"$MEETLAT" "$TMP/kort.yaml" > /dev/null 2> "$TMP/kort.err" < /dev/null
expect_eq "a content file as the session: exit 1" "$?" 1
check "it says to use -c" grep -qF "this is a content file, not a session file; to run a workshop with it, give it with -c: meetlat -c $TMP/kort.yaml SESSION" \
	"$TMP/kort.err"
check "the content file is untouched" cmp -s "$short" "$TMP/kort.yaml"
finish
