# tests/cli/lib/cli.sh - the shared preamble and helpers of the command-line tests of meetlat
# (sourced by tests/cli/*.sh; not a test itself, so run-all does not run it).
#
# Sourcing it sets `set -u`, makes a scratch folder (removed at exit, also after HUP, INT or
# TERM) and pins the environment: HOME is the scratch folder, XDG_DATA_HOME its data/,
# LANG=C.UTF-8, LANGUAGE=en (see CLI_LANGUAGE below); PYTHON defaults to /usr/bin/python3.
#
# API:
#   needs VAR...               stop, saying what to set, unless each VAR (MEETLAT, BUILD) is set
#   check DESCRIPTION CMD...   run CMD: "ok - DESCRIPTION" when it succeeds, else
#                              "FAIL - DESCRIPTION", counted
#   fail MESSAGE               "FAIL: MESSAGE" on stderr, counted (a failure found without check)
#   die MESSAGE                "NAME: MESSAGE" on stderr and exit 1 (the script cannot go on)
#   mount_tmpfs DIR SIZE WHAT  a tmpfs of SIZE (e.g. 64k) on the new folder DIR, unmounted at
#                              exit; where mounting is not permitted, "SKIP: ..." and exit 0
#   finish NAME SUMMARY        "NAME: SUMMARY" and exit 0, or "NAME: N check(s) failed" on
#                              stderr and exit 1 when check or fail counted a failure
#
# Variables for the tests: work (the scratch folder), CLI (the script's name without .sh),
# failures (the failures counted so far), PYTHON.

# shellcheck disable=SC2034 # PYTHON is for the tests
set -u

CLI=$(basename "$0" .sh)
PYTHON=${PYTHON:-/usr/bin/python3}
failures=0
cli_mounted=
work=$(mktemp -d "${TMPDIR:-/tmp}/meetlat-cli.XXXXXX") || exit 1

# cli_cleanup - on exit: unmounts what mount_tmpfs mounted, removes the scratch folder.
cli_cleanup() {
	[ -z "$cli_mounted" ] || umount "$cli_mounted"
	rm -rf "$work"
}
trap cli_cleanup EXIT
trap 'exit 1' HUP INT TERM

# English unless a script sets CLI_LANGUAGE before sourcing this file (empty: meetlat follows
# the content's language).
export HOME="$work" XDG_DATA_HOME="$work/data" LANG=C.UTF-8 LANGUAGE="${CLI_LANGUAGE-en}"

needs() {
	for cli_var in "$@"; do
		case $cli_var in
		MEETLAT) cli_what="the meetlat binary (e.g. build/san/meetlat)" ;;
		BUILD) cli_what="the build folder (e.g. build/san)" ;;
		*) die "needs: unknown variable $cli_var" ;;
		esac
		eval "cli_value=\${$cli_var:-}"
		[ -n "$cli_value" ] || die "set $cli_var to $cli_what"
	done
}

check() {
	cli_desc=$1
	shift
	if "$@"; then
		echo "ok - $cli_desc"
	else
		echo "FAIL - $cli_desc"
		failures=$((failures + 1))
	fi
}

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

die() {
	echo "$CLI: $*" >&2
	exit 1
}

mount_tmpfs() {
	mkdir "$1" || exit 1
	if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o "size=$2" tmpfs "$1" 2> /dev/null; then
		echo "SKIP: $CLI: cannot mount $3 here (needs root and permission to mount)"
		exit 0
	fi
	cli_mounted=$1
}

finish() {
	if [ "$failures" -ne 0 ]; then
		echo "$1: $failures check(s) failed" >&2
		exit 1
	fi
	echo "$1: $2"
	exit 0
}
