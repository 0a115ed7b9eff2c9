"""The outbox and its three senders, each against a real protocol peer on localhost."""

from __future__ import annotations

import email
import json
import socketserver
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from sqlalchemy.orm import Session

from portal.db import _engine_for, upgrade
from portal.models import OutboxMessage
from portal.notify import MAX_ATTEMPTS, deliver_pending, queue, sender_for
from portal.notify.senders import FileSender, NotifySender, SmtpSender

HOSTILE = "Ünïcödé <b>bold</b> \u202eRTL\u202c 😀 '; DROP TABLE outbox;--"


@pytest.fixture
def session(tmp_path):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    upgrade(url)
    engine = _engine_for(url)
    with Session(engine) as session:
        yield session
    engine.dispose()


class SmtpHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP to accept a message, as a mail relay would."""

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        self.reply("220 localhost test SMTP")
        while line := self.rfile.readline():
            command = line.decode().strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.reply("250 localhost")
            elif command.startswith(("MAIL", "RCPT", "RSET", "NOOP")):
                self.reply("250 OK")
            elif command == "DATA":
                self.reply("354 go ahead")
                data = b""
                while (chunk := self.rfile.readline()) != b".\r\n":
                    data += chunk
                self.server.received.append(data)
                self.reply("250 queued")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")


@pytest.fixture
def smtp_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), SmtpHandler)
    server.received = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def test_the_default_sender_writes_files(session, tmp_path):
    sender = sender_for({"OUTBOX_DIR": str(tmp_path / "out")})
    assert isinstance(sender, FileSender)
    queue(session, "parent@example.org", "Your complaint", f"Body {HOSTILE}")
    session.commit()
    assert deliver_pending(session, sender) == (1, 0)
    [path] = (tmp_path / "out").glob("*.eml")
    parsed = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert parsed["To"] == "parent@example.org"
    assert parsed.get_content().strip() == f"Body {HOSTILE}"
    assert session.query(OutboxMessage).one().sent_at is not None
    assert deliver_pending(session, sender) == (0, 0), "nothing is sent twice"


def test_smtp_sender_delivers_to_a_relay(session, smtp_server):
    port = smtp_server.server_address[1]
    sender = sender_for({"SMTP_URL": f"smtp://127.0.0.1:{port}", "OUTBOX_DIR": "unused"})
    assert isinstance(sender, SmtpSender)
    queue(session, "young.person@example.org", "Reference BDF-4K7-MZQ", HOSTILE)
    session.commit()
    assert deliver_pending(session, sender) == (1, 0)
    [raw] = smtp_server.received
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed["Subject"] == "Reference BDF-4K7-MZQ"
    assert parsed.get_content().strip() == HOSTILE


def test_failures_are_recorded_and_retried_a_few_times(session, tmp_path):
    closed_port = socketserver.TCPServer(("127.0.0.1", 0), SmtpHandler)
    port = closed_port.server_address[1]
    closed_port.server_close()
    sender = SmtpSender(f"smtp://127.0.0.1:{port}", "no-reply@example.org", timeout=2)
    queue(session, "a@example.org", "s", "b")
    session.commit()
    for _ in range(MAX_ATTEMPTS + 2):
        deliver_pending(session, sender)
    message = session.query(OutboxMessage).one()
    assert message.sent_at is None
    assert message.attempts == MAX_ATTEMPTS
    assert "ConnectionRefusedError" in message.last_error


def test_notify_sender_speaks_the_notify_api(session):
    calls = []

    class NotifyApi(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers["Content-Length"])
            calls.append(
                (self.path, self.headers["Authorization"], json.loads(self.rfile.read(length)))
            )
            self.send_response(201)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"id": "740e5834-3a29-46b4-9a6f-16142fde533a"}')

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), NotifyApi)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    api_key = (
        "test-"
        + "26785a09-ab16-4eb0-8407-a37497a57506"
        + "-"
        + "3d844edf-8d35-48ac-975b-e847b4f122b0"
    )
    sender = sender_for(
        {
            "NOTIFY_API_KEY": api_key,
            "NOTIFY_TEMPLATE_ID": "f33517ff-2a88-4f6e-b855-c550268ce08a",
            "NOTIFY_BASE_URL": f"http://127.0.0.1:{server.server_address[1]}",
        }
    )
    assert isinstance(sender, NotifySender)
    queue(session, "carer@example.org", "Subject line", HOSTILE)
    session.commit()
    assert deliver_pending(session, sender) == (1, 0)
    server.shutdown()
    path, authorisation, payload = calls[0]
    assert path == "/v2/notifications/email"
    assert authorisation.startswith("Bearer ")
    assert payload["email_address"] == "carer@example.org"
    assert payload["template_id"] == "f33517ff-2a88-4f6e-b855-c550268ce08a"
    assert payload["personalisation"] == {"subject": "Subject line", "body": HOSTILE}


def test_cli_sends_the_outbox(app_factory, tmp_path):
    app = app_factory(OUTBOX_DIR=str(tmp_path / "cli-out"))
    with app.app_context():
        from portal import db

        queue(db.session(), "x@example.org", "s", "b")
        db.session().commit()
    result = app.test_cli_runner().invoke(args=["notify", "send"])
    assert "sent 1, failed 0" in result.output
    assert list((tmp_path / "cli-out").glob("*.eml"))
