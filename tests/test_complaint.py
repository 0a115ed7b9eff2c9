"""The complaint journey after screening, driven like a person would, with CSRF on."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from portal import db
from portal.models import Case
from tests.test_journey import answer_all

#: a parent complaining for their child, who knows and agrees: every step, in order
PARENT = {
    "your-name": {"your_name": "Sam Jones"},
    "child-name": {"child_name": "Alex Jones"},
    "child-age": {
        "child_dob_known": "yes",
        "child_dob-day": "3",
        "child_dob-month": "4",
        "child_dob-year": "2014",
    },
    "consent": {"consent": "yes"},
    "service": {"service": "social_work"},
    "what-happened": {"what_happened": "Nobody came to the meeting.\nTwice."},
    "where": {"where": "At home"},
    "when": {"when": "month", "when_month-month": "9", "when_month-year": "2026"},
    "people": {"people-0": "Our social worker"},
    "effect": {"effect": "We had no support for a month."},
    "outcome": {"outcome": "An apology and a new plan."},
    "contacted-before": {"contacted_before": "no"},
    "evidence": {},
    "contact-methods": {"contact_methods": ["email"], "contact_email": "sam@example.com"},
    "email-subject": {"email_subject_clear": "yes"},
    "safe-contact": {"safe_contact": "no"},
    "adjustments": {"adjustments": ["none"]},
}


def begin(client, **screening):
    """Choose 'make a complaint' and pass screening, as a parent for their child by default."""
    client.submit("/feedback/kind", {"kind": "complaint"})
    answer_all(client, **{"on-behalf": {"on_behalf": "yes"}, **screening})


def answer_steps(client, steps: dict, until: str | None = None) -> None:
    for slug, data in steps.items():
        if slug == until:
            return
        response = client.submit(f"/complaint/{slug}", data)
        assert response.status_code == 302, (slug, response.status_code)


def complete(client, **changes) -> None:
    begin(client)
    answer_steps(client, {**PARENT, **changes})


def send(client):
    page = client.page("/complaint/result")
    return client.post("/complaint/submit", data={"csrf_token": page.csrf(), "declaration": "yes"})


def sent(client):
    """Send the complaint, skip the equality questions, and return the confirmation page."""
    assert send(client).location == "/equality/"
    return client.page("/complaint/confirmation")


def case_with(app, reference: str) -> Case:
    with app.app_context():
        return db.session().scalars(select(Case).where(Case.reference == reference)).one()


def reference_on(page) -> str:
    match = re.search(r"\b([A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3})\b", page.text)
    assert match, page.text
    return match.group(1).replace("-", "")


def test_complaint_pages_wait_for_screening(client):
    response = client.get("/complaint/your-name")
    assert response.status_code == 302 and response.location.startswith("/check/")


def test_the_check_result_page_continues_to_the_complaint(client):
    begin(client)
    page = client.page("/check/result")
    button = page.soup.find("a", string=re.compile("Continue"))
    assert button["href"] == "/complaint/"
    assert client.get("/complaint/").location == "/complaint/your-name"


def test_a_parent_goes_through_every_step_in_order_and_back_links_follow_the_path(client):
    begin(client)
    slugs = list(PARENT)
    back = "/check/result"
    for index, slug in enumerate(slugs):
        url = f"/complaint/{slug}"
        page = client.page(url)
        assert page.soup.select_one(".govuk-back-link")["href"] == back, slug
        response = client.post(url, data={"csrf_token": page.csrf(), **PARENT[slug]})
        expected = (
            f"/complaint/{slugs[index + 1]}" if index + 1 < len(slugs) else ("/complaint/result")
        )
        assert response.location == expected, slug
        back = url


def test_check_answers_shows_every_answer_with_a_change_link(client):
    complete(client)
    page = client.page("/complaint/result")
    for shown in (
        "Sam Jones",
        "Alex Jones",
        "3 April 2014",
        "September 2026",
        "Our social worker",
        "sam@example.com",
        "No, I do not need any help",
    ):
        assert shown in page.text
    links = {a["href"] for a in page.soup.select(".govuk-summary-list__actions a")}
    assert "/complaint/what-happened?return_to=result" in links
    assert len(links) == len(PARENT)


def test_a_change_from_check_answers_comes_back_to_it(client):
    complete(client)
    response = client.submit(
        "/complaint/what-happened?return_to=result", {"what_happened": "Changed."}
    )
    assert response.location == "/complaint/result"
    assert "Changed." in client.page("/complaint/result").text


def test_a_change_that_opens_a_new_question_asks_it_then_returns(client):
    complete(client)
    response = client.submit("/complaint/consent?return_to=result", {"consent": "no"})
    assert response.location == "/complaint/no-consent-reason?return_to=result"
    response = client.submit(
        "/complaint/no-consent-reason?return_to=result", {"no_consent_reason": "not_safe"}
    )
    assert response.location == "/complaint/result"


# Who ------------------------------------------------------------------------------------


def test_someone_complaining_for_themselves_is_not_asked_about_a_child(client):
    client.submit("/feedback/kind", {"kind": "complaint"})
    answer_all(client, role={"role": "parent"})
    assert client.submit("/complaint/your-name", {"your_name": "A"}).location == (
        "/complaint/service"
    )


def test_a_child_is_offered_a_free_advocate(client):
    client.submit("/feedback/kind", {"kind": "complaint"})
    answer_all(client, role={"role": "child"})
    response = client.submit("/complaint/your-name", {"your_name": "Kai"})
    assert response.location == "/complaint/advocate"
    page = client.page("/complaint/advocate")
    assert "free advocate" in page.h1
    assert client.submit("/complaint/advocate", {"wants_advocate": "yes"}).location == (
        "/complaint/service"
    )


def test_an_advocate_gives_their_organisation_and_the_child_is_asked_about(client):
    client.submit("/feedback/kind", {"kind": "complaint"})
    answer_all(client, until="on-behalf", role={"role": "advocate"})
    assert client.submit("/complaint/your-name", {"your_name": "Jo"}).location == (
        "/complaint/organisation"
    )
    page = client.page("/complaint/organisation")
    assert page.h1 == "Which organisation do you work for?"
    response = client.submit("/complaint/organisation", {})
    assert "Enter the name of your organisation" in response.get_data(as_text=True)
    assert client.submit("/complaint/organisation", {"organisation": "NYAS"}).location == (
        "/complaint/child-name"
    )


def test_a_parent_is_told_they_can_complain_in_their_own_right(client):
    begin(client)
    answer_steps(client, PARENT, until="consent")
    assert "in your own right" in client.page("/complaint/consent").text


def test_a_relative_without_consent_is_accepted_and_flagged(app, client):
    client.submit("/feedback/kind", {"kind": "complaint"})
    answer_all(client, role={"role": "relative_or_friend"}, **{"on-behalf": {"on_behalf": "yes"}})
    answer_steps(client, PARENT, until="consent")
    page = client.page("/complaint/consent")
    assert "in your own right" not in page.text and "still accept" in page.text
    client.submit("/complaint/consent", {"consent": "no"})
    response = client.submit("/complaint/no-consent-reason", {"no_consent_reason": "other"})
    assert response.location == "/complaint/service"
    answer_steps(
        client,
        {
            k: v
            for k, v in PARENT.items()
            if k not in {"your-name", "child-name", "child-age", "consent"}
        },
    )
    confirmation = sent(client)
    case = case_with(app, reference_on(confirmation))
    assert case.answers["consent"] == "no" and case.answers["no_consent_reason"] == "other"
    from portal.domain.intake import triage_flags

    assert {"no_consent", "sufficient_interest"} <= triage_flags(case.answers)


# Errors ---------------------------------------------------------------------------------

MISSING = {
    "your-name": "Enter your name",
    "child-name": "Enter the name of the child or young person",
    "child-age": "Select yes if you know their date of birth",
    "consent": "Select yes if they know about the complaint and agree to it",
    "service": "Select which service or team your complaint is about",
    "what-happened": "Enter what happened",
    "when": "Select when it happened",
    "effect": "Enter how this has affected you or the child",
    "outcome": "Enter what you would like to happen",
    "contacted-before": "Select yes if you have contacted us about this before",
    "contact-methods": "Select how we can contact you",
    "email-subject": "Select yes if our emails can say they are about your complaint",
    "safe-contact": "Select yes if there is someone else we can contact",
    "adjustments": "Select the help you need, or select 'No, I do not need any help'",
}


ERRORS = [
    ("child-age", {"child_dob_known": "yes"}, "Enter their date of birth", "#child_dob-day"),
    (
        "child-age",
        {
            "child_dob_known": "yes",
            "child_dob-day": "31",
            "child_dob-month": "2",
            "child_dob-year": "2015",
        },
        "Date of birth must be a real date",
        "#child_dob-day",
    ),
    (
        "child-age",
        {"child_dob_known": "yes", "child_dob-day": "1", "child_dob-month": "2"},
        "Date of birth must include a year",
        "#child_dob-year",
    ),
    (
        "child-age",
        {
            "child_dob_known": "yes",
            "child_dob-day": "1",
            "child_dob-month": "2",
            "child_dob-year": "3000",
        },
        "Date of birth must be today or in the past",
        "#child_dob-day",
    ),
    (
        "child-age",
        {"child_dob_known": "no", "child_age": "twelve"},
        "Age must be a number, like 12",
        "#child_age",
    ),
    ("child-age", {"child_dob_known": "no"}, "Enter how old they are", "#child_age"),
    ("when", {"when": "date"}, "Enter the date it happened", "#when_date-day"),
    (
        "when",
        {"when": "month", "when_month-month": "13", "when_month-year": "2025"},
        "The month it happened must be a real date",
        "#when_month-month",
    ),
    (
        "contact-methods",
        {"contact_methods": ["email"], "contact_email": "not an email"},
        "Enter an email address in the correct format, like name@example.com",
        "#contact_email",
    ),
    (
        "contact-methods",
        {"contact_methods": ["phone"], "contact_phone": "call me"},
        "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192",
        "#contact_phone",
    ),
    ("contact-methods", {"contact_methods": ["post"]}, "Enter your address", "#contact_address"),
    (
        "contact-methods",
        {"contact_methods": ["pigeon"]},
        "Select how we can contact you",
        "#contact_methods",
    ),
    (
        "adjustments",
        {"adjustments": ["none", "bsl"]},
        "Select the help you need, or select 'No, I do not need any help'",
        "#adjustments",
    ),
    (
        "adjustments",
        {"adjustments": ["interpreter"]},
        "Enter the language you need an interpreter for",
        "#interpreter_language",
    ),
    (
        "safe-contact",
        {"safe_contact": "yes"},
        "Enter their name and how to contact them",
        "#safe_contact_details",
    ),
    ("contacted-before", {"contacted_before": "yes"}, "Enter who you contacted", "#contacted_who"),
    ("people", {"people-0": "x" * 201}, "Use 200 characters or fewer", "#people-0"),
    (
        "what-happened",
        {"what_happened": "x" * 10001},
        "Use 10000 characters or fewer",
        "#what_happened",
    ),
]


def test_every_step_explains_a_missing_or_wrong_answer(client):
    """One walk, as a person correcting themselves would take it: at each step a blank answer,
    then every wrong answer in ERRORS, then the real one. A rejected answer is not saved, so
    each is tried on the same answers as a fresh walk up to that step would give; an optional
    blank is saved and moves on, so the person goes back and gives the real answer over it."""
    from tests.lint import parse

    begin(client)
    slugs = list(PARENT)
    missing_checked, blanks_accepted, errors_checked = set(), set(), set()
    for index, slug in enumerate(slugs):
        url = f"/complaint/{slug}"
        after = f"/complaint/{slugs[index + 1]}" if index + 1 < len(slugs) else "/complaint/result"
        response = client.submit(url, {})
        if slug in MISSING:
            assert response.status_code == 200, (slug, response.status_code, response.location)
            body = response.get_data(as_text=True)
            assert MISSING[slug] in html.unescape(body), f"{slug}: no {MISSING[slug]!r}"
            assert "<title>Error: " in body, f"{slug}: the title does not start 'Error: '"
            missing_checked.add(slug)
        else:  # optional questions: a blank answer moves on, and the back link returns
            assert response.location == after, (slug, response.status_code, response.location)
            back = client.page(after).soup.select_one(".govuk-back-link")["href"]
            assert back == url, f"{slug}: the next page's back link goes to {back}"
            blanks_accepted.add(slug)
        for number, (step, data, message, href) in enumerate(ERRORS):
            if step != slug:
                continue
            response = client.submit(url, data)
            assert response.status_code == 200, (slug, message, response.status_code)
            soup = parse(response.get_data(as_text=True))
            link = soup.select_one(".govuk-error-summary a")
            assert link is not None, f"{slug}: no error summary for {message!r}"
            assert link.get_text(strip=True) == message, f"{slug}: {link.get_text(strip=True)!r}"
            assert link["href"] == href, f"{slug}: {message!r} links to {link['href']}"
            assert soup.select_one(href) is not None, f"{slug}: nothing on the page is {href}"
            errors_checked.add(number)
        response = client.submit(url, PARENT[slug])
        assert response.location == after, (slug, response.status_code, response.location)
    assert missing_checked == set(MISSING), f"never reached: {set(MISSING) - missing_checked}"
    unchecked = [ERRORS[n][::2] for n in range(len(ERRORS)) if n not in errors_checked]
    assert not unchecked, f"never reached: {unchecked}"
    # The real answers given over the optional blanks are the ones kept.
    summary = client.page("/complaint/result").text
    for slug in blanks_accepted:
        for value in PARENT[slug].values():
            assert value in summary, f"{slug}: {value!r} is not on the check answers page"


def test_a_follow_up_answer_goes_when_its_option_is_unchosen(app, client):
    complete(client)
    client.submit(
        "/complaint/contacted-before?return_to=result",
        {"contacted_before": "yes", "contacted_who": "Duty desk", "contacted_when": "May"},
    )
    client.submit("/complaint/contacted-answer?return_to=result", {"contacted_answer": "no"})
    assert "Duty desk" in client.page("/complaint/result").text
    client.submit(
        "/complaint/contacted-before?return_to=result",
        {"contacted_before": "no", "contacted_who": "Duty desk"},
    )
    assert "Duty desk" not in client.page("/complaint/result").text


def test_add_another_person_works_without_javascript(client):
    begin(client)
    answer_steps(client, PARENT, until="people")
    response = client.submit("/complaint/people", {"people-0": "Ms Ray", "add_another": "1"})
    assert response.location == "/complaint/people?add=1"
    page = client.page(response.location)
    assert page.soup.select_one("#people-0")["value"] == "Ms Ray"
    assert page.soup.select_one("#people-1") is not None
    response = client.submit(
        "/complaint/people?add=1", {"people-0": "Ms Ray", "people-1": "The manager"}
    )
    assert response.location == "/complaint/effect"
    page = client.page("/complaint/people")
    assert [i["value"] for i in page.soup.select("input[name^=people-]")] == [
        "Ms Ray",
        "The manager",
    ]


# Submission -----------------------------------------------------------------------------


def test_the_declaration_is_needed(client):
    complete(client)
    page = client.page("/complaint/result")
    response = client.post("/complaint/submit", data={"csrf_token": page.csrf()})
    assert response.location == "/complaint/result?error=declaration"
    page = client.page(response.location)
    assert page.errors() == ["Confirm that the information you have given is true"]
    assert page.soup.select_one("#declaration")


def test_back_links_lead_out_of_each_journey_the_way_people_came(client):
    begin(client)
    assert (
        client.page("/complaint/your-name").soup.select_one(".govuk-back-link")["href"]
        == "/check/result"
    )
    assert (
        client.page("/check/result").soup.select_one(".govuk-back-link")["href"]
        == "/check/on-behalf"
    )
    assert (
        client.page("/check/danger").soup.select_one(".govuk-back-link")["href"] == "/feedback/kind"
    )
    answer_steps(client, PARENT)
    assert (
        client.page("/complaint/result").soup.select_one(".govuk-back-link")["href"]
        == "/complaint/adjustments"
    )


def test_sending_makes_one_case_offers_equality_questions_then_confirms(app, client):
    complete(client)
    response = send(client)
    assert response.location == "/equality/"
    page = client.page("/complaint/confirmation")
    reference = reference_on(page)
    case = case_with(app, reference)
    assert case.kind == "complaint"
    assert case.answers["what_happened"] == "Nobody came to the meeting.\nTwice."
    assert "What happens next" in page.text and "working days" in page.text
    assert "Print this page" in page.text


def test_a_double_submit_or_second_tab_gives_one_case(app, client):
    complete(client)
    page = client.page("/complaint/result")
    token = page.csrf()
    first = client.post("/complaint/submit", data={"csrf_token": token, "declaration": "yes"})
    second = client.post("/complaint/submit", data={"csrf_token": token, "declaration": "yes"})
    assert first.status_code == second.status_code == 302
    assert second.location == "/complaint/confirmation"
    reference = reference_on(client.page("/complaint/confirmation"))
    with app.app_context():
        draft_id = case_with(app, reference).draft_id
        assert len(db.session().scalars(select(Case).where(Case.draft_id == draft_id)).all()) == 1


def test_the_receipt_has_the_reference_the_dates_and_the_tracking_link(app, client):
    complete(client)
    send(client)
    reference = reference_on(client.page("/complaint/confirmation"))
    outbox = Path(app.config["OUTBOX_DIR"])
    mails = [p.read_text() for p in outbox.glob("*.eml")]
    mine = [m for m in mails if reference[:3] + "-" + reference[3:6] in m]
    assert len(mine) == 1
    mail = mine[0]
    assert "To: sam@example.com" in mail
    assert "/track" in mail and "by " in mail


def test_completeness_is_checked_again_at_submit(app, client):
    complete(client)
    page = client.page("/complaint/result")
    with app.app_context():
        from portal.models import Draft

        with client.session_transaction() as session:
            draft_id = session["draft"]
        draft = db.session().get(Draft, draft_id)
        del draft.answers["outcome"]
        db.session().commit()
    response = client.post(
        "/complaint/submit", data={"csrf_token": page.csrf(), "declaration": "yes"}
    )
    assert response.location == "/complaint/outcome"


def test_confirmation_dates_come_from_the_council_profile(app_factory):
    app = app_factory(COUNCIL="north-yorkshire")
    client = app.test_client()
    complete(client)
    send(client)
    page = client.page("/complaint/confirmation")
    from datetime import datetime

    from portal.councils import load_council
    from portal.domain.intake import first_dates

    dates = first_dates(datetime.now().astimezone(), load_council("north-yorkshire").timescales)
    assert dates.stage1_by.strftime("%-d %B %Y") in page.text
    assert dates.acknowledge_by.strftime("%-d %B %Y") in page.text


# Hostile and unusual input --------------------------------------------------------------

HOSTILE = {
    "script": "<script>alert('x')</script>",
    "html": '<b onmouseover="alert(1)">bold</b> & "quotes"',
    "rtl": "طفلي لم يحصل على المساعدة",
    "emoji": "👩‍👧 😢 🏳️‍🌈",
    "sql": "'; DROP TABLE cases; --",
    "null": "before\x00after",
    "template": "{{ 7*7 }} {% if %} %(x)s",
}

#: every free-text field, with the step that asks it and the extra answers it needs
FREE_TEXT = [
    ("your-name", "your_name", {}),
    ("child-name", "child_name", {}),
    ("service", "service_other", {"service": "other"}),
    ("what-happened", "what_happened", {}),
    ("where", "where", {}),
    ("effect", "effect", {}),
    ("outcome", "outcome", {}),
    ("contacted-before", "contacted_who", {"contacted_before": "yes", "contacted_when": "May"}),
    ("contact-methods", "contact_address", {"contact_methods": ["post"]}),
    ("safe-contact", "safe_contact_details", {"safe_contact": "yes"}),
    ("adjustments", "adjustments_other", {"adjustments": ["interpreter", "other"]}),
    ("adjustments", "interpreter_language", {"adjustments": ["interpreter", "other"]}),
]


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_hostile_input_is_stored_exactly_and_shown_escaped(app, client, kind):
    value = HOSTILE[kind]
    begin(client)
    steps = dict(PARENT)
    for slug, name, extra in FREE_TEXT:
        steps[slug] = {**steps.get(slug, {}), **extra, name: value}
    steps["people"] = {"people-0": value}
    del steps["email-subject"]  # letters only, so no emails
    ordered = {}
    for slug, data in steps.items():
        ordered[slug] = data
        if slug == "contacted-before":
            ordered["contacted-answer"] = {"contacted_answer": "waiting"}
        if slug == "contact-methods":
            ordered["safe-to-contact"] = {"safe_to_contact": "yes"}
    answer_steps(client, ordered)
    page = client.page("/complaint/result")
    body = page.response.get_data(as_text=True)
    assert "<script>alert" not in body and "<b onmouseover" not in body
    shown = value.replace("\x00", "\ufffd")
    assert page.text.count(" ".join(shown.split())) >= len(FREE_TEXT), kind
    reference = reference_on(sent(client))
    answers = case_with(app, reference).answers
    for _slug, name, _extra in FREE_TEXT:
        assert answers[name] == value, name
    assert answers["people"] == [value]


def test_very_long_answers_fit_and_are_kept(app, client):
    long = ("word " * 2000)[:10000]
    begin(client)
    answer_steps(client, {**PARENT, "what-happened": {"what_happened": long}})
    page = client.page("/complaint/result")
    assert long.strip()[:200] in page.text
    reference = reference_on(sent(client))
    assert case_with(app, reference).answers["what_happened"] == long


def test_answers_are_json_safe(app, client):
    complete(client)
    reference = reference_on(sent(client))
    json.dumps(case_with(app, reference).answers)


def test_an_expired_token_keeps_what_was_typed_including_revealed_answers(client):
    begin(client)
    answer_steps(client, PARENT, until="contact-methods")
    data = {
        "contact_methods": ["email", "post"],
        "contact_email": "sam@example.com",
        "contact_address": "1 High Street\nExampleton",
        "csrf_token": "stale",
    }
    response = client.post("/complaint/contact-methods", data=data)
    assert response.status_code == 400
    from tests.lint import parse

    soup = parse(response.get_data(as_text=True))
    assert "was not saved" in soup.select_one(".govuk-error-summary").get_text()
    assert soup.select_one("#contact_email")["value"] == "sam@example.com"
    assert soup.select_one("#contact_address").get_text() == "1 High Street\nExampleton"
    data["csrf_token"] = soup.find("input", attrs={"name": "csrf_token"})["value"]
    assert client.post("/complaint/contact-methods", data=data).status_code == 302


def test_a_restarted_server_loses_nothing(app, client, tmp_path):
    """Answers live in the database, so a new app process over the same database has them."""
    from tests.conftest import make_app

    begin(client)
    answer_steps(client, PARENT, until="outcome")
    restarted = make_app(
        tmp_path, DATABASE_URL=app.config["DATABASE_URL"], SECRET_KEY=app.config["SECRET_KEY"]
    )
    other = restarted.test_client()
    with client.session_transaction() as old, other.session_transaction() as new:
        new.update(old)
    assert other.get("/complaint/").location == "/complaint/outcome"
    assert other.get("/complaint/effect").status_code == 200
