# SPDX-License-Identifier: Apache-2.0
"""A small W3C WebDriver client over the standard library, for driving
Debian's headless Chromium through chromedriver in the report tests and the
report benchmark: open a page, run scripts, type, click and drag with real
pointer events, take screenshots. Talks only to a chromedriver it starts
on the loopback interface; the browser fetches nothing (file: pages, and
flags that turn off its own network traffic)."""
import base64
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-default-apps", "--disable-extensions", "--hide-scrollbars"]


class WebDriverError(Exception):
    pass


def available():
    """True when chromium and chromedriver are both installed."""
    return bool(shutil.which("chromedriver")) and bool(shutil.which("chromium"))


class Browser:
    """One chromedriver and one headless Chromium session with a fresh
    profile; close() ends both."""

    def __init__(self, width=1280, height=900):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.profile = tempfile.mkdtemp(prefix="cnkg-chromium.")
        self.driver = subprocess.Popen(
            [shutil.which("chromedriver"), "--port=%d" % self.port],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.session = None
        deadline = time.time() + 30
        while True:
            try:
                if self._call("GET", "/status")["ready"]:
                    break
            except (OSError, WebDriverError):
                pass
            if time.time() > deadline or self.driver.poll() is not None:
                self.close()
                raise WebDriverError("chromedriver did not start")
            time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": shutil.which("chromium"),
                "args": FLAGS + ["--user-data-dir=" + self.profile,
                                 "--window-size=%d,%d" % (width, height)]}}}}
        try:
            self.session = self._call("POST", "/session", caps)["sessionId"]
        except Exception:
            self.close()
            raise

    def _call(self, method, path, body=None, timeout=120):
        url = "http://127.0.0.1:%d%s" % (self.port, path)
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return json.loads(r.read().decode())["value"]
        except urllib.error.HTTPError as e:
            try:
                v = json.loads(e.read().decode())["value"]
                raise WebDriverError("%s: %s" % (v.get("error"), v.get("message", "")[:500]))
            except (ValueError, KeyError):
                raise WebDriverError("HTTP %d on %s" % (e.code, path))

    def _s(self, method, path, body=None):
        return self._call(method, "/session/%s%s" % (self.session, path), body)

    def get(self, url):
        self._s("POST", "/url", {"url": url})

    def run(self, script, *args):
        """Runs script (a function body; arguments[i] are args) and returns
        its value."""
        return self._s("POST", "/execute/sync", {"script": script, "args": list(args)})

    def wait(self, script, timeout=10.0, *args):
        """Polls script until it returns a true value; returns it."""
        deadline = time.time() + timeout
        while True:
            v = self.run(script, *args)
            if v:
                return v
            if time.time() > deadline:
                raise WebDriverError("timed out waiting for: " + script)
            time.sleep(0.05)

    def find(self, css):
        return self._s("POST", "/element", {"using": "css selector", "value": css})[ELEMENT]

    def click(self, css):
        self._s("POST", "/element/%s/click" % self.find(css), {})

    def type(self, css, text):
        """Sends keys to the element; \\ue007 is Enter, \\ue015 ArrowDown."""
        self._s("POST", "/element/%s/value" % self.find(css), {"text": text})

    def keys(self, text):
        """Key presses to whatever has the focus."""
        acts = []
        for ch in text:
            acts += [{"type": "keyDown", "value": ch}, {"type": "keyUp", "value": ch}]
        self._s("POST", "/actions", {"actions": [{"type": "key", "id": "kb", "actions": acts}]})

    def pointer(self, steps):
        """Mouse actions at viewport coordinates: a list of ("move", x, y),
        ("down",), ("up",) or ("pause", ms)."""
        acts = []
        for s in steps:
            if s[0] == "move":
                acts.append({"type": "pointerMove", "duration": 50, "origin": "viewport",
                             "x": int(s[1]), "y": int(s[2])})
            elif s[0] == "down":
                acts.append({"type": "pointerDown", "button": 0})
            elif s[0] == "up":
                acts.append({"type": "pointerUp", "button": 0})
            else:
                acts.append({"type": "pause", "duration": s[1]})
        self._s("POST", "/actions", {"actions": [{
            "type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
            "actions": acts}]})
        self._s("DELETE", "/actions")

    def screenshot(self, path):
        with open(path, "wb") as f:
            f.write(base64.b64decode(self._s("GET", "/screenshot")))

    def close(self):
        if self.session:
            try:
                self._s("DELETE", "")
            except Exception:
                pass
            self.session = None
        if self.driver.poll() is None:
            self.driver.terminate()
            try:
                self.driver.wait(10)
            except subprocess.TimeoutExpired:
                self.driver.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
