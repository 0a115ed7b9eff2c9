"""Contact restrictions, as staff and the person would meet them: adding one (and every way
the form can be wrong), the person being told, messages refused only while that way is
limited, the rights no restriction touches, lifting, review dates, roles and the audit."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from portal import cases, db
from portal.models import AuditEntry, ContactRestriction
from portal.staff import roles
from portal.staff.restrictions import CHANNELS
from tests.test_complaint import case_with
from tests.test_resume import mail_to
from tests.test_staff_auth import create, sign_in
from tests.test_tracking_case import (
    HOSTILE,
    events_of,
    messages_of,
    tracking,
    with_history,
    working_days_ago,
)

RIGHTS = (
    "This does not stop you asking for your complaint to go to the next stage, and it does "
    "not stop you going to the Local Government and Social Care Ombudsman."
)
BLOCKED = "You cannot send messages here at the moment"


@pytest.fixture
def officer(app):
    client = app.test_client()
    sign_in(client, *create(app, roles.OFFICER))
    return client


def restrict(
    client,
    reference: str,
    channels=("phone",),
    reason="Abusive phone calls",
    review=None,
    token: str | None = None,
):
    """Post the case page's form, as a member of staff would (with the page's token)."""
    token = token or client.page(f"/staff/cases/{reference}").csrf()
    review = review if review is not None else cases.today() + timedelta(days=90)
    day, month, year = (
        review if isinstance(review, tuple) else (review.day, review.month, review.year)
    )
    data = {
        "csrf_token": token,
        "restriction_channels": list(channels),
        "restriction_reason": reason,
        "review_date-day": str(day),
        "review_date-month": str(month),
        "review_date-year": str(year),
    }
    return client.post(f"/staff/cases/{reference}/restrictions", data=data)


def lift(client, reference: str, restriction_id: int | str):
    page = client.page(f"/staff/cases/{reference}")
    data = {"csrf_token": page.csrf(), "restriction": str(restriction_id)}
    return client.post(f"/staff/cases/{reference}/restrictions/lift", data=data)


def restrictions_of(app, reference: str) -> list[ContactRestriction]:
    with app.app_context():
        case_id = case_with(app, reference).id
        query = select(ContactRestriction).where(ContactRestriction.case_id == case_id)
        return list(db.session().scalars(query.order_by(ContactRestriction.id)))


def audit_of(app, reference: str) -> list[tuple[str, dict]]:
    with app.app_context():
        case_id = case_with(app, reference).id
        query = select(AuditEntry.action, AuditEntry.detail).where(AuditEntry.case_id == case_id)
        return [tuple(row) for row in db.session().execute(query.order_by(AuditEntry.id))]


def errors_in(response) -> list[str]:
    from tests.test_staff_auth import summary

    return summary(response)


# Adding ---------------------------------------------------------------------------------------


def test_each_wrong_answer_gets_its_own_message_and_nothing_is_stored(app, officer):
    _to, reference = tracking(app, app.test_client())
    today = cases.today()
    token = officer.page(f"/staff/cases/{reference}").csrf()
    response = restrict(officer, reference, (), "  ", ("", "", ""), token)
    assert response.status_code == 200
    assert errors_in(response) == [
        "Select which ways of contact are limited",
        "Enter the reason for the restriction",
        "Enter the review date",
    ]
    assert "<title>Error: Case" in response.get_data(as_text=True)
    cases_of_error = {
        ("4", "", "2027"): "The review date must include a month",
        ("31", "2", "2027"): "The review date must be a real date",
        ("1", "1", "27"): "Year must include 4 numbers",
        (today.day, today.month, today.year): "The review date must be in the future",
        (1, 1, 2020): "The review date must be in the future",
    }
    for review, message in cases_of_error.items():
        response = restrict(officer, reference, review=review, token=token)
        assert response.status_code == 200 and errors_in(response) == [message], review
    response = restrict(officer, reference, channels=("carrier pigeon",), token=token)
    assert errors_in(response) == ["Select which ways of contact are limited"]
    # What was typed is shown back.
    response = restrict(officer, reference, channels=(), reason=HOSTILE, token=token)
    html = response.get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    assert restrictions_of(app, reference) == []
    assert not [a for a, _d in audit_of(app, reference) if a.startswith("case.restriction")]


def test_the_person_is_told_on_the_tracking_page_and_by_email(app, officer):
    person = app.test_client()
    to, reference = tracking(app, person)
    review = cases.today() + timedelta(days=60)
    response = restrict(
        officer, reference, channels=("tracking_messages", "phone"), reason=HOSTILE, review=review
    )
    assert response.status_code == 302
    assert response.location.endswith("restriction=added#restrictions")
    [stored] = restrictions_of(app, reference)
    assert stored.channels == ["phone", "tracking_messages"]
    assert (stored.reason, stored.review_on, stored.lifted_at) == (HOSTILE, review, None)
    staff_page = officer.page(f"/staff/cases/{reference}?restriction=added")
    assert "The restriction has been added and the person has been told" in staff_page.text
    card = staff_page.soup.select_one(f"#restriction-{stored.id}").get_text(" ")
    assert "Phone, Messages through the tracking page" in " ".join(card.split())
    assert "Review overdue" not in card
    # The message on the tracking page, from the council
    [message] = messages_of(app, reference)
    assert (message.sender, message.topic) == ("council", "restriction")
    day = f"{review.day} {review.strftime('%B')} {review.year}"
    for said in (
        "Until we review this decision, do not contact us by phone or by sending messages "
        "through your tracking page.",
        f"Why: {HOSTILE}",
        f"We will review this decision by {day}.",
        RIGHTS,
    ):
        assert said in message.body
    shown = person.page("/track/messages")
    assert f"We will review this decision by {day}." in shown.text
    assert "<script>alert" not in shown.response.get_data(as_text=True)
    # and the email
    email = mail_to(app, to)[-1]
    assert email["Subject"].startswith("How you can contact us about your complaint")
    body = " ".join(email.get_content().split())
    assert f"Why: {' '.join(HOSTILE.split())}" in body and RIGHTS in body
    assert "/track" in body
    history = officer.page(f"/staff/cases/{reference}").text
    assert "From the council · restriction" in history
    actions = [a for a, _d in audit_of(app, reference)]
    assert actions.count("case.restriction_added") == 1
    detail = dict(audit_of(app, reference))["case.restriction_added"]
    assert detail["channels"] == "phone tracking_messages"
    assert detail["review_on"] == review.isoformat()


def test_the_tracking_page_shows_the_notice_with_the_reason_escaped(app, officer):
    person = app.test_client()
    _to, reference = tracking(app, person)
    assert person.page("/track/case").soup.select_one("#restriction") is None
    review = cases.today() + timedelta(days=30)
    restrict(officer, reference, channels=("email", "in_person"), reason=HOSTILE, review=review)
    page = person.page("/track/case")
    notice = " ".join(page.soup.select_one("#restriction").get_text(" ").split())
    assert "We have limited how you can contact us about your complaint" in notice
    assert "by email" in notice and "in person" in notice and "by phone" not in notice
    assert f"Why: {' '.join(HOSTILE.split())}" in notice
    assert f"We will review this decision by {review.day} {review.strftime('%B')}" in notice
    assert RIGHTS in notice
    html = page.response.get_data(as_text=True)
    assert "<script>alert" not in html and "{{ 7*7 }}" in html
    staff_html = officer.page(f"/staff/cases/{reference}").response.get_data(as_text=True)
    assert "<script>alert" not in staff_html and "&lt;script&gt;alert(1)" in staff_html


# What the person can still do ---------------------------------------------------------------


def test_messages_are_refused_only_while_that_way_is_limited(app, officer):
    person = app.test_client()
    _to, reference = tracking(app, person)
    restrict(officer, reference, channels=("phone", "email", "in_person", "letter"))
    form = person.page("/track/messages/new")
    assert form.soup.select_one("textarea[name=message]") is not None
    assert person.submit("/track/messages/new", {"message": "Still here"}).status_code == 302
    restrict(officer, reference, channels=("tracking_messages",), reason="Hundreds a day")
    page = person.page("/track/messages/new")
    assert page.h1 == BLOCKED
    assert page.soup.select_one("textarea") is None and "Why: Hundreds a day" in page.text
    assert RIGHTS in page.text
    token = person.page("/track/case").csrf()
    before = len(messages_of(app, reference))
    refused = person.post(
        "/track/messages/new", data={"csrf_token": token, "message": "Let me write"}
    )
    assert refused.status_code == 403 and BLOCKED in refused.get_data(as_text=True)
    # An expired form (no token) is refused the same way, never a 500.
    stale = person.post("/track/messages/new", data={"message": "Let me write"})
    assert stale.status_code == 400 and BLOCKED in stale.get_data(as_text=True)
    assert len(messages_of(app, reference)) == before
    # Lifted: the form is back.
    [messages_one] = [r for r in restrictions_of(app, reference) if "letter" not in r.channels]
    assert lift(officer, reference, messages_one.id).status_code == 302
    assert person.page("/track/messages/new").soup.select_one("textarea") is not None


def test_escalation_withdrawal_advocacy_and_the_ombudsman_are_never_blocked(app, officer):
    person = app.test_client()
    _to, reference = tracking(app, person)
    with_history(app, reference, ("received", working_days_ago(25), {}))
    restrict(officer, reference, channels=tuple(CHANNELS))
    page = person.page("/track/case")
    assert page.soup.select_one("#restriction") is not None
    ombudsman = page.soup.select_one("#ombudsman").find_next("div")
    assert "0300 061 0614" in ombudsman.get_text()
    links = {a.get_text(" ", strip=True): a["href"] for a in page.soup.select("main a")}
    assert links["ask to move your complaint to stage 2"] == "/track/escalate"
    advocacy = person.get("/track/advocate", follow_redirects=True)
    assert advocacy.status_code == 200 and BLOCKED not in advocacy.get_data(as_text=True)
    assert person.page("/track/escalate").h1 == "Ask for stage 2"
    assert person.submit("/track/escalate", {"reason": "Too slow"}).location == "/track/done"
    assert events_of(app, reference)[-1].kind == "stage2_requested"
    assert person.submit("/track/withdraw", {"reason": ""}).location == "/track/done"
    assert events_of(app, reference)[-1].kind == "withdrawn"


# Lifting, reviews and roles -----------------------------------------------------------------


def test_lifting_tells_the_person_and_keeps_the_record(app, officer):
    person = app.test_client()
    to, reference = tracking(app, person)
    restrict(officer, reference, channels=("phone",))
    [restriction] = restrictions_of(app, reference)
    response = lift(officer, reference, restriction.id)
    assert response.location.endswith("restriction=lifted#restrictions")
    [kept] = restrictions_of(app, reference)
    assert kept.lifted_at is not None and kept.lifted_by_id is not None
    page = officer.page(f"/staff/cases/{reference}?restriction=lifted")
    assert "The restriction has been lifted and the person has been told" in page.text
    assert "No contact restriction is in force." in page.text
    past = page.soup.select_one("#past-restrictions").get_text(" ")
    assert "Abusive phone calls" in past and "officer-" in past
    message = messages_of(app, reference)[-1]
    assert message.topic == "restriction"
    assert "We have lifted the limit on how you can contact us" in message.body
    assert "You can contact us by phone again." in message.body and RIGHTS in message.body
    assert "We have lifted the limit" in mail_to(app, to)[-1].get_content()
    assert person.page("/track/case").soup.select_one("#restriction") is None
    # Lifting again (a second tab) tells nobody twice; another case's restriction is not found.
    lift(officer, reference, restriction.id)
    assert len(messages_of(app, reference)) == 2
    assert [a for a, _d in audit_of(app, reference)].count("case.restriction_lifted") == 1
    _other_to, other = tracking(app, app.test_client())
    assert lift(officer, other, restriction.id).status_code == 404
    assert lift(officer, other, "").status_code == 302


def test_a_passed_review_date_shows_review_overdue(app, officer):
    _to, reference = tracking(app, app.test_client())
    restrict(officer, reference, review=cases.today() + timedelta(days=1))
    [restriction] = restrictions_of(app, reference)
    card = f"#restriction-{restriction.id}"
    assert (
        "Review overdue"
        not in officer.page(f"/staff/cases/{reference}").soup.select_one(card).get_text()
    )
    with app.app_context():
        db.session().execute(
            update(ContactRestriction)
            .where(ContactRestriction.id == restriction.id)
            .values(review_on=cases.today() - timedelta(days=1))
        )
        db.session().commit()
    page = officer.page(f"/staff/cases/{reference}")
    assert page.soup.select_one(f"{card} .govuk-tag--red").get_text() == "Review overdue"


def test_only_officers_and_managers_add_or_lift(app, officer):
    _to, reference = tracking(app, app.test_client())
    manager = app.test_client()
    sign_in(manager, *create(app, roles.MANAGER))
    assert restrict(manager, reference).status_code == 302
    [restriction] = restrictions_of(app, reference)
    # An investigator sees the restriction on an assigned case, with no way to change it.
    email, password, secret = create(app, roles.INVESTIGATOR)
    investigator = app.test_client()
    sign_in(investigator, email, password, secret)
    page = officer.page(f"/staff/cases/{reference}")
    option = page.soup.find("option", string=lambda s: s and email in s)
    officer.post(
        f"/staff/cases/{reference}/assign",
        data={"csrf_token": page.csrf(), "assignee": option["value"]},
    )
    seen = investigator.page(f"/staff/cases/{reference}")
    assert "Abusive phone calls" in seen.soup.select_one(f"#restriction-{restriction.id}").text
    assert seen.soup.select_one("form[action$='/restrictions']") is None
    assert seen.soup.select_one("form[action$='/restrictions/lift']") is None
    others = {roles.INVESTIGATOR: investigator}
    for role in (roles.ADMIN, roles.EQUALITIES):
        others[role] = app.test_client()
        sign_in(others[role], *create(app, role))
    for role, client in others.items():
        token = client.page("/staff/").csrf()
        added = client.post(
            f"/staff/cases/{reference}/restrictions",
            data={
                "csrf_token": token,
                "restriction_channels": ["email"],
                "restriction_reason": "x",
            },
        )
        lifted = client.post(
            f"/staff/cases/{reference}/restrictions/lift",
            data={"csrf_token": token, "restriction": str(restriction.id)},
        )
        assert (added.status_code, lifted.status_code) == (403, 403), role
    [still] = restrictions_of(app, reference)
    assert still.lifted_at is None
    assert not [m for m in messages_of(app, reference) if "We have lifted" in m.body]
