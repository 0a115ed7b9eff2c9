"""Server-side drafts: answers are saved on every valid step; the cookie holds only the id.

A missing, expired or tampered id simply means no draft: the person starts a fresh one, and
nobody can reach another person's answers by guessing (ids are 32 random bytes).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import current_app, g, session
from sqlalchemy import delete
from sqlalchemy.orm import Session

from portal import db
from portal.models import Draft, new_token, utcnow

SESSION_KEY = "draft"
_ID = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def current() -> Draft | None:
    """The person's draft, loaded once per request (a guard and a view may both ask)."""
    if "draft" not in g:
        g.draft = _load()
    return g.draft


def _load() -> Draft | None:
    draft_id = session.get(SESSION_KEY)
    if not isinstance(draft_id, str) or not _ID.match(draft_id):
        return None
    draft = db.session().get(Draft, draft_id)
    if draft is None or _expired(draft, current_app.config["DRAFT_LIFETIME_DAYS"]):
        return None
    return draft


def _expired(draft: Draft, days: int) -> bool:
    updated = draft.updated_at
    if updated.tzinfo is None:  # SQLite returns naive datetimes, stored as UTC
        updated = updated.replace(tzinfo=UTC)
    return updated < datetime.now(UTC) - timedelta(days=days)


def purge(session_: Session, days: int) -> int:
    """Delete drafts untouched for `days` days. Returns how many went."""
    result = session_.execute(
        delete(Draft).where(Draft.updated_at < utcnow() - timedelta(days=days))
    )
    session_.commit()
    return result.rowcount or 0


def answers() -> dict[str, Any]:
    draft = current()
    return dict(draft.answers) if draft else {}


def save(new_answers: dict[str, Any]) -> Draft:
    """Merge answers into the person's draft, creating it on the first answer."""
    draft = current()
    if draft is None:
        draft = Draft(id=new_token(32), answers={})
        db.session().add(draft)
        session[SESSION_KEY] = draft.id
        session.permanent = True
        g.draft = draft
    draft.answers.update(new_answers)
    db.session().commit()
    return draft


def forget() -> None:
    session.pop(SESSION_KEY, None)
    g.pop("draft", None)
