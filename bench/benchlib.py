"""bench/benchlib.py - what the bench scripts share (imported, not run: make bench runs only
the executable files of bench/).

Runs a meetlat binary on a pseudo-terminal of a fixed size, types keys, times what it answers,
reads its CPU time and its own peak memory, and writes the session files the benchmarks use.
The binary is $MEETLAT, else the release build ./meetlat (built with `make` when missing)."""
import fcntl, os, pty, select, statistics, struct, subprocess, tempfile, termios, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLS, ROWS = 100, 30


def read_some(fd):
    """Returns what FD has to read now (up to 64 KiB), or b"" at its end or on an error."""
    try:
        return os.read(fd, 65536)
    except OSError:
        return b""


def binary():
    """Returns the meetlat binary to measure, building ./meetlat when it is the one and missing."""
    path = os.environ.get("MEETLAT") or os.path.join(ROOT, "meetlat")
    if not os.environ.get("MEETLAT") and not os.path.exists(path):
        subprocess.run(["make", "-C", ROOT], check=True, stdout=subprocess.DEVNULL)
    return os.path.abspath(path)


def environment(home):
    """Returns the pinned environment of a run (HOME and XDG_DATA_HOME in HOME)."""
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8",
               HOME=home, XDG_DATA_HOME=home, TZ="UTC")
    for name in ("NO_COLOR", "COLUMNS", "LINES", "TMUX"):
        env.pop(name, None)
    return env


def spawn(argv, env, typed=b""):
    """Starts ARGV on a new pseudo-terminal of COLS x ROWS, with TYPED already waiting as
    input; returns (pid, fd of the terminal's other end)."""
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        os.execve(argv[0], argv, env)
    if typed:
        os.write(fd, typed)
    return pid, fd


def drain(fd, until=None, quiet=0.05, limit=60.0, answer=False):
    """Reads output until it holds UNTIL (if given; with ANSWER, at least one byte) and then
    stays quiet for QUIET seconds; returns (the bytes, the seconds until the last byte)."""
    data, start = b"", time.monotonic()
    last = start
    while time.monotonic() - start < limit:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            if (until is None or until in data) and (data or not answer):
                break
            continue
        chunk = read_some(fd)
        if not chunk:
            break
        data += chunk
        last = time.monotonic()
    return data, last - start


def press(fd, keys, until=None, quiet=0.05):
    """Sends KEYS; returns (the bytes written in answer, the seconds until the answer ended)."""
    os.write(fd, keys)
    return drain(fd, until, quiet, answer=bool(keys))


def finish(pid, fd, keys=b"q"):
    """Sends KEYS (quit), reads the rest and reaps PID; returns (exit status, its rusage)."""
    try:
        os.write(fd, keys)
        drain(fd, quiet=0.1, limit=30)
    except OSError:
        pass
    _, status, usage = os.wait4(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), usage


