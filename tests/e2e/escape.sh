#!/bin/sh
# escape.sh - issue 4: escape sequences in a content file (an OSC that sets the window title,
# C0 CSI colours, C1 CSI U+009B) and in a session file (a note, an action) never reach the
# terminal: the pane title set beforehand stays, the screen holds no ESC, BEL or C1 character,
# and every hostile sequence shows with its control character replaced by '?'.
. "$(dirname "$0")/lib/tmux.sh"

evil=$FIXTURES/evil.yaml
"$MEETLAT" --check "$evil" > "$TMP/check.out" 2>&1
expect_eq "meetlat --check accepts the hostile content (it is valid)" "$?" 0

# clean_screen WHERE - the pane title is still KNOWN, the screen has no control character,
# and every payload of a hostile sequence is preceded by the '?' that replaced its control.
clean_screen() {
	title=$(tm display -p -t "$CUR" '#{pane_title}')
	[ "$title" = KNOWN ] || fail "$1: the pane title became \"$title\""
	screen > "$TMP/screen.txt"
	"$PYTHON" - "$TMP/screen.txt" << 'EOF' || fail "$1: a control sequence reached the screen"
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="surrogateescape").read()
bad = 0
for m in re.finditer(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text):
    print(f"control character U+{ord(m.group()):04X} at offset {m.start()}")
    bad = 1
# The payloads that follow a control character in evil.yaml and in the session's texts.
payloads = ["]2;PWNED", "]0;PWNED", "[31mred", "[0m text", "31m one", "32mgreen", "4mC1TITLE",
            "[7mactie", "31mcsi", "1m end", "4mNOTE", "[31mACT", "7mC1ACT"]
for p in payloads:
    for m in re.finditer(re.escape(p), text):
        if m.start() == 0 or text[m.start() - 1] != "?":
            line = text.count("\n", 0, m.start()) + 1
            print(f"line {line}: {p!r} is not preceded by '?': "
                  f"{text[max(0, m.start() - 6):m.end()]!r} (the control was not replaced)")
            bad = 1
sys.exit(bad)
EOF
}

file=$TMP/evil-session.yaml
E2E_HOLD=1 start 100 30 -c "$evil" "$file"
tm select-pane -t "$CUR" -T KNOWN
expect_eq "the pane title is set to KNOWN before meetlat starts" \
	"$(tm display -p -t "$CUR" '#{pane_title}')" KNOWN
release
wait_step 1/7
wait_for "Today: "
settle
check "the welcome screen shows the title with '?' for its controls" \
	on_screen "Evil?]2;PWNED? title"
clean_screen "step 1 (welcome, the content's title)"
pass "step 1: title kept, no control character, every sequence shown as '?'"

for step in 2 3 4 5 6 7; do
	keys Space
	wait_step $step/7
	settle
	case $step in
	2) check "the phases show the C0 and C1 colour sequences as '?'" \
		eval 'on_screen "?[31mred phase" && on_screen "c1 ?32mgreen"' ;;
	5) check "the table shows the hostile cells as '?'" \
		eval 'on_screen "cell ?[31mred?[0m text" && on_screen "cell ?31mcsi?1m end"' ;;
	esac
	clean_screen "step $step ($(status_line | sed 's/  .*//; s/^ *//'))"
	pass "step $step: title kept, no control character, every sequence shown as '?'"
done
keys '?'
wait_for "Keys"
clean_screen "the help"
pass "the help: title kept, no control character"
keys Escape o
wait_for "Overview"
clean_screen "the overview (lists the step titles)"
pass "the overview: title kept, no control character, every sequence shown as '?'"
keys Escape q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0

# Hostile text in the session file: a note and an action, read back by the program.
"$PYTHON" - "$file" << 'EOF' || fail "could not add the hostile note and action to the session"
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
scores = r'''scores:
  cell:
    votes: [1, 2]
    note: "note \e]2;PWNED\a \u009b4mNOTE"
'''
actions = r'''actions:
- {text: "act \e[31mACT \u009b7mC1ACT", dimension: cell, owner: "o \e]0;PWNED\a", due: 2027-01-15, done: false}
'''
if "scores: {}\n" not in text or "actions: []\n" not in text:
    sys.exit("the session file has scores or actions already:\n" + text)
open(path, "w", encoding="utf-8").write(
    text.replace("scores: {}\n", scores).replace("actions: []\n", actions))
EOF
check "the session file with the hostile note and action parses (PyYAML)" \
	yaml_ok "$file" 'd["scores"]["cell"]["note"] == "note \x1b]2;PWNED\x07 \x9b4mNOTE"'
E2E_HOLD=1 start 100 30 -c "$evil" --review "$file"
tm select-pane -t "$CUR" -T KNOWN
release
wait_for "read-only"
wait_step 7/7
keys h
wait_step 6/7
wait_for "Note:"
settle
check "the note from the session file shows its controls as '?'" on_screen "note ?]2;PWNED? ?4mNOTE"
clean_screen "the scoring step with a hostile note and action"
pass "a hostile note from the session file: title kept, no control character"
keys A
wait_for "Esc close"
check "the action list shows the action's controls as '?'" on_screen "act ?[31mACT ?7mC1ACT"
clean_screen "the action list with a hostile action"
pass "a hostile action in the action list: title kept, no control character"
keys Escape G
wait_step 7/7
settle
clean_screen "the summary with a hostile action"
pass "the summary with a hostile action: title kept, no control character"
keys q
wait_exit
expect_eq "q exits the review with status 0" "$(exit_status)" 0
finish
