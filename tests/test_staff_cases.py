"""The staff case list: its projection on cases, filters, search, pagination and order,
who sees what, and that names are escaped."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import select, update

from portal import cases, db
from portal.domain import calendar
from portal.domain.references import display, new_reference
from portal.models import AdvocacyRequest, Case, StaffUser, new_token
from portal.staff import case_list
from tests.test_complaint import PARENT, answer_steps, begin, case_with, reference_on, sent
from tests.test_staff_auth import create, sign_in

HOSTILE = "<script>alert(1)</script> & \u202eRTL\u202c {{ 7*7 }}"


def working_days_ago(n: int) -> date:
    day = cases.today()
    while calendar.working_days_between(day, cases.today()) < n:
        day -= timedelta(days=1)
    return day


def add_case(
    app,
    name: str = "Sam Carer",
    received: date | None = None,
    events: tuple[tuple[str, date, dict], ...] = (),
    answers: dict | None = None,
    kind: str = "complaint",
) -> str:
    """A case made as submission makes one, with events recorded as staff record them."""
    received = received or cases.today()
    with app.app_context():
        data = db.session()
        case = Case(
            reference=new_reference(),
            kind=kind,
            draft_id=new_token(),
            answers={"your_name": name, **(answers or {})},
            submitted_at=datetime.combine(received, time(12), tzinfo=UTC),
        )
        data.add(case)
        data.flush()
        timescales = app.extensions["council"].timescales
        if kind == "complaint":
            cases.received(data, case, timescales)
        for event, on, details in events:
            cases.record(data, case, event, timescales, by="staff:1", on=on, details=details)
        data.commit()
        return case.reference


def assign(app, reference: str, email: str | None) -> None:
    with app.app_context():
        data = db.session()
        user_id = (
            data.scalars(select(StaffUser.id).where(StaffUser.email == email)).one()
            if email
            else None
        )
        data.execute(update(Case).where(Case.reference == reference).values(assignee_id=user_id))
        data.commit()


def staff(app, role: str = "officer"):
    client = app.test_client()
    email, password, secret = create(app, role)
    sign_in(client, email, password, secret)
    client.email = email
    return client


def listed(client, query: str = "") -> list[str]:
    page = client.page(f"/staff/cases{query}")
    return [a.get_text() for a in page.soup.select("table.app-case-list tbody tr td:first-child a")]


@pytest.fixture
def fresh(app_factory):
    """An app with a database of its own, so the list holds only this test's cases."""
    return app_factory()


# The projection -------------------------------------------------------------------------------


def test_a_submitted_complaint_is_projected_in_the_same_transaction(app, client):
    begin(client, fluency={"fluency": "yes"})
    answer_steps(client, PARENT)
    reference = reference_on(sent(client))
    case = case_with(app, reference)
    received = calendar.received_date(case.submitted_at)
    timescales = app.extensions["council"].timescales
    assert case.is_open is True and case.stage == "1" and case.status == "received"
    assert case.next_step == "acknowledge" and case.who == "council"
    assert case.due_on == calendar.add_working_days(received, timescales.acknowledge)
    assert case.search_name == "sam jones alex jones", "the person's and the child's names"
    assert " fluency " in case.flags and case.flags.startswith(" ")


def test_recording_an_event_refreshes_the_projection(fresh):
    reference = add_case(fresh, received=working_days_ago(5))
    with fresh.app_context():
        data = db.session()
        case = data.scalars(select(Case).where(Case.reference == reference)).one()
        timescales = fresh.extensions["council"].timescales
        assert case.next_step == "acknowledge" and " late_acknowledge " in case.flags
        cases.record(data, case, "acknowledged", timescales, by="staff:1")
        data.commit()
        assert case.status == "acknowledged" and case.next_step == "send_stage1_response"
        assert case.due_on == cases.state_of(data, case, timescales).due
        cases.record(data, case, "stage1_response_sent", timescales, by="staff:1")
        cases.record(data, case, "closed", timescales, by="staff:1")
        data.commit()
        assert case.is_open is False and case.stage == "closed" and case.due_on is None
        assert case.next_step is None


def test_compliments_are_not_in_the_list(fresh):
    add_case(fresh, kind="compliment")
    with fresh.app_context():
        case = db.session().scalars(select(Case)).one()
        assert case.is_open is None and case.stage is None
    assert listed(staff(fresh), "?stage=all") == []


def test_an_advocacy_request_adds_its_flag_on_refresh(fresh):
    reference = add_case(fresh)
    with fresh.app_context():
        data = db.session()
        case = data.scalars(select(Case).where(Case.reference == reference)).one()
        data.add(AdvocacyRequest(case_id=case.id, stage=1, answers={}))
        cases.refresh(data, case, fresh.extensions["council"].timescales)
        data.commit()
        assert " advocate_requested " in case.flags


