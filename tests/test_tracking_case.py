"""The tracking page in every state (on time, overdue, extended, paused, escalated, closed)
and what the person can do from it: ask what is happening, escalate, withdraw."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import delete, select

from portal import cases, db
from portal.directory import national_directory
from portal.domain import calendar
from portal.models import Case, CaseEvent, CaseMessage, OutboxMessage
from tests.test_complaint import case_with
from tests.test_resume import mail_to
from tests.test_tracking_links import links_in, sign_in, submitted

HOSTILE = "<script>alert(1)</script> & \u202eRTL\u202c 😀 {{ 7*7 }}"


def working_days_ago(n: int) -> date:
    """The day that is n working days before today (today counted as day 0)."""
    day = cases.today()
    while calendar.working_days_between(day, cases.today()) < n:
        day -= timedelta(days=1)
    return day


def with_history(app, reference: str, *events: tuple[str, date, dict]) -> None:
    """Replace the case's history with `events` (kind, day, details)."""
    with app.app_context():
        data = db.session()
        case = data.scalars(select(Case).where(Case.reference == reference)).one()
        data.execute(delete(CaseEvent).where(CaseEvent.case_id == case.id))
        for kind, on, details in events:
            data.add(CaseEvent(case=case, kind=kind, on=on, details=details, recorded_by="test"))
        data.commit()


def tracking(app, client, **changes) -> tuple[str, str]:
    """A sent complaint, and this client signed in to follow it. Returns (email, reference)."""
    to, reference = submitted(client, **changes)
    [path] = links_in(app, to)
    assert sign_in(client, path).location == "/track/case"
    return to, reference


def events_of(app, reference: str) -> list[CaseEvent]:
    with app.app_context():
        case = case_with(app, reference)
        return cases.rows(db.session(), case)


def messages_of(app, reference: str) -> list[CaseMessage]:
    with app.app_context():
        case_id = case_with(app, reference).id
        query = select(CaseMessage).where(CaseMessage.case_id == case_id).order_by(CaseMessage.id)
        return list(db.session().scalars(query))


def team_mail(app, reference: str) -> list[OutboxMessage]:
    team = app.extensions["council"].complaints_team.email
    with app.app_context():
        case_id = case_with(app, reference).id
        query = select(OutboxMessage).where(
            OutboxMessage.case_id == case_id, OutboxMessage.to == team
        )
        return list(db.session().scalars(query))


def tags(page) -> list[str]:
    return [" ".join(t.get_text().split()) for t in page.soup.select(".govuk-task-list__status")]


# The page in each state -------------------------------------------------------------------


def test_a_new_complaint_shows_stage_1_in_progress_and_the_next_date(app, client):
    _to, reference = tracking(app, client)
    page = client.page("/track/case")
    [event] = events_of(app, reference)
    assert event.kind == "received" and event.recorded_by == "portal"
    assert tags(page) == ["In progress", "Not started", "Not started"]
    due = page.soup.select_one("#due").get_text(" ")
    assert "We should tell you we have your complaint by" in due
    assert "working days left" in due or "working day left" in due or "due today" in due
    assert "We received your complaint on" in page.text
    assert "Withdraw your complaint" in page.text
    assert page.soup.select_one("#escalate") is None
    assert page.response.headers["Cache-Control"].startswith("no-store")


def test_when_the_council_is_late_the_page_says_so_and_offers_ways_forward(app, client):
    _to, reference = tracking(app, client)
    received = working_days_ago(25)
    with_history(app, reference, ("received", received, {}))
    page = client.page("/track/case")
    warning = page.soup.select_one(".govuk-warning-text").get_text(" ")
    assert "We should tell you we have your complaint by" in warning
    assert "working days late" in warning
    links = {a.get_text(" ", strip=True): a["href"] for a in page.soup.select("main a")}
    assert links["ask us what is happening"] == "/track/ask"
    assert links["ask to move your complaint to stage 2"] == "/track/escalate"
    assert links["ask the Ombudsman to look at your complaint"] == "#ombudsman"
    ombudsman = page.soup.select_one("#ombudsman").find_next("div")
    assert "0300 061 0614" in ombudsman.get_text()


def test_an_extension_is_shown_with_its_reason_escaped(app, client):
    _to, reference = tracking(app, client)
    received = working_days_ago(3)
    with_history(
        app,
        reference,
        ("received", received, {}),
        ("acknowledged", received, {}),
        ("stage1_extended", received, {"reason": HOSTILE}),
    )
    page = client.page("/track/case")
    assert "We need more time" in page.text
    assert f"Why: {' '.join(HOSTILE.split())}" in page.text
    assert "<script>alert" not in page.response.get_data(as_text=True)
    assert "We should send you our answer by" in page.soup.select_one("#due").get_text()


