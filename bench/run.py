"""Benchmarks: the portal's throughput against a hello-world baseline, and the start page's weight.

`make bench` runs this. It needs nothing but the project's virtualenv, wrk and Chromium, and
leaves nothing behind but bench/results/latest.json:

1. Throughput. Two gunicorn servers with identical settings serve bench/hello.py and the
   portal (wsgi:app, on a fresh SQLite database). wrk measures requests per second for GET /
   on the baseline and, on the portal, GET /check/danger (the first screening question) and
   a valid POST of /feedback/message (a step that saves the draft and redirects), in rotating
   rounds; the report is the median of each and the portal's shares of the baseline.
   Every POST is real: each wrk connection's share of sessions was made beforehand by walking
   to the step like a browser (session cookie, draft, CSRF token from the page), and every
   answer is checked to be the 302 to the next step, so an error page is never measured.
2. Weight. Headless Chromium opens the start page once, in a fresh profile, and every byte it
   transfers (headers and bodies as sent on the wire, so compressed where the server
   compressed) is added up.

Benchmarks are not tests: a missed target prints MISS and still exits 0. Only a failure to
measure (a server that will not start, a page that does not answer 200, a POST that is not
the expected redirect) exits non-zero.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "latest.json"

WORKERS = 2
ROUNDS = 3
DURATION = 5  # seconds per measurement
WARMUP = 2  # seconds of unmeasured load before each measurement
THREADS = 2
CONNECTIONS = 8
QUESTION_PATH = "/check/danger"
START_PATH = "/"

# The step POST: a valid answer to STEP_PATH saves the draft and redirects to STEP_NEXT.
STEP_PATH = "/feedback/message"
STEP_BEFORE = "/feedback/kind"  # answered once per session beforehand, which makes the draft
STEP_BEFORE_ANSWER = {"kind": "compliment"}
STEP_NEXT = "/feedback/team"
MESSAGE_MARKER = "Thank you to the fostering team "  # every POSTed message starts with this
SESSION_COOKIE = "portal_session"
SESSIONS = CONNECTIONS  # one person (session cookie, draft, CSRF token) per wrk connection
# Rate limiting stays on, as in production, with a limit the load cannot reach.
POST_RATE_LIMIT = "1000000000 per minute"

TARGET_RATIO = 25.0  # the question page's throughput, as a percentage of hello world's
TARGET_POST_RATIO = 20.0  # the step POST's throughput, as a percentage of hello world's
TARGET_KB = 50.0  # the start page's first visit, everything included, compressed
TARGETS = {"question": TARGET_RATIO, "step": TARGET_POST_RATIO}


class BenchError(RuntimeError):
    """Something stopped a measurement from being taken (as opposed to a missed target)."""


# --- Servers -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare_database(workdir: Path) -> dict[str, str]:
    """A throwaway SQLite database, migrated to head, and the environment that points at it.
    Rate limiting is on, as in production (memory:// storage), with a POST limit out of reach."""
    url = f"sqlite:///{workdir / 'bench.db'}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SECRET_KEY": "bench",
        "RATELIMIT_ENABLED": "1",
        "POST_RATE_LIMIT": POST_RATE_LIMIT,
        "UPLOAD_DIR": str(workdir / "uploads"),
        "OUTBOX_DIR": str(workdir / "outbox"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    os.environ.update({k: env[k] for k in ("DATABASE_URL", "SECRET_KEY", "RATELIMIT_ENABLED")})
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from portal.db import upgrade

    upgrade(url)
    return env


def start_server(stack: ExitStack, app: str, env: dict[str, str], log: Path) -> str:
    """Start gunicorn serving `app`; the ExitStack stops it. Returns the base URL."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(WORKERS),
        "--worker-class",
        "sync",
        "--log-level",
        "warning",
        app,
    ]
    handle = stack.enter_context(log.open("w"))
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=handle, stderr=handle)
    stack.callback(stop_server, process)
    return f"http://127.0.0.1:{port}"


def stop_server(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def get_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wait_until_ready(url: str, log: Path, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            status = get_status(url)
        except OSError:
            time.sleep(0.2)
            continue
        if status != 200:
            raise BenchError(f"{url} answered {status}, not 200\n{log.read_text()[-2000:]}")
        return
    raise BenchError(f"{url} did not answer within {timeout:.0f}s\n{log.read_text()[-2000:]}")


# --- Sessions for the POST ------------------------------------------------------------------


@dataclass(frozen=True)
class BrowserSession:
    """One person part-way through the feedback journey: what their browser would send."""

    cookie: str  # the Cookie header: the signed session, holding the draft id and CSRF secret
    csrf_token: str  # the token from STEP_PATH's form, which only this session's cookie matches


CSRF_INPUT = re.compile(r'<input[^>]*\bname="csrf_token"[^>]*>')
INPUT_VALUE = re.compile(r'\bvalue="([^"]+)"')


def csrf_token(html: str, path: str) -> str:
    field = CSRF_INPUT.search(html)
    value = INPUT_VALUE.search(field.group(0)) if field else None
    if value is None:
        raise BenchError(f"{path} has no csrf_token field")
    return value.group(1)


def start_draft(portal_url: str) -> BrowserSession:
    """Walk to STEP_PATH as a browser does: load the first step, answer it with the page's token
    (that creates the draft), then load STEP_PATH and keep its token and the session cookie."""
    import requests

    with requests.Session() as browser:

        def page(path: str) -> str:
            response = browser.get(portal_url + path, timeout=10, allow_redirects=False)
            if response.status_code != 200:
                raise BenchError(f"GET {path} answered {response.status_code}, not 200")
            return response.text

        token = csrf_token(page(STEP_BEFORE), STEP_BEFORE)
        response = browser.post(
            portal_url + STEP_BEFORE,
            data={**STEP_BEFORE_ANSWER, "csrf_token": token},
            timeout=10,
            allow_redirects=False,
        )
        if response.status_code != 302 or response.headers["Location"] != STEP_PATH:
            raise BenchError(
                f"POST {STEP_BEFORE} answered {response.status_code}"
                f" {response.headers.get('Location', '')}, not 302 to {STEP_PATH}"
            )
        token = csrf_token(page(STEP_PATH), STEP_PATH)
        cookies = browser.cookies.get_dict()
        if SESSION_COOKIE not in cookies:
            raise BenchError(f"no {SESSION_COOKIE} cookie after answering {STEP_BEFORE}")
        return BrowserSession(f"{SESSION_COOKIE}={cookies[SESSION_COOKIE]}", token)


def step_body(session: BrowserSession, number: int) -> str:
    """A valid answer to STEP_PATH; the number makes every saved message different."""
    message = f"{MESSAGE_MARKER}{number}"
    return urllib.parse.urlencode({"message": message, "csrf_token": session.csrf_token})


def check_saved(portal_url: str, sessions: list[BrowserSession]) -> None:
    """After the load, every session's draft must hold a message that one of the POSTs sent."""
    for session in sessions:
        request = urllib.request.Request(portal_url + STEP_PATH, headers={"Cookie": session.cookie})
        with urllib.request.urlopen(request, timeout=10) as response:
            html = response.read().decode()
        if MESSAGE_MARKER not in html:
            raise BenchError(f"a draft does not hold the message POSTed to {STEP_PATH}")


# --- Load generation -------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """One thing measured: a GET of a page, or the step POST spread over `sessions`."""

    name: str
    base_url: str
    path: str
    sessions: tuple[BrowserSession, ...] = ()

    @property
    def method(self) -> str:
        return "POST" if self.sessions else "GET"

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"


def wrk_script(target: Target, path: Path) -> Path:
    """A wrk Lua script that POSTs the step with the sessions, dealt out between wrk's threads,
    and counts every answer that is not the 302 to STEP_NEXT."""
    sessions = ",\n".join(
        f"  {{cookie = {lua_string(s.cookie)}, token = {lua_string(s.csrf_token)}}}"
        for s in target.sessions
    )
    marker = urllib.parse.quote_plus(MESSAGE_MARKER)
    path.write_text(
        f"""-- Written by bench/run.py for one measurement: POST {target.path}, expecting 302.
local sessions = {{
{sessions}
}}
local nthreads = {THREADS}
local threads = {{}}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  mine, sent, unexpected, example = {{}}, 0, 0, ""
  -- Thread k takes sessions k+1, k+1+nthreads, ...: as many as it has connections.
  for i = id + 1, #sessions, nthreads do
    table.insert(mine, sessions[i])
  end
end

function request()
  sent = sent + 1
  local s = mine[(sent % #mine) + 1]
  local body = "message={marker}" .. id .. "-" .. sent .. "&csrf_token=" .. s.token
  return wrk.format("POST", {lua_string(target.path)}, {{
    ["Cookie"] = s.cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }}, body)
end

function response(status, headers, body)
  local location = headers["Location"] or headers["location"] or ""
  if status ~= 302 or location ~= {lua_string(STEP_NEXT)} then
    unexpected = unexpected + 1
    if example == "" then
      example = status .. " " .. location .. " " .. string.sub(body or "", 1, 300)
    end
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("unexpected")
    local example = thread:get("example")
    if example ~= "" then
      io.write("bench-example: " .. string.gsub(example, "%s+", " ") .. "\\n")
    end
  end
  io.write("bench-unexpected: " .. total .. "\\n")
end
"""
    )
    return path


def lua_string(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9_.=/%+ -]*", value):
        raise BenchError(f"unexpected characters for a Lua string: {value!r}")
    return f'"{value}"'


def run_wrk(target: Target, duration: int, script: Path | None) -> dict:
    command = [
        "wrk",
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{duration}s",
        "--timeout",
        "10s",
        *(["--script", str(script)] if script else []),
        target.base_url + target.path,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors:.*", output)
    unexpected = re.search(r"bench-unexpected:\s+(\d+)", output)
    example = re.search(r"bench-example: (.*)", output)
    if rps is None or total is None or (script and unexpected is None):
        raise BenchError(f"could not read wrk's output:\n{output}")
    return {
        "rps": float(rps.group(1)),
        "requests": int(total.group(1)),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "unexpected": int(unexpected.group(1)) if unexpected else 0,
        "example": example.group(1) if example else "",
        "socket_errors": socket_errors.group(0) if socket_errors else "",
    }


def run_python_load(target: Target, duration: int, script: Path | None = None) -> dict:
    """A stand-in for wrk: keep-alive connections on threads, counting responses for `duration`.
    For the POST, connection i is session i's browser, and anything but the 302 to STEP_NEXT
    counts as unexpected, as in wrk's script."""
    parts = urllib.parse.urlsplit(target.base_url)
    deadline = time.monotonic() + duration
    counts = {"requests": 0, "non_2xx": 0, "unexpected": 0, "errors": 0}
    examples: list[str] = []
    lock = threading.Lock()

    def worker(number: int) -> None:
        done = bad = unexpected = errors = 0
        session = target.sessions[number % len(target.sessions)] if target.sessions else None
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        while time.monotonic() < deadline:
            try:
                if session is None:
                    connection.request("GET", target.path)
                else:
                    headers = {
                        "Cookie": session.cookie,
                        "Content-Type": "application/x-www-form-urlencoded",
                    }
                    body = step_body(session, number * 1_000_000 + done)
                    connection.request("POST", target.path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                errors += 1
                connection.close()
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
                continue
            done += 1
            bad += not 200 <= response.status < 400
            if session is not None and (
                response.status != 302 or response.getheader("Location") != STEP_NEXT
            ):
                unexpected += 1
                if not examples:
                    examples.append(f"{response.status} {response.getheader('Location', '')}")
        connection.close()
        with lock:
            counts["requests"] += done
            counts["non_2xx"] += bad
            counts["unexpected"] += unexpected
            counts["errors"] += errors

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    return {
        "rps": counts["requests"] / elapsed,
        "requests": counts["requests"],
        "non_2xx": counts["non_2xx"],
        "unexpected": counts["unexpected"],
        "example": examples[0] if examples else "",
        "socket_errors": f"{counts['errors']} errors" if counts["errors"] else "",
    }


def measure(load, target: Target, script: Path | None) -> dict:  # noqa: ANN001 - a load function
    load(target, WARMUP, script)
    result = load(target, DURATION, script)
    if result["non_2xx"]:
        raise BenchError(
            f"{target.label}: {result['non_2xx']} of {result['requests']} responses not 2xx/3xx"
        )
    if result["unexpected"]:
        raise BenchError(
            f"{target.label}: {result['unexpected']} of {result['requests']} responses were not"
            f" the 302 to {STEP_NEXT}; the first: {result['example']}"
        )
    return result


def throughput(targets: list[Target], workdir: Path) -> dict:
    """Measure every target once per round, rotating the order, so that none always runs first
    or last on a warmer or cooler machine. targets[0] is the baseline."""
    tool = "wrk" if shutil.which("wrk") else "python"
    load = run_wrk if tool == "wrk" else run_python_load
    if tool == "python":
        print("wrk not found: falling back to a Python load generator (threads, http.client).")
        print("Its absolute figures are lower than wrk's; the ratio is still comparable.")
    scripts = {
        t.name: wrk_script(t, workdir / f"{t.name}.lua") if t.sessions else None for t in targets
    }
    rounds: dict[str, list[dict]] = {t.name: [] for t in targets}
    for number in range(ROUNDS):
        order = targets[number % len(targets) :] + targets[: number % len(targets)]
        for target in order:
            result = measure(load, target, scripts[target.name])
            rounds[target.name].append(result)
            print(f"  round {number + 1}: {target.label:24} {result['rps']:9.1f} req/s")
    baseline = targets[0]
    hello = statistics.median(r["rps"] for r in rounds[baseline.name])
    pages = {}
    for target in targets[1:]:
        rps = statistics.median(r["rps"] for r in rounds[target.name])
        pages[target.name] = {
            "label": target.label,
            "rps": rps,
            "ratio_percent": 100 * rps / hello,
            "ratio_percent_per_round": [
                100 * p["rps"] / h["rps"]
                for h, p in zip(rounds[baseline.name], rounds[target.name], strict=True)
            ],
            "target_percent": TARGETS[target.name],
        }
        pages[target.name]["pass"] = pages[target.name]["ratio_percent"] >= TARGETS[target.name]
    return {
        "tool": tool,
        "settings": {
            "workers": WORKERS,
            "worker_class": "sync",
            "threads": THREADS,
            "connections": CONNECTIONS,
            "duration_s": DURATION,
            "warmup_s": WARMUP,
            "rounds": ROUNDS,
            "step_sessions": SESSIONS,
        },
        "labels": {t.name: t.label for t in targets},
        "rounds": rounds,
        "hello_rps": hello,
        "pages": pages,
    }


# --- Page weight ----------------------------------------------------------------------------


def page_weight(portal_url: str) -> dict:
    from playwright.sync_api import sync_playwright

    from e2e.browser import CHROMIUM, CHROMIUM_ARGS

    requests = []
    failed = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()
            page = context.new_page()
            page.on("requestfinished", lambda request: requests.append(request))
            page.on("requestfailed", lambda request: failed.append(request.url))
            response = page.goto(portal_url + START_PATH, wait_until="networkidle")
            if response is None or response.status != 200:
                status = response.status if response else "no response"
                raise BenchError(f"the start page answered {status}")
            rows = [describe(request, portal_url) for request in requests]
            context.close()
        finally:
            browser.close()
    if failed:
        raise BenchError(f"requests failed while loading the start page: {failed}")
    total = sum(row["headers"] + row["body"] for row in rows)
    return {"url": START_PATH, "resources": rows, "total_bytes": total, "total_kb": total / 1024}


def describe(request, base: str) -> dict:  # noqa: ANN001 - a Playwright Request
    sizes = request.sizes()
    response = request.response()
    headers = response.all_headers() if response else {}
    return {
        "url": request.url.removeprefix(base),
        "type": request.resource_type,
        "status": response.status if response else None,
        "accept_encoding": request.all_headers().get("accept-encoding", ""),
        "content_encoding": headers.get("content-encoding", ""),
        "headers": sizes["responseHeadersSize"],
        "body": sizes["responseBodySize"],
    }


# --- Report ---------------------------------------------------------------------------------


def verdict(passed: bool) -> str:
    return "PASS" if passed else "MISS"


def print_throughput(speed: dict) -> None:
    print()
    print(f"Throughput ({speed['tool']}, median of {ROUNDS} rounds):")
    load = speed["load_average"]
    print(f"  load average {load['before']:.2f} before, {load['after']:.2f} after")
    print(f"  hello world  {speed['labels']['hello']:24} {speed['hello_rps']:9.1f} req/s")
    for page in speed["pages"].values():
        print(f"  portal       {page['label']:24} {page['rps']:9.1f} req/s")
        print(
            f"    ratio      {page['ratio_percent']:.1f}% (target >= {page['target_percent']:.0f}%)"
            f" {verdict(page['pass'])}"
        )
        spread = ", ".join(f"{value:.1f}%" for value in page["ratio_percent_per_round"])
        print(f"    per round  {spread} (the spread is the machine's noise)")


def print_weight(weight: dict) -> None:
    print()
    print("Start page, first visit (bytes on the wire):")
    print(f"  {'resource':52} {'type':10} {'enc':5} {'headers':>8} {'body':>8}")
    for row in weight["resources"]:
        encoding = row["content_encoding"] or "-"
        print(
            f"  {row['url'][:52]:52} {row['type']:10} {encoding:5}"
            f" {row['headers']:8d} {row['body']:8d}"
        )
    print(
        f"  total {weight['total_kb']:.1f} KB (target <= {TARGET_KB:.0f} KB)"
        f" {verdict(weight['pass'])}"
    )
    accepts = {row["accept_encoding"] for row in weight["resources"]}
    print(f"  Accept-Encoding sent: {', '.join(sorted(accepts)) or '(none)'}")


DESCRIPTIONS = {
    "question": f"Question page (GET {QUESTION_PATH}) throughput vs hello world",
    "step": f"Step POST ({STEP_PATH}, saves the draft, 302) throughput vs hello world",
}


def markdown(results: dict) -> str:
    speed, weight = results["throughput"], results["page_weight"]
    machine = f"{results['date']} | {results['machine']['cpus']} cores"
    lines = ["| Date | Machine | Measure | Result | Target | |", "|---|---|---|---|---|---|"]
    for name, page in speed["pages"].items():
        spread = ", ".join(f"{value:.1f}" for value in page["ratio_percent_per_round"])
        lines.append(
            f"| {machine} | {DESCRIPTIONS[name]}"
            f" | {page['ratio_percent']:.1f}% ({page['rps']:.0f} vs {speed['hello_rps']:.0f}"
            f" req/s, {speed['tool']}; rounds {spread}%;"
            f" load {speed['load_average']['before']:.1f})"
            f" | >= {page['target_percent']:.0f}% | {verdict(page['pass'])} |"
        )
    if weight:
        lines.append(
            f"| {machine} | Start page first visit, all {len(weight['resources'])} requests"
            f" | {weight['total_kb']:.1f} KB | <= {TARGET_KB:.0f} KB | {verdict(weight['pass'])} |"
        )
        uncompressed = [r["url"] for r in weight["resources"] if not r["content_encoding"]]
        if uncompressed:
            lines.append("")
            lines.append(
                "Sent uncompressed: " + ", ".join(f"`{url}`" for url in uncompressed) + "."
            )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    with_weight = "--throughput-only" not in argv
    os.chdir(ROOT)
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="portal-bench-")))
        env = prepare_database(workdir)
        hello_url = start_server(stack, "bench.hello:app", env, workdir / "hello.log")
        portal_url = start_server(stack, "wsgi:app", env, workdir / "portal.log")
        wait_until_ready(hello_url + "/", workdir / "hello.log")
        wait_until_ready(portal_url + QUESTION_PATH, workdir / "portal.log")
        cpus = os.cpu_count()
        load_before = os.getloadavg()[0]
        print(f"Servers: gunicorn --workers {WORKERS} --worker-class sync, on {cpus} CPUs")
        print(f"Load average before: {load_before:.2f} (anything else running skews the figures)")
        sessions = tuple(start_draft(portal_url) for _ in range(SESSIONS))
        print(f"Step POST: {len(sessions)} sessions, each with a draft and its CSRF token")
        print("Throughput:")
        speed = throughput(
            [
                Target("hello", hello_url, "/"),
                Target("question", portal_url, QUESTION_PATH),
                Target("step", portal_url, STEP_PATH, sessions),
            ],
            workdir,
        )
        check_saved(portal_url, list(sessions))
        speed["load_average"] = {"before": load_before, "after": os.getloadavg()[0]}
        weight = page_weight(portal_url) if with_weight else {}
        if weight:
            weight["pass"] = weight["total_kb"] <= TARGET_KB
    results = {
        "date": dt.date.today().isoformat(),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "targets": {
            "question_ratio_percent_min": TARGET_RATIO,
            "step_post_ratio_percent_min": TARGET_POST_RATIO,
            "start_page_kb_max": TARGET_KB,
        },
        "throughput": speed,
        "page_weight": weight,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print_throughput(speed)
    if weight:
        print_weight(weight)
    print(f"\nWritten to {RESULTS.relative_to(ROOT)}. For bench/README.md:\n")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except (BenchError, subprocess.CalledProcessError) as error:
        print(f"bench: {error}", file=sys.stderr)
        sys.exit(1)
