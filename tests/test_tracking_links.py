"""Tracking links: asked for at /track or sent in the receipt; signed, hashed, expiring,
revocable; a GET never signs in; a signed-in visit ends when idle."""

from __future__ import annotations

import hashlib
import re
import time
import uuid
from datetime import timedelta

from sqlalchemy import select, update

from portal import db
from portal.journey.drafts import SESSION_KEY as DRAFT_KEY
from portal.models import Draft, TrackingLink, utcnow
from tests.test_complaint import PARENT, case_with, complete, reference_on, sent
from tests.test_resume import mail_to

LINK = re.compile(r"https?://\S+(/track/\S+)")
SAME_WORDS = "If we have a complaint with that email address, we have sent a link to it"


def address() -> str:
    return f"carer-{uuid.uuid4().hex[:8]}@example.org"


#: per app, the answers of a parent's complaint sent through every page of the journey: a
#: later complaint that differs only in its email address and what happened starts from them,
#: with its draft saved as the journey saves it, and is sent through the real submit
_SENT_ANSWERS: dict[int, dict] = {}


def submitted(
    client, to: str | None = None, what: str | None = None, changes: dict | None = None
) -> tuple[str, str]:
    """A sent complaint from `to`, with `changes` to PARENT's answers by step; returns
    (address, reference). The journey's pages themselves are tested in test_complaint.py."""
    to = to or address()
    app = client.application
    template = _SENT_ANSWERS.get(id(app))
    if template is not None and not changes:
        answers = {**template, "contact_email": to}
        if what:
            answers["what_happened"] = what
        return to, _send(client, answers)
    contact = {"contact_methods": ["email"], "contact_email": to}
    every_change = {"contact-methods": contact, **(changes or {})}
    if what:
        every_change["what-happened"] = {"what_happened": what}
    complete(client, **every_change)
    reference = reference_on(sent(client))
    if not changes and not what:
        _SENT_ANSWERS[id(app)] = dict(case_with(app, reference).answers)
    return to, reference


def _send(client, answers: dict) -> str:
    with client.application.app_context():
        draft = Draft(answers=answers)
        db.session().add(draft)
        db.session().commit()
        draft_id = draft.id
    with client.session_transaction() as session:
        session[DRAFT_KEY] = draft_id
    return reference_on(sent(client))


def links_in(app, to: str) -> list[str]:
    """The tracking paths in the last email to `to`."""
    [message] = mail_to(app, to)[-1:]
    return [m.group(1) for m in LINK.finditer(message.get_content())]


def ask(client, to: str, reference: str = ""):
    return client.submit("/track", {"email": to, "reference": reference})


def sign_in(client, path: str):
    page = client.page(path)
    return client.post(path, data={"csrf_token": page.csrf()})


def rows(app, reference: str) -> list[TrackingLink]:
    case_id = case_with(app, reference).id
    with app.app_context():
        query = select(TrackingLink).where(TrackingLink.case_id == case_id)
        return list(db.session().scalars(query.order_by(TrackingLink.created_at)))


def set_links(app, reference: str, **values) -> None:
    case_id = case_with(app, reference).id
    with app.app_context():
        db.session().execute(
            update(TrackingLink).where(TrackingLink.case_id == case_id).values(**values)
        )
        db.session().commit()


# Asking for a link ----------------------------------------------------------------------------


def test_a_known_address_is_sent_a_link_in_the_same_words(app, client):
    to, reference = submitted(client)
    response = ask(app.test_client(), to.upper())
    assert response.status_code == 302 and response.location == "/track/sent"
    page = client.page("/track/sent")
    assert SAME_WORDS in page.text
    [message] = mail_to(app, to)[-1:]
    assert message["Subject"] == "Follow your complaint"
    body = message.get_content()
    assert reference[:3] + "-" + reference[3:6] in body
    assert to not in "".join(links_in(app, to)) and reference not in "".join(links_in(app, to))
    assert len(rows(app, reference)) == 2  # the receipt's and this one


def test_an_unknown_address_gets_the_same_answer_and_no_email(app, client):
    to = address()
    response = ask(client, to)
    assert response.status_code == 302 and response.location == "/track/sent"
    assert SAME_WORDS in client.page("/track/sent").text
    assert mail_to(app, to) == []


def test_a_reference_narrows_it_and_is_read_in_any_form(app, client):
    to, first = submitted(client)
    _to, second = submitted(app.test_client(), to)
    typed = f" {second[:3].lower()} {second[3:6]}-{second[6:].lower()} "
    assert ask(client, to, typed).location == "/track/sent"
    [path] = links_in(app, to)
    fresh = app.test_client()
    sign_in(fresh, path)
    assert second[:3] + "-" + second[3:6] in fresh.page("/track/case").text
    # Without a reference, every complaint from the address gets its own link, newest first.
    ask(client, to)
    assert len(links_in(app, to)) == 2


