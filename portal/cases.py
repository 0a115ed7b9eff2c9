"""A case's history: reading its events into the domain's state, and recording new ones.

Both sides use this: the person's tracking page (escalation, withdrawal) and the staff
console. A new event is checked by replaying the whole history with it through
portal.domain.stages before it is added, so an event the procedure does not allow is never
stored. The caller commits, together with the notification the event sends (the outbox is
written in the same transaction).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.domain import calendar
from portal.domain.stages import CaseState, Event, Kind, state
from portal.domain.timescales import Timescales
from portal.models import Case, CaseEvent, utcnow

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
    return after


def received(data: Session, case: Case) -> None:
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
