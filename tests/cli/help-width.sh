#!/bin/sh
# help-width.sh - every help and usage text fits a terminal of 80 columns (79 characters a
# line, so that none wraps), in English and in Dutch: meetlat --help, meetlat report --help,
# and the usage a wrong option prints; and each is there (not empty).
. "$(dirname "$0")/lib/cli.sh"
needs MEETLAT

# widest FILE - prints the width in characters of the widest line of FILE (UTF-8).
widest() {
	"$PYTHON" -c 'import sys; print(max(len(l) for l in open(sys.argv[1], encoding="utf-8").read().split("\n")))' "$1"
}

# fits WHAT ARG... - what meetlat ARG... writes (both streams) is no wider than 79 characters.
fits() {
	what=$1
	shift
	"$MEETLAT" "$@" > "$work/out" 2>&1
	check "$what: written" [ -s "$work/out" ]
	w=$(widest "$work/out")
	check "$what: at most 79 characters a line (widest $w)" [ "$w" -le 79 ]
}

for lang in en nl; do
	fits "--help ($lang)" --help --lang "$lang"
	fits "report --help ($lang)" report --help --lang "$lang"
	fits "the usage after a wrong option ($lang)" --lang "$lang" --no-such-option
	fits "report's usage after a wrong option ($lang)" report --lang "$lang" --no-such-option
done
grep -q "gebruik: meetlat report" "$work/out" ||
	fail "the Dutch usage of report is not what was checked last"
finish help-width "every help and usage fits 80 columns, in English and Dutch"
