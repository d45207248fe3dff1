#!/bin/sh
# color.sh - issue 4: colour only where the terminal has it and none with NO_COLOR (bold and
# reverse stay); the program starts, walks and quits cleanly on vt100, linux and screen.
. "$(dirname "$0")/lib/tmux.sh"

# sgr KIND - prints the SGR sequences of KIND found in the screen with attributes: "colour"
# (foreground/background 30-37, 40-47, 90-97, 100-107, 38/48 for 256 or direct colour; 39 and
# 49, the default colours, are not colours) or "emphasis" (bold 1, reverse 7).
sgr() {
	screen_attrs | "$PYTHON" -c '
import re, sys
colour = lambda n: n in (38, 48) or 30 <= n <= 37 or 40 <= n <= 47 or 90 <= n <= 97 or 100 <= n <= 107
test = colour if sys.argv[1] == "colour" else (lambda n: n in (1, 7))
found = set()
for seq in re.findall(r"\x1b\[([0-9;:]*)m", sys.stdin.read()):
    if any(test(int(p)) for p in re.split("[;:]", seq) if p):
        found.add("ESC[" + seq + "m")
print(" ".join(sorted(found)))' "$1"
}

# colours - the colour sequences on the screen; logs them and the emphasis ones.
colours() {
	sgr emphasis >> "$TMP/emphasis"
	sgr colour
}

# tour FILE - visits screens with varied styles (welcome, the phases, a draft phase text, a
# revealed vote with the far-apart warning, the help, the overview), appending the colour
# sequences seen on each to $TMP/colours; then quits.
tour() {
	: > "$TMP/colours"
	: > "$TMP/emphasis"
	wait_step 1/23
	wait_for "Today: "
	colours >> "$TMP/colours"
	keys Space
	wait_step 2/23
	wait_for "de gemeente werkt samen"
	settle
	colours >> "$TMP/colours"
	keys Space
	wait_step 3/23
	wait_for "Introductie Fase 1: de gemeente ontdekt"
	settle
	colours >> "$TMP/colours"
	keys l l l l l l l l
	wait_step 11/23
	keys 1 4 r
	wait_for "Far apart"
	settle
	colours >> "$TMP/colours"
	keys '?'
	wait_for "Keys"
	colours >> "$TMP/colours"
	keys Escape o
	wait_for "Overview"
	colours >> "$TMP/colours"
	keys Escape q
	wait_exit
	expect_eq "$TERM_NAME: q exits with status 0" "$(exit_status)" 0
}

TERM_NAME=xterm-256color
start 100 30 "$TMP/colour.yaml"
tour
if [ -n "$(tr -d ' \n' < "$TMP/colours")" ]; then
	pass "on xterm-256color without NO_COLOR colours appear: $(tr ' ' '\n' < "$TMP/colours" | sort -u | tr '\n' ' ')"
else
	fail "on xterm-256color without NO_COLOR no colour appeared"
fi

TERM_NAME="xterm-256color with NO_COLOR=1"
E2E_ENV="NO_COLOR=1"
start 100 30 "$TMP/nocolour.yaml"
tour
expect_eq "with NO_COLOR=1 no colour escape appears on any screen" \
	"$(tr -d ' \n' < "$TMP/colours")" ""
if [ -n "$(tr -d ' \n' < "$TMP/emphasis")" ]; then
	pass "with NO_COLOR=1 bold and reverse remain: $(tr ' ' '\n' < "$TMP/emphasis" | sort -u | tr '\n' ' ')"
else
	fail "with NO_COLOR=1 neither bold nor reverse is used: not readable in monochrome"
fi

for t in vt100 linux screen; do
	TERM_NAME=$t
	E2E_ENV="TERM=$t"
	f=$TMP/term-$t.yaml
	start 100 30 "$f"
	wait_step 1/23
	wait_for "Today: "
	pass "$t: the program starts and draws the welcome screen"
	keys Space
	wait_step 2/23
	wait_for "de gemeente werkt samen"
	keys Space
	wait_step 3/23
	wait_for "Introductie Fase 1: de gemeente ontdekt"
	wait_for "De gemeente ontdekt sociale media"
	pass "$t: Space walks to step 3 and its text is readable"
	keys l
	wait_step 4/23
	wait_for "Introductie Fase 2: de gemeente experimenteert"
	if [ "$t" = vt100 ]; then
		expect_eq "vt100 (no colours): no colour escape appears" "$(colours)" ""
	fi
	keys q
	wait_exit
	expect_eq "$t: q exits with status 0" "$(exit_status)" 0
	expect_eq "$t: the position saved is step 4 (phase:2)" "$(yaml_get "$f" position)" "phase:2"
done
finish
