"""Fixtures: one migrated app per session, and a client that lints every page it fetches.

CSRF stays on: the client reads the token from the page, as a browser would.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from functools import cached_property
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from portal import create_app
from portal.db import upgrade
from tests.lint import Tree, lint, parse, tree_of

POSTGRES_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql://portal_test:portal_test@127.0.0.1:5432/portal_test"
)


_MIGRATED: dict[str, Path] = {}


def migrated_sqlite(target: Path) -> str:
    """A new SQLite database at the head migration: a copy of one migrated once per process,
    as running every migration for each app took most of a second."""
    if "template" not in _MIGRATED:
        template = Path(tempfile.mkdtemp(prefix="portal-template-")) / "portal.db"
        upgrade(f"sqlite:///{template}")
        _MIGRATED["template"] = template
    shutil.copyfile(_MIGRATED["template"], target)
    return f"sqlite:///{target}"


def make_app(tmp: Path, **overrides):
    if "DATABASE_URL" in overrides:
        url = overrides.pop("DATABASE_URL")
        upgrade(url)
    else:
        url = migrated_sqlite(tmp / "portal.db")
    config = {
        "TESTING": True,
        "DATABASE_URL": url,
        "SECRET_KEY": "test-secret",
        "RATELIMIT_ENABLED": False,
        "UPLOAD_DIR": str(tmp / "uploads"),
        "OUTBOX_DIR": str(tmp / "outbox"),
    }
    config.update(overrides)
    return create_app(config)


class Page:
    """A fetched page: the response, its lxml tree (linted) and, when a test looks into it,
    its BeautifulSoup."""

    def __init__(self, response, tree: Tree | None = None) -> None:
        self.response = response
        self.tree = tree if tree is not None else tree_of(response.get_data(as_text=True))

    @cached_property
    def soup(self) -> BeautifulSoup:
        return parse(self.response.get_data(as_text=True))

    @property
    def status(self) -> int:
        return self.response.status_code

    @property
    def h1(self) -> str:
        return " ".join(self.soup.h1.get_text(" ").split())

    @property
    def text(self) -> str:
        return " ".join(self.soup.get_text(" ").split())

    def errors(self) -> list[str]:
        return [
            " ".join(a.get_text(" ").split()) for a in self.soup.select(".govuk-error-summary a")
        ]

    def csrf(self) -> str:
        return self.tree.xpath("//input[@name='csrf_token']/@value")[0]


class LintingClient(FlaskClient):
    """Every HTML response is linted; helpers answer questions like a person would."""

    lang = "en"
    direction = "ltr"

    def open(self, *args, **kwargs):
        # Buffered, as a server would send it: the response is closed, so what runs after a
        # response has gone (emails, see portal.notify.deliver_now) has run.
        kwargs.setdefault("buffered", True)
        response = super().open(*args, **kwargs)
        if response.mimetype == "text/html" and response.status_code != 302:
            response.tree = lint(response, self.lang, self.direction)
        return response

    def page(self, url: str, expect: int = 200) -> Page:
        response = self.get(url)
        assert response.status_code == expect, (url, response.status_code, response.location)
        return Page(response, getattr(response, "tree", None))

    def submit(self, url: str, data: dict | None = None, follow: bool = False):
        """Load the form at url, then post data with the page's CSRF token."""
        form_page = self.page(url)
        payload = {"csrf_token": form_page.csrf(), **(data or {})}
        return self.post(url, data=payload, follow_redirects=follow)


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    app = make_app(tmp_path_factory.mktemp("app"))
    app.test_client_class = LintingClient
    return app


@pytest.fixture
def client(app) -> LintingClient:
    return app.test_client()


@pytest.fixture
def app_factory(tmp_path):
    def factory(**overrides):
        app = make_app(tmp_path, **overrides)
        app.test_client_class = LintingClient
        return app

    return factory
