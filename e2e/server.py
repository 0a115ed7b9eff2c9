"""The app on a live server for browser tests: migrated SQLite, served in a daemon thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.serving import make_server

from e2e.helpers import LIVE_ORIGINS
from portal import create_app
from portal.demo.stories import SCREENING_NO


def make_e2e_app(tmp: Path, **overrides: Any) -> Flask:
    """A migrated app over its own SQLite file, configured for tests (CSRF stays on)."""
    from tests.conftest import migrated_sqlite

    url = migrated_sqlite(tmp / "portal.db")
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


def live(app: Flask) -> Iterator[str]:
    """Serve the app on a free port in a daemon thread; yield its base URL, then stop it."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="e2e-live-server", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}"
    LIVE_ORIGINS.add(url)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        LIVE_ORIGINS.discard(url)


def in_scope_answers() -> dict[str, str]:
    """Answers to every screening question that lead to the result page (no exit)."""
    today = date.today()
    answers = {**SCREENING_NO, "on_behalf": "no"}
    answers.update(
        about="children_social_care",
        aware=f"{today.year:04d}-{today.month:02d}",
        aware_over_12_months="no",
        role="parent",
    )
    return answers


def session_cookie_for(app: Flask, base_url: str, answers: dict[str, Any]) -> dict[str, Any]:
    """A session cookie for a new draft holding these answers, as if they had been given.

    Saves the draft the way the journey does (portal.journey.drafts.save) and signs the
    session the way Flask does, so a test can start at the result page.
    """
    from portal.journey import drafts

    with app.test_request_context():
        from flask import session

        drafts.save(dict(answers))
        value = app.session_interface.get_signing_serializer(app).dumps(dict(session))
        from portal import db

        db.session().close()
    return {"name": app.config["SESSION_COOKIE_NAME"], "value": value, "url": base_url}
