"""Ways an email leaves the portal: a folder of .eml files, SMTP, or GOV.UK Notify.

The folder is the default so a developer's machine sends nothing by accident and every
message can be read. Each sender takes plain subject and body text.
"""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit


class Sender(Protocol):
    def send(self, to: str, subject: str, body: str, reference: str) -> None: ...


def _message(sender: str, to: str, subject: str, body: str, reference: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["X-Portal-Reference"] = reference
    message.set_content(body)
    return message


class FileSender:
    """Writes each email to OUTBOX_DIR as <reference>.eml."""

    def __init__(self, folder: str, sender: str) -> None:
        self.folder = Path(folder)
        self.sender = sender

    def send(self, to: str, subject: str, body: str, reference: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{reference}.eml"
        path.write_bytes(bytes(_message(self.sender, to, subject, body, reference)))


class SmtpSender:
    """SMTP_URL like smtp://user:password@host:587 (STARTTLS) or smtps://host:465."""

    def __init__(self, url: str, sender: str, timeout: float = 20) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps"):
            raise ValueError("SMTP_URL must start smtp:// or smtps://")
        self.parts = parts
        self.sender = sender
        self.timeout = timeout

    def send(self, to: str, subject: str, body: str, reference: str) -> None:
        parts = self.parts
        host = parts.hostname or "localhost"
        if parts.scheme == "smtps":
            client: smtplib.SMTP = smtplib.SMTP_SSL(host, parts.port or 465, timeout=self.timeout)
        else:
            client = smtplib.SMTP(host, parts.port or 25, timeout=self.timeout)
        with client:
            if parts.scheme == "smtp" and client.has_extn("starttls"):
                client.starttls()
            if parts.username:
                client.login(unquote(parts.username), unquote(parts.password or ""))
            client.send_message(_message(self.sender, to, subject, body, reference))


class NotifySender:
    """GOV.UK Notify, through one email template whose content is ((subject)) and ((body))."""

    def __init__(self, api_key: str, template_id: str, base_url: str | None = None) -> None:
        from notifications_python_client.notifications import NotificationsAPIClient

        options = {"base_url": base_url} if base_url else {}
        self.client = NotificationsAPIClient(api_key, **options)
        self.template_id = template_id

    def send(self, to: str, subject: str, body: str, reference: str) -> None:
        self.client.send_email_notification(
            email_address=to,
            template_id=self.template_id,
            personalisation={"subject": subject, "body": body},
            reference=reference,
        )
