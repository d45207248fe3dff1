#!/bin/sh
# lazy-libs.sh - issue 10: the start on the built-in almanac maps no library that it does not
# call: not libyaml, libhyphen, libmicrohttpd, libqrencode nor libxlsxwriter (with its
# libcrypto) (base/dynlib.c opens each when first needed: showing the compiled-in almanac
# needs no YAML, a new session is written directly). Resuming the session reads it with the
# subset reader (content/ysubset.c), as meetlat wrote it: still no libyaml; after a trainer's
# comment is added to it, libyaml reads it, and is then mapped; the workshop resumes both times.
. "$(dirname "$0")/lib/tmux.sh"

# mapped NAME - true when the current program has a file mapped whose name holds NAME.
mapped() {
	grep -q "$1" "/proc/$PID/maps"
}

start 100 30 "$TMP/w.yaml"
wait_step 1/23
get_pid
check "the first frame of a new session: libyaml is not mapped" eval '! mapped libyaml'
check "the first frame of a new session: libhyphen is not mapped" eval '! mapped libhyphen'
for lib in libmicrohttpd libqrencode libxlsxwriter libcrypto; do
	check "the first frame of a new session: $lib is not mapped" eval "! mapped $lib"
done
check "the new session was written without it" test -s "$TMP/w.yaml"
keys Space
wait_step 2/23
keys q
wait_exit
expect_eq "quit ends with status 0" "$(exit_status)" 0

start 100 30 "$TMP/w.yaml"
wait_step 2/23
pass "the session resumes at step 2/23"
get_pid
check "reading the session as meetlat wrote it: libyaml is not mapped" eval '! mapped libyaml'
keys q
wait_exit

{ echo "# checked by the trainer"; cat "$TMP/w.yaml"; } > "$TMP/w.new" && mv "$TMP/w.new" "$TMP/w.yaml"
start 100 30 "$TMP/w.yaml"
wait_step 2/23
pass "the session with a comment resumes at step 2/23"
get_pid
check "reading a session with a comment opened libyaml" mapped libyaml-0.so
keys q
wait_exit
finish
