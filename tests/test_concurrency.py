"""Many people sending at once: 50 simultaneous submissions give 50 cases, 50 references.

The portal runs as it does in production: gunicorn (2 worker processes, threaded) in a
subprocess, over a migrated database, on SQLite and on PostgreSQL (PostgreSQL when
TEST_POSTGRES=1, as in tests/test_db.py). Each client is a separate requests.Session with
its own cookies; CSRF stays on, so every form's token is read from the page. All the
submits are released together by a barrier, and a few people double-submit from the same
browser session at the same moment, which must still make only one case per draft.

To use another journey, change `fill_draft` and `SUBMIT_URL` (and CONFIRMATION_REFERENCE
if its confirmation page shows the reference differently).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
from bs4 import BeautifulSoup
from flask import Flask
from flask.sessions import SecureCookieSessionInterface
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session

from portal.config import ROOT
from portal.db import _engine_for, upgrade
from portal.domain.references import normalise
from portal.journey.drafts import SESSION_KEY as DRAFT_KEY
from portal.models import Case
from tests.conftest import POSTGRES_URL

BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_POSTGRES") == "1" else [])

PEOPLE = 20
DOUBLE_SUBMITTERS = 5  # of the PEOPLE, how many also send a second submit at the same moment
SUBMIT_URL = "/feedback/submit"
CONFIRMATION_REFERENCE = ".govuk-panel strong"
SECRET_KEY = "concurrency-test-secret"
SESSION_COOKIE = "portal_session"
#: Enough threads that every submit (and double submit) is in flight at once.
GUNICORN = ["--workers", "2", "--worker-class", "gthread", "--threads", "28"]
TIMEOUT = 60  # seconds for any one request: generous, a 2-core CI runner may be slow


@dataclass
class Browser:
    """One person's browser: its own cookies, and every response status it was given."""

    base_url: str
    http: requests.Session = field(default_factory=requests.Session)
    statuses: list[tuple[str, str, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.http.hooks["response"].append(self._record)
        # A new connection per request: a kept-alive one can be closed by gunicorn (after its
        # keep-alive timeout) just as a slow CI machine sends the next POST on it, which a
        # client may not retry. Browsers retry that case; requests does not.
        self.http.headers["Connection"] = "close"

    def _record(self, response: requests.Response, *_args, **_kwargs) -> None:
        self.statuses.append((response.request.method, response.url, response.status_code))

    def get(self, path: str) -> requests.Response:
        return self.http.get(self.base_url + path, timeout=TIMEOUT)

    def post(self, path: str, data: dict[str, str]) -> requests.Response:
        return self.http.post(self.base_url + path, data=data, timeout=TIMEOUT)

    def csrf(self, path: str) -> str:
        """Load the page at path, as a browser would, and read its form's CSRF token."""
        response = self.get(path)
        assert response.status_code == 200, (path, response.status_code, response.url)
        soup = BeautifulSoup(response.text, "html.parser")
        return soup.find("input", attrs={"name": "csrf_token"})["value"]

    def answer(self, path: str, data: dict[str, str]) -> requests.Response:
        """Load the form at path and post these answers with its token, following redirects."""
        return self.post(path, {"csrf_token": self.csrf(path), **data})

    def twin(self) -> Browser:
        """A second tab: the same session cookie, sending its own requests."""
        other = Browser(self.base_url)
        other.http.cookies.update(self.http.cookies)
        other.statuses = self.statuses
        return other

    def draft_id(self) -> str:
        """The draft this browser's session points at (the session cookie is signed, not
        encrypted, so the test reads it with the server's key as Flask would)."""
        app = Flask(__name__)
        app.secret_key = SECRET_KEY
        signer = SecureCookieSessionInterface().get_signing_serializer(app)
        return signer.loads(self.http.cookies[SESSION_COOKIE])[DRAFT_KEY]


def fill_draft(base_url: str, person: int) -> tuple[Browser, str]:
    """Walk the compliment journey to the check page. Returns the browser, ready to post
    SUBMIT_URL, and the CSRF token from the check page's form."""
    browser = Browser(base_url)
    steps = [
        ("/feedback/kind", {"kind": "compliment"}),
        ("/feedback/message", {"message": f"Thank you from person {person}"}),
        ("/feedback/team", {"team": "Fostering"}),
        ("/feedback/reply", {"reply": "no"}),
    ]
    for path, data in steps:
        response = browser.answer(path, data)
        assert response.status_code == 200 and response.history, (path, response.status_code)
    assert response.url == base_url + "/feedback/result", response.url
    return browser, browser.csrf("/feedback/result")


# The server --------------------------------------------------------------------------------


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path) -> Iterator[str]:
    """A migrated database: the same per-test isolation as tests/test_db.py."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'db.sqlite'}"
        upgrade(url)
        yield url
        return
    schema = f"t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://"))
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    upgrade(url)
    yield url
    with admin.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@dataclass
class Server:
    base_url: str
    log: Path

    def log_tail(self, lines: int = 60) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


@pytest.fixture
def server(database_url, tmp_path) -> Iterator[Server]:
    """gunicorn serving the portal over database_url, as `make run` does, on a free port.

    The test binds the listening socket itself and hands it to gunicorn (fd://), so there is
    no race for the port and requests queue until a worker is ready.
    """
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(256)
    port = listener.getsockname()[1]
    # The server is the thing under load, not under measurement: coverage tracing (pytest-cov
    # passes COV_CORE_* to subprocesses) would slow every request several times over.
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("COV_CORE_")},
        "PORTAL_ENV": "development",
        "DATABASE_URL": database_url,
        "SECRET_KEY": SECRET_KEY,
        "RATELIMIT_ENABLED": "0",
        "SESSION_COOKIE_SECURE": "0",
        "TRUSTED_PROXY_HOPS": "0",
        "UPLOAD_DIR": str(tmp_path / "uploads"),
        "OUTBOX_DIR": str(tmp_path / "outbox"),
        "SMTP_URL": "",
        "NOTIFY_API_KEY": "",
    }
    log = tmp_path / "gunicorn.log"
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--bind",
                f"fd://{listener.fileno()}",
                *GUNICORN,
                "--graceful-timeout",
                "5",
                # A busy CI machine (the rest of the suite runs alongside) must slow the
                # workers down, not get them killed mid-request by the default 30 s timeout.
                "--timeout",
                "120",
                "wsgi:app",
            ],
            cwd=ROOT,
            env=env,
            pass_fds=[listener.fileno()],
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    listener.close()
    running = Server(f"http://127.0.0.1:{port}", log)
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, "gunicorn exited:\n" + running.log_tail()
            try:
                if requests.get(running.base_url + "/healthz", timeout=5).status_code == 200:
                    break
            except requests.RequestException:
                pass
            assert time.monotonic() < deadline, "gunicorn never answered:\n" + running.log_tail()
            time.sleep(0.2)
        yield running
    finally:
        process.send_signal(signal.SIGINT)  # quick shutdown: every request has finished
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# The test ----------------------------------------------------------------------------------


def _submit(browser: Browser, token: str, barrier: threading.Barrier) -> str:
    """Wait for everyone, post the submit, follow to the confirmation; the reference shown."""
    browser.http.close()  # a fresh connection, not one the server may be closing as idle
    barrier.wait(timeout=TIMEOUT)
    response = browser.post(SUBMIT_URL, {"csrf_token": token})
    assert response.status_code == 200, (response.status_code, response.url)
    assert [r.status_code for r in response.history] == [302], response.history
    strong = BeautifulSoup(response.text, "html.parser").select_one(CONFIRMATION_REFERENCE)
    assert strong is not None, response.url
    reference = normalise(strong.get_text())
    assert reference, strong.get_text()
    return reference


def test_simultaneous_submissions_each_make_one_case_with_its_own_reference(server, database_url):
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=PEOPLE) as pool:
        filled = list(pool.map(lambda person: fill_draft(server.base_url, person), range(PEOPLE)))
    drafts = [browser.draft_id() for browser, _token in filled]
    assert len(set(drafts)) == PEOPLE

    # Everyone presses "Send" at once; a few press it in two tabs at once.
    senders = [(browser, token, person) for person, (browser, token) in enumerate(filled)]
    senders += [
        (browser.twin(), token, person) for browser, token, person in senders[:DOUBLE_SUBMITTERS]
    ]
    barrier = threading.Barrier(len(senders))
    with ThreadPoolExecutor(max_workers=len(senders)) as pool:
        futures = [
            (person, pool.submit(_submit, browser, token, barrier))
            for browser, token, person in senders
        ]
        shown: dict[int, set[str]] = {}
        for person, future in futures:
            try:
                shown.setdefault(person, set()).add(future.result())
            except Exception as error:  # noqa: BLE001 - show the server's side too
                pytest.fail(f"person {person}: {error!r}\n--- server log ---\n{server.log_tail()}")
    elapsed = time.monotonic() - started

    engine = _engine_for(database_url)
    try:
        with Session(engine) as session:
            cases = session.scalars(select(Case)).all()
    finally:
        engine.dispose()
    by_draft = {case.draft_id: case.reference for case in cases}

    assert len(cases) == PEOPLE, f"{len(cases)} cases for {PEOPLE} drafts"
    assert len({case.reference for case in cases}) == PEOPLE
    assert sorted(by_draft) == sorted(drafts)  # exactly one case per draft, none extra
    for person, draft_id in enumerate(drafts):
        # Each person (both tabs, for a double submitter) sees their own case's reference.
        assert shown[person] == {by_draft[draft_id]}, person
    failures = [s for b, _t in filled for s in b.statuses if s[2] >= 500]
    assert failures == [], failures
    assert "Traceback" not in server.log.read_text(errors="replace"), server.log_tail()
    print(f"{PEOPLE} people, {DOUBLE_SUBMITTERS} double submits: {elapsed:.1f}s")
