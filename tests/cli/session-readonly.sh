#!/bin/sh
# session-readonly.sh - a session file on a read-only file system (a tmpfs remounted
# read-only) may not be written, though its mode allows it and root may write anything: it is
# refused for a workshop with a plain message (exit 1) and opens with --export (read-only),
# the file unchanged. Needs root to mount; prints SKIP and succeeds where mounting is not
# permitted. (The mode bits, for root too, are tested in tests/test_store.c and links.sh.)
# Needs MEETLAT and BUILD (with tests/tools/session_fixture), as tests/run-all sets them.
set -u
: "${MEETLAT:?set MEETLAT to the meetlat binary}"
tool="$BUILD/tests/tools/session_fixture"
work=$(mktemp -d) || exit 1
mnt="$work/mnt"
mounted=no
cleanup() {
	[ "$mounted" = yes ] && umount "$mnt"
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM
export HOME="$work" XDG_DATA_HOME="$work/data"

# Prints the reason and stops with failure.
fail() {
	echo "session-readonly: $*" >&2
	exit 1
}

mkdir "$mnt" || exit 1
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=256k tmpfs "$mnt" 2> /dev/null; then
	echo "SKIP: session-readonly: cannot mount a tmpfs here (needs root and permission to mount)"
	exit 0
fi
mounted=yes
file="$mnt/ro.yaml"
"$tool" loop "$file" 1 > /dev/null || fail "cannot save the session"
[ "$(stat -c %a "$file")" = 600 ] || fail "the session file does not have mode 0600"
mount -o remount,ro "$mnt" || fail "cannot remount the tmpfs read-only"
before=$(cksum < "$file")
"$MEETLAT" "$file" < /dev/null > "$work/out" 2> "$work/err"
status=$?
[ "$status" -eq 1 ] || fail "a session on a read-only file system was not refused (status $status)"
grep -qF "$file: the file is read-only, so the workshop cannot be saved in it" "$work/err" ||
	fail "the refusal does not say why: $(cat "$work/err")"
"$MEETLAT" --export md "$file" > "$work/report.md" 2> "$work/err" ||
	fail "the session cannot be read: $(cat "$work/err")"
grep -q "^# " "$work/report.md" || fail "the report is empty"
[ "$(cksum < "$file")" = "$before" ] || fail "the file changed"
[ "$(ls -A "$mnt" | tr '\n' ' ')" = "ro.yaml " ] || fail "files appeared: $(ls -A "$mnt")"
echo "session-readonly: a session on a read-only file system opens only read-only, and says so"
