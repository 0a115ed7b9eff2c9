"""A walker for the complaint journey in a real browser: one filler per page, keyed by URL path.

`walk(page, person, until)` looks at the page the app is showing, finds its entry in `PAGES`,
lets it fill the page the way `person` would, presses the page's button (Continue unless the
filler names another) and repeats with whatever page comes next, until it reaches `until`.
The walker never decides the order of the pages: the app does. A new step is one more entry.

Every page is reached through e2e.helpers (submit, click_and_wait), so each one is checked with
axe and for failed requests.

`seed()` gives a browser a draft as if some answers had been given already, by driving the
app's own routes with a Flask test client (CSRF and validation included) and handing the
session cookie to the browser, so a test can start mid-journey without repeating pages that
other tests walk.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from flask import Flask
from playwright.sync_api import Page, expect

from e2e.helpers import AXED_PATHS, CONTINUE, axed_path, check, submit
from e2e.server import in_scope_answers, session_cookie_for
from e2e.test_screening import choose

#: a reference as the confirmation page shows it
REFERENCE = re.compile(r"[2-9B-Z]{3}-[2-9B-Z]{3}-[2-9B-Z]{3}")
#: a long date as the confirmation page shows it, e.g. "Monday 7 September 2026"
LONG_DATE = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ \d{4}"

#: complaint pages that GOV.UK Frontend's JavaScript changes (revealed questions, the live
#: character count, the file upload, the error summary's focus): the journeys axe these with
#: JavaScript on; e2e/test_matrix.py axes every page as the server renders it
WITH_JAVASCRIPT = frozenset(
    {
        "/complaint/child-age",
        "/complaint/what-happened",
        "/complaint/evidence",
        "/complaint/contact-methods",
        "/complaint/adjustments",
        "/complaint/result",
        "/equality/",
        "/complaint/confirmation",
    }
)

SCREENING_SLUGS = (
    "danger",
    "about",
    "provider",
    "child-protection",
    "court-decision",
    "approval",
    "appeal",
    "request",
    "compensation",
    "ombudsman-done",
    "waiting-decision",
    "proceedings",
    "repeat",
    "councillor",
    "aware",
    "fluency",
    "role",
    "on-behalf",
)
EQUALITY_SLUGS = (
    "age",
    "sex",
    "gender-identity",
    "sexual-orientation",
    "marriage",
    "ethnic-group",
    "white-background",
    "mixed-background",
    "asian-background",
    "black-background",
    "other-background",
    "religion",
    "disability",
    "disability-impact",
)


@dataclass
class Person:
    """Who is complaining and how they answer. The defaults: a parent, for their child."""

    role: str = "A parent"
    on_behalf: str = "Yes"
    name: str = "Sam Jones"
    organisation: str = "NYAS"
    child_name: str = "Alex Jones"
    #: (day, month, year), or None to give an age instead
    child_dob: tuple[str, str, str] | None = ("3", "4", "2014")
    child_age: str = "12"
    consent: str = "Yes, they know and agree"
    no_consent_reason: str = "It is not safe to ask them"
    wants_advocate: str = "Yes"
    service: str = "A social worker or social work team"
    service_other: str = "The short breaks team"
    what_happened: str = "Nobody came to the meeting.\nTwice."
    where: str = "At home"
    #: ("date", day, month, year), ("month", month, year) or ("ongoing",)
    when: tuple[str, ...] = ("month", "9", "2025")
    people: list[str] = field(default_factory=lambda: ["Our social worker"])
    effect: str = "We had no support for a month."
    outcome: str = "An apology and a new plan."
    #: None for "No", or (who, when, answer label) for "Yes"
    contacted: tuple[str, str, str] | None = None
    #: fills the evidence page; by default nothing is uploaded
    evidence: Callable[[Page], None] | None = None
    contact_methods: tuple[str, ...] = ("Email",)
    email: str = "sam@example.com"
    phone: str = "07700 900 982"
    address: str = "1 High Street\nAnytown\nAB1 2CD"
    #: whether email subject lines may say it is about a complaint
    email_subject_clear: str = "Yes"
    safe_to_contact: str = "Yes"
    phone_times: str = "Not before 10am"
    #: None for "No", or their name and how to contact them
    safe_contact: str | None = None
    adjustments: tuple[str, ...] = ("No, I do not need any help",)
    interpreter_language: str = "Polish"
    #: equality answers by question slug (option labels), or None to skip the questions
    equality: dict[str, str] | None = None
    #: screening answers by slug (option labels) where they are not "No"
    screening: dict[str, str] = field(default_factory=dict)
    #: every path the walker filled, in order
    visited: list[str] = field(default_factory=list)


#: a filler fills its page as the person would; it may return the name of the button to press
Filler = Callable[[Page, Person], "str | re.Pattern[str] | None"]
PAGES: dict[str, Filler] = {}


def page_at(path: str) -> Callable[[Filler], Filler]:
    def register(filler: Filler) -> Filler:
        PAGES[path] = filler
        return filler

    return register


def path_of(page: Page) -> str:
    return urlsplit(page.url).path


def walk(
    page: Page,
    person: Person,
    until: str,
    limit: int = 80,
    each: Callable[[Page], None] | None = None,
    axe: Callable[[str], bool] = lambda path: path in WITH_JAVASCRIPT,
) -> None:
    """Fill and continue from page to page, following the app, until the path `until`.
    `each`, if given, also checks every page the walk arrives at. `axe` says which
    arrived-at paths to axe, once a session at a width and JavaScript setting
    (e2e.helpers.AXED_PATHS): by default those JavaScript changes (WITH_JAVASCRIPT). Every
    page, clean and with its errors, is axed in every language and mode by
    e2e/test_matrix.py, as the server renders it."""
    for _ in range(limit):
        path = path_of(page)
        if path == until:
            return
        filler = PAGES.get(path)
        assert filler is not None, f"no filler for {path} (on the way to {until})"
        before = page.url
        person.visited.append(path)
        button = filler(page, person)
        submit(page, button or CONTINUE, axe=False)
        if axe(path_of(page)) and axed_path(page) not in AXED_PATHS:
            check(page)
        if each is not None:
            each(page)
        assert not page.locator(".govuk-error-summary").count(), (
            f"{before} did not accept the answers: "
            + page.locator(".govuk-error-summary").inner_text()
        )
    raise AssertionError(f"did not reach {until} in {limit} pages; at {page.url}")


def fill_date(page: Page, prefix: str, *parts: str) -> None:
    """A GOV.UK date input: day, month, year (or month, year) by the inputs' ids."""
    names = ("day", "month", "year")[-len(parts) :]
    for name, value in zip(names, parts, strict=True):
        page.locator(f"#{prefix}-{name}").fill(value)


