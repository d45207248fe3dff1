#!/bin/sh
# stdout.sh - every mode that writes to standard output checks that it got there: with
# standard output on a full device (/dev/full) or closed, --check, --help, --version and
# --export md|csv|html exit 1 and say so on standard error; to a working file they exit 0.
. "$(dirname "$0")/lib/cli.sh"
needs MEETLAT

[ -c /dev/full ] || { echo "stdout: /dev/full is needed" >&2; exit 1; }

cat > "$work/s.yaml" <<'YAML'
meetlat_session: 1
title: "Werksessie"
content: {id: sociale-media-almanak}
scores:
  context: {votes: [2, 3], current: 2, target: 3, note: "Een notitie"}
actions:
  - {text: "Webcare inrichten", owner: "An", due: 2027-01-15, done: false}
YAML

# fails_on WHERE ARG... - meetlat ARG... with standard output redirected as WHERE (full:
# /dev/full, closed: no standard output) exits 1 and names standard output on stderr.
fails_on() {
	where=$1
	shift
	if [ "$where" = full ]; then
		"$MEETLAT" "$@" > /dev/full 2> "$work/err"
	else
		"$MEETLAT" "$@" >&- 2> "$work/err"
	fi
	status=$?
	check "$* > $where: exit status 1 (got $status)" [ "$status" -eq 1 ]
	check "$* > $where: the reason is on standard error" \
		grep -q "cannot write .*standard output" "$work/err"
}

# works ARG... - meetlat ARG... with standard output in a file exits 0 and writes something.
works() {
	"$MEETLAT" "$@" > "$work/out" 2> "$work/err"
	status=$?
	check "$* > file: exit status 0 (got $status), output written" \
		eval '[ "$status" -eq 0 ] && [ -s "$work/out" ]'
}

for args in "--check" "--help" "--version" "--export md $work/s.yaml" \
	"--export csv $work/s.yaml" "--export html $work/s.yaml"; do
	# shellcheck disable=SC2086 # the arguments are split on purpose
	fails_on full $args
	# shellcheck disable=SC2086
	fails_on closed $args
	# shellcheck disable=SC2086
	works $args
done

finish stdout "every write to standard output is checked"
