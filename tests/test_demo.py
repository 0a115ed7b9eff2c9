"""The demo data set: `flask demo` fills an empty database with cases in every state and one
account per role, refuses a database that has cases, and `flask staff code` gives a demo
account's current code (and nobody else's)."""

from __future__ import annotations

import re
import time

import pytest
from sqlalchemy import func, select

from portal import db
from portal.demo import DOMAIN
from portal.journey.complaint_steps import COMPLAINT
from portal.journey.feedback_steps import FEEDBACK
from portal.journey.screening_steps import SCREENING
from portal.models import AdvocacyRequest, AuditEntry, Case, CaseMessage
from portal.staff import roles
from tests.test_staff_auth import code_step, create, password_step

#: every stage and state the demo promises
STATUSES = {
    "received",
    "acknowledged",
    "paused",
    "awaiting_sufficient_interest_decision",
    "stage1_responded",
    "stage2_requested",
    "stage2_investigating",
    "panel_convened",
    "final_response_sent",
    "closed",
    "withdrawn",
    "refused",
}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    from tests.conftest import LintingClient, make_app

    app = make_app(tmp_path_factory.mktemp("demo"))
    app.test_client_class = LintingClient
    started = time.perf_counter()
    result = app.test_cli_runner().invoke(args=["demo"])
    took = time.perf_counter() - started
    assert result.exit_code == 0, result.output
    return app, result.output, took


def test_the_demo_loads_quickly_with_cases_in_every_state(loaded):
    app, output, took = loaded
    assert took < 5, f"the demo took {took:.1f}s to load"
    with app.app_context():
        data = db.session()
        demo = list(data.scalars(select(Case)))
        complaints = [c for c in demo if c.kind == "complaint"]
        assert 20 <= len(complaints) <= 30
        assert {c.kind for c in demo} == {"complaint", "compliment", "comment"}
        assert {c.status for c in complaints} >= STATUSES
        flags = " ".join(c.flags for c in complaints)
        for flag in (
            " late ",
            " sufficient_interest ",
            " proceedings ",
            " stage1_extended ",
            " stage2_extended ",
            " referred_to_ombudsman ",
            " advocate_requested ",
        ):
            assert flag in f" {flags} ", flag
        assert any(c.due_on == app_today() for c in complaints), "one is due today"
        assert any(c.due_on and c.due_on < app_today() for c in complaints), "one is overdue"
        senders = set(data.scalars(select(CaseMessage.sender)))
        assert senders == {"person", "council"}
        assert data.scalar(select(func.count()).select_from(AdvocacyRequest)) >= 1
        events = data.scalars(select(AuditEntry.action)).all()
        assert "case.event_recorded" in events


def app_today():
    from portal import cases

    return cases.today()


def test_every_answer_is_one_the_journeys_can_show(loaded):
    app, _output, _took = loaded
    with app.app_context():
        for case in db.session().scalars(select(Case)):
            if case.kind == "complaint":
                assert SCREENING.walk(case.answers).complete, case.answers["your_name"]
                assert COMPLAINT.walk(case.answers).complete, case.answers["your_name"]
            else:
                position = FEEDBACK.walk(case.answers)
                assert position.current is None, case.answers


def test_each_role_can_sign_in_with_what_was_printed(loaded):
    app, output, _took = loaded
    for role in roles.ALL:
        email = f"{role}@{DOMAIN}"
        match = re.search(rf"^\s+{role}\s+{re.escape(email)}\s+password (\S+)$", output, re.M)
        assert match, output
        client = app.test_client()
        assert password_step(client, email, match.group(1)).status_code == 302
        code = app.test_cli_runner().invoke(args=["staff", "code", email])
        assert code.exit_code == 0 and re.fullmatch(r"\d{6}\n", code.output)
        assert code_step(client, code.output.strip()).location.endswith("/staff/")
        if role == roles.MANAGER:
            page = client.page("/staff/audit")
            assert "Recorded an event" in page.text
        if role == roles.OFFICER:
            listed = client.page("/staff/cases")
            assert "Grace Halloway" in listed.text or "Showing" in listed.text


def test_it_refuses_a_database_that_has_cases(loaded):
    app, _output, _took = loaded
    runner = app.test_cli_runner()
    with app.app_context():
        before = db.session().scalar(select(func.count()).select_from(Case))
    refused = runner.invoke(args=["demo"])
    assert refused.exit_code == 1 and "already has cases" in refused.output
    skipped = runner.invoke(args=["demo", "--if-empty"])
    assert skipped.exit_code == 0 and "no demo data was loaded" in skipped.output
    with app.app_context():
        assert db.session().scalar(select(func.count()).select_from(Case)) == before


def test_the_code_is_only_for_demo_accounts(loaded):
    app, _output, _took = loaded
    email, _password, _secret = create(app, roles.MANAGER)
    result = app.test_cli_runner().invoke(args=["staff", "code", email])
    assert result.exit_code == 1 and "only demo accounts" in result.output
    assert not re.search(r"\b\d{6}\b", result.output)
    unknown = app.test_cli_runner().invoke(args=["staff", "code", "nobody@demo.invalid"])
    assert unknown.exit_code == 1
