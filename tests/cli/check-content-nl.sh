#!/bin/sh
# check-content-nl.sh - `meetlat --check` reports the errors of a content file in the language
# the interface speaks: the content's own (`language: nl` gives Dutch, `language: en` English)
# unless --lang or LANGUAGE choose. The Dutch messages stand at the same file:line:column as
# the English ones, count with real plurals (1 fout, 2 fouten) and hold no English words.
#
#   MEETLAT=build/san/meetlat sh tests/cli/check-content-nl.sh
# shellcheck disable=SC2034 # read by lib/cli.sh: meetlat follows the content's language
CLI_LANGUAGE=
. "$(dirname "$0")/lib/cli.sh"
needs MEETLAT
unset LC_ALL LC_MESSAGES

# Errors of several kinds in the table and the agenda, one per line from line 12 on.
errors_in() {
	cat <<EOF
meetlat_content: 1
id: fouten
title: Fouten
language: $1
phases:
  - {number: 1, name: a, summary: s, intro: i}
  - {number: 2, name: b, summary: s, intro: i}
model:
  - group: g
    dimensions:
      - {id: r, name: R, behaviour: {1: x, 2: y}}
      - {id: r, name: S, behaviour: {1: x}}
  - group: g
    dimensions:
      - {id: q, name: '', behaviour: {1: x, 2: y}}
agenda:
  - {kind: score, dimension: visie}
  - {kind: citizen, phase: 1}
  - {kind: score, dimension: q, phase: 2}
  - {kind: text, title: Pauze}
EOF
}
errors_in nl >"$work/fouten.yaml"
errors_in en >"$work/errors.yaml"

dutch_errors="$work/fouten.yaml:12:14: dubbele id 'r' (al gebruikt op 11:14)
$work/fouten.yaml:12:37: het gedrag in fase 2 ontbreekt bij rij 'r' (elke rij heeft er één per fase nodig)
$work/fouten.yaml:13:12: dubbele id 'g' voor een groep (al gebruikt op 9:12)
$work/fouten.yaml:15:23: de naam van een rij mag niet leeg zijn
$work/fouten.yaml:17:30: onbekende rij 'visie' (dit moet de id van een rij van de gedragstabel zijn)
$work/fouten.yaml:18:28: fase 1 heeft geen 'citizen' om in deze stap te tonen
$work/fouten.yaml:19:40: 'phase' hoort niet bij een stap van de soort 'score'
$work/fouten.yaml:20:5: een stap van de soort 'text' heeft 'text' nodig
$work/fouten.yaml: 8 fouten"
# english FILE: the English report of errors_in, for FILE.
english() {
	cat <<EOF
$1:12:14: duplicate id 'r' (first used at 11:14)
$1:12:37: missing the behaviour for phase 2 of 'r' (every row needs one per phase)
$1:13:12: duplicate group id 'g' (first used at 9:12)
$1:15:23: the name of a row must not be empty
$1:17:30: unknown dimension 'visie' (expected the id of a row of the table)
$1:18:28: phase 1 has no 'citizen' for this step to show
$1:19:40: 'phase' does not apply to a 'score' step
$1:20:5: a 'text' step needs 'text'
$1: 8 errors
EOF
}

# run NAME [VAR=VALUE...] -- ARGS...: runs meetlat --check ARGS with the variables set (10 s at
# most); stderr goes to $work/NAME.err, which `dutch` later reads; the status must be 1 (invalid).
run() {
	run_name=$1
	shift
	run_env=
	while [ "$1" != -- ]; do
		run_env="$run_env $1"
		shift
	done
	shift
	# shellcheck disable=SC2086 # the assignments are words of their own
	env $run_env timeout 10 "$MEETLAT" --check "$@" >"$work/$run_name.out" 2>"$work/$run_name.err"
	run_status=$?
	[ "$run_status" -eq 1 ] || fail "$run_name: exit status $run_status, expected 1"
	[ -s "$work/$run_name.out" ] && fail "$run_name: stdout should be empty: $(cat "$work/$run_name.out")"
	return 0
}

# same NAME EXPECTED: the stderr of run NAME is EXPECTED.
same() {
	[ "$(cat "$work/$1.err")" = "$2" ] || fail "$1: stderr is:
$(cat "$work/$1.err")
expected:
$2"
}

# locations FILE: the file:line:column of each located message in FILE.
locations() {
	sed -n 's/^\([^:]*:[0-9]*:[0-9]*\): .*/\1/p' "$1"
}

