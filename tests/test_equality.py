"""Equality questions: optional, after the complaint is made, stored apart and counted only."""

from __future__ import annotations

from datetime import date

import pytest
from flask.ctx import RequestContext
from flask.testing import EnvironBuilder
from sqlalchemy import func, inspect, select

from portal import db
from portal.journey import equality
from portal.journey.equality_steps import EQUALITY, PREFER_NOT_TO_SAY
from portal.models import Draft, EqualityResponse

NEXT = "/complaint/confirmation"

#: one answer per question, on a path that asks every question it can
EVERYTHING = {
    "age": "35_44",
    "sex": "female",
    "gender_identity": "yes",
    "sexual_orientation": "bisexual",
    "marriage": "divorced",
    "ethnic_group": "asian",
    "asian_background": "pakistani",
    "religion": "muslim",
    "disability": "yes",
    "disability_impact": "a_little",
}

#: what each background question needs to have been answered before it
GROUP_FOR = {
    "white_background": "white",
    "mixed_background": "mixed",
    "asian_background": "asian",
    "black_background": "black",
    "other_background": "other",
}

NAUGHTY = [
    "<script>alert(1)</script>",
    "\u202eعربي بريطاني\u202c",
    "Kurdish 😀👍🏽 and zero\u200bwidth",
    "Robert'); DROP TABLE equality_responses;--",
    "&amp; &lt;b&gt; {{ 7*7 }} {% raw %}",
]


def offer_to(app, client, next_url: str = NEXT) -> str:
    """Do what the complaint submission does once it has made the case: call offer().

    offer() runs for real, in a request context given the client's own session (opened by
    session_transaction and saved back into the client's cookie when that closes).
    """
    with client.session_transaction() as session:
        environ = EnvironBuilder(app, "/complaint/check").get_environ()
        with RequestContext(app, environ, session=session):
            return equality.offer(next_url)


def slug(step_id: str) -> str:
    return step_id.replace("_", "-")


def answer(client, answers: dict[str, str]) -> list[str]:
    """Answer the questions in order; return where each answer led."""
    locations = []
    for step in EQUALITY.steps:
        if step.id in answers:
            data = {k: v for k, v in answers.items() if k in step.answer_keys}
            response = client.submit(f"/equality/{step.slug}", data)
            assert response.status_code == 302, (step.id, response.status_code)
            locations.append(response.location)
    return locations


def path_to(step_id: str) -> dict[str, str]:
    """Answers that reach step_id, stopping just before it."""
    answers = dict(EVERYTHING)
    if step_id in GROUP_FOR:
        answers.pop("asian_background")
        answers["ethnic_group"] = GROUP_FOR[step_id]
    ids = [step.id for step in EQUALITY.steps]
    return {k: v for k, v in answers.items() if ids.index(k) < ids.index(step_id)}


def rows(app) -> dict[str, EqualityResponse]:
    with app.app_context():
        return {r.id: r for r in db.session().scalars(select(EqualityResponse))}


def new_row(app, before: dict[str, EqualityResponse]) -> EqualityResponse:
    [row] = [r for key, r in rows(app).items() if key not in before]
    return row


def response_id(client) -> str | None:
    with client.session_transaction() as session:
        return session.get(equality.RESPONSE)


def draft_count(app) -> int:
    with app.app_context():
        return db.session().scalar(select(func.count()).select_from(Draft))


# The offer and the introduction ---------------------------------------------------------------


@pytest.mark.parametrize("url", ["/equality/", "/equality/age", "/equality/finish"])
def test_without_an_offer_every_page_goes_to_the_start(client, url):
    assert client.get(url).location == "/"


def test_the_introduction_says_they_are_optional_and_why(app, client):
    assert offer_to(app, client) == "/equality/"
    page = client.page("/equality/")
    assert page.h1 == "We have received your complaint"
    assert "These questions are optional" in page.text
    assert "will not affect your complaint" in page.text
    assert "will not see your answers" in page.text
    assert "Why we ask equality questions" in page.text
    assert page.soup.select_one(".govuk-back-link") is None


