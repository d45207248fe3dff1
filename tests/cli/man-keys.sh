#!/bin/sh
# man-keys.sh - the key section of man/meetlat.1, and of each translation man/LANG/meetlat.1, is
# what the table of bindings generates (a translation through the catalogue of its language):
# the help overlay and the manual pages cannot drift apart. A translation has the outline of
# the English page, and every page formats without a warning. The generator translates every
# heading and description (a catalogue made here proves it whatever po/ translates today), and
# without a catalogue it fails instead of writing English into a translated page.
. "$(dirname "$0")/lib/cli.sh"
needs BUILD
tool=$BUILD/tests/tools/keys_man

# section PAGE - prints the key section of PAGE (between the BEGIN KEYS and END KEYS comments).
section() {
	awk '/^\.\\" END KEYS/ { on = 0 } on { print } /^\.\\" BEGIN KEYS/ { on = 1 }' "$1"
}

# is_current PAGE GENERATED - the key section of PAGE is the file GENERATED; else says how not.
is_current() {
	section "$1" > "$work/page"
	[ -s "$2" ] || { echo "the generator printed nothing for $1"; return 1; }
	cmp -s "$2" "$work/page" && return 0
	echo "the key section of $1 differs from the table in tui/actions.c;"
	echo "run 'make man-keys' and commit the page. Difference:"
	diff "$work/page" "$2"
	return 1
}

# same_shape A B - the sections A and B have as many headings and as many keys.
same_shape() {
	[ "$(grep -c '^\.SS' "$1")" -eq "$(grep -c '^\.SS' "$2")" ] &&
		[ "$(grep -c '^\.TP' "$1")" -eq "$(grep -c '^\.TP' "$2")" ]
}

# same_outline A B - the pages A and B have as many sections, tagged paragraphs, indented
# paragraphs, paragraphs and examples (a translation leaves nothing out).
same_outline() {
	for macro in SH TP IP PP EX; do
		[ "$(grep -c "^\.$macro" "$1")" -eq "$(grep -c "^\.$macro" "$2")" ] ||
			{ echo "$2 has another number of .$macro than $1"; return 1; }
	done
}

# texts SECTION - prints the headings and descriptions of SECTION, one a line (not the keys).
texts() {
	awk '/^\.SS / { print substr($0, 5); next } key { print; key = 0 } /^\.B "/ { key = 1 }' "$1"
}

