"""The complaints manager's reports: the statutory figures for a year or quarter, the equality
profile in aggregate, their CSV files, who may see them, and that equality answers never
reach any other staff page."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from portal import cases, db
from portal.domain.references import new_reference
from portal.journey.equality import this_month
from portal.models import AdvocacyRequest, AuditEntry, Case, EqualityResponse, new_token
from portal.staff import roles
from tests.test_complaint import complete, reference_on, send
from tests.test_equality import answer
from tests.test_staff_auth import EXAMPLES, OPEN, _example_url, create, sign_in

#: the data set's years are long past, so the cases other tests make today never count in them
YEAR = "/staff/reports?year=2019"


def add_case(app, kind: str, sent: datetime, answers: dict, *events: tuple) -> str:
    """A case sent at `sent`, with its events recorded through the stage machine."""
    with app.app_context():
        data = db.session()
        timescales = app.extensions["council"].timescales
        case = Case(
            reference=new_reference(),
            kind=kind,
            draft_id=new_token(),
            answers=answers,
            submitted_at=sent,
        )
        data.add(case)
        data.flush()
        if kind == "complaint":
            cases.received(data, case, timescales)
            for event, on, details in events:
                cases.record(data, case, event, timescales, by="test", on=on, details=details)
        data.commit()
        return case.reference


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


@pytest.fixture(scope="module")
def data_set(app):
    """Four complaints and a compliment in 2019-20, one complaint just after it, and one in
    2018-19 with hostile answers."""
    a = add_case(
        app,
        "complaint",
        at(date(2019, 5, 1)),
        {"role": "child", "service": "fostering", "wants_advocate": "yes"},
        ("acknowledged", date(2019, 5, 2), {}),
        ("stage1_response_sent", date(2019, 5, 3), {"outcome": "upheld"}),
        ("stage2_requested", date(2019, 5, 10), {}),
        ("advocate_needed", date(2019, 5, 10), {}),
        ("referred_to_ombudsman", date(2019, 5, 20), {}),
    )
    # answered 6 weeks late, with no outcome recorded: the answer is the acknowledgement too
    add_case(
        app,
        "complaint",
        at(date(2019, 6, 3)),
        {"role": "foster_carer", "service": "social_work"},
        ("stage1_response_sent", date(2019, 7, 15), {}),
    )
    add_case(app, "compliment", at(date(2019, 6, 3)), {"kind": "compliment"})
    # nothing done: both the acknowledgement and the answer are overdue on 31 March
    add_case(app, "complaint", at(date(2020, 3, 2)), {"role": "advocate", "service": "residential"})
    # the last day of the year (10:00 in London is 09:00 UTC in summer time), and the first
    # of the next
    add_case(app, "complaint", at(date(2020, 3, 31), 9), {"role": "parent", "service": "adoption"})
    add_case(app, "complaint", at(date(2020, 4, 1), 9), {"role": "parent", "service": "adoption"})
    hostile = {"role": '=HYPERLINK("http://evil.example")', "service": "<script>alert(1)</script>"}
    add_case(app, "complaint", at(date(2018, 10, 1)), hostile)
    with app.app_context():
        session = db.session()
        case_id = session.scalars(select(Case.id).where(Case.reference == a)).one()
        session.add(
            AdvocacyRequest(case_id=case_id, stage=1, answers={}, created_at=at(date(2019, 5, 2)))
        )
        session.commit()


@pytest.fixture(scope="module")
def staff(app):
    clients = {}
    for role in roles.ALL:
        client = app.test_client()
        sign_in(client, *create(app, role))
        clients[role] = client
    return clients


def table(page, caption: str) -> dict[str, list[str]]:
    """A table's rows, by the text of their first cell."""
    found = page.soup.find("caption", string=lambda s: s and s.strip() == caption)
    assert found is not None, caption
    rows = {}
    for row in found.find_parent("table").select("tbody tr"):
        cells = [" ".join(c.get_text(" ").split()) for c in row.find_all(["th", "td"])]
        rows[cells[0]] = cells[1:]
    return rows


def column(page, caption: str) -> dict[str, str]:
    return {label: values[0] for label, values in table(page, caption).items()}


def csv_rows(response) -> list[list[str]]:
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


# The statutory report -----------------------------------------------------------------------------


