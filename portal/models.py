"""Tables. Answers in progress live in drafts; the cookie holds only a draft's random id."""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.ext.mutable import MutableDict
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


def aware(value: datetime) -> datetime:
    """A stored time as an aware UTC datetime: SQLite gives times back without their zone."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def new_token(nbytes: int = 24) -> str:
    return secrets.token_urlsafe(nbytes)


class Base(DeclarativeBase):
    pass


class Draft(Base):
    """Answers to a journey in progress, saved after each valid step."""

    __tablename__ = "drafts"

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=new_token)
    answers: Mapped[dict[str, Any]] = mapped_column(MutableDict.as_mutable(JSON), default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow, index=True
    )
    #: set for a complaint a member of staff is typing in for someone (portal.staff.assisted):
    #: such a draft is theirs alone and never a public journey's
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))


class OutboxMessage(Base):
    """An email or text waiting to go, or gone. Written in the same transaction as what it reports,
    so a crash never sends a receipt for a complaint that was not saved, or loses one that was.
    """

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    to: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    #: "email" or "sms"; for a text message `to` is the phone number and `subject` is unused
    channel: Mapped[str] = mapped_column(String(10), default="email")
    #: the case it is about, if any, so the case history can show what was sent
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    #: not before this time: failures back off (portal.notify.backoff)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: set when every attempt has failed; the message stays, for staff to see and resend
    given_up_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Case(Base):
    """A submitted complaint, compliment or comment. One per draft, so a double click, a
    second tab or the back button can never make two."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    draft_id: Mapped[str] = mapped_column(String(64), unique=True)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    # The case list's projection (portal.cases.refresh), rewritten with every event in the
    # same transaction: a list over 100,000 cases cannot replay each one per request. The
    # events stay the truth; "overdue" and days left are read from due_on and today.
    #: True while the procedure is running, False once over, None for compliments and comments
    is_open: Mapped[bool | None] = mapped_column(Boolean)
    #: "1", "2", "3" or "closed" (CaseState.stage)
    stage: Mapped[str | None] = mapped_column(String(8))
    status: Mapped[str | None] = mapped_column(String(40))
    next_step: Mapped[str | None] = mapped_column(String(40))
    due_on: Mapped[date | None] = mapped_column(Date)
    #: "council" or "complainant": whose the next step is
    who: Mapped[str | None] = mapped_column(String(12))
    #: triage and stage flags, space-separated with a space at each end (" late paused "),
    #: so LIKE '% late %' matches one whole flag and never late_stage1
    flags: Mapped[str] = mapped_column(String(500), default="")
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    #: the person's and the child's names, lowercased, for search
    search_name: Mapped[str] = mapped_column(String(500), default="")
    #: for a part split off into a case of its own (an English fluency complaint): the case
    #: it came from (portal.staff.decisions)
    parent_case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    #: how it came in: "online", or "phone", "letter", "email", "in_person" when a member of
    #: staff entered it (entered_by_id), with submitted_at then the day it was received
    channel: Mapped[str] = mapped_column(String(20), default="online", server_default="online")
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))

    __table_args__ = (
        # The list's order (open first, overdue first, by due date, newest), with every
        # filtered column after it, so a filtered page or count reads this index alone and
        # never the wide rows with their answers.
        Index(
            "ix_cases_list",
            is_open.desc(),
            text("(due_on IS NULL)"),
            due_on,
            id.desc(),
            stage,
            status,
            who,
            assignee_id,
            flags,
            search_name,
        ),
        # The staff home page's newest cases
        Index("ix_cases_submitted_at", submitted_at),
        # An investigator's own cases, in the same order
        Index(
            "ix_cases_assignee_list",
            assignee_id,
            is_open.desc(),
            text("(due_on IS NULL)"),
            due_on,
            id.desc(),
        ),
    )


class ResumeLink(Base):
    """A 'save and come back later' link: signed, expiring, usable once. It holds no email
    address; the id is the secret the signed token carries."""

    __tablename__ = "resume_links"

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=new_token)
    draft_id: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class EqualityResponse(Base):
    """One person's answers to the optional equality questions, kept apart from everything else.

    Deliberately unjoinable: there is no case id, reference, draft id or email here, and no
    exact time either (a timestamp would match the case's submitted_at to the second), only
    the month, which is all an annual report needs. The id is random and on SQLite the table
    has no rowid, so not even the storage order lines up with the order cases were made in.
    Nothing that shows a case reads this table: answers leave it only as counts, through
    portal.journey.equality.counts(), with small numbers suppressed (DESIGN.md section 8).
    """

    __tablename__ = "equality_responses"
    __table_args__ = (
        Index("ix_equality_responses_council_month", "council", "submitted_month"),
        {"sqlite_with_rowid": False},
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=new_token)
    council: Mapped[str] = mapped_column(String(64))
    #: the first day of the month the answers were given in
    submitted_month: Mapped[date] = mapped_column(Date)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class TrackingLink(Base):
    """A magic link to follow a case. Only a hash of the signed token is kept: a copy of the
    database cannot be turned into working links. It works until it expires or is revoked."""

    __tablename__ = "tracking_links"

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=new_token)
    token_hash: Mapped[str] = mapped_column(String(64))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    #: when it first signed someone in
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    case: Mapped[Case] = relationship()


