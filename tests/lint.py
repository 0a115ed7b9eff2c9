"""Page linting: every HTML page fetched in tests is parsed and checked.

Catches at once the mistakes that audits keep finding: two h1s, a title that does not match
the heading or misses "Error: ", duplicate ids, scripts without the CSP nonce, error summary
links to nowhere, wrong lang or dir, forms without novalidate or a CSRF token.
"""

from __future__ import annotations

import re
from collections import Counter

from bs4 import BeautifulSoup
from werkzeug.test import TestResponse

NONCE = re.compile(r"'nonce-([^']+)'")


class PageError(AssertionError):
    pass


def _text(node) -> str:
    return " ".join(node.get_text(" ").split())


def _headings(soup: BeautifulSoup) -> list[str]:
    h1s = soup.find_all("h1")
    if len(h1s) != 1:
        return [f"expected one h1, found {len(h1s)}"]
    title = _text(soup.title) if soup.title else ""
    heading = _text(h1s[0])
    has_errors = soup.select_one(".govuk-error-summary") is not None
    expected = f"Error: {heading}" if has_errors else heading
    if not title.startswith(expected):
        return [f"title {title!r} should start with {expected!r}"]
    return []


def _ids(soup: BeautifulSoup) -> list[str]:
    counts = Counter(tag["id"] for tag in soup.find_all(id=True))
    duplicates = sorted(i for i, n in counts.items() if n > 1)
    return [f"duplicate ids: {duplicates}"] if duplicates else []


def _nonces(soup: BeautifulSoup, response: TestResponse) -> list[str]:
    match = NONCE.search(response.headers.get("Content-Security-Policy", ""))
    if not match:
        return ["no CSP nonce in the Content-Security-Policy header"]
    return [
        f"<{tag.name}> without the request's nonce"
        for tag in soup.find_all(["script", "style"])
        if tag.get("nonce") != match.group(1)
    ]


def _error_links(soup: BeautifulSoup) -> list[str]:
    problems = []
    for link in soup.select(".govuk-error-summary a"):
        href = link.get("href", "")
        if not href.startswith("#") or soup.find(id=href[1:]) is None:
            problems.append(f"error summary link {href!r} points at no element")
    return problems


def _language(soup: BeautifulSoup, lang: str, direction: str) -> list[str]:
    root = soup.find("html")
    if root is None or root.get("lang") != lang or root.get("dir") != direction:
        return [f"html should have lang={lang!r} dir={direction!r}"]
    return []


def _forms(soup: BeautifulSoup) -> list[str]:
    problems = []
    for form in soup.find_all("form"):
        if not form.has_attr("novalidate"):
            problems.append(f"form {form.get('action')!r} lacks novalidate")
        if (form.get("method") or "get").lower() == "post":
            token = form.find("input", attrs={"name": "csrf_token"})
            if token is None or not token.get("value"):
                problems.append(f"form {form.get('action')!r} has no CSRF token")
    return problems


def lint(response: TestResponse, lang: str = "en", direction: str = "ltr") -> BeautifulSoup:
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    problems = [
        *_headings(soup),
        *_ids(soup),
        *_nonces(soup, response),
        *_error_links(soup),
        *_language(soup, lang, direction),
        *_forms(soup),
    ]
    if response.headers.get("Cache-Control") != "no-store":
        problems.append("HTML pages must be Cache-Control: no-store")
    if problems:
        raise PageError(f"{response.request.path}: " + "; ".join(problems))
    return soup
