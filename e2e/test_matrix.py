"""Every public page, in English, Polish and Urdu, standard and easy read, clean and with its
errors: 0 axe violations (issue 8's matrix).

The pages are the ones tests/every_page.py reaches, as a person would, through the Flask
client, whose page lint also checks each one's lang and dir and that no English component
words are left on a translated page. Each page's HTML is then shown to Chromium at its own
URL on the live server, 320 px wide, without its scripts (so this is also the page without
JavaScript on a phone; the journeys in the other e2e tests check pages with it at desktop
width), axed, and checked for sideways scrolling.

Axe takes about a quarter of a second a page, and six times every page would take minutes.
A page whose shape is the same as one already axed in this run is counted as checked by
that run. The shape (`_shape`) is the page's elements and attributes with text in the same
places, but not the words themselves, the language and direction attributes, per-request
tokens, which page a link goes to, or what an id is called (only whether it is unique and
whether what refers to it exists), and a run of identical siblings (radio options) is
written once: what axe's rules look at. The page lint checks lang and dir on every page.
Polish and Urdu pages whose markup differs from their English one (a longer error list, a
plural) are axed themselves. In easy read, a page that differs from the standard one only by
its pictures (one macro, `components/picture.html`) counts as the standard one; pages with
more to them in easy read (the start page's steps, the tracking page's stages) are axed.
English is walked first. The easy-read test relies on the standard one for the pages they
share; the two run side by side.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag
from flask import Flask
from playwright.sync_api import Browser, Route

from e2e.helpers import _AXE_RUN, _SCRIPT, _without_known_govuk_issues
from e2e.server import live, make_e2e_app
from tests.conftest import LintingClient
from tests.every_page import every_page

LANGUAGES = ("en", "pl", "ur")
#: attributes whose value is words (translated) or changes with every request
WORDS = {"aria-label", "title", "alt", "placeholder", "value", "content", "nonce"}
IGNORED = {"lang", "dir"}
#: what sticks out past a 320 px screen, once layout has settled
TOO_WIDE = """async () => {
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    if (document.documentElement.scrollWidth <= 320) return [];
    return [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > 320.5
            || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'))
        .map(e => `${e.tagName}.${e.className} ${e.scrollWidth}/${e.clientWidth}: `
            + (e.textContent || '').trim().slice(0, 60))
        .concat([`scrollWidth ${document.documentElement.scrollWidth}`]);
}"""


@dataclass
class Matrix:
    app: Flask
    base_url: str


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Matrix]:
    app = make_e2e_app(tmp_path_factory.mktemp("e2e-matrix"), LANGUAGES=list(LANGUAGES))
    app.test_client_class = LintingClient
    for url in live(app):
        yield Matrix(app, url)


#: attributes that name another element by id: kept only as whether that element exists
REFERENCES = {"for", "aria-describedby", "aria-labelledby", "aria-controls", "list", "form"}


def _link(value: str) -> str:
    if value.startswith("#"):
        return "#"
    return "external" if value.startswith(("http:", "https:", "mailto:", "tel:")) else "local"


def _attributes(node: Tag, ids: Counter[str]) -> str:
    kept = []
    for key, value in sorted(node.attrs.items()):
        if key in IGNORED or (node.name == "body" and key == "class"):
            continue
        value = " ".join(value) if isinstance(value, list) else value
        if key in WORDS or key.startswith("data-i18n") or key == "name":
            value = "T" if value.strip() else ""
        elif key == "id":
            value = "dup" if ids[value] > 1 else "id"
        elif key in REFERENCES:
            value = " ".join("ok" if ids[ref] else "missing" for ref in value.split())
        elif key in {"href", "action"}:
            value = _link(value) + (
                "-missing" if value.startswith("#") and not ids[value[1:]] else ""
            )
        kept.append(f"{key}={value}")
    return " ".join(kept)


def _shape(node: Tag, ids: Counter[str]) -> str:
    """An element as axe sees it, without its words, ids or links' targets, and with a run of
    identical siblings (radio options, list items) written once."""
    classes = node.get("class") or []
    if "app-picture" in classes:
        return ""  # easy read's pictures: one macro, axed with the pages that differ otherwise
    if "app-options" in classes:
        # the language and mode bar: which of its links is the current one changes with the
        # language; its markup is axed with each page that differs otherwise
        return "<options/>"
    children: list[str] = []
    for child in node.children:
        if isinstance(child, Tag):
            part = _shape(child, ids)
        elif isinstance(child, NavigableString) and child.strip():
            part = "T"
        else:
            continue
        if part and (not children or children[-1] != part):
            children.append(part)
    inside = "".join(children)
    if "app-point" in classes or "app-point__text" in classes:
        return inside
    return f"<{node.name} {_attributes(node, ids)}>{inside}</{node.name}>"


def markup(html: str) -> str:
    """A page's markup as axe's result depends on it: a hash of its shape (see _shape)."""
    soup = BeautifulSoup(html, "lxml")
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    return hashlib.sha256(_shape(soup.html, ids).encode()).hexdigest()


def axe_every_page(browser: Browser, matrix: Matrix, modes: tuple[str, ...]) -> dict[str, int]:
    # A phone's width: every page is also checked for sideways scrolling at 320 px
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    html = {"body": ""}

    def serve(route: Route) -> None:
        if route.request.resource_type == "document":
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html["body"])
        else:
            route.continue_()

    page.route("**/*", serve)
    axed: dict[str, str] = {}
    if modes == ("easy",):
        # The standard pages are axed by the other test, in parallel: easy read counts a
        # page with the same markup as checked (see the top), so it needs only their markup.
        axed = {
            markup(_SCRIPT.sub("", seen.page.response.get_data(as_text=True))): label
            for label, seen in every_page(matrix.app, "en", "standard").items()
        }
    counts = {"pages": 0, "axed": 0}
    try:
        for mode, lang in [(mode, lang) for mode in modes for lang in LANGUAGES]:
            for label, seen in every_page(matrix.app, lang, mode).items():
                counts["pages"] += 1
                source = _SCRIPT.sub("", seen.page.response.get_data(as_text=True))
                key = markup(source)
                if key in axed:
                    continue
                html["body"] = source
                page.goto(matrix.base_url + seen.path)
                if not page.evaluate("typeof window.axe === 'object'"):
                    from axe_playwright_python.base import AXE_SCRIPT

                    page.evaluate(AXE_SCRIPT)
                violations = _without_known_govuk_issues(page.evaluate(_AXE_RUN)["violations"])
                where = f"{lang}, {mode}: {label}"
                wide = page.evaluate(TOO_WIDE)
                assert not wide, f"{where}: scrolls sideways at 320 px: {wide}"
                assert not violations, f"{where}\n" + "\n".join(
                    f"{v['id']}: {v['help']} {[n['html'] for n in v['nodes']]}" for v in violations
                )
                axed[key] = where
                counts["axed"] += 1
    finally:
        context.close()
    return counts


@pytest.mark.parametrize("modes", [("standard",), ("easy",)], ids=["standard", "easy"])
def test_every_page_in_every_language_passes_axe(
    browser: Browser, matrix: Matrix, modes: tuple[str, ...]
) -> None:
    counts = axe_every_page(browser, matrix, modes)
    # every_page reaches about 150 pages; all three languages were walked
    assert counts["pages"] >= 3 * 140, counts
    # pages of every shape were axed, not assumed (in easy read, those that differ)
    assert counts["axed"] >= (80 if modes == ("standard",) else 5), counts


def test_shape_ignores_ids_and_repeats_but_not_broken_references():
    one = '<html><body><label for="a">A</label><input id="a"><p>x</p><p>y</p></body></html>'
    two = '<html><body><label for="b">B</label><input id="b"><p>z</p></body></html>'
    broken = '<html><body><label for="c">B</label><input id="b"><p>z</p></body></html>'
    twice = '<html><body><label for="b">B</label><input id="b"><input id="b"></body></html>'
    assert markup(one) == markup(two)
    assert markup(one) != markup(broken)
    assert markup(two) != markup(twice)


def test_markup_ignores_words_but_not_structure():
    english = '<html lang="en"><body><h1>Hello</h1><a href="/x?lang=en">Back</a></body></html>'
    polish = (
        '<html lang="pl"><body><h1>Dzień dobry</h1><a href="/x?lang=pl">Wstecz</a></body></html>'
    )
    empty_link = '<html lang="pl"><body><h1>Dzień dobry</h1><a href="/x"></a></body></html>'
    extra = '<html lang="pl"><body><h1>Dzień dobry</h1><p>Nowe</p><a href="/x">W</a></body></html>'
    assert markup(english) == markup(polish)
    assert markup(english) != markup(empty_link)
    assert markup(english) != markup(extra)
    assert re.fullmatch(r"[0-9a-f]{64}", markup(english))
