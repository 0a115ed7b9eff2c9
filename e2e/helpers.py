"""Helpers every browser test uses for every page it reaches.

- `go(page, path)` navigates, then `check(page)`.
- `submit(page)` clicks Continue, waits for the next page, then `check(page)`.
- `check(page)` runs axe with the full default rule set (0 violations, report as the message)
  and fails if any same-origin request failed or returned 4xx/5xx since the last check.

Axe runs once per distinct page state in a test session (per xdist worker): a page whose DOM,
viewport and JavaScript setting match one already checked, apart from the per-request CSP
nonce and CSRF token, is not checked again. Any change to the page's HTML is checked anew.
`submit(page, axe=False)` (and `click_and_wait`, `check`) checks only the requests, for a
state axed elsewhere, e.g. most screening error states (e2e/test_screening.py).

Request watching is attached to a page on its first `go`/`check`, so it also covers pages
from contexts a test makes itself (no JavaScript, narrow viewport).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.base import AXE_SCRIPT, AxeResults
from playwright.sync_api import Browser, BrowserContext, Page, Response, Route, expect

CONTINUE = re.compile(r"^Continue$")
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL | re.IGNORECASE)


#: GOV.UK Frontend's radios put aria-expanded on a radio that reveals a conditional question.
#: ARIA does not list aria-expanded for role=radio, so axe reports aria-allowed-attr; the
#: Design System keeps it on purpose, as screen readers announce it (a documented known issue:
#: github.com/alphagov/govuk-frontend/issues/979 and /pull/2823). Only exactly that is let
#: through; any other attribute, element or rule still fails.
_GOVUK_RADIO_EXPANDED = re.compile(r'^ARIA attribute is not allowed: aria-expanded="(true|false)"$')
_GOVUK_RADIO = re.compile(
    r'^<input class="govuk-radios__input"[^>]* type="radio"[^>]* aria-controls'
)


def _is_govuk_radio_expanded(violation: dict, node: dict) -> bool:
    messages = [item["message"] for key in ("all", "any", "none") for item in node.get(key, [])]
    return (
        violation["id"] == "aria-allowed-attr"
        and bool(_GOVUK_RADIO.match(node.get("html", "")))
        and bool(messages)
        and all(_GOVUK_RADIO_EXPANDED.match(m) for m in messages)
    )


def _without_known_govuk_issues(violations: list[dict]) -> list[dict]:
    kept = []
    for violation in violations:
        nodes = [n for n in violation["nodes"] if not _is_govuk_radio_expanded(violation, n)]
        if nodes:
            kept.append({**violation, "nodes": nodes})
    return kept


#: per-request values that differ between otherwise identical pages: the CSRF token's input
#: and CSP nonces (Chromium blanks a nonce attribute once parsed, but do not rely on that)
_VOLATILE = r'<input\b[^>]*\bname="csrf_token"[^>]*>|\bnonce="[^"]*"'
#: page states axe has passed in this session: (path, no JS, viewport, hash of the DOM)
_PASSED: set[tuple[str, bool, str, str]] = set()
#: in the page, in one round trip: a hash of its DOM without the volatile parts, and whether
#: axe-core is there already (it is, from the context's init script, after the first check)
_LOOK = f"""async () => {{
    const html = document.documentElement.outerHTML.replace(/{_VOLATILE}/g, "");
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(html));
    const hash = Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, "0"));
    return {{hash: hash.join(""), axe: typeof window.axe === "object"}};
}}"""
#: axe-core, full default rule set; only the violations come back (the report needs no more)
_AXE_RUN = "axe.run({resultTypes: ['violations']}).then(r => ({violations: r.violations}))"


def _run_axe(page: Page, has_axe: bool) -> AxeResults:
    """axe.run on the page. A context gets axe-core as an init script on its first check, so
    its later pages have it from the start and the 570 kB source is not sent each time."""
    context = page.context
    if not getattr(context, "_e2e_axe", False):
        context.add_init_script(AXE_SCRIPT)
        context._e2e_axe = True  # type: ignore[attr-defined]
    if not has_axe:
        page.evaluate(AXE_SCRIPT)
    return AxeResults(page.evaluate(_AXE_RUN))


#: pages axed in this session, by path, JavaScript setting and width (see `axed_path`)
AXED_PATHS: set[tuple[str, bool, str]] = set()


def axed_path(page: Page) -> tuple[str, bool, str]:
    """A page's path, JavaScript setting and viewport: how the journey walkers tell a page they
    need not axe again with other answers (e2e.journeys.walk; every page is also axed in every
    language and mode, without JavaScript, by e2e/test_matrix.py)."""
    no_js = bool(getattr(page.context, "_e2e_no_js", False))
    return urlsplit(page.url).path, no_js, repr(page.viewport_size)


def axe_check(page: Page) -> None:
    """Axe, full default rule set: fail on any violation, with axe's report as the message.
    (Apart from GOV.UK Frontend's aria-expanded on conditional radios: see above.)
    Skipped for a page state that has already passed in this session (see the top)."""
    path, size = urlsplit(page.url).path, repr(page.viewport_size)
    if getattr(page.context, "_e2e_no_js", False):
        # No JavaScript runs in the page: hash its DOM here, and axe it in a mirror.
        html = page.content()
        digest = hashlib.sha256(re.sub(_VOLATILE, "", html).encode()).hexdigest()
        state = (path, True, size, digest)
        if state in _PASSED:
            return
        target = _mirror(page, html)
        results = _run_axe(target, has_axe=target.evaluate("typeof window.axe === 'object'"))
    else:
        look = page.evaluate(_LOOK)
        state = (path, False, size, look["hash"])
        if state in _PASSED:
            return
        target = page
        results = _run_axe(page, has_axe=look["axe"])
    AXED_PATHS.add(axed_path(page))
    results.response["violations"] = _without_known_govuk_issues(results.response["violations"])
    note = " (the no-JavaScript page's DOM, re-rendered to run axe)" if target is not page else ""
    assert results.violations_count == 0, f"{page.url}{note}\n{results.generate_report()}"
    _PASSED.add(state)


def new_no_js_context(browser: Browser, base_url: str, **options) -> BrowserContext:
    """A context with JavaScript off. Close it when done (it also closes its axe mirror)."""
    context = browser.new_context(base_url=base_url, java_script_enabled=False, **options)
    context._e2e_no_js = True  # type: ignore[attr-defined]
    return context


def _mirror(page: Page, html: str) -> Page:
    """Axe cannot run where JavaScript is off: Chromium fires no timers, so axe.run never
    settles. Instead, serve this page's DOM (scripts removed, so it stays the no-JS DOM) at
    the same URL to a JavaScript-enabled page of the same size, with the same CSS, and run
    axe there."""
    context = page.context
    mirror: Page | None = getattr(context, "_e2e_mirror", None)
    if mirror is None:
        assert context.browser is not None
        mirror_context = context.browser.new_context(viewport=page.viewport_size)
        mirror = mirror_context.new_page()
        mirror._e2e_html = ""  # type: ignore[attr-defined]

        def serve(route: Route) -> None:
            if route.request.resource_type == "document":
                route.fulfill(
                    status=200,
                    content_type="text/html; charset=utf-8",
                    body=mirror._e2e_html,  # type: ignore[union-attr]
                )
            else:
                route.continue_()

        mirror.route("**/*", serve)
        context.on("close", lambda _context: mirror_context.close())
        context._e2e_mirror = mirror  # type: ignore[attr-defined]
    mirror._e2e_html = _SCRIPT.sub("", html)  # type: ignore[attr-defined]
    mirror.goto(page.url)
    return mirror


#: origins of the live servers the tests run (conftest registers them): "same-origin"
LIVE_ORIGINS: set[str] = set()


@dataclass
class Watcher:
    problems: list[str] = field(default_factory=list)
    #: document URLs allowed to answer 4xx (a deliberate 404 page)
    allowed: set[str] = field(default_factory=set)

    def on_failed(self, request) -> None:
        if _origin(request.url) in LIVE_ORIGINS:
            self.problems.append(f"request failed: {request.url} ({request.failure})")

    def on_response(self, response: Response) -> None:
        if response.status < 400 or _origin(response.url) not in LIVE_ORIGINS:
            return
        if response.request.resource_type == "document" and response.url in self.allowed:
            return
        self.problems.append(f"{response.status}: {response.url}")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def watch(page: Page) -> Watcher:
    watcher = getattr(page, "_e2e_watcher", None)
    if watcher is None:
        watcher = Watcher()
        page.on("requestfailed", watcher.on_failed)
        page.on("response", watcher.on_response)
        page._e2e_watcher = watcher  # type: ignore[attr-defined]
    return watcher


def check(page: Page, axe: bool = True) -> None:
    """Axe the page as it is now, and fail on any failed or 4xx/5xx same-origin request.
    `axe=False` checks the requests only: for a page state axed elsewhere (say where)."""
    watcher = watch(page)
    page.wait_for_load_state("load")
    if axe:
        axe_check(page)
    problems, watcher.problems[:] = list(watcher.problems), []
    assert not problems, "\n".join(problems)


def go(page: Page, path: str, status: int = 200, axe: bool = True) -> Response | None:
    watcher = watch(page)
    response = page.goto(path) if status < 400 else _goto_allowing(page, watcher, path)
    assert response is not None
    assert response.status == status, f"{path}: {response.status}"
    check(page, axe=axe)
    return response


def _goto_allowing(page: Page, watcher: Watcher, path: str) -> Response | None:
    """Navigate to a page expected to answer 4xx: allow that status for its document only."""

    def allow(request) -> None:
        if request.is_navigation_request() and request.frame == page.main_frame:
            watcher.allowed.add(request.url)

    page.on("request", allow)
    try:
        return page.goto(path)
    finally:
        page.remove_listener("request", allow)


def click_and_wait(page: Page, locator, axe: bool = True) -> None:
    """Click something that loads a new page (or the same page again), and wait for it."""
    watch(page)
    with page.expect_navigation():
        locator.click()
    check(page, axe=axe)


def submit(page: Page, name: str | re.Pattern[str] = CONTINUE, axe: bool = True) -> None:
    """Press the form's button (Continue by default) and check the page it leads to."""
    click_and_wait(page, page.get_by_role("button", name=name), axe=axe)


def expect_path(page: Page, path: str) -> None:
    expect(page).to_have_url(re.compile(rf"^[^?#]*{re.escape(path)}(\?.*)?$"))
