"""The screening journey through the Flask client, as a person would answer it."""

from __future__ import annotations

import pytest

from portal.domain.screening import ROUTES
from portal.journey.engine import Journey, Step
from portal.journey.screening_steps import SCREENING
from tests.test_screening import CLEAR

#: answers to every step, keyed by the step's URL slug, in the form's field names
IN_SCOPE = {
    "danger": {"danger": "no"},
    "about": {"about": "children_social_care"},
    "provider": {"provider": "no"},
    "child-protection": {"child_protection": "no"},
    "court-decision": {"court_decision": "no"},
    "approval": {"approval": "no"},
    "appeal": {"appeal": "no"},
    "request": {"request": "no"},
    "compensation": {"compensation": "no"},
    "ombudsman-done": {"ombudsman_done": "no"},
    "waiting-decision": {"waiting_decision": "no"},
    "proceedings": {"proceedings": "no"},
    "repeat": {"repeat": "no"},
    "councillor": {"councillor": "no"},
    "aware": {"aware-month": "6", "aware-year": "2026"},
    "fluency": {"fluency": "no"},
    "role": {"role": "parent"},
    "on-behalf": {"on_behalf": "no"},
}


def answer_all(client, until: str | None = None, **changes):
    """Answer the steps in order (with changes), stopping before `until`."""
    for slug, data in IN_SCOPE.items():
        if slug == until:
            return
        response = client.submit(f"/check/{slug}", changes.get(slug, data))
        assert response.status_code == 302, (slug, response.status_code)


def test_whole_journey_ends_on_the_result_page(client):
    answer_all(client)
    page = client.page("/check/result")
    assert page.h1 == "You can make a complaint to us"
    assert "Who are you?" in page.text and "A parent" in page.text
    assert "June 2026" in page.text


def test_start_resumes_where_the_person_is(client):
    assert client.get("/check/").location.endswith("/check/danger")
    answer_all(client, until="approval")
    assert client.get("/check/").location.endswith("/check/approval")


@pytest.mark.parametrize(
    ("slug", "data", "route"),
    [
        ("danger", {"danger": "yes"}, "emergency"),
        ("about", {"about": "school"}, "school"),
        ("about", {"about": "nhs"}, "nhs"),
        ("about", {"about": "police"}, "police"),
        ("about", {"about": "council_education"}, "corporate"),
        ("about", {"about": "other_organisation"}, "other_organisation"),
        ("about", {"about": "send_transport"}, "transport_provider"),
        ("provider", {"provider": "yes"}, "provider"),
        ("child-protection", {"child_protection": "yes"}, "conference_chair"),
        ("court-decision", {"court_decision": "yes"}, "court"),
        ("approval", {"approval": "yes"}, "irm"),
        ("appeal", {"appeal": "yes"}, "appeal"),
        ("request", {"request": "yes"}, "service_request"),
        ("compensation", {"compensation": "yes"}, "insurance"),
        ("ombudsman-done", {"ombudsman_done": "yes"}, "ombudsman"),
        ("waiting-decision", {"waiting_decision": "yes"}, "not_decided"),
    ],
)
def test_each_exit_answer_leads_to_its_exit_page(client, slug, data, route):
    answer_all(client, until=slug)
    response = client.submit(f"/check/{slug}", data)
    assert response.location.endswith(f"/check/exit/{route}")
    page = client.page(f"/check/exit/{route}")
    assert page.soup.select_one(".app-contact"), "every exit page gives a contact"
    back = page.soup.select_one(".govuk-back-link")["href"]
    assert back.endswith(f"/check/{slug}")
    # later steps cannot be reached past an exit
    assert client.get("/check/role").location.endswith(f"/check/exit/{route}")


def test_every_route_has_an_exit_page(client):
    for route in ROUTES:
        if route != "statutory":
            assert client.page(f"/check/exit/{route}").h1


def test_soft_exit_can_be_passed(client):
    answer_all(client, until="about")
    client.submit("/check/about", {"about": "send_transport"})
    page = client.page("/check/exit/transport_provider")
    assert "I still want to complain to the council" in page.text
    response = client.post("/check/exit/transport_provider", data={"csrf_token": page.csrf()})
    assert response.location.endswith("/check/provider")
    answer_all(client, until=None, about={"about": "send_transport"})
    page = client.page("/check/result")
    assert "Transport to school" in page.text


