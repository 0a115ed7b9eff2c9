"""The complaint lifecycle: facts are stored, status is derived (DESIGN.md §1, principle 3).

A complaint is an append-only list of Events. ``state(events, timescales, today)`` replays them
through the statutory three-stage procedure (domain.md §4) and returns a CaseState: the stage,
the status, what happens next and who does it, the due date and the working days left or
overdue, whether the person may now ask to escalate or go to the Ombudsman, flags, and the
history. Nothing here reads the clock or stores a status, so the same events, profile and day
always give the same answer, and a corrected event corrects everything derived from it.

Replay. Events are replayed in date order; events on the same date keep the order they were
recorded in, so a forgotten acknowledgement recorded afterwards with its true date still fits.
Events dated after ``today`` have not happened yet and are left out, so ``state`` also answers
"what was the position on that day". An event the procedure does not allow at that point
raises IllegalTransition; an event with missing or wrong details raises InvalidEvent. Both
name the event, its date and the status, and both are ValueErrors.

The lifecycle is split by what each part holds, and this module re-exports the public names
of all of them, so ``from portal.domain.stages import ...`` is the one import the rest of the
portal needs:

=============================== =============================================================
portal.domain.events            Kind (the event kinds and their details), Event, the errors
portal.domain.clocks            Clock, how working days are counted, the advocate extension
portal.domain.case_state        CaseState, Status, Next, and the flags
portal.domain.replay            TRANSITIONS, and the handler for each kind
portal.domain.stages            ``state()``, and reading the answer: what happens next, who
                                does it, by when, and whether the person may escalate
portal.domain.timeline          ``timeline()``: every due date at once, for ``flask deadlines``
=============================== =============================================================
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date

from portal.domain import calendar
from portal.domain.case_state import (
    CLOSED_STAGE,
    CLOSED_STATUSES,
    OPEN_STATUSES,
    CaseState,
    HistoryEntry,
    Next,
    Status,
)
from portal.domain.clocks import (
    ADVOCATE_EXTENSION,
    COMPLAINANT,
    COUNCIL,
    Clock,
    advocate_extension,
    day0,
)
from portal.domain.events import (
    EVENT_KINDS,
    Event,
    IllegalTransition,
    InvalidEvent,
    Kind,
    StageError,
)
from portal.domain.replay import TRANSITIONS, CaseReplay
from portal.domain.timeline import Milestone, timeline
from portal.domain.timescales import Timescales

__all__ = [
    "ADVOCATE_EXTENSION",
    "CLOSED_STAGE",
    "CLOSED_STATUSES",
    "COMPLAINANT",
    "COUNCIL",
    "EVENT_KINDS",
    "OPEN_STATUSES",
    "TRANSITIONS",
    "CaseState",
    "Clock",
    "Event",
    "HistoryEntry",
    "IllegalTransition",
    "InvalidEvent",
    "Kind",
    "Milestone",
    "Next",
    "StageError",
    "Status",
    "advocate_extension",
    "day0",
    "state",
    "timeline",
]


def state(events: Iterable[Event], timescales: Timescales, today: date) -> CaseState:
    """Replay a complaint's events under a council's timescales, as things stand on ``today``.

    Raises IllegalTransition or InvalidEvent (both StageError, a ValueError) for an event the
    procedure does not allow, and StageError when nothing has been received by ``today``.
    """
    happened = sorted((ev for ev in events if ev.on <= today), key=lambda ev: ev.on)
    if not happened:
        raise StageError(f"no complaint has been received by {today.isoformat()}")
    case = CaseReplay(timescales)
    for ev in happened:
        case.apply(ev)
    return _answer(case, today)


# --- the answer, read from the replayed case ---------------------------------------------


def _answer(case: CaseReplay, today: date) -> CaseState:
    """The CaseState of a replayed case on ``today``: its clocks read against that day."""
    assert case.status is not None and case.received is not None
    paused_extra = 0
    if case.status is Status.PAUSED:
        assert case.paused_on is not None
        paused_extra = calendar.working_days_between(case.paused_on, day0(today))
    deadlines = {
        name: clock.due(paused_extra if clock.running else 0) for name, clock in case.clocks.items()
    }
    flags = set(case.flags)
    council_late = False
    for name, clock in case.clocks.items():
        if clock.running and clock.who == COUNCIL and today > deadlines[name]:
            flags.add(f"late_{name.value}")
            council_late = True
    step, who, clock_name, data = _NEXT[case.status](case, deadlines)
    due = deadlines[clock_name] if clock_name else None
    overdue = due is not None and today > due
    closed = case.status in CLOSED_STATUSES
    return CaseState(
        stage=CLOSED_STAGE if closed else case.stage,
        stage_reached=case.stage_reached,
        status=str(case.status),
        next_step=str(step) if step else None,
        next_data=data,
        who=who,
        due=due,
        overdue=overdue,
        days_left=None if due is None or overdue else calendar.working_days_between(today, due),
        days_overdue=calendar.working_days_between(due, day0(today))
        if due is not None and overdue
        else None,
        may_escalate=_may_escalate(case, today, deadlines),
        may_go_to_ombudsman=_may_go_to_ombudsman(case, council_late),
        flags=frozenset(flags),
        deadlines={str(k): v for k, v in deadlines.items()},
        received=case.received,
        paused_working_days=case.paused_days + paused_extra,
        new_complaints=tuple(case.new_complaints),
        history=tuple(case.history),
    )


def _may_escalate(case: CaseReplay, today: date, deadlines: Mapping[Clock, date]) -> bool:
    """Whether to offer "ask to move to the next stage" (domain.md §4.4)."""
    if case.status in (Status.STAGE1_RESPONDED, Status.STAGE2_RESPONDED):
        return True  # late requests too: the council decides, never the portal
    if case.status in (Status.RECEIVED, Status.ACKNOWLEDGED):
        return today > deadlines[Clock.STAGE1]  # the council is late at stage 1
    if case.status is Status.CLOSED and case.closed_after is Status.STAGE1_RESPONDED:
        return today <= deadlines[Clock.STAGE2_REQUEST]
    if case.status is Status.CLOSED and case.closed_after is Status.STAGE2_RESPONDED:
        return today <= deadlines[Clock.STAGE3_REQUEST]
    return False


def _may_go_to_ombudsman(case: CaseReplay, council_late: bool) -> bool:
    """The LGSCO: after the last stage, after a refusal, or at any stage on delay (G2, S4)."""
    if case.referred:
        return False
    refused = {Status.REFUSED, Status.NO_SUFFICIENT_INTEREST, Status.ESCALATION_REFUSED}
    return (
        case.final_sent
        or case.status in refused
        or case.closed_after is Status.ESCALATION_REFUSED
        or council_late
    )


_NextAnswer = tuple[str | None, str | None, Clock | None, Mapping[str, str]]


def _iso(d: date) -> str:
    return d.isoformat()


def _next_stage1(case: CaseReplay, deadlines: Mapping[Clock, date]) -> _NextAnswer:
    if not case.acknowledged:
        data = {"stage1_due": _iso(deadlines[Clock.STAGE1])} if Clock.STAGE1 in deadlines else {}
        return Next.ACKNOWLEDGE, COUNCIL, Clock.ACKNOWLEDGE, data
    if case.status is Status.AWAITING_DECISION:
        # "as soon as possible" (reg. 12): no figure, so no due date
        return Next.DECIDE_SUFFICIENT_INTEREST, COUNCIL, None, {}
    return Next.SEND_STAGE1_RESPONSE, COUNCIL, Clock.STAGE1, {}


def _next_stage2(case: CaseReplay, deadlines: Mapping[Clock, date]) -> _NextAnswer:
    clock = Clock.STAGE2 if Clock.STAGE2 in deadlines else None
    data = {"from_request_due": _iso(deadlines[Clock.STAGE2_FROM_REQUEST])}
    if case.status is Status.STAGE2_REQUESTED:
        return Next.AGREE_STATEMENT, COUNCIL, clock, data
    missing = {Kind.INVESTIGATING_OFFICER_APPOINTED, Kind.INDEPENDENT_PERSON_APPOINTED}
    missing -= case.appointed
    if missing:
        data["missing"] = " ".join(sorted(k.value.removesuffix("_appointed") for k in missing))
        return Next.APPOINT_INVESTIGATORS, COUNCIL, clock, data
    return Next.SEND_STAGE2_RESPONSE, COUNCIL, clock, data


def _next_request(step: Next, clock: Clock) -> Callable[[CaseReplay, Mapping], _NextAnswer]:
    def answer(case: CaseReplay, deadlines: Mapping[Clock, date]) -> _NextAnswer:
        return step, COMPLAINANT, clock, {"late_requests": "considered"}

    return answer


def _next_panel(case: CaseReplay, deadlines: Mapping[Clock, date]) -> _NextAnswer:
    data = {"meeting_on": _iso(case.meeting_on)} if case.meeting_on else {}
    return Next.HOLD_PANEL, COUNCIL, Clock.PANEL, data


def _next_fixed(
    step: Next, clock: Clock, **data: str
) -> Callable[[CaseReplay, Mapping], _NextAnswer]:
    def answer(case: CaseReplay, deadlines: Mapping[Clock, date]) -> _NextAnswer:
        return step, COUNCIL, clock, dict(data)

    return answer


def _next_ombudsman(case: CaseReplay, deadlines: Mapping[Clock, date]) -> _NextAnswer:
    if case.referred:
        return None, None, None, {}
    because = "final_response" if case.final_sent else case.status.value
    return Next.GO_TO_OMBUDSMAN, COMPLAINANT, None, {"because": because}


def _next_paused(case: CaseReplay, deadlines: Mapping[Clock, date]) -> _NextAnswer:
    return Next.RESUME, COUNCIL, None, {"reason": case.paused_reason}


def _next_none(case: CaseReplay, deadlines: Mapping[Clock, date]) -> _NextAnswer:
    return None, None, None, {}


_NEXT: dict[Status, Callable[[CaseReplay, Mapping[Clock, date]], _NextAnswer]] = {
    Status.RECEIVED: _next_stage1,
    Status.AWAITING_DECISION: _next_stage1,
    Status.ACKNOWLEDGED: _next_stage1,
    Status.STAGE1_RESPONDED: _next_request(Next.REQUEST_STAGE2, Clock.STAGE2_REQUEST),
    Status.STAGE2_REQUESTED: _next_stage2,
    Status.STAGE2_INVESTIGATING: _next_stage2,
    Status.STAGE2_RESPONDED: _next_request(Next.REQUEST_STAGE3, Clock.STAGE3_REQUEST),
    Status.STAGE3_REQUESTED: _next_panel,
    Status.PANEL_CONVENED: _next_panel,
    Status.PANEL_HELD: _next_fixed(Next.SEND_PANEL_REPORT, Clock.PANEL_REPORT, by="panel"),
    Status.PANEL_REPORTED: _next_fixed(Next.SEND_FINAL_RESPONSE, Clock.FINAL_RESPONSE),
    Status.FINAL_RESPONSE_SENT: _next_ombudsman,
    Status.ESCALATION_REFUSED: _next_ombudsman,
    Status.REFUSED: _next_ombudsman,
    Status.NO_SUFFICIENT_INTEREST: _next_ombudsman,
    Status.PAUSED: _next_paused,
    Status.CLOSED: _next_none,
    Status.WITHDRAWN: _next_none,
    Status.RESOLVED_EARLY: _next_none,
}
