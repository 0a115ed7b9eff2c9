"""/dev/outbox exists only when a developer asks for it, never in production, and shows
message bodies escaped with their links clickable."""

from __future__ import annotations

from portal import db
from portal.dev import linkify, paragraphs
from portal.notify import queue

LINK = "http://127.0.0.1:8000/track/abc.DEF_1-2?lang=cy&mode=easy"


def test_it_is_not_there_in_a_normal_app(client):
    client.page("/dev/outbox", expect=404)


def test_never_in_production_even_when_asked_for(app_factory):
    app = app_factory(PORTAL_ENV="production", DEV_OUTBOX=True)
    assert "dev" not in app.blueprints
    assert not any(rule.rule.startswith("/dev") for rule in app.url_map.iter_rules())


def test_it_lists_the_outbox_newest_first_with_bodies(app_factory):
    app = app_factory(DEV_OUTBOX=True)
    with app.app_context():
        data = db.session()
        queue(data, "first@example.org", "First <subject>", f"Hello.\n\nFollow it at {LINK}.")
        failed = queue(data, "+447700900982", "", "<script>alert(1)</script> text", "sms")
        failed.attempts, failed.last_error = 2, "OSError: relay down"
        data.commit()
    page = app.test_client().page("/dev/outbox")
    assert page.h1 == "Outbox"
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in page.soup.select("tbody tr")
    ]
    assert rows[0][:3] == ["+447700900982", "Text", ""]
    assert rows[0][4:] == ["Failed, will try again (2 attempts)", "OSError: relay down"]
    assert rows[1][:3] == ["first@example.org", "Email", "First <subject>"]
    assert rows[1][4] == "Waiting"
    body = page.response.get_data(as_text=True)
    assert "<script>alert(1)" not in body and "&lt;script&gt;alert(1)&lt;/script&gt; text" in body
    [link] = [a for a in page.soup.select("main a") if a.get("href", "").startswith("http")]
    assert link["href"] == LINK and link.get_text() == LINK
    assert link["class"] == ["govuk-link"]


def test_linkify_escapes_first_then_links():
    assert linkify("see https://a.example/x?y=1&z=2.") == (
        'see <a class="govuk-link" href="https://a.example/x?y=1&amp;z=2">'
        "https://a.example/x?y=1&amp;z=2</a>."
    )
    hostile = '<a href="javascript:alert(1)">x</a> "https://evil.example/"onmouseover=alert(1)'
    out = str(linkify(hostile))
    assert "<a href" not in out and "javascript:alert(1)&#34;" in out
    assert 'href="https://evil.example/"' in out, "the quote ends the link"
    assert "onmouseover=alert(1)" not in out.split("</a>")[0]
    assert str(linkify("(http://a.example/b)")) == (
        '(<a class="govuk-link" href="http://a.example/b">http://a.example/b</a>)'
    )
    assert str(linkify("ftp://a.example and javascript://x")) == (
        "ftp://a.example and javascript://x"
    )


def test_paragraphs_keep_line_breaks():
    assert str(paragraphs("One\ntwo\n\n\nThree <b>")) == (
        '<p class="govuk-body">One<br>\ntwo</p>\n<p class="govuk-body">Three &lt;b&gt;</p>'
    )