def test_the_introduction_needs_a_choice(app, client):
    offer_to(app, client)
    response = client.submit("/equality/", {})
    assert response.status_code == 200
    assert "Select yes if you want to answer the equality questions" in response.get_data(
        as_text=True
    )


def test_skipping_goes_on_and_stores_nothing(app, client):
    offer_to(app, client)
    before = rows(app)
    response = client.submit("/equality/", {"answer": "no"})
    assert response.location == NEXT
    assert rows(app).keys() == before.keys()
    with client.session_transaction() as session:
        assert equality.OFFER not in session and equality.RESPONSE not in session
    assert client.get("/equality/age").location == "/"


def test_answering_every_question_stores_one_row_and_no_draft(app, client):
    offer_to(app, client)
    before, drafts_before = rows(app), draft_count(app)
    assert client.submit("/equality/", {"answer": "yes"}).location == "/equality/age"
    assert client.page("/equality/age").soup.select_one(".govuk-back-link")["href"] == (
        "/equality/"
    )
    locations = answer(client, EVERYTHING)
    assert locations[-1] == "/equality/finish"
    assert client.get("/equality/finish").location == NEXT
    row = new_row(app, before)
    assert {k: v for k, v in row.answers.items() if not k.endswith("_description")} == EVERYTHING
    assert row.answers["gender_identity_description"] is None
    assert row.council == app.extensions["council"].id
    assert row.submitted_month.day == 1
    assert draft_count(app) == drafts_before
    with client.session_transaction() as session:
        assert equality.OFFER not in session and equality.RESPONSE not in session


def test_each_answer_is_saved_as_it_is_given(app, client):
    offer_to(app, client)
    answer(client, {"age": "18_24"})
    row = rows(app)[response_id(client)]
    assert row.answers == {"age": "18_24"}
    answer(client, {"sex": "male"})
    assert rows(app)[response_id(client)].answers == {"age": "18_24", "sex": "male"}


def test_a_second_offer_starts_a_fresh_response(app, client):
    offer_to(app, client)
    answer(client, {"age": "18_24"})
    first = response_id(client)
    offer_to(app, client, "/somewhere/else")
    assert response_id(client) is None
    answer(client, {"age": "25_34"})
    assert response_id(client) != first


@pytest.mark.parametrize(
    "bad", ["//evil.example", "https://evil.example", "/\\evil.example", "evil", "", "/a\nb"]
)
def test_next_url_must_be_a_local_path(app, bad):
    with app.test_request_context(), pytest.raises(ValueError):
        equality.offer(bad)


def test_a_tampered_next_url_still_stays_on_the_site(app, client):
    offer_to(app, client)
    with client.session_transaction() as session:
        session[equality.OFFER] = "//evil.example"
    assert client.submit("/equality/", {"answer": "no"}).location == "/"


# The questions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("step_id", "message"),
    [
        ("age", "Select your age group or 'Prefer not to say'"),
        ("sex", "Select your sex or 'Prefer not to say'"),
        ("gender_identity", "Select whether the gender you identify with is the same"),
        ("sexual_orientation", "Select the option that best describes how you think"),
        ("marriage", "Select your legal marital or registered civil partnership status"),
        ("ethnic_group", "Select an ethnic group or 'Prefer not to say'"),
        ("white_background", "best describes your White background"),
        ("mixed_background", "best describes your Mixed or multiple ethnic groups background"),
        ("asian_background", "best describes your Asian or Asian British background"),
        ("black_background", "best describes your Black, African, Caribbean or Black British"),
        ("other_background", "Select the option that best describes your background"),
        ("religion", "Select your religion, 'No religion' or 'Prefer not to say'"),
        ("disability", "Select whether you have any physical or mental health conditions"),
        ("disability_impact", "Select how much your conditions or illnesses reduce"),
    ],
)
def test_every_question_explains_its_error(app, client, step_id, message):
    offer_to(app, client)
    answer(client, path_to(step_id))
    response = client.submit(f"/equality/{slug(step_id)}", {})
    assert response.status_code == 200
    page = response.get_data(as_text=True).replace("&#39;", "'")
    assert message in page
    assert "Error:" in page


