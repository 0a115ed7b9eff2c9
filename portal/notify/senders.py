"""Ways a message leaves the portal: a folder of files, SMTP, or GOV.UK Notify.

The folder is the default so a developer's machine sends nothing by accident and every
message can be read (and its links clicked, from the log). Each sender takes plain text.
Emails go through `send`; texts through `send_sms`, which only the folder and Notify have:
an SMTP relay cannot send a text.
"""

from __future__ import annotations

import logging
import re
import smtplib
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol, runtime_checkable
from urllib.parse import unquote, urlsplit

log = logging.getLogger("portal.notify")

_LINK = re.compile(r"https?://[^\s<>\"']+")


class NoSmsSender(Exception):
    """Texts cannot be sent with this configuration, so trying again will not help."""


class Sender(Protocol):
    def send(self, to: str, subject: str, body: str, reference: str) -> None: ...


@runtime_checkable
class SmsSender(Protocol):
    def send_sms(self, to: str, body: str, reference: str) -> None: ...


def links(text: str) -> list[str]:
    """The http(s) addresses in a message, without the full stop or bracket after them."""
    return [match.rstrip(".,;:)]") for match in _LINK.findall(text)]


def _message(sender: str, to: str, subject: str, body: str, reference: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["X-Portal-Reference"] = reference
    message.set_content(body)
    return message


class FileSender:
    """Writes each email to OUTBOX_DIR as <reference>.eml and each text as
    <reference>.sms.txt, and logs where, with the links in it, for a developer to click."""

    def __init__(self, folder: str, sender: str) -> None:
        self.folder = Path(folder)
        self.sender = sender

    def send(self, to: str, subject: str, body: str, reference: str) -> None:
        email = _message(self.sender, to, subject, body, reference)
        path = self._write(f"{reference}.eml", bytes(email))
        self._log("email", path, body)

    def send_sms(self, to: str, body: str, reference: str) -> None:
        path = self._write(f"{reference}.sms.txt", f"To: {to}\n\n{body}\n".encode())
        self._log("text message", path, body)

    def _write(self, name: str, content: bytes) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / name
        path.write_bytes(content)
        return path

    @staticmethod
    def _log(kind: str, path: Path, body: str) -> None:
        found = links(body)
        log.info("%s saved to %s%s", kind, path, "".join(f"\n  link: {u}" for u in found))


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
    """GOV.UK Notify, through one email template whose content is ((subject)) and ((body))
    and one text message template whose content is ((body))."""

    def __init__(
        self,
        api_key: str,
        template_id: str,
        base_url: str | None = None,
        sms_template_id: str = "",
    ) -> None:
        from notifications_python_client.notifications import NotificationsAPIClient

        options = {"base_url": base_url} if base_url else {}
        self.client = NotificationsAPIClient(api_key, **options)
        self.template_id = template_id
        self.sms_template_id = sms_template_id

    def send(self, to: str, subject: str, body: str, reference: str) -> None:
        self.client.send_email_notification(
            email_address=to,
            template_id=self.template_id,
            personalisation={"subject": subject, "body": body},
            reference=reference,
        )

    def send_sms(self, to: str, body: str, reference: str) -> None:
        if not self.sms_template_id:
            raise NoSmsSender("no SMS sender configured (NOTIFY_SMS_TEMPLATE_ID is not set)")
        self.client.send_sms_notification(
            phone_number=to,
            template_id=self.sms_template_id,
            personalisation={"body": body},
            reference=reference,
        )
