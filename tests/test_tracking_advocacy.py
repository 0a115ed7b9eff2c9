"""Asking for an advocate from the tracking page, as a person would: signed in by the
emailed link, CSRF on, every page linted."""

from __future__ import annotations

from sqlalchemy import select

from portal import db
from portal.models import AdvocacyRequest, Case, CaseMessage, utcnow
from tests.test_complaint import case_with
from tests.test_tracking_links import signed_in
from tests.test_tracking_messages import summary


def requests_for(app, reference: str) -> list[AdvocacyRequest]:
    case_id = case_with(app, reference).id
    with app.app_context():
        query = select(AdvocacyRequest).where(AdvocacyRequest.case_id == case_id)
        return list(db.session().scalars(query.order_by(AdvocacyRequest.id)))


def history(app, reference: str) -> list[CaseMessage]:
    case_id = case_with(app, reference).id
    with app.app_context():
        query = select(CaseMessage).where(CaseMessage.case_id == case_id)
        return list(db.session().scalars(query.order_by(CaseMessage.id)))


def change_case(app, reference: str, **answers) -> None:
    """Make the complaint one from someone else, as if screening had been answered so."""
    case_id = case_with(app, reference).id
    with app.app_context():
        data = db.session()
        case = data.get(Case, case_id)
        case.answers = {**case.answers, **answers}
        data.commit()


def send(browser):
    page = browser.page("/track/advocate/check")
    form_id = page.soup.find("input", attrs={"name": "form_id"})["value"]
    data = {"csrf_token": page.csrf(), "form_id": form_id}
    return browser.post("/track/advocate/check", data=data), data


def test_not_signed_in_goes_to_ask_for_a_link(client):
    for path in ("/track/advocate", "/track/advocate/who", "/track/advocate/check"):
        assert client.get(path).location == "/track"


def test_the_panel_explains_advocacy_with_every_provider(app, client):
    browser, _path, _reference = signed_in(app, client)
    page = browser.page("/track/case")
    for shown in (
        "Get an advocate",
        "It is free",
        "Example Advocacy Service",
        "020 7946 0555",
        "National Youth Advocacy Service (NYAS)",
        "Coram Voice: Always Heard",
        "0808 800 5792",
        "Children's Commissioner: Help at Hand",
        "Monday to Friday, 9am to 5pm",
    ):
        assert shown in page.text, shown
    button = page.soup.find("a", string="Ask for an advocate")
    assert button["href"] == "/track/advocate"


def test_a_parent_asks_for_their_child_who_lives_at_home_with_their_agreement(app, client):
    browser, _path, reference = signed_in(app, client)
    assert browser.get("/track/advocate").location == "/track/advocate/who"
    page = browser.page("/track/advocate/who")
    assert page.h1 == "Who is the advocate for?"
    assert "Alex Jones, who the complaint is about" in page.text
    response = browser.submit("/track/advocate/who", {"advocate_for": "child"})
    assert browser.get(response.location).location == "/track/advocate/home"
    assert browser.page("/track/advocate/home").h1 == (
        "Does Alex Jones live at home with their parents?"
    )
    browser.submit("/track/advocate/home", {"lives_at_home": "yes"})
    assert browser.get("/track/advocate").location == "/track/advocate/agreement"
    agreement = browser.page("/track/advocate/agreement")
    assert "You can choose this if you are their parent." in agreement.text
    browser.submit("/track/advocate/agreement", {"agreement": "parent_agrees"})
    assert browser.get("/track/advocate").location == "/track/advocate/check"
    check = browser.page("/track/advocate/check")
    assert "A parent agrees" in check.text
    assert "That the child knows about the request and wants an advocate" in check.text
    response, _data = send(browser)
    assert response.location == "/track/advocate/sent"
    sent = browser.page("/track/advocate/sent")
    assert sent.h1 == "We have asked for an advocate"
    [request] = requests_for(app, reference)
    assert request.stage == 1
    assert request.answers == {
        "advocate_for": "child",
        "lives_at_home": "yes",
        "agreement": "parent_agrees",
        "for": "child",
        "name": "Alex Jones",
        "role": "parent",
        "to_check": ["child_views"],
    }
    [message] = history(app, reference)
    assert message.topic == "advocacy" and message.sender == "person"
    assert message.body.startswith("Please arrange an advocate for Alex Jones.")
    assert "You asked for an advocate" in browser.page("/track/messages").text
    # The panel now says so, and offers no second request while this one is open.
    page = browser.page("/track/case")
    assert "Example Advocacy Service will contact you." in page.text
    assert "You asked for an advocate on" in page.text
    assert page.soup.find("a", string="Ask for an advocate") is None
    assert browser.get("/track/advocate").location == "/track/advocate/sent"


def test_a_child_at_home_who_wants_one_needs_no_parent(app, client):
    browser, _path, reference = signed_in(app, client)
    browser.submit("/track/advocate/who", {"advocate_for": "child"})
    browser.submit("/track/advocate/home", {"lives_at_home": "not_sure"})
    browser.submit("/track/advocate/agreement", {"agreement": "child_wants"})
    send(browser)
    [request] = requests_for(app, reference)
    assert request.answers["agreement"] == "child_wants"
    assert request.answers["to_check"] == ["home"]


