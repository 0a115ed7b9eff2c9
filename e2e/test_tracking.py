"""Following a complaint by magic link, in a real browser, with axe on every page.

The receipt's link opens a Continue page that submits itself when JavaScript runs (so a mail
scanner's GET never signs in), and a plain button when it does not.
"""

from __future__ import annotations

import re

from flask import Flask
from playwright.sync_api import Browser, Page, expect

from e2e.helpers import check, click_and_wait, expect_path, go, new_no_js_context, submit

LINK = re.compile(r"https?://\S+/track/[A-Za-z0-9_.-]+")


def test_the_receipt_link_signs_in_with_and_without_javascript(
    page: Page, browser: Browser, live_app: Flask, base_url: str
) -> None:
    path, _reference = receipt_link(live_app)
    token = path.removeprefix("/track/")

    no_js = new_no_js_context(browser, base_url)
    try:
        plain = no_js.new_page()
        go(plain, f"/track/{token}")
        expect(plain.get_by_role("button", name="Continue")).to_be_visible()
        submit(plain)
        expect_path(plain, "/track/case")
        expect(plain.get_by_role("heading", level=1)).to_be_visible()
    finally:
        no_js.close()

    fresh = browser.new_context(base_url=base_url)
    try:
        scripted = fresh.new_page()
        scripted.goto(f"/track/{token}")
        expect_path(scripted, "/track/case")
        check(scripted)
        submit(scripted, re.compile(r"^Sign out$"))
        check(scripted)
    finally:
        fresh.close()


def test_asking_for_a_new_link(page: Page) -> None:
    go(page, "/track")
    submit(page, "Send link")
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    page.get_by_label("Email address").fill("nobody@example.com")
    submit(page, "Send link")
    expect_path(page, "/track/sent")


def test_a_broken_link_offers_a_new_one(page: Page) -> None:
    go(page, "/track/not-a-real-token", status=404)
    expect(page.get_by_role("button", name=re.compile("new link"))).to_be_visible()


# The tracking page in each state, and escalation from it ------------------------------------


def receipt_link(live_app: Flask) -> tuple[str, str]:
    """A parent's complaint sent through the Flask client (the browser walk is tested above);
    returns the path of the tracking link in its receipt, read from the file outbox, and the
    reference."""
    from tests.conftest import LintingClient
    from tests.test_tracking_links import links_in, submitted

    client = LintingClient(live_app, live_app.response_class, use_cookies=True)
    to, reference = submitted(client)
    [path] = links_in(live_app, to)
    return path, reference


def test_following_a_complaint_through_every_state_to_stage_2(page: Page, live_app: Flask) -> None:
    from tests.test_tracking_case import answered, with_history, working_days_ago

    path, reference = receipt_link(live_app)
    page.goto(path)
    expect_path(page, "/track/case")
    check(page)  # on time
    expect(page.locator("#due")).to_contain_text("working day")

    received = working_days_ago(25)
    with_history(live_app, reference, ("received", received, {}))
    go(page, "/track/case")  # overdue
    expect(page.locator(".govuk-warning-text")).to_contain_text("working days late")
    click_and_wait(page, page.get_by_role("link", name="ask us what is happening"))
    submit(page, "Send")
    expect_path(page, "/track/done")
    go(page, "/track/case")

    with_history(
        live_app,
        reference,
        ("received", received, {}),
        ("acknowledged", received, {}),
        ("stage1_extended", received, {"reason": "The social worker is away"}),
    )
    go(page, "/track/case")  # extended
    expect(page.get_by_text("Why: The social worker is away")).to_be_visible()

    answered(live_app, reference)
    go(page, "/track/case")
    click_and_wait(page, page.get_by_role("button", name="I am not happy: take it to stage 2"))
    submit(page, "Send my request")  # the error state
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    page.get_by_label("What are you still unhappy about?").fill("The plan was never changed.")
    submit(page, "Send my request")
    expect(page.get_by_role("heading", level=1)).to_contain_text("You have asked for stage 2")
    click_and_wait(page, page.get_by_role("link", name="Go back to your complaint"))
    expect(page.locator(".govuk-task-list__status").nth(1)).to_have_text("In progress")

    click_and_wait(page, page.get_by_role("link", name="Withdraw your complaint").last)
    submit(page, "Withdraw my complaint")
    click_and_wait(page, page.get_by_role("link", name="Go back to your complaint"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Your complaint is closed")


def test_messages_and_asking_for_an_advocate(page: Page, live_app: Flask) -> None:
    path, _reference = receipt_link(live_app)
    page.goto(path)
    expect_path(page, "/track/case")
    check(page)

    click_and_wait(page, page.get_by_role("link", name="Send a message"))
    submit(page, "Send message")  # the error state
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    page.get_by_label("Send a message").fill("The new social worker has not called.\nTwice.")
    submit(page, "Send message")
    expect_path(page, "/track/messages")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Your message has been sent")

    go(page, "/track/case")
    click_and_wait(page, page.get_by_role("button", name="Ask for an advocate"))
    submit(page)  # the error state of the first question
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    page.get_by_label("The child or young person").or_(
        page.get_by_label(re.compile("who the complaint is about"))
    ).check()
    submit(page)
    page.get_by_label("Yes").check()
    submit(page)
    page.get_by_label("A parent agrees").check()
    submit(page)
    submit(page, "Ask for an advocate")
    expect(page.get_by_role("heading", level=1)).to_contain_text("We have asked for an advocate")
