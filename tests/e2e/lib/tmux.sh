# tests/e2e/lib/tmux.sh - shared helpers for the end-to-end tests of meetlat's terminal
# interface (sourced by tests/e2e/*.sh; not a test itself, so run-all does not run it).
#
# Every script runs the real (sanitized) binary in a detached tmux on a private socket, with
# a pinned environment (C.UTF-8, TZ=UTC, TERM=xterm-256color, HOME and XDG_DATA_HOME in a fresh
# temporary folder), sends keys, and polls the screen; it never sleeps a fixed long time.
# Sanitizer reports are written to files under the temporary folder; `finish` fails the
# test if any exists.
#
# Needs: MEETLAT (the binary), PYTHON (with PyYAML; default /usr/bin/python3), tmux.
#
# API (all take effect on the current program, the one `start` ran last; to act on an
# earlier one, save $CUR after its start and set CUR back to it):
#   start COLS ROWS [ARG...]   run meetlat ARG... in a new tmux window of COLS x ROWS; extra
#                              environment from $E2E_ENV ("NAME=value ...", no spaces inside)
#                              E2E_HOLD=1: the program waits for `release` (set up tmux first)
#                              E2E_SETSID=1: run it in a session of its own (setsid), so that
#                              a vanishing terminal sends it no SIGHUP
#   start_shell COLS ROWS      an interactive sh in the window instead (prompt "e2e$ ")
#   keys KEY...                tmux send-keys (key names: Space Enter Escape Tab BSpace C-c ...)
#   type_text TEXT             send TEXT literally (send-keys -l)
#   screen / screen_attrs      the visible screen (capture-pane -p, with -e for attributes)
#   on_screen TEXT / off_screen TEXT / on_screen_re REGEX / on_screen_attrs TEXT
#                              tests on the screen (the last with attributes: "${REVERSE}x")
#   body                       the screen without its last line (the status line)
#   status_line / step_pos     the status line; its "k/n"
#   saved_with TEXT            TEXT is on the screen and the status line says it is saved
#   header_says TEXT           the screen's first line (the header) holds TEXT
#   soon CMD...                CMD succeeds within half a second (polled every 50 ms)
#   file_state FILE            the sha256 and the mtime (nanoseconds) of FILE, to compare
#   wait_for TEXT [SECS]       poll until TEXT (fixed string) is on the screen, else fail
#   wait_re REGEX [SECS]       the same for an extended regular expression
#   wait_gone TEXT [SECS]      poll until TEXT is no longer on the screen
#   wait_step K/N [SECS]       poll until the status line shows step K/N
#   settle                     wait until the screen (above the status line) stops changing
#   wait_exit [SECS]           poll until the program has ended; exit_status prints its status
#   resize COLS ROWS           resize the window (SIGWINCH)
#   get_pid                    sets PID to the pid of the current program
#   yaml_get FILE PATH         a field of a YAML file (PATH: a.b.0.c); strings and dates as
#                              they are, other values as JSON
#   yaml_ok FILE PYEXPR        true when the Python expression holds, `d` being the document
#   pass MSG / fail MSG        report one check; fail dumps the screen and exits 1
#   check MSG CMD...           pass MSG when CMD succeeds, else fail MSG
#   expect_eq MSG GOT WANT     pass when GOT = WANT exactly, else fail showing both
#   finish                     final checks (no sanitizer report), prints the summary, exit 0
#
# Variables for the tests: TMP (this script's scratch folder, removed at exit), FIXTURES
# (tests/fixtures/e2e), SESSIONS (the default session folder under XDG_DATA_HOME), ESC and
# REVERSE (for on_screen_attrs), PID (after get_pid), CUR (the tmux session of the program).

# shellcheck disable=SC2034 # FIXTURES, SESSIONS, REVERSE, PID are for the tests
set -u

