"""Public information pages: start, help directory, cookies, privacy, accessibility, health."""

from __future__ import annotations

from flask import Blueprint, jsonify, redirect, render_template
from flask.typing import ResponseReturnValue

from portal import db
from portal.assets import asset_url

bp = Blueprint("pages", __name__)


@bp.get("/")
def start() -> str:
    return render_template("pages/start.html")


@bp.get("/help")
def help() -> str:  # noqa: A001 - the URL is /help
    return render_template("pages/help.html")


@bp.get("/cookies")
def cookies() -> str:
    return render_template("pages/cookies.html")


@bp.get("/privacy")
def privacy() -> str:
    return render_template("pages/privacy.html")


@bp.get("/accessibility")
def accessibility() -> str:
    return render_template("pages/accessibility.html")


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    try:
        ok = db.ping()
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        ok = False
    if ok:
        return jsonify(status="ok")
    return jsonify(status="error", detail="database unavailable"), 503


@bp.get("/favicon.ico")
def favicon() -> ResponseReturnValue:
    return redirect(asset_url("images/favicon.svg"), code=301)