def tick(page: Page, label: str) -> None:
    box = page.get_by_role("checkbox", name=label, exact=True)
    box.check()
    expect(box).to_be_checked()


# Start, and screening -------------------------------------------------------------------


@page_at("/")
def _start(page: Page, person: Person) -> str:
    return "Start now"


@page_at("/feedback/kind")
def _kind(page: Page, person: Person) -> None:
    page.get_by_label("Make a complaint").check()


def _screening(slug: str) -> Filler:
    def fill(page: Page, person: Person) -> None:
        if slug == "aware":
            page.get_by_label("Month", exact=True).fill("3")
            page.get_by_label("Year", exact=True).fill("2025")
            return
        defaults = {
            "about": "Children's social care",
            "role": person.role,
            "on-behalf": person.on_behalf,
        }
        choose(page, person.screening.get(slug, defaults.get(slug, "No")))

    return fill


for _slug in SCREENING_SLUGS:
    PAGES[f"/check/{_slug}"] = _screening(_slug)


@page_at("/check/result")
def _check_result(page: Page, person: Person) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text("You can make a complaint to us")


# The complaint --------------------------------------------------------------------------


@page_at("/complaint/your-name")
def _your_name(page: Page, person: Person) -> None:
    page.get_by_label("What is your name?").fill(person.name)


@page_at("/complaint/organisation")
def _organisation(page: Page, person: Person) -> None:
    page.get_by_label("Which organisation do you work for?").fill(person.organisation)


@page_at("/complaint/child-name")
def _child_name(page: Page, person: Person) -> None:
    page.get_by_label("What is the name of the child or young person?").fill(person.child_name)


@page_at("/complaint/child-age")
def _child_age(page: Page, person: Person) -> None:
    if person.child_dob:
        choose(page, "Yes")
        fill_date(page, "child_dob", *person.child_dob)
    else:
        choose(page, "No")
        page.get_by_label("How old are they?").fill(person.child_age)


@page_at("/complaint/consent")
def _consent(page: Page, person: Person) -> None:
    choose(page, person.consent)


