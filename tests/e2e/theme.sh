#!/bin/sh
# theme.sh - issue 12: --theme contrast and `theme = contrast` in the settings file
# ($XDG_CONFIG_HOME/meetlat/config, else ~/.config/meetlat/config) choose the high-contrast
# theme: white on black, the agreed phases as blocks of colour, nothing dim; the option wins
# over the file; lines of the file that cannot be used are named (file:line:) and ignored;
# monochrome (NO_COLOR) stays distinct by bold and reverse. The follower (--follow, on the
# projector) takes its theme the same way, whatever the facilitator's is. Read from the SGR
# codes of `tmux capture-pane -e` at 80x24.
. "$(dirname "$0")/lib/tmux.sh"

# codes - the SGR parameters used on the screen, one a line (38/48 colours as "38"/"48").
codes() {
	screen_attrs | "$PYTHON" -c '
import re, sys
found = set()
for seq in re.findall(r"\x1b\[([0-9;:]*)m", sys.stdin.read()):
    for p in re.split("[;:]", seq):
        if p:
            found.add(int(p))
print("\n".join(str(n) for n in sorted(found)))'
}

# has CODE - true when SGR parameter CODE is on the screen ($TMP/codes, from codes).
has() {
	grep -qx "$1" "$TMP/codes"
}

# scored FILE [ARG...] - starts meetlat on FILE at 80x24, scores a row (votes, revealed,
# current phase 2 and target 3 agreed) and keeps the screen's codes in $TMP/codes.
scored() {
	f=$1
	shift
	start 80 24 "$@" "$f"
	wait_step 1/23
	keys l l l l l l l l l l
	wait_step 11/23
	keys 1 2 2 3 r c 2 t 3
	wait_for "4 votes: "
	settle
	codes > "$TMP/codes"
	screen_attrs > "$TMP/screen.$(basename "$f")"
}

# said TEXT - true when TEXT is on the screen, its wrapped lines joined (what stderr said).
said() {
	tm capture-pane -p -J -t "$CUR" | grep -qF -- "$1"
}

# quit - quits the current program and checks that it ended well.
quit() {
	keys q
	wait_exit
	expect_eq "q exits with status 0" "$(exit_status)" 0
}

# contrast WHAT - checks that $TMP/codes is the contrast theme (WHAT: how it was chosen).
contrast() {
	check "$1: white on black (SGR 37, 40)" eval 'has 37 && has 40'
	check "$1: the agreed phases as blocks of colour (green 42, yellow 43 behind black 30)" \
		eval 'has 42 && has 43 && has 30'
	check "$1: nothing dim (no SGR 2)" eval '! has 2'
	check "$1: bold where a thin stroke washes out (SGR 1)" has 1
}

# The default theme: the terminal's own background, no black behind the text, nothing dim.
scored "$TMP/default.yaml"
check "default theme: the terminal's background stays (no SGR 40)" eval '! has 40'
check "default theme: the current phase in reverse (SGR 7)" has 7
check "default theme: nothing dim (no SGR 2)" eval '! has 2'
# A form is typed in front of the room too: its labels, hint and the progress bar not dim.
keys a
wait_for "Owner"
settle
codes > "$TMP/codes"
check "default theme, the action form open: nothing dim (no SGR 2)" eval '! has 2'
keys Escape
quit

scored "$TMP/option.yaml" --theme contrast
contrast "--theme contrast"
quit

# The settings file under $HOME/.config (no XDG_CONFIG_HOME).
mkdir -p "$HOME/.config/meetlat"
printf '# for the projector\ntheme = contrast\n' > "$HOME/.config/meetlat/config"
scored "$TMP/home.yaml"
contrast "theme = contrast in ~/.config/meetlat/config"
quit

# The follower (the projector) takes the theme too: from --theme, and from the settings file,
# while the facilitator's meetlat shows the default theme (its option wins over the file).
scored "$TMP/follow.yaml" --theme default
FAC=$CUR
check "the facilitator's meetlat with --theme default: no SGR 40" eval '! has 40'
start 80 24 --theme contrast --follow "$TMP/follow.yaml"
wait_for "4 votes: "
settle
codes > "$TMP/codes"
contrast "--follow with --theme contrast"
quit
start 80 24 --follow "$TMP/follow.yaml"
wait_for "4 votes: "
settle
codes > "$TMP/codes"
contrast "--follow with theme = contrast in ~/.config/meetlat/config"
quit
CUR=$FAC
quit

# The option wins over the file.
scored "$TMP/wins.yaml" --theme default
check "--theme default wins over the file's contrast (no SGR 40)" eval '! has 40'
quit

# $XDG_CONFIG_HOME wins over ~/.config; bad lines are named and ignored, never fatal.
mkdir -p "$TMP/xdg/meetlat"
printf 'theme = contrast\ncolour = blue\ntheme bright\ntheme = bright\n' > "$TMP/xdg/meetlat/config"
printf 'theme = default\n' > "$HOME/.config/meetlat/config"
E2E_ENV="XDG_CONFIG_HOME=$TMP/xdg"
scored "$TMP/xdg.yaml"
contrast "theme = contrast in \$XDG_CONFIG_HOME/meetlat/config, after bad lines"
quit
wait_for "EXIT=0"
for said in "$TMP/xdg/meetlat/config:2: unknown setting 'colour' (known: theme); the line is ignored" \
	"$TMP/xdg/meetlat/config:3: expected a line \"key = value\"; the line is ignored" \
	"$TMP/xdg/meetlat/config:4: the theme is default or contrast, not 'bright'; the line is ignored"; do
	check "the file's bad line is named on standard error: ${said#"$TMP"/}" said "$said"
done

# Monochrome keeps the contrast theme's rule (nothing dim) and stays distinct without colour.
E2E_ENV="NO_COLOR=1"
scored "$TMP/mono.yaml" --theme contrast
check "NO_COLOR with --theme contrast: no colour at all" \
	eval '! grep -Eqx "3[0-7]|4[0-7]|38|48|9[0-7]|10[0-7]" "$TMP/codes"'
check "NO_COLOR with --theme contrast: nothing dim" eval '! has 2'
check "NO_COLOR with --theme contrast: marks by bold, reverse and underline" \
	eval 'has 1 && has 7 && has 4'
quit
E2E_ENV=

# A theme that does not exist is a usage error.
"$MEETLAT" --theme bright --preview > "$TMP/out" 2>&1
expect_eq "--theme bright exits with the usage status 2" "$?" 2
check "--theme bright says which themes there are" \
	grep -q "the themes are default and contrast" "$TMP/out"
finish
