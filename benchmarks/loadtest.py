"""Deadline-day load driver: officers log in, open their report, save a draft twice and submit, while
coordinators refresh the year overview. Standard library only; run in its own process against a
server on 127.0.0.1 (``manage.py deadline_day`` starts gunicorn, runs this, and checks the database):

    python benchmarks/loadtest.py CONFIG.json RESULT.json

CONFIG: {"base": "http://127.0.0.1:8765", "password": "…", "officers": ["user", …], "coordinators": [...],
"overview": "/reports/1/2026/", "ramp_s": 180, "think_s": [0.5, 2.0], "coordinator_every_s": [2, 5],
"max_requests": 12000, "max_seconds": 600, "seed": 1, "max_concurrency": null,
"sessions": null | {"user": "session key"}, "session_cookie": "sessionid"}

Every officer arrives at a random moment within ``ramp_s`` and thinks ``think_s`` between pages, as a
person reading and typing would. The run is bounded: it stops at ``max_requests`` requests or
``max_seconds`` seconds, whichever comes first. RESULT holds every request's timing and, per officer,
exactly what the last save sent, for the database check.
"""

import http.client
import json
import random
import re
import statistics
import sys
import threading
import time
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')
LINE_STATUS = re.compile(r'name="line-(\d+)-status"')
# A line's status select with its options: "completed" is offered to deadline and period tasks only,
# "done_for_year" to yearly ones (reports.rules.line_statuses).
LINE_SELECT = re.compile(r'name="line-(\d+)-status"[^>]*>(.*?)</select>', re.S)
LINE_QUANTITY = re.compile(r'name="line-(\d+)-quantity_achieved"')
INDICATOR = re.compile(r'name="indicator-(\d+)"')
REPORT_LINK = re.compile(r'href="/reports/(\d+)/"')


class Budget:
    """Shared request and time budget: once spent, every user stops."""

    def __init__(self, max_requests, max_seconds):
        self.max_requests, self.deadline = max_requests, time.monotonic() + max_seconds
        self.used = 0
        self.lock = threading.Lock()
        self.stopped = threading.Event()

    def take(self):
        with self.lock:
            if self.used >= self.max_requests or time.monotonic() > self.deadline:
                self.stopped.set()
                return False
            self.used += 1
            return True


class Stopped(Exception):
    pass


