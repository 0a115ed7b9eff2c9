"""Assisted digital: staff type in a complaint that came by phone, letter, email or in person,
through the public journey's own steps, and its timescales count from the day it came."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from portal import cases, db
from portal.domain import calendar
from portal.i18n import long_date
from portal.models import AuditEntry, Case, Draft, OutboxMessage
from portal.staff import roles
from tests.test_complaint import PARENT, begin, case_with, reference_on
from tests.test_resume import mail_to
from tests.test_staff_auth import create, sign_in, user
from tests.test_staff_auth import summary as page_errors
from tests.test_tracking_case import HOSTILE, working_days_ago
from tests.test_tracking_links import LINK

#: the screening questions staff are asked too, before the complaint's own
SCREENING = {
    "proceedings": {"proceedings": "no"},
    "repeat": {"repeat": "no"},
    "councillor": {"councillor": "no"},
    "aware": {"aware-month": "6", "aware-year": "2026"},
    "fluency": {"fluency": "no"},
    "role": {"role": "parent"},
    "on-behalf": {"on_behalf": "yes"},
}
FIRST_PAGE_ERRORS = [
    "Select what has been received",
    "Select how it came in",
    "Enter the date it was received",
]


@pytest.fixture
def officer(app):
    client = app.test_client()
    email, password, secret = create(app, roles.OFFICER)
    sign_in(client, email, password, secret)
    client.email = email
    return client


def address() -> str:
    return f"caller-{uuid.uuid4().hex[:8]}@example.org"


def first_page(day: date, kind: str = "complaint", channel: str = "phone") -> dict:
    return {
        "kind": kind,
        "channel": channel,
        "received_on-day": str(day.day),
        "received_on-month": str(day.month),
        "received_on-year": str(day.year),
    }


def start(client, data: dict):
    """Open /staff/new afresh and send its form."""
    page = client.page("/staff/new")
    action = page.soup.find("form", attrs={"method": "post", "novalidate": True})["action"]
    assert action == "/staff/new/start"
    return client.post(action, data={"csrf_token": page.csrf(), **data})


def complaint_steps(contact: dict) -> dict:
    """Every step of a parent's complaint after the first page, by slug, with this contact."""
    steps = dict(SCREENING)
    for slug, data in PARENT.items():
        if slug == "contact-methods":
            steps[slug] = contact
            if "email" in contact["contact_methods"]:
                steps["email-subject"] = PARENT["email-subject"]
            if "post" in contact["contact_methods"]:
                steps["safe-to-contact"] = {"safe_to_contact": "yes"}
        elif slug != "email-subject":
            steps[slug] = data
    return steps


def enter(client, day: date, contact: dict, channel: str = "phone"):
    """Answer the first page and every complaint step; ends on check your answers."""
    assert start(client, first_page(day, channel=channel)).location == "/staff/new/proceedings"
    assert answer(client, complaint_steps(contact)) == "/staff/new/result"


def answer(client, steps: dict) -> str:
    """Answer staff steps in order; where the last one leads."""
    for slug, data in steps.items():
        response = client.submit(f"/staff/new/{slug}", data)
        assert response.status_code == 302, (slug, response.status_code)
    return response.location


def send(client):
    page = client.page("/staff/new/result")
    return client.post("/staff/new/submit", data={"csrf_token": page.csrf()})


def sent(client):
    assert send(client).location == "/staff/new/confirmation"
    return client.page("/staff/new/confirmation")


def outbox(app, reference: str) -> list[OutboxMessage]:
    with app.app_context():
        case_id = case_with(app, reference).id
        query = select(OutboxMessage).where(OutboxMessage.case_id == case_id)
        return list(db.session().scalars(query))


# The first page -------------------------------------------------------------------------------


def test_the_home_page_links_to_it(officer):
    home = officer.page("/staff/")
    link = home.soup.find("a", string="Enter a complaint received by phone, letter or in person")
    assert link["href"] == "/staff/new"


def test_the_first_page_asks_what_how_and_when(officer):
    page = officer.page("/staff/new")
    assert page.h1 == "What has been received?"
    assert "How did it come in?" in page.text and "When was it received?" in page.text
    assert "Exit this page" not in page.text and "Save and come back later" not in page.text
    assert page.soup.find("a", class_="govuk-back-link")["href"] == "/staff/"


