#!/bin/sh
# hostile.sh - hostile content files are refused with exit status 1 and a located message, in
# bounded time and memory: an alias bomb, a self-referencing alias, 200,000 nested '[', a 64 MiB
# and a 2 MiB text, 1 MiB of binary garbage and a 10 MB file of small nodes; and a large valid
# content loads in time proportional to its size. The files are made
# here, in a temporary directory; the garbage comes from a fixed generator so that a failure
# reproduces.
#
#   MEETLAT=build/san/meetlat PYTHON=/usr/bin/python3 sh tests/cli/hostile.sh
. "$(dirname "$0")/lib/cli.sh"
needs MEETLAT

# Peak memory allowed for one run, in KiB. The sanitized build needs about 580 MiB for the
# 10 MB file (2,000,000 nodes), the release build about 150 MiB.
MAX_KB=1048576

# Writes the hostile files into directory $1.
make_files() {
	"$PYTHON" - "$1" <<'EOF'
import os, sys
d = sys.argv[1]

def write(name, data):
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)

# Billion laughs: nine levels of ten aliases each.
lines = ['lol0: &lol0 "lol"']
for i in range(1, 10):
    lines.append("lol%d: &lol%d [%s]" % (i, i, ", ".join(["*lol%d" % (i - 1)] * 10)))
write("bomb.yaml", ("\n".join(lines) + "\n").encode())
# The same without anchors: only the aliases.
write("aliases.yaml", ("a: [" + ", ".join(["*x"] * 1000) + "]\n").encode())
write("self.yaml", b"a: &a [*a]\n")
write("deep.yaml", b"[" * 200000)
write("deep-map.yaml", b"{a: " * 200000)
with open(os.path.join(d, "huge.yaml"), "wb") as f:
    f.write(b"a: ")
    for _ in range(64):
        f.write(b"x" * (1 << 20))
    f.write(b"\n")
write("long.yaml", b"a: " + b"x" * (2 << 20) + b"\n")
# 1 MiB from a linear congruential generator with a fixed seed.
x, out = 12345, bytearray(1 << 20)
for i in range(len(out)):
    x = (x * 1103515245 + 12345) & 0x7FFFFFFF
    out[i] = (x >> 16) & 0xFF
write("garbage.bin", bytes(out))
# 10,000,000 bytes: 2,500,000 list items of one character each.
write("nodes.yaml", b"- a\n" * 2500000)
EOF
}

# refused FILE SECONDS MESSAGE: --check FILE must stop within SECONDS with status 1, nothing on
# stdout and exactly "FILE:MESSAGE" and the count line "FILE: 1 error" on stderr, within MAX_KB
# of memory.
refused() {
	file=$work/$1
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M -o "$work/kb" timeout "$2" "$MEETLAT" --check "$file" \
			>"$work/out" 2>"$work/err"
	else
		echo 0 >"$work/kb"
		timeout "$2" "$MEETLAT" --check "$file" >"$work/out" 2>"$work/err"
	fi
	status=$?
	[ "$status" -ne 124 ] || fail "$1: still running after $2 s"
	[ "$status" -eq 1 ] || fail "$1: exit status $status, expected 1"
	[ -s "$work/out" ] && fail "$1: unexpected output: $(head -c 200 "$work/out")"
	got=$(cat "$work/err")
	want="$file$3
$file: 1 error"
	[ "$got" = "$want" ] || fail "$1: stderr is: $(printf '%s' "$got" | head -c 300)
          expected: $want"
	kb=$(tail -n 1 "$work/kb")
	case $kb in
	*[!0-9]* | '') fail "$1: no memory figure: $kb" ;;
	*) [ "$kb" -le "$MAX_KB" ] || fail "$1: used $kb KiB, more than $MAX_KB" ;;
	esac
	echo "$1: refused, peak $kb KiB"
}

make_files "$work" || { echo "hostile.sh: cannot make the files" >&2; exit 1; }

refused bomb.yaml 10 ":1:7: anchors (&lol0) are not supported: a text that starts with '&' needs double quotes"
refused aliases.yaml 10 ":1:5: aliases (*x) are not supported: a text that starts with '*' needs double quotes"
refused self.yaml 10 ":1:4: anchors (&a) are not supported: a text that starts with '&' needs double quotes"
refused deep.yaml 10 ":1:65: nesting deeper than the limit of 64 levels"
refused deep-map.yaml 10 ":1:257: nesting deeper than the limit of 64 levels"
refused huge.yaml 10 ": file is larger than the limit of 16777216 bytes"
refused long.yaml 10 ":1:4: text longer than the limit of 1048576 bytes"
refused garbage.bin 10 ":1:2: this is not UTF-8 text (byte 0x04): save the file as UTF-8"
# The sanitized build takes about 5 s for 2,000,000 nodes (the release build under 1 s).
refused nodes.yaml 30 ":2000000:3: too many nodes (the limit is 2000000)"

# Loading grows linearly with the content: a content with every shape that made a naive
# loader quadratic (rows, groups, chapters naming sources, score steps naming rows) is loaded
# at two sizes, 8 times apart. The faster of two runs of each is compared: a linear loader
# takes about 8 times as long for the larger (less, with the start-up), a quadratic one about
# 64 times. The test fails above 24 times, or when the larger one takes more than 60 s.
scaling() {
	"$PYTHON" - "$MEETLAT" "$work" <<'EOF'
import os, subprocess, sys, time
meetlat, d = sys.argv[1], sys.argv[2]

def content(n):
    """N rows in N/2 groups, N/2 sources each named by a chapter, N score steps."""
    lines = ["meetlat_content: 1", "id: scale", "title: Scale", "phases:",
             "  - {number: 1, name: a, summary: s, intro: i}",
             "  - number: 2", "    name: b", "    summary: s", "    intro: i", "    sources:"]
    lines += ["      - {name: bron %d}" % i for i in range(n // 2)]
    lines.append("    chapters:")
    lines += ["      - {title: t, source: bron %d}" % (n // 2 - 1 - i) for i in range(n // 2)]
    lines.append("model:")
    for g in range(n // 2):
        rows = ", ".join("{id: r%d, name: R, behaviour: {1: x, 2: y}}" % r
                         for r in (2 * g, 2 * g + 1))
        lines.append("  - {group: g%d, dimensions: [%s]}" % (g, rows))
    lines.append("agenda:")
    lines += ["  - {kind: score, dimension: r%d}" % (n - 1 - i) for i in range(n)]
    return "\n".join(lines) + "\n"

def fastest(path):
    """The shorter wall time of two runs of --check PATH, which must be valid."""
    best = None
    for _ in range(2):
        start = time.perf_counter()
        done = subprocess.run([meetlat, "--check", path], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, timeout=60)
        if done.returncode != 0:
            sys.exit("scaling: %s refused: %s" % (path, done.stderr.decode()[:300]))
        seconds = time.perf_counter() - start
        best = seconds if best is None else min(best, seconds)
    return best

times = []
for n in (10000, 80000):
    path = os.path.join(d, "scale-%d.yaml" % n)
    with open(path, "w") as f:
        f.write(content(n))
    try:
        times.append(fastest(path))
    except subprocess.TimeoutExpired:
        sys.exit("scaling: %d rows still loading after 60 s" % n)
ratio = times[1] / times[0]
print("scaling: 10,000 rows %.2f s, 80,000 rows %.2f s: %.1f times" % (times[0], times[1], ratio))
sys.exit(0 if ratio <= 24 else "scaling: %.1f times longer for 8 times the content" % ratio)
EOF
}
scaling || fail "loading does not grow linearly"

finish hostile.sh "all hostile inputs refused"
