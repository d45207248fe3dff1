# tests/e2e/lib/phones.sh - phones on the loopback address and the QR code on the screen, for
# the scripts of phone voting (sourced after tmux.sh; not a test itself).
#   facilitator         starts meetlat at 80x24 on a new session ($file) of four scoring rows
#                       ($content), voting on 127.0.0.1 (a free port; the address to $urlf),
#                       as $FAC, and waits for its first save
#   open_voting         presses v in the current program, waits for the phones' box and sets
#                       url, the address meetlat wrote to $urlf
#   join N              phone N (curl, its cookie in its own jar) opens the page at $url;
#                       sets SERIAL, the open row's
#   vote N PHASE        phone N taps PHASE; prints the HTTP status
#   qr_reader           true when zbarimg is installed (else the scripts say they skip it)
#   qr_reads_back URL   the half blocks on the current program's screen, rasterised (ink
#                       dark, the rest light), are read by zbarimg as URL

# shellcheck disable=SC2154 # url: the phones' address, set by the script that sources this
command -v curl > /dev/null 2>&1 || fail "curl is needed (apt-get install curl)"

facilitator() {
	content=$TMP/content.yaml
	grep -v 'kind: summary' "$FIXTURES/score-only.yaml" > "$content"
	"$MEETLAT" --check "$content" > /dev/null 2>&1 || fail "meetlat --check rejects $content"
	file=$TMP/s.yaml
	urlf=$TMP/url
	start 80 24 -c "$content" --listen 127.0.0.1:0 --url-file "$urlf" "$file"
	FAC=$CUR
	wait_step 1/4
	e2e_poll 5 test -s "$file" || fail "meetlat did not save the new session"
}

open_voting() {
	keys v
	wait_for "Vote on your phone"
	e2e_poll 5 test -s "$urlf" || fail "the address was not written to --url-file"
	url=$(cat "$urlf")
}

join() {
	curl -s -m 5 -c "$TMP/jar$1" -b "$TMP/jar$1" -o "$TMP/page$1" "$url" || fail "phone $1 could not join"
	SERIAL=$(sed -n 's/.*name="row" value="\([0-9]*\)".*/\1/p' "$TMP/page$1" | head -n 1)
	[ -n "$SERIAL" ] || fail "phone $1 got no open row"
}

vote() {
	curl -s -m 5 -o /dev/null -w '%{http_code}' -c "$TMP/jar$1" -b "$TMP/jar$1" \
		-d "row=$SERIAL&phase=$2" "$url"
}

qr_reader() {
	command -v zbarimg > /dev/null 2>&1
}

qr_reads_back() {
	screen > "$TMP/cap.txt"
	"$PYTHON" - "$TMP/cap.txt" "$TMP/cap.pgm" << 'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
width, scale = max(len(l) for l in lines), 4
rows = []
for l in lines:
    l = l.ljust(width)
    rows.append([c in "▀█" for c in l])
    rows.append([c in "▄█" for c in l])
with open(sys.argv[2], "wb") as f:
    f.write(b"P5 %d %d 255\n" % (width * scale, len(rows) * scale))
    for r in rows:
        line = bytes(0 if dark else 255 for dark in r for _ in range(scale))
        f.write(line * scale)
PY
	[ "$(zbarimg -q --raw "$TMP/cap.pgm" 2> /dev/null)" = "$1" ]
}