def test_the_years_figures(data_set, staff):
    page = staff[roles.MANAGER].page(YEAR)
    assert page.h1 == "Complaints report"
    assert "Monday 1 April 2019 to Tuesday 31 March 2020" in page.text
    assert column(page, "Received") == {"Complaints": "4", "Compliments": "1", "Comments": "0"}
    assert column(page, "Complaints started at each stage") == {
        "Stage 1": "4",
        "Stage 2": "1",
        "Stage 3": "0",
    }
    assert column(page, "Outcomes of Stage 1 responses") == {
        "Upheld": "1",
        "Partly upheld": "0",
        "Not upheld": "0",
        "Not recorded": "1",
    }
    assert set(column(page, "Outcomes of Stage 3 responses").values()) == {"0"}
    timeliness = table(page, "Timescales met")
    # overdue on 31 March: the complaint from 2 March, and the one from 2018 still waiting
    assert timeliness["Acknowledgement"] == ["1", "1", "2"]
    assert timeliness["Stage 1 response"] == ["1", "1", "2"]
    assert timeliness["Stage 2 response"] == ["0", "0", "0"]
    who = column(page, "Who complained")
    assert who["A child or young person"] == who["A parent"] == who["A foster carer"] == "1"
    assert who["An advocate"] == "1" and who["Not recorded"] == "0"
    teams = column(page, "The service or team complained about")
    assert teams["Fostering"] == teams["Adoption or special guardianship"] == "1"
    assert teams["A social worker or social work team"] == "1"
    other = column(page, "Advocacy and referrals to the Ombudsman")
    assert other == {
        "Asked for an advocate on the tracking page": "1",
        "Said in their complaint that they want an advocate": "1",
        "Recorded by the council as needing an advocate": "1",
        "Referred to the Local Government and Social Care Ombudsman": "1",
    }


def test_31_march_and_1_april_fall_in_different_years(data_set, staff):
    officer = staff[roles.OFFICER]
    assert (
        column(officer.page("/staff/reports?year=2019&quarter=4"), "Received")["Complaints"] == "2"
    )
    next_year = officer.page("/staff/reports?year=2020&quarter=1")
    assert column(next_year, "Received")["Complaints"] == "1"
    assert column(next_year, "Who complained")["A parent"] == "1"
    first = officer.page("/staff/reports?year=2019&quarter=1")
    assert column(first, "Received") == {"Complaints": "2", "Compliments": "1", "Comments": "0"}


def test_the_charts_are_accessible_images_with_tables(data_set, staff):
    page = staff[roles.OFFICER].page(YEAR)
    charts = page.soup.find_all("svg")
    assert len(charts) == 7
    for svg in charts:
        assert svg["role"] == "img" and svg["viewbox"].startswith("0 0 300 ")
        title, desc = svg["aria-labelledby"].split()
        assert page.soup.find(id=title).name == "title" and page.soup.find(id=desc).name == "desc"
        caption = svg.find_next_sibling("table").caption.get_text(strip=True)
        assert caption == page.soup.find(id=title).get_text(strip=True)
    received = page.soup.find(id="chart-received-desc").get_text()
    assert received == "Complaints: 4; Compliments: 1; Comments: 0"
    # every bar's figure is written next to it
    figures = [t.get_text() for t in charts[0].find_all("text", attrs={"font-weight": "bold"})]
    assert figures == ["4", "1", "0"]
    assert page.soup.find("script", src=lambda s: s and "chart" in s) is None


def test_the_csv_has_the_same_figures_and_names_the_council_and_period(data_set, staff):
    response = staff[roles.MANAGER].get("/staff/reports.csv?year=2019&quarter=1")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="example-complaints-report-2019-20-q1.csv"'
    )
    rows = csv_rows(response)
    assert rows[0] == ["Section", "Measure", "Count"]
    assert ["Council", "Example Borough Council", ""] in rows
    assert ["Period", "Monday 1 April 2019 to Sunday 30 June 2019", ""] in rows
    assert ["Received", "Complaints", "2"] in rows
    assert ["Outcomes of Stage 1 responses", "Upheld", "1"] in rows
    assert ["Timeliness: Stage 1 response", "On time", "1"] in rows
    assert ["Timeliness: Stage 1 response", "Open and overdue", "2"] in rows
    assert ["Ombudsman", "Referred to the Local Government and Social Care Ombudsman", "1"] in rows


def test_hostile_answers_are_escaped_on_the_page_and_defused_in_the_csv(data_set, staff):
    manager = staff[roles.MANAGER]
    page = manager.page("/staff/reports?year=2018")
    assert column(page, "Who complained")['=HYPERLINK("http://evil.example")'] == "1"
    assert column(page, "The service or team complained about")["<script>alert(1)</script>"] == "1"
    assert "<script>alert(1)" not in page.response.get_data(as_text=True)
    rows = csv_rows(manager.get("/staff/reports.csv?year=2018"))
    assert ["Who complained", '\'=HYPERLINK("http://evil.example")', "1"] in rows
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("year=nonsense", "Select a reporting year from the list"),
        ("year=2014", "Select a reporting year from the list"),
        ("year=2099", "Select a reporting year from the list"),
        ("year=2019&quarter=5", "Select the whole year or a quarter"),
    ],
)
def test_a_bad_period_is_explained(staff, query, message):
    page = staff[roles.OFFICER].page(f"/staff/reports?{query}")
    assert page.errors() == [message]
    assert page.soup.find("svg") is None
    download = staff[roles.OFFICER].get(f"/staff/reports.csv?{query}")
    assert download.status_code == 302 and download.location == f"/staff/reports?{query}"