def test_each_error_of_the_first_page(officer):
    page = start(officer, {})
    assert page.status_code == 200
    assert page_errors(page) == FIRST_PAGE_ERRORS
    today = cases.today()
    bad_dates = {
        "The date it was received must include a month": {"received_on-month": ""},
        "The date it was received must include a year": {"received_on-year": ""},
        "The date it was received must be a real date": {
            "received_on-day": "31",
            "received_on-month": "2",
        },
        "Year must include 4 numbers": {"received_on-year": "26"},
        "The date it was received must be today or in the past": _day(today + timedelta(days=1)),
        "The date it was received must be in 2015 or later": _day(date(2014, 12, 31)),
    }
    for message, change in bad_dates.items():
        response = start(officer, {**first_page(today), **change})
        assert response.status_code == 200, message
        assert page_errors(response) == [message]


def _day(day: date) -> dict:
    return {
        "received_on-day": str(day.day),
        "received_on-month": str(day.month),
        "received_on-year": str(day.year),
    }


def test_a_date_in_the_future_is_refused_and_nothing_is_started(app, officer):
    tomorrow = cases.today() + timedelta(days=1)
    response = start(officer, first_page(tomorrow))
    assert page_errors(response) == ["The date it was received must be today or in the past"]
    assert officer.get("/staff/new/proceedings").location == "/staff/new/start"


def test_the_complaint_steps_give_the_public_journeys_messages(officer, client):
    begin(client)
    start(officer, first_page(cases.today()))
    answer(officer, SCREENING)
    bad_answers = {
        "your-name": {"your_name": ""},
        "child-name": {"child_name": "x" * 201},
        "child-age": {"child_dob_known": "yes", "child_dob-day": "40", "child_dob-month": "1"},
    }
    for slug, bad in bad_answers.items():
        public = client.submit(f"/complaint/{slug}", bad)
        staff = officer.submit(f"/staff/new/{slug}", bad)
        assert public.status_code == staff.status_code == 200, slug
        assert page_errors(staff) == page_errors(public) != [], slug
        assert client.submit(f"/complaint/{slug}", PARENT[slug]).status_code == 302
        assert officer.submit(f"/staff/new/{slug}", PARENT[slug]).status_code == 302


# Sending ---------------------------------------------------------------------------------------


def test_a_phone_complaint_counts_from_the_day_it_was_received(app, officer):
    received = working_days_ago(10)
    to = address()
    enter(officer, received, {"contact_methods": ["email"], "contact_email": to})
    check = officer.page("/staff/new/result")
    assert f"count from {received.day} {received:%B %Y}" in check.text
    page = sent(officer)
    reference = reference_on(page)
    timescales = app.extensions["council"].timescales
    stage1_by = calendar.add_working_days(received, timescales.stage1)
    with app.app_context():
        data = db.session()
        case = data.scalars(select(Case).where(Case.reference == reference)).one()
        assert (case.kind, case.channel) == ("complaint", "phone")
        assert case.entered_by_id == user(app, officer.email).id
        state = cases.state_of(data, case, timescales)
        assert state.received == received
        assert state.deadlines["stage1"] == stage1_by
        assert case.due_on is not None and case.due_on < cases.today() + timedelta(days=7)
        [entry] = data.scalars(select(AuditEntry).where(AuditEntry.case_id == case.id))
        assert (entry.action, entry.detail) == ("case.created", {"channel": "phone"})
    [message] = mail_to(app, to)
    body = message.get_content()
    assert LINK.search(body), "a tracking link"
    with app.test_request_context():
        assert long_date(stage1_by) in body
    assert f"by email to {to}" in page.text
    assert page.soup.find(
        "a", string=f"Go to case {reference[:3]}-{reference[3:6]}-{reference[6:]}"
    )
    how = officer.page(f"/staff/cases/{reference}").soup.select_one("#received").get_text(" ")
    assert f"By phone (entered by {officer.email})" in " ".join(how.split())


def test_a_letter_with_no_email_address_sends_nothing(app, officer):
    enter(
        officer,
        working_days_ago(2),
        {"contact_methods": ["post"], "contact_address": "1 High Street\nTown"},
        channel="letter",
    )
    page = sent(officer)
    reference = reference_on(page)
    assert outbox(app, reference) == []
    assert "No receipt was sent" in page.text
    assert case_with(app, reference).channel == "letter"


def test_a_compliment_by_email_gets_the_public_receipt(app, officer):
    to = address()
    assert start(officer, first_page(cases.today(), "compliment", "email")).location == (
        "/staff/new/message"
    )
    for slug, data in {
        "message": {"message": HOSTILE},
        "team": {"team": "Fostering"},
        "reply": {"reply": "yes"},
        "email": {"email": to},
    }.items():
        assert officer.submit(f"/staff/new/{slug}", data).location != f"/staff/new/{slug}"
    check = officer.page("/staff/new/result")
    assert " ".join(HOSTILE.split()) in check.text
    assert "<script>alert" not in check.response.get_data(as_text=True)
    page = sent(officer)
    reference = reference_on(page)
    case = case_with(app, reference)
    assert (case.kind, case.channel, case.answers["message"]) == ("compliment", "email", HOSTILE)
    [message] = mail_to(app, to)
    assert "Thank you for your compliment" in message.get_content()


