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


def test_lint_catches_english_left_on_a_translated_error_page():
    from werkzeug.test import EnvironBuilder
    from werkzeug.wrappers import Response

    html = (
        '<html lang="pl" dir="ltr"><head><title>Pytanie</title></head><body>'
        '<a href="#main" aria-label="Skip to main content">Przejdź</a>'
        '<div class="govuk-error-summary"><h2>There is a problem</h2><a href="#q">Błąd</a></div>'
        '<h1>Pytanie</h1><input id="q"></body></html>'
    )
    response = Response(html, mimetype="text/html", headers={"Cache-Control": "no-store"})
    response.request = EnvironBuilder(path="/pl").get_request()
    try:
        lint(response, lang="pl")
    except PageError as error:
        message = str(error)
    else:
        raise AssertionError("English on a Polish page passed the linter")
    assert "should start with 'Error: Pytanie'" in message
    assert "English left on a 'pl' page: ['Skip to main content', 'There is a problem']" in message
    assert "points at no element" not in message
