#!/bin/sh
# session-readonly.sh - a session file on a read-only file system (a tmpfs remounted
# read-only) may not be written, though its mode allows it and root may write anything: it is
# refused for a workshop with a plain message (exit 1) and opens with --export (read-only),
# the file unchanged. Needs root to mount; prints SKIP and succeeds where mounting is not
# permitted. (The mode bits, for root too, are tested in tests/test_store.c and links.sh.)
# Needs MEETLAT and BUILD (with tests/tools/session_fixture), as tests/run-all sets them.
. "$(dirname "$0")/lib/cli.sh"
needs MEETLAT BUILD
tool="$BUILD/tests/tools/session_fixture"
mnt="$work/mnt"
mount_tmpfs "$mnt" 256k "a tmpfs"
file="$mnt/ro.yaml"
"$tool" loop "$file" 1 > /dev/null || die "cannot save the session"
[ "$(stat -c %a "$file")" = 600 ] || die "the session file does not have mode 0600"
mount -o remount,ro "$mnt" || die "cannot remount the tmpfs read-only"
before=$(cksum < "$file")
"$MEETLAT" "$file" < /dev/null > "$work/out" 2> "$work/err"
status=$?
[ "$status" -eq 1 ] || die "a session on a read-only file system was not refused (status $status)"
grep -qF "$file: the file is read-only, so the workshop cannot be saved in it" "$work/err" ||
	die "the refusal does not say why: $(cat "$work/err")"
"$MEETLAT" --export md "$file" > "$work/report.md" 2> "$work/err" ||
	die "the session cannot be read: $(cat "$work/err")"
grep -q "^# " "$work/report.md" || die "the report is empty"
[ "$(cksum < "$file")" = "$before" ] || die "the file changed"
[ "$(ls -A "$mnt" | tr '\n' ' ')" = "ro.yaml " ] || die "files appeared: $(ls -A "$mnt")"
echo "session-readonly: a session on a read-only file system opens only read-only, and says so"