def test_a_double_submit_makes_one_case(app, officer):
    enter(officer, working_days_ago(1), {"contact_methods": ["post"], "contact_address": "Flat 2"})
    token = officer.page("/staff/new/result").csrf()
    first = officer.post("/staff/new/submit", data={"csrf_token": token})
    second = officer.post("/staff/new/submit", data={"csrf_token": token})
    assert first.location == second.location == "/staff/new/confirmation"
    reference = reference_on(officer.page("/staff/new/confirmation"))
    with app.app_context():
        draft_id = case_with(app, reference).draft_id
        count = db.session().scalar(select(func.count()).where(Case.draft_id == draft_id))
        assert count == 1


def test_changing_a_complaint_into_a_comment_keeps_only_the_comments_answers(app, officer):
    enter(officer, cases.today(), {"contact_methods": ["post"], "contact_address": "Flat 2"})
    response = officer.submit(
        "/staff/new/start?return_to=result", first_page(cases.today(), "comment", "in_person")
    )
    assert response.location == "/staff/new/message?return_to=result"
    officer.submit("/staff/new/message?return_to=result", {"message": "Thank you."})
    officer.submit("/staff/new/team?return_to=result", {"team": ""})
    assert officer.submit("/staff/new/reply?return_to=result", {"reply": "no"}).location == (
        "/staff/new/result"
    )
    case = case_with(app, reference_on(sent(officer)))
    assert (case.kind, case.channel) == ("comment", "in_person")
    assert "your_name" not in case.answers and "child_name" not in case.answers
    assert case.answers["message"] == "Thank you."


# Keeping drafts apart, and who may --------------------------------------------------------------


def test_a_public_draft_and_a_staff_draft_never_mix(app, officer):
    begin(officer)  # a public complaint begun in the same browser
    with officer.session_transaction() as session:
        public_id = session["draft"]
    assert officer.get("/complaint/your-name").status_code == 200
    assert officer.get("/staff/new/proceedings").location == "/staff/new/start"
    start(officer, first_page(cases.today()))
    with officer.session_transaction() as session:
        staff_id = session["staff_draft"]
        assert session["draft"] == public_id
    with app.app_context():
        staff_draft = db.session().get(Draft, staff_id)
        assert staff_draft.entered_by_id == user(app, officer.email).id
        assert "on_behalf" not in staff_draft.answers
    with officer.session_transaction() as session:
        session["draft"], session["staff_draft"] = staff_id, public_id
    assert officer.get("/complaint/your-name").location.startswith("/check/")
    assert officer.get("/staff/new/proceedings").location == "/staff/new/start"


def test_another_member_of_staff_cannot_carry_on_someone_elses_draft(app, officer):
    start(officer, first_page(cases.today()))
    with officer.session_transaction() as session:
        staff_id = session["staff_draft"]
    other = app.test_client()
    sign_in(other, *create(app, roles.MANAGER))
    with other.session_transaction() as session:
        session["staff_draft"] = staff_id
    assert other.get("/staff/new/proceedings").location == "/staff/new/start"


@pytest.mark.parametrize("role", [roles.INVESTIGATOR, roles.ADMIN, roles.EQUALITIES])
def test_other_roles_may_not(app, role):
    client = app.test_client()
    sign_in(client, *create(app, role))
    for url in ("/staff/new", "/staff/new/start", "/staff/new/result", "/staff/new/confirmation"):
        assert client.get(url).status_code == 403, url
    token = client.page("/staff/").csrf()
    for url in ("/staff/new/start", "/staff/new/submit"):
        response = client.post(url, data={"csrf_token": token, **first_page(cases.today())})
        assert response.status_code == 403, url


def test_an_expired_form_is_shown_again_only_to_those_allowed(app, officer):
    start(officer, first_page(cases.today()))
    stale = {"csrf_token": "stale", "proceedings": "yes"}
    page = officer.post("/staff/new/proceedings", data=stale)
    assert page.status_code == 400
    assert "Your answer was not saved" in page.get_data(as_text=True)
    investigator = app.test_client()
    sign_in(investigator, *create(app, roles.INVESTIGATOR))
    refused = investigator.post("/staff/new/proceedings", data=stale)
    assert refused.status_code == 400
    assert "proceedings" not in refused.get_data(as_text=True)
