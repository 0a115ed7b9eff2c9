"""Messages on the tracking pages, driven as a person would: signed in by the emailed link,
CSRF on, every page linted."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from portal import db
from portal.models import CaseFile, CaseMessage, OutboxMessage
from portal.tracking.messages import history_label, when_in_words
from tests.test_complaint import case_with
from tests.test_evidence_step import LOCKED_PDF, PDF, PNG
from tests.test_tracking_links import signed_in

HOSTILE = 'Hello <script>alert(1)</script> & "quotes"\nSecond line </p><b>bold</b>'


def council_says(app, reference: str, body: str, minutes_ago: int = 0) -> int:
    case_id = case_with(app, reference).id
    with app.app_context():
        data = db.session()
        row = CaseMessage(
            case_id=case_id,
            sender="council",
            topic="message",
            body=body,
            created_at=datetime.now(UTC) - timedelta(minutes=minutes_ago),
        )
        data.add(row)
        data.commit()
        return row.id


def stored(app, reference: str) -> list[CaseMessage]:
    case_id = case_with(app, reference).id
    with app.app_context():
        query = select(CaseMessage).where(CaseMessage.case_id == case_id)
        rows = list(db.session().scalars(query.order_by(CaseMessage.id)))
        for row in rows:
            row.files  # noqa: B018 - loaded while the session is open
        return rows


def send(browser, text: str = "", files=(), form_id: str | None = None, expect_page=False):
    page = browser.page("/track/messages/new")
    data = {
        "csrf_token": page.csrf(),
        "form_id": form_id or page.soup.find("input", attrs={"name": "form_id"})["value"],
        "message": text,
        "files": [(io.BytesIO(content), name) for content, name in files],
    }
    return browser.post("/track/messages/new", data=data, content_type="multipart/form-data")


def summary(response) -> list[str]:
    from tests.lint import parse

    soup = parse(response.get_data(as_text=True))
    return [" ".join(a.get_text(" ").split()) for a in soup.select(".govuk-error-summary a")]


def test_not_signed_in_goes_to_ask_for_a_link(client):
    for path in ("/track/messages", "/track/messages/new"):
        assert client.get(path).location == "/track"


def test_the_list_is_oldest_first_and_marks_council_messages_read(app, client):
    browser, _path, reference = signed_in(app, client)
    council_says(app, reference, "First, from the council.", minutes_ago=30)
    council_says(app, reference, "Second, from the council.", minutes_ago=10)
    case_page = browser.page("/track/case")
    assert "Messages (2 new)" in case_page.text
    page = browser.page("/track/messages")
    text = page.text
    assert text.index("First, from the council.") < text.index("Second, from the council.")
    assert len(page.soup.select("#messages .govuk-tag")) == 2
    assert "From Example Borough Council" in text
    assert all(row.read_at is not None for row in stored(app, reference))
    # Shown as new once only.
    again = browser.page("/track/messages")
    assert again.soup.select("#messages .govuk-tag") == []
    assert "Messages (2 new)" not in browser.page("/track/case").text


def test_sending_a_message_keeps_it_exactly_and_shows_it_escaped(app, client):
    browser, _path, reference = signed_in(app, client)
    response = send(browser, HOSTILE)
    assert response.status_code == 302 and response.location == "/track/messages"
    page = browser.page("/track/messages")
    banner = page.soup.select_one(".govuk-notification-banner--success")
    assert banner and "Your message has been sent" in banner.get_text()
    [row] = stored(app, reference)
    assert row.body == HOSTILE and row.sender == "person" and row.topic == "message"
    assert page.soup.find("script", string=re.compile("alert")) is None
    assert page.soup.find("b", string="bold") is None
    body = page.soup.select_one("#messages .portal-pre-wrap")
    assert body.get_text() == HOSTILE  # line breaks kept, shown as text
    assert "From You" in page.text
    # The banner shows once.
    assert browser.page("/track/messages").soup.select_one(".govuk-notification-banner") is None


def test_the_team_is_told_without_what_was_written(app, client):
    browser, _path, reference = signed_in(app, client)
    send(browser, "Private words about my family")
    case_id = case_with(app, reference).id
    with app.app_context():
        query = select(OutboxMessage).where(
            OutboxMessage.case_id == case_id, OutboxMessage.to == "childrens.complaints@example.org"
        )
        [note] = db.session().scalars(query).all()
    shown = reference[:3] + "-" + reference[3:6] + "-" + reference[6:]
    assert shown in note.subject and shown in note.body
    assert "Private words" not in note.body and "Private words" not in note.subject


def test_files_are_stored_like_evidence_and_listed_by_name_and_size(app, client):
    browser, _path, reference = signed_in(app, client)
    response = send(browser, "", files=[(PDF, "letter.pdf"), (PNG, "<b>photo</b>.png")])
    assert response.location == "/track/messages"
    [row] = stored(app, reference)
    assert row.body == ""
    assert [f.name for f in row.files] == ["letter.pdf", "<b>photo</b>.png"]
    assert [f.kind for f in row.files] == ["pdf", "png"]
    for file in row.files:
        assert (Path(app.config["UPLOAD_DIR"]) / file.stored).read_bytes() in (PDF, PNG)
    page = browser.page("/track/messages")
    assert "letter.pdf (1 KB)" in page.text and "<b>photo</b>.png" in page.text
    assert page.soup.find("b", string="photo") is None


def test_each_problem_is_explained_in_govuk_words(app, client):
    browser, _path, reference = signed_in(app, client)
    response = send(browser, "   ")
    assert response.status_code == 200
    assert summary(response) == ["Enter your message or add a file"]
    response = send(browser, "x" * 5001)
    assert summary(response) == ["Your message must be 5,000 characters or fewer"]
    assert "x" * 5001 in response.get_data(as_text=True)  # kept for the person to shorten
    # Line breaks count once each, as the character count counts them.
    assert send(browser, "y\r\n" * 2500).status_code == 302
    response = send(browser, "With a file", files=[(b"MZ\x90\x00", "run.exe")])
    assert summary(response)[0].startswith("The selected file must be a PDF")
    response = send(browser, "Locked", files=[(LOCKED_PDF, "locked.pdf")])
    assert summary(response) == ["The selected file is password protected"]
    response = send(browser, "", files=[(b"", "empty.pdf"), (PDF, "fine.pdf")])
    assert summary(response) == ["empty.pdf is empty"]
    response = send(browser, "Many", files=[(PDF, f"{n}.pdf") for n in range(11)])
    assert summary(response) == ["You can only select up to 10 files at the same time"]
    [only] = stored(app, reference)  # the valid one above; no files from the failures
    assert only.files == []
    case_id = case_with(app, reference).id
    with app.app_context():
        query = select(CaseFile).where(CaseFile.case_id == case_id)
        assert db.session().scalars(query).all() == []


def test_a_double_submit_makes_one_message(app, client):
    browser, _path, reference = signed_in(app, client)
    page = browser.page("/track/messages/new")
    form_id = page.soup.find("input", attrs={"name": "form_id"})["value"]
    for _ in range(3):
        response = send(browser, "Only once", form_id=form_id)
        assert response.location == "/track/messages"
    assert [m.body for m in stored(app, reference)] == ["Only once"]
    # A new visit to the form is a new message.
    send(browser, "Twice is fine when meant")
    assert len(stored(app, reference)) == 2


def test_another_cases_messages_are_never_shown(app, client):
    mine, _path, my_reference = signed_in(app, client)
    theirs, _other_path, their_reference = signed_in(app, app.test_client())
    council_says(app, their_reference, "For the other family only")
    send(theirs, "The other family's words")
    page = mine.page("/track/messages")
    assert "other family" not in page.text
    assert "There are no messages yet." in page.text
    case_page = mine.page("/track/case")
    assert "new message" not in case_page.text and "Read your messages" not in case_page.text
    assert stored(app, my_reference) == []


def test_closed_cases_can_still_be_written_to(app, client):
    from portal import cases

    browser, _path, reference = signed_in(app, client)
    case = case_with(app, reference)
    with app.app_context():
        data = db.session()
        timescales = app.extensions["council"].timescales
        cases.record(data, data.get(type(case), case.id), "withdrawn", timescales, by="person")
        data.commit()
    assert send(browser, "Even now").location == "/track/messages"
    assert [m.body for m in stored(app, reference)] == ["Even now"]


def test_history_labels_and_times_in_words(app):
    assert history_label("message") is None
    assert history_label("stage2") == "You asked to move to stage 2"
    assert history_label("advocacy") == "You asked for an advocate"
    with app.test_request_context():
        summer = datetime(2026, 7, 3, 13, 5, tzinfo=UTC)
        assert when_in_words(summer) == "3 July 2026 at 2:05pm"
        assert when_in_words(datetime(2026, 1, 3, 12, 0, tzinfo=UTC)) == "3 January 2026 at midday"
