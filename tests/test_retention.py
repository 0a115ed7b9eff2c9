"""Data retention: `flask retention purge` deletes closed cases older than RETENTION_YEARS,
with everything that belongs to them, keeps open ones however old, and leaves the audit log
whole (plus one entry per purged case)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, inspect, select, text

from portal import cases, db
from portal.db import _engine_for, upgrade
from portal.domain.references import new_reference
from portal.journey import evidence
from portal.models import (
    AdvocacyRequest,
    AuditEntry,
    Base,
    Case,
    CaseEvent,
    CaseFile,
    CaseMessage,
    Draft,
    EqualityResponse,
    OutboxMessage,
    ResumeLink,
    TrackingLink,
    new_token,
    utcnow,
)
from portal.retention import cutoff, ended_on
from portal.staff import audit

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
YEARS_AGO_7 = cases.today() - timedelta(days=7 * 366)


def _day(start: date, working_days: int = 0) -> date:
    from portal.domain import calendar

    return calendar.add_working_days(calendar.received_date(_at(start)), working_days)


def _at(day: date) -> datetime:
    return datetime.combine(day, time(10), UTC)


def make_case(app, events: list[tuple[str, int, dict]] | None, start: date, kind="complaint"):
    """A case received on `start` with events (kind, working days after receipt, details),
    a message with a file on disk, a tracking link, an advocacy request, an outbox row and its
    draft with a resume link; returns its reference."""
    with app.app_context():
        data = db.session()
        draft = Draft(answers={"your_name": "Ada Testcase"})
        data.add(draft)
        data.flush()
        stored = evidence.store(evidence.Upload("letter.pdf", PDF), app.config["UPLOAD_DIR"])
        case = Case(
            reference=new_reference(),
            kind=kind,
            draft_id=draft.id,
            answers={"your_name": "Ada Testcase", "evidence_files": [{"stored_name": "x"}]},
            submitted_at=_at(start),
        )
        data.add(case)
        data.flush()
        timescales = app.extensions["council"].timescales
        if kind == "complaint":
            received = _day(start)
            data.add(CaseEvent(case=case, kind="received", on=received, recorded_by="test"))
            for kind_, n, details in events or []:
                data.add(
                    CaseEvent(
                        case=case,
                        kind=kind_,
                        on=_day(received, n),
                        details=details,
                        recorded_by="test",
                    )
                )
            data.flush()
        message = CaseMessage(case_id=case.id, sender="person", body="Hello")
        message.files.append(
            CaseFile(
                case_id=case.id,
                stored=stored.stored_name,
                name="letter.pdf",
                kind=stored.kind,
                size=stored.size,
            )
        )
        data.add(message)
        data.add(
            TrackingLink(token_hash="x" * 64, case=case, expires_at=utcnow() + timedelta(days=1))
        )
        data.add(AdvocacyRequest(case_id=case.id, stage=1, answers={}))
        data.add(OutboxMessage(to="a@example.com", subject="s", body="b", case_id=case.id))
        data.add(
            ResumeLink(draft_id=draft.id, expires_at=utcnow() + timedelta(days=1)),
        )
        audit.log(data, None, "case.viewed", case)
        cases.refresh(data, case, timescales)
        data.commit()
        return case.reference


CLOSED = [("acknowledged", 1, {}), ("stage1_response_sent", 8, {}), ("closed", 30, {})]
FINAL = [
    ("acknowledged", 1, {}),
    ("stage1_response_sent", 8, {}),
    ("stage2_requested", 10, {}),
    ("statement_agreed", 12, {}),
    ("investigating_officer_appointed", 12, {}),
    ("independent_person_appointed", 12, {}),
    ("stage2_response_sent", 30, {}),
    ("stage3_requested", 40, {}),
    ("panel_held", 60, {}),
    ("panel_report_sent", 62, {}),
    ("final_response_sent", 70, {}),
]


@pytest.fixture
def app(app_factory):
    """A database of its own: a purge deletes whatever is old, whoever made it."""
    return app_factory(RETENTION_YEARS=6)


def rows_about(app, reference: str) -> dict[str, int]:
    """How many rows each table holds for the case (by its id, or its draft)."""
    with app.app_context():
        data = db.session()
        case = data.scalars(select(Case).where(Case.reference == reference)).first()
        if case is None:
            return {}
        counts = {}
        for model in (CaseEvent, CaseMessage, CaseFile, TrackingLink, AdvocacyRequest):
            counts[model.__tablename__] = data.scalar(
                select(func.count()).select_from(model).where(model.case_id == case.id)
            )
        counts["outbox"] = data.scalar(
            select(func.count()).select_from(OutboxMessage).where(OutboxMessage.case_id == case.id)
        )
        return counts


def stored_files(app) -> set[str]:
    return {p.name for p in Path(app.config["UPLOAD_DIR"]).glob("*") if p.is_file()}


def purge(app, *args: str):
    result = app.test_cli_runner().invoke(args=["retention", "purge", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_closed_case_past_the_period_goes_with_everything_but_its_audit(app):
    old = make_case(app, CLOSED, YEARS_AGO_7)
    kept = make_case(app, CLOSED, cases.today() - timedelta(days=400))
    with app.app_context():
        data = db.session()
        data.add(EqualityResponse(council="example", submitted_month=date(2019, 1, 1), answers={}))
        data.commit()
        equality = data.scalar(select(func.count()).select_from(EqualityResponse))
        case = data.scalars(select(Case).where(Case.reference == old)).one()
        old_id, draft_id = case.id, case.draft_id
        audit_before = data.scalar(select(func.count()).select_from(AuditEntry))
    files_before = stored_files(app)
    assert len(files_before) == 2
    assert all(rows_about(app, old).values())
    output = purge(app)
    assert "deleted 1 cases" in output and old[:3] in output
    assert rows_about(app, old) == {}, "the case is gone"
    assert all(rows_about(app, kept).values()), "a case closed a year ago stays"
    assert len(stored_files(app)) == 1, "its file is gone from disk too"
    with app.app_context():
        data = db.session()
        for model, column in (
            (CaseEvent, CaseEvent.case_id),
            (CaseMessage, CaseMessage.case_id),
            (CaseFile, CaseFile.case_id),
            (TrackingLink, TrackingLink.case_id),
            (AdvocacyRequest, AdvocacyRequest.case_id),
            (OutboxMessage, OutboxMessage.case_id),
        ):
            assert not data.scalar(select(func.count()).select_from(model).where(column == old_id))
        assert data.get(Draft, draft_id) is None
        assert not data.scalars(select(ResumeLink).where(ResumeLink.draft_id == draft_id)).all()
        assert data.scalar(select(func.count()).select_from(EqualityResponse)) == equality
        entries = list(
            data.scalars(select(AuditEntry).where(AuditEntry.case_reference == old).order_by("id"))
        )
        assert [e.action for e in entries] == ["case.viewed", "case.purged"]
        assert data.scalar(select(func.count()).select_from(AuditEntry)) == audit_before + 1
        assert entries[-1].detail["reference"] == f"{old[:3]}-{old[3:6]}-{old[6:]}"
        assert entries[-1].staff_user_id is None


def test_evidence_a_split_off_case_still_holds_stays_on_disk(app):
    """A fluency split copies the answers, evidence included: purging the original must not
    take the files the part still open holds."""
    old = make_case(app, CLOSED, YEARS_AGO_7)
    with app.app_context():
        data = db.session()
        original = data.scalars(select(Case).where(Case.reference == old)).one()
        shared = evidence.store(evidence.Upload("photo.pdf", PDF), app.config["UPLOAD_DIR"])
        record = {"stored_name": shared.stored_name, "name": "photo.pdf"}
        original.answers = {**original.answers, "evidence_files": [record]}
        part = Case(
            reference=new_reference(),
            kind="complaint",
            draft_id=new_token(32),
            answers=dict(original.answers),
            submitted_at=original.submitted_at,
            parent_case_id=original.id,
        )
        data.add(part)
        data.commit()
    assert shared.stored_name in stored_files(app)
    assert "deleted 1 cases" in purge(app)
    assert shared.stored_name in stored_files(app), "the split-off part's evidence stays"


def test_open_cases_are_never_purged_however_old(app):
    open_old = make_case(app, [("acknowledged", 1, {})], YEARS_AGO_7)
    paused = make_case(app, [("paused", 2, {"reason": "Court case"})], YEARS_AGO_7)
    responded = make_case(app, [("stage1_response_sent", 5, {})], YEARS_AGO_7)
    assert "would delete 0 cases" in purge(app, "--dry-run")
    assert "deleted 0 cases" in purge(app)
    for reference in (open_old, paused, responded):
        assert rows_about(app, reference), reference


def test_finished_cases_of_every_kind_go(app):
    final = make_case(app, FINAL, YEARS_AGO_7)
    withdrawn = make_case(app, [("withdrawn", 3, {})], YEARS_AGO_7)
    refused = make_case(app, [("refused", 2, {"reason": "Go to the Ombudsman"})], YEARS_AGO_7)
    compliment = make_case(app, None, YEARS_AGO_7, kind="compliment")
    recent_compliment = make_case(app, None, cases.today(), kind="compliment")
    output = purge(app)
    assert "deleted 4 cases" in output
    for reference in (final, withdrawn, refused, compliment):
        assert rows_about(app, reference) == {}
    assert rows_about(app, recent_compliment)


def test_a_dry_run_lists_and_changes_nothing(app):
    old = make_case(app, CLOSED, YEARS_AGO_7)
    files = stored_files(app)
    output = purge(app, "--dry-run")
    assert "would delete 1 cases" in output
    assert f"{old[:3]}-{old[3:6]}-{old[6:]}" in output
    assert rows_about(app, old) and stored_files(app) == files
    with app.app_context():
        actions = db.session().scalars(select(AuditEntry.action)).all()
    assert "case.purged" not in actions


def test_the_period_counts_from_the_last_event(app):
    """A case closed long ago but referred to the Ombudsman recently stays."""
    late = make_case(
        app,
        [*CLOSED[:-1], ("closed", 30, {}), ("referred_to_ombudsman", 300, {})],
        cases.today() - timedelta(days=6 * 366 + 200),
    )
    assert "deleted 0 cases" in purge(app)
    assert rows_about(app, late)
    with app.app_context():
        data = db.session()
        case = data.scalars(select(Case).where(Case.reference == late)).one()
        day = ended_on(data, case, app.extensions["council"].timescales, cases.today())
        assert day is not None and day > cutoff(cases.today(), 6)


def test_cutoff_on_29_february():
    assert cutoff(date(2028, 2, 29), 6) == date(2022, 2, 28)
    assert cutoff(date(2026, 11, 23), 6) == date(2020, 11, 23)


def test_retention_years_must_be_at_least_one(app_factory):
    app = app_factory(RETENTION_YEARS=0)
    result = app.test_cli_runner().invoke(args=["retention", "purge"])
    assert result.exit_code == 1 and "RETENTION_YEARS must be at least 1" in result.output


def test_every_table_that_points_at_a_case_is_purged_or_kept_on_purpose():
    """The purge finds tables by their foreign keys; only the audit log may keep a case's id,
    and it has no foreign key to cases, so it never blocks a delete."""
    from portal.retention import KEPT

    pointing = {
        table.name
        for table in Base.metadata.tables.values()
        for fk in table.foreign_keys
        if fk.column.table.name == "cases"
    }
    assert "case_events" in pointing and "outbox" in pointing
    assert not pointing & KEPT


def test_the_migration_keeps_the_references_of_existing_entries(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade(url, "0014")
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO cases (reference, kind, draft_id, answers, submitted_at, flags, "
                "search_name) VALUES ('ABCDEFGHJ', 'complaint', 'd1', '{}', '2020-01-01', '', '')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO audit_log (at, action, case_id, detail) "
                "VALUES ('2020-01-02', 'case.viewed', 1, '{}')"
            )
        )
    engine.dispose()
    upgrade(url)
    engine = _engine_for(url)  # foreign keys enforced, as the portal runs
    with engine.begin() as connection:
        assert connection.execute(text("SELECT case_reference FROM audit_log")).scalar() == (
            "ABCDEFGHJ"
        )
        connection.execute(text("DELETE FROM cases"))
        assert connection.execute(text("SELECT count(*) FROM audit_log")).scalar() == 1
    assert not inspect(engine).get_foreign_keys("audit_log") or all(
        fk["referred_table"] != "cases" for fk in inspect(engine).get_foreign_keys("audit_log")
    )
    engine.dispose()
