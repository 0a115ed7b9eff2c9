"""Settings from environment variables, with the defaults a developer's machine needs.

Every variable is documented in the README's table. Nothing else reads os.environ.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
INSTANCE = ROOT / "instance"


def _flag(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _secret_key(production: bool) -> str:
    """Production must set SECRET_KEY; development keeps a generated one under instance/."""
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    if production:
        raise RuntimeError("SECRET_KEY must be set when PORTAL_ENV=production")
    INSTANCE.mkdir(exist_ok=True)
    path = INSTANCE / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def load_config(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    env = os.environ
    production = env.get("PORTAL_ENV", "development") == "production"
    overrides = dict(overrides or {})
    config: dict[str, Any] = {
        "PORTAL_ENV": "production" if production else "development",
        "DATABASE_URL": env.get("DATABASE_URL") or f"sqlite:///{INSTANCE / 'portal.db'}",
        "COUNCIL": env.get("COUNCIL", "example"),
        # Offered in the language switcher; each needs a complete catalogue in translations/
        # (tests/test_translations.py). English is the source language.
        "LANGUAGES": [code.strip() for code in env.get("LANGUAGES", "en,pl,ur").split(",")],
        "RATELIMIT_STORAGE_URI": env.get("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_ENABLED": _flag(env.get("RATELIMIT_ENABLED"), True),
        "RATELIMIT_HEADERS_ENABLED": True,
        "POST_RATE_LIMIT": env.get("POST_RATE_LIMIT", "60 per minute"),
        "TRUSTED_PROXY_HOPS": int(env.get("TRUSTED_PROXY_HOPS", "0") or 0),
        "NOTIFY_API_KEY": env.get("NOTIFY_API_KEY", ""),
        "NOTIFY_TEMPLATE_ID": env.get("NOTIFY_TEMPLATE_ID", ""),
        "NOTIFY_SMS_TEMPLATE_ID": env.get("NOTIFY_SMS_TEMPLATE_ID", ""),
        "NOTIFY_BASE_URL": env.get("NOTIFY_BASE_URL", ""),
        "SMTP_URL": env.get("SMTP_URL", ""),
        "MAIL_FROM": env.get("MAIL_FROM", "no-reply@example.org"),
        "UPLOAD_DIR": env.get("UPLOAD_DIR") or str(INSTANCE / "uploads"),
        "OUTBOX_DIR": env.get("OUTBOX_DIR") or str(INSTANCE / "outbox"),
        # /dev/outbox lists every message sent; never registered when PORTAL_ENV=production.
        "DEV_OUTBOX": _flag(env.get("DEV_OUTBOX"), False),
        # Unfinished answers are kept this long after their last change, then purged.
        "DRAFT_LIFETIME_DAYS": int(env.get("DRAFT_LIFETIME_DAYS", "28") or 28),
        # A "save and come back later" link lasts this long, but never past its draft's expiry.
        "RESUME_LINK_DAYS": int(env.get("RESUME_LINK_DAYS", "7") or 7),
        # A tracking link (in the receipt, or sent from /track) works this long, until revoked.
        "TRACKING_LINK_DAYS": int(env.get("TRACKING_LINK_DAYS", "30") or 30),
        # A signed-in tracking visit ends after this long without a page being opened.
        "TRACKING_IDLE_MINUTES": int(env.get("TRACKING_IDLE_MINUTES", "120") or 120),
        # Staff sign-in: signed out after this long without a request; locked for
        # STAFF_LOCKOUT_MINUTES after STAFF_LOCKOUT_ATTEMPTS wrong passwords or codes in a row.
        "STAFF_IDLE_MINUTES": int(env.get("STAFF_IDLE_MINUTES", "30") or 30),
        "STAFF_LOCKOUT_ATTEMPTS": int(env.get("STAFF_LOCKOUT_ATTEMPTS", "5") or 5),
        "STAFF_LOCKOUT_MINUTES": int(env.get("STAFF_LOCKOUT_MINUTES", "15") or 15),
        # Closed cases are purged (flask retention purge) this many whole years after the
        # last thing that happened to them. domain.md section 6 (and open question 13) found no
        # statutory period for complaint files and says to make it a council setting. 6 is the
        # usual entry for complaints in local authorities' retention schedules (closure plus
        # 6 years: the Limitation Act 1980's six years for claims), general knowledge, not
        # from the reference: each council sets its own schedule's figure here.
        "RETENTION_YEARS": int(env.get("RETENTION_YEARS", "6") or 6),
        "PUBLIC_URL": env.get("PUBLIC_URL", "http://127.0.0.1:8000"),
        # Drafts live server-side; the session only carries the draft id, so the session
        # can last as long as a person might reasonably take over a complaint.
        "PERMANENT_SESSION_LIFETIME": int(env.get("SESSION_LIFETIME_SECONDS", str(7 * 24 * 3600))),
        "SESSION_COOKIE_NAME": "portal_session",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": _flag(env.get("SESSION_COOKIE_SECURE"), production),
        # The CSRF token is bound to the session, not to a clock: an expiring token loses answers.
        "WTF_CSRF_TIME_LIMIT": None,
        "WTF_CSRF_SSL_STRICT": production,
        "MAX_CONTENT_LENGTH": int(env.get("MAX_CONTENT_LENGTH", str(50 * 1024 * 1024))),
        "TESTING": False,
    }
    if "SECRET_KEY" not in overrides:
        config["SECRET_KEY"] = _secret_key(production)
    config.update(overrides)
    return config
