"""The staff case page: everything the person sent, events through the stage machine, replies
that reach the person, stopping tracking links, and an audit entry for each."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from portal import db
from portal.models import AuditEntry, CaseMessage
from portal.staff import roles
from tests.test_complaint import case_with
from tests.test_resume import mail_to
from tests.test_staff_auth import create, sign_in, summary
from tests.test_tracking_case import HOSTILE, events_of, tracking, with_history, working_days_ago


@pytest.fixture
def officer(app):
    client = app.test_client()
    sign_in(client, *create(app, roles.OFFICER))
    return client


def audit_of(app, reference: str) -> list[str]:
    with app.app_context():
        case_id = case_with(app, reference).id
        query = select(AuditEntry.action).where(AuditEntry.case_id == case_id)
        return list(db.session().scalars(query.order_by(AuditEntry.id)))


def test_the_case_page_shows_what_was_sent_and_is_audited(app, officer):
    person = app.test_client()
    _to, reference = tracking(app, person, what=HOSTILE)
    page = officer.page(f"/staff/cases/{reference}")
    assert page.h1.startswith("Case ")
    assert " ".join(HOSTILE.split()) in page.text
    assert "<script>alert" not in page.response.get_data(as_text=True)
    assert "Nobody came" not in page.text  # the hostile text replaced it
    assert page.soup.select_one("#next").get_text().startswith("Acknowledge the complaint by ")
    assert audit_of(app, reference) == ["case.viewed"]
    assert page.response.headers["Cache-Control"].startswith("no-store")


def test_an_unknown_reference_is_not_found(officer):
    assert officer.get("/staff/cases/AAA-AAA-AAA").status_code == 404


def test_a_reply_reaches_the_person_and_shows_as_new(app, officer):
    person = app.test_client()
    to, reference = tracking(app, person)
    page = officer.page(f"/staff/cases/{reference}")
    response = officer.post(
        f"/staff/cases/{reference}/reply", data={"csrf_token": page.csrf(), "reply": ""}
    )
    assert response.status_code == 200 and "Enter your reply" in response.get_data(as_text=True)
    response = officer.post(
        f"/staff/cases/{reference}/reply", data={"csrf_token": page.csrf(), "reply": HOSTILE}
    )
    assert response.status_code == 302
    assert mail_to(app, to)[-1]["Subject"].startswith("New message about your complaint")
    messages = person.page("/track/messages")
    assert "New" in messages.text and " ".join(HOSTILE.split()) in messages.text
    assert "case.replied" in audit_of(app, reference)


def test_events_are_recorded_through_the_stage_machine(app, officer):
    person = app.test_client()
    to, reference = tracking(app, person)
    page = officer.page(f"/staff/cases/{reference}")
    today = working_days_ago(0)
    form = {
        "csrf_token": page.csrf(),
        "kind": "stage1_response_sent",
        "on-day": str(today.day),
        "on-month": str(today.month),
        "on-year": str(today.year),
    }
    response = officer.post(f"/staff/cases/{reference}/events", data=form)
    assert summary(response) == ["Select the outcome of the response"]
    assert len(events_of(app, reference)) == 1
    form["outcome"] = "partly_upheld"
    response = officer.post(f"/staff/cases/{reference}/events", data=form)
    assert response.status_code == 302
    assert events_of(app, reference)[-1].kind == "stage1_response_sent"
    assert events_of(app, reference)[-1].details == {"outcome": "partly_upheld"}
    shown = officer.page(f"/staff/cases/{reference}")
    assert "Stage 1 response sent Outcome: Partly upheld" in shown.text
    assert (
        shown.soup.select_one("#next")
        .get_text()
        .startswith("Waiting for the person: they can ask for stage 2 until ")
    )
    assert events_of(app, reference)[-1].recorded_by.startswith("staff:")
    assert mail_to(app, to)[-1]["Subject"].startswith("Update on your complaint")
    assert "you can ask for stage 2 by" in person.page("/track/case").text
    # Not allowed now: the stage machine says why, and nothing is stored.
    form["kind"] = "panel_held"
    response = officer.post(f"/staff/cases/{reference}/events", data=form)
    assert response.status_code == 200
    assert "cannot record" in response.get_data(as_text=True)
    assert events_of(app, reference)[-1].kind == "stage1_response_sent"
    assert audit_of(app, reference).count("case.event_recorded") == 1


def test_an_extension_needs_its_reason(app, officer):
    _to, reference = tracking(app, app.test_client())
    received = working_days_ago(2)
    with_history(app, reference, ("received", received, {}), ("acknowledged", received, {}))
    page = officer.page(f"/staff/cases/{reference}")
    today = working_days_ago(0)
    form = {
        "csrf_token": page.csrf(),
        "kind": "stage1_extended",
        "on-day": str(today.day),
        "on-month": str(today.month),
        "on-year": str(today.year),
    }
    assert officer.post(f"/staff/cases/{reference}/events", data=form).status_code == 200
    form["reason"] = "The social worker is on leave"
    assert officer.post(f"/staff/cases/{reference}/events", data=form).status_code == 302
    assert events_of(app, reference)[-1].details == {"reason": "The social worker is on leave"}


def test_staff_can_stop_every_tracking_link(app, officer):
    person = app.test_client()
    _to, reference = tracking(app, person)
    page = officer.page(f"/staff/cases/{reference}")
    assert "1 link works now." in page.text
    response = officer.post(
        f"/staff/cases/{reference}/revoke-links", data={"csrf_token": page.csrf()}
    )
    assert response.status_code == 302
    assert "0 links work now." in officer.page(f"/staff/cases/{reference}").text
    assert "You have been signed out" in person.page("/track/case").text
    assert "case.links_revoked" in audit_of(app, reference)


def test_reading_the_case_marks_the_persons_messages_read(app, officer):
    person = app.test_client()
    _to, reference = tracking(app, person)
    person.submit("/track/messages/new", {"message": "Any news?"})
    officer.page(f"/staff/cases/{reference}")
    with app.app_context():
        case_id = case_with(app, reference).id
        message = (
            db.session().scalars(select(CaseMessage).where(CaseMessage.case_id == case_id)).one()
        )
        assert message.read_at is not None


def test_sign_ins_and_failures_are_audited(app):
    from tests.test_staff_auth import code_step, password_step

    email, password, secret = create(app, roles.MANAGER)
    client = app.test_client()
    password_step(client, email, "wrong password")
    password_step(client, "nobody@example.org", "wrong password")
    password_step(client, email, password)
    code_step(client, "000000")
    client2 = app.test_client()
    sign_in(client2, email, password, secret)
    with app.app_context():
        rows = (
            db.session()
            .execute(
                select(AuditEntry.action, AuditEntry.detail).order_by(AuditEntry.id.desc()).limit(4)
            )
            .all()
        )
    actions = [action for action, _detail in reversed(rows)]
    assert actions == ["sign_in.failed", "sign_in.failed", "sign_in.failed", "sign_in"]
    assert rows[2][1] == {"email": "nobody@example.org"}


def test_an_investigator_opens_only_the_cases_assigned_to_them(app, officer):
    email, password, secret = create(app, roles.INVESTIGATOR)
    investigator = app.test_client()
    sign_in(investigator, email, password, secret)
    _to, reference = tracking(app, app.test_client())
    assert investigator.get(f"/staff/cases/{reference}").status_code == 403
    page = officer.page(f"/staff/cases/{reference}")
    option = page.soup.find("option", string=lambda s: s and email in s)
    response = officer.post(
        f"/staff/cases/{reference}/assign",
        data={"csrf_token": page.csrf(), "assignee": option["value"]},
    )
    assert response.status_code == 302
    assert email in officer.page(f"/staff/cases/{reference}").soup.select_one("#assignee").text
    opened = investigator.page(f"/staff/cases/{reference}")
    assert opened.soup.select_one("form[action$='/reply']") is None  # reading only
    assert "case.assigned" in audit_of(app, reference)
