"""Tracking links: signed tokens with a database row, stored hashed, that expire and can be
revoked.

The token is the row's random id signed with the purpose salt "tracking-link". The row keeps
only the SHA-256 of the exact token, so a copy of the database (even with the secret key)
cannot be turned into a working link: a freshly signed token carries a different timestamp
and so a different hash.

A link works as often as needed until it expires (TRACKING_LINK_DAYS) or is revoked, because
the receipt email is the person's way back to their case for months, and making them ask for
a new link every visit would push them to the phone. Mail scanners cannot use it up or sign
in with it: opening it (GET) only shows a button.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app, url_for
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import update
from sqlalchemy.orm import Session

from portal.i18n import DEFAULT_LANGUAGE, current_language
from portal.models import Case, TrackingLink, aware, new_token, utcnow

SALT = "tracking-link"
#: what an email program may stick to the end of a link it found in the text
TRAILING = ".,)>]"

INVALID, EXPIRED, REVOKED = "invalid", "expired", "revoked"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create(data: Session, case: Case) -> tuple[TrackingLink, str]:
    """A new link for `case`, added to the caller's transaction, and its token."""
    now = utcnow()
    link = TrackingLink(
        id=new_token(32),
        case=case,
        created_at=now,
        expires_at=now + timedelta(days=current_app.config["TRACKING_LINK_DAYS"]),
    )
    token = _serializer().dumps(link.id)
    link.token_hash = _hash(token)
    data.add(link)
    return link, token


def url(token: str) -> str:
    """The full link for an email. It holds nothing about the person or the case."""
    language = current_language()
    lang = language if language != DEFAULT_LANGUAGE else None
    path = url_for("tracking.link", token=token, lang=lang)
    return current_app.config["PUBLIC_URL"].rstrip("/") + path


def clean(token: str) -> str:
    return token.rstrip(TRAILING)


@dataclass(frozen=True)
class Checked:
    link: TrackingLink | None
    problem: str | None


def check(data: Session, token: str) -> Checked:
    """The link a token names and, if it cannot be used, why not."""
    token = clean(token)
    try:
        link_id = _serializer().loads(
            token, max_age=current_app.config["TRACKING_LINK_DAYS"] * 24 * 3600
        )
    except SignatureExpired:
        return Checked(None, EXPIRED)
    except BadSignature:
        return Checked(None, INVALID)
    if not isinstance(link_id, str):
        return Checked(None, INVALID)
    link = data.get(TrackingLink, link_id)
    if link is None or not hmac.compare_digest(link.token_hash, _hash(token)):
        return Checked(None, INVALID)
    return Checked(link, problem(link))


def problem(link: TrackingLink | None) -> str | None:
    """Why a link no longer signs anyone in (or keeps them signed in), if it does not."""
    if link is None:
        return INVALID
    if link.revoked_at is not None:
        return REVOKED
    if aware(link.expires_at) <= utcnow():
        return EXPIRED
    return None


def mark_used(data: Session, link: TrackingLink) -> None:
    """Record the first sign-in (for staff and for spotting misuse); it does not spend it."""
    data.execute(
        update(TrackingLink)
        .where(TrackingLink.id == link.id, TrackingLink.used_at.is_(None))
        .values(used_at=utcnow())
        .execution_options(synchronize_session=False)
    )


def revoke_all(data: Session, case_id: int) -> int:
    """Stop every live link to a case: 'sign out everywhere', or staff acting for the person."""
    result = data.execute(
        update(TrackingLink)
        .where(TrackingLink.case_id == case_id, TrackingLink.revoked_at.is_(None))
        .values(revoked_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return result.rowcount
