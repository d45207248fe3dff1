"""vote_browser.py URL ARTEFACT ROOMFD - drives headless Chromium on the phone-vote page through
the DevTools protocol over a pipe (--remote-debugging-pipe: no port is opened), for
tests/cli/vote-browser.sh (not a test itself).

At phone size (390x844): with JavaScript off it opens URL, saves a screenshot to ARTEFACT and
taps the button of phase 3 (a real mouse press and release: the page's plain form posts); with
JavaScript on it opens URL again and taps phase 2, then writes "open r2" to the room's command
fd ROOMFD and waits for the page to follow to the next row by itself, and taps phase 4 there.
Prints "result NAME VALUE" lines for the shell to check; exits 1 when the browser fails.
Chromium reaches nothing but the loopback URL: a dead proxy for everything else, no host
resolution, no background networking, updates, sync or metrics."""
import base64, json, os, select, subprocess, sys, tempfile, time

URL, ARTEFACT, ROOMFD = sys.argv[1], sys.argv[2], int(sys.argv[3])
# What the page says once it has a vote (the tests run in English).
CONFIRMED = "Your vote has been received"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=390,844",
         "--remote-debugging-pipe", "--no-first-run", "--no-default-browser-check",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--disable-domain-reliability",
         "--disable-client-side-phishing-detection", "--metrics-recording-only",
         "--disable-breakpad", "--disable-features=Translate,OptimizationHints,MediaRouter",
         "--proxy-server=http://127.0.0.1:9",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]


class Browser:
    """One Chromium, its pipe and the page session."""

    def __init__(self, profile):
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def fds():
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)
        self.proc = subprocess.Popen(["chromium", "--user-data-dir=" + profile] + FLAGS +
                                     ["about:blank"], preexec_fn=fds, pass_fds=(3, 4),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buf, self.next_id, self.events, self.session = b"", 0, [], None

    def read_message(self, deadline):
        """The next message from the browser, or None at the deadline."""
        while b"\0" not in self.buf:
            left = deadline - time.time()
            if left <= 0 or not select.select([self.from_chrome], [], [], left)[0]:
                return None
            chunk = os.read(self.from_chrome, 65536)
            if not chunk:
                return None
            self.buf += chunk
        raw, self.buf = self.buf.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, params=None, timeout=20, session=True):
        """Sends METHOD and returns its result (raises on an error or a timeout)."""
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(msg).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            m = self.read_message(deadline)
            if m is None:
                raise RuntimeError("no answer to " + method)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(method + ": " + json.dumps(m["error"]))
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, method, timeout=20):
        """Waits for the event METHOD (seen since the last wait or now)."""
        deadline = time.time() + timeout
        while True:
            for i, m in enumerate(self.events):
                if m.get("method") == method:
                    del self.events[i]
                    return m
            m = self.read_message(deadline)
            if m is None:
                raise RuntimeError("no event " + method)
            self.events.append(m)

    def evaluate(self, expression):
        """The value of EXPRESSION in the page."""
        r = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        return r.get("result", {}).get("value")

    def text_with(self, needle, timeout=8):
        """The page's text once it holds NEEDLE (the page after a tap may still be loading when
        the tap's load event is seen: a reload the page made by itself fires one too), or the
        text at TIMEOUT."""
        deadline = time.time() + timeout
        while True:
            try:
                text = self.evaluate("document.body.innerText") or ""
            except RuntimeError:
                text = ""  # the page is being replaced
            if needle in text or time.time() >= deadline:
                return text
            time.sleep(0.1)

    def open(self, url):
        """Loads URL and waits until it has loaded."""
        self.events.clear()
        self.call("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")

    def tap(self, phase):
        """Taps the button of PHASE as a finger would and waits for the page that follows."""
        rect = self.evaluate("(function(){var b=document.querySelector("
                             "'button[name=phase][value=\"%d\"]');if(!b)return null;"
                             "b.scrollIntoView();var r=b.getBoundingClientRect();"
                             "return [r.left+r.width/2,r.top+r.height/2];})()" % phase)
        if not rect:
            raise RuntimeError("no button for phase %d" % phase)
        self.events.clear()
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": rect[0], "y": rect[1],
                                                   "button": "left", "clickCount": 1})
        self.wait_event("Page.loadEventFired")

    def close(self):
        try:
            self.call("Browser.close", session=False, timeout=5)
        except RuntimeError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def result(name, value):
    print("result", name, value, flush=True)


def main():
    profile = tempfile.mkdtemp(prefix="chromium-", dir=os.environ.get("TMPDIR", "/tmp"))
    b = Browser(profile)
    try:
        target = b.call("Target.createTarget", {"url": "about:blank"}, session=False)
        b.session = b.call("Target.attachToTarget", {"targetId": target["targetId"],
                                                     "flatten": True}, session=False)["sessionId"]
        b.call("Page.enable")
        b.call("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844,
                                                      "deviceScaleFactor": 1, "mobile": True})
        # without JavaScript: the plain form
        b.call("Emulation.setScriptExecutionDisabled", {"value": True})
        b.open(URL)
        shot = b.call("Page.captureScreenshot", {"format": "png"})["data"]
        with open(ARTEFACT, "wb") as f:
            f.write(base64.b64decode(shot))
        b.tap(3)
        result("nojs_text", json.dumps(b.text_with(CONFIRMED)))
        result("nojs_chosen", b.evaluate("document.querySelector('button[aria-pressed=true]')"
                                         ".value"))
        # with JavaScript: the page follows the open row by itself
        b.call("Emulation.setScriptExecutionDisabled", {"value": False})
        b.open(URL)
        b.tap(2)
        result("js_chosen", b.evaluate("document.querySelector('button[aria-pressed=true]')"
                                       ".value"))
        before = b.evaluate("document.querySelector('input[name=row]').value")
        os.write(ROOMFD, b"open r2\n")
        after = before
        deadline = time.time() + 8
        while time.time() < deadline and after == before:
            time.sleep(0.25)
            try:
                after = b.evaluate("(document.querySelector('input[name=row]')||{}).value")
            except RuntimeError:
                pass  # the page is being replaced
        result("followed", "yes" if after != before else "no")
        b.tap(4)
        result("js_text", json.dumps(b.text_with(CONFIRMED)))
    except RuntimeError as e:
        print("vote_browser:", e, file=sys.stderr)
        return 1
    finally:
        b.close()
        subprocess.run(["rm", "-rf", profile])
    return 0


sys.exit(main())
