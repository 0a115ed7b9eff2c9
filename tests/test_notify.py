"""The outbox and its three senders, each against a real protocol peer on localhost:
aiosmtpd for SMTP, an HTTP server standing in for the GOV.UK Notify API."""

from __future__ import annotations

import email
import email.policy
import json
import logging
import socket
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy.orm import Session

from portal.db import _engine_for, upgrade
from portal.models import OutboxMessage, utcnow
from portal.notify import (
    BACKOFF_MINUTES,
    MAX_ATTEMPTS,
    Delivery,
    backoff,
    deliver_pending,
    queue,
    sender_for,
)
from portal.notify.senders import FileSender, NotifySender, SmtpSender

HOSTILE = "Ünïcödé <b>bold</b> \u202eRTL\u202c 😀 '; DROP TABLE outbox;--\r\n.\r\nQUIT\r\n"
API_KEY = (
    "test-" + "26785a09-ab16-4eb0-8407-a37497a57506" + "-" + "3d844edf-8d35-48ac-975b-e847b4f122b0"
)
EMAIL_TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a"
SMS_TEMPLATE = "9a1c1a9e-56a8-4f0e-a5b2-3c1f8b1e2d4f"


@pytest.fixture
def session(tmp_path):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    upgrade(url)
    engine = _engine_for(url)
    with Session(engine) as session:
        yield session
    engine.dispose()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def lines(text: str) -> str:
    """Email has lines, not line endings: compare with one kind of ending."""
    return text.replace("\r\n", "\n")


def aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)  # SQLite gives naive UTC


class Relay:
    """An aiosmtpd handler that keeps what it accepts, or refuses every message."""

    def __init__(self) -> None:
        self.received = []
        self.refuse: str | None = None

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return self.refuse
        self.received.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def relay():
    handler = Relay()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    handler.url = f"smtp://127.0.0.1:{controller.port}"
    yield handler
    controller.stop()


@pytest.fixture
def notify_api():
    """A stand-in for the Notify API: records each call and answers `status` (201 by default)."""

    class Api(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers["Content-Length"])
            server.calls.append(
                (self.path, self.headers["Authorization"], json.loads(self.rfile.read(length)))
            )
            self.send_response(server.status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            if server.status == 201:
                self.wfile.write(b'{"id": "740e5834-3a29-46b4-9a6f-16142fde533a"}')
            else:
                body = {"status_code": server.status, "errors": [{"error": "X", "message": "no"}]}
                self.wfile.write(json.dumps(body).encode())

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Api)
    server.calls = []
    server.status = 201
    server.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def notify_sender(api, sms_template: str = SMS_TEMPLATE) -> NotifySender:
    sender = sender_for(
        {
            "NOTIFY_API_KEY": API_KEY,
            "NOTIFY_TEMPLATE_ID": EMAIL_TEMPLATE,
            "NOTIFY_SMS_TEMPLATE_ID": sms_template,
            "NOTIFY_BASE_URL": api.base_url,
        }
    )
    assert isinstance(sender, NotifySender)
    return sender


# Backoff --------------------------------------------------------------------------------------


def test_backoff_waits_longer_each_time_then_gives_up():
    waits = [backoff(n) for n in range(1, MAX_ATTEMPTS + 1)]
    assert waits[:-1] == [timedelta(minutes=m) for m in BACKOFF_MINUTES]
    assert waits[-1] is None
    assert all(a < b for a, b in zip(waits[:-2], waits[1:-1], strict=True))
    assert backoff(MAX_ATTEMPTS + 3) is None


# The folder -----------------------------------------------------------------------------------


def test_the_default_sender_writes_files(session, tmp_path):
    sender = sender_for({"OUTBOX_DIR": str(tmp_path / "out")})
    assert isinstance(sender, FileSender)
    queue(session, "parent@example.org", "Your complaint", f"Body {HOSTILE}")
    session.commit()
    assert deliver_pending(session, sender) == Delivery(sent=1)
    [path] = (tmp_path / "out").glob("*.eml")
    parsed = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert parsed["To"] == "parent@example.org"
    assert parsed.get_content() == f"Body {lines(HOSTILE)}"
    assert session.query(OutboxMessage).one().sent_at is not None
    assert deliver_pending(session, sender) == Delivery(), "nothing is sent twice"