def test_the_migration_projects_existing_cases(tmp_path):
    from sqlalchemy import create_engine, text

    from portal.db import upgrade

    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade(url, "0009")
    engine = create_engine(url)
    received = working_days_ago(30)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO cases (id, reference, kind, draft_id, answers, submitted_at) "
                "VALUES (1, 'R1', 'complaint', 'd1', :answers, :at)"
            ),
            {"answers": '{"your_name": "Ali Old", "proceedings": "yes"}', "at": received},
        )
        connection.execute(
            text(
                'INSERT INTO case_events (case_id, kind, "on", details, recorded_at, '
                "recorded_by) VALUES (1, 'received', :on, '{}', :on, 'portal')"
            ),
            {"on": received},
        )
    upgrade(url)
    with engine.connect() as connection:
        row = connection.execute(
            text("SELECT is_open, stage, next_step, due_on, flags, search_name FROM cases")
        ).one()
    engine.dispose()
    assert row.is_open == 1 and row.stage == "1" and row.next_step == "acknowledge"
    assert row.due_on is not None and " proceedings " in row.flags
    assert row.search_name == "ali old"


# The list -------------------------------------------------------------------------------------


def test_overdue_first_then_by_due_date_then_newest(fresh):
    later = add_case(fresh, "Later")  # acknowledgement due in 3 working days
    overdue = add_case(fresh, "Overdue", received=working_days_ago(8))
    very_overdue = add_case(fresh, "Very overdue", received=working_days_ago(12))
    older_same_day = add_case(fresh, "Same day, older")
    newer_same_day = add_case(fresh, "Same day, newer")
    paused = add_case(
        fresh, "Paused", events=(("paused", cases.today(), {"reason": "Court proceedings"}),)
    )
    closed = add_case(fresh, "Closed", events=(("withdrawn", cases.today(), {}),))
    client = staff(fresh)
    shown = listed(client)
    assert shown[:2] == [display(very_overdue), display(overdue)]
    assert set(shown[2:5]) == {display(later), display(older_same_day), display(newer_same_day)}
    assert shown.index(display(newer_same_day)) < shown.index(display(older_same_day))
    assert shown[-1] == display(paused), "no due date: last"
    assert display(closed) not in shown
    assert listed(client, "?stage=closed") == [display(closed)]
    page = client.page("/staff/cases")
    first_row = page.soup.select_one("table.app-case-list tbody tr")
    assert "working days late" in first_row.get_text()
    link = first_row.select_one("a")["href"]
    assert link == f"/staff/cases/{very_overdue}"


def test_countdown_in_words():
    monday = date(2026, 11, 23)
    assert case_list.countdown(monday, "council", monday) == "due today"
    assert case_list.countdown(date(2026, 11, 26), "council", monday) == "3 working days left"
    assert case_list.countdown(date(2026, 11, 24), "council", monday) == "1 working day left"
    assert case_list.countdown(date(2026, 11, 19), "council", monday) == "2 working days late"
    assert case_list.countdown(date(2026, 11, 19), "complainant", monday) == (
        "ended 2 working days ago"
    )
    assert case_list.countdown(None, None, monday) == ""


def test_each_filter(fresh):
    manager = staff(fresh, "manager")
    officer = staff(fresh, "officer")
    stage1 = add_case(fresh, "One", answers={"proceedings": "yes"})
    stage2 = add_case(
        fresh,
        "Two",
        received=working_days_ago(15),
        events=(
            ("acknowledged", working_days_ago(14), {}),
            ("stage1_response_sent", working_days_ago(10), {}),
            ("stage2_requested", working_days_ago(9), {}),
        ),
        answers={"fluency": "yes", "aware_over_12_months": "yes"},
    )
    interest = add_case(
        fresh,
        "Three",
        answers={"role": "relative_or_friend", "wants_advocate": "yes", "on_behalf": "yes"},
        events=(),
    )
    with fresh.app_context():
        data = db.session()
        case = data.scalars(select(Case).where(Case.reference == interest)).one()
        case.flags = " sufficient_interest advocate_requested "
        data.commit()
    assign(fresh, stage2, manager.email)
    assign(fresh, interest, officer.email)
    assert listed(manager, "?stage=2") == [display(stage2)]
    assert set(listed(manager, "?stage=1")) == {display(stage1), display(interest)}
    assert listed(manager, "?status=stage2_requested") == [display(stage2)]
    assert listed(manager, "?flag=proceedings") == [display(stage1)]
    assert listed(manager, "?flag=fluency&flag=late") == [display(stage2)]
    assert listed(manager, "?flag=fluency&flag=proceedings") == []
    assert listed(manager, "?flag=sufficient_interest") == [display(interest)]
    assert listed(manager, "?flag=advocate_requested") == [display(interest)]
    assert listed(manager, "?assignee=me") == [display(stage2)]
    assert set(listed(manager, "?assignee=none")) == {display(stage1)}
    with fresh.app_context():
        officer_id = (
            db.session().scalars(select(StaffUser.id).where(StaffUser.email == officer.email)).one()
        )
    assert listed(manager, f"?assignee={officer_id}") == [display(interest)]
    assert listed(manager, "?flag=overdue") == []
    page = manager.page("/staff/cases?stage=2&flag=fluency&q=nobody")
    assert page.soup.find("option", value="2", selected=True)
    assert page.soup.find("input", attrs={"name": "flag", "value": "fluency"}).has_attr("checked")
    assert page.soup.find("input", id="q")["value"] == "nobody"
    assert "No cases match these filters." in page.text
    assert set(listed(manager, "?stage=nonsense&status=nonsense&flag=x&assignee=x&page=x")) == {
        display(stage1),
        display(stage2),
        display(interest),
    }


