"""Benchmark: the staff case list over 100,000 complaints (issue 7, target p95 <= 50 ms).

`make bench` runs this after bench/run.py. It leaves nothing behind but
bench/results/case_list.json:

1. A fresh SQLite database, migrated to head, gets 100,000 complaints in one bulk insert,
   with the projection columns the list reads (portal.cases.projection's shape) filled with
   realistic spreads: most cases closed, the open ones across the three stages with due dates
   from weeks overdue to weeks ahead, a few paused, flags at their usual rates, most cases
   assigned to one of ten members of staff. No events are replayed: the list never reads them.
2. gunicorn serves the portal (2 sync workers, as bench/run.py). A manager signs in over HTTP
   (password, then a TOTP code), as a browser would.
3. Each page is asked for REQUESTS times in a row on one keep-alive connection, after WARMUP
   unmeasured requests; each must answer 200 with the expected table. The figures are the
   latencies as the client saw them: median, p95 and worst.

Not a test: a missed target prints MISS and still exits 0.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import platform
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
import urllib.parse
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import (  # noqa: E402 - bench/run.py's servers, the same settings
    ROOT,
    WORKERS,
    BenchError,
    csrf_token,
    prepare_database,
    start_server,
    wait_until_ready,
)

RESULTS = ROOT / "bench" / "results" / "case_list.json"
CASES = 100_000
WARMUP = 30
REQUESTS = 300
TARGET_P95_MS = 50.0
SEED = 7

#: the pages measured; the target is for the first two
PAGES = {
    "first": "/staff/cases",
    "filtered": "/staff/cases?stage=1&flag=fluency&assignee=none",
    "search": "/staff/cases?q=okafor",
    "overdue": "/staff/cases?flag=overdue&page=20",
}
TARGETED = ("first", "filtered")

FIRST = ("Sam", "Alex", "Jo", "Priya", "Tomasz", "Aisha", "Connor", "Mei", "Kemi", "Rhys")
LAST = ("Jones", "Smith", "Okafor", "Nowak", "Patel", "Evans", "Khan", "Murphy", "Li", "Brown")


# --- Data ------------------------------------------------------------------------------------


def working_days(start: dt.date, low: int, high: int) -> dict[int, dt.date]:
    """The day `n` working days after (or, negative, before) `start`, for low <= n <= high."""
    from portal.domain import calendar

    days = {n: calendar.add_working_days(start, n) for n in range(0, high + 1)}
    day = start
    for n in range(-1, low - 1, -1):
        day -= dt.timedelta(days=1)
        while not calendar.is_working_day(day):
            day -= dt.timedelta(days=1)
        days[n] = day
    return days


def case_rows(today: dt.date, staff_ids: list[int]) -> list[tuple]:
    """CASES complaints over four years, newest last; the projection as refresh writes it."""
    from portal.domain.references import new_reference

    rng = random.Random(SEED)
    due_in = working_days(today, -40, 60)
    story = "Nobody came to the meeting, and nobody told us why. " * 12
    references: set[str] = set()
    rows = []
    for number in range(CASES):
        submitted = dt.datetime.combine(
            today - dt.timedelta(days=(CASES - number) * 4 * 365 // CASES), dt.time(10)
        )
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        child = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        answers = {"your_name": name, "child_name": child, "what_happened": story}
        roll = rng.random()
        stage, status, step, who, due = "closed", "closed", None, None, None
        if roll < 0.22:  # open: 15% stage 1, 5% stage 2, 2% stage 3
            stage = "1" if roll < 0.15 else "2" if roll < 0.20 else "3"
            status, step = {
                "1": ("acknowledged", "send_stage1_response"),
                "2": ("stage2_investigating", "send_stage2_response"),
                "3": ("panel_convened", "hold_panel"),
            }[stage]
            who = "council"
            if rng.random() < 0.04:
                status, step = "paused", "resume"
            else:
                due = due_in[rng.randint(-40, 60)]
        flags = [
            flag
            for flag, share in (
                ("fluency", 0.06),
                ("proceedings", 0.04),
                ("late", 0.05),
                ("sufficient_interest", 0.05),
                ("advocate_requested", 0.10),
                ("stage1_extended", 0.08),
            )
            if rng.random() < share
        ]
        reference = new_reference()
        while reference in references:
            reference = new_reference()
        references.add(reference)
        rows.append(
            (
                reference,
                "complaint",
                f"bench-{number}",
                json.dumps(answers),
                submitted.isoformat(sep=" "),
                stage != "closed",
                stage,
                status,
                step,
                due.isoformat() if due else None,
                who,
                f" {' '.join(sorted(flags))} " if flags else "",
                rng.choice(staff_ids) if rng.random() < 0.6 else None,
                f"{name} {child}".lower(),
            )
        )
    return rows


def fill(database: Path) -> tuple[str, str, str]:
    """Staff and CASES cases; returns the manager's (email, password, TOTP secret)."""
    from portal import create_app, db
    from portal.staff import accounts

    app = create_app({"DATABASE_URL": f"sqlite:///{database}", "SECRET_KEY": "bench"})
    with app.app_context():
        data = db.session()
        manager, password = accounts.create(data, "manager@bench.example", "manager")
        staff = [accounts.create(data, f"officer{n}@bench.example", "officer")[0] for n in range(9)]
        data.commit()
        ids = [manager.id, *(user.id for user in staff)]
        secret = manager.totp_secret
    started = time.monotonic()
    rows = case_rows(dt.date.today(), ids)
    with sqlite3.connect(database) as connection:
        connection.executemany(
            "INSERT INTO cases (reference, kind, draft_id, answers, submitted_at, is_open, stage,"
            " status, next_step, due_on, who, flags, assignee_id, search_name)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    print(f"Inserted {len(rows):,} cases in {time.monotonic() - started:.1f}s")
    return "manager@bench.example", password, secret


# --- Signing in and measuring ----------------------------------------------------------------


class Browser:
    """One keep-alive connection with a cookie jar of one cookie: the session."""

    def __init__(self, base_url: str) -> None:
        parts = urllib.parse.urlsplit(base_url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        self.cookie = ""

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str, str]:
        headers = {"Cookie": self.cookie} if self.cookie else {}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode()
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        return response.status, response.getheader("Location", ""), text

    def sign_in(self, email: str, password: str, secret: str) -> None:
        import pyotp

        _, _, page = self.request("GET", "/staff/sign-in")
        form = {"csrf_token": csrf_token(page, "/staff/sign-in")}
        status, location, _ = self.request(
            "POST", "/staff/sign-in", {**form, "email": email, "password": password}
        )
        if status != 302 or not location.endswith("/staff/sign-in/code"):
            raise BenchError(f"the password step answered {status} {location}")
        _, _, page = self.request("GET", "/staff/sign-in/code")
        form = {"csrf_token": csrf_token(page, "/staff/sign-in/code")}
        status, location, _ = self.request(
            "POST", "/staff/sign-in/code", {**form, "code": pyotp.TOTP(secret).now()}
        )
        if status != 302 or not location.endswith("/staff/"):
            raise BenchError(f"the code step answered {status} {location}")


SHOWING = re.compile(r"Showing [\d,]+ to [\d,]+ of ([\d,]+) cases?")


def measure(browser: Browser, path: str) -> dict:
    def get() -> tuple[float, str]:
        started = time.perf_counter()
        status, location, page = browser.request("GET", path)
        elapsed = (time.perf_counter() - started) * 1000
        if status != 200 or "app-case-list" not in page:
            raise BenchError(f"GET {path} answered {status} {location}, not the list")
        return elapsed, page

    for _ in range(WARMUP):
        get()
    times = []
    page = ""
    for _ in range(REQUESTS):
        elapsed, page = get()
        times.append(elapsed)
    times.sort()
    found = SHOWING.search(page)
    return {
        "path": path,
        "requests": REQUESTS,
        "matching": found.group(1) if found else "",
        "median_ms": statistics.median(times),
        "p95_ms": times[int(len(times) * 0.95) - 1],
        "max_ms": times[-1],
    }


def main() -> int:
    os.chdir(ROOT)
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="portal-bench-")))
        env = prepare_database(workdir)
        email, password, secret = fill(workdir / "bench.db")
        portal_url = start_server(stack, "wsgi:app", env, workdir / "portal.log")
        wait_until_ready(portal_url + "/staff/sign-in", workdir / "portal.log")
        browser = Browser(portal_url)
        browser.sign_in(email, password, secret)
        print(f"Servers: gunicorn --workers {WORKERS} --worker-class sync")
        load_before = os.getloadavg()[0]
        print(f"Load average before: {load_before:.2f} (anything else running skews the figures)")
        pages = {name: measure(browser, path) for name, path in PAGES.items()}
        load = {"before": load_before, "after": os.getloadavg()[0]}
    for name, page in pages.items():
        page["target_p95_ms"] = TARGET_P95_MS if name in TARGETED else None
        page["pass"] = page["p95_ms"] <= TARGET_P95_MS if name in TARGETED else None
    results = {
        "date": dt.date.today().isoformat(),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
        },
        "cases": CASES,
        "warmup": WARMUP,
        "load_average": load,
        "pages": pages,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nCase list over {CASES:,} cases, {REQUESTS} requests each, one connection:")
    print("| Page | Matching | Median | p95 | Worst | Target |")
    print("|---|---|---|---|---|---|")
    for name, page in pages.items():
        target = (
            f"p95 <= {TARGET_P95_MS:.0f} ms: {'PASS' if page['pass'] else 'MISS'}"
            if page["pass"] is not None
            else ""
        )
        print(
            f"| {name}: `{page['path']}` | {page['matching']} | {page['median_ms']:.1f} ms"
            f" | {page['p95_ms']:.1f} ms | {page['max_ms']:.1f} ms | {target} |"
        )
    print(f"\nWritten to {RESULTS.relative_to(ROOT)}.")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        sys.exit(1)
