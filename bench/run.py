"""Benchmarks: the portal's throughput against a hello-world baseline, and the start page's weight.

`make bench` runs this. It needs nothing but the project's virtualenv, wrk and Chromium, and
leaves nothing behind but bench/results/latest.json:

1. Throughput. Two gunicorn servers with identical settings serve bench/hello.py and the
   portal (wsgi:app, on a fresh SQLite database). wrk measures requests per second for GET /
   on the baseline and GET /check/danger (the first screening question) on the portal, in
   alternating rounds; the report is the median of each and the portal's share of the baseline.
2. Weight. Headless Chromium opens the start page once, in a fresh profile, and every byte it
   transfers (headers and bodies as sent on the wire, so compressed where the server
   compressed) is added up.

Benchmarks are not tests: a missed target prints MISS and still exits 0. Only a failure to
measure (a server that will not start, a page that does not answer 200) exits non-zero.
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

TARGET_RATIO = 25.0  # the question page's throughput, as a percentage of hello world's
TARGET_KB = 50.0  # the start page's first visit, everything included, compressed


class BenchError(RuntimeError):
    """Something stopped a measurement from being taken (as opposed to a missed target)."""


# --- Servers -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare_database(workdir: Path) -> dict[str, str]:
    """A throwaway SQLite database, migrated to head, and the environment that points at it."""
    url = f"sqlite:///{workdir / 'bench.db'}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SECRET_KEY": "bench",
        "RATELIMIT_ENABLED": "0",
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


# --- Load generation -------------------------------------------------------------------------


def run_wrk(url: str, duration: int) -> dict:
    command = [
        "wrk",
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{duration}s",
        "--timeout",
        "10s",
        url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors:.*", output)
    if rps is None or total is None:
        raise BenchError(f"could not read wrk's output:\n{output}")
    return {
        "rps": float(rps.group(1)),
        "requests": int(total.group(1)),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": socket_errors.group(0) if socket_errors else "",
    }


def run_python_load(url: str, duration: int) -> dict:
    """A stand-in for wrk: keep-alive connections on threads, counting responses for `duration`."""
    parts = urllib.parse.urlsplit(url)
    deadline = time.monotonic() + duration
    counts = {"requests": 0, "non_2xx": 0, "errors": 0}
    lock = threading.Lock()

    def worker() -> None:
        done = bad = errors = 0
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        while time.monotonic() < deadline:
            try:
                connection.request("GET", parts.path or "/")
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                errors += 1
                connection.close()
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
                continue
            done += 1
            bad += not 200 <= response.status < 400
        connection.close()
        with lock:
            counts["requests"] += done
            counts["non_2xx"] += bad
            counts["errors"] += errors

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    return {
        "rps": counts["requests"] / elapsed,
        "requests": counts["requests"],
        "non_2xx": counts["non_2xx"],
        "socket_errors": f"{counts['errors']} errors" if counts["errors"] else "",
    }


def measure(load, url: str) -> dict:  # noqa: ANN001 - one of the two load functions above
    load(url, WARMUP)
    result = load(url, DURATION)
    if result["non_2xx"]:
        raise BenchError(f"{url}: {result['non_2xx']} of {result['requests']} responses not 2xx")
    return result


def throughput(hello_url: str, portal_url: str) -> dict:
    tool = "wrk" if shutil.which("wrk") else "python"
    load = run_wrk if tool == "wrk" else run_python_load
    if tool == "python":
        print("wrk not found: falling back to a Python load generator (threads, http.client).")
        print("Its absolute figures are lower than wrk's; the ratio is still comparable.")
    targets = {"hello": hello_url + "/", "portal": portal_url + QUESTION_PATH}
    rounds: dict[str, list[dict]] = {"hello": [], "portal": []}
    for number in range(ROUNDS):
        # Alternate which goes first, so neither always runs on a warmer or cooler machine.
        order = ["hello", "portal"] if number % 2 == 0 else ["portal", "hello"]
        for name in order:
            result = measure(load, targets[name])
            rounds[name].append(result)
            print(f"  round {number + 1}: {name:6} {result['rps']:9.1f} req/s")
    hello = statistics.median(r["rps"] for r in rounds["hello"])
    per_round = [
        100 * p["rps"] / h["rps"] for h, p in zip(rounds["hello"], rounds["portal"], strict=True)
    ]
    portal = statistics.median(r["rps"] for r in rounds["portal"])
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
        },
        "urls": {"hello": "/", "portal": QUESTION_PATH},
        "rounds": rounds,
        "hello_rps": hello,
        "portal_rps": portal,
        "ratio_percent": 100 * portal / hello,
        "ratio_percent_per_round": per_round,
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


def print_report(speed: dict, weight: dict) -> None:
    print()
    print(f"Throughput ({speed['tool']}, median of {ROUNDS} rounds):")
    print(f"  hello world  GET /              {speed['hello_rps']:9.1f} req/s")
    print(f"  portal       GET {QUESTION_PATH:14} {speed['portal_rps']:9.1f} req/s")
    ratio = speed["ratio_percent"]
    print(f"  ratio        {ratio:.1f}% (target >= {TARGET_RATIO:.0f}%) {verdict(speed['pass'])}")
    spread = ", ".join(f"{value:.1f}%" for value in speed["ratio_percent_per_round"])
    print(f"  per round    {spread} (the spread is the machine's noise)")
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


def markdown(results: dict) -> str:
    speed, weight = results["throughput"], results["page_weight"]
    uncompressed = [r["url"] for r in weight["resources"] if not r["content_encoding"]]
    lines = [
        "| Date | Machine | Measure | Result | Target | |",
        "|---|---|---|---|---|---|",
        f"| {results['date']} | {results['machine']['cpus']} cores"
        f" | Question page ({QUESTION_PATH}) throughput vs hello world"
        f" | {speed['ratio_percent']:.1f}% ({speed['portal_rps']:.0f} vs"
        f" {speed['hello_rps']:.0f} req/s, {speed['tool']})"
        f" | >= {TARGET_RATIO:.0f}% | {verdict(speed['pass'])} |",
        f"| {results['date']} | {results['machine']['cpus']} cores"
        f" | Start page first visit, all {len(weight['resources'])} requests"
        f" | {weight['total_kb']:.1f} KB | <= {TARGET_KB:.0f} KB | {verdict(weight['pass'])} |",
    ]
    if uncompressed:
        lines.append("")
        lines.append("Sent uncompressed: " + ", ".join(f"`{url}`" for url in uncompressed) + ".")
    return "\n".join(lines)


def main() -> int:
    os.chdir(ROOT)
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="portal-bench-")))
        env = prepare_database(workdir)
        hello_url = start_server(stack, "bench.hello:app", env, workdir / "hello.log")
        portal_url = start_server(stack, "wsgi:app", env, workdir / "portal.log")
        wait_until_ready(hello_url + "/", workdir / "hello.log")
        wait_until_ready(portal_url + QUESTION_PATH, workdir / "portal.log")
        cpus = os.cpu_count()
        print(f"Servers: gunicorn --workers {WORKERS} --worker-class sync, on {cpus} CPUs")
        print("Throughput:")
        speed = throughput(hello_url, portal_url)
        speed["pass"] = speed["ratio_percent"] >= TARGET_RATIO
        weight = page_weight(portal_url)
        weight["pass"] = weight["total_kb"] <= TARGET_KB
    results = {
        "date": dt.date.today().isoformat(),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "targets": {"ratio_percent_min": TARGET_RATIO, "start_page_kb_max": TARGET_KB},
        "throughput": speed,
        "page_weight": weight,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print_report(speed, weight)
    print(f"\nWritten to {RESULTS.relative_to(ROOT)}. For bench/README.md:\n")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (BenchError, subprocess.CalledProcessError) as error:
        print(f"bench: {error}", file=sys.stderr)
        sys.exit(1)
