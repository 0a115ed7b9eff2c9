"""A compliment in a real browser: the choice, the short path, errors, and the reference."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from e2e.helpers import click_and_wait, expect_path, go, submit


def test_a_compliment_from_start_to_reference(page: Page):
    go(page, "/")
    click_and_wait(page, page.get_by_role("button", name="Start now"))
    expect_path(page, "/feedback/kind")
    submit(page)
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    page.get_by_label("Give a compliment").check()
    submit(page)

    expect_path(page, "/feedback/message")
    submit(page)
    expect(page).to_have_title(re.compile(r"^Error: "))
    page.get_by_label("What would you like to tell us?").fill("Thank you, Sam <3 😀")
    submit(page)

    page.get_by_label(re.compile("Which team")).fill("Fostering team")
    submit(page)
    page.get_by_label("Yes").check()
    submit(page)
    page.get_by_label("Email address").fill("not-an-email")
    submit(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("correct format")
    page.get_by_label("Email address").fill("parent@example.org")
    submit(page)

    expect_path(page, "/feedback/result")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Thank you, Sam <3 😀")
    submit(page, "Send")
    expect_path(page, "/feedback/confirmation")
    reference = page.locator(".govuk-panel strong").inner_text()
    assert re.fullmatch(r"[2-9B-Z]{3}-[2-9B-Z]{3}-[2-9B-Z]{3}", reference)