def test_a_mistyped_reference_is_explained(client):
    response = ask(client, address(), "BDF-4K7-MZZ")
    assert response.status_code == 200
    assert "Enter the reference as it is in the email" in response.get_data(as_text=True)


def test_links_are_rate_limited_per_email_and_per_address(app_factory):
    app = app_factory(RATELIMIT_ENABLED=True)
    client = app.test_client()
    to = address()
    for _ in range(5):
        assert ask(client, to).status_code == 302
    assert ask(client, to).status_code == 429
    assert ask(client, to.upper()).status_code == 429  # the same address, however typed
    for _ in range(15):
        assert ask(client, address()).status_code == 302
    assert ask(client, address()).status_code == 429  # the same client, other addresses
    # Typing mistakes are free.
    other = app_factory(RATELIMIT_ENABLED=True).test_client()
    for _ in range(8):
        assert ask(other, "name@").status_code == 200


# Opening a link -------------------------------------------------------------------------------


def test_the_receipt_link_signs_in_from_a_fresh_browser(app, client):
    to, reference = submitted(client, what="Nobody came. <script>alert(1)</script>")
    [path] = links_in(app, to)
    fresh = app.test_client()
    response = sign_in(fresh, path)
    assert response.status_code == 302 and response.location == "/track/case"
    page = fresh.page("/track/case")
    assert reference[:3] + "-" + reference[3:6] + "-" + reference[6:] in page.text
    assert "A social worker or social work team" in page.text
    assert "<script>alert(1)</script>" in page.text  # shown as text
    assert page.soup.find("script", string=re.compile("alert")) is None
    [row] = rows(app, reference)
    assert row.used_at is not None
    # It works again until it expires or is stopped.
    again = app.test_client()
    assert sign_in(again, path).location == "/track/case"


def test_a_get_alone_changes_nothing(app, client):
    to, reference = submitted(client)
    [path] = links_in(app, to)
    scanner = app.test_client()
    for _ in range(3):
        page = scanner.page(path)
        assert page.soup.find("form", attrs={"data-portal-auto-submit": True})
    [row] = rows(app, reference)
    assert row.used_at is None
    assert scanner.get("/track/case").location == "/track"


def test_a_trailing_punctuation_mark_is_tolerated(app, client):
    to, _reference = submitted(client)
    [path] = links_in(app, to)
    for mark in (".", ")", ",", ">", "]", ")."):
        fresh = app.test_client()
        assert fresh.page(path + mark).status == 200
        assert sign_in(fresh, path + mark).location == "/track/case"


def test_an_expired_link_offers_a_new_one(app, client):
    to, reference = submitted(client)
    [path] = links_in(app, to)
    set_links(app, reference, expires_at=utcnow() - timedelta(seconds=1))
    fresh = app.test_client()
    page = fresh.page(path, expect=410)
    assert page.h1 == "This link has expired"
    assert page.soup.find("a", string="Send me a new link")["href"] == "/track"
    assert fresh.post(path, data={"csrf_token": "x"}).status_code in {400, 410}


def test_a_link_older_than_its_signature_allows_has_expired(app_factory):
    app = app_factory()
    client = app.test_client()
    to, _reference = submitted(client)
    [path] = links_in(app, to)
    app.config["TRACKING_LINK_DAYS"] = 0
    time.sleep(1.1)
    assert client.page(path, expect=410).h1 == "This link has expired"


def test_a_tampered_link_is_not_found(app, client):
    to, _reference = submitted(client)
    [path] = links_in(app, to)
    tampered = path[:-3] + ("AAA" if not path.endswith("AAA") else "BBB")
    page = client.page(tampered, expect=404)
    assert page.h1 == "This link does not work"
    assert page.soup.find("a", string="Send me a new link")["href"] == "/track"
    assert client.page("/track/not-a-token", expect=404)


def test_a_token_re_signed_with_the_key_still_needs_its_hash(app, client):
    from itsdangerous import URLSafeTimedSerializer

    to, reference = submitted(client)
    [row] = rows(app, reference)
    time.sleep(1.1)  # a token signed now carries a different timestamp
    forged = URLSafeTimedSerializer("test-secret", salt="tracking-link").dumps(row.id)
    [path] = links_in(app, to)
    assert path != f"/track/{forged}"
    client.page(f"/track/{forged}", expect=404)


def test_the_token_is_not_stored_in_clear(app, client):
    to, reference = submitted(client)
    [path] = links_in(app, to)
    token = path.removeprefix("/track/")
    [row] = rows(app, reference)
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    # The link table holds only the hash. (The outbox keeps the email as sent, link and all.)
    with app.app_context():
        dump = [str(v) for r in db.session().execute(select(TrackingLink.__table__)) for v in r]
    assert dump and not any(token in value or value in token for value in dump if len(value) > 8)


