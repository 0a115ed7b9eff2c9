"""Save and come back later: a link by email that is signed, expires and works once."""

from __future__ import annotations

import email
import re
import threading
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import delete, select, update

from portal import db
from portal.models import Draft, ResumeLink, utcnow
from tests.lint import parse
from tests.test_drafts import age_all_drafts
from tests.test_feedback import answer

LINK = re.compile(r"https?://\S+(/resume/\S+)")
MESSAGE = "The foster care team were wonderful"


def address() -> str:
    return f"parent-{uuid.uuid4().hex[:8]}@example.org"


def mail_to(app, to: str) -> list[email.message.EmailMessage]:
    """Every email delivered to `to`, oldest first, as the outbox folder holds them."""
    found = []
    for path in sorted(
        Path(app.config["OUTBOX_DIR"]).glob("*.eml"), key=lambda p: p.stat().st_mtime_ns
    ):
        parsed = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if parsed["To"] == to:
            found.append(parsed)
    return found


def start_a_compliment(client) -> None:
    answer(client, kind="compliment", message=MESSAGE, team="Fostering")


def save(client, app, to: str | None = None) -> str:
    """Ask for a link; returns its path, read from the email."""
    to = to or address()
    response = client.submit("/save", {"email": to})
    assert response.status_code == 302, response.status_code
    assert response.location.endswith("/save/sent")
    [message] = mail_to(app, to)[-1:]
    return LINK.search(message.get_content()).group(1)


def spend(client, path: str):
    page = client.page(path)
    return client.post(path, data={"csrf_token": page.csrf()})


def links(app) -> list[ResumeLink]:
    with app.app_context():
        return db.session().scalars(select(ResumeLink).order_by(ResumeLink.created_at)).all()


def set_link(app, **values) -> None:
    with app.app_context():
        db.session().execute(update(ResumeLink).values(**values))
        db.session().commit()


# Asking for a link ----------------------------------------------------------------------------


def test_question_pages_offer_save_and_come_back_later(client):
    answer(client, kind="compliment")
    link = client.page("/feedback/message").soup.find("a", string="Save and come back later")
    assert link["href"] == "/save"


def test_without_a_draft_there_is_nothing_to_save(client):
    assert client.get("/save").location.endswith("/")
    assert client.get("/save/sent").location.endswith("/")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Enter your email address"),
        ("   ", "Enter your email address"),
        ("name@", "Enter an email address in the correct format, like name@example.com"),
        ("a" * 250 + "@example.org", "Email address must be 254 characters or fewer"),
    ],
)
def test_the_email_address_is_checked(client, value, message):
    start_a_compliment(client)
    response = client.submit("/save", {"email": value})
    assert response.status_code == 200
    soup = parse(response.get_data(as_text=True))
    assert soup.title.get_text().startswith("Error: Save your answers and come back later")
    summary = [a.get_text(" ", strip=True) for a in soup.select(".govuk-error-summary a")]
    assert summary == [message]
    assert soup.select_one(".govuk-error-message").get_text(" ", strip=True).endswith(message)
    assert soup.find("input", attrs={"name": "email"})["type"] == "email"


def test_the_save_page_is_private(client):
    start_a_compliment(client)
    page = client.page("/save")
    assert page.h1 == "Save your answers and come back later"
    assert page.soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.response.headers["Cache-Control"] == "no-store"
    assert page.soup.select_one(".govuk-back-link")["href"] == "/feedback/"


def test_sending_says_where_and_until_when(app, client):
    start_a_compliment(client)
    to = "<b>x</b>@example.org"
    response = client.submit("/save", {"email": to})
    assert response.location.endswith("/save/sent")
    sent = client.page("/save/sent")
    assert sent.h1 == "We have emailed you a link"
    assert f"We sent a link to {to}." in sent.text
    assert "<b>x</b>" not in sent.response.get_data(as_text=True), "the address is escaped"
    expires = links(app)[-1].expires_at
    in_words = f"{expires.day} {expires:%B %Y}"
    assert f"The link works once. It stops working on {in_words}." in sent.text
    assert sent.soup.find("a", string="Carry on now")["href"] == "/feedback/"
    assert "close the browser now" in sent.text
    assert sent.soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_the_email_has_the_link_and_none_of_the_answers(app, client):
    start_a_compliment(client)
    to = address()
    path = save(client, app, to)
    [message] = mail_to(app, to)
    body = message.get_content()
    assert message["Subject"] == "Continue your complaint, compliment or comment"
    assert f"http://127.0.0.1:8000{path}" in body
    assert "The link works once. It stops working on" in body
    assert "If you did not ask for this email, you can ignore it." in body
    for answer_text in (MESSAGE, "Fostering", "compliment\n"):
        assert answer_text not in body