@pytest.mark.parametrize("step", EQUALITY.steps, ids=lambda step: step.id)
def test_prefer_not_to_say_is_last_after_an_or_and_is_an_answer(app, client, step):
    offer_to(app, client)
    answer(client, path_to(step.id))
    page = client.page(f"/equality/{step.slug}")
    items = page.soup.select(".govuk-radios > *")
    assert "govuk-radios__divider" in items[-2]["class"]
    assert items[-2].get_text(strip=True) == "or"
    assert items[-1].input["value"] == PREFER_NOT_TO_SAY
    assert "Prefer not to say" in items[-1].get_text()
    before = rows(app)
    response = client.submit(f"/equality/{step.slug}", {step.id: PREFER_NOT_TO_SAY})
    assert response.status_code == 302
    row = rows(app)[response_id(client)]
    assert row.answers[step.id] == PREFER_NOT_TO_SAY
    assert len(rows(app)) - len(before) in (0, 1)


def test_prefer_not_to_say_to_everything_asks_no_follow_ups(app, client):
    offer_to(app, client)
    asked = []
    location = client.submit("/equality/", {"answer": "yes"}).location
    while location != NEXT:
        if location == "/equality/finish":
            location = client.get(location).location
            continue
        step = EQUALITY.step(location.rsplit("/", 1)[-1])
        asked.append(step.id)
        location = client.submit(location, {step.id: PREFER_NOT_TO_SAY}).location
    assert asked == [
        "age",
        "sex",
        "gender_identity",
        "sexual_orientation",
        "marriage",
        "ethnic_group",
        "religion",
        "disability",
    ]


def test_under_16s_are_not_asked_about_gender_identity_sexual_orientation_or_marriage(app, client):
    offer_to(app, client)
    assert answer(client, {"age": "under_16", "sex": "male"}) == [
        "/equality/sex",
        "/equality/ethnic-group",
    ]
    for skipped in ("gender-identity", "sexual-orientation", "marriage"):
        assert client.get(f"/equality/{skipped}").location == "/equality/ethnic-group"


def test_changing_age_to_under_16_forgets_the_answers_that_no_longer_apply(app, client):
    offer_to(app, client)
    answer(client, path_to("ethnic_group"))
    assert "sexual_orientation" in rows(app)[response_id(client)].answers
    client.submit("/equality/age", {"age": "under_16"})
    answers = rows(app)[response_id(client)].answers
    assert answers == {"age": "under_16", "sex": "female"}


def test_only_people_with_a_condition_are_asked_its_impact(app, client):
    offer_to(app, client)
    locations = answer(client, {**path_to("disability"), "disability": "no"})
    assert locations[-1] == "/equality/finish"


@pytest.mark.parametrize("text", NAUGHTY)
def test_another_background_is_stored_exactly_and_shown_back_escaped(app, client, text):
    offer_to(app, client)
    answer(client, path_to("white_background"))
    url = "/equality/white-background"
    response = client.submit(
        url, {"white_background": "other", "white_background_description": text}
    )
    assert response.status_code == 302
    assert rows(app)[response_id(client)].answers["white_background_description"] == text
    page = client.page(url)
    box = page.soup.find("input", attrs={"name": "white_background_description"})
    assert box["value"] == text
    assert page.soup.find("input", attrs={"value": "other"}).has_attr("checked")
    assert "<script>alert" not in page.response.get_data(as_text=True)
    # The box is inside the "Any other White background" answer, not a second question.
    assert box.find_parent(class_="govuk-radios__conditional") is not None