def test_hard_exit_offers_no_way_past(client):
    answer_all(client, until="about")
    client.submit("/check/about", {"about": "school"})
    page = client.page("/check/exit/school")
    assert "I still want to complain" not in page.text
    token = client.page("/check/about").csrf()
    response = client.post("/check/exit/school", data={"csrf_token": token})
    assert response.location.endswith("/check/exit/school")


def test_an_exit_page_visited_directly_has_no_override(client):
    page = client.page("/check/exit/provider")
    assert "I still want to complain" not in page.text
    assert client.get("/check/exit/not-a-route").status_code == 404


def test_deep_link_to_an_unreachable_step_redirects_to_the_right_one(client):
    assert client.get("/check/role").location.endswith("/check/danger")
    answer_all(client, until="request")
    assert client.get("/check/fluency").location.endswith("/check/request")
    assert client.get("/check/result").location.endswith("/check/request")
    assert client.get("/check/no-such-step").status_code == 404


def test_back_links_go_to_the_previous_step(client):
    first = client.page("/check/danger").soup.select_one(".govuk-back-link")["href"]
    assert first == "/feedback/kind"  # where "Make a complaint" was chosen
    answer_all(client, until="role")
    back = client.page("/check/role").soup.select_one(".govuk-back-link")["href"]
    assert back == "/check/fluency"


def test_advocates_are_not_asked_if_they_complain_for_someone_else(client):
    answer_all(client, until="role")
    response = client.submit("/check/role", {"role": "advocate"})
    assert response.location.endswith("/check/result")
    assert "complaining for someone else" in client.page("/check/result").text


def test_change_link_returns_to_the_result_page(client):
    answer_all(client)
    result = client.page("/check/result")
    change = result.soup.find("a", href="/check/role?return_to=result")
    assert change is not None and "Who are you?" in change.get_text()
    page = client.page("/check/role?return_to=result")
    assert page.soup.select_one(".govuk-back-link")["href"] == "/check/result"
    assert page.soup.find("input", attrs={"value": "parent"}).has_attr("checked")
    response = client.submit("/check/role?return_to=result", {"role": "foster_carer"})
    assert response.location.endswith("/check/result")
    assert "A foster carer" in client.page("/check/result").text


def test_a_change_that_opens_a_new_question_asks_it_then_returns(client):
    answer_all(client, until="on-behalf", role={"role": "advocate"})
    assert client.get("/check/result").status_code == 200
    response = client.submit("/check/role?return_to=result", {"role": "parent"})
    assert response.location.endswith("/check/on-behalf?return_to=result")
    response = client.submit("/check/on-behalf?return_to=result", {"on_behalf": "yes"})
    assert response.location.endswith("/check/result")


def test_a_change_that_leads_to_an_exit_goes_to_the_exit(client):
    answer_all(client)
    response = client.submit("/check/about?return_to=result", {"about": "police"})
    assert response.location.endswith("/check/exit/police")


def test_a_foreign_return_to_is_ignored(client):
    answer_all(client, until="about")
    response = client.submit(
        "/check/about?return_to=https://evil.example", {"about": "children_social_care"}
    )
    assert response.location.endswith("/check/provider")


@pytest.mark.parametrize("slug", list(IN_SCOPE))
def test_every_step_explains_a_missing_answer(client, slug):
    answer_all(client, until=slug)
    response = client.submit(f"/check/{slug}", {})
    assert response.status_code == 200
    from tests.lint import parse

    soup = parse(response.get_data(as_text=True))
    assert soup.title.get_text().startswith("Error: ")
    messages = soup.select(".govuk-error-message")
    assert messages and messages[0].get_text(strip=True).startswith("Error:")


