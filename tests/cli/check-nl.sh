#!/bin/sh
# check-nl.sh - `meetlat --check` speaks the content's language: a broken Dutch content file
# (`language: nl`) gets Dutch messages at the same file:line:column as the English ones, for
# YAML syntax errors of several kinds, wrong types, a missing key and a repeated key; --lang en
# and LANGUAGE=en give the English ones; --lang nl speaks Dutch where no language can be read
# from the file; a broken session file is told in Dutch too; and no Dutch message of the YAML
# reader, here or in po/nl.po, holds a word of English.
#
#   MEETLAT=build/san/meetlat sh tests/cli/check-nl.sh     (from the top of the source tree)
# shellcheck disable=SC2034 # read by lib/cli.sh: meetlat follows the content's language
CLI_LANGUAGE=""
. "$(dirname "$0")/lib/cli.sh"
needs MEETLAT
# Nothing but the content and the options chooses the language here.
unset LC_ALL LC_MESSAGES

# English words that a Dutch message of the reader must not hold, once its quoted parts (YAML
# keys, values and examples, which stay as written) are taken out.
# (Words that are Dutch too, such as "in", "is", "of", "start" and "letters", are not listed.)
english_words='the an and or not no are be to for from with without on at by this that these
it its here there what where which when must may can cannot should needs need expected found
missing unknown duplicate key keys value values text texts list lists mapping mappings item
items entry entries line lines column file files indent indented indentation spaces space
quote quotes quoted double bracket write put remove save closed close opens starts begins
end ends above below after before whole number numbers true false yes nothing limit larger
longer deeper nesting level levels nodes allowed supported character characters escape
escapes digits lower case identifier date written version reads read session error invalid
valid unexpected another own same first second exactly hold holds directory regular memory
out tag tags anchor anchors aliases directive'

# english_left MESSAGE: prints the English words of MESSAGE (a Dutch message without its
# "file:line:column: " place), its quoted parts and format directives left out.
# shellcheck disable=SC2018,SC2019 # the words compared are ASCII
english_left() {
	printf '%s\n' "$1" |
		sed -e "s/'[^']*'//g" -e 's/"[^"]*"//g' -e 's/%[0-9$]*[a-z]*//g' |
		tr 'A-Z' 'a-z' | tr -cs 'a-z' '\n' |
		while read -r word; do
			for english in $english_words; do
				[ "$word" = "$english" ] && echo "$word"
			done
		done | sort -u | tr '\n' ' '
}

# refused [ENV=VALUE...] -- ARGS...: runs meetlat with ARGS (10 s at most) in the environment
# given, which must refuse them: status 1, nothing on standard output, a message on standard
# error. Keeps the first line of standard error in $first.
refused() {
	env_args=
	while [ "$1" != -- ]; do
		env_args="$env_args $1"
		shift
	done
	shift
	# shellcheck disable=SC2086 # env_args is a list of words
	env $env_args timeout 10 "$MEETLAT" "$@" >"$work/out" 2>"$work/err"
	status=$?
	[ "$status" -eq 1 ] || fail "$*: exit status $status, expected 1"
	[ -s "$work/out" ] && fail "$*: standard output should be empty: $(cat "$work/out")"
	first=$(head -n 1 "$work/err")
}

# same NAME GOT WANT: "ok - NAME" when GOT is WANT, else a failure that shows both.
same() {
	if [ "$2" = "$3" ]; then
		echo "ok - $1"
	else
		fail "$1: got:      $2
      expected: $3"
	fi
}

# both NAME FILE PLACE ENGLISH DUTCH: the Dutch content FILE is refused (status 1) with
# "FILE:PLACE: DUTCH" (then the count line) when meetlat follows the content, and with
# "FILE:PLACE: ENGLISH" under --lang en and under LANGUAGE=en; DUTCH holds no English word.
both() {
	name=$1 file=$work/$2 place=$3 english=$4 dutch=$5
	refused -- --check "$file"
	same "$name: Dutch at $place" "$first" "$file:$place: $dutch"
	[ "$(wc -l <"$work/err")" -eq 2 ] || fail "$name: not one error and the count: $(cat "$work/err")"
	for how in "-- --lang en" "LANGUAGE=en --"; do
		# shellcheck disable=SC2086 # how is a list of words
		refused $how --check "$file"
		same "$name: English at $place ($how)" "$first" "$file:$place: $english"
	done
	no_english "$name" "$dutch"
}

# no_english NAME MESSAGE: MESSAGE, Dutch, holds none of the English words.
no_english() {
	same "$1: no English in the Dutch message" "$(english_left "$2")" ""
}

# Lines 1-4 the head, 5-7 the phases, 8-11 the table.
head='meetlat_content: 1
id: t
language: nl
title: T'
phases='phases:
  - {number: 1, name: a, summary: s, intro: i}
  - {number: 2, name: b, summary: s, intro: i}'
