"""A case's history: reading its events into the domain's state, and recording new ones.

Both sides use this: the person's tracking page (escalation, withdrawal) and the staff
console. A new event is checked by replaying the whole history with it through
portal.domain.stages before it is added, so an event the procedure does not allow is never
stored. The caller commits, together with the notification the event sends (the outbox is
written in the same transaction).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.domain import calendar
from portal.domain.intake import ADVOCATE_REQUESTED, triage_flags
from portal.domain.stages import CaseState, Event, Kind, state
from portal.domain.timescales import Timescales
from portal.models import AdvocacyRequest, Case, CaseEvent, utcnow

#: who recorded an event, besides "staff:<id>"
PERSON, PORTAL = "person", "portal"


def today(now: datetime | None = None) -> date:
    """Today's date in England, which is the day every timescale counts in."""
    return calendar.london_date(now or utcnow())


def rows(data: Session, case: Case) -> list[CaseEvent]:
    """The case's event rows in the order they are replayed: by day, then as recorded."""
    return list(
        data.scalars(
            select(CaseEvent)
            .where(CaseEvent.case_id == case.id)
            .order_by(CaseEvent.on, CaseEvent.id)
        )
    )


def events(data: Session, case: Case) -> list[Event]:
    return [Event(row.kind, row.on, row.details or {}) for row in rows(data, case)]


def state_of(
    data: Session, case: Case, timescales: Timescales, on: date | None = None
) -> CaseState:
    return state(events(data, case), timescales, on or today())


def record(
    data: Session,
    case: Case,
    kind: str,
    timescales: Timescales,
    by: str,
    on: date | None = None,
    details: Mapping[str, str] | None = None,
) -> CaseState:
    """Add an event, after checking the procedure allows it. Raises StageError if not.

    Returns the case's state on the event's day (or today, if later), with the event in it.
    The case list's projection is refreshed in the same transaction.
    """
    day = on or today()
    event = Event(kind, day, dict(details or {}))
    after = state([*events(data, case), event], timescales, max(day, today()))
    data.add(
        CaseEvent(
            case=case,
            kind=str(event.kind),
            on=day,
            details=dict(event.details),
            recorded_at=utcnow(),
            recorded_by=by,
        )
    )
    refresh(data, case, timescales)
    return after


def received(data: Session, case: Case, timescales: Timescales) -> None:
    """The first event of every complaint, added with the case in the same transaction."""
    data.add(
        CaseEvent(
            case=case,
            kind=str(Kind.RECEIVED),
            on=calendar.received_date(case.submitted_at),
            details={},
            recorded_at=utcnow(),
            recorded_by=PORTAL,
        )
    )
    refresh(data, case, timescales)


# The case list's projection -------------------------------------------------------------------


def projection(
    kind: str,
    answers: Mapping[str, Any],
    history: Iterable[Event],
    timescales: Timescales,
    on: date,
    advocacy_asked: bool = False,
) -> dict[str, Any]:
    """The Case columns the staff case list reads, from the same facts as everything else.

    The state is taken on `on` or the last event's day, if later, so an event dated ahead
    is already in it. Flags are the intake's triage flags and the stage flags together;
    a running clock's `late_` flag is as of `on` (the list reads overdue from due_on).
    """
    names = (answers.get("your_name"), answers.get("child_name"))
    search = " ".join(str(n).strip() for n in names if n and str(n).strip()).lower()
    columns: dict[str, Any] = {
        "is_open": None,
        "stage": None,
        "status": None,
        "next_step": None,
        "due_on": None,
        "who": None,
        "flags": "",
        "search_name": search[:500],
    }
    history = list(history)
    if kind != "complaint" or not history:
        return columns
    now = state(history, timescales, max([on, *(ev.on for ev in history)]))
    flags = set(triage_flags(answers)) | set(now.flags)
    if advocacy_asked:
        flags.add(ADVOCATE_REQUESTED)
    columns.update(
        is_open=now.is_open,
        stage=str(now.stage),
        status=now.status,
        next_step=now.next_step,
        due_on=now.due,
        who=now.who,
        flags=f" {' '.join(sorted(flags))} " if flags else "",
    )
    return columns


def refresh(data: Session, case: Case, timescales: Timescales) -> None:
    """Rewrite the case's projection from its events; the caller commits with the event.

    Also called after anything else the list shows changes (an advocacy request)."""
    if case.id is None:
        data.flush()
    asked = data.scalars(
        select(AdvocacyRequest.id)
        .where(AdvocacyRequest.case_id == case.id, AdvocacyRequest.handled_at.is_(None))
        .limit(1)
    ).first()
    columns = projection(
        case.kind, case.answers or {}, events(data, case), timescales, today(), asked is not None
    )
    for name, value in columns.items():
        setattr(case, name, value)