def test_search_by_reference_or_name(fresh):
    alice = add_case(fresh, "Alice Jones", answers={"child_name": "Rowan Jones"})
    add_case(fresh, "Bob Smith")
    closed = add_case(fresh, "Cara 100%_Done", events=(("withdrawn", cases.today(), {}),))
    client = staff(fresh)
    assert listed(client, "?q=ROWAN") == [display(alice)]
    assert listed(client, "?q=jones") == [display(alice)]
    assert listed(client, f"?q={display(alice).lower()}") == [display(alice)]
    assert listed(client, f"?q={alice}") == [display(alice)]
    assert listed(client, "?q=100%25_") == [], "closed, and the default is open cases"
    assert listed(client, "?stage=all&q=100%25_") == [display(closed)]
    assert listed(client, "?q=%25") == [], "a % is a character, not a wildcard"


def test_pagination(fresh):
    for number in range(27):
        add_case(fresh, f"Person {number}")
    client = staff(fresh)
    page = client.page("/staff/cases")
    assert "Showing 1 to 25 of 27 cases" in page.text
    assert len(page.soup.select("table.app-case-list tbody tr")) == 25
    nav = page.soup.select_one("nav.govuk-pagination")
    assert nav["aria-label"] == "Pages of cases"
    assert nav.select_one("a[rel=next]")["href"] == "/staff/cases?page=2"
    assert nav.select_one("[aria-current=page]").get_text(strip=True) == "1"
    second = client.page("/staff/cases?page=2")
    assert "Showing 26 to 27 of 27 cases" in second.text
    assert second.soup.select_one("a[rel=prev]")["href"] == "/staff/cases"
    first_page = set(listed(client))
    assert not first_page & set(listed(client, "?page=2"))
    assert "Showing 26 to 27 of 27 cases" in client.page("/staff/cases?page=99").text
    filtered = client.page("/staff/cases?q=person&flag=overdue")
    assert filtered.soup.select_one("nav.govuk-pagination") is None
    assert case_list.Filters(q="a b", flags=("late",), page=3).query_string() == (
        "flag=late&q=a+b&page=3"
    )


def test_thousands_are_counted_with_separators(fresh):
    with fresh.app_context():
        data = db.session()
        data.add_all(
            Case(
                reference=f"X{number:08d}",
                kind="complaint",
                draft_id=new_token(),
                answers={},
                is_open=True,
                stage="1",
                status="received",
                flags="",
                search_name="",
            )
            for number in range(1234)
        )
        data.commit()
    assert "Showing 1 to 25 of 1,234 cases" in staff(fresh).page("/staff/cases").text


def test_an_investigator_sees_only_their_assigned_cases(fresh):
    investigator = staff(fresh, "investigator")
    mine = add_case(fresh, "Assigned")
    add_case(fresh, "Someone else's")
    assign(fresh, mine, investigator.email)
    page = investigator.page("/staff/cases")
    assert page.h1 == "Your assigned cases"
    assert listed(investigator) == [display(mine)]
    assert listed(investigator, "?assignee=none") == [display(mine)], "cannot widen it"
    assert page.soup.find("select", id="assignee") is None


@pytest.mark.parametrize("role", ["equalities", "admin"])
def test_other_roles_are_refused(fresh, role):
    assert staff(fresh, role).get("/staff/cases").status_code == 403


def test_hostile_names_are_escaped(fresh):
    add_case(fresh, HOSTILE, answers={"child_name": HOSTILE})
    client = staff(fresh)
    page = client.page(f"/staff/cases?q={HOSTILE[:20]}")
    html = page.response.get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in page.text and "49" not in page.text
    assert page.soup.find("input", id="q")["value"] == HOSTILE[:20]


def test_searches_are_audited(fresh):
    from portal.models import AuditEntry

    client = staff(fresh)
    listed(client, "?q=jones")
    listed(client)
    with fresh.app_context():
        entries = db.session().scalars(select(AuditEntry)).all()
    searches = [(e.action, e.detail) for e in entries if e.action.startswith("cases.")]
    assert searches == [("cases.searched", {"q": "jones"})]
