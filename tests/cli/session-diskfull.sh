#!/bin/sh
# session-diskfull.sh - a save on a full disk (a 64 KiB tmpfs, filled up) fails with the error,
# leaves the previous file byte for byte and no temporary file; once there is room, the same
# save succeeds. Needs root to mount; prints SKIP and succeeds where mounting is not permitted.
# Needs BUILD (the build folder with tests/tools/session_fixture), as tests/run-all sets it.
set -u
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
	echo "session-diskfull: $*" >&2
	exit 1
}

mkdir "$mnt" || exit 1
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=64k tmpfs "$mnt" 2> /dev/null; then
	echo "SKIP: session-diskfull: cannot mount a small tmpfs here (needs root and permission to mount)"
	exit 0
fi
mounted=yes
file="$mnt/full.yaml"
"$tool" grow "$file" 1000 > /dev/null || fail "cannot save the first version"
cp "$file" "$work/before.yaml"
dd if=/dev/zero of="$mnt/filler" bs=4096 2> /dev/null
if "$tool" grow "$file" 40000 > /dev/null 2> "$work/error"; then
	fail "a save on a full disk reported success"
fi
grep -q "full.yaml: cannot save: No space left on device" "$work/error" ||
	fail "the error was not reported: $(cat "$work/error")"
cmp -s "$file" "$work/before.yaml" || fail "the previous file changed"
if ls -A "$mnt" | grep -q '\.tmp-'; then
	fail "a temporary file was left: $(ls -A "$mnt" | tr '\n' ' ')"
fi
rm "$mnt/filler"
"$tool" grow "$file" 40000 > /dev/null 2> "$work/error" ||
	fail "the save did not succeed once there was room: $(cat "$work/error")"
grep -q "dddddddddd" "$file" || fail "the saved file does not hold the new notes"
echo "session-diskfull: a save on a full disk failed cleanly and succeeded once there was room"
