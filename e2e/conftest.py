"""Browser tests: system Chromium through pytest-playwright, the app on a live server.

One browser for the session (pytest-playwright's own `browser` fixture) and one live server
for the session. Every page a test reaches goes through e2e.helpers (go, submit, check),
which runs axe with the full default rule set and fails on any failed request or 4xx/5xx
response from the live server.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask

from e2e.browser import CHROMIUM, CHROMIUM_ARGS
from e2e.helpers import axe_check as _axe_check
from e2e.server import live, make_e2e_app


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    return make_e2e_app(tmp_path_factory.mktemp("e2e"))


@pytest.fixture(scope="session")
def live_server(live_app: Flask) -> Iterator[str]:
    yield from live(live_app)


@pytest.fixture(scope="session")
def base_url(live_server: str) -> str:
    return live_server


@pytest.fixture
def axe_check():
    """Run axe (full default rule set) on a page and fail on any violation."""
    return _axe_check