def test_no_email_address_is_kept_with_the_link(app, client):
    start_a_compliment(client)
    to = address()
    save(client, app, to)
    link = links(app)[-1]
    assert set(ResumeLink.__table__.columns.keys()) == {
        "id",
        "draft_id",
        "created_at",
        "expires_at",
        "used_at",
    }
    assert to not in repr(vars(link))


def test_a_link_lasts_a_week_but_never_past_its_draft(app_factory):
    app = app_factory(RESUME_LINK_DAYS=7, DRAFT_LIFETIME_DAYS=28)
    client = app.test_client()
    start_a_compliment(client)
    save(client, app)
    lifetime = links(app)[-1].expires_at - links(app)[-1].created_at
    assert timedelta(days=7) - timedelta(seconds=5) < lifetime <= timedelta(days=7)

    age_all_drafts(app, 25)
    save(client, app)
    with app.app_context():
        draft = db.session().scalars(select(Draft)).one()
        latest = (
            db.session().scalars(select(ResumeLink).order_by(ResumeLink.created_at.desc())).first()
        )
        assert latest.expires_at == draft.updated_at + timedelta(days=28)


def test_after_saving_the_cookie_ends_with_the_browser(app, client):
    start_a_compliment(client)
    token = client.page("/save").csrf()
    response = client.post("/save", data={"csrf_token": token, "email": address()})
    cookie = response.headers["Set-Cookie"]
    assert "portal_session=" in cookie and "Expires=" not in cookie


def test_finish_for_now_leaves_nothing_in_the_browser(app, client):
    start_a_compliment(client)
    path = save(client, app)
    response = client.post("/save/sent", data={"csrf_token": client.page("/save/sent").csrf()})
    assert response.location.endswith("/")
    assert client.get("/feedback/").location.endswith("/feedback/kind")
    other = app.test_client()
    assert spend(other, path).location.endswith("/feedback/")


def test_sending_is_rate_limited_per_client(app_factory):
    app = app_factory(RATELIMIT_ENABLED=True, TRUSTED_PROXY_HOPS=1)
    client = app.test_client()
    start_a_compliment(client)
    token = client.page("/save").csrf()

    def post(value, ip="203.0.113.7"):
        return client.post(
            "/save",
            data={"csrf_token": token, "email": value},
            headers={"X-Forwarded-For": ip},
        )

    assert [post("typo@").status_code for _ in range(3)] == [200] * 3, "mistakes do not count"
    assert [post(address()).status_code for _ in range(5)] == [302] * 5
    limited = post(address())
    assert limited.status_code == 429
    assert "Too many attempts" in limited.get_data(as_text=True)
    assert post(address(), ip="203.0.113.8").status_code == 302, "another person is not limited"


# Coming back ----------------------------------------------------------------------------------


def test_the_link_carries_on_in_another_browser(app, client):
    start_a_compliment(client)
    path = save(client, app)
    other = app.test_client()
    first = other.page(path)
    assert first.h1 == "Continue your complaint, compliment or comment"
    assert first.soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    button = first.soup.select_one("form button")
    assert "Continue where you left off" in button.get_text()
    assert links(app)[-1].used_at is None
    again = other.page(path)
    assert links(app)[-1].used_at is None, "opening the link (as mail scanners do) never spends it"

    response = other.post(path, data={"csrf_token": again.csrf()})
    assert response.location.endswith("/feedback/")
    assert other.get("/feedback/").location.endswith("/feedback/reply")
    assert other.page("/feedback/message").soup.find("textarea").get_text().strip() == MESSAGE
    assert links(app)[-1].used_at is not None


def test_a_complaint_carries_on_at_the_scope_check(app, client):
    answer(client, kind="complaint")
    path = save(client, app)
    other = app.test_client()
    assert spend(other, path).location.endswith("/feedback/")
    assert other.get("/feedback/").location.endswith("/check/")


def test_a_link_works_once(app, client):
    start_a_compliment(client)
    path = save(client, app)
    other, third = app.test_client(), app.test_client()
    page, later = other.page(path), third.page(path)
    assert other.post(path, data={"csrf_token": page.csrf()}).status_code == 302
    second = third.post(path, data={"csrf_token": later.csrf()})
    assert second.status_code == 410
    assert "This link has already been used" in second.get_data(as_text=True)
    # The browser that used it goes back to the answers it holds, as after the back button.
    assert other.get(path).location.endswith("/feedback/")
    used = app.test_client().page(path, expect=410)
    assert used.h1 == "This link has already been used"
    assert "Start again" in used.text and "complaints team" in used.text.lower()
    assert used.soup.select_one(".app-contact"), "the complaints team's contact details"


