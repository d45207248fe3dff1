#!/bin/sh
# vote-http.sh - issue 13: the phone-vote server as curl sees it (loopback only): joining sets
# the device's cookie, a vote (the page's own form, posted as a browser without JavaScript
# does) is printed once as an event, a changed vote replaces it, the page confirms in English
# and Dutch, closed and earlier rows refuse votes, only the room's own paths answer, the
# security headers are there, and nothing listens once voting closes.
# Needs BUILD (the test tools), as tests/run-all sets it, and curl.
. "$(dirname "$0")/lib/cli.sh"
. "$(dirname "$0")/lib/vote.sh"
needs BUILD
command -v curl > /dev/null 2>&1 || die "curl is not installed (Debian: apt-get install curl)"

jar="$work/jar"
# fetch NAME ARGS... - curl into $work/NAME.head and NAME.body; prints the status
fetch() {
	fetch_name=$1
	shift
	curl -s -m 5 --path-as-is -D "$work/$fetch_name.head" -o "$work/$fetch_name.body" \
		-w '%{http_code}' "$@"
}
# header NAME FIELD - the value of FIELD in $work/NAME.head
header() {
	tr -d '\r' < "$work/$1.head" | sed -n "s/^$2: //Ip" | head -1
}
# form_post NAME PAGE PHASE - submits the form of the page $work/PAGE.body as a browser does
# when the button of PHASE is tapped: to its action, with its hidden field and that button
form_post() {
	action=$(sed -n 's/.*<form method="post" action="\([^"]*\)".*/\1/p' "$work/$2.body")
	row=$(sed -n 's/.*<input type="hidden" name="row" value="\([0-9]*\)".*/\1/p' "$work/$2.body")
	grep -qF "<button name=\"phase\" value=\"$3\"" "$work/$2.body" || return 1
	fetch "$1" -b "$jar" -c "$jar" -H 'Content-Type: application/x-www-form-urlencoded' \
		--data-raw "row=$row&phase=$3" "$base$action"
}

room_start 127.0.0.1:0
check "the room's URL is http://127.0.0.1:PORT/CODE" \
	sh -c "echo '$url' | grep -qE '^http://127\.0\.0\.1:[0-9]+/[2-9a-hjkmnp-z]{7}$'"

# joining
check "joining answers 200" test "$(fetch join -c "$jar" "$url")" = 200
check "the join sets a token of 32 hex digits" \
	grep -qE "	meetlat	[0-9a-f]{32}$" "$jar"
cookie=$(header join Set-Cookie)
check "the cookie is HttpOnly, SameSite=Lax, for /CODE only" \
	sh -c "echo '$cookie' | grep -q 'Path=/$code;' && echo '$cookie' | grep -q 'HttpOnly' && echo '$cookie' | grep -q 'SameSite=Lax'"
csp=$(header join Content-Security-Policy)
check "the page forbids all but its own (CSP default-src 'none', no 'unsafe')" \
	sh -c "echo \"$csp\" | grep -q \"^default-src 'none'; \" && ! echo \"$csp\" | grep -q unsafe"
check "X-Content-Type-Options: nosniff" test "$(header join X-Content-Type-Options)" = nosniff
check "Referrer-Policy: no-referrer" test "$(header join Referrer-Policy)" = no-referrer
check "Cache-Control: no-store" test "$(header join Cache-Control)" = no-store
check "the page is in the row's language" grep -qF '<html lang="nl">' "$work/join.body"
check "the row's name is escaped" grep -qF '<h1>Beleid &lt;&amp; &quot;social&quot;&gt;</h1>' "$work/join.body"
check "a behaviour text is escaped" grep -qF 'Losse afspraken &lt;b&gt;per team&lt;/b&gt;.' "$work/join.body"
check "the page has four buttons" test "$(grep -c '<button name="phase"' "$work/join.body")" -eq 4
check "the page loads nothing from elsewhere" sh -c "! grep -qiE 'src=|href=|@import|url\(' '$work/join.body'"

