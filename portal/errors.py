"""Error pages that say what happened and what to do, in the person's language."""

from __future__ import annotations

import logging

from flask import Flask, current_app, render_template, request
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

PAGES = {
    400: "errors/400.html",
    403: "errors/403.html",
    404: "errors/404.html",
    405: "errors/404.html",
    413: "errors/413.html",
    429: "errors/429.html",
    500: "errors/500.html",
}


def _http_error(error: HTTPException) -> ResponseReturnValue:
    code = error.code or 500
    template = PAGES.get(code)
    if template is None:
        return error
    return render_template(template), code


def _csrf_error(error: CSRFError) -> ResponseReturnValue:
    """Show the same form again, with the person's input, rather than losing it."""
    view = current_app.view_functions.get(request.endpoint or "")
    rerender = getattr(view, "rerender_on_csrf_failure", None)
    log.info("CSRF check failed on %s: %s", request.path, error.description)
    if rerender is not None:
        return rerender(**(request.view_args or {})), 400
    return render_template("errors/400.html"), 400


def _server_error(error: Exception) -> ResponseReturnValue:
    log.exception("unhandled error on %s", request.path, exc_info=error)
    return render_template("errors/500.html"), 500


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(500, _server_error)
