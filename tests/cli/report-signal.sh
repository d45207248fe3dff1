#!/bin/sh
# report-signal.sh - a signal that ends `meetlat report -o FILE` while it reads removes the
# report's temporary file (".FILE.tmp-XXXXXX" beside FILE) and leaves FILE as it was; the
# program ends by that signal. For SIGINT (Ctrl-C), SIGTERM, SIGHUP and SIGQUIT, each on a
# report of 3,000 generated sessions, interrupted as soon as its temporary file exists; SIGTERM
# also while two threads read (the signal may reach either). A signal that was ignored when
# meetlat started (as nohup ignores SIGHUP) stays ignored: the report is written.
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

# interrupt SIGNAL DISPOSITIONS JOBS - starts a report into $work/out/report.csv, read by JOBS
# threads, with the signals' dispositions DISPOSITIONS (env's options: a shell's background job
# would ignore SIGINT), waits (at most 5 s) for its temporary file, sends SIGNAL and waits for
# the end; its status into $work/status. Tries again, at most 3 times, when the report ended
# before the signal could reach it; says "finished" in $work/status when it always did.
interrupt() {
	for try in 1 2 3; do
		env "$2" "$MEETLAT" report -j "$3" -o "$work/out/report.csv" "$s" 2> /dev/null &
		pid=$!
		i=0
		while [ -z "$(temporaries)" ] && kill -0 "$pid" 2> /dev/null && [ "$i" -lt 1000 ]; do
			sleep 0.005
			i=$((i + 1))
		done
		if [ -n "$(temporaries)" ] && kill -s "$1" "$pid" 2> /dev/null; then
			wait "$pid"
			echo $? > "$work/status"
			return
		fi
		wait "$pid"
		echo finished > "$work/status"
		echo "the report of yesterday" > "$work/out/report.csv"
	done
}

ulimit -c 0 # SIGQUIT's default action would leave a core file
for case in INT:2:1 TERM:15:1 HUP:1:1 QUIT:3:1 TERM:15:2; do
	sig=${case%%:*}
	number=${case#*:}
	jobs=${number#*:}
	number=${number%:*}
	interrupt "$sig" --default-signal=INT,TERM,HUP,QUIT "$jobs"
	sig="$sig (-j $jobs)"
	check "$sig: the report was interrupted while it read" \
		sh -c '[ "$(cat "$1")" != finished ]' - "$work/status"
	check "$sig: the program ended by the signal" \
		sh -c '[ "$(cat "$1")" = $((128 + $2)) ]' - "$work/status" "$number"
	check "$sig: no temporary file is left" sh -c '[ -z "$1" ]' - "$(temporaries)"
	check "$sig: the earlier report is as it was" \
		grep -qx "the report of yesterday" "$work/out/report.csv"
done

interrupt HUP --ignore-signal=HUP 1
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
