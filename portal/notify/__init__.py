"""The outbox: emails are queued with the data they report and delivered afterwards.

Queueing is part of the caller's transaction; `deliver_pending` (run by `flask notify send`,
or straight after a request that queued mail) sends what is waiting and records failures,
so a mail server being down never loses a message or fails a person's submission.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.domain.contact import channels
from portal.models import Case, OutboxMessage, utcnow
from portal.notify.senders import FileSender, NotifySender, Sender, SmtpSender

MAX_ATTEMPTS = 5


def sender_for(config: dict[str, Any]) -> Sender:
    """Notify if NOTIFY_API_KEY is set, else SMTP if SMTP_URL is, else the outbox folder."""
    from_address = config.get("MAIL_FROM", "no-reply@example.org")
    if config.get("NOTIFY_API_KEY"):
        return NotifySender(
            config["NOTIFY_API_KEY"],
            config.get("NOTIFY_TEMPLATE_ID", ""),
            config.get("NOTIFY_BASE_URL") or None,
        )
    if config.get("SMTP_URL"):
        return SmtpSender(config["SMTP_URL"], from_address)
    return FileSender(config["OUTBOX_DIR"], from_address)


def queue(
    session: Session,
    to: str,
    subject: str,
    body: str,
    channel: str = "email",
    case_id: int | None = None,
) -> OutboxMessage:
    message = OutboxMessage(
        to=to, subject=subject, body=body, attempts=0, channel=channel, case_id=case_id
    )
    session.add(message)
    return message


def to_person(
    session: Session,
    case: Case,
    subject: str,
    body: str,
    discreet_subject: str,
    sms: str | None = None,
) -> list[OutboxMessage]:
    """Queue what a case's person should hear, by the ways they said are safe
    (portal.domain.contact): an email, with `discreet_subject` when they asked for one, and
    a text when `sms` is given and texts are safe. Nothing, if they gave neither."""
    reach = channels(case.answers or {})
    queued = []
    if reach.email:
        chosen = discreet_subject if reach.discreet else subject
        queued.append(queue(session, reach.email, chosen, body, case_id=case.id))
    if reach.sms and sms:
        queued.append(queue(session, reach.sms, "", sms, channel="sms", case_id=case.id))
    return queued


def deliver_pending(session: Session, sender: Sender) -> tuple[int, int]:
    """Send every unsent message that has attempts left. Returns (sent, failed)."""
    sent = failed = 0
    pending = session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.sent_at.is_(None), OutboxMessage.attempts < MAX_ATTEMPTS)
        .order_by(OutboxMessage.id)
    ).all()
    for message in pending:
        message.attempts += 1
        try:
            sender.send(message.to, message.subject, message.body, f"message-{message.id}")
        except Exception as error:  # noqa: BLE001 - any failure is recorded and retried later
            message.last_error = f"{type(error).__name__}: {error}"[:2000]
            failed += 1
        else:
            message.sent_at = utcnow()
            message.last_error = None
            sent += 1
        session.commit()
    return sent, failed