# The Dutch content speaks Dutch by itself, with the messages where English puts them.
run nl -- "$work/fouten.yaml"
same nl "$dutch_errors"
run nl-as-en -- --lang en "$work/fouten.yaml"
same nl-as-en "$(english "$work/fouten.yaml")"
check "the Dutch messages stand at the English file:line:column" \
	[ "$(locations "$work/nl.err")" = "$(locations "$work/nl-as-en.err")" ]
check "every error is located" [ "$(locations "$work/nl.err" | wc -l)" -eq 8 ]

# LANGUAGE and --lang choose over the content; an English content speaks English by itself.
run nl-language-en LANGUAGE=en -- "$work/fouten.yaml"
same nl-language-en "$(english "$work/fouten.yaml")"
run en -- "$work/errors.yaml"
same en "$(english "$work/errors.yaml")"
run en-as-nl -- --lang nl "$work/errors.yaml"
same en-as-nl "$(sed "s|$work/fouten.yaml|$work/errors.yaml|" "$work/nl.err")"
run en-language-nl LANGUAGE=nl -- "$work/errors.yaml"
same en-language-nl "$(cat "$work/en-as-nl.err")"

# Plurals: one error, two errors.
cat >"$work/een.yaml" <<'EOF'
meetlat_content: 1
id: een-fase
title: Een fase
language: nl
phases:
  - {number: 1, name: a, summary: s, intro: i}
model:
  - group: g
    dimensions:
      - {id: r, name: R, behaviour: {1: x}}
EOF
run one -- "$work/een.yaml"
same one "$work/een.yaml:6:3: er moeten 2 tot en met 9 fasen zijn (een stem is één cijfer); dit bestand heeft er 1
$work/een.yaml: 1 fout"
cat >"$work/twee.yaml" <<'EOF'
meetlat_content: 1
id: twee-fouten
title: Twee fouten
language: nl
phases:
  - {number: 1, name: a, summary: s, intro: i}
  - {number: 3, name: b, summary: s, intro: i}
model:
  - group: g
    dimensions:
      - {id: r, name: R, behaviour: {1: x, 2: y}}
agenda:
  - {kind: welcome, id: start}
  - {kind: summary, id: start}
EOF
run two -- "$work/twee.yaml"
same two "$work/twee.yaml:7:14: hier hoort fasenummer 2 te staan, niet 3 (nummer de fasen op volgorde, vanaf 1)
$work/twee.yaml:14:25: dubbele id 'start' voor een stap (al gebruikt op 13:25)
$work/twee.yaml: 2 fouten"

# Too many errors: the first twenty, and the count line says there may be more.
{
	errors_in nl | sed -n '1,11p'
	echo 'agenda:'
	i=0
	while [ $i -lt 30 ]; do
		printf '  - {kind: score, dimension: nope-%d}\n' $i
		i=$((i + 1))
	done
} >"$work/dertig.yaml"
run thirty -- "$work/dertig.yaml"
check "thirty: twenty Dutch messages" \
	[ "$(grep -c "^$work/dertig.yaml:[0-9]*:30: onbekende rij 'nope-[0-9]*' (dit moet de id van een rij van de gedragstabel zijn)$" "$work/thirty.err")" -eq 20 ]
check "thirty: the Dutch count line" [ "$(tail -n 1 "$work/thirty.err")" = \
	"$work/dertig.yaml: 20 fouten, meer worden er niet getoond; herstel ze en controleer opnieuw op meer fouten" ]

# No English is left in the Dutch messages: every word outside quotes (keys and values as the
# file writes them) is checked against English words that the messages use.
english_words='a an the and or for at be not must has have needs does apply show found
expected unknown duplicate missing empty first used phase phases row rows group groups step
steps table behaviour dimension error errors most listed fix them it check again more title
text name number every here numbered order'
for f in nl en-as-nl one two thirty; do
	sed -e 's/^[^:]*:[0-9]*:[0-9]*: //;t unquote' -e 's/^[^:]*: //' -e ":unquote" \
		-e "s/'[^']*'//g" "$work/$f.err" |
		tr -c 'A-Za-z\n' ' ' | tr '[:upper:]' '[:lower:]' | tr ' ' '\n' | grep -v '^$' >"$work/$f.words"
	for word in $english_words; do
		grep -qx "$word" "$work/$f.words" && fail "$f: English word '$word' in: $(cat "$work/$f.err")"
	done
done
check "the word list reads the messages (it finds Dutch words)" grep -qx gedragstabel "$work/nl.words"

finish check-content-nl.sh "all checks passed"
