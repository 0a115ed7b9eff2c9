"""Following a case without an account: magic links, and the pages they sign in to."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from portal.tracking.views import bp

    app.register_blueprint(bp)
