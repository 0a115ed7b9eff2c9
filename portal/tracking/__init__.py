"""Following a case without an account: magic links, and the pages they sign in to.

One blueprint, with its pages in modules by what they do: views (asking for a link,
opening it, signing out), case_page (the case and its stages), actions (asking what is
happening, escalating, withdrawing), messages, and advocacy.
"""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("tracking", __name__, url_prefix="/track")


def init_app(app: Flask) -> None:
    from portal.tracking import actions, advocacy, case_page, messages, views  # noqa: F401

    app.register_blueprint(bp)
