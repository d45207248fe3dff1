#!/bin/sh
# session-nl.sh - what meetlat says about a session file is in the language the interface
# speaks: with nothing in the environment choosing, the content's (Dutch for the shipped
# almanac). A broken session file is refused in Dutch at the same file:line:column as in
# English; a file of another content, a changed agenda, a locked and a read-only file are told
# in Dutch; LANGUAGE=en gives the English messages. The session file itself is never touched.
# shellcheck disable=SC2034 # read by lib/cli.sh: meetlat follows the content's language
CLI_LANGUAGE=""
. "$(dirname "$0")/lib/cli.sh"
needs MEETLAT
unset LC_ALL LC_MESSAGES # nothing but the content chooses the language (LANG is C.UTF-8)
file="$work/s.yaml"
head='meetlat_session: 1\ntitle: "Werksessie"\ncontent: {id: sociale-media-almanak}\n'

# session TEXT - writes the session file: the head above, then TEXT (printf escapes).
session() {
	# shellcheck disable=SC2059 # the head and TEXT are formats on purpose
	printf "$head$1" > "$file"
}

# said WHAT LANG STATUS EXPECTED CMD... - for the case WHAT, runs CMD with LANGUAGE=LANG
# ("": the content's language); checks that it exits with STATUS, writes EXPECTED to standard
# error (a shell pattern: FILE stands for the name of the session file, ?* for a step's
# label), and leaves the session file as it was.
said() {
	said_what="$1, LANGUAGE=$2: $5" said_lang=$2 said_status=$3
	said_expected=$(printf '%s' "$4" | sed "s|FILE|$file|g")
	shift 4
	said_before=$(cksum < "$file")
	LANGUAGE=$said_lang "$@" < /dev/null > "$work/out" 2> "$work/err"
	said_got=$? said_err=$(cat "$work/err")
	check "$said_what: exit status $said_got is $said_status" [ "$said_got" -eq "$said_status" ]
	# shellcheck disable=SC2254 # EXPECTED is a pattern
	case $said_err in
	$said_expected) echo "ok - $said_what: says it" ;;
	*) fail "$said_what: said '$said_err', expected '$said_expected'" ;;
	esac
	check "$said_what: the file is as it was" [ "$(cksum < "$file")" = "$said_before" ]
}

# report - the Markdown report of the session file (read-only), as --export writes it.
report() {
	"$MEETLAT" --export md "$file"
}

# workshop - the session file opened for a workshop (refused before the screen is used).
workshop() {
	"$MEETLAT" "$file"
}

# A time stamp that is no moment: the reader's own message, in Dutch and in English, located
# alike.
session 'created: gisteren\n'
said "a time stamp that is no moment" "" 1 "FILE:4:10: verwacht een tijdstip zoals \
2026-11-26T14:03:00+01:00 bij 'created', gevonden: 'gisteren'" report
said "a time stamp that is no moment" en 1 "FILE:4:10: expected a time written \
YYYY-MM-DDTHH:MM:SS+HH:MM for 'created', found 'gisteren'" report

# A value the model refuses: the reader's words around the model's reason, both in Dutch.
session 'actions:\n  - {text: "Webcare inrichten", owner: "An\\r"}\n'
said "an owner on two lines" "" 1 \
	"FILE:5:40: ongeldige trekker van een actie: de tekst moet op één regel staan" report
said "an owner on two lines" en 1 \
	"FILE:5:40: invalid owner of an action: the text must be a single line" report

# A content file given where a session belongs.
printf 'meetlat_content: 1\nid: x\n' > "$file"
said "a content file as a session" "" 1 "FILE:1:1: dit is een inhoudsbestand, geen \
sessiebestand; om er een bijeenkomst mee te leiden, geef je het op met -c: meetlat -c FILE \
SESSIE" report

# Warnings on reading: another content, and a changed agenda (with a real plural).
printf 'meetlat_session: 1\ntitle: "t"\ncontent: {id: andere}\n' > "$file"
said "a session of another content" "" 0 "FILE: waarschuwing: deze sessie is gescoord met de \
inhoud 'andere', niet met 'sociale-media-almanak': wat 'sociale-media-almanak' niet heeft, \
blijft in het bestand staan maar wordt niet getoond" report
session 'position: "weg:1"\ntimings:\n- {step: "weg:1", seconds: 5}\n'
said "one timed step the agenda lost" "" 0 "FILE: let op: Het programma is veranderd sinds \
deze sessie is opgeslagen: 1 stap met bestede tijd die er niet meer in staat, blijft bewaard \
in het bestand; we gaan verder bij stap 1, ‘?*’." report
session 'timings:\n- {step: "weg:1", seconds: 5}\n- {step: "weg:2", seconds: 7}\n'
said "two timed steps the agenda lost" "" 0 "FILE: let op: Het programma is veranderd sinds \
deze sessie is opgeslagen: 2 stappen met bestede tijd die er niet meer in staan, blijven \
bewaard in het bestand; we gaan verder bij stap 1, ‘?*’." report
said "two timed steps the agenda lost" en 0 "FILE: note: The agenda has changed since this \
session: 2 timed steps it no longer has are kept in the file; resuming at step 1, ‘?*’." report

# A session open in another meetlat (its lock file held) and a read-only file: refused for a
# workshop, in Dutch.
session ''
exec 9> "$work/.s.yaml.lock" # the lock file of s.yaml, held by this shell
flock -n 9 || die "cannot hold the lock file"
said "a session open elsewhere" "" 1 "FILE: is al geopend in een andere meetlat" workshop
said "a session open elsewhere" en 1 "FILE: is open in another meetlat" workshop
exec 9>&-
chmod 444 "$file"
said "a read-only session file" "" 1 "FILE: het bestand is alleen lezen, dus de bijeenkomst \
kan er niet in worden opgeslagen: bekijk het met meetlat --review; wil je ermee verder, maak \
het bestand dan eerst schrijfbaar" workshop

finish "$CLI" "the session store speaks Dutch with the almanac, English with LANGUAGE=en"