class StaffUser(Base):
    """A member of the council's staff. The password is kept only as an scrypt hash and
    the TOTP secret is the second factor; see portal.staff.accounts."""

    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    #: stored lowercased
    email: Mapped[str] = mapped_column(String(320), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(255))
    totp_secret: Mapped[str] = mapped_column(String(64))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CaseEvent(Base):
    """One fact about a case (portal.domain.events): append-only, never updated or deleted.
    The case's stage, status and due dates are replayed from these rows when read."""

    __tablename__ = "case_events"
    __table_args__ = (Index("ix_case_events_case_order", "case_id", "on", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    kind: Mapped[str] = mapped_column(String(40))
    #: the day it happened, which may be earlier than the day it was recorded
    on: Mapped[date] = mapped_column(Date)
    details: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: "person" (through the tracking page), "portal", or "staff:<id>"
    recorded_by: Mapped[str] = mapped_column(String(40))

    case: Mapped[Case] = relationship()


class CaseMessage(Base):
    """A message between the person and the council, kept in the case history for good."""

    __tablename__ = "case_messages"
    __table_args__ = (
        Index("ix_case_messages_case_created", "case_id", "created_at"),
        Index("ux_case_messages_case_form", "case_id", "form_id", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    #: "person" or "council"
    sender: Mapped[str] = mapped_column(String(10))
    #: "message", or what a person's action said: "chase", "stage2", "stage3", "withdrawal",
    #: "advocacy"
    topic: Mapped[str] = mapped_column(String(20), default="message")
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: when the other side first opened it
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    staff_user_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    #: the one-time id of the form that sent it, so a double click or a refresh that posts
    #: the same form again finds this row instead of adding a second (None for staff's)
    form_id: Mapped[str | None] = mapped_column(String(64))

    files: Mapped[list[CaseFile]] = relationship(order_by="CaseFile.id")


class CaseFile(Base):
    """A file the person added after submitting, stored like the evidence in the complaint
    (portal.journey.evidence): a random name under UPLOAD_DIR that no public route serves."""

    __tablename__ = "case_files"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("case_messages.id"), index=True)
    stored: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(10))
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CaseDecision(Base):
    """The complaints team's decision on a triage flag (a late complaint accepted or refused,
    a pause for proceedings, a part split off), with its reasons. Append-only."""

    __tablename__ = "case_decisions"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    #: the triage flag decided: "late", "proceedings", "sufficient_interest" or "fluency"
    flag: Mapped[str] = mapped_column(String(40))
    #: "accepted", "refused", "paused", "yes", "no" or "split"
    decision: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    staff_user_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AdvocacyRequest(Base):
    """A person asking, from the tracking page, for an advocate. Staff act on it."""

    __tablename__ = "advocacy_requests"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    #: the stage the case was at, 1 to 3
    stage: Mapped[int] = mapped_column(Integer)
    #: who the advocate is for, the consent answers and any note, as the form gave them
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    handled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AuditEntry(Base):
    """One staff action: a case opened or changed, a sign-in or a failed one. Append-only.

    It outlives the cases it names (portal.retention purges them), so case_id is no foreign
    key and the reference is kept beside it."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_case_at", "case_id", "at"),
        Index("ix_audit_log_case_reference_at", "case_reference", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    staff_user_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    #: "case.viewed", "case.event_recorded", "case.replied", "case.links_revoked", ...
    action: Mapped[str] = mapped_column(String(40))
    case_id: Mapped[int | None] = mapped_column(Integer)
    #: the case's reference, as stored (no dashes): still there once the case is purged
    case_reference: Mapped[str | None] = mapped_column(String(16))
    detail: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)


class ContactRestriction(Base):
    """A limit on how the person may contact the council, under its unreasonable behaviour
    policy (portal.staff.restrictions). Lifted, never deleted; it never limits asking for the
    next stage or going to the Ombudsman."""

    __tablename__ = "contact_restrictions"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    #: the ways of contact it limits: "phone", "email", "in_person", "tracking_messages",
    #: "letter" (portal.staff.restrictions.CHANNELS)
    channels: Mapped[list[str]] = mapped_column(JSON, default=list)
    reason: Mapped[str] = mapped_column(Text)
    review_on: Mapped[date] = mapped_column(Date)
    set_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    lifted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    lifted_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