def test_the_folder_takes_texts_and_logs_where_each_message_went(session, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="portal.notify")
    sender = FileSender(str(tmp_path / "out"), "no-reply@example.org")
    link = "http://127.0.0.1:8000/track/abc.DEF-123?lang=cy"
    queue(session, "+447700900982", "", f"Ref ABC-DEF-GHI. See {link}.", channel="sms")
    queue(session, "a@example.org", "Subject", f"Follow it at {link}\nor (https://x.example/y).")
    session.commit()
    assert deliver_pending(session, sender) == Delivery(sent=2)
    [text] = (tmp_path / "out").glob("*.sms.txt")
    assert text.read_text() == f"To: +447700900982\n\nRef ABC-DEF-GHI. See {link}.\n"
    sms_log, email_log = [r.getMessage() for r in caplog.records if r.name == "portal.notify"]
    assert str(text) in sms_log
    assert sms_log.endswith(f"link: {link}"), "no full stop stuck to the link"
    assert "Ref ABC" not in sms_log, "the log names the file, it does not copy the message"
    assert email_log.splitlines()[1:] == [f"  link: {link}", "  link: https://x.example/y"]


def test_development_shows_the_outbox_log_and_tests_do_not(app_factory):
    logger = logging.getLogger("portal.notify")
    before = logger.level
    try:
        app_factory()
        assert not logger.isEnabledFor(logging.INFO)
        app_factory(TESTING=False)
        assert logger.isEnabledFor(logging.INFO)
    finally:
        logger.setLevel(before)


# SMTP -----------------------------------------------------------------------------------------


def test_smtp_sender_delivers_to_a_relay(session, relay):
    sender = sender_for({"SMTP_URL": relay.url, "OUTBOX_DIR": "unused"})
    assert isinstance(sender, SmtpSender)
    subject = "Ünïcödé — reference BDF-4K7-MZQ"
    message = queue(session, "young.person@example.org", subject, HOSTILE)
    session.commit()
    assert deliver_pending(session, sender) == Delivery(sent=1)
    [envelope] = relay.received
    assert envelope.mail_from == "no-reply@example.org"
    assert envelope.rcpt_tos == ["young.person@example.org"]
    parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
    assert parsed["Subject"] == subject
    assert parsed["To"] == "young.person@example.org"
    assert parsed["X-Portal-Reference"] == f"message-{message.id}"
    assert lines(parsed.get_content()) == lines(HOSTILE), "dots unstuffed, no QUIT"


def test_a_refused_connection_is_recorded_and_tried_later_then_given_up(session):
    port = free_port()  # nothing listens here
    sender = SmtpSender(f"smtp://127.0.0.1:{port}", "no-reply@example.org", timeout=2)
    queue(session, "a@example.org", "s", "b")
    session.commit()
    start = utcnow()
    assert deliver_pending(session, sender, now=start) == Delivery(failed=1)
    message = session.query(OutboxMessage).one()
    assert message.attempts == 1 and message.sent_at is None
    assert "ConnectionRefusedError" in message.last_error
    assert aware(message.next_attempt_at) == start + timedelta(minutes=BACKOFF_MINUTES[0])
    early = start + timedelta(seconds=30)
    assert deliver_pending(session, sender, now=early) == Delivery(), "not due yet"
    results = []
    while message.given_up_at is None:
        results.append(deliver_pending(session, sender, now=aware(message.next_attempt_at)))
    assert results[-1] == Delivery(given_up=1)
    assert results[:-1] == [Delivery(failed=1)] * (MAX_ATTEMPTS - 2)
    assert message.attempts == MAX_ATTEMPTS and message.sent_at is None
    later = start + timedelta(days=30)
    assert deliver_pending(session, sender, now=later) == Delivery(), "given up means given up"
    assert session.query(OutboxMessage).count() == 1, "the failure is kept"


def test_a_relay_that_rejects_the_message_is_a_failure(session, relay):
    relay.refuse = "554 Transaction failed: rejected"
    sender = SmtpSender(relay.url, "no-reply@example.org")
    queue(session, "a@example.org", "s", "b")
    session.commit()
    assert deliver_pending(session, sender) == Delivery(failed=1)
    message = session.query(OutboxMessage).one()
    assert message.last_error.startswith("SMTPDataError") and "rejected" in message.last_error
    assert message.next_attempt_at is not None


def test_smtp_cannot_send_texts_so_they_are_given_up_at_once(session, relay):
    sender = SmtpSender(relay.url, "no-reply@example.org")
    queue(session, "+447700900982", "", "A text", channel="sms")
    queue(session, "a@example.org", "s", "An email")
    session.commit()
    assert deliver_pending(session, sender) == Delivery(sent=1, given_up=1)
    text = session.query(OutboxMessage).filter_by(channel="sms").one()
    assert text.given_up_at is not None and text.sent_at is None
    assert text.last_error.startswith("no SMS sender configured")
    assert len(relay.received) == 1