@page_at("/complaint/no-consent-reason")
def _no_consent_reason(page: Page, person: Person) -> None:
    choose(page, person.no_consent_reason)


@page_at("/complaint/advocate")
def _advocate(page: Page, person: Person) -> None:
    choose(page, person.wants_advocate)


@page_at("/complaint/service")
def _service(page: Page, person: Person) -> None:
    choose(page, person.service)
    if person.service == "Another service or team":
        page.get_by_label("Name of the service or team").fill(person.service_other)


@page_at("/complaint/what-happened")
def _what_happened(page: Page, person: Person) -> None:
    page.get_by_label("What happened?").fill(person.what_happened)


@page_at("/complaint/where")
def _where(page: Page, person: Person) -> None:
    page.get_by_label("Where did it happen? (optional)").fill(person.where)


@page_at("/complaint/when")
def _when(page: Page, person: Person) -> None:
    kind, *parts = person.when
    label = {
        "date": "On a date I know",
        "month": "I know roughly when",
        "ongoing": "It is still happening",
    }[kind]
    choose(page, label)
    if kind == "date":
        fill_date(page, "when_date", *parts)
    elif kind == "month":
        fill_date(page, "when_month", *parts)


@page_at("/complaint/people")
def _people(page: Page, person: Person) -> None:
    """One input per person; "Add another person" asks the server for one more."""
    for index, name in enumerate(person.people):
        if index:
            submit(page, "Add another person")
            expect(page.get_by_label(f"Person {index + 1}", exact=True)).to_have_value("")
        page.get_by_label(f"Person {index + 1}", exact=True).fill(name)


@page_at("/complaint/effect")
def _effect(page: Page, person: Person) -> None:
    page.get_by_label("How has this affected you or the child?").fill(person.effect)


@page_at("/complaint/outcome")
def _outcome(page: Page, person: Person) -> None:
    page.get_by_label("What would you like to happen?").fill(person.outcome)


@page_at("/complaint/contacted-before")
def _contacted_before(page: Page, person: Person) -> None:
    if person.contacted is None:
        choose(page, "No")
        return
    choose(page, "Yes")
    page.get_by_label("Who did you contact?").fill(person.contacted[0])
    page.get_by_label("When did you contact them?").fill(person.contacted[1])


@page_at("/complaint/contacted-answer")
def _contacted_answer(page: Page, person: Person) -> None:
    assert person.contacted is not None
    choose(page, person.contacted[2])


@page_at("/complaint/evidence")
def _evidence(page: Page, person: Person) -> None:
    if person.evidence is not None:
        person.evidence(page)


@page_at("/complaint/recording")
def _recording(page: Page, person: Person) -> None:
    tick(page, "I confirm this is the whole recording, and it has not been changed or edited")


@page_at("/complaint/contact-methods")
def _contact_methods(page: Page, person: Person) -> None:
    for method in person.contact_methods:
        tick(page, method)
    if "Email" in person.contact_methods:
        page.get_by_label("Email address", exact=True).fill(person.email)
    if "Phone or text message" in person.contact_methods:
        page.get_by_label("Phone number", exact=True).fill(person.phone)
    if "Letter" in person.contact_methods:
        page.get_by_label("Address", exact=True).fill(person.address)


@page_at("/complaint/email-subject")
def _email_subject(page: Page, person: Person) -> None:
    choose(page, person.email_subject_clear)


@page_at("/complaint/safe-to-contact")
def _safe_to_contact(page: Page, person: Person) -> None:
    choose(page, person.safe_to_contact)


@page_at("/complaint/phone-times")
def _phone_times(page: Page, person: Person) -> None:
    page.get_by_label("Are there times when we should not phone you? (optional)").fill(
        person.phone_times
    )


@page_at("/complaint/safe-contact")
def _safe_contact(page: Page, person: Person) -> None:
    if person.safe_contact is None:
        choose(page, "No")
        return
    choose(page, "Yes")
    page.get_by_label("Their name, and how to contact them").fill(person.safe_contact)


@page_at("/complaint/adjustments")
def _adjustments(page: Page, person: Person) -> None:
    for help_needed in person.adjustments:
        tick(page, help_needed)
    if "An interpreter" in person.adjustments:
        page.get_by_label("Which language?").fill(person.interpreter_language)