def test_a_description_goes_when_its_answer_changes(app, client):
    offer_to(app, client)
    answer(client, path_to("religion"))
    client.submit("/equality/religion", {"religion": "other", "religion_description": "Pagan"})
    assert rows(app)[response_id(client)].answers["religion_description"] == "Pagan"
    client.submit("/equality/religion", {"religion": "none", "religion_description": "Pagan"})
    assert rows(app)[response_id(client)].answers["religion_description"] is None


def test_a_long_description_is_an_error_on_its_box(app, client):
    offer_to(app, client)
    answer(client, path_to("sexual_orientation"))
    response = client.submit(
        "/equality/sexual-orientation",
        {"sexual_orientation": "other", "sexual_orientation_description": "x" * 101},
    )
    assert response.status_code == 200
    assert "Use 100 characters or fewer" in response.get_data(as_text=True)


def test_an_expired_form_shows_the_question_again(app, client):
    offer_to(app, client)
    client.page("/equality/age")
    response = client.post("/equality/age", data={"csrf_token": "stale", "age": "16_17"})
    assert response.status_code == 400
    assert "Your answer was not saved" in response.get_data(as_text=True)


def test_an_expired_introduction_keeps_the_choice(app, client):
    offer_to(app, client)
    response = client.post("/equality/", data={"csrf_token": "stale", "answer": "no"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "We have received your complaint" in page
    assert 'value="no" checked' in page


# Storage and reporting ------------------------------------------------------------------------


def test_the_table_cannot_be_joined_to_a_case(app):
    table = inspect(app.extensions["db_engine"])
    columns = {c["name"] for c in table.get_columns("equality_responses")}
    assert columns == {"id", "council", "submitted_month", "answers"}
    assert table.get_foreign_keys("equality_responses") == []
    if app.config["DATABASE_URL"].startswith("sqlite"):
        # No rowid: rows are kept in the order of their random ids, not of arrival.
        with app.extensions["db_engine"].connect() as connection:
            sql = connection.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'equality_responses'"
            ).scalar()
        assert "WITHOUT ROWID" in sql


def test_counts_are_by_council_and_month_with_small_numbers_suppressed(app):
    council = "count-test"
    made = [
        # 6 women and 3 men in April 2026, one of them under 16 with a stale answer
        *[{"age": "25_34", "sex": "female", "sexual_orientation": "bisexual"}] * 6,
        *[{"age": "35_44", "sex": "male"}] * 2,
        {"age": "under_16", "sex": "male", "sexual_orientation": "heterosexual"},
        # free text is never counted or returned
        *[
            {
                "age": "25_34",
                "ethnic_group": "white",
                "white_background": "other",
                "white_background_description": "Cornish",
            }
        ]
        * 5,
    ]
    with app.app_context():
        session = db.session()
        for answers in made:
            session.add(
                EqualityResponse(council=council, submitted_month=date(2026, 4, 1), answers=answers)
            )
        # outside the year, and another council's: not counted
        for month, other in ((date(2027, 4, 1), council), (date(2026, 5, 1), "elsewhere")):
            session.add_all(
                EqualityResponse(council=other, submitted_month=month, answers={"sex": "male"})
                for _ in range(5)
            )
        session.commit()
        result = equality.counts(session, council, date(2026, 4, 1), date(2027, 3, 31))
    assert result["sex"] == {"female": 6, "male": None, PREFER_NOT_TO_SAY: None}
    assert result["age"]["25_34"] == 11
    assert result["age"]["35_44"] is None
    assert result["sexual_orientation"]["bisexual"] == 6
    assert result["sexual_orientation"]["heterosexual"] is None
    assert result["white_background"]["other"] == 5
    assert set(result) == {step.id for step in EQUALITY.steps}
    assert "Cornish" not in repr(result)
    assert list(result["marriage"]) == [
        "never",
        "married",
        "civil_partnership",
        "separated_married",
        "separated_civil_partnership",
        "divorced",
        "dissolved_civil_partnership",
        "widowed",
        "surviving_civil_partner",
        PREFER_NOT_TO_SAY,
    ]