model='model:
  - group: g
    dimensions:
      - {id: r, name: R, behaviour: {1: x, 2: y}}'
# with_title TITLE: the head with TITLE (as written in YAML) on line 4.
with_title() {
	printf 'meetlat_content: 1\nid: t\nlanguage: nl\ntitle: %s\n' "$1"
}

printf '%s\n%s\n%s\n' "$head" "$phases" "$model" >"$work/valid.yaml"
# shellcheck disable=SC2016 # expanded by the inner shell
check "valid Dutch content is valid, and said so in Dutch" \
	sh -c '"$1" --check "$2" | grep -q "^$2: in orde: 2 fasen, 1 rij in 1 groep, "' - \
	"$MEETLAT" "$work/valid.yaml"

# ---- YAML syntax ------------------------------------------------------------------------
{ with_title 'Pauze: koffie'; printf '%s\n%s\n' "$phases" "$model"; } >"$work/colon.yaml"
both colon colon.yaml 4:13 \
	"a ': ' inside a value: YAML reads it as the start of another key; put the whole value in double quotes, like \"Pauze: koffie\"" \
	"een ': ' midden in een waarde: YAML leest dat als het begin van een nieuwe sleutel; zet de hele waarde tussen dubbele aanhalingstekens, zoals \"Pauze: koffie\""
{ with_title '"Pauze'; printf '%s\n%s\n' "$phases" "$model"; } >"$work/quote.yaml"
both quote quote.yaml 4:8 \
	"this \" is never closed: end the text with a closing \" (to write \" inside the text, write \\\")" \
	"deze \" wordt nergens gesloten: sluit de tekst af met een \" (schrijf \\\" voor een \" in de tekst)"
{ with_title "'Het 's nachts'"; printf '%s\n%s\n' "$phases" "$model"; } >"$work/after.yaml"
both after-quote after.yaml 4:14 \
	"text after the closing ': a value that starts with a quote or a bracket ends there; put the whole value in double quotes (write \\\" for a quote inside it)" \
	"tekst na de afsluitende ': een waarde die met een aanhalingsteken of haakje begint, houdt daar op; zet de hele waarde tussen dubbele aanhalingstekens (schrijf \\\" voor een aanhalingsteken erin)"
printf '%s\n%s\nmodel:\n  - group: g\n\tdimensions: []\n' "$head" "$phases" >"$work/tab.yaml"
both tab tab.yaml 10:1 \
	"a tab is used to indent this line: YAML allows only spaces for indentation; replace the tab with spaces" \
	"deze regel springt in met een tab: YAML staat voor inspringen alleen spaties toe; vervang de tab door spaties"
printf '%s\n%s\n%s\nx-lijst: [1, 2\nx-ander: 3\n' "$head" "$phases" "$model" >"$work/bracket.yaml"
both bracket bracket.yaml 12:10 \
	"this '[' is not closed: end it with ']' (or a ',' is missing between two of its items)" \
	"deze '[' wordt niet gesloten: sluit af met ']' (of er ontbreekt een ',' tussen twee onderdelen)"
printf '%s\n%s\n%s\n   x-notitie: 3\n' "$head" "$phases" "$model" >"$work/indent.yaml"
both indent indent.yaml 12:4 \
	"this line is indented differently from the lines above it: the keys of a list item start in the same column as its first key, after the '- '" \
	"deze regel springt anders in dan de regels erboven: de sleutels van een onderdeel van een lijst beginnen in dezelfde kolom als de eerste sleutel, na de '- '"
printf 'meetlat_content: 1\nid: t\nlanguage: nl\nx:\n    a: 1\n  b: 2\n' >"$work/keys.yaml"
both key-indent keys.yaml 6:3 \
	"this line is indented differently from the keys above it: the keys of one mapping start in the same column (indent with spaces)" \
	"deze regel springt anders in dan de sleutels erboven: de sleutels van één blok beginnen in dezelfde kolom (spring in met spaties)"
printf 'meetlat_content: 1\nid: t\nlanguage: nl\ntitle: caf\303\251 \377\n' >"$work/utf8.yaml"
both utf8 utf8.yaml 4:13 \
	"this is not UTF-8 text (byte 0xFF): save the file as UTF-8" \
	"dit is geen UTF-8-tekst (byte 0xFF): sla het bestand op als UTF-8"

# ---- types, missing and repeated keys ---------------------------------------------------
printf '%s\nphases: vier\n%s\n' "$head" "$model" >"$work/list.yaml"
both type-list list.yaml 5:9 \
	"expected a list for 'phases', found a text" \
	"voor 'phases' is een lijst nodig, maar hier staat een tekst"
printf '%s\n%s\n%s\nagenda:\n  - {kind: welcome, minutes: tien}\n' "$head" "$phases" "$model" \
	>"$work/number.yaml"
