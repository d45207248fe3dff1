#!/bin/sh
# follow.sh - issue 12: the command line of meetlat --follow: it needs a SESSION (usage, exit
# 2), goes with no other mode, refuses a session that does not exist or cannot be read (exit
# 1, with the reason) and creates nothing then; --help describes it.
# Needs MEETLAT, as tests/run-all sets it.
. "$(dirname "$0")/lib/cli.sh"
needs MEETLAT

"$MEETLAT" --follow < /dev/null > "$work/out" 2> "$work/err"
check "--follow without a SESSION is a usage error (exit 2)" test $? -eq 2
check "--follow without a SESSION says what is missing" grep -qF "a SESSION file is needed" "$work/err"
"$MEETLAT" --follow --review "$work/s.yaml" < /dev/null > "$work/out" 2> "$work/err"
check "--follow with --review is a usage error (exit 2)" test $? -eq 2
check "--follow with --review names the modes" grep -qF -- "choose one of --review, --follow," "$work/err"
mkdir "$work/empty"
"$MEETLAT" --follow "$work/empty/none.yaml" < /dev/null > "$work/out" 2> "$work/err"
check "--follow on a missing session exits 1" test $? -eq 1
check "--follow on a missing session says why" grep -qF "$work/empty/none.yaml: " "$work/err"
check "--follow on a missing session creates nothing (no file, no lock)" \
	test -z "$(ls -A "$work/empty")"
printf 'meetlat_session: 1\ntitle: [\n' > "$work/bad.yaml"
"$MEETLAT" --follow "$work/bad.yaml" < /dev/null > "$work/out" 2> "$work/err"
check "--follow on a malformed session exits 1" test $? -eq 1
check "--follow on a malformed session names the place" grep -qE "bad.yaml:[0-9]+:[0-9]+: " "$work/err"
"$MEETLAT" --help > "$work/help" 2>&1
check "--help describes --follow" grep -qF -- "--follow         show SESSION as the room sees it" "$work/help"
finish follow "--follow needs a readable SESSION and no other mode"
