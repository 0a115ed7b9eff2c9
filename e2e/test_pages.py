"""The 404 page, and journey pages that do not exist. (Every public page is axed in every
language and mode, clean and with its errors, by e2e/test_matrix.py.)"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from e2e.helpers import go


def test_not_found_page(page: Page) -> None:
    go(page, "/no-such-page", status=404)
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")


@pytest.mark.parametrize("path", ["/check/exit/statutory", "/check/no-such-question"])
def test_unknown_journey_pages_are_404(page: Page, path: str) -> None:
    go(page, path, status=404)
