"""The outbox: emails and texts are queued with the data they report and delivered afterwards.

Queueing is part of the caller's transaction. Once a response has gone, `deliver_now` tries
only the messages its request queued, so nobody's page waits on a mail server; everything
else is `flask notify send`'s job (`--watch` keeps it going). A failure is recorded and tried
again later, further apart each time (`backoff`), until MAX_ATTEMPTS; then the message is
marked given up. No row is ever deleted, so a mail server being down never loses a message.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from flask import Response, after_this_request, current_app, has_request_context
from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from portal import db
from portal.domain.contact import channels
from portal.i18n import gettext as _
from portal.models import Case, OutboxMessage, utcnow
from portal.notify.senders import (
    FileSender,
    NoSmsSender,
    NotifySender,
    Sender,
    SmsSender,
    SmtpSender,
)

MAX_ATTEMPTS = 6
#: minutes to wait after the 1st, 2nd, ... failure: about ten and a half hours in all, so an
#: overnight outage of a mail server is survived
BACKOFF_MINUTES = (1, 5, 25, 120, 480)
#: a message being sent is not picked up by another worker for this long
CLAIM = timedelta(minutes=10)


class Delivery(NamedTuple):
    sent: int = 0
    failed: int = 0
    given_up: int = 0


def backoff(failures: int) -> timedelta | None:
    """How long to wait after `failures` failed attempts, or None when it is time to give up."""
    if failures >= MAX_ATTEMPTS:
        return None
    index = min(max(failures, 1), len(BACKOFF_MINUTES)) - 1
    return timedelta(minutes=BACKOFF_MINUTES[index])


def sender_for(config: dict[str, Any]) -> Sender:
    """Notify if NOTIFY_API_KEY is set, else SMTP if SMTP_URL is, else the outbox folder."""
    from_address = config.get("MAIL_FROM", "no-reply@example.org")
    if config.get("NOTIFY_API_KEY"):
        return NotifySender(
            config["NOTIFY_API_KEY"],
            config.get("NOTIFY_TEMPLATE_ID", ""),
            config.get("NOTIFY_BASE_URL") or None,
            sms_template_id=config.get("NOTIFY_SMS_TEMPLATE_ID", ""),
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
    """Add a message to the caller's transaction; it goes once that commits."""
    message = OutboxMessage(
        to=to, subject=subject, body=body, attempts=0, channel=channel, case_id=case_id
    )
    session.add(message)
    return message


def plain_subject() -> str:
    """A subject line that says neither complaint nor child: for people who asked for one."""
    return _("A message from %(council)s", council=current_app.extensions["council"].name)


def to_person(
    session: Session,
    case: Case,
    subject: str,
    body: str,
    discreet_subject: str | None = None,
    sms: str | None = None,
) -> list[OutboxMessage]:
    """Queue what a case's person should hear, by the ways they said are safe
    (portal.domain.contact): an email, with `discreet_subject` when they asked for one, and
    a text when `sms` is given and texts are safe. Nothing, if they gave neither.
    The case must have its id (flush a new one first)."""
    if case.id is None:
        raise ValueError("flush the case before queueing messages about it")
    reach = channels(case.answers or {})
    queued = []
    if reach.email:
        chosen = (discreet_subject or plain_subject()) if reach.discreet else subject
        queued.append(queue(session, reach.email, chosen, body, case_id=case.id))
    if reach.sms and sms:
        queued.append(queue(session, reach.sms, "", sms, channel="sms", case_id=case.id))
    return queued


def deliver_now(session: Session, messages: Iterable[OutboxMessage]) -> None:
    """Try just these (committed) messages, as soon as the response has gone.

    After the response, not before it: the page never waits on a mail server, and how long a
    page took cannot tell anyone whether an email was sent (/track answers the same, in the
    same time, whether or not it knows an address). Outside a request, it sends at once.
    """
    ids = [message.id for message in messages]
    if not ids:
        return
    if not has_request_context():
        deliver_pending(session, sender_for(current_app.config), only=ids)
        return
    app = current_app._get_current_object()  # type: ignore[attr-defined]

    def send() -> None:
        with app.app_context():
            deliver_pending(db.session(), sender_for(app.config), only=ids)

    @after_this_request
    def _when_sent(response: Response) -> Response:
        response.call_on_close(send)
        return response


def deliver_pending(
    session: Session,
    sender: Sender,
    only: Collection[int] | None = None,
    now: datetime | None = None,
) -> Delivery:
    """Send every unsent message that is due (or just those in `only`), oldest first."""
    now = now or utcnow()
    due = select(OutboxMessage.id).where(
        OutboxMessage.sent_at.is_(None),
        OutboxMessage.given_up_at.is_(None),
        or_(OutboxMessage.next_attempt_at.is_(None), OutboxMessage.next_attempt_at <= now),
    )
    if only is not None:
        due = due.where(OutboxMessage.id.in_(list(only)))
    counts = Delivery()
    for message_id in session.scalars(due.order_by(OutboxMessage.id)).all():
        if not _claim(session, message_id, now):
            continue  # another worker has it
        message = session.get(OutboxMessage, message_id, populate_existing=True)
        outcome = _attempt(message, sender, now)
        session.commit()
        counts = counts._replace(**{outcome: getattr(counts, outcome) + 1})
    return counts


def retry(session: Session, message_id: int) -> OutboxMessage | None:
    """Make an unsent message due now, given up or not; it gets one more attempt."""
    message = session.get(OutboxMessage, message_id)
    if message is None or message.sent_at is not None:
        return None
    message.given_up_at = None
    message.next_attempt_at = None
    message.attempts = min(message.attempts, MAX_ATTEMPTS - 1)
    session.commit()
    return message


def _claim(session: Session, message_id: int, now: datetime) -> bool:
    """Count the attempt and hold the message for CLAIM, only if nobody else just did."""
    claimed = session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id == message_id,
            OutboxMessage.sent_at.is_(None),
            OutboxMessage.given_up_at.is_(None),
            or_(OutboxMessage.next_attempt_at.is_(None), OutboxMessage.next_attempt_at <= now),
        )
        .values(attempts=OutboxMessage.attempts + 1, next_attempt_at=now + CLAIM)
        .execution_options(synchronize_session=False)
    ).rowcount
    session.commit()
    return claimed == 1


def _attempt(message: OutboxMessage, sender: Sender, now: datetime) -> str:
    """Send one message and record how it went: "sent", "failed" or "given_up"."""
    reference = f"message-{message.id}"
    try:
        if message.channel == "sms":
            if not isinstance(sender, SmsSender):
                name = type(sender).__name__
                raise NoSmsSender(f"no SMS sender configured ({name} cannot send texts)")
            sender.send_sms(message.to, message.body, reference)
        elif message.channel == "email":
            sender.send(message.to, message.subject, message.body, reference)
        else:
            raise ValueError(f"unknown channel {message.channel!r}")
    except NoSmsSender as error:
        message.last_error = str(error)
        message.given_up_at = now
        return "given_up"
    except Exception as error:  # noqa: BLE001 - any failure is recorded and retried later
        message.last_error = f"{type(error).__name__}: {error}"[:2000]
        wait = backoff(message.attempts)
        if wait is None:
            message.given_up_at = now
            return "given_up"
        message.next_attempt_at = now + wait
        return "failed"
    message.sent_at = utcnow()
    message.next_attempt_at = None
    message.last_error = None
    return "sent"
