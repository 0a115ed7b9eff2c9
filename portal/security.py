"""Headers, the CSP nonce, the real client address and rate limits.

The nonce is made per request and handed to the page template as `cspNonce`, so the GOV.UK
template's inline script runs under a strict CSP. Every HTML page is `no-store`: the portal
is used on shared family computers, and the back button must not show someone's answers.
"""

from __future__ import annotations

import secrets

from flask import Flask, current_app, g, request
from flask.wrappers import Response
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

csrf = CSRFProtect()


def _post_limit() -> str:
    return current_app.config["POST_RATE_LIMIT"]


def _not_a_post() -> bool:
    return request.method != "POST"


#: Keyed on the client address that ProxyFix recovered from TRUSTED_PROXY_HOPS proxies, so
#: people behind one proxy are not limited as one, and a forged X-Forwarded-For is ignored.
limiter = Limiter(
    get_remote_address,
    application_limits=[_post_limit],
    application_limits_exempt_when=_not_a_post,
)

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)


def csp_nonce() -> str:
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def _content_security_policy(nonce: str) -> str:
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'nonce-{nonce}'",
            f"style-src 'self' 'nonce-{nonce}'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def _add_headers(response: Response) -> Response:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", _content_security_policy(csp_nonce()))
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "no-referrer")
    headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
    # Browsers ignore HSTS over plain HTTP, so sending it always is safe in development.
    headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    if "Cache-Control" not in headers:
        headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask) -> None:
    hops = app.config["TRUSTED_PROXY_HOPS"]
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    csrf.init_app(app)
    limiter.init_app(app)
    app.after_request(_add_headers)
    app.jinja_env.globals["csp_nonce"] = csp_nonce
