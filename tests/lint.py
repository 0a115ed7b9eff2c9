"""Page linting: every HTML page fetched in tests is parsed and checked.

Catches at once the mistakes that audits keep finding: two h1s, a title that does not match
the heading or misses "Error: ", duplicate ids, scripts without the CSP nonce, error summary
links to nowhere, wrong lang or dir, forms without novalidate or a CSRF token.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from werkzeug.test import TestResponse

NONCE = re.compile(r"'nonce-([^']+)'")


def _text(node) -> str:
    return " ".join(node.get_text(" ").split())


class PageError(AssertionError):
    pass


def lint(response: TestResponse, lang: str = "en", direction: str = "ltr") -> BeautifulSoup:
    html = response.get_data(as_text=True)
    soup = BeautifulSoup(html, "html.parser")
    problems: list[str] = []

    h1s = soup.find_all("h1")
    if len(h1s) != 1:
        problems.append(f"expected one h1, found {len(h1s)}")
    title = _text(soup.title) if soup.title else ""
    has_errors = soup.select_one(".govuk-error-summary") is not None
    if h1s:
        heading = _text(h1s[0])
        expected = f"Error: {heading}" if has_errors else heading
        if not title.startswith(expected):
            problems.append(f"title {title!r} should start with {expected!r}")
    if not has_errors and title.startswith("Error"):
        problems.append("title says Error but the page has no error summary")

    ids = [tag["id"] for tag in soup.find_all(id=True)]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        problems.append(f"duplicate ids: {duplicates}")

    csp = response.headers.get("Content-Security-Policy", "")
    match = NONCE.search(csp)
    if not match:
        problems.append("no CSP nonce in the Content-Security-Policy header")
    else:
        for tag in soup.find_all(["script", "style"]):
            if tag.get("nonce") != match.group(1):
                problems.append(f"<{tag.name}> without the request's nonce")

    for link in soup.select(".govuk-error-summary a"):
        href = link.get("href", "")
        if not href.startswith("#") or soup.find(id=href[1:]) is None:
            problems.append(f"error summary link {href!r} points at no element")

    root = soup.find("html")
    if root is None or root.get("lang") != lang:
        problems.append(f"html lang should be {lang!r}")
    if root is None or root.get("dir") != direction:
        problems.append(f"html dir should be {direction!r}")

    for form in soup.find_all("form"):
        if not form.has_attr("novalidate"):
            problems.append(f"form {form.get('action')!r} lacks novalidate")
        if (form.get("method") or "get").lower() == "post":
            token = form.find("input", attrs={"name": "csrf_token"})
            if token is None or not token.get("value"):
                problems.append(f"form {form.get('action')!r} has no CSRF token")

    if response.headers.get("Cache-Control") != "no-store":
        problems.append("HTML pages must be Cache-Control: no-store")

    if problems:
        raise PageError(f"{response.request.path}: " + "; ".join(problems))
    return soup
