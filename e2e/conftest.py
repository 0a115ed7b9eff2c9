"""Browser tests: system Chromium through pytest-playwright, the app on a live server.

One browser for the session (pytest-playwright's own `browser` fixture), one live server for
the session. Every page a test reaches goes through e2e.helpers (go, submit, check), which
runs axe with the full default rule set and fails on any failed request or 4xx/5xx response.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from werkzeug.serving import make_server

from e2e.helpers import LIVE_ORIGINS
from e2e.helpers import axe_check as _axe_check
from portal import create_app
from portal.db import upgrade

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def make_e2e_app(tmp: Path, **overrides: Any):
    """A migrated app over its own SQLite file, configured for tests."""
    url = f"sqlite:///{tmp / 'portal.db'}"
    upgrade(url)
    config = {
        "DATABASE_URL": url,
        "TESTING": True,
        "RATELIMIT_ENABLED": False,
        "SECRET_KEY": "e2e",
        "UPLOAD_DIR": str(tmp / "uploads"),
        "OUTBOX_DIR": str(tmp / "outbox"),
    }
    config.update(overrides)
    return create_app(config)


def serve(app) -> tuple[str, Any]:
    """Serve the app on a free port in a daemon thread; returns (base URL, server)."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="e2e-live-server", daemon=True)
    thread.start()
    return f"http://127.0.0.1:{server.server_port}", server


def live(app) -> Iterator[str]:
    url, server = serve(app)
    LIVE_ORIGINS.add(url)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    app = make_e2e_app(tmp_path_factory.mktemp("e2e"))
    yield from live(app)


@pytest.fixture(scope="session")
def base_url(live_server: str) -> str:
    return live_server


@pytest.fixture
def axe_check():
    """Run axe (full default rule set) on a page and fail on any violation."""
    return _axe_check