@page_at("/complaint/result")
def _complaint_result(page: Page, person: Person) -> str:
    tick(page, "The information I have given is true, as far as I know.")
    return "Send complaint"


# Equality questions ---------------------------------------------------------------------


@page_at("/equality/")
def _equality_start(page: Page, person: Person) -> None:
    if person.equality is None:
        choose(page, "No, skip the equality questions")
    else:
        choose(page, "Yes, answer the equality questions (takes 2 minutes)")


def _equality(slug: str) -> Filler:
    def fill(page: Page, person: Person) -> None:
        assert person.equality is not None and slug in person.equality, slug
        choose(page, person.equality[slug])

    return fill


for _slug in EQUALITY_SLUGS:
    PAGES[f"/equality/{_slug}"] = _equality(_slug)


# Check your answers ---------------------------------------------------------------------


def answer_row(page: Page, question: str):
    """The value cell of the summary row whose key is exactly `question`."""
    key = page.locator(
        ".govuk-summary-list__key", has_text=re.compile(rf"^\s*{re.escape(question)}\s*$")
    )
    return (
        page.locator(".govuk-summary-list__row")
        .filter(has=key)
        .locator(".govuk-summary-list__value")
    )


# Seeding a draft ------------------------------------------------------------------------

#: a parent's answers to the complaint steps, as form data (tests/test_complaint.py's PARENT)
PARENT_FORM: dict[str, dict[str, Any]] = {
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
    "when": {"when": "month", "when_month-month": "9", "when_month-year": "2025"},
    "people": {"people-0": "Our social worker"},
    "effect": {"effect": "We had no support for a month."},
    "outcome": {"outcome": "An apology and a new plan."},
    "contacted-before": {"contacted_before": "no"},
    "contact-methods": {"contact_methods": ["email"], "contact_email": "sam@example.com"},
    "email-subject": {"email_subject_clear": "yes"},
    "safe-contact": {"safe_contact": "no"},
    "adjustments": {"adjustments": ["none"]},
}
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def seed(
    page: Page,
    app: Flask,
    base_url: str,
    screening: dict[str, str] | None = None,
    complaint: dict[str, dict[str, Any]] | None = None,
    until: str | None = None,
    ask: tuple[str, ...] = (),
) -> None:
    """Give the browser a draft: screening in scope (e2e.server.in_scope_answers, with
    `screening` changes as answer keys and values, e.g. {"role": "child"}), then
    the complaint steps answered from `complaint` form data, in the order the app asks them,
    stopping before the step `until` (a slug) or at check your answers. A step missing from
    `complaint` is sent blank, as Continue on an untouched page would.

    `ask`: complaint steps (slugs) whose answers are then taken out again, so the app asks
    the browser exactly those steps, in order, before check your answers."""
    answers = {**in_scope_answers(), **(screening or {})}
    cookie = session_cookie_for(app, base_url, answers)
    client = app.test_client()
    client.set_cookie(cookie["name"], cookie["value"])
    if complaint is not None:
        location = client.get("/complaint/").location
        for _ in range(40):
            slug = location.rsplit("/", 1)[-1]
            if slug in {"result", until}:
                break
            assert location == f"/complaint/{slug}", location
            token = _CSRF.search(client.get(location).get_data(as_text=True))
            assert token, location
            response = client.post(
                location, data={"csrf_token": token.group(1), **complaint.get(slug, {})}
            )
            assert response.status_code == 302, (slug, response.get_data(as_text=True)[:2000])
            location = response.location
        else:
            raise AssertionError("seeding did not finish")
    if ask:
        _forget(app, client, ask)
    value = client.get_cookie(cookie["name"])
    assert value is not None
    page.context.add_cookies([{**cookie, "value": value.value}])


def _forget(app: Flask, client: Any, slugs: tuple[str, ...]) -> None:
    """Take the answers to these complaint steps out of the client's draft."""
    from portal import db
    from portal.journey.complaint_steps import COMPLAINT
    from portal.models import Draft

    keys = set()
    for slug in slugs:
        step = COMPLAINT.step(slug)
        assert step is not None, slug
        keys.update(step.answer_keys)
    with client.session_transaction() as session:
        draft_id = session["draft"]
    with app.app_context():
        draft = db.session().get(Draft, draft_id)
        assert keys <= set(draft.answers), keys - set(draft.answers)
        draft.answers = {k: v for k, v in draft.answers.items() if k not in keys}
        db.session().commit()
        db.session().close()
