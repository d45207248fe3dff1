#!/bin/sh
# listen.sh - issue 13: the command line of phone voting: --listen and --url-file go with
# running a workshop (or --preview) only: with --review, --follow, --check or --export they
# are a usage error (exit 2) that names the option, and nothing is written; a missing
# argument is a usage error too, and so is a --listen that names no address (found while
# the options are checked, with its reason, in Dutch too); --help describes both, in English
# and in Dutch.
# Needs MEETLAT, as tests/run-all sets it.
. "$(dirname "$0")/lib/cli.sh"
needs MEETLAT

printf 'meetlat_session: 1\ntitle: "t"\ncontent: {id: sociale-media-almanak}\n' > "$work/s.yaml"
for mode in --review --follow --export=md; do
	for opt in --listen=127.0.0.1:0 --url-file="$work/url"; do
		"$MEETLAT" "$mode" "$opt" "$work/s.yaml" < /dev/null > "$work/out" 2> "$work/err"
		check "$opt with $mode is a usage error (exit 2)" test $? -eq 2
		check "$opt with $mode says what it goes with" \
			grep -qF -- "${opt%%=*} goes with running a workshop" "$work/err"
	done
done
"$MEETLAT" --check --listen 127.0.0.1:0 < /dev/null > "$work/out" 2> "$work/err"
check "--listen with --check is a usage error (exit 2)" test $? -eq 2
check "no url file is written by a refused command line" test ! -e "$work/url"
"$MEETLAT" --listen < /dev/null > "$work/out" 2> "$work/err"
check "--listen without its argument is a usage error (exit 2)" test $? -eq 2
# a --listen that names no address is refused while the options are checked, not at the
# first v in the middle of the workshop: exit 2, the reason named, nothing written
for bad in 127.0.0.1:99999 foo 127.168.1.300:8421 ::1:8421 "[::1" 127.0.0.1:; do
	"$MEETLAT" --listen "$bad" --url-file "$work/url" "$work/new.yaml" < /dev/null \
		> "$work/out" 2> "$work/err"
	check "--listen $bad is a usage error (exit 2)" test $? -eq 2
	check "--listen $bad: the error names the address and what it should be" \
		grep -qF -- "meetlat: --listen: cannot listen on \"$bad\": give a numeric address" \
		"$work/err"
	check "--listen $bad: the usage follows" grep -qF "usage: meetlat" "$work/err"
	check "--listen $bad: no session is made, no address written" \
		eval 'test ! -e "$work/new.yaml" && test ! -e "$work/url"'
done
LANGUAGE=nl "$MEETLAT" --listen foo "$work/new.yaml" < /dev/null > "$work/out" 2> "$work/err"
check "a --listen that names no address is refused in Dutch too" \
	grep -qF -- "meetlat: --listen: kan niet luisteren op \"foo\"" "$work/err"
"$MEETLAT" --help > "$work/help" 2>&1
check "--help describes --listen" grep -qF -- "where phone voting (v) listens" "$work/help"
check "--help describes --url-file" grep -qF -- "--url-file FILE  write the phones' address" "$work/help"
LANGUAGE=nl "$MEETLAT" --help > "$work/help" 2>&1
check "--help in Dutch describes --listen" \
	grep -qF -- "waar stemmen met de telefoon (v) luistert" "$work/help"
finish listen "--listen and --url-file go with a workshop run only"