def test_never_refused_when_nobody_has_agreed_yet(app, client):
    browser, _path, reference = signed_in(app, client)
    browser.submit("/track/advocate/who", {"advocate_for": "child"})
    browser.submit("/track/advocate/home", {"lives_at_home": "yes"})
    browser.submit("/track/advocate/agreement", {"agreement": "not_yet"})
    check = browser.page("/track/advocate/check")
    assert "We will still pass on your request." in check.text
    send(browser)
    [request] = requests_for(app, reference)
    assert request.answers["to_check"] == ["agreement", "child_views"]
    [message] = history(app, reference)
    assert "To check:" in message.body


def test_a_child_not_living_at_home_is_not_asked_about_agreement(app, client):
    browser, _path, reference = signed_in(app, client)
    browser.submit("/track/advocate/who", {"advocate_for": "child"})
    browser.submit("/track/advocate/home", {"lives_at_home": "yes"})
    browser.submit("/track/advocate/agreement", {"agreement": "not_yet"})
    # A change to "not at home" makes the agreement answer moot.
    browser.submit("/track/advocate/home", {"lives_at_home": "no"})
    assert browser.get("/track/advocate").location == "/track/advocate/check"
    assert browser.get("/track/advocate/agreement").location == "/track/advocate"
    check = browser.page("/track/advocate/check")
    assert "Agreement" not in check.text
    send(browser)
    [request] = requests_for(app, reference)
    assert "agreement" not in request.answers
    assert request.answers["to_check"] == ["child_views"]


def test_a_young_person_asking_for_themselves_goes_straight_to_check(app, client):
    browser, _path, reference = signed_in(app, client)
    change_case(app, reference, role="care_leaver", on_behalf="no", your_name="Jo")
    assert browser.get("/track/advocate").location == "/track/advocate/check"
    assert browser.get("/track/advocate/who").location == "/track/advocate"
    check = browser.page("/track/advocate/check")
    assert "You are asking for an advocate for yourself." in check.text
    assert "we will check" not in check.text
    send(browser)
    [request] = requests_for(app, reference)
    assert request.answers == {"for": "me", "name": "Jo", "role": "care_leaver", "to_check": []}


def test_an_adult_for_themselves_is_recorded_with_what_to_check(app, client):
    browser, _path, reference = signed_in(app, client)
    browser.submit("/track/advocate/who", {"advocate_for": "me"})
    assert browser.get("/track/advocate").location == "/track/advocate/check"
    send(browser)
    [request] = requests_for(app, reference)
    assert request.answers["for"] == "me" and request.answers["to_check"] == ["adult"]


def test_each_question_explains_a_missing_answer(app, client):
    browser, _path, _reference = signed_in(app, client)
    response = browser.submit("/track/advocate/who", {})
    assert summary(response) == ["Select who the advocate is for"]
    browser.submit("/track/advocate/who", {"advocate_for": "child"})
    response = browser.submit("/track/advocate/home", {})
    assert summary(response) == [
        "Select yes if the child or young person lives at home with their parents"
    ]
    browser.submit("/track/advocate/home", {"lives_at_home": "yes"})
    response = browser.submit("/track/advocate/agreement", {"agreement": "maybe"})
    assert response.status_code == 200 and len(summary(response)) == 1
    # The check page sends nobody on with a question unanswered.
    assert browser.get("/track/advocate/check").location == "/track/advocate/agreement"


def test_a_double_submit_makes_one_request(app, client):
    browser, _path, reference = signed_in(app, client)
    browser.submit("/track/advocate/who", {"advocate_for": "me"})
    response, data = send(browser)
    again = browser.post("/track/advocate/check", data=data)
    assert response.location == again.location == "/track/advocate/sent"
    assert len(requests_for(app, reference)) == 1
    # Even once staff have handled it, the same form posted again adds nothing.
    case_id = case_with(app, reference).id
    with app.app_context():
        session = db.session()
        for row in session.scalars(
            select(AdvocacyRequest).where(AdvocacyRequest.case_id == case_id)
        ):
            row.handled_at = utcnow()
        session.commit()
    assert browser.post("/track/advocate/check", data=data).location == "/track/advocate/sent"
    assert len(requests_for(app, reference)) == 1
    assert len(history(app, reference)) == 1
    # A handled request lets the person ask again, and says when they last asked.
    page = browser.page("/track/case")
    assert page.soup.find("a", string="Ask for an advocate")
    assert "You asked for an advocate on" in page.text


def test_answers_do_not_carry_over_to_another_case(app, client):
    browser, path, reference = signed_in(app, client)
    browser.submit("/track/advocate/who", {"advocate_for": "child"})
    other, _other_path, other_reference = signed_in(app, app.test_client())
    assert other.get("/track/advocate").location == "/track/advocate/who"
    assert requests_for(app, other_reference) == []
    assert browser.page("/track/advocate/sent", expect=404)