def cpu_seconds(pid):
    """Returns the CPU time PID has used so far (user and system), in seconds: from
    /proc/PID/schedstat (nanoseconds) when the kernel has it, else /proc/PID/stat (ticks)."""
    try:
        with open(f"/proc/{pid}/schedstat") as f:
            return int(f.read().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_memory_until_exit(pid, fd, exe):
    """Returns the peak memory (VmHWM, KiB) of PID once it runs EXE (not the copy of Python
    it was forked from), read from /proc/PID/status until it exits, reading its terminal's
    output (FD) meanwhile so that it never waits on a full terminal."""
    peak = 0
    while True:
        try:
            if os.readlink(f"/proc/{pid}/exe") != exe:
                continue
            with open(f"/proc/{pid}/status") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
        except OSError:
            return peak
        if "VmHWM" not in fields or fields.get("State", "").strip().startswith("Z"):
            return peak
        peak = max(peak, int(fields["VmHWM"].split()[0]))
        if select.select([fd], [], [], 0.001)[0]:
            read_some(fd)


def answer_times(fd, key, gap=0.0003, quiet=0.2):
    """Sends KEY; returns (the seconds until the answer was on the screen, the seconds until
    the output ended). The answer is the output up to its first pause of GAP seconds: meetlat
    paints the change, then saves the session durably (an fsync of the file and one of its
    folder, each longer than GAP on a disk), then paints the save state."""
    start = time.monotonic()
    os.write(fd, key)
    answered = last = None
    while True:
        ready, _, _ = select.select([fd], [], [], gap if answered is None and last else quiet)
        if not ready:
            if last is None:
                continue
            if answered is None:
                answered = last
                continue
            break
        chunk = read_some(fd)
        if not chunk:
            break
        last = time.monotonic()
    return (answered or last) - start, last - start


def key_latency(fd, keys, repeat, between=None):
    """Types each key of KEYS in turn REPEAT times in all (BETWEEN, if given, after each one,
    not timed) and returns the medians of the seconds from a key to its answer on the screen
    and to the end of all it wrote (the save state shown after the save)."""
    answers, ends = [], []
    for i in range(repeat):
        answered, ended = answer_times(fd, keys[i % len(keys):i % len(keys) + 1])
        answers.append(answered)
        ends.append(ended)
        if between:  # its save done (a large one takes tens of ms) before the next key
            press(fd, between, quiet=0.3)
    return statistics.median(answers), statistics.median(ends)


def new_session(bin_path, folder, name="s.yaml"):
    """Makes a new session file in FOLDER with BIN_PATH (start, quit) and returns its path."""
    path = os.path.join(folder, name)
    pid, fd = spawn([bin_path, path], environment(folder), typed=b"q")
    drain(fd, quiet=0.2, limit=30)
    finish(pid, fd, b"")
    if not os.path.exists(path):
        raise SystemExit(f"bench: {bin_path} made no session file {path}")
    return path


def quoted(text):
    """Returns TEXT as a double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_session(path, position, actions=(), timings=(), scores=""):
    """Rewrites the session file at PATH (made by new_session) to resume at POSITION with the
    ACTIONS (text, dimension, owner, due, done), the TIMINGS (step id, seconds) and the
    SCORES (YAML text of the mapping's entries, indented by two spaces)."""
    with open(path) as f:
        lines = f.read().splitlines()
    out = []
    for line in lines:
        key = line.split(":", 1)[0]
        if key == "position":
            out.append(f"position: {quoted(position)}")
        elif key == "scores":
            out.append("scores:" + ("\n" + scores.rstrip("\n") if scores else " {}"))
        elif key == "actions":
            out.append("actions:" + ("" if actions else " []"))
            out.extend(f"  - {{ text: {quoted(t)}, dimension: {d}, owner: {quoted(o)}, "
                       f"due: {due}, done: {'true' if done else 'false'} }}"
                       for t, d, o, due, done in actions)
        elif key == "timings":
            out.append("timings:" + ("" if timings else " []"))
            out.extend(f"  - {{ step: {quoted(s)}, seconds: {n} }}" for s, n in timings)
        else:
            out.append(line)
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")
    return os.path.getsize(path)


DIMENSIONS = ["content", "customer-experience", "context", "conversatie", "collaboratie"]


def action_text(i, size):
    """Returns the text of action I, SIZE bytes of Dutch-looking words (ASCII)."""
    words = ("Webcare-protocol afspreken met het team communicatie en de afdeling "
             "dienstverlening; evalueren na drie maanden ")
    text = f"Actie {i}: " + words * (size // len(words) + 1)
    return text[:size].rstrip()


def session_2kb(path):
    """Writes a session of about 2 KB at PATH (made by new_session): three rows scored, four
    actions, a few timings; it resumes on the scoring step of row 'content'."""
    scores = ("  content: { votes: [3, 3, 2, 4], current: 3, target: 4, note: \"Veel gedeelde "
              "content, weinig reactie.\" }\n"
              "  context: { votes: [2, 2, 3], current: 2, target: 3 }\n"
              "  conversatie: { votes: [1, 2, 2, 2, 3], current: 2, target: 4 }\n")
    actions = [(action_text(i, 200), DIMENSIONS[i % 5], "Team communicatie", "2027-01-15",
                i % 2 == 0) for i in range(4)]
    timings = [("welcome", 95), ("model", 240), ("phase:1", 180), ("phase:2", 200),
               ("phase:3", 170), ("phase:4", 412), ("table", 300)]
    return write_session(path, "score:content", actions, timings, scores)


def session_largest(path, position="score:content"):
    """Writes the largest session the limits allow at PATH (made by new_session): 10,000
    actions of 1 KB text each; it resumes at POSITION."""
    actions = [(action_text(i, 1024), DIMENSIONS[i % 5], "Team communicatie", "2027-01-15",
                i % 3 == 0) for i in range(10000)]
    return write_session(path, position, actions)


def session_timings(path, position="phase:1"):
    """Writes a session with 10,000 timings at PATH (made by new_session): the agenda's steps
    and 9,990 more of steps the content no longer has (kept, as the format says)."""
    timings = [("welcome", 60), ("model", 60), ("phase:1", 60), ("phase:2", 60)]
    timings += [(f"text:oud-{i:05d}", 30 + i % 600) for i in range(10000 - len(timings))]
    return write_session(path, position, (), timings)


def scratch():
    """Returns a new temporary folder for one benchmark's files."""
    return tempfile.mkdtemp(prefix="meetlat-bench.")
