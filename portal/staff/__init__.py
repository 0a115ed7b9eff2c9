"""The staff side: accounts, sign-in and roles (issue 7). Case work comes later."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from portal.staff import case_list, case_page  # noqa: F401 - register their routes on bp
    from portal.staff.views import bp

    app.register_blueprint(bp)