# Signed in ------------------------------------------------------------------------------------


def signed_in(app, client) -> tuple[object, str, str]:
    to, reference = submitted(client)
    [path] = links_in(app, to)
    browser = app.test_client()
    sign_in(browser, path)
    return browser, path, reference


def test_signing_out(app, client):
    browser, path, _reference = signed_in(app, client)
    page = browser.page("/track/case")
    response = browser.post("/track/sign-out", data={"csrf_token": page.csrf()})
    assert response.location == "/track/signed-out"
    assert browser.page("/track/signed-out").h1 == "You have signed out"
    assert browser.get("/track/case").location == "/track"
    # The link itself still works.
    assert sign_in(browser, path).location == "/track/case"


def test_signing_out_everywhere_stops_every_link(app, client):
    browser, path, reference = signed_in(app, client)
    other = app.test_client()
    sign_in(other, path)
    page = browser.page("/track/case")
    response = browser.post("/track/sign-out-everywhere", data={"csrf_token": page.csrf()})
    assert response.location == "/track/signed-out?everywhere=1"
    assert browser.page(response.location).h1 == "You have signed out everywhere"
    assert all(row.revoked_at is not None for row in rows(app, reference))
    assert other.page("/track/case").h1 == "You have been signed out"
    stopped = app.test_client().page(path, expect=410)
    assert stopped.h1 == "This link has been stopped"
    assert stopped.soup.find("a", string="Send me a new link")


def test_an_idle_visit_is_signed_out(app, client):
    browser, _path, _reference = signed_in(app, client)
    with browser.session_transaction() as session:
        session["track_seen"] -= app.config["TRACKING_IDLE_MINUTES"] * 60 + 1
    page = browser.page("/track/case")
    assert page.h1 == "You have been signed out"
    assert "had not used the page for a while" in page.text
    assert browser.get("/track/case").location == "/track"


def test_a_visit_keeps_going_while_pages_are_opened(app, client):
    browser, _path, _reference = signed_in(app, client)
    with browser.session_transaction() as session:
        session["track_seen"] -= app.config["TRACKING_IDLE_MINUTES"] * 60 - 60
    assert browser.page("/track/case").h1 == "Your complaint"
    with browser.session_transaction() as session:
        assert time.time() - session["track_seen"] < 60


def test_signing_in_forgets_what_the_browser_held_except_its_settings(app, client):
    to, _reference = submitted(client)
    [path] = links_in(app, to)
    with client.session_transaction() as session:
        session["lang"] = "en"
        session["draft_id"] = "someone-elses"
    sign_in(client, path)
    with client.session_transaction() as session:
        assert session.get("lang") == "en"
        assert "draft_id" not in session
        assert "track_case" in session


def test_no_personal_data_in_links(app, client):
    to, reference = submitted(client)
    [path] = links_in(app, to)
    for value in (to, reference, PARENT["your-name"]["your_name"], "Sam"):
        assert value.lower() not in path.lower()


def test_known_and_unknown_addresses_take_much_the_same_time(app_factory):
    """Over a real server: the email is sent after the response has gone, so the time /track
    takes does not say whether it knew the address."""
    import statistics
    import threading
    import urllib.parse
    import urllib.request
    from http.cookiejar import CookieJar

    from werkzeug.serving import make_server

    app = app_factory()
    known, _reference = submitted(app.test_client())
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    try:
        form = opener.open(f"{base}/track").read().decode()
        token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)

        def timed(address: str) -> float:
            data = urllib.parse.urlencode({"csrf_token": token, "email": address}).encode()
            started = time.perf_counter()
            with opener.open(f"{base}/track", data=data) as response:
                assert SAME_WORDS in response.read().decode()
            return time.perf_counter() - started

        timed(known), timed(address())  # warm up both paths
        times: dict[str, list[float]] = {"known": [], "unknown": []}
        for _ in range(12):
            times["known"].append(timed(known))
            times["unknown"].append(timed(address()))
    finally:
        server.shutdown()
        server.server_close()
    known_median = statistics.median(times["known"])
    unknown_median = statistics.median(times["unknown"])
    # A known address costs a link row and an outbox row (a few milliseconds, more on a busy
    # machine); sending the email itself, the slow and telling part, would cost far more.
    assert known_median < unknown_median * 2 + 0.015, times
    deadline = time.time() + 5
    while len(mail_to(app, known)) < 14 and time.time() < deadline:
        time.sleep(0.05)
    assert len(mail_to(app, known)) == 14, "every known request sent its email"