both type-number number.yaml 13:30 \
	"expected a whole number from 0 to 600 for 'minutes', found 'tien'" \
	"voor 'minutes' is een heel getal van 0 tot en met 600 nodig, maar hier staat 'tien'"
printf '%s\nphases:\n  - {number: 1, name: a, summary: s, intro: i, draft: "true"}\n  - {number: 2, name: b, summary: s, intro: i}\n%s\n' \
	"$head" "$model" >"$work/bool.yaml"
both type-quoted bool.yaml 6:55 \
	"expected true or false for 'draft', found the text 'true' in quotes (write it without quotes)" \
	"voor 'draft' is 'true' of 'false' nodig, maar hier staat de tekst 'true' tussen aanhalingstekens (schrijf het zonder aanhalingstekens)"
printf 'id: t\nlanguage: nl\ntitle: T\n%s\n%s\n' "$phases" "$model" >"$work/version.yaml"
both missing-key version.yaml 1:1 \
	"missing key 'meetlat_content' (expected 'meetlat_content: 1' in a content file)" \
	"de sleutel 'meetlat_content' ontbreekt (in een inhoudsbestand hoort 'meetlat_content: 1' te staan)"
printf '%s\n%s\n%s\ntitle: U\n' "$head" "$phases" "$model" >"$work/dup.yaml"
both duplicate dup.yaml 12:1 \
	"duplicate key 'title' (first at 4:1)" \
	"de sleutel 'title' staat er twee keer (de eerste keer op 4:1)"

# ---- no language in the file: --lang nl ------------------------------------------------------
: >"$work/empty.yaml"
empty="het bestand is leeg; er hoort een blok met sleutels in te staan ('sleutel: waarde')"
refused -- --lang nl --check "$work/empty.yaml"
same "empty file, --lang nl" "$first" "$work/empty.yaml:1:1: $empty"
no_english empty "$empty"
refused -- --check "$work/empty.yaml"
same "empty file, no language: English" "$first" \
	"$work/empty.yaml:1:1: the file is empty; expected a YAML mapping"
refused -- --lang nl --check "$work"
same "a folder, --lang nl" "$first" "$work: is een map, geen bestand"
printf 'meetlat_content: 1\nid: t\ntitle: T\nphases: vier\n%s\n' "$model" >"$work/english.yaml"
refused -- --lang nl --check "$work/english.yaml"
same "content without language:, --lang nl" "$first" \
	"$work/english.yaml:4:9: voor 'phases' is een lijst nodig, maar hier staat een tekst"

# ---- a session file: the reader speaks the built-in almanac's language (nl) ---------------
printf 'meetlat_session: 1\ntitle: "Workshop\n' >"$work/session-quote.yaml"
refused -- --export md "$work/session-quote.yaml"
same "session, syntax: Dutch" "$first" \
	"$work/session-quote.yaml:2:8: deze \" wordt nergens gesloten: sluit de tekst af met een \" (schrijf \\\" voor een \" in de tekst)"
printf 'title: Workshop\n' >"$work/session-version.yaml"
refused -- --export md "$work/session-version.yaml"
same "session, missing version: Dutch" "$first" \
	"$work/session-version.yaml:1:1: de sleutel 'meetlat_session' ontbreekt (in een sessiebestand hoort 'meetlat_session: 1' te staan)"
refused LANGUAGE=en -- --export md "$work/session-version.yaml"
same "session, missing version: LANGUAGE=en" "$first" \
	"$work/session-version.yaml:1:1: missing key 'meetlat_session' (expected 'meetlat_session: 1' in a session file)"

# ---- every Dutch message of the YAML reader in the catalogue ------------------------------
# Each msgstr of content/yerror.c, content/ynode.c and content/ynode_get.c, one per line.
if command -v msggrep >/dev/null && [ -f po/nl.po ]; then
	msggrep --no-wrap -N content/yerror.c -N content/ynode.c -N content/ynode_get.c po/nl.po |
		sed -n -e 's/^msgstr\(\[[0-9]\]\)\{0,1\} "\(.*\)"$/\2/p' | grep -v '^$' \
		>"$work/catalogue"
	n=$(wc -l <"$work/catalogue")
	check "po/nl.po holds the reader's messages ($n)" [ "$n" -ge 80 ]
	bad=0
	while IFS= read -r message; do
		left=$(english_left "$(printf '%s' "$message" | sed 's/\\"/"/g')")
		[ -z "$left" ] && continue
		fail "po/nl.po: English words ($left) in: $message"
		bad=$((bad + 1))
	done <"$work/catalogue"
	check "no English in the reader's Dutch messages of po/nl.po" [ "$bad" -eq 0 ]
else
	echo "SKIP: msggrep or po/nl.po not found (run from the top of the source tree)"
fi

finish check-nl.sh "all checks passed"
