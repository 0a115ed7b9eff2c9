"""Compliments and comments: the short path, from choice to reference."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from portal import db
from portal.domain.references import normalise
from portal.models import Case

NAUGHTY = [
    "<script>alert('x')</script>",
    "Robert'); DROP TABLE cases;--",
    "\u202eمرحبا بالعالم\u202c right-to-left",
    "emoji 😀👍🏽 and zero\u200bwidth",
    "a" * 5000,
    "line one\r\nline two\n\n  indented",
    "&amp; &lt;b&gt; {{ 7*7 }} {% raw %}",
]


def answer(client, **answers):
    order = ["kind", "message", "team", "reply", "email"]
    for step in order:
        if step in answers:
            response = client.submit(f"/feedback/{step}", {step: answers[step]})
            assert response.status_code == 302, (step, response.status_code)


def cases(app):
    with app.app_context():
        return db.session().scalars(select(Case).order_by(Case.id)).all()


def test_choosing_a_complaint_goes_to_the_scope_check(client):
    response = client.submit("/feedback/kind", {"kind": "complaint"})
    assert response.location.endswith("/check/")


def test_an_anonymous_compliment_gets_a_reference(app, client):
    answer(client, kind="compliment", message="Thank you", team="", reply="no")
    page = client.page("/feedback/result")
    assert "Not provided" in page.text
    before = len(cases(app))
    response = client.post("/feedback/submit", data={"csrf_token": page.csrf()})
    assert response.location.endswith("/feedback/confirmation")
    confirmation = client.page("/feedback/confirmation")
    reference = confirmation.soup.select_one(".govuk-panel strong").get_text()
    assert normalise(reference)
    assert len(cases(app)) == before + 1
    assert cases(app)[-1].kind == "compliment"


def test_submitting_twice_makes_one_case(app, client):
    answer(client, kind="comment", message="More evening visits", team="Fostering", reply="no")
    token = client.page("/feedback/result").csrf()
    before = len(cases(app))
    first = client.post("/feedback/submit", data={"csrf_token": token})
    second = client.post("/feedback/submit", data={"csrf_token": token})
    assert first.location == second.location
    assert len(cases(app)) == before + 1


def test_the_back_button_after_sending_starts_afresh(client):
    answer(client, kind="comment", message="Hello", team="", reply="no")
    client.post("/feedback/submit", data={"csrf_token": client.page("/feedback/result").csrf()})
    assert client.get("/feedback/result").location.endswith("/feedback/kind")


def test_completeness_is_checked_again_at_submit(client):
    answer(client, kind="comment", message="Hello")
    token = client.page("/feedback/team").csrf()
    response = client.post("/feedback/submit", data={"csrf_token": token})
    assert response.location.endswith("/feedback/team")


def test_a_reply_needs_an_email_and_sends_a_receipt(app, client):
    answer(client, kind="compliment", message="Great help", team="", reply="yes")
    assert client.submit("/feedback/email", {"email": "not an email"}).status_code == 200
    answer(client, email="  parent@example.org ")
    client.post("/feedback/submit", data={"csrf_token": client.page("/feedback/result").csrf()})
    case = cases(app)[-1]
    assert case.answers["email"] == "parent@example.org"
    from pathlib import Path

    receipts = [p.read_text() for p in Path(app.config["OUTBOX_DIR"]).glob("*.eml")]
    assert any("parent@example.org" in r and case.reference[:3] in r for r in receipts)


@pytest.mark.parametrize(
    ("step", "data", "message"),
    [
        ("kind", {}, "Select what you would like to do"),
        ("message", {"message": "   "}, "Enter what you would like to tell us"),
        ("message", {"message": "x" * 5001}, "Use 5000 characters or fewer"),
        ("team", {"team": "y" * 201}, "Use 200 characters or fewer"),
        ("reply", {}, "Select yes if you would like us to reply"),
        ("email", {"email": ""}, "Enter your email address"),
        ("email", {"email": "name@"}, "Enter an email address in the correct format"),
    ],
)
def test_every_field_explains_its_errors(client, step, data, message):
    earlier = {"kind": "comment", "message": "Hi", "team": "", "reply": "yes"}
    steps = [*earlier, "email"]
    answer(client, **{k: earlier[k] for k in steps[: steps.index(step)]})
    response = client.submit(f"/feedback/{step}", data)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)


@pytest.mark.parametrize("text", NAUGHTY)
def test_hostile_text_is_stored_exactly_and_shown_escaped(app, client, text):
    answer(client, kind="comment", message=text, team=text[:200], reply="no")
    page = client.page("/feedback/result")
    assert text.strip() in page.text or " ".join(text.split()) in page.text
    assert "<script>alert" not in page.response.get_data(as_text=True)
    client.post("/feedback/submit", data={"csrf_token": page.csrf()})
    case = cases(app)[-1]
    assert case.answers["message"] == text
    assert case.answers["team"] == text[:200]
