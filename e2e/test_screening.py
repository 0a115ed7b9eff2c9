"""The screening journey in a real browser: with and without JavaScript, by keyboard, at 320px.

Every page reached is checked with axe and for failed requests (e2e.helpers.check).
"""

from __future__ import annotations

import re

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from e2e.helpers import (
    check,
    click_and_wait,
    expect_path,
    go,
    submit,
    watch,
)
from e2e.server import in_scope_answers, session_cookie_for

#: (slug, answer label) for every question, in order, leading to the result page.
IN_SCOPE = [
    ("danger", "No"),
    ("about", "Children's social care"),
    ("provider", "No"),
    ("child-protection", "No"),
    ("court-decision", "No"),
    ("approval", "No"),
    ("appeal", "No"),
    ("request", "No"),
    ("compensation", "No"),
    ("ombudsman-done", "No"),
    ("waiting-decision", "No"),
    ("proceedings", "No"),
    ("repeat", "No"),
    ("councillor", "No"),
    ("aware", None),  # month and year
    ("fluency", "No"),
    ("role", "A parent"),
    ("on-behalf", "No"),
]


def choose(page: Page, label: str) -> None:
    """Select a radio by clicking its label, as a person would."""
    radio = page.get_by_role("radio", name=label, exact=True)
    page.locator(f"label[for='{radio.get_attribute('id')}']").click()
    expect(radio).to_be_checked()


def choose_complaint(page: Page) -> None:
    """The first question, before the scope check: complaint, compliment or comment."""
    expect_path(page, "/feedback/kind")
    page.get_by_label("Make a complaint").check()
    submit(page)


def answer(page: Page, label: str | None) -> None:
    if label is None:
        page.get_by_label("Month", exact=True).fill("3")
        page.get_by_label("Year", exact=True).fill("2025")
    else:
        choose(page, label)


def expect_error_state(page: Page) -> None:
    """After an empty submit: focused summary, Error: title, and a link to a real input."""
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Error: "))
    link = summary.get_by_role("link").first
    href = link.get_attribute("href")
    assert href and href.startswith("#"), href
    target = page.locator(f"[id='{href[1:]}']")
    expect(target).to_have_count(1)
    link.click()
    expect(target).to_be_focused()


#: questions axed here with JavaScript, clean and with their error state: a radio question and
#: the month-and-year one (every question is axed in every language and mode, as the server
#: renders it, in e2e/test_matrix.py). The focus
#: and link behaviour below (expect_error_state) is still checked on every question.
AXED_ERROR_STATES = {"danger", "aware"}
#: questions whose error state's focus and links are checked in the browser: each kind of
#: question (yes or no, several choices, month and year); every question's error state is
#: checked through the Flask client (tests/test_journey.py) and axed by e2e/test_matrix.py
ERROR_STATES = {"danger", "about", "aware", "role"}


def test_journey_with_javascript(page: Page) -> None:
    go(page, "/")
    expect(page.locator("body")).to_have_class(re.compile(r"\bjs-enabled\b"))
    click_and_wait(page, page.get_by_role("button", name="Start now"))
    choose_complaint(page)
    for slug, label in IN_SCOPE:
        expect_path(page, f"/check/{slug}")
        if slug in ERROR_STATES:
            submit(page, axe=slug in AXED_ERROR_STATES)  # nothing chosen
            expect_path(page, f"/check/{slug}")
            expect_error_state(page)
        answer(page, label)
        submit(page, axe=slug in AXED_ERROR_STATES)
    expect_path(page, "/check/result")
    check(page)
    expect(page.get_by_text("A parent", exact=True)).to_be_visible()


def test_keyboard_only(page: Page) -> None:
    go(page, "/check/danger")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#main-content")).to_be_focused()
    page.keyboard.press("Tab")
    yes = page.get_by_role("radio", name="Yes", exact=True)
    no = page.get_by_role("radio", name="No", exact=True)
    expect(yes).to_be_focused()
    page.keyboard.press("Space")
    expect(yes).to_be_checked()
    page.keyboard.press("ArrowDown")
    expect(no).to_be_focused()
    expect(no).to_be_checked()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    check(page)
    expect_path(page, "/check/about")


@pytest.mark.parametrize("path", ["/", "/check/danger", "/help"])
def test_no_horizontal_scrolling_at_320px(browser: Browser, base_url: str, path: str) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        go(page, path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320 + 1, f"{path} scrolls sideways at 320px: scrollWidth {width}"
    finally:
        context.close()


def test_change_link_returns_to_result(page: Page, live_app: Flask, base_url: str) -> None:
    page.context.add_cookies([session_cookie_for(live_app, base_url, in_scope_answers())])
    go(page, "/check/result")

    def role_value():
        row = page.locator(".govuk-summary-list__row").filter(
            has=page.locator(".govuk-summary-list__key", has_text=re.compile(r"^\s*Who are you\?"))
        )
        return row.locator(".govuk-summary-list__value")

    expect(role_value()).to_have_text("A parent")
    click_and_wait(page, page.get_by_role("link", name="Change Who are you?"))
    expect_path(page, "/check/role")
    expect(page.get_by_role("radio", name="A parent", exact=True)).to_be_checked()
    choose(page, "A foster carer")
    submit(page)
    expect_path(page, "/check/result")
    expect(role_value()).to_have_text("A foster carer")


def test_exit_this_page_on_start_page(page: Page) -> None:
    go(page, "/")
    expect(page.get_by_role("button", name="Exit this page")).to_be_visible()


def test_request_watcher_catches_missing_assets(page: Page) -> None:
    """The check every page gets would fail on a missing asset (a test of the test)."""
    go(page, "/")
    with page.expect_response(re.compile(r"no-such-file\.css$")):
        page.evaluate("fetch('/assets/no-such-file.css').then(r => r.status)")
    problems = watch(page).problems
    assert any("404" in p and "no-such-file.css" in p for p in problems), problems
    problems.clear()
