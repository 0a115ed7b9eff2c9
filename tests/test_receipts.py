"""The receipt follows the person's own contact rules: a discreet subject when asked for,
a text only to a mobile, and only when they chose phone and said texts are safe. Only the
receipt itself is tried straight after the submission, not older messages."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import select

from portal import db
from portal.domain.references import display
from portal.journey.drafts import SESSION_KEY as DRAFT_KEY
from portal.models import Draft, OutboxMessage
from portal.notify import queue
from tests.test_complaint import PARENT, answer_steps, begin, case_with, reference_on, sent
from tests.test_resume import mail_to

MOBILE = "07700 900982"
LANDLINE = "01632 960001"


def address() -> str:
    return f"sam-{uuid.uuid4().hex[:8]}@example.org"


#: per app, a parent's answers up to the contact questions, given once through every page
_BEFORE_CONTACT: dict[int, dict] = {}


def answered_up_to_contact(client) -> None:
    """Put the client where a parent is who has answered everything before the contact
    questions. The first time for an app the answers are given page by page; after that they
    are saved as a new draft, as the journey saves them, since only the contact answers differ
    between these tests (the earlier pages are tested in test_complaint.py)."""
    app = client.application
    if id(app) not in _BEFORE_CONTACT:
        begin(client)
        answer_steps(client, PARENT, until="contact-methods")
        with client.session_transaction() as session:
            draft_id = session[DRAFT_KEY]
        with app.app_context():
            _BEFORE_CONTACT[id(app)] = dict(db.session().get(Draft, draft_id).answers)
        return
    with app.app_context():
        draft = Draft(answers=dict(_BEFORE_CONTACT[id(app)]))
        db.session().add(draft)
        db.session().commit()
        draft_id = draft.id
    with client.session_transaction() as session:
        session[DRAFT_KEY] = draft_id
    assert client.get("/complaint/").location == "/complaint/contact-methods"


def submit_with(client, contact: dict, **extra) -> str:
    """A complaint whose contact answers are `contact` (plus `extra` steps), given through the
    contact pages and sent through the real submit; its reference."""
    answered_up_to_contact(client)
    steps = {"contact-methods": contact}
    if "email" in contact["contact_methods"]:
        steps["email-subject"] = PARENT["email-subject"]
    steps.update(extra)
    slugs = list(PARENT)
    rest = slugs[slugs.index("email-subject") + 1 :]
    answer_steps(client, {**steps, **{slug: PARENT[slug] for slug in rest}})
    return reference_on(sent(client))


def by_phone(phone: str, to: str | None = None) -> dict:
    methods = ["email", "phone"] if to else ["phone"]
    contact = {"contact_methods": methods, "contact_phone": phone}
    if to:
        contact["contact_email"] = to
    return contact


def phone_steps(safe: str, subject_clear: str = "yes", email: bool = True) -> dict:
    steps = {"email-subject": {"email_subject_clear": subject_clear}} if email else {}
    steps["safe-to-contact"] = {"safe_to_contact": safe}
    steps["phone-times"] = {"phone_times": ""}
    return steps


def outbox_for(app, reference: str) -> list[OutboxMessage]:
    case_id = case_with(app, reference).id
    with app.app_context():
        query = select(OutboxMessage).where(OutboxMessage.case_id == case_id)
        return list(db.session().scalars(query.order_by(OutboxMessage.id)))


def test_a_person_who_wants_discreet_emails_gets_a_discreet_subject(app, client):
    to = address()
    reference = submit_with(
        client,
        {"contact_methods": ["email"], "contact_email": to},
        **{"email-subject": {"email_subject_clear": "no"}},
    )
    [row] = outbox_for(app, reference)
    council = app.extensions["council"].name
    assert (row.channel, row.to, row.subject) == ("email", to, f"A message from {council}")
    assert row.sent_at is not None
    [message] = mail_to(app, to)
    assert message["Subject"] == f"A message from {council}"
    assert display(reference) in message.get_content()


def test_the_subject_names_the_complaint_when_the_person_says_it_may(app, client):
    to = address()
    reference = submit_with(client, {"contact_methods": ["email"], "contact_email": to})
    [row] = outbox_for(app, reference)
    assert row.subject == f"Your complaint reference: {display(reference)}"


def test_a_mobile_where_texts_are_safe_gets_a_short_text_as_well(app, client):
    to = address()
    reference = submit_with(client, by_phone(MOBILE, to), **phone_steps("yes"))
    mail, text = outbox_for(app, reference)
    assert (mail.channel, mail.to) == ("email", to)
    assert (text.channel, text.to, text.subject) == ("sms", "+447700900982", "")
    assert text.sent_at is not None
    council = app.extensions["council"].name
    assert text.body.startswith(f"{council}: your reference is {display(reference)}.")
    assert "/track/" in text.body and "complaint" not in text.body.lower()
    assert len(text.body) < 300
    saved = Path(app.config["OUTBOX_DIR"]) / f"message-{text.id}.sms.txt"
    assert saved.read_text() == f"To: +447700900982\n\n{text.body}\n"


def test_a_text_only_person_gets_only_the_text(app, client):
    reference = submit_with(client, by_phone("+44 7700 900 983"), **phone_steps("yes", email=False))
    [text] = outbox_for(app, reference)
    assert (text.channel, text.to) == ("sms", "+447700900983")


def test_no_text_when_texts_are_not_safe(app, client):
    to = address()
    reference = submit_with(client, by_phone(MOBILE, to), **phone_steps("no"))
    assert [row.channel for row in outbox_for(app, reference)] == ["email"]


def test_no_text_to_a_landline(app, client):
    to = address()
    reference = submit_with(client, by_phone(LANDLINE, to), **phone_steps("yes"))
    assert [row.channel for row in outbox_for(app, reference)] == ["email"]


def test_letters_only_means_no_receipt_rows(app, client):
    reference = submit_with(
        client,
        {"contact_methods": ["post"], "contact_address": "1 High Street"},
        **{"safe-to-contact": {"safe_to_contact": "yes"}},
    )
    assert outbox_for(app, reference) == []


def test_only_the_receipt_is_tried_after_the_submission(app, client):
    with app.app_context():
        old = queue(db.session(), "backlog@example.org", "Old", "Waiting for the worker")
        db.session().commit()
        old_id = old.id
    reference = submit_with(client, {"contact_methods": ["email"], "contact_email": address()})
    [receipt] = outbox_for(app, reference)
    assert receipt.sent_at is not None
    with app.app_context():
        old = db.session().get(OutboxMessage, old_id)
        assert (old.sent_at, old.attempts) == (None, 0), "the backlog is the worker's job"
        old.sent_at = old.created_at  # out of other tests' way
        db.session().commit()
