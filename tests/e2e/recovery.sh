#!/bin/sh
# recovery.sh - the paths where a facilitator could lose work or get stuck: a disk that fills up
# (NOT SAVED, q asks twice, the work goes to a rescue copy), a details form that is refused and
# then cancelled (nothing changes), an action whose row the content no longer has (edited, it
# keeps the row), a target agreed without a current phase, the start screen losing its
# terminal, a terminal too small to draw on (q still quits) and a locale without UTF-8 (ASCII).
. "$(dirname "$0")/lib/tmux.sh"

content=$FIXTURES/score-only.yaml
"$MEETLAT" --check "$content" > /dev/null 2>&1 || fail "meetlat --check rejects $content"

# --- a target without a current phase: the agreement line is drawn whole ---
cat > "$TMP/target.yaml" << 'YAML'
meetlat_session: 1
title: "doel"
content: {id: e2e-score-only}
position: 1
scores:
  alfa: {target: 3}
YAML
start 100 30 -c "$content" "$TMP/target.yaml"
wait_step 1/5
keys Escape
wait_gone "Worth knowing about this session"
wait_for "Agreed:"
check "a target without a current phase reads 'current ? -> 3 ...'" \
	on_screen_re "Agreed:  current \\?  →  3 fase drie"
keys q
wait_exit

# --- the details form: a refusal and then Esc change nothing ---
start 100 30 -c "$content" "$TMP/details.yaml"
wait_step 1/5
keys e
wait_for "The session's details"
keys Tab
type_text "NIEUWE ORGANISATIE"
keys Tab Tab Tab Tab
type_text "acht"
keys Enter
wait_for "write a whole number"
keys Escape
wait_for "Discard what you typed?"
keys y
wait_gone "The session's details"
keys q
wait_exit
expect_eq "the details form, refused then cancelled, changed nothing" \
	"$(yaml_get "$TMP/details.yaml" organisation)" ""

# --- an action whose row the content no longer has keeps it when edited ---
cat > "$TMP/kept.yaml" << 'YAML'
meetlat_session: 1
title: "bewaard"
content: {id: e2e-score-only}
position: 1
actions:
  - {text: "Oude actie", dimension: verdwenen-rij, owner: "An", done: false}
YAML
start 100 30 -c "$content" "$TMP/kept.yaml"
wait_step 1/5
keys Escape
keys A
wait_for "Oude actie"
keys Enter
wait_for "Edit the action"
keys End
type_text " (bijgewerkt)"
keys Enter
wait_gone "Edit the action"
keys Escape q
wait_exit
expect_eq "the edited action's text is saved" \
	"$(yaml_get "$TMP/kept.yaml" actions.0.text)" "Oude actie (bijgewerkt)"
expect_eq "the edited action keeps the row the content no longer has" \
	"$(yaml_get "$TMP/kept.yaml" actions.0.dimension)" "verdwenen-rij"

# --- too small to draw on: the notice says so, and q still quits ---
start 30 10 -c "$content" "$TMP/small.yaml"
wait_for "40x12"
check "the notice says q quits" on_screen "q quits"
keys q
wait_exit
expect_eq "q quits below the minimum size" "$(exit_status)" 0

# --- a locale without UTF-8: the screen is drawn in ASCII ---
E2E_ENV="LANG=C LC_ALL=C" start 100 30 "$TMP/ascii.yaml"
wait_step 1/23
keys Escape l l l l l l l l
wait_step 9/23
check "the chapters are drawn (in ASCII)" \
	on_screen "Elien Vanhaesebroeck"
check "the progress bar is ASCII" on_screen_re '9/23 #+-+ '
check "no UTF-8 byte reaches the terminal" sh -c "! tmux -L $TMUX_SOCKET capture-pane -p -t $CUR | LC_ALL=C grep -q '[^ -~]'"
keys q
wait_exit

# --- the start screen notices a terminal that goes away without SIGHUP ---
E2E_SETSID=1 start 100 30
wait_for "a new session"
get_pid
tm kill-server
CUR=
e2e_reap 15 || fail "the start screen did not end when its terminal went away"
pass "the start screen ends when its terminal goes away without SIGHUP"

# --- a full disk: NOT SAVED, q warns, a second q quits, and the work is in a rescue copy ---
mnt=$TMP/mnt
mkdir "$mnt"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=64k tmpfs "$mnt" 2> /dev/null; then
	echo "SKIP: recovery: the full-disk part needs root and permission to mount a tmpfs"
	finish
fi
trap 'umount "$mnt" 2> /dev/null; e2e_cleanup' EXIT
E2E_ENV="XDG_RUNTIME_DIR=$TMP/runtime" start 100 30 -c "$content" "$mnt/vol.yaml"
mkdir -p "$TMP/runtime"
wait_step 1/5
keys Escape 2
wait_for "1 vote"
dd if=/dev/zero of="$mnt/filler" bs=4096 2> /dev/null
keys 3
wait_for "NOT SAVED"
keys q
wait_for "q again quits"
get_pid
check "one q does not quit while NOT SAVED" alive "$PID"
keys q
wait_exit
expect_eq "the program ends with status 1 (not saved)" "$(exit_status)" 1
expect_eq "the session file keeps what was saved before the disk filled up" \
	"$(yaml_get "$mnt/vol.yaml" scores.alfa.votes)" "[2]"
rescued=$(find "$TMP/runtime" -name 'vol.rescued-*.yaml')
[ -n "$rescued" ] || fail "no rescue copy in \$XDG_RUNTIME_DIR"
expect_eq "the rescue copy holds every vote" "$(yaml_get "$rescued" scores.alfa.votes)" "[2, 3]"
umount "$mnt"
finish