def test_two_spends_at_once_make_one_success(app, client):
    start_a_compliment(client)
    path = save(client, app)
    browsers = [app.test_client() for _ in range(2)]
    tokens = [b.page(path).csrf() for b in browsers]
    barrier = threading.Barrier(2)
    codes: list[int] = []

    def press(browser, token):
        barrier.wait()
        codes.append(browser.post(path, data={"csrf_token": token}).status_code)

    threads = [
        threading.Thread(target=press, args=pair) for pair in zip(browsers, tokens, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(codes) == [302, 410]


def test_the_spend_is_a_single_conditional_update(app, client):
    from portal.journey.resume import _spend

    start_a_compliment(client)
    save(client, app)
    link_id = links(app)[-1].id
    with app.test_request_context():
        assert _spend(link_id) is True
        assert _spend(link_id) is False


def test_an_expired_link_says_so(app, client):
    start_a_compliment(client)
    path = save(client, app)
    set_link(app, expires_at=utcnow() - timedelta(minutes=1))
    other = app.test_client()
    page = other.page(path, expect=410)
    assert page.h1 == "This link has expired"
    assert page.soup.find("a", string="Start again")["href"] == "/"
    assert page.soup.select_one(".app-contact")
    assert not page.soup.select("form button")


def test_a_link_whose_draft_was_purged_has_expired(app_factory):
    app = app_factory(DRAFT_LIFETIME_DAYS=28)
    client = app.test_client()
    start_a_compliment(client)
    path = save(client, app)
    age_all_drafts(app, 29)
    assert app.test_client().page(path, expect=410).h1 == "This link has expired"
    app.test_cli_runner().invoke(args=["drafts", "purge"])
    assert app.test_client().page(path, expect=410).h1 == "This link has expired"


def test_a_link_whose_row_was_cleared_away_has_expired(app, client):
    start_a_compliment(client)
    path = save(client, app)
    with app.app_context():
        db.session().execute(delete(ResumeLink))
        db.session().commit()
    assert app.test_client().page(path, expect=410).h1 == "This link has expired"


@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: token[: len(token) // 2],
        lambda token: "not-a-token",
        lambda token: URLSafeTimedSerializer("test-secret", salt="other-purpose").dumps(
            token.split(".")[0]
        ),
        lambda token: URLSafeTimedSerializer("another-secret", salt="resume-link").dumps("x" * 43),
    ],
)
def test_a_tampered_link_does_not_work(app, client, mangle):
    start_a_compliment(client)
    path = save(client, app)
    token = path.rsplit("/", 1)[1]
    bad = f"/resume/{mangle(token)}"
    other = app.test_client()
    page = other.page(bad, expect=404)
    assert page.h1 == "This link does not work"
    assert "copied the whole link" in page.text
    assert not page.soup.select("form button")
    response = other.post(bad, data={})
    assert response.status_code in (400, 404)
    assert links(app)[-1].used_at is None


def test_a_sent_draft_cannot_be_opened_again(app, client):
    answer(client, kind="comment", message="More evening visits", team="", reply="no")
    path = save(client, app)
    client.post("/feedback/submit", data={"csrf_token": client.page("/feedback/result").csrf()})
    page = app.test_client().page(path, expect=410)
    assert page.h1 == "These answers have already been sent"


def test_a_shared_computer_forgets_the_last_person(app, client):
    """Someone else's link, opened where a compliment was just sent, shows only their answers."""
    start_a_compliment(client)
    path = save(client, app)

    shared = app.test_client()
    answer(shared, kind="comment", message="Earlier visitor", team="", reply="no")
    shared.post("/feedback/submit", data={"csrf_token": shared.page("/feedback/result").csrf()})
    assert shared.get("/feedback/confirmation").status_code == 200
    shared.get("/?lang=en")

    assert spend(shared, path).location.endswith("/feedback/")
    assert shared.get("/feedback/confirmation").location.endswith("/"), "last case forgotten"
    assert shared.page("/feedback/message").soup.find("textarea").get_text().strip() == MESSAGE
    with shared.session_transaction() as cookie:
        assert set(cookie) <= {"draft", "lang", "mode", "_permanent", "csrf_token"}
        assert cookie.permanent


def test_a_lost_session_shows_the_button_again(app, client):
    start_a_compliment(client)
    path = save(client, app)
    other = app.test_client()
    response = other.post(path, data={"csrf_token": "stale"})
    assert response.status_code == 400
    soup = parse(response.get_data(as_text=True))
    assert soup.select_one(".govuk-error-summary a")["href"] == "#continue"
    token = soup.find("input", attrs={"name": "csrf_token"})["value"]
    assert other.post(path, data={"csrf_token": token}).status_code == 302


def test_a_lost_session_on_the_save_page_keeps_the_address(app, client):
    start_a_compliment(client)
    client.page("/save")
    response = client.post("/save", data={"csrf_token": "stale", "email": "kept@example.org"})
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert 'value="kept@example.org"' in body
    assert "The link was not sent" in body