def test_the_current_year_is_the_default(staff):
    page = staff[roles.OFFICER].page("/staff/reports")
    year = cases.today().year if cases.today().month >= 4 else cases.today().year - 1
    assert f"1 April {year} to" in page.soup.find(id="period").get_text()
    assert page.soup.find("option", selected=True)["value"] == str(year)


def test_viewing_and_downloading_are_audited(app, staff):
    officer = staff[roles.OFFICER]
    officer.page("/staff/reports?year=2019&quarter=2")
    officer.get("/staff/reports.csv?year=2019&quarter=2")
    staff[roles.EQUALITIES].page("/staff/reports/equality?year=2019")
    with app.app_context():
        entries = db.session().scalars(
            select(AuditEntry).where(AuditEntry.action == "report.viewed").order_by(AuditEntry.id)
        )
        details = [entry.detail for entry in entries][-3:]
    assert details == [
        {"report": "complaints", "period": "2019-20-q2", "format": "html"},
        {"report": "complaints", "period": "2019-20-q2", "format": "csv"},
        {"report": "equality", "period": "2019-20", "format": "html"},
    ]


def test_who_may_see_which_report(staff):
    for role, client in staff.items():
        complaints = 200 if role in (roles.OFFICER, roles.MANAGER) else 403
        equality = 200 if role in (roles.EQUALITIES, roles.MANAGER) else 403
        assert client.get("/staff/reports").status_code == complaints, role
        assert client.get("/staff/reports.csv").status_code == complaints, role
        assert client.get("/staff/reports/equality").status_code == equality, role
        assert client.get("/staff/reports/equality.csv").status_code == equality, role
        home = client.page("/staff/")
        links = {a["href"] for a in home.soup.find_all("a")}
        assert ("/staff/reports" in links) == (complaints == 200), role
        assert ("/staff/reports/equality" in links) == (equality == 200), role


# The equality report ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def equality_2019(app):
    """Twelve people answering in June 2019: 6 women, 5 men, 1 who prefers not to say."""
    sexes = ["female"] * 6 + ["male"] * 5 + ["prefer_not_to_say"]
    with app.app_context():
        session = db.session()
        for n, sex in enumerate(sexes):
            answers = {"age": "25_34", "sex": sex, "gender_identity": "yes"}
            if n == 0:
                answers |= {"gender_identity": "no", "gender_identity_description": "zebra-2019"}
            session.add(
                EqualityResponse(
                    id=new_token(32),
                    council="example",
                    submitted_month=date(2019, 6, 1),
                    answers=answers,
                )
            )
        session.commit()


def test_equality_counts_hide_small_numbers_and_what_would_give_them_away(equality_2019, staff):
    page = staff[roles.EQUALITIES].page("/staff/reports/equality?year=2019")
    assert page.h1 == "Equality report"
    assert page.soup.find(id="people").get_text(strip=True).endswith(": 12")
    # one man fewer would show 5 women and... no: one hidden cell hides the next smallest too
    assert column(page, "What is your sex?") == {
        "Female": "6",
        "Male": "fewer than 5",
        "Prefer not to say": "fewer than 5",
    }
    age = column(page, "How old are you?")
    assert age["25 to 34"] == "12" and age["Under 16"] == "fewer than 5"
    identity = column(
        page, "Is the gender you identify with the same as your sex registered at birth?"
    )
    assert identity == {"Yes": "11", "No": "fewer than 5", "Prefer not to say": "fewer than 5"}
    assert "zebra-2019" not in page.response.get_data(as_text=True)
    assert len(page.soup.find_all("svg", attrs={"role": "img"})) == 14
    assert "fewer than 5" in page.soup.find(id="chart-equality-sex-desc").get_text()
    quarter = staff[roles.MANAGER].page("/staff/reports/equality?year=2019&quarter=2")
    assert quarter.soup.find(id="people").get_text(strip=True).endswith("fewer than 5")


def test_the_equality_csv(equality_2019, staff):
    response = staff[roles.MANAGER].get("/staff/reports/equality.csv?year=2019")
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="example-equality-report-2019-20.csv"'
    )
    rows = csv_rows(response)
    assert rows[0] == ["Question", "Answer", "People"]
    assert ["Everyone who answered", "People", "12"] in rows
    assert ["What is your sex?", "Female", "6"] in rows
    assert ["What is your sex?", "Male", "fewer than 5"] in rows
    assert "zebra-2019" not in response.get_data(as_text=True)


