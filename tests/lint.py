"""Page linting: every HTML page fetched in tests is parsed and checked.

Catches at once the mistakes that audits keep finding: two h1s, a title that does not match
the heading or misses "Error: ", duplicate ids, scripts without the CSP nonce, error summary
links to nowhere, wrong lang or dir, forms without novalidate or a CSRF token.
"""

from __future__ import annotations

import re
from collections import Counter

from bs4 import BeautifulSoup
from lxml import html as lxml_html
from werkzeug.test import TestResponse

NONCE = re.compile(r"'nonce-([^']+)'")
Tree = lxml_html.HtmlElement


class PageError(AssertionError):
    pass


def _text(node: Tree) -> str:
    """A node's text as BeautifulSoup's get_text(" ") gives it, spaces collapsed."""
    return " ".join(" ".join(node.xpath(".//text()")).split())


def _headings(tree: Tree, lang: str) -> list[str]:
    h1s = tree.xpath("//h1")
    if len(h1s) != 1:
        return [f"expected one h1, found {len(h1s)}"]
    titles = tree.xpath("//title")
    title = _text(titles[0]) if titles else ""
    heading = _text(h1s[0])
    if _summary(tree) is None:
        if not title.startswith(heading):
            return [f"title {title!r} should start with {heading!r}"]
        return []
    # "Error: " in English; in another language its translation, still before the heading
    prefix, _colon, rest = title.partition(": ")
    if not rest.startswith(heading) or not prefix or " – " in prefix:
        return [f"title {title!r} should start with 'Error: {heading}'"]
    if lang == "en" and prefix != "Error":
        return [f"title {title!r} should start with 'Error: {heading}'"]
    return []


def _ids(tree: Tree) -> list[str]:
    counts = Counter(tree.xpath("//@id"))
    duplicates = sorted(i for i, n in counts.items() if n > 1)
    return [f"duplicate ids: {duplicates}"] if duplicates else []


def _nonces(tree: Tree, response: TestResponse) -> list[str]:
    match = NONCE.search(response.headers.get("Content-Security-Policy", ""))
    if not match:
        return ["no CSP nonce in the Content-Security-Policy header"]
    return [
        f"<{tag.tag}> without the request's nonce"
        for tag in tree.xpath("//script | //style")
        if tag.get("nonce") != match.group(1)
    ]


def _summary(tree: Tree) -> Tree | None:
    found = tree.xpath("//*[contains(concat(' ', @class, ' '), ' govuk-error-summary ')]")
    return found[0] if found else None


def _error_links(tree: Tree) -> list[str]:
    summary = _summary(tree)
    if summary is None:
        return []
    ids = set(tree.xpath("//@id"))
    return [
        f"error summary link {href!r} points at no element"
        for href in (link.get("href", "") for link in summary.iter("a"))
        if not href.startswith("#") or href[1:] not in ids
    ]


def _language(tree: Tree, lang: str, direction: str) -> list[str]:
    if tree.tag != "html" or tree.get("lang") != lang or tree.get("dir") != direction:
        return [f"html should have lang={lang!r} dir={direction!r}"]
    return []


def _forms(tree: Tree) -> list[str]:
    problems = []
    for form in tree.iter("form"):
        if form.get("novalidate") is None:
            problems.append(f"form {form.get('action')!r} lacks novalidate")
        if (form.get("method") or "get").lower() == "post":
            tokens = form.xpath(".//input[@name='csrf_token']/@value")
            if not tokens or not tokens[0]:
                problems.append(f"form {form.get('action')!r} has no CSRF token")
    return problems


def parse(html: str) -> BeautifulSoup:
    """BeautifulSoup, for tests that look into a page; on lxml's parser, as the standard
    library's took about 40% of the Flask-client tests' time."""
    return BeautifulSoup(html, "lxml")


def tree_of(html: str) -> Tree:
    """lxml's own tree, for the lint on every page: building BeautifulSoup's tree in Python
    took half the time of a catalogue walk, and most pages are never looked into."""
    return lxml_html.document_fromstring(html)


#: words GOV.UK Frontend's components (or our own templates) would show in English if a
#: parameter were not passed translated: none may appear on a page in another language
COMPONENT_ENGLISH = frozenset(
    {
        "Skip to main content",
        "There is a problem",
        "Error:",
        "Error",
        "Back",
        "Service information",
        "Exit this page",
        "Loading.",
        "Exit this page expired.",
        "Warning",
        "Important",
        "Success",
        "Day",
        "Month",
        "Year",
        "Change",
        "Continue",
        "Completed",
        "Choose file",
        "No file chosen",
        "Hide",
        "Show",
        "or",
    }
)
#: longer component phrases, found anywhere in a text or an i18n attribute
COMPONENT_ENGLISH_PHRASES = (
    "You can enter up to",
    "characters remaining",
    "character remaining",
    "characters too many",
    "character too many",
    "more times to exit",
    "more time to exit",
    "files chosen",
)


def _english(tree: Tree, lang: str) -> list[str]:
    if lang == "en":
        return []
    found = set()
    texts = [str(t).strip() for t in tree.xpath("//text()[not(parent::script)]")]
    texts += [str(v) for v in tree.xpath(_I18N_ATTRIBUTES)]
    for text in texts:
        if text in COMPONENT_ENGLISH:
            found.add(text)
        found.update(phrase for phrase in COMPONENT_ENGLISH_PHRASES if phrase in text)
    return [f"English left on a {lang!r} page: {sorted(found)}"] if found else []


LABELS = {"aria-label", "title", "alt", "placeholder"}
_I18N_ATTRIBUTES = (
    "//@*[starts-with(name(), 'data-i18n') or "
    + " or ".join(f"name() = '{name}'" for name in sorted(LABELS))
    + "]"
)


def lint(response: TestResponse, lang: str = "en", direction: str = "ltr") -> Tree:
    tree = tree_of(response.get_data(as_text=True))
    problems = [
        *_headings(tree, lang),
        *_ids(tree),
        *_nonces(tree, response),
        *_error_links(tree),
        *_language(tree, lang, direction),
        *_forms(tree),
        *_english(tree, lang),
    ]
    if response.headers.get("Cache-Control") != "no-store":
        problems.append("HTML pages must be Cache-Control: no-store")
    if problems:
        raise PageError(f"{response.request.path}: " + "; ".join(problems))
    return tree
