"""A right-to-left language: the page says so, passes axe, and the radios are mirrored."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from e2e.helpers import go
from e2e.server import live, make_e2e_app


@pytest.fixture(scope="module")
def rtl_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    app = make_e2e_app(tmp_path_factory.mktemp("e2e-rtl"), LANGUAGES=["en", "ur"])
    yield from live(app)


def test_urdu_question_page_is_right_to_left(browser: Browser, rtl_server: str) -> None:
    context = browser.new_context(base_url=rtl_server)
    try:
        page = context.new_page()
        go(page, "/check/danger?lang=ur")
        html = page.locator("html")
        expect(html).to_have_attribute("dir", "rtl")
        expect(html).to_have_attribute("lang", "ur")
        expect(page.locator("html[dir=rtl]")).to_have_count(1)

        radio = page.locator(".govuk-radios__input").first
        label = page.locator(f"label[for='{radio.get_attribute('id')}']")
        radio_box, label_box = radio.bounding_box(), label.bounding_box()
        assert radio_box and label_box
        assert radio_box["x"] > label_box["x"], (
            f"radio not on the right of its label in RTL: input x={radio_box['x']}, "
            f"label x={label_box['x']}"
        )
    finally:
        context.close()