def test_only_the_messages_asked_for_are_tried(session, relay):
    sender = SmtpSender(relay.url, "no-reply@example.org")
    old = queue(session, "old@example.org", "s", "backlog")
    new = queue(session, "new@example.org", "s", "just queued")
    session.commit()
    assert deliver_pending(session, sender, only=[new.id]) == Delivery(sent=1)
    assert [e.rcpt_tos for e in relay.received] == [["new@example.org"]]
    assert old.sent_at is None and old.attempts == 0


# GOV.UK Notify --------------------------------------------------------------------------------


def test_notify_sender_speaks_the_notify_api(session, notify_api):
    sender = notify_sender(notify_api)
    queue(session, "carer@example.org", "Subject line", HOSTILE)
    text = queue(session, "+447700900982", "", f"Text {HOSTILE}", channel="sms")
    session.commit()
    assert deliver_pending(session, sender) == Delivery(sent=2)
    (email_path, authorisation, email_payload), (sms_path, _, sms_payload) = notify_api.calls
    assert email_path == "/v2/notifications/email"
    assert authorisation.startswith("Bearer ")
    assert email_payload["email_address"] == "carer@example.org"
    assert email_payload["template_id"] == EMAIL_TEMPLATE
    assert email_payload["personalisation"] == {"subject": "Subject line", "body": HOSTILE}
    assert sms_path == "/v2/notifications/sms"
    assert sms_payload == {
        "phone_number": "+447700900982",
        "template_id": SMS_TEMPLATE,
        "personalisation": {"body": f"Text {HOSTILE}"},
        "reference": f"message-{text.id}",
    }


def test_notify_errors_are_failures_and_texts_need_their_template(session, notify_api):
    notify_api.status = 500
    queue(session, "carer@example.org", "s", "b")
    queue(session, "+447700900982", "", "t", channel="sms")
    session.commit()
    assert deliver_pending(session, notify_sender(notify_api, sms_template="")) == Delivery(
        failed=1, given_up=1
    )
    mail, text = session.query(OutboxMessage).order_by(OutboxMessage.id).all()
    assert mail.last_error.startswith("HTTPError") and mail.next_attempt_at is not None
    assert text.last_error == "no SMS sender configured (NOTIFY_SMS_TEMPLATE_ID is not set)"
    assert len(notify_api.calls) == 1, "no text was attempted"


# The command line -----------------------------------------------------------------------------


def test_cli_sends_the_outbox(app_factory, tmp_path):
    app = app_factory(OUTBOX_DIR=str(tmp_path / "cli-out"))
    with app.app_context():
        from portal import db

        queue(db.session(), "x@example.org", "s", "b")
        db.session().commit()
    result = app.test_cli_runner().invoke(args=["notify", "send"])
    assert "sent 1, failed 0, given up 0" in result.output
    assert list((tmp_path / "cli-out").glob("*.eml"))


def test_cli_watch_keeps_delivering_until_stopped(app_factory, tmp_path, monkeypatch):
    app = app_factory(OUTBOX_DIR=str(tmp_path / "watch-out"))
    from portal import db

    naps = []

    def nap(seconds):
        naps.append(seconds)
        if len(naps) == 1:
            with app.app_context():
                queue(db.session(), "later@example.org", "s", "b")
                db.session().commit()
        else:
            raise KeyboardInterrupt

    monkeypatch.setattr("portal.cli.time.sleep", nap)
    result = app.test_cli_runner().invoke(args=["notify", "send", "--watch", "5"])
    assert result.exit_code == 0, result.output
    assert naps == [5, 5]
    assert result.output.splitlines() == [
        "delivering the outbox every 5 seconds; Ctrl+C stops",
        "sent 1, failed 0, given up 0",
        "stopped",
    ], "quiet when there was nothing to do"


def test_cli_retries_a_message_that_was_given_up(app_factory, tmp_path):
    app = app_factory(OUTBOX_DIR=str(tmp_path / "retry-out"))
    from portal import db

    with app.app_context():
        message = queue(db.session(), "x@example.org", "s", "b")
        message.attempts = MAX_ATTEMPTS
        message.given_up_at = utcnow()
        message.last_error = "OSError: down"
        db.session().commit()
        message_id = message.id
    runner = app.test_cli_runner()
    assert "sent 0, failed 0, given up 0" in runner.invoke(args=["notify", "send"]).output
    result = runner.invoke(args=["notify", "retry", str(message_id), "999999"])
    assert "sent 1, failed 0, given up 0" in result.output
    assert "no unsent message with id 999999" in result.output
    with app.app_context():
        message = db.session().get(OutboxMessage, message_id)
        assert message.sent_at is not None and message.given_up_at is None
        assert message.attempts == MAX_ATTEMPTS and message.last_error is None
