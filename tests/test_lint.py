"""The page linter can fail: a deliberately broken page trips every check."""

from __future__ import annotations

from tests.lint import PageError, lint


def test_lint_catches_a_broken_page():
    """The linter itself must be able to fail."""
    from werkzeug.test import EnvironBuilder
    from werkzeug.wrappers import Response

    html = (
        '<html lang="cy"><head><title>Wrong</title></head><body><h1>A</h1><h1 id="x">B</h1>'
        '<p id="x"></p><script>1</script><div class="govuk-error-summary"><a href="#nope">e</a>'
        '</div><form method="post"></form></body></html>'
    )
    response = Response(html, mimetype="text/html")
    response.request = EnvironBuilder(path="/broken").get_request()
    try:
        lint(response)
    except PageError as error:
        message = str(error)
    else:
        raise AssertionError("a broken page passed the linter")
    for expected in (
        "one h1",
        "duplicate ids",
        "nonce",
        "#nope",
        "lang=",
        "novalidate",
        "CSRF",
        "no-store",
    ):
        assert expected in message, expected
