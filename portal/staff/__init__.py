"""The staff side: accounts, sign-in and roles (issue 7). Case work comes later."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from portal.staff.views import bp

    app.register_blueprint(bp)