: "${MEETLAT:?set MEETLAT to the meetlat binary (built with SANITIZE=1)}"
PYTHON=${PYTHON:-/usr/bin/python3}
case $MEETLAT in /*) ;; *) MEETLAT=$(pwd)/$MEETLAT ;; esac
[ -x "$MEETLAT" ] || { echo "e2e: $MEETLAT is not an executable" >&2; exit 1; }
command -v tmux > /dev/null 2>&1 || { echo "e2e: tmux is needed" >&2; exit 1; }

E2E=$(basename "$0" .sh)
E2E_SRC=$(cd "$(dirname "$0")/../.." && pwd)
FIXTURES=$E2E_SRC/tests/fixtures/e2e
E2E_TIMEOUT=${E2E_TIMEOUT:-15}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/meetlat-e2e.XXXXXX") || exit 1
SESSIONS=$TMP/data/meetlat/sessions
TMUX_SOCKET=meetlat-e2e-$$
E2E_ENV=${E2E_ENV:-}
E2E_RUN=0
E2E_CHECKS=0
E2E_START=$(date +%s)
CUR=
ESC=$(printf '\033')
REVERSE="${ESC}[7m"

unset TMUX TMUX_PANE NO_COLOR COLUMNS LINES XDG_CONFIG_HOME
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color TZ=UTC
# The interface's language: English unless a script sets E2E_LANGUAGE before sourcing this file
# (empty: none, so that meetlat follows the content's language, Dutch for the almanac).
export LANGUAGE="${E2E_LANGUAGE-en}"
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/data"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$TMP/asan/asan"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$TMP/asan/ubsan"
mkdir -p "$HOME" "$TMP/asan" "$TMP/runs"

# tm ARG... - tmux on this script's private server.
tm() {
	tmux -L "$TMUX_SOCKET" -f /dev/null "$@"
}

# e2e_pids - the pids of every program this script started.
e2e_pids() {
	cat "$TMP"/runs/pid.* 2> /dev/null
}

# alive PID - true while PID runs (a zombie counts as ended).
alive() {
	[ -d "/proc/$1" ] || return 1
	e2e_state=$(sed 's/.*) //' "/proc/$1/stat" 2> /dev/null | cut -c1)
	[ -n "$e2e_state" ] && [ "$e2e_state" != Z ]
}

# e2e_reap SECS - waits up to SECS seconds for every started program to end.
e2e_reap() {
	e2e_n=$(($1 * 10))
	for e2e_pid in $(e2e_pids); do
		while alive "$e2e_pid" && [ "$e2e_n" -gt 0 ]; do
			sleep 0.1
			e2e_n=$((e2e_n - 1))
		done
	done
	for e2e_pid in $(e2e_pids); do
		alive "$e2e_pid" && return 1
	done
	return 0
}

# e2e_cleanup - on exit: stop the tmux server (SIGHUP to the programs), kill a program of ours
# that is still running (checking that the pid is still meetlat), remove the files.
e2e_cleanup() {
	tm kill-server > /dev/null 2>&1
	e2e_reap 5 || for e2e_pid in $(e2e_pids); do
		alive "$e2e_pid" && [ "$(readlink "/proc/$e2e_pid/exe")" = "$(readlink -f "$MEETLAT")" ] &&
			kill -KILL "$e2e_pid" 2> /dev/null
	done
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$TMUX_SOCKET" # tmux leaves its socket behind
	rm -rf "$TMP"
}
trap e2e_cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 141' PIPE

# q TEXT - TEXT quoted for sh.
q() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# e2e_runner KIND ARG... - writes the script a new tmux window runs into RUNNER.
# KIND meetlat: runs meetlat ARG..., records its pid and exit status, prints EXIT=<status>
# and stays (sleep) so that the screen can be read. KIND shell: an interactive sh.
e2e_runner() {
	e2e_kind=$1
	shift
	E2E_RUN=$((E2E_RUN + 1))
	e2e_f=$TMP/runs/run.$E2E_RUN.sh
	{
		echo "unset TMUX TMUX_PANE NO_COLOR COLUMNS LINES XDG_CONFIG_HOME"
		for e2e_v in LANG LC_ALL LANGUAGE TZ HOME XDG_DATA_HOME ASAN_OPTIONS UBSAN_OPTIONS; do
			printf 'export %s=%s\n' "$e2e_v" "$(eval "q \"\$$e2e_v\"")"
		done
		echo "export TERM=xterm-256color"
		for e2e_v in $E2E_ENV; do
			echo "export $(q "$e2e_v")"
		done
		if [ "$e2e_kind" = shell ]; then
			echo "export PS1='e2e\$ ' MEETLAT=$(q "$MEETLAT")"
			echo "exec sh -i"
		else
			# Ctrl-C and Ctrl-\ reach the whole foreground group: the runner survives them
			# to record the status (a handler, not SIG_IGN, so the program gets the default)
			echo "trap : INT QUIT"
			if [ -n "${E2E_HOLD:-}" ]; then
				echo "while [ ! -e $(q "$TMP/runs/go.$E2E_RUN") ]; do sleep 0.05; done"
			fi
			[ -z "${E2E_SETSID:-}" ] || printf 'setsid ' # no SIGHUP when the terminal goes
			printf 'sh -c '\''echo $$ > "$0"; exec "$@"'\'' %s %s' \
				"$(q "$TMP/runs/pid.$E2E_RUN")" "$(q "$MEETLAT")"
			for e2e_a in "$@"; do
				printf ' %s' "$(q "$e2e_a")"
			done
			echo
			echo "st=\$?; echo \$st > $(q "$TMP/runs/exit.$E2E_RUN"); echo \"EXIT=\$st\""
			echo "exec sleep 600"
		fi
	} > "$e2e_f"
	RUNNER=$e2e_f
}

# e2e_window COLS ROWS RUNNER - opens a new tmux session running RUNNER; makes it current.
e2e_window() {
	CUR=w$E2E_RUN
	COLS=$1
	ROWS=$2
	e2e_tries=0
	until tm start-server \; set-option -g status off \; \
		new-session -d -s "$CUR" -x "$1" -y "$2" "sh $(q "$3")" 2> "$TMP/runs/tmux.err"; do
		e2e_tries=$((e2e_tries + 1)) # a server that is still shutting down: try again
		[ "$e2e_tries" -lt 20 ] || { cat "$TMP/runs/tmux.err" >&2; fail "tmux new-session failed"; }
		sleep 0.1
	done
}

start() {
	e2e_c=$1
	e2e_r=$2
	shift 2
	e2e_runner meetlat "$@"
	e2e_window "$e2e_c" "$e2e_r" "$RUNNER"
}

# release - lets a program started with E2E_HOLD=1 run (until then its runner waits).
release() {
	: > "$TMP/runs/go.${CUR#w}"
}

start_shell() {
	e2e_runner shell
	e2e_window "$1" "$2" "$RUNNER"
	wait_for 'e2e$'
}

keys() {
	tm send-keys -t "$CUR" "$@"
}

type_text() {
	tm send-keys -t "$CUR" -l -- "$1"
}

screen() {
	tm capture-pane -p -t "$CUR"
}

screen_attrs() {
	tm capture-pane -p -e -t "$CUR"
}

body() {
	screen | sed '$d'
}

status_line() {
	screen | tail -n 1
}

step_pos() {
	status_line | sed -n 's/^ *\([0-9][0-9]*\/[0-9][0-9]*\) .*/\1/p'
}

