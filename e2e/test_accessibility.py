"""Accessibility beyond axe (issue 8): the keyboard alone, visible focus, focus on errors,
names for every control, text at 200%, and reduced motion.

The keyboard journey uses Tab, Shift+Tab, Enter and Space, typing into text boxes, and the
arrow keys only inside a group of radio buttons: HTML radios are one stop for Tab, and the
arrows are how everyone (screen reader users included) chooses within the group. It goes
through screening, the complaint, the equality question and tracking, checking at every
stop that focus can be seen and that every control on the page has a name a screen reader
reads out (Playwright's accessibility snapshot).
"""

from __future__ import annotations

import re

import pytest
from flask import Flask, url_for
from playwright.sync_api import Browser, Page, expect

from e2e.helpers import go
from e2e.journeys import REFERENCE

#: after a Tab: where focus is, and whether it can be seen: an outline, or GOV.UK's yellow
#: (#ffdd00) background or ring, on the element or, for a radio or checkbox, on the box its
#: label draws. Focus on the body means Tab went past the last control and will start again.
FOCUS = """(wanted) => {
    const el = document.activeElement;
    if (!el || el === document.body) return {body: true};
    const seen = [getComputedStyle(el)];
    if (el.matches('.govuk-radios__input, .govuk-checkboxes__input')) {
        const label = el.parentElement.querySelector('label');
        seen.push(getComputedStyle(label, '::before'), getComputedStyle(label, '::after'));
    }
    const visible = seen.some(s =>
        (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2)
        || s.boxShadow.includes('255, 221, 0')
        || s.backgroundColor === 'rgb(255, 221, 0)');
    const text = (el.textContent || '').trim();
    const match = wanted.selector ? el.matches(wanted.selector) : text === wanted.text;
    return {visible, match, html: el.outerHTML.slice(0, 200)};
}"""
#: interactive roles that must have a name
CONTROLS = ("button", "link", "textbox", "radio", "checkbox", "combobox")
UNNAMED = re.compile(rf"^\s*- ({'|'.join(CONTROLS)})(\s*\[[^\]]*\])?\s*:?\s*$", re.M)


def names_every_control(page: Page) -> None:
    snapshot = page.locator("body").aria_snapshot()
    unnamed = UNNAMED.findall(snapshot)
    assert not unnamed, f"{page.url}: controls without a name {unnamed}\n{snapshot}"


def skip_to_content(page: Page) -> None:
    """On a new page, Tab to the skip link and press Enter, as keyboard users do, so Tab
    goes on from the start of the main content."""
    if getattr(page, "_skipped", None) == page.url:
        return
    page._skipped = page.url  # type: ignore[attr-defined]
    if not page.evaluate("() => document.activeElement === document.body"):
        return  # focus is in the page already (an error summary takes it)
    page.keyboard.press("Tab")
    expect(page.locator(".govuk-skip-link")).to_be_focused()
    page.keyboard.press("Enter")


def tab_to(page: Page, selector: str = "", text: str = "", limit: int = 60) -> None:
    """Press Tab until focus is on the element (a CSS selector, or the words a button or link
    shows), checking at each stop that focus can be seen."""
    skip_to_content(page)
    for _ in range(limit):
        page.keyboard.press("Tab")
        where = page.evaluate(FOCUS, {"selector": selector, "text": text})
        if where.get("body"):
            continue
        assert where["visible"], f"focus not visible on {page.url}: {where['html']}"
        if where["match"]:
            return
    raise AssertionError(f"Tab never reached {selector or text!r} on {page.url}")


def choose(page: Page, name: str, value: str) -> None:
    """Choose a radio: Tab into its group, then the arrow keys to the option."""
    tab_to(page, selector=f"input[name='{name}']")
    for _ in range(20):
        if page.evaluate("v => document.activeElement.value === v", value):
            if not page.evaluate("() => document.activeElement.checked"):
                page.keyboard.press("Space")
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"no option {value!r} for {name} on {page.url}")


def tick(page: Page, name: str, value: str) -> None:
    tab_to(page, selector=f"input[name='{name}'][value='{value}']")
    page.keyboard.press("Space")


def type_into(page: Page, name: str, text: str) -> None:
    tab_to(page, selector=f"[name='{name}']")
    page.keyboard.type(text)


def press_button(page: Page, text: str = "Continue") -> None:
    """Tab on to the button with these words and press Enter; wait for the next page."""
    names_every_control(page)
    tab_to(page, text=text)
    with page.expect_navigation():
        page.keyboard.press("Enter")


#: answers, by page: (what to do, field name, value)
SCREENING = {
    "about": [("choose", "about", "children_social_care")],
    "aware": [("type", "aware-month", "3"), ("type", "aware-year", "2025")],
    "role": [("choose", "role", "parent")],
}
COMPLAINT = {
    "your-name": [("type", "your_name", "Sam Keys")],
    "service": [("choose", "service", "social_work")],
    "what-happened": [("type", "what_happened", "Nobody came to the meeting.")],
    "where": [("type", "where", "At home")],
    "when": [("choose", "when", "ongoing")],
    "people": [],
    "effect": [("type", "effect", "We had no help.")],
    "outcome": [("type", "outcome", "A new plan.")],
    "contacted-before": [("choose", "contacted_before", "no")],
    "evidence": [],
    "contact-methods": [
        ("tick", "contact_methods", "email"),
        ("type", "contact_email", "keys@example.org"),
    ],
    "email-subject": [("choose", "email_subject_clear", "yes")],
    "safe-contact": [("choose", "safe_contact", "no")],
    "adjustments": [("tick", "adjustments", "none")],
}


