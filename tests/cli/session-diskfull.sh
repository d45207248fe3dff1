#!/bin/sh
# session-diskfull.sh - a save on a full disk (a 64 KiB tmpfs, filled up) fails with the error,
# leaves the previous file byte for byte and no temporary file; once there is room, the same
# save succeeds. Needs root to mount; prints SKIP and succeeds where mounting is not permitted.
# Needs BUILD (the build folder with tests/tools/session_fixture), as tests/run-all sets it.
. "$(dirname "$0")/lib/cli.sh"
needs BUILD
tool="$BUILD/tests/tools/session_fixture"
mnt="$work/mnt"
mount_tmpfs "$mnt" 64k "a small tmpfs"
file="$mnt/full.yaml"
"$tool" grow "$file" 1000 > /dev/null || die "cannot save the first version"
cp "$file" "$work/before.yaml"
dd if=/dev/zero of="$mnt/filler" bs=4096 2> /dev/null
if "$tool" grow "$file" 40000 > /dev/null 2> "$work/error"; then
	die "a save on a full disk reported success"
fi
grep -q "full.yaml: cannot save: No space left on device" "$work/error" ||
	die "the error was not reported: $(cat "$work/error")"
cmp -s "$file" "$work/before.yaml" || die "the previous file changed"
if ls -A "$mnt" | grep -q '\.tmp-'; then
	die "a temporary file was left: $(ls -A "$mnt" | tr '\n' ' ')"
fi
rm "$mnt/filler"
"$tool" grow "$file" 40000 > /dev/null 2> "$work/error" ||
	die "the save did not succeed once there was room: $(cat "$work/error")"
grep -q "dddddddddd" "$file" || die "the saved file does not hold the new notes"
echo "session-diskfull: a save on a full disk failed cleanly and succeeded once there was room"