class Browser:
    """One person's browser: cookies, redirects, and a log of every request."""

    def __init__(self, base, log, budget, timeout=60, retries=0):
        parts = urlsplit(base)
        # A person facing "try again" (502/503/504; or no answer to a GET) waits a second and tries again, this many
        # times (config "retries"; 0 by default). Each failed try is logged, and counted as an error.
        self.retries = retries
        self.host, self.port = parts.hostname, parts.port
        self.cookies = {}
        self.log, self.budget, self.timeout = log, budget, timeout
        self.conn = None

    def _send(self, method, path, kind, body=None):
        for attempt in range(self.retries + 1):
            status, text, location = self._send_once(method, path, kind, body)
            unavailable = status in (502, 503, 504) or (status == 0 and method == "GET")
            if not unavailable or attempt == self.retries:
                return status, text, location
            time.sleep(1.0)
        return status, text, location

    def _send_once(self, method, path, kind, body=None):
        if not self.budget.take():
            raise Stopped
        headers = {"Host": f"{self.host}:{self.port}", "User-Agent": "plan-tracker-loadtest"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        status, text, location, error = 0, "", None, None
        for attempt in (1, 2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                raw = response.read()
                status, location = response.status, response.getheader("Location")
                text = raw.decode("utf-8", "replace")
                for header in response.msg.get_all("Set-Cookie") or []:
                    cookie = SimpleCookie()
                    cookie.load(header)
                    for key, morsel in cookie.items():
                        if morsel["max-age"] == "0" or not morsel.value:
                            self.cookies.pop(key, None)
                        else:
                            self.cookies[key] = morsel.value
                if response.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError) as exc:
                # A kept-alive connection the server had already closed: reconnect once and resend a GET.
                # A POST is never resent: whether it arrived is for the database check to tell.
                self.conn = None
                error = repr(exc)
                if attempt == 2 or method != "GET":
                    break
            except OSError as exc:
                self.conn = None
                error = repr(exc)
                break
        elapsed = time.monotonic() - started
        self.log.append({"kind": kind, "method": method, "path": path, "status": status,
                         "ms": round(elapsed * 1000, 2), "at": round(started, 4), "error": error if not status else None})
        return status, text, location

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def get(self, path, kind):
        return self._send("GET", path, kind)

    def post(self, path, data, kind):
        data = {**data, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        return self._send("POST", path, kind, urlencode(data, doseq=True))

    def follow(self, status, location, kind):
        if status in (301, 302, 303) and location:
            return self.get(urlsplit(location).path + (f"?{urlsplit(location).query}" if urlsplit(location).query else ""), kind)
        return status, "", None


def _expect(status, wanted, what):
    if status not in wanted:
        raise RuntimeError(f"{what}: HTTP {status}")


def login(browser, username, password):
    status, page, _ = browser.get("/accounts/login/", "login page")
    _expect(status, {200}, "login page")
    status, _, location = browser.post("/accounts/login/", {"username": username, "password": password}, "log in")
    _expect(status, {302}, "log in")
    return location


def report_form(username, n, lines, quantities, indicators, version, finished=None):
    """The form an officer sends on their n-th save (values differ between saves). ``finished``: line -> the
    "finished" status its select offers (default "completed")."""
    data = {
        "version": version,
        "overall_assessment": f"Đánh giá chung của {username}, lần lưu {n}: hoàn thành các nhiệm vụ được giao.",
        "difficulties": f"Khó khăn lần {n}: kinh phí còn hạn chế." if n > 1 else "",
        "proposals": f"Đề xuất của {username}: tăng cường tập huấn.",
    }
    for line in lines:
        p = f"line-{line}-"
        data[p + "status"] = (finished or {}).get(line, "completed") if n > 1 else "in_progress"
        data[p + "achievements"] = f"Lần {n}: {username} đã triển khai dòng {line}, tổ chức {n + line % 5} hội nghị."
        data[p + "no_report_reason"] = ""
        if line in quantities:
            data[p + "quantity_achieved"] = str(n + line % 3)
    for indicator in indicators:
        data[f"indicator-{indicator}"] = str(10 * n + indicator % 7)
    return data


def sign_in(config, username, browser):
    """Log in through the login form; or, when the run gives signed-in sessions, take the user's
    session cookie (an officer who signed in earlier in the week). Returns where to go next."""
    sessions = config.get("sessions")
    if sessions:
        browser.cookies[config["session_cookie"]] = sessions[username]
        return "/"
    return login(browser, username, config["password"])


def officer_journey(config, username, browser, think, record):
    location = sign_in(config, username, browser)
    status, _, _ = browser.follow(302, location, "home")
    _expect(status, {200}, "home")
    think()
    status, page, _ = browser.get("/reports/", "my reports")
    _expect(status, {200}, "my reports")
    links = REPORT_LINK.findall(page)
    if not links:
        raise RuntimeError("my reports: no report link")
    report = int(links[0])
    record["report"] = report
    think()
    path = f"/reports/{report}/"
    status, page, _ = browser.get(path, "report form")
    _expect(status, {200}, "report form")
    version = int(VERSION.search(page).group(1))
    record["initial_version"] = version
    lines = sorted({int(x) for x in LINE_STATUS.findall(page)})
    quantities = {int(x) for x in LINE_QUANTITY.findall(page)}
    finished = {int(pk): "completed" if 'value="completed"' in options else "done_for_year"
                for pk, options in LINE_SELECT.findall(page)}
    indicators = sorted({int(x) for x in INDICATOR.findall(page)})
    for n in (1, 2):
        think()
        data = report_form(username, n, lines, quantities, indicators, version, finished)
        data["save" if n == 1 else "submit"] = ""
        status, _, location = browser.post(path, data, "save draft")
        _expect(status, {302}, f"save {n}")
        record["sent"] = data
        if n == 1:
            status, page, _ = browser.follow(status, location, "report form")
            _expect(status, {200}, "report form after save")
            version = int(VERSION.search(page).group(1))
        else:
            status, page, _ = browser.follow(status, location, "submit confirm")
            _expect(status, {200}, "submit confirm")
            version = int(VERSION.search(page).group(1))
    think()
    status, _, location = browser.post(f"/reports/{report}/submit/", {"version": version}, "submit")
    _expect(status, {302}, "submit")
    status, _, _ = browser.follow(status, location, "report form")
    _expect(status, {200}, "report after submit")
    record["submitted"] = True


def run(config):
    rng = random.Random(config.get("seed", 1))
    budget = Budget(config["max_requests"], config["max_seconds"])
    logs, records, failures = [], {}, []
    lock = threading.Lock()
    officers_done = threading.Event()
    lo, hi = config["think_s"]
    # At most this many officers between logging in and submitting at once (default: no limit).
    slots = threading.BoundedSemaphore(config.get("max_concurrency") or len(config["officers"]) or 1)

    def officer(username, delay, seed):
        own = random.Random(seed)
        log = []
        record = {"username": username, "submitted": False}
        browser = Browser(config["base"], log, budget, retries=config.get("retries", 0))
        if budget.stopped.wait(delay):
            with lock:
                records[username] = {**record, "stopped": True}
            return

        def think():
            if budget.stopped.wait(own.uniform(lo, hi)):
                raise Stopped

        try:
            with slots:
                officer_journey(config, username, browser, think, record)
        except Stopped:
            record["stopped"] = True
        except Exception as exc:  # noqa: BLE001 (every failure is reported, none stops the others)
            record["failure"] = str(exc)
            with lock:
                failures.append(f"{username}: {exc}")
        finally:
            browser.close()
        with lock:
            logs.extend(log)
            records[username] = record

    def coordinator(username, seed):
        own = random.Random(seed)
        log = []
        browser = Browser(config["base"], log, budget, retries=config.get("retries", 0))
        try:
            sign_in(config, username, browser)
            # Coordinators open the overview at their own moments, not all twenty in the same second: the first
            # refresh comes after one refresh interval drawn like the later ones.
            officers_done.wait(own.uniform(0, config["coordinator_every_s"][1]))
            while not officers_done.is_set() and not budget.stopped.is_set():
                status, _, _ = browser.get(config["overview"], "year overview")
                if status != 200:
                    with lock:
                        failures.append(f"{username}: year overview HTTP {status}")
                if officers_done.wait(own.uniform(*config["coordinator_every_s"])):
                    break
        except Stopped:
            pass
        except Exception as exc:  # noqa: BLE001
            with lock:
                failures.append(f"{username}: {exc}")
        finally:
            browser.close()
        with lock:
            logs.extend(log)

    started = time.monotonic()
    officer_threads = [
        threading.Thread(target=officer, args=(u, rng.uniform(0, config["ramp_s"]), rng.random()), daemon=True)
        for u in config["officers"]
    ]
    coordinator_threads = [threading.Thread(target=coordinator, args=(u, rng.random()), daemon=True)
                           for u in config["coordinators"]]
    for t in coordinator_threads + officer_threads:
        t.start()
    for t in officer_threads:
        t.join()
    officers_done.set()
    for t in coordinator_threads:
        t.join()
    elapsed = time.monotonic() - started
    return {"elapsed_s": elapsed, "requests": len(logs), "budget_exhausted": budget.stopped.is_set(),
            "log": logs, "officers": records, "failures": failures}


def summarise(result):
    """Requests per second, p50/p95 per request type, errors."""
    by_kind = {}
    for entry in result["log"]:
        by_kind.setdefault(entry["kind"], []).append(entry)
    rows = {}
    for kind, entries in sorted(by_kind.items()):
        ms = sorted(e["ms"] for e in entries)
        errors = sum(1 for e in entries if e["status"] == 0 or e["status"] >= 400)
        rows[kind] = {"count": len(entries), "errors": errors, "p50_ms": statistics.median(ms),
                      "p95_ms": ms[max(0, -(-95 * len(ms) // 100) - 1)], "max_ms": ms[-1]}
    if result["log"]:
        first = min(e["at"] for e in result["log"])
        last = max(e["at"] + e["ms"] / 1000 for e in result["log"])
        span = max(last - first, 1e-9)
    else:
        span = result["elapsed_s"] or 1e-9
    return {"requests": result["requests"], "seconds": round(span, 1), "requests_per_s": result["requests"] / span,
            "errors": sum(r["errors"] for r in rows.values()), "by_kind": rows,
            "officers_submitted": sum(1 for r in result["officers"].values() if r.get("submitted")),
            "officers_failed": [f for f in result["failures"]][:20], "budget_exhausted": result["budget_exhausted"]}


def main(argv):
    with open(argv[1]) as f:
        config = json.load(f)
    result = run(config)
    result["summary"] = summarise(result)
    with open(argv[2], "w") as f:
        json.dump(result, f, ensure_ascii=False)
    s = result["summary"]
    print(f"{s['requests']} requests in {s['seconds']} s ({s['requests_per_s']:.1f}/s), {s['errors']} errors, "
          f"{s['officers_submitted']}/{len(config['officers'])} officers submitted")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
