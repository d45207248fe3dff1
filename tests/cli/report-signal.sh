#!/bin/sh
# report-signal.sh - a signal that ends `meetlat report -o FILE` while it reads removes the
# report's temporary file (".FILE.tmp-XXXXXX" beside FILE) and leaves FILE as it was; the
# program ends by that signal. For SIGINT (Ctrl-C), SIGTERM and SIGHUP, each on a report of
# 3,000 generated sessions, interrupted as soon as its temporary file exists. A signal that was
# ignored when meetlat started (as nohup ignores SIGHUP) stays ignored: the report is written.
# Needs BUILD (the build folder, holding tests/tools/report_sessions) and MEETLAT.
. "$(dirname "$0")/lib/cli.sh"
needs BUILD
: "${MEETLAT:=$BUILD/meetlat}"

s="$work/sessions"
"$BUILD/tests/tools/report_sessions" "$s" 3000 5 4 10 "$work/truth" || die "cannot generate"
mkdir "$work/out"
echo "the report of yesterday" > "$work/out/report.csv"

# Prints the names of the temporary files beside the report.
temporaries() { find "$work/out" -name '.report.csv.tmp-*'; }

# Starts a report into $work/out/report.csv with the signals' dispositions $2 (env's options:
# a shell's background job would ignore SIGINT), waits (at most 5 s) for its temporary file,
# sends signal $1 and waits for the end; its status into $work/status. Says "finished" in
# $work/status when the report ended before it could be interrupted.
interrupt() {
	env "$2" "$MEETLAT" report -j 1 -o "$work/out/report.csv" "$s" 2> /dev/null &
	pid=$!
	i=0
	while [ -z "$(temporaries)" ] && kill -0 "$pid" 2> /dev/null && [ "$i" -lt 1000 ]; do
		sleep 0.005
		i=$((i + 1))
	done
	if [ -n "$(temporaries)" ]; then
		kill -s "$1" "$pid"
		wait "$pid"
		echo $? > "$work/status"
	else
		wait "$pid"
		echo finished > "$work/status"
	fi
}

for pair in INT:2 TERM:15 HUP:1; do
	sig=${pair%:*}
	interrupt "$sig" --default-signal=INT,TERM,HUP
	check "$sig: the report was interrupted while it read" \
		sh -c '[ "$(cat "$1")" != finished ]' - "$work/status"
	check "$sig: the program ended by the signal" \
		sh -c '[ "$(cat "$1")" = $((128 + $2)) ]' - "$work/status" "${pair#*:}"
	check "$sig: no temporary file is left" sh -c '[ -z "$1" ]' - "$(temporaries)"
	check "$sig: the earlier report is as it was" \
		grep -qx "the report of yesterday" "$work/out/report.csv"
done

interrupt HUP --ignore-signal=HUP
check "HUP ignored (nohup): the report is written, the broken file skipped (status 1)" \
	grep -qx 1 "$work/status"
check "HUP ignored (nohup): the report replaces the earlier one" \
	grep -q "^file;session_title;" "$work/out/report.csv"

echo "the report of yesterday" > "$work/out/report.csv"
"$MEETLAT" report -j 1 -o "$work/out/report.csv" "$s" 2> /dev/null
check "uninterrupted: the report replaces the earlier one" \
	grep -q "^file;session_title;" "$work/out/report.csv"
check "uninterrupted: no temporary file is left" sh -c '[ -z "$1" ]' - "$(temporaries)"
finish "$CLI" "a signal removes the report's temporary file"
