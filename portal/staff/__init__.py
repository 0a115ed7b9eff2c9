"""The staff side: accounts, sign-in and roles (issue 7). Case work comes later."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    # these modules add their routes to bp
    from portal.staff import (  # noqa: F401
        assisted,
        audit_page,
        case_list,
        case_page,
        reports,
        restrictions,
    )
    from portal.staff.views import bp

    app.register_blueprint(bp)
