"""The children's social care complaints portal: create_app() builds it."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask
from flask_babel import format_date
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader

from portal.config import INSTANCE, ROOT, load_config


def _configure_jinja(app: Flask) -> None:
    from portal.components import Components, Fragments

    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(str(ROOT / "templates")),
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.globals["govuk"] = Components(app.jinja_env)
    app.jinja_env.globals["fragment"] = Fragments(app.jinja_env)
    app.jinja_env.globals["format_date"] = format_date


def _configure_logging(app: Flask) -> None:
    """In development, show the outbox's INFO lines (where each message was saved, and its
    links) on the terminal; tests and production keep their own logging settings."""
    if app.config["TESTING"] or app.config["PORTAL_ENV"] == "production":
        return
    logging.getLogger("portal.notify").setLevel(logging.INFO)
    # Flask gives the "portal" logger a stderr handler when nothing else handles its records,
    # as under gunicorn and `flask` commands; "portal.notify" records propagate to it.
    app.logger  # noqa: B018 - creating app.logger adds that handler


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = Flask(
        __name__,
        static_folder=str(ROOT / "static" / "dist"),
        static_url_path="/assets",
        instance_path=str(INSTANCE),
    )
    app.config.update(load_config(config))

    from portal import assets, cli, db, errors, i18n, security
    from portal.councils import load_council
    from portal.directory import national_directory
    from portal.pages import bp as pages

    council = load_council(app.config["COUNCIL"])
    app.extensions["council"] = council
    _configure_jinja(app)
    db.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    assets.init_app(app)
    errors.init_app(app)
    cli.init_app(app)
    _configure_logging(app)

    from portal import dev, journey, staff, tracking

    app.register_blueprint(pages)
    journey.init_app(app)
    tracking.init_app(app)
    staff.init_app(app)
    dev.init_app(app)

    directory = national_directory()

    @app.context_processor
    def _page_context() -> dict[str, Any]:
        return {
            "council": council,
            "directory": directory,
            "cspNonce": security.csp_nonce(),
        }

    return app
