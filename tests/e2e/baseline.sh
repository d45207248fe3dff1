#!/bin/sh
# baseline.sh - issue 14: a session that follows an earlier one (meetlat --baseline). The
# earlier session (written here in the session format) left three actions open; the first
# step lists them (owner, due, the overdue one marked); one is marked done, one carried over,
# one dropped, and the new session file records exactly that, the earlier file untouched.
# The row shows last time's phases, the summary how they moved (↑ ↓ =); resuming shows the
# same decisions, and --review shows them without letting them change.
. "$(dirname "$0")/lib/tmux.sh"

earlier=$TMP/nulmeting.yaml
file=$TMP/vervolg.yaml
cat > "$earlier" << 'EOF'
meetlat_session: 1
title: "Nulmeting"
organisation: "Gemeente Voorbeeld"
group: "Team communicatie"
date: 2026-01-15
content: {id: sociale-media-almanak}
scores:
  content:
    current: 2
    target: 3
  customer-experience:
    current: 3
    target: 4
actions:
- {text: "Webcarebeleid schrijven", owner: "Anna", due: 2026-03-01, done: false}
- {text: "Team trainen", dimension: conversatie, owner: "Bram", due: 2099-01-01, done: false}
- {text: "Al gedaan", owner: "", done: true}
- {text: "Nieuwsbrief stoppen", owner: "Cor", done: false}
EOF
before=$(cksum < "$earlier")

start 80 24 --baseline "$earlier" "$file"
wait_for "Last time's actions"
check "the first step is last time's actions (1/24)" at_step 1/24
check "it names the earlier session" on_screen "Compared with last time: “Nulmeting”, 15 Jan 2026"
check "it lists the three open ones, not the one done" \
	eval 'on_screen "Webcarebeleid schrijven" && on_screen "Team trainen" &&
	      on_screen "Nieuwsbrief stoppen" && off_screen "Al gedaan"'
check "with owner and due date, the overdue one marked" \
	eval 'on_screen "Anna, due 1 Mar 2026, overdue" && on_screen "Bram, due 1 Jan 2099"'

keys d
wait_for "[done]"
keys m
wait_for "[carried over]"
keys x
wait_for "[dropped]"
check "all three decided" on_screen "3 actions were left open; 0 still to decide."
soon saved_with "[dropped]" || fail "the decisions are saved"
check "the file records exactly: done, carried (by action 1), dropped" yaml_ok "$file" '
d["followed_up"] == [
 {"text": "Webcarebeleid schrijven", "owner": "Anna", "due": __import__("datetime").date(2026, 3, 1), "outcome": "done"},
 {"text": "Team trainen", "dimension": "conversatie", "owner": "Bram", "due": __import__("datetime").date(2099, 1, 1), "outcome": "carried", "action": 1},
 {"text": "Nieuwsbrief stoppen", "owner": "Cor", "outcome": "dropped"}]'
check "the file names the baseline by its path and sha256" yaml_ok "$file" '(
d["baseline"]["path"] == "nulmeting.yaml" and len(d["baseline"]["sha256"]) == 64)'
check "carrying over made one action of this session, named after its origin" yaml_ok "$file" '(
[a["text"] for a in d["actions"]] == ["Team trainen (from 15 Jan 2026)"] and
d["actions"][0]["owner"] == "Bram" and d["actions"][0]["dimension"] == "conversatie")'
expect_eq "the earlier session's file is untouched" "$(cksum < "$earlier")" "$before"

# The row 'content' was 2 -> 3 last time; now 3 -> 3: up, and the same.
for _ in $(seq 1 30); do
	on_screen "Score: content" && break
	keys l
	settle
done
wait_for "last time: 2 → 3"
keys c 3 t 3
wait_for "Agreed:"
keys s
wait_for "Summary"
check "the summary names what it compares with" on_screen "Compared with last time:"
check "the row content moved up (current) and stayed (target): ↑ =" on_screen_re "content .*↑ =  2→3"
check "customer experience, not agreed now, shows no movement" \
	on_screen_re "customer experience .*- -  3→4"
keys Escape
wait_gone "Summary"
keys q
wait_exit
expect_eq "q exits with status 0" "$(exit_status)" 0

# Resuming shows the same decisions; the step is still first.
start 80 24 "$file"
wait_for "Score: content"
keys g
wait_for "Last time's actions"
check "resumed: the decisions are shown as they were" \
	eval 'on_screen "[done]" && on_screen "[carried over]" && on_screen "[dropped]"'
soon saved_with "[dropped]" || fail "the position is saved"
get_pid
kill -KILL "$PID"
wait_exit

# Killed, it resumes as after any stop (the session was opened twice for the step to come
# first: the lock left behind is still noticed).
start 80 24 "$file"
wait_for "Resumed after an unexpected stop; nothing was lost."
pass "after kill -9 a follow-up says it resumed after an unexpected stop"
keys q
wait_exit

# --review shows them and lets nothing change (at 100x30, where the refusal fits the status
# line: at 80x24 a message wrapped above it is painted only with the next change).
start 100 30 --review "$file"
wait_for "Last time's actions" # where the walk above ended
keys x
wait_for "Read-only review"
check "in --review the decisions stay as they were" yaml_ok "$file" '
[f["outcome"] for f in d["followed_up"]] == ["done", "carried", "dropped"]'
keys q
wait_exit

# A baseline that has gone is named in one line, and nothing else changes.
mv "$earlier" "$TMP/weg.yaml"
start 80 24 "$file"
wait_for "is missing: nothing is compared"
pass "a missing baseline is named in the status line"
keys q
wait_exit
expect_eq "the session still names it" "$(yaml_get "$file" baseline.path)" "nulmeting.yaml"
finish