# voting through the page's form, as without JavaScript
check "a tap posts and is sent back to the page (303)" test "$(form_post vote1 join 3)" = 303
check "... to the room's own page" test "$(header vote1 Location)" = "/$code"
check "the vote is printed once" room_wait_votes 1
check "... as row r1, phase 3, replacing nothing" test "$(room_votes)" = "vote r1 3 0"
check "the page confirms the vote" test "$(fetch page1 -b "$jar" "$url")" = 200
check "... 'Your vote has been received: phase 3'" grep -qF 'Your vote has been received: phase 3' "$work/page1.body"
check "... and marks the button chosen" grep -qF 'value="3" aria-pressed="true"' "$work/page1.body"
check "the state says the open row and this phone's vote" \
	sh -c "curl -s -m 5 -b '$jar' '$url/state' | grep -qE '^\{\"key\":\"[0-9]+\",\"vote\":3\}$'"
check "changing the vote posts again (303)" test "$(form_post vote2 page1 1)" = 303
check "the change replaces the earlier vote" room_wait_votes 2
check "... printed as phase 1 replacing 3" test "$(room_votes | tail -1)" = "vote r1 1 3"
check "curl -L follows to the confirmed page" \
	sh -c "curl -s -m 5 -L -b '$jar' -c '$jar' --data-raw \"row=\$(sed -n 's/.*name=\"row\" value=\"\([0-9]*\)\".*/\1/p' '$work/page1.body')&phase=2\" '$url' | grep -qF 'Your vote has been received: phase 2'"
room_wait_votes 3
check "a vote without a token is not counted: the page again, with a cookie" \
	test "$(fetch anon --data-raw 'row=1&phase=2' "$url")" = 200
check "... saying so" grep -qF 'Your phone was not known yet' "$work/anon.body"
check "... with a new token" sh -c "echo '$(header anon Set-Cookie)' | grep -qE '^meetlat=[0-9a-f]{32};'"

# only the room's own paths
for path in / /favicon.ico "/$code/../$code" "/$code/x" "/${code}x" /../etc/passwd \
	"/$code/%2e%2e/" "/$(echo "$code" | tr a-z A-Z)"; do
	check "GET $path is not found" test "$(fetch nf "$base$path")" = 404
done
check "a 404 sets no cookie" sh -c "! grep -qi '^set-cookie' '$work/nf.head'"
check "a 404 has the security headers too" test "$(header nf X-Content-Type-Options)" = nosniff
check "DELETE on the page is not allowed" test "$(fetch del -X DELETE -b "$jar" "$url")" = 405
big=$(head -c 1500 /dev/zero | tr '\0' 'x')
check "a body over 1 KB is refused (413)" \
	test "$(fetch big -b "$jar" --data-raw "row=1&phase=2&x=$big" "$url")" = 413

# closed, and the next row
room_do keep
room_do close
check "with voting closed a vote is refused (409)" test "$(form_post closed page1 4)" = 409
check "... saying 'Voting is closed.'" grep -qF 'Voting is closed.' "$work/closed.body"
check "... and no vote is printed" test "$(room_votes | wc -l)" -eq 3
check "the page says it waits" sh -c "curl -s -m 5 -b '$jar' '$url' | grep -qF 'Waiting for the next question'"
room_do "open r2"
check "a vote from the earlier row's page is refused (409)" test "$(form_post stale page1 2)" = 409
check "... saying that question has closed" grep -qF 'That question has closed' "$work/stale.body"
check "the next row's page takes a vote" test "$(form_post next stale 2)" = 303
room_wait_votes 4
check "... printed for r2, replacing nothing" test "$(room_votes | tail -1)" = "vote r2 2 0"

room_do nokeep
room_do close
curl -s -m 2 -o /dev/null "$url"
check "with voting closed and the page not kept, nothing listens (curl: connection refused)" test $? -eq 7
room_stop

# Dutch
rm -f "$work/room.url" "$work/room.in"
room_start 127.0.0.1:0 nl
jar="$work/jar-nl"
fetch nl -c "$jar" "$url" > /dev/null
check "in Dutch the page says how to vote" grep -qF 'Tik op de fase die het best past.' "$work/nl.body"
form_post nl-vote nl 3 > /dev/null
curl -s -m 5 -b "$jar" "$url" > "$work/nl2.body"
check "in Dutch it confirms: 'Je stem is ontvangen: fase 3'" grep -qF 'Je stem is ontvangen: fase 3' "$work/nl2.body"
room_stop
finish vote-http "the vote server answers curl as a phone's browser"
