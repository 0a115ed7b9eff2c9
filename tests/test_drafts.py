"""Drafts expire: an old draft is neither shown nor kept."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from portal import db
from portal.models import Draft, utcnow
from tests.test_journey import answer_all


def age_all_drafts(app, days: int) -> None:
    with app.app_context():
        db.session().execute(update(Draft).values(updated_at=utcnow() - timedelta(days=days)))
        db.session().commit()


def test_an_expired_draft_is_not_resumed(app_factory):
    app = app_factory(DRAFT_LIFETIME_DAYS=28)
    client = app.test_client()
    answer_all(client, until="role")
    age_all_drafts(app, 27)
    assert client.get("/check/").location.endswith("/check/role")
    age_all_drafts(app, 29)
    assert client.get("/check/").location.endswith("/check/danger")


def test_purge_removes_only_old_drafts(app_factory):
    app = app_factory(DRAFT_LIFETIME_DAYS=28)
    for _ in range(2):
        answer_all(app.test_client(), until="about")
    age_all_drafts(app, 40)
    answer_all(app.test_client(), until="about")
    result = app.test_cli_runner().invoke(args=["drafts", "purge"])
    assert "purged 2 drafts" in result.output
    with app.app_context():
        assert len(db.session().scalars(select(Draft)).all()) == 1
