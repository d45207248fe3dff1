#!/bin/sh
# check.sh - `meetlat --check`: exit 0 on valid content, 1 with "file:line:column: message" on
# invalid content, 2 on wrong usage; no raw control characters ever reach stdout or stderr.
#
#   MEETLAT=build/san/meetlat sh tests/cli/check.sh
. "$(dirname "$0")/lib/cli.sh"
needs MEETLAT

# A valid content: lines 1-3 head, 4-6 phases, 7-10 the table.
valid='meetlat_content: 1
id: t
title: T
phases:
  - {number: 1, name: a, summary: s, intro: i}
  - {number: 2, name: b, summary: s, intro: i}
model:
  - group: g
    dimensions:
      - {id: r, name: R, behaviour: {1: x, 2: y}}'

# Succeeds when file $1 holds a control character other than newline, or a C1 control (UTF-8).
has_controls() {
	od -An -tx1 -v "$1" | awk '
		{ for (i = 1; i <= NF; i++) {
			b = $i
			if (b != "0a" && (b < "20" || b == "7f")) bad = 1
			if (prev == "c2" && b >= "80" && b <= "9f") bad = 1
			prev = b } }
		END { exit !bad }'
}

# run NAME ARGS...: runs meetlat with ARGS (10 s at most), keeping status, stdout and stderr.
run() {
	name=$1
	shift
	timeout 10 "$MEETLAT" "$@" >"$work/out" 2>"$work/err"
	status=$?
	has_controls "$work/out" && fail "$name: raw control characters on stdout: $(od -c "$work/out")"
	has_controls "$work/err" && fail "$name: raw control characters on stderr: $(od -c "$work/err")"
}

# expect NAME STATUS STDOUT STDERR: compares the last run with what is expected; an expected
# output of "*" is not compared, "-" must be empty.
expect() {
	[ "$status" -eq "$2" ] || fail "$1: exit status $status, expected $2 (stderr: $(cat "$work/err"))"
	for stream in out err; do
		if [ "$stream" = out ]; then want=$3; else want=$4; fi
		got=$(cat "$work/$stream")
		case $want in
		'*') ;;
		-) [ -z "$got" ] || fail "$1: std$stream should be empty, is: $got" ;;
		*) [ "$got" = "$want" ] || fail "$1: std$stream is: $got
                 expected: $want" ;;
		esac
	done
}

# The built-in almanac.
run built-in --check
expect built-in 0 "*" -
grep -q '^almanak.yaml: valid: 4 phases, 10 rows in 2 groups, ' "$work/out" ||
	fail "built-in: unexpected summary: $(cat "$work/out")"

# A valid file, given as the argument and with -c.
printf '%s\n' "$valid" >"$work/good.yaml"
run good --check "$work/good.yaml"
expect good 0 "$work/good.yaml: valid: 2 phases, 1 row in 1 group, 8 agenda steps (78 minutes)" -
run good-c --check -c "$work/good.yaml"
expect good-c 0 "$work/good.yaml: valid: 2 phases, 1 row in 1 group, 8 agenda steps (78 minutes)" -

# A file saved with a UTF-8 byte order mark (Windows Notepad) is valid, and an error in it is
# located as an editor shows it.
printf '\357\273\277%s\n' "$valid" >"$work/bom.yaml"
run bom --check "$work/bom.yaml"
expect bom 0 "$work/bom.yaml: valid: 2 phases, 1 row in 1 group, 8 agenda steps (78 minutes)" -
printf '\357\273\277%s\ncolour: red\n' "$valid" >"$work/bom-bad.yaml"
run bom-bad --check "$work/bom-bad.yaml"
expect bom-bad 1 - "$work/bom-bad.yaml:11:1: unknown key 'colour' in a content file (expected one of: meetlat_content, id, title, language, phases, model, agenda)
$work/bom-bad.yaml: 1 error"

# Invalid files: status 1, one located message on stderr and the count line.
printf '%s\ntitle: U\n' "$valid" >"$work/dup.yaml"
run duplicate --check "$work/dup.yaml"
expect duplicate 1 - "$work/dup.yaml:11:1: duplicate key 'title' (first at 3:1)
$work/dup.yaml: 1 error"
printf '%s\nagenda:\n  - {kind: score, dimension: q}\n' "$valid" >"$work/dim.yaml"
run dimension --check "$work/dim.yaml"
expect dimension 1 - "$work/dim.yaml:12:30: unknown dimension 'q' (expected the id of a row of the table)
$work/dim.yaml: 1 error"
printf 'meetlat_content: 1\nid: t\ntitle: caf\303\251 \377\n' >"$work/utf8.yaml"
run utf8 --check "$work/utf8.yaml"
expect utf8 1 - "$work/utf8.yaml:3:13: this is not UTF-8 text (byte 0xFF): save the file as UTF-8
$work/utf8.yaml: 1 error"
run missing --check "$work/missing.yaml"
expect missing 1 - "$work/missing.yaml: cannot open: No such file or directory
$work/missing.yaml: 1 error"
run directory --check "$work"
expect directory 1 - "$work: is a directory, not a file
$work: 1 error"
mkfifo "$work/fifo"
run fifo --check "$work/fifo"
expect fifo 1 - "$work/fifo: is a pipe (FIFO), not a regular file
$work/fifo: 1 error"
: >"$work/empty.yaml"
run empty --check "$work/empty.yaml"
expect empty 1 - "$work/empty.yaml:1:1: the file is empty; expected a YAML mapping
$work/empty.yaml: 1 error"

# Five different mistakes in different phases, rows and steps: all five are listed, each
# located, in the order of the file, then their number.
cat >"$work/five.yaml" <<'EOF'
meetlat_content: 1
id: vijf-fouten
title: Vijf fouten
agenda:
  - {kind: welcome}
  - {kind: score, dimension: visie}