def test_a_paused_complaint_says_it_is_on_hold(app, client):
    _to, reference = tracking(app, client)
    received = working_days_ago(5)
    with_history(
        app,
        reference,
        ("received", received, {}),
        ("paused", received + timedelta(days=1), {"reason": "Court proceedings"}),
    )
    page = client.page("/track/case")
    assert "Your complaint is on hold" in page.text and "Why: Court proceedings" in page.text


def test_a_closed_complaint_shows_a_banner_and_no_actions(app, client):
    _to, reference = tracking(app, client)
    received = working_days_ago(30)
    answered = received + timedelta(days=14)
    with_history(
        app,
        reference,
        ("received", received, {}),
        ("acknowledged", received, {}),
        ("stage1_response_sent", answered, {}),
        ("closed", answered + timedelta(days=7), {}),
    )
    page = client.page("/track/case")
    banner = page.soup.select_one(".govuk-notification-banner").get_text(" ")
    assert "Your complaint is closed" in banner
    assert tags(page) == ["Done", "Not needed", "Not needed"]
    assert "Withdraw your complaint" not in page.text
    assert client.get("/track/withdraw").location == "/track/case"


#: a case answered at stage 1 in January 2025, taken to stage 2 and investigated
INTO_STAGE_2 = (
    ("received", date(2025, 1, 6), {}),
    ("acknowledged", date(2025, 1, 6), {}),
    ("stage1_response_sent", date(2025, 1, 20), {}),
    ("stage2_requested", date(2025, 1, 22), {}),
    ("statement_agreed", date(2025, 1, 24), {}),
    ("investigating_officer_appointed", date(2025, 1, 24), {}),
    ("independent_person_appointed", date(2025, 1, 24), {}),
)


def test_after_the_final_answer_the_ombudsman_is_offered(app, client):
    _to, reference = tracking(app, client)
    with_history(
        app,
        reference,
        *INTO_STAGE_2,
        ("stage2_response_sent", date(2025, 3, 3), {}),
        ("stage3_requested", date(2025, 3, 10), {}),
        ("panel_held", date(2025, 4, 1), {}),
        ("panel_report_sent", date(2025, 4, 4), {}),
        ("final_response_sent", date(2025, 4, 14), {}),
    )
    page = client.page("/track/case")
    assert tags(page) == ["Done", "Done", "Done"]
    assert "ask the Local Government and Social Care Ombudsman" in page.text
    assert page.soup.select_one("#ombudsman") is not None
    assert "We sent you our final answer on Monday 14 April 2025" in page.text


# Escalation ----------------------------------------------------------------------------------


def answered(app, reference: str) -> None:
    received = working_days_ago(12)
    with_history(
        app,
        reference,
        ("received", received, {}),
        ("acknowledged", received, {}),
        ("stage1_response_sent", received + timedelta(days=7), {}),
    )


def test_after_an_answer_the_person_can_take_it_to_stage_2(app, client):
    to, reference = tracking(app, client)
    answered(app, reference)
    page = client.page("/track/case")
    assert page.soup.select_one("#escalate")["href"] == "/track/escalate"
    assert "you can ask for stage 2 by" in page.text
    form = client.page("/track/escalate")
    assert form.h1 == "Ask for stage 2"
    response = client.submit("/track/escalate", {"reason": "  "})
    assert response.status_code == 200
    assert "Enter what you are still unhappy about" in response.get_data(as_text=True)
    response = client.submit("/track/escalate", {"reason": HOSTILE})
    assert response.location == "/track/done"
    done = client.page("/track/done")
    assert done.h1.startswith("You have asked for stage 2")
    assert "We will agree with you what will be investigated" in done.text or (
        "We should send you the result of the investigation by" in done.text
    )
    kinds = [(e.kind, e.recorded_by) for e in events_of(app, reference)]
    assert kinds[-1] == ("stage2_requested", "person")
    [message] = messages_of(app, reference)
    assert (message.topic, message.sender, message.body) == ("stage2", "person", HOSTILE)
    assert mail_to(app, to)[-1]["Subject"].startswith("You asked for stage 2: ")
    assert team_mail(app, reference)[-1].subject.startswith("The person asked for stage 2")
    page = client.page("/track/case")
    assert tags(page) == ["Done", "In progress", "Not started"]
    # A second tab, or the back button and send again, records nothing more.
    assert (
        client.post("/track/escalate", data={"csrf_token": page.csrf(), "reason": "x"}).location
        == "/track/case"
    )
    assert [e.kind for e in events_of(app, reference)].count("stage2_requested") == 1


