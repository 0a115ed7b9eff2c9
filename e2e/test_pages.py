"""Every public page, every exit page and the 404 page load all their assets, with axe on the
public pages with JavaScript (every page is axed as the server renders it, in every language
and mode, by e2e/test_matrix.py; the exit pages share one template)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from e2e.helpers import go
from portal.domain.screening import ROUTES, STATUTORY

PUBLIC = ["/", "/help", "/cookies", "/privacy", "/accessibility"]
EXITS = [route for route in ROUTES if route != STATUTORY]


def test_public_pages(page: Page) -> None:
    for path in PUBLIC:
        go(page, path)
        expect(page.locator("h1")).to_have_count(1)


def test_exit_pages(page: Page) -> None:
    for number, route in enumerate(EXITS):
        go(page, f"/check/exit/{route}", axe=number == 0)
        expect(page.locator("h1")).to_have_count(1)


def test_not_found_page(page: Page) -> None:
    go(page, "/no-such-page", status=404)
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")


@pytest.mark.parametrize("path", ["/check/exit/statutory", "/check/no-such-question"])
def test_unknown_journey_pages_are_404(page: Page, path: str) -> None:
    go(page, path, status=404)