resize() {
	COLS=$1
	ROWS=$2
	tm resize-window -t "$CUR" -x "$1" -y "$2"
}

# e2e_poll_ms STEP LIMIT CMD... - true as soon as CMD succeeds, polling every STEP ms for
# LIMIT ms (and once more at the end).
e2e_poll_ms() {
	e2e_n=$(($2 / $1))
	e2e_pause=$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))
	shift 2
	while [ "$e2e_n" -gt 0 ]; do
		"$@" && return 0
		sleep "$e2e_pause"
		e2e_n=$((e2e_n - 1))
	done
	"$@"
}

# e2e_poll SECS CMD... - true as soon as CMD succeeds, polling every 0.1 s for SECS seconds.
e2e_poll() {
	e2e_secs=$1
	shift
	e2e_poll_ms 100 $((e2e_secs * 1000)) "$@"
}

on_screen() {
	screen | grep -qF -- "$1"
}

saved_with() {
	on_screen "$1" && status_line | grep -qE ' saved *$'
}

header_says() {
	screen | head -n 1 | grep -qF -- "$1"
}

soon() {
	e2e_poll_ms 50 500 "$@"
}

# file_state FILE - the sha256 and the mtime (nanoseconds) of FILE.
file_state() {
	printf '%s %s' "$(sha256sum < "$1" | cut -d' ' -f1)" "$(stat -c %.9Y "$1")"
}

on_screen_re() {
	screen | grep -qE -- "$1"
}

# on_screen_attrs TEXT - TEXT (which may hold escape sequences, see $ESC) in the screen with
# its attributes (capture-pane -e).
on_screen_attrs() {
	screen_attrs | grep -qF -- "$1"
}

off_screen() {
	! on_screen "$1"
}