def tracking_path(live_app: Flask, reference: str) -> str:
    """A new tracking link for the case, as the receipt would carry (receipts themselves are
    tested in tests/test_receipts.py and e2e/test_tracking.py)."""
    from sqlalchemy import select

    from portal import db
    from portal.domain.references import normalise
    from portal.models import Case
    from portal.tracking import tokens

    with live_app.test_request_context():
        data = db.session()
        case = data.scalars(select(Case).where(Case.reference == normalise(reference))).one()
        _link, token = tokens.create(data, case)
        data.commit()
        return url_for("tracking.link", token=token)


def answer(page: Page, steps: list[tuple[str, str, str]]) -> None:
    for action, name, value in steps:
        {"choose": choose, "tick": tick, "type": type_into}[action](page, name, value)


def test_a_complaint_made_and_followed_with_the_keyboard_alone(page: Page, live_app: Flask) -> None:
    go(page, "/feedback/kind")
    choose(page, "kind", "complaint")
    press_button(page)
    # An empty answer: the error summary takes focus, and its link takes focus to the input.
    press_button(page)
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("input[name='danger']").first).to_be_focused()
    while "/check/" in page.url and not page.url.endswith("/check/result"):
        slug = page.url.rsplit("/", 1)[-1]
        answer(page, SCREENING.get(slug, [("choose", slug.replace("-", "_"), "no")]))
        press_button(page)
    press_button(page)  # the result page's Continue is a link styled as a button
    while "/complaint/" in page.url and not page.url.endswith("/result"):
        slug = page.url.rsplit("/", 1)[-1]
        answer(page, COMPLAINT[slug])
        press_button(page)
    tick(page, "declaration", "yes")
    press_button(page, "Send complaint")
    choose(page, "answer", "no")
    press_button(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("sent")
    reference = REFERENCE.search(page.locator("main").inner_text()).group(0)

    path = tracking_path(live_app, reference)
    page.goto(path)
    if not page.url.endswith("/track/case"):  # a browser that sent it may be signed in already
        press_button(page, "Continue")
    expect(page).to_have_url(re.compile("/track/case$"))
    tab_to(page, selector="a[href$='/track/messages/new']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    type_into(page, "message", "Can you call me after school?")
    press_button(page, "Send message")
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()


PAGES = ("/", "/check/danger", "/help", "/track", "/accessibility")
#: how much room a line of text has, and how much a page may scroll sideways: none
NO_SIDEWAYS = "() => [document.documentElement.scrollWidth, window.innerWidth]"
CUT_OFF = """() => [...document.querySelectorAll('main *')].filter(e => {
    const s = getComputedStyle(e);
    return (s.overflow === 'hidden' || s.overflowX === 'hidden')
        && !e.matches('.govuk-visually-hidden, .govuk-visually-hidden *')
        && e.scrollWidth > e.clientWidth + 1 && e.textContent.trim();
}).map(e => e.outerHTML.slice(0, 120))"""


@pytest.mark.parametrize(
    "zoom",
    [
        # the browser zoomed to 200% on a 1280px screen: the page has 640 CSS pixels
        {"viewport": 640, "text": "100%"},
        # text-only zoom to 200% on a 1280px screen
        {"viewport": 1280, "text": "200%"},
    ],
    ids=["page-zoom-200", "text-zoom-200"],
)
def test_zoomed_to_200_percent_nothing_is_lost_or_scrolls_sideways(
    browser: Browser, base_url: str, zoom: dict
) -> None:
    """WCAG 1.4.4: at 200% the page still fits, with nothing cut off (the type is in rem,
    so doubling the root size is what a browser's text-only zoom does)."""
    width = zoom["viewport"]
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        for path in PAGES:
            page.goto(path)
            page.evaluate("t => { document.documentElement.style.fontSize = t }", zoom["text"])
            sizes = page.evaluate(NO_SIDEWAYS)
            assert sizes[0] <= sizes[1], f"{path} at {zoom}: scrolls sideways {sizes}"
            clipped = page.evaluate(CUT_OFF)
            assert not clipped, f"{path} at {zoom}: text cut off {clipped}"
    finally:
        context.close()


def test_nothing_moves_for_people_who_ask_for_less_motion(browser: Browser, base_url: str):
    context = browser.new_context(base_url=base_url, reduced_motion="reduce")
    try:
        page = context.new_page()
        for path in ("/", "/check/danger", "/feedback/kind"):
            page.goto(path)
            moving = page.evaluate(
                """() => [...document.querySelectorAll('*')].flatMap(e =>
                    [getComputedStyle(e), getComputedStyle(e, '::before'),
                     getComputedStyle(e, '::after')].filter(s =>
                        s.animationName !== 'none' && parseFloat(s.animationDuration) > 0
                        || parseFloat(s.transitionDuration) > 0
                    ).map(() => e.tagName + '.' + e.className))"""
            )
            assert not moving, f"{path}: still moving with reduced motion: {moving[:5]}"
    finally:
        context.close()
