"""Server-side drafts: answers are saved on every valid step; the cookie holds only the id.

A missing, expired or tampered id simply means no draft: the person starts a fresh one, and
nobody can reach another person's answers by guessing (ids are 32 random bytes).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from flask import current_app, g, session
from sqlalchemy import delete, exists, insert, select, update
from sqlalchemy.orm import Session

from portal import db
from portal.journey import evidence
from portal.models import Case, Draft, new_token, utcnow

SESSION_KEY = "draft"
_ID = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


@dataclass
class DraftRow:
    """A draft as plain data. Drafts are read and written with single Core statements rather
    than through the ORM: this runs on every page of every journey, and the ORM's identity map
    and flush cost more than the query itself."""

    id: str
    answers: dict[str, Any]
    updated_at: datetime
    new: bool = False


_TABLE = Draft.__table__


def current() -> DraftRow | None:
    """The person's draft, loaded once per request (a guard and a view may both ask)."""
    if "draft" not in g:
        g.draft = _load()
    return g.draft


def _load() -> DraftRow | None:
    draft_id = session.get(SESSION_KEY)
    if not isinstance(draft_id, str) or not _ID.match(draft_id):
        return None
    row = (
        db.session()
        .execute(
            select(_TABLE.c.answers, _TABLE.c.updated_at).where(
                # a draft staff are typing in (portal.staff.assisted) is never a public one
                _TABLE.c.id == draft_id,
                _TABLE.c.entered_by_id.is_(None),
            )
        )
        .first()
    )
    if row is None:
        return None
    draft = DraftRow(draft_id, dict(row.answers or {}), row.updated_at)
    if _expired(draft, current_app.config["DRAFT_LIFETIME_DAYS"]):
        return None
    return draft


def _expired(draft: Draft | DraftRow, days: int) -> bool:
    updated = draft.updated_at
    if updated.tzinfo is None:  # SQLite returns naive datetimes, stored as UTC
        updated = updated.replace(tzinfo=UTC)
    return updated < datetime.now(UTC) - timedelta(days=days)


def purge(session_: Session, days: int, upload_dir: Path | None = None) -> int:
    """Delete drafts untouched for `days` days, and the evidence files of those never sent.

    A sent draft's files belong to its case, so they stay. Returns how many drafts went.
    """
    cutoff = utcnow() - timedelta(days=days)
    if upload_dir is not None:
        unsent = session_.scalars(
            select(Draft).where(
                Draft.updated_at < cutoff, ~exists().where(Case.draft_id == Draft.id)
            )
        )
        for draft in unsent:
            for record in draft.answers.get("evidence_files") or []:
                if isinstance(record, dict) and record.get("stored_name"):
                    with contextlib.suppress(ValueError, OSError):
                        evidence.delete_stored(upload_dir, record["stored_name"])
    result = session_.execute(
        delete(Draft).where(Draft.updated_at < cutoff),
        execution_options={"synchronize_session": False},
    )
    session_.commit()
    return result.rowcount or 0


def answers() -> dict[str, Any]:
    draft = current()
    return dict(draft.answers) if draft else {}


def save(new_answers: dict[str, Any]) -> DraftRow:
    """Merge answers into the person's draft, creating it on the first answer."""
    draft = current()
    now = utcnow()
    data = db.session()
    if draft is None:
        draft = DraftRow(new_token(32), dict(new_answers), now, new=True)
        data.execute(
            insert(_TABLE).values(
                id=draft.id, answers=draft.answers, created_at=now, updated_at=now
            )
        )
        session[SESSION_KEY] = draft.id
        session.permanent = True
        g.draft = draft
    else:
        draft.answers.update(new_answers)
        draft.updated_at = now
        data.execute(
            update(_TABLE)
            .where(_TABLE.c.id == draft.id)
            .values(answers=draft.answers, updated_at=now)
        )
    data.commit()
    return draft


def forget() -> None:
    session.pop(SESSION_KEY, None)
    g.pop("draft", None)