def test_stage_3_works_the_same_way(app, client):
    _to, reference = tracking(app, client)
    with_history(
        app,
        reference,
        *INTO_STAGE_2,
        ("stage2_response_sent", working_days_ago(4), {}),
    )
    assert client.page("/track/escalate").h1 == "Ask for a review panel (stage 3)"
    assert client.submit("/track/escalate", {"reason": "Still wrong"}).location == "/track/done"
    assert client.page("/track/done").h1.startswith("You have asked for a review panel")
    assert events_of(app, reference)[-1].kind == "stage3_requested"
    assert tags(client.page("/track/case")) == ["Done", "Done", "In progress"]


def test_escalation_is_not_offered_while_stage_1_is_on_time(app, client):
    tracking(app, client)
    assert client.get("/track/escalate").location == "/track/case"


def test_a_discreet_person_gets_a_subject_that_says_nothing(app, client):
    changes = {"email-subject": {"email_subject_clear": "no"}}
    to, reference = tracking(app, client, changes=changes)
    answered(app, reference)
    client.submit("/track/escalate", {"reason": "Not resolved"})
    subjects = [m["Subject"] for m in mail_to(app, to)]
    assert subjects and all("complaint" not in s.lower() for s in subjects)
    assert subjects[-1] == f"A message from {app.extensions['council'].name}"


# Asking and withdrawing ------------------------------------------------------------------


def test_asking_what_is_happening_reaches_the_team(app, client):
    _to, reference = tracking(app, client)
    assert client.page("/track/ask").h1 == "Ask what is happening"
    assert client.submit("/track/ask", {"note": ""}).location == "/track/done"
    assert client.page("/track/done").h1.startswith("We have your question")
    [message] = messages_of(app, reference)
    assert message.topic == "chase"
    assert team_mail(app, reference)[-1].subject.startswith("The person asked what is happening")


def test_easy_read_tracking_page_gives_a_child_someone_to_call(app, client):
    tracking(app, client)
    page = client.page("/track/case?mode=easy")
    section = page.soup.find(id="someone-to-talk-to")
    assert section is not None
    for key, name in (("childline", "Childline"), ("help_at_hand", "Help at Hand")):
        contact = national_directory()[key]
        assert page.soup.find("a", href=contact.tel).get_text() == contact.phone
        assert name in page.text


def test_the_team_is_told_in_english_whatever_language_the_person_uses(app, client):
    _to, reference = tracking(app, client)
    client.lang, client.direction = "ur", "rtl"
    client.page("/track/case?lang=ur&mode=easy")
    client.submit("/track/ask", {"note": ""})
    note = team_mail(app, reference)[-1]
    assert note.subject.startswith("The person asked what is happening"), note.subject
    assert note.body.startswith("The person asked what is happening on complaint"), note.body
    # and the person's own page is still in Urdu afterwards
    assert client.page("/track/done").soup.find("html")["lang"] == "ur"


def test_withdrawing_closes_the_case(app, client):
    to, reference = tracking(app, client)
    page = client.page("/track/withdraw")
    assert page.soup.select_one(".govuk-button--warning")
    assert client.submit("/track/withdraw", {"reason": HOSTILE}).location == "/track/done"
    assert client.page("/track/done").h1.startswith("Your complaint is withdrawn")
    assert events_of(app, reference)[-1].kind == "withdrawn"
    assert messages_of(app, reference)[-1].body == HOSTILE
    assert mail_to(app, to)[-1]["Subject"].startswith("You withdrew your complaint")
    case_page = client.page("/track/case")
    assert "You withdrew your complaint on" in case_page.text
    assert tags(case_page) == ["Stopped", "Not needed", "Not needed"]


@pytest.mark.parametrize("path", ["/track/ask", "/track/escalate", "/track/withdraw"])
def test_action_pages_need_a_visit(app, path):
    fresh = app.test_client()
    assert fresh.get(path).location == "/track"


def test_opening_an_action_page_changes_nothing(app, client):
    _to, reference = tracking(app, client)
    before = (len(events_of(app, reference)), len(messages_of(app, reference)))
    for path in ("/track/ask", "/track/withdraw"):
        client.page(path)
    assert (len(events_of(app, reference)), len(messages_of(app, reference))) == before


def test_an_expired_form_keeps_the_person_on_it(app, client):
    tracking(app, client)
    response = client.post("/track/withdraw", data={"csrf_token": "stale", "reason": "Moved"})
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "was not sent because this page was open for a long time" in body
    assert ">Moved</textarea>" in body


def test_the_done_page_without_an_action_goes_back_to_the_case(app, client):
    tracking(app, client)
    assert client.get("/track/done").location == "/track/case"
