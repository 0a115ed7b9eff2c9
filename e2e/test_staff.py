"""An officer takes a complaint through all three stages in the staff console, while the
person's tracking page follows, with axe on every staff page and its error state."""

from __future__ import annotations

import re

import pyotp
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from e2e.helpers import click_and_wait, expect_path, go, submit
from e2e.test_tracking import receipt_link


def staff_sign_in(page: Page, live_app: Flask, role: str = "officer") -> None:
    from tests.test_staff_auth import create

    email, password, secret = create(live_app, role)
    go(page, "/staff/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    submit(page)
    page.get_by_label(re.compile("code", re.I)).fill(pyotp.TOTP(secret).now())
    submit(page, "Sign in")
    expect_path(page, "/staff/")


def record(page: Page, kind: str, axe: bool = False) -> None:
    """Record an event. The case page after each is much the same page, so axe checks it
    only where asked (after the first event of each stage)."""
    page.get_by_label("What happened?").select_option(kind)
    today = page.evaluate(
        "() => { const d = new Date(); return [d.getDate(), d.getMonth() + 1, d.getFullYear()] }"
    )
    when = page.get_by_role("group", name="When did it happen?")
    when.get_by_label("Day", exact=True).fill(str(today[0]))
    when.get_by_label("Month", exact=True).fill(str(today[1]))
    when.get_by_label("Year", exact=True).fill(str(today[2]))
    if kind.endswith("_response_sent"):
        page.get_by_label("Outcome (responses only)").select_option("partly_upheld")
    submit(page, "Record", axe=axe)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("recorded")


def test_an_officer_takes_a_case_through_every_stage(
    page: Page, browser: Browser, live_app: Flask, base_url: str
) -> None:
    path, reference = receipt_link(live_app)
    person = browser.new_context(base_url=base_url).new_page()
    person.goto(path)
    expect_path(person, "/track/case")

    staff_sign_in(page, live_app)
    go(page, "/staff/cases")
    go(page, "/staff/cases?stage=1&flag=overdue&q=nobody")  # filtered, with nothing found
    go(page, f"/staff/cases/{reference}")
    submit(page, "Record")  # the error state
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    record(page, "acknowledged", axe=True)
    record(page, "stage1_response_sent")

    go(person, "/track/case")
    click_and_wait(person, person.get_by_role("button", name="I am not happy: take it to stage 2"))
    person.get_by_label("What are you still unhappy about?").fill("Nothing has changed.")
    submit(person, "Send my request")

    go(page, f"/staff/cases/{reference}")
    for kind in (
        "statement_agreed",
        "investigating_officer_appointed",
        "independent_person_appointed",
        "stage2_response_sent",
    ):
        record(page, kind)

    go(person, "/track/case")
    click_and_wait(person, person.get_by_role("button", name="I am not happy: take it to stage 3"))
    person.get_by_label("What are you still unhappy about?").fill(
        "The investigation missed things."
    )
    submit(person, "Send my request")

    go(page, f"/staff/cases/{reference}")
    for kind in ("panel_held", "panel_report_sent", "final_response_sent"):
        record(page, kind)
    page.get_by_label("Reply to the person").fill("Our final answer is in the post.")
    submit(page, "Send reply")

    go(person, "/track/case")
    expect(person.locator(".govuk-task-list__status")).to_have_text(["Done", "Done", "Done"])
    expect(person.locator("#ombudsman")).to_be_visible()
    expect(person.get_by_text("1 new message", exact=False)).to_be_visible()
    person.context.close()


def test_the_other_staff_pages_and_their_errors_pass_axe(page: Page, live_app: Flask) -> None:
    """Reports, the audit log, entering a complaint for someone, and a case with decisions
    to make and contact restrictions, on the demo data set."""
    from sqlalchemy import select

    from portal import db
    from portal.models import Case

    loaded = live_app.test_cli_runner().invoke(args=["demo", "--force"])
    assert loaded.exit_code == 0, loaded.output
    with live_app.app_context():
        data = db.session()
        flagged = data.scalars(select(Case).where(Case.flags.contains(" late "))).first()
        assert flagged is not None
        reference = flagged.reference
    staff_sign_in(page, live_app, "manager")
    go(page, "/staff/reports")
    go(page, "/staff/reports?year=nonsense")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    go(page, "/staff/reports/equality")
    go(page, "/staff/audit")
    go(page, "/staff/audit?from-day=31&from-month=2&from-year=2026")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    go(page, "/staff/new")
    submit(page)
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    go(page, f"/staff/cases/{reference}")
    submit(page, "Add restriction")
    expect(page.locator(".govuk-error-summary")).to_be_focused()