@pytest.mark.parametrize("slug", [s for s in IN_SCOPE if s != "aware"])
def test_every_radio_step_rejects_an_answer_it_did_not_offer(client, slug):
    answer_all(client, until=slug)
    field = next(iter(IN_SCOPE[slug]))
    response = client.submit(f"/check/{slug}", {field: "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("month", "year", "message"),
    [
        ("", "", "Enter the month and year you found out about the problem"),
        ("", "2024", "The date you found out must include a month"),
        ("3", "", "The date you found out must include a year"),
        ("13", "2024", "The date you found out must be a real date"),
        ("3", "24", "Year must include 4 numbers"),
        ("3", "2999", "The date you found out must be this month or in the past"),
        ("3", "1850", "The date you found out must be after 1900"),
        ("<b>x</b>", "20 24", "The date you found out must be a real date"),
    ],
)
def test_month_and_year_errors_name_the_part_and_keep_the_input(client, month, year, message):
    answer_all(client, until="aware")
    response = client.submit("/check/aware", {"aware-month": month, "aware-year": year})
    body = response.get_data(as_text=True)
    assert message in body
    assert "<b>x</b>" not in body
    if month == "<b>x</b>":
        assert 'value="&lt;b&gt;x&lt;/b&gt;"' in body


def test_more_than_12_months_ago_sets_the_late_flag(client):
    answer_all(client, aware={"aware-month": "1", "aware-year": "2019"})
    assert "more than 12 months ago" in client.page("/check/result").text


def test_a_tampered_session_starts_a_fresh_draft(client):
    answer_all(client, until="role")
    client.set_cookie("portal_session", "tampered.value.here")
    assert client.get("/check/").location.endswith("/check/danger")


def test_an_unknown_draft_id_starts_a_fresh_draft(client):
    answer_all(client, until="role")
    with client.session_transaction() as session:
        session["draft"] = "A" * 43
    assert client.get("/check/").location.endswith("/check/danger")
    response = client.submit("/check/danger", {"danger": "no"})
    assert response.location.endswith("/check/about")
    with client.session_transaction() as session:
        assert session["draft"] != "A" * 43


def test_second_tab_shares_the_draft(app, client):
    answer_all(client, until="approval")
    other_tab_page = client.page("/check/approval")
    client.submit("/check/approval", {"approval": "no"})
    response = client.post(
        "/check/approval", data={"csrf_token": other_tab_page.csrf(), "approval": "no"}
    )
    assert response.location.endswith("/check/appeal")


def test_an_expired_form_is_shown_again_with_the_answer_kept(client):
    answer_all(client, until="role")
    response = client.post("/check/role", data={"role": "foster_carer", "csrf_token": "stale"})
    assert response.status_code == 400
    from tests.lint import parse

    soup = parse(response.get_data(as_text=True))
    assert "was not saved" in soup.select_one(".govuk-error-summary").get_text()
    assert soup.find("input", attrs={"value": "foster_carer"}).has_attr("checked")
    token = soup.find("input", attrs={"name": "csrf_token"})["value"]
    response = client.post("/check/role", data={"role": "foster_carer", "csrf_token": token})
    assert response.status_code == 302


def test_a_post_without_csrf_elsewhere_gets_a_clear_page(client):
    response = client.post("/check/exit/provider", data={})
    assert response.status_code == 400
    assert "problem with that request" in response.get_data(as_text=True)


def test_engine_walk_is_replayed_from_answers():
    class F:
        pass

    journey = Journey(
        "t",
        (Step("a", F), Step("b", F, applies=lambda a: a.get("a") == "x"), Step("c", F)),
        exit_for=lambda a: "out" if a.get("c") == "stop" else None,
    )
    assert journey.walk({}).current.id == "a"
    assert journey.walk({"a": "y"}).current.id == "c"
    assert journey.walk({"a": "x"}).current.id == "b"
    assert journey.walk({"a": "y", "c": "stop"}).exit == "out"
    assert journey.walk({"a": "y", "c": "go"}).complete


def test_screening_steps_follow_the_table_order():
    from portal.domain.screening import QUESTION_IDS

    keys = [k for step in SCREENING.steps for k in step.answer_keys if k != "aware"]
    assert keys == list(QUESTION_IDS)
    assert list(CLEAR) == list(QUESTION_IDS)


@pytest.mark.parametrize("slug", list(IN_SCOPE))
def test_the_fields_we_post_are_the_fields_the_page_shows(client, slug):
    """Tests post by name; the names must be the ones a browser would send."""
    answer_all(client, until=slug)
    page = client.page(f"/check/{slug}")
    shown = {tag["name"] for tag in page.soup.select("form input, form textarea")}
    assert set(IN_SCOPE[slug]) <= shown, (slug, shown)
