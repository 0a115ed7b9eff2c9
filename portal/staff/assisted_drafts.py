"""Where a complaint staff are typing in for someone keeps its answers between pages.

The same drafts table as the public journeys, but each row is marked with the member of staff
(drafts.entered_by_id) and found through a session key of its own, so a member of staff can
never carry a public draft into an assisted one or the other way round: the public drafts
module refuses marked rows, and this store refuses unmarked ones and other people's.
"""

from __future__ import annotations

from typing import Any

from flask import current_app, g, session
from sqlalchemy import insert, select, update

from portal import db
from portal.journey import drafts
from portal.journey.drafts import DraftRow
from portal.models import Draft, new_token, utcnow
from portal.staff import roles

SESSION_KEY = "staff_draft"
_TABLE = Draft.__table__


def _user_id() -> int | None:
    user = roles.current_user()
    return user.id if user is not None else None


def current() -> DraftRow | None:
    """The signed-in member of staff's draft, loaded once per request."""
    if "staff_draft" not in g:
        g.staff_draft = _load()
    return g.staff_draft


def _load() -> DraftRow | None:
    draft_id, user_id = session.get(SESSION_KEY), _user_id()
    if not isinstance(draft_id, str) or user_id is None:
        return None
    row = (
        db.session()
        .execute(
            select(_TABLE.c.answers, _TABLE.c.updated_at).where(
                _TABLE.c.id == draft_id, _TABLE.c.entered_by_id == user_id
            )
        )
        .first()
    )
    if row is None:
        return None
    draft = DraftRow(draft_id, dict(row.answers or {}), row.updated_at)
    if drafts._expired(draft, current_app.config["DRAFT_LIFETIME_DAYS"]):
        return None
    return draft


def answers() -> dict[str, Any]:
    draft = current()
    return dict(draft.answers) if draft else {}


def save(new_answers: dict[str, Any]) -> DraftRow:
    """Merge answers into the draft, starting one marked with this member of staff."""
    user_id = _user_id()
    if user_id is None:  # every route that saves is behind roles.require
        raise RuntimeError("an assisted draft needs a signed-in member of staff")
    draft = current()
    now = utcnow()
    data = db.session()
    if draft is None:
        draft = DraftRow(new_token(32), dict(new_answers), now, new=True)
        data.execute(
            insert(_TABLE).values(
                id=draft.id,
                answers=draft.answers,
                created_at=now,
                updated_at=now,
                entered_by_id=user_id,
            )
        )
        session[SESSION_KEY] = draft.id
        g.staff_draft = draft
    else:
        draft.answers.update(new_answers)
        draft.updated_at = now
        data.execute(
            update(_TABLE)
            .where(_TABLE.c.id == draft.id, _TABLE.c.entered_by_id == user_id)
            .values(answers=draft.answers, updated_at=now)
        )
    data.commit()
    return draft


def forget() -> None:
    session.pop(SESSION_KEY, None)
    g.pop("staff_draft", None)