# tagging_catalogue ENGLISH DIR - makes DIR/xx/LC_MESSAGES/meetlat.mo, a catalogue that
# translates each heading and description of the section ENGLISH into "xx: " and the English,
# and a description "%s (not in --review)" into "%s [xx: not in --review]". A description
# ending in " (not in --review)" may be one message or a message with that suffix: both are in.
# Texts with a roff escape are left out (their message is not what the page shows).
tagging_catalogue() {
	mkdir -p "$2/xx/LC_MESSAGES"
	texts "$1" | awk '
		function entry(s) {
			if (s in seen) return
			seen[s] = 1
			gsub(/["\\]/, "\\\\&", s)
			printf "msgid \"%s\"\nmsgstr \"xx: %s\"\n\n", s, s
		}
		BEGIN {
			printf "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
			printf "msgid \"%%s (not in --review)\"\nmsgstr \"%%s [xx: not in --review]\"\n\n"
		}
		index($0, "\\") { next }
		{ entry($0) }
		/ \(not in --review\)$/ { sub(/ \(not in --review\)$/, ""); entry($0) }
	' > "$2/xx.po"
	msgfmt --output-file="$2/xx/LC_MESSAGES/meetlat.mo" "$2/xx.po"
}

# all_tagged ENGLISH TAGGED - every heading and description of the section TAGGED is that of
# ENGLISH translated by tagging_catalogue, as one message or with the suffix translated (but
# for texts with a roff escape, whose message this cannot tell; most have none).
all_tagged() {
	texts "$1" > "$work/en.texts"
	texts "$2" > "$work/xx.texts"
	[ "$(wc -l < "$work/en.texts")" -eq "$(wc -l < "$work/xx.texts")" ] || return 1
	paste -d '\n' "$work/en.texts" "$work/xx.texts" | awk '
		NR % 2 { en = $0; next }
		index(en, "\\") { next }
		{
			checked++
			whole = "xx: " en
			stem = en
			edits = sub(/ \(not in --review\)$/, "", stem)
			if ($0 != whole && !(edits && $0 == "xx: " stem " [xx: not in --review]")) {
				print "not translated: " $0
				bad = 1
			}
		}
		END { if (checked < NR / 4) print "only " checked " texts without escapes"
		      exit bad || checked < NR / 4 }'
}

# fails_quietly LANG DIR MESSAGE - keys_man LANG DIR fails, printing nothing, and says MESSAGE.
fails_quietly() {
	! "$tool" "$1" "$2" > "$work/out" 2> "$work/err" && [ ! -s "$work/out" ] &&
		grep -q "$3" "$work/err"
}

# formats_cleanly PAGE - PAGE is ASCII (its other characters written as roff escapes, so that
# groff without preconv reads them) and groff formats it without a warning.
formats_cleanly() {
	! LC_ALL=C grep -q '[^ -~	]' "$1" || { echo "$1 has characters that are not ASCII"; return 1; }
	groff -man -Tutf8 -ww "$1" 2>&1 > /dev/null | awk '{ print } END { exit NR > 0 }'
}

# untouched_on_failure PAGE - build-aux/man-keys with a failing generator leaves PAGE as it was.
untouched_on_failure() {
	cp "$1" "$work/copy.1"
	! sh build-aux/man-keys "$work/copy.1" false 2> /dev/null && cmp -s "$1" "$work/copy.1"
}

"$tool" > "$work/en" || die "$tool failed"
check "man/meetlat.1: the key section is what the table generates" is_current man/meetlat.1 "$work/en"
check "the English section names the Space key" grep -q '^\.B "Space"$' "$work/en"
pages=1
for page in man/*/meetlat.1; do
	[ -f "$page" ] || continue
	lang=$(basename "$(dirname "$page")")
	if ! "$tool" "$lang" "$BUILD/locale" > "$work/$lang"; then
		fail "$tool $lang $BUILD/locale failed"
		continue
	fi
	check "$page: the key section is what the table generates through the $lang catalogue" \
		is_current "$page" "$work/$lang"
	check "$page: as many headings and keys as man/meetlat.1" same_shape "$work/en" "$work/$lang"
	check "$page: as many sections, paragraphs and examples as man/meetlat.1" \
		same_outline man/meetlat.1 "$page"
	pages=$((pages + 1))
done
[ "$pages" -gt 1 ] || fail "no translated page man/LANG/meetlat.1"
tagging_catalogue "$work/en" "$work/tagging"
check "keys_man refuses a language that meetlat does not speak" \
	fails_quietly xx "$work/tagging" "does not speak xx"
check "keys_man fails when the catalogue is missing" \
	fails_quietly nl "$work/none" "no catalogue for nl"
mv "$work/tagging/xx" "$work/tagging/nl"
"$tool" nl "$work/tagging" > "$work/tagged" || fail "$tool nl $work/tagging failed"
check "every heading and description, and 'not in --review', comes from the catalogue" \
	all_tagged "$work/en" "$work/tagged"
check "build-aux/man-keys leaves the page as it was when the generator fails" \
	untouched_on_failure man/meetlat.1
if command -v groff > /dev/null; then
	for page in man/meetlat.1 man/*/meetlat.1; do
		check "$page: ASCII, and groff formats it without a warning" formats_cleanly "$page"
	done
else
	echo "skip - groff is not installed: the pages' formatting is not checked"
fi
finish man-keys "$pages page(s): key sections match the table ($(grep -c '^\.TP' "$work/en") keys)"