at_step() {
	[ "$(step_pos)" = "$1" ]
}

wait_for() {
	e2e_poll "${2:-$E2E_TIMEOUT}" on_screen "$1" || fail "waited ${2:-$E2E_TIMEOUT} s for \"$1\""
}

wait_re() {
	e2e_poll "${2:-$E2E_TIMEOUT}" on_screen_re "$1" || fail "waited ${2:-$E2E_TIMEOUT} s for /$1/"
}

wait_gone() {
	e2e_poll "${2:-$E2E_TIMEOUT}" off_screen "$1" ||
		fail "waited ${2:-$E2E_TIMEOUT} s for \"$1\" to go"
}

wait_step() {
	e2e_poll "${2:-$E2E_TIMEOUT}" at_step "$1" ||
		fail "waited ${2:-$E2E_TIMEOUT} s for step $1 (status line shows $(step_pos))"
}

# settle - waits (at most 3 s) until the screen above the status line stops changing.
settle() {
	e2e_settle_prev=$(body)
	e2e_settle_n=30
	while [ "$e2e_settle_n" -gt 0 ]; do
		sleep 0.15
		e2e_settle_now=$(body)
		[ "$e2e_settle_now" = "$e2e_settle_prev" ] && return 0
		e2e_settle_prev=$e2e_settle_now
		e2e_settle_n=$((e2e_settle_n - 1))
	done
}

e2e_exited() {
	[ -f "$TMP/runs/exit.${CUR#w}" ]
}

wait_exit() {
	e2e_poll "${1:-$E2E_TIMEOUT}" e2e_exited || fail "the program did not end"
	wait_for "EXIT="
}

exit_status() {
	cat "$TMP/runs/exit.${CUR#w}"
}

# get_pid - sets PID to the pid of the current program.
get_pid() {
	e2e_poll 5 test -s "$TMP/runs/pid.${CUR#w}" || fail "no pid recorded"
	PID=$(cat "$TMP/runs/pid.${CUR#w}")
}

yaml_get() {
	"$PYTHON" - "$1" "$2" << 'EOF'
import datetime, json, sys, yaml
with open(sys.argv[1], encoding="utf-8") as f:
    value = yaml.safe_load(f)
for key in sys.argv[2].split("."):
    value = value[int(key)] if isinstance(value, list) else value[key]
if isinstance(value, (str, datetime.date)):
    sys.stdout.write(str(value))
else:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, default=str))
EOF
}

yaml_ok() {
	"$PYTHON" - "$1" "$2" << 'EOF'
import sys, yaml
with open(sys.argv[1], encoding="utf-8") as f:
    d = yaml.safe_load(f)
sys.exit(0 if eval(sys.argv[2], {"d": d}) else 1)
EOF
}

pass() {
	E2E_CHECKS=$((E2E_CHECKS + 1))
	echo "ok $E2E_CHECKS - $E2E: $1"
}

fail() {
	echo "FAIL - $E2E: $1"
	if [ -n "$CUR" ]; then
		echo "---- screen ($COLS x $ROWS) ----"
		screen 2> /dev/null | sed 's/^/|/'
		echo "---- end of screen ----"
	fi
	e2e_sanitizer_reports
	exit 1
}

check() {
	e2e_msg=$1
	shift
	if "$@"; then pass "$e2e_msg"; else fail "$e2e_msg"; fi
}

expect_eq() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1: got [$2], expected [$3]"
	fi
}

# e2e_sanitizer_reports - prints the sanitizer reports; true when there are any.
e2e_sanitizer_reports() {
	e2e_found=1
	for e2e_f in "$TMP"/asan/*; do
		[ -f "$e2e_f" ] || continue
		echo "---- sanitizer report $e2e_f ----"
		cat "$e2e_f"
		e2e_found=0
	done
	return $e2e_found
}

# e2e_reported - true when a sanitizer wrote a report.
e2e_reported() {
	[ -n "$(find "$TMP/asan" -type f)" ]
}

finish() {
	tm kill-server > /dev/null 2>&1
	e2e_reap 15 || fail "a meetlat process did not end after the tmux server was killed"
	CUR=
	if e2e_reported; then
		fail "the sanitizers reported errors (below)"
	fi
	echo "PASS $E2E: $E2E_CHECKS checks in $(($(date +%s) - E2E_START)) s"
	exit 0
}