# Equality answers stay apart ----------------------------------------------------------------------

#: free text people wrote, which must never be shown anywhere
FREE_TEXT = {
    "gender_identity_description": "<b>zebra-unique-7</b>",
    "sexual_orientation_description": "quokka-unique-8",
    "white_background_description": "narwhal-unique-9",
    "religion_description": "axolotl-unique-10",
}
PEOPLE = [
    {
        "age": "35_44",
        "sex": "female",
        "gender_identity": "no",
        "gender_identity_description": FREE_TEXT["gender_identity_description"],
        "sexual_orientation": "other",
        "sexual_orientation_description": FREE_TEXT["sexual_orientation_description"],
        "marriage": "surviving_civil_partner",
        "ethnic_group": "white",
        "white_background": "other",
        "white_background_description": FREE_TEXT["white_background_description"],
        "religion": "other",
        "religion_description": FREE_TEXT["religion_description"],
        "disability": "no",
    },
    {
        "age": "75_over",
        "sex": "male",
        "gender_identity": "yes",
        "sexual_orientation": "prefer_not_to_say",
        "marriage": "dissolved_civil_partnership",
        "ethnic_group": "white",
        "white_background": "gypsy_irish_traveller",
        "religion": "sikh",
        "disability": "yes",
        "disability_impact": "a_lot",
    },
]
#: one person's answers, as ids and as the words of the questions: only ever counted
DISTINCTIVE = [
    "surviving_civil_partner",
    "Surviving partner from a registered civil partnership",
    "dissolved_civil_partnership",
    "Formerly in a civil partnership which is now legally dissolved",
    "gypsy_irish_traveller",
    "Gypsy or Irish Traveller",
]
EQUALITY_ROUTES = {"staff.equality_report", "staff.equality_csv"}


def complain_and_answer(client, answers: dict[str, str]) -> str:
    complete(client)
    assert send(client).location == "/equality/"
    client.submit("/equality/", {"answer": "yes"})
    assert answer(client, answers)[-1] == "/equality/finish"
    client.get("/equality/finish")
    return reference_on(client.page("/complaint/confirmation"))


def test_equality_answers_reach_no_staff_page_but_the_aggregate_report(app, staff):
    # One person through the journey; the other's row added as the journey would store it
    # (a row has nothing that could tie it to a case, so which case does not matter).
    references = [complain_and_answer(app.test_client(), PEOPLE[0])]
    references.append(add_case(app, "complaint", datetime.now(UTC), {"role": "parent"}))
    with app.app_context():
        db.session().add(
            EqualityResponse(
                id=new_token(32),
                council="example",
                submitted_month=this_month(),
                answers=PEOPLE[1],
            )
        )
        db.session().commit()
    with app.app_context():
        stored = db.session().scalars(select(EqualityResponse.answers)).all()
    assert any(
        a.get("gender_identity_description") == FREE_TEXT["gender_identity_description"]
        for a in stored
    ), "the free text is stored, so the test can find it shown"
    # the matrix test's example case can be this one
    EXAMPLES["reference"] = EXAMPLES["reference"] or references[0]
    urls = {
        (rule.endpoint, _example_url(app, rule))
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("staff.") and rule.endpoint not in OPEN
        if "GET" in rule.methods
    }
    urls |= {("staff.case", f"/staff/cases/{reference}") for reference in references}
    urls |= {("staff.cases", "/staff/cases?stage=all"), ("staff.cases", "/staff/cases?q=Jones")}
    fetched = 0
    for role, client in staff.items():
        for endpoint, url in sorted(urls):
            response = client.get(url)
            body = response.get_data(as_text=True)
            for text in FREE_TEXT.values():
                for form in (text, "zebra-unique-7", "&lt;b&gt;zebra"):
                    assert form not in body, (role, url, form)
            if endpoint not in EQUALITY_ROUTES or response.status_code != 200:
                for value in DISTINCTIVE:
                    assert value not in body, (role, url, value)
            fetched += response.status_code == 200
    assert fetched > len(urls)
    # where they are shown, they are counts, and too few to show
    page = staff[roles.EQUALITIES].page("/staff/reports/equality")
    marriage = column(page, "What is your legal marital or registered civil partnership status?")
    assert marriage["Surviving partner from a registered civil partnership"] == "fewer than 5"
    white = column(page, "Which of the following best describes your White background?")
    assert white["Gypsy or Irish Traveller"] == "fewer than 5"
    assert references[0] not in page.text and references[1] not in page.text