phases:
  - {number: 1, name: a, summary: s, intro: i, draft: yes}
  - {number: 2, nmae: b, summary: s, intro: i}
model:
  - group: g
    dimensions:
      - {id: r, name: R, behaviour: {1: x}}
      - {id: r, name: S, behaviour: {1: x, 2: y}}
EOF
run five --check "$work/five.yaml"
expect five 1 - "$work/five.yaml:6:30: unknown dimension 'visie' (expected the id of a row of the table)
$work/five.yaml:8:55: expected true or false for 'draft', found 'yes'
$work/five.yaml:9:17: unknown key 'nmae' in a phase (expected one of: number, name, summary, intro, title, lead, figure, heading, citizen, reading_guide, chapters_heading, chapters, sources_heading, sources, draft)
$work/five.yaml:13:37: missing the behaviour for phase 2 of 'r' (every row needs one per phase)
$work/five.yaml:14:14: duplicate id 'r' (first used at 13:14)
$work/five.yaml: 5 errors"
# Thirty bad steps: the first twenty are listed, and the count line says there may be more.
{
	printf '%s\nagenda:\n' "$valid"
	i=0
	while [ $i -lt 30 ]; do
		printf '  - {kind: score, dimension: nope-%d}\n' $i
		i=$((i + 1))
	done
} >"$work/thirty.yaml"
run thirty --check "$work/thirty.yaml"
expect thirty 1 - "*"
[ "$(grep -c "^$work/thirty.yaml:[0-9]*:30: unknown dimension 'nope-" "$work/err")" -eq 20 ] ||
	fail "thirty: expected 20 located errors: $(cat "$work/err")"
grep -q "^$work/thirty.yaml:31:30: unknown dimension 'nope-19' " "$work/err" ||
	fail "thirty: the twentieth error is not the twentieth step: $(cat "$work/err")"
[ "$(tail -n 1 "$work/err")" = "$work/thirty.yaml: 20 errors, the most that are listed; fix them and check again for more" ] ||
	fail "thirty: count line: $(tail -n 1 "$work/err")"
# A YAML syntax error ends the search: one error and the count.
printf '%s\nagenda:\n  - {kind: score, dimension: nope}\nx-broken: [1, 2\n' "$valid" >"$work/syntax.yaml"
run syntax --check "$work/syntax.yaml"
expect syntax 1 - "*"
[ "$(wc -l <"$work/err")" -eq 2 ] || fail "syntax: expected one error and the count: $(cat "$work/err")"

# Wrong usage: status 2, a usage message, nothing on stdout.
run two-files --check "$work/good.yaml" "$work/dup.yaml"
expect two-files 2 - "*"
grep -q '^meetlat: too many arguments' "$work/err" || fail "two-files: $(cat "$work/err")"
run unknown-option --check --frobnicate
expect unknown-option 2 - "*"
grep -q '^meetlat: unknown option' "$work/err" || fail "unknown-option: $(cat "$work/err")"
run both-forms --check -c "$work/good.yaml" "$work/good.yaml"
expect both-forms 2 - "*"

# A file name holding an escape sequence (OSC: set the terminal title) is shown defused.
evil=$(printf 'bad\033]0;pwned\007name.yaml')
printf '%s\n' "$valid" >"$work/$evil"
run evil-name-valid --check "$work/$evil"
expect evil-name-valid 0 "$work/bad?]0;pwned?name.yaml: valid: 2 phases, 1 row in 1 group, 8 agenda steps (78 minutes)" -
printf '%s\ntitle: U\n' "$valid" >"$work/$evil"
run evil-name-invalid --check "$work/$evil"
expect evil-name-invalid 1 - "$work/bad?]0;pwned?name.yaml:11:1: duplicate key 'title' (first at 3:1)
$work/bad?]0;pwned?name.yaml: 1 error"

# Control characters written as escapes in the file reach the message defused: ESC, BEL,
# a C1 CSI (U+009B) and a right-to-left override (U+202E).
printf '%s\n"x\\e]0;t\\a\\u009b2J\\u202e": 1\n' "$valid" >"$work/key.yaml"
run evil-key --check "$work/key.yaml"
expect evil-key 1 - "$work/key.yaml:11:1: unknown key 'x?]0;t??2J?' in a content file (expected one of: meetlat_content, id, title, language, phases, model, agenda)
$work/key.yaml: 1 error"
printf '%s\nagenda:\n  - {kind: "\\e[2Jscore"}\n' "$valid" >"$work/kind.yaml"
run evil-kind --check "$work/kind.yaml"
expect evil-kind 1 - "$work/kind.yaml:12:12: unknown step kind '?[2Jscore' (expected welcome, model, phase, citizen, reading_guide, chapters, table, score, actions, summary or text)
$work/kind.yaml: 1 error"

# The example in meetlat(5) is valid, and --check says of it what the page says it does.
# Run from the top of the source tree.
# example N: prints the Nth .EX block of the EXAMPLE section of meetlat(5), roff escapes undone.
example() {
	sed -n '/^\.SH EXAMPLE/,/^\.SH FILES/p' man/meetlat.5 |
		awk -v want="$1" '/^\.EX/ { n++; on = 1; next } /^\.EE/ { on = 0 } on && n == want' |
		sed -e 's/\\-/-/g' -e 's/\\&//g' -e 's/\\e/\\/g'
}
example 1 >"$work/voorbeeld.yaml"
said=$(example 2)
run man-example --check "$work/voorbeeld.yaml"
expect man-example 0 "$work/$said" -

finish check.sh "all checks passed"
