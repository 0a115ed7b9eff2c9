"""The database: migrations build what the models describe, on SQLite and on PostgreSQL.

PostgreSQL runs when TEST_POSTGRES=1 (CI sets it; `make test` then starts a local server).
"""

from __future__ import annotations

import os
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from portal import db
from portal.db import _engine_for, upgrade
from portal.models import Base, Draft
from tests.conftest import POSTGRES_URL

BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_POSTGRES") == "1" else [])


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'db.sqlite'}"
        return
    # A fresh schema per test, so tests never see each other's tables.
    schema = f"t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://"))
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    yield f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    with admin.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


def test_migrations_match_the_models(database_url):
    upgrade(database_url)
    engine = _engine_for(database_url)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert diff == []


def test_migrating_twice_is_harmless(database_url):
    upgrade(database_url)
    upgrade(database_url)


def test_drafts_round_trip_json_answers(database_url):
    upgrade(database_url)
    engine = _engine_for(database_url)
    from sqlalchemy.orm import Session

    hostile = "Robert'); DROP TABLE drafts;-- <script>alert(1)</script> \u202e ✓ nul\x00end"
    with Session(engine) as session:
        draft = Draft(answers={"role": "parent", "note": hostile})
        session.add(draft)
        session.commit()
        draft_id = draft.id
    with Session(engine) as session:
        loaded = session.get(Draft, draft_id)
        loaded.answers["danger"] = "no"
        session.commit()
    with Session(engine) as session:
        assert session.get(Draft, draft_id).answers == {
            "role": "parent",
            "note": hostile,
            "danger": "no",
        }
    engine.dispose()
    assert len(draft_id) >= 32


def test_the_screening_journey_runs_on_each_backend(database_url, app_factory):
    from tests.test_journey import answer_all

    app = app_factory(DATABASE_URL=database_url)
    client = app.test_client()
    answer_all(client)
    assert client.page("/check/result").h1 == "You can make a complaint to us"
    assert client.get("/healthz").get_json() == {"status": "ok"}
    app.extensions["db_engine"].dispose()


def test_a_whole_complaint_with_hostile_text_is_sent_on_each_backend(database_url, app_factory):
    """PostgreSQL text cannot hold NUL, but its json type keeps the escaped form: check both."""
    from sqlalchemy import select

    from portal.models import Case
    from tests.test_complaint import PARENT, answer_steps, begin, reference_on, sent

    app = app_factory(DATABASE_URL=database_url)
    client = app.test_client()
    begin(client)
    hostile = "nul\x00 <script>x</script> '; DROP TABLE cases; -- طفل 👩‍👧"
    answer_steps(client, {**PARENT, "what-happened": {"what_happened": hostile}})
    reference = reference_on(sent(client))
    with app.app_context():
        case = db.session().scalars(select(Case).where(Case.reference == reference)).one()
        assert case.answers["what_happened"] == hostile
    app.extensions["db_engine"].dispose()
