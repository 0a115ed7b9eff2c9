"""Server-side drafts: answers are saved on every valid step; the cookie holds only the id.

A missing, expired or tampered id simply means no draft: the person starts a fresh one, and
nobody can reach another person's answers by guessing (ids are 32 random bytes).
"""

from __future__ import annotations

import re
from typing import Any

from flask import session

from portal import db
from portal.models import Draft, new_token

SESSION_KEY = "draft"
_ID = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def current() -> Draft | None:
    draft_id = session.get(SESSION_KEY)
    if not isinstance(draft_id, str) or not _ID.match(draft_id):
        return None
    return db.session().get(Draft, draft_id)


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
    draft.answers.update(new_answers)
    db.session().commit()
    return draft


def forget() -> None:
    session.pop(SESSION_KEY, None)
