"""The complaint lifecycle: facts are stored, status is derived (DESIGN.md §1, principle 3).

A complaint is an append-only list of Events. ``state(events, timescales, today)`` replays them
through the statutory three-stage procedure (domain.md §4) and returns a CaseState: the stage,
the status, what happens next and who does it, the due date and the working days left or
overdue, whether the person may now ask to escalate or go to the Ombudsman, flags, and the
history. Nothing here reads the clock or stores a status, so the same events, profile and day
always give the same answer, and a corrected event corrects everything derived from it.

Counting. Every timescale is in working days as reg. 2 of the 2006 Regulations defines them,
counted as portal.domain.calendar explains: the day something arrives (the complaint, a
request, a response, a decision, a meeting) is day 0 and never counts, the limit is the n-th
working day after it, and anything dated on a non-working day counts from the next working
day. A step done on its due date is on time; one done later sets a ``late_<clock>`` flag.

Replay. Events are replayed in date order; events on the same date keep the order they were
recorded in, so a forgotten acknowledgement recorded afterwards with its true date still fits.
Events dated after ``today`` have not happened yet and are left out, so ``state`` also answers
"what was the position on that day". An event the procedure does not allow at that point
raises IllegalTransition; an event with missing or wrong details raises InvalidEvent. Both
name the event, its date and the status, and both are ValueErrors.

Event kinds (``Kind``; the values are the strings the staff side stores). Details are strings.

=============================== ======================================================== ==========
kind                            meaning, and the details it takes                        source
=============================== ======================================================== ==========
received                        the complaint arrived: day 0 of acknowledgement and      reg. 14
                                stage 1. ``sufficient_interest="pending"`` when the
                                council must first decide the complainant's interest
acknowledged                    the council acknowledged it                              council
sufficient_interest_decided     ``decision`` yes/no; stage 1 counts from a yes; a no     reg. 12
                                ends the case and needs a ``reason`` naming the
                                Ombudsman
advocate_needed                 an advocate is needed; at stage 1 this extends the       reg. 14,
                                response by 10 working days (within reg. 14's 20)        s.26A
stage1_extended                 ``reason`` required; adds the profile's extension        reg. 14
stage1_response_sent            stage 1 answered; the person's window to ask for         reg. 15
                                stage 2 starts
stage2_requested                asked for stage 2; a late request is accepted and        §9.3
                                flagged ``late_stage2_request``
statement_agreed                the Statement of Complaint is agreed (stage 2 day 0      reg. 16-17
                                when the profile counts from it)
investigating_officer_appointed the IO                                                   reg. 17
independent_person_appointed    the IP                                                   reg. 17
stage2_extended                 ``reason`` and ``days`` required; never beyond 65        reg. 17
stage2_response_sent            the adjudication; the 20 working days to ask for a       reg. 17-18
                                review panel start
stage3_requested                asked for a review panel (late: accepted and flagged)    reg. 18
panel_convened                  the panel is arranged; optional ``meeting_on`` (ISO)     reg. 19
panel_held                      the panel met (due 30 working days after the request)    reg. 19(4)
panel_report_sent               its report (due 5 working days after the meeting)        reg. 20
final_response_sent             the council's response (due 15 after the report)         reg. 20(3)
closed                          the council closed the case after a stage's answer
withdrawn                       the complainant withdrew
resolved_early                  resolved before the stage finished
paused                          ``reason`` required (e.g. proceedings): every running    reg. 8
                                clock stops
resumed                         the clocks restart; each due date moves by the working
                                days in (paused, resumed]
refused                         the council will not consider it; the ``reason`` must    §4.4
                                name the Ombudsman (or LGSCO)
escalation_refused              the council refused a stage 2 or 3 request; ``reason``   §8.3 F8
                                required. The refusal is a complaint of its own:
                                CaseState.new_complaints holds its ``received`` event
referred_to_ombudsman           the person went to the Ombudsman                         §4.4
=============================== ======================================================== ==========

``TRANSITIONS`` says in which statuses each kind may be recorded; a few handlers add a
condition of their own (acknowledged, stage1_extended, the sufficient-interest decision, each
appointment and referred_to_ombudsman happen once; the adjudication needs the IO and the IP; a
request after ``closed`` needs that stage's answer; a reversal after ``escalation_refused``
must be for the stage that was refused).

Flags (CaseState.flags): ``late_<clock>`` for every Clock whose step came after its due date,
or which is running past it today (the council's clocks only: a person's late request is
``late_stage2_request`` / ``late_stage3_request`` when it comes); ``stage1_extended``,
``stage2_extended``, ``advocate``, ``sufficient_interest_decided``, ``paused``,
``stage2_requested_before_stage1_response``, ``reopened`` (a request after closing),
``escalation_refused``, ``escalation_refusal_reversed``, ``referred_to_ombudsman`` and
``panel_meeting_after_deadline``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from portal.domain import calendar
from portal.domain.timescales import STAGE1_LONGEST, Timescales

COUNCIL = "council"
COMPLAINANT = "complainant"
#: CaseState.stage of a case that is over
CLOSED_STAGE = "closed"
#: reg. 14 (as S2 and G5 summarise it): needing an advocate adds 10 working days at stage 1,
#: within reg. 14's 20 in all, so a profile that already takes 20 gets nothing more
ADVOCATE_EXTENSION = 10

_OMBUDSMAN = re.compile(r"\b(ombudsman|lgsco)\b", re.IGNORECASE)


class Kind(StrEnum):
    """The event kinds: a contract with the staff side (see the module docstring)."""

    RECEIVED = "received"
    ACKNOWLEDGED = "acknowledged"
    SUFFICIENT_INTEREST_DECIDED = "sufficient_interest_decided"
    ADVOCATE_NEEDED = "advocate_needed"
    STAGE1_EXTENDED = "stage1_extended"
    STAGE1_RESPONSE_SENT = "stage1_response_sent"
    STAGE2_REQUESTED = "stage2_requested"
    STATEMENT_AGREED = "statement_agreed"
    INVESTIGATING_OFFICER_APPOINTED = "investigating_officer_appointed"
    INDEPENDENT_PERSON_APPOINTED = "independent_person_appointed"
    STAGE2_EXTENDED = "stage2_extended"
    STAGE2_RESPONSE_SENT = "stage2_response_sent"
    STAGE3_REQUESTED = "stage3_requested"
    PANEL_CONVENED = "panel_convened"
    PANEL_HELD = "panel_held"
    PANEL_REPORT_SENT = "panel_report_sent"
    FINAL_RESPONSE_SENT = "final_response_sent"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"
    RESOLVED_EARLY = "resolved_early"
    PAUSED = "paused"
    RESUMED = "resumed"
    REFUSED = "refused"
    ESCALATION_REFUSED = "escalation_refused"
    REFERRED_TO_OMBUDSMAN = "referred_to_ombudsman"


EVENT_KINDS: frozenset[str] = frozenset(Kind)


class Status(StrEnum):
    RECEIVED = "received"
    AWAITING_DECISION = "awaiting_sufficient_interest_decision"
    ACKNOWLEDGED = "acknowledged"
    STAGE1_RESPONDED = "stage1_responded"
    STAGE2_REQUESTED = "stage2_requested"
    STAGE2_INVESTIGATING = "stage2_investigating"
    STAGE2_RESPONDED = "stage2_responded"
    STAGE3_REQUESTED = "stage3_requested"
    PANEL_CONVENED = "panel_convened"
    PANEL_HELD = "panel_held"
    PANEL_REPORTED = "panel_reported"
    FINAL_RESPONSE_SENT = "final_response_sent"
    ESCALATION_REFUSED = "escalation_refused"
    PAUSED = "paused"
    # the case is over
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"
    RESOLVED_EARLY = "resolved_early"
    REFUSED = "refused"
    NO_SUFFICIENT_INTEREST = "no_sufficient_interest"


CLOSED_STATUSES = frozenset(
    {
        Status.CLOSED,
        Status.WITHDRAWN,
        Status.RESOLVED_EARLY,
        Status.REFUSED,
        Status.NO_SUFFICIENT_INTEREST,
    }
)
OPEN_STATUSES = frozenset(Status) - CLOSED_STATUSES


class Next(StrEnum):
    """What happens next: CaseState.next_step."""

    ACKNOWLEDGE = "acknowledge"
    DECIDE_SUFFICIENT_INTEREST = "decide_sufficient_interest"
    SEND_STAGE1_RESPONSE = "send_stage1_response"
    REQUEST_STAGE2 = "request_stage2"
    AGREE_STATEMENT = "agree_statement"
    APPOINT_INVESTIGATORS = "appoint_investigators"
    SEND_STAGE2_RESPONSE = "send_stage2_response"
    REQUEST_STAGE3 = "request_stage3"
    HOLD_PANEL = "hold_panel"
    SEND_PANEL_REPORT = "send_panel_report"
    SEND_FINAL_RESPONSE = "send_final_response"
    RESUME = "resume"
    GO_TO_OMBUDSMAN = "go_to_ombudsman"


class Clock(StrEnum):
    """The timescales a case runs; ``late_<clock>`` is the flag for missing one."""

    ACKNOWLEDGE = "acknowledge"
    STAGE1 = "stage1"
    STAGE2_REQUEST = "stage2_request"  # the complainant's window
    STAGE2 = "stage2"
    STAGE2_FROM_REQUEST = "stage2_from_request"  # 65 from the request: domain.md §9.4
    STAGE3_REQUEST = "stage3_request"  # the complainant's window
    PANEL = "panel"
    PANEL_REPORT = "panel_report"
    FINAL_RESPONSE = "final_response"


_STAGE1_OPEN = frozenset({Status.RECEIVED, Status.ACKNOWLEDGED, Status.AWAITING_DECISION})
_STAGE2_OPEN = frozenset({Status.STAGE2_REQUESTED, Status.STAGE2_INVESTIGATING})
_STAGE2_SETUP = _STAGE2_OPEN | {Status.ESCALATION_REFUSED}

#: where each kind may be recorded (``received`` only as the first event)
TRANSITIONS: Mapping[Kind, frozenset[Status]] = {
    Kind.RECEIVED: frozenset(),
    Kind.ACKNOWLEDGED: frozenset({Status.RECEIVED, Status.AWAITING_DECISION}),
    Kind.SUFFICIENT_INTEREST_DECIDED: _STAGE1_OPEN,
    Kind.ADVOCATE_NEEDED: OPEN_STATUSES,
    Kind.STAGE1_EXTENDED: _STAGE1_OPEN,
    Kind.STAGE1_RESPONSE_SENT: frozenset({Status.RECEIVED, Status.ACKNOWLEDGED}),
    Kind.STAGE2_REQUESTED: frozenset(
        {Status.RECEIVED, Status.ACKNOWLEDGED, Status.STAGE1_RESPONDED, Status.CLOSED}
    ),
    Kind.STATEMENT_AGREED: frozenset({Status.STAGE2_REQUESTED, Status.ESCALATION_REFUSED}),
    Kind.INVESTIGATING_OFFICER_APPOINTED: _STAGE2_SETUP,
    Kind.INDEPENDENT_PERSON_APPOINTED: _STAGE2_SETUP,
    Kind.STAGE2_EXTENDED: _STAGE2_OPEN,
    Kind.STAGE2_RESPONSE_SENT: frozenset({Status.STAGE2_INVESTIGATING}),
    Kind.STAGE3_REQUESTED: frozenset({Status.STAGE2_RESPONDED, Status.CLOSED}),
    Kind.PANEL_CONVENED: frozenset({Status.STAGE3_REQUESTED, Status.ESCALATION_REFUSED}),
    Kind.PANEL_HELD: frozenset(
        {Status.STAGE3_REQUESTED, Status.PANEL_CONVENED, Status.ESCALATION_REFUSED}
    ),
    Kind.PANEL_REPORT_SENT: frozenset({Status.PANEL_HELD}),
    Kind.FINAL_RESPONSE_SENT: frozenset({Status.PANEL_REPORTED}),
    Kind.CLOSED: frozenset(
        {
            Status.STAGE1_RESPONDED,
            Status.STAGE2_RESPONDED,
            Status.FINAL_RESPONSE_SENT,
            Status.ESCALATION_REFUSED,
        }
    ),
    Kind.WITHDRAWN: OPEN_STATUSES,
    Kind.RESOLVED_EARLY: OPEN_STATUSES,
    Kind.PAUSED: OPEN_STATUSES - {Status.PAUSED},
    Kind.RESUMED: frozenset({Status.PAUSED}),
    Kind.REFUSED: OPEN_STATUSES,
    Kind.ESCALATION_REFUSED: frozenset({Status.STAGE2_REQUESTED, Status.STAGE3_REQUESTED}),
    Kind.REFERRED_TO_OMBUDSMAN: frozenset(Status),
}

#: after escalation_refused, these mean the council has since accepted the escalation
_REVERSES = {
    Kind.STATEMENT_AGREED: 2,
    Kind.INVESTIGATING_OFFICER_APPOINTED: 2,
    Kind.INDEPENDENT_PERSON_APPOINTED: 2,
    Kind.PANEL_CONVENED: 3,
    Kind.PANEL_HELD: 3,
}


class StageError(ValueError):
    """An event the lifecycle cannot accept."""

    def __init__(self, message: str, event: Event | None = None, status: str | None = None):
        super().__init__(message)
        self.event = event
        self.status = status


class IllegalTransition(StageError):
    """The event cannot happen in the case's current status."""


class InvalidEvent(StageError):
    """The event's kind or details are wrong (a missing reason, an extension too long...)."""


@dataclass(frozen=True)
class Event:
    """One fact about a complaint: what happened, on which day, and a few details."""

    kind: str
    on: date
    details: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in EVENT_KINDS:
            raise InvalidEvent(f"unknown event kind {self.kind!r}; known: {sorted(EVENT_KINDS)}")
        if isinstance(self.on, datetime) or not isinstance(self.on, date):
            raise TypeError(f"an event's day must be a date, not {self.on!r}")
        object.__setattr__(self, "kind", Kind(self.kind))
        object.__setattr__(self, "details", dict(self.details))


@dataclass(frozen=True)
class HistoryEntry:
    event: Event
    #: the due date the event answered (None if it answered none) and whether it was late
    due: date | None
    late: bool
    #: the status the event left the case in
    status: str


@dataclass(frozen=True)
class CaseState:
    #: 1, 2 or 3, or CLOSED_STAGE once the case is over
    stage: int | str
    #: the highest stage the case reached (1 to 3), closed or not
    stage_reached: int
    status: str
    #: a Next id, or None when nothing more is expected
    next_step: str | None
    #: what a page needs to say the next step (see _NEXT_DATA_KEYS); all values are strings
    next_data: Mapping[str, str]
    #: COUNCIL or COMPLAINANT, or None
    who: str | None
    due: date | None
    overdue: bool
    #: working days in (today, due]: 0 when due today. None when overdue or nothing is due
    days_left: int | None
    #: when overdue: how late something done today would be (today as day 0, so at least 1)
    days_overdue: int | None
    may_escalate: bool
    may_go_to_ombudsman: bool
    flags: frozenset[str]
    #: every timescale the case has run, by Clock name, with pauses applied (while paused,
    #: as if it restarted today)
    deadlines: Mapping[str, date]
    received: date
    paused_working_days: int
    #: complaints to open because of this one (a refused escalation), as received events
    new_complaints: tuple[Event, ...]
    history: tuple[HistoryEntry, ...]

    @property
    def is_open(self) -> bool:
        return self.stage != CLOSED_STAGE


def day0(d: date) -> date:
    """The working day an event dated ``d`` counts from: itself, or the next working day."""
    return d if calendar.is_working_day(d) else calendar.add_working_days(d, 1)


def advocate_extension(timescales: Timescales) -> int:
    """Working days an advocate adds to stage 1 under this profile."""
    return min(ADVOCATE_EXTENSION, STAGE1_LONGEST - timescales.stage1)


@dataclass
class _Clock:
    who: str
    start: date  # day 0
    length: int
    shift: int = 0  # working days paused while it ran
    met: date | None = None
    stopped: bool = False

    @property
    def running(self) -> bool:
        return self.met is None and not self.stopped

    def due(self, extra: int = 0) -> date:
        return calendar.add_working_days(self.start, self.length + self.shift + extra)


class _Case:
    """The replay: one handler per event kind, each small enough to read against the law."""

    def __init__(self, timescales: Timescales) -> None:
        self.t = timescales
        self.status: Status | None = None
        self.stage = 1
        self.stage_reached = 1
        self.received: date | None = None
        self.clocks: dict[Clock, _Clock] = {}
        self.flags: set[str] = set()
        self.acknowledged = False
        self.stage1_extension = 0
        self.stage1_extended = False
        self.stage2_extension = 0
        self.appointed: set[Kind] = set()
        self.paused_on: date | None = None
        self.paused_from: Status | None = None
        self.paused_reason = ""
        self.paused_days = 0
        self.closed_after: Status | None = None
        self.refused_stage = 0
        self.refusal_stopped: list[_Clock] = []
        self.final_sent = False
        self.referred = False
        self.meeting_on: date | None = None
        self.history: list[HistoryEntry] = []
        self.new_complaints: list[Event] = []
        self._answered: _Clock | None = None
        self._answered_late = False

    # --- replay --------------------------------------------------------------------------

    def apply(self, ev: Event) -> None:
        if self.status is None or ev.kind is Kind.RECEIVED:
            if self.status is not None or ev.kind is not Kind.RECEIVED:
                self._illegal(ev, "a case starts with one received event")
        elif self.status not in TRANSITIONS[ev.kind]:
            self._illegal(ev)
        if self.status is Status.ESCALATION_REFUSED and ev.kind in _REVERSES:
            self._reverse_refusal(ev)
        self._answered, self._answered_late = None, False
        getattr(self, f"_on_{ev.kind.value}")(ev)
        due = self._answered.due() if self._answered else None
        self.history.append(HistoryEntry(ev, due, self._answered_late, str(self.status)))

    def _illegal(self, ev: Event, why: str = "") -> None:
        status = self.status.value if self.status else "not yet received"
        message = f"cannot record {ev.kind.value!r} on {ev.on.isoformat()}: the case is {status!r}"
        raise IllegalTransition(f"{message} ({why})" if why else message, ev, status)

    def _invalid(self, ev: Event, why: str) -> None:
        status = self.status.value if self.status else "not yet received"
        raise InvalidEvent(
            f"cannot record {ev.kind.value!r} on {ev.on.isoformat()} while the case is "
            f"{status!r}: {why}",
            ev,
            status,
        )

    def _reason(self, ev: Event, ombudsman: bool = False) -> str:
        reason = str(ev.details.get("reason", "")).strip()
        if not reason:
            self._invalid(ev, "a reason is required")
        if ombudsman and not _OMBUDSMAN.search(reason):
            self._invalid(ev, "the reason must name the Ombudsman (LGSCO) the person can go to")
        return reason

    # --- clocks --------------------------------------------------------------------------

    def _start(self, name: Clock, who: str, day: date, length: int) -> None:
        self.clocks[name] = _Clock(who, day, length)

    def _meet(self, name: Clock, day: date) -> None:
        """The step the clock was waiting for happened on ``day`` (a day 0)."""
        clock = self.clocks[name]
        if clock.met is not None:  # already answered (an answer also acknowledges)
            return
        clock.met = day
        late = day > clock.due()
        if late:
            self.flags.add(f"late_{name.value}")
        if self._answered is None:
            self._answered, self._answered_late = clock, late

    def _stop(self, day: date) -> None:
        """The case moved on without the steps these clocks waited for."""
        for name, clock in self.clocks.items():
            if clock.running:
                clock.stopped = True
                if clock.who == COUNCIL and day > clock.due():
                    self.flags.add(f"late_{name.value}")

    # --- stage 1 -------------------------------------------------------------------------

    def _on_received(self, ev: Event) -> None:
        day = day0(ev.on)
        self.received = day
        self.status = Status.RECEIVED
        self._start(Clock.ACKNOWLEDGE, COUNCIL, day, self.t.acknowledge)
        pending = ev.details.get("sufficient_interest")
        if pending is None:
            self._start_stage1(day)
        elif pending == "pending":
            self.status = Status.AWAITING_DECISION
        else:
            self._invalid(ev, "sufficient_interest can only be 'pending'")

    def _start_stage1(self, day: date) -> None:
        self._start(Clock.STAGE1, COUNCIL, day, self.t.stage1 + self.stage1_extension)

    def _extend_stage1(self, days: int) -> None:
        self.stage1_extension = max(self.stage1_extension, days)
        clock = self.clocks.get(Clock.STAGE1)
        if clock is not None:
            clock.length = self.t.stage1 + self.stage1_extension

    def _on_acknowledged(self, ev: Event) -> None:
        if self.acknowledged:
            self._illegal(ev, "already acknowledged")
        self.acknowledged = True
        self._meet(Clock.ACKNOWLEDGE, day0(ev.on))
        if self.status is Status.RECEIVED:
            self.status = Status.ACKNOWLEDGED

    def _on_sufficient_interest_decided(self, ev: Event) -> None:
        decision = ev.details.get("decision")
        if decision == "no":
            self._reason(ev, ombudsman=True)
            self._close(Status.NO_SUFFICIENT_INTEREST, ev)
            return
        if decision != "yes":
            self._invalid(ev, "decision must be 'yes' or 'no'")
        if "sufficient_interest_decided" in self.flags:
            self._illegal(ev, "already decided")
        self.flags.add("sufficient_interest_decided")
        self._start_stage1(day0(ev.on))  # reg. 12/14: stage 1 runs from the decision
        self.status = Status.ACKNOWLEDGED if self.acknowledged else Status.RECEIVED

    def _on_advocate_needed(self, ev: Event) -> None:
        self.flags.add("advocate")
        if self.status in _STAGE1_OPEN:
            self._extend_stage1(advocate_extension(self.t))

    def _on_stage1_extended(self, ev: Event) -> None:
        self._reason(ev)
        if self.stage1_extended:
            self._illegal(ev, "stage 1 can be extended once")
        if not self.t.stage1_extension:
            self._invalid(ev, "this council's stage 1 timescale has no extension")
        self.stage1_extended = True
        self.flags.add("stage1_extended")
        self._extend_stage1(self.t.stage1_extension)

    def _on_stage1_response_sent(self, ev: Event) -> None:
        day = day0(ev.on)
        self._meet(Clock.STAGE1, day)
        self._meet(Clock.ACKNOWLEDGE, day)  # an answer is an acknowledgement too
        self.status = Status.STAGE1_RESPONDED
        self._start(Clock.STAGE2_REQUEST, COMPLAINANT, day, self.t.stage2_request_window)

    # --- stage 2 -------------------------------------------------------------------------

    def _reopen(self, ev: Event, after: Status) -> None:
        if self.status is Status.CLOSED:
            if self.closed_after is not after:
                self._illegal(ev, f"it was closed before reaching {after.value!r}")
            self.flags.add("reopened")
            self.closed_after = None

    def _on_stage2_requested(self, ev: Event) -> None:
        day = day0(ev.on)
        if self.status in (Status.RECEIVED, Status.ACKNOWLEDGED):
            # the council is late or the person wants to move on: a request is a fact
            self.flags.add("stage2_requested_before_stage1_response")
            self._stop(day)
        else:
            self._reopen(ev, Status.STAGE1_RESPONDED)
            self._meet(Clock.STAGE2_REQUEST, day)  # late requests are accepted, and flagged
        self.stage = self.stage_reached = 2
        self.status = Status.STAGE2_REQUESTED
        self._start(Clock.STAGE2_FROM_REQUEST, COUNCIL, day, self.t.stage2_max)
        if self.t.stage2_clock_start == "request":
            self._start_stage2(day)

    def _start_stage2(self, day: date) -> None:
        self._start(Clock.STAGE2, COUNCIL, day, self.t.stage2 + self.stage2_extension)

    def _on_statement_agreed(self, ev: Event) -> None:
        self.status = Status.STAGE2_INVESTIGATING
        if self.t.stage2_clock_start == "statement_agreed":
            self._start_stage2(day0(ev.on))

    def _appoint(self, ev: Event) -> None:
        if ev.kind in self.appointed:
            self._illegal(ev, "already appointed")
        self.appointed.add(ev.kind)

    _on_investigating_officer_appointed = _appoint
    _on_independent_person_appointed = _appoint

    def _on_stage2_extended(self, ev: Event) -> None:
        self._reason(ev)
        days = ev.details.get("days", "")
        if not str(days).isdigit() or int(days) < 1:
            self._invalid(ev, "days must be a whole number of working days, at least 1")
        total = self.t.stage2 + self.stage2_extension + int(days)
        if total > self.t.stage2_max:
            self._invalid(
                ev, f"stage 2 would take {total} working days; reg. 17 allows {self.t.stage2_max}"
            )
        self.stage2_extension += int(days)
        self.flags.add("stage2_extended")
        clock = self.clocks.get(Clock.STAGE2)
        if clock is not None:
            clock.length = total

    def _on_stage2_response_sent(self, ev: Event) -> None:
        missing = {Kind.INVESTIGATING_OFFICER_APPOINTED, Kind.INDEPENDENT_PERSON_APPOINTED}
        missing -= self.appointed
        if missing:
            self._illegal(ev, "record the " + " and ".join(sorted(missing)) + " first")
        day = day0(ev.on)
        self._meet(Clock.STAGE2, day)
        self._meet(Clock.STAGE2_FROM_REQUEST, day)
        self.status = Status.STAGE2_RESPONDED
        self._start(Clock.STAGE3_REQUEST, COMPLAINANT, day, self.t.stage3_request_window)

    # --- stage 3 -------------------------------------------------------------------------

    def _on_stage3_requested(self, ev: Event) -> None:
        day = day0(ev.on)
        self._reopen(ev, Status.STAGE2_RESPONDED)
        self._meet(Clock.STAGE3_REQUEST, day)
        self.stage = self.stage_reached = 3
        self.status = Status.STAGE3_REQUESTED
        self._start(Clock.PANEL, COUNCIL, day, self.t.panel)

    def _on_panel_convened(self, ev: Event) -> None:
        meeting = ev.details.get("meeting_on")
        if meeting is not None:
            try:
                self.meeting_on = date.fromisoformat(meeting)
            except (TypeError, ValueError):
                self._invalid(ev, f"meeting_on must be a date like 2027-05-25, not {meeting!r}")
            if day0(self.meeting_on) > self.clocks[Clock.PANEL].due():
                self.flags.add("panel_meeting_after_deadline")
        self.status = Status.PANEL_CONVENED

    def _on_panel_held(self, ev: Event) -> None:
        day = day0(ev.on)
        self._meet(Clock.PANEL, day)
        self.status = Status.PANEL_HELD
        self._start(Clock.PANEL_REPORT, COUNCIL, day, self.t.panel_report)

    def _on_panel_report_sent(self, ev: Event) -> None:
        day = day0(ev.on)
        self._meet(Clock.PANEL_REPORT, day)
        self.status = Status.PANEL_REPORTED
        self._start(Clock.FINAL_RESPONSE, COUNCIL, day, self.t.final_response)

    def _on_final_response_sent(self, ev: Event) -> None:
        self._meet(Clock.FINAL_RESPONSE, day0(ev.on))
        self.status = Status.FINAL_RESPONSE_SENT
        self.final_sent = True

    # --- side paths ----------------------------------------------------------------------

    def _close(self, status: Status, ev: Event) -> None:
        self._stop(day0(ev.on))
        self.closed_after = self.status
        self.status = status

    def _on_closed(self, ev: Event) -> None:
        self._close(Status.CLOSED, ev)

    def _on_withdrawn(self, ev: Event) -> None:
        self._close(Status.WITHDRAWN, ev)

    def _on_resolved_early(self, ev: Event) -> None:
        self._close(Status.RESOLVED_EARLY, ev)

    def _on_refused(self, ev: Event) -> None:
        self._reason(ev, ombudsman=True)
        self._close(Status.REFUSED, ev)

    def _on_paused(self, ev: Event) -> None:
        self.paused_reason = self._reason(ev)
        self.paused_on = day0(ev.on)
        self.paused_from = self.status
        self.status = Status.PAUSED
        self.flags.add("paused")

    def _on_resumed(self, ev: Event) -> None:
        assert self.paused_on is not None and self.paused_from is not None
        days = calendar.working_days_between(self.paused_on, day0(ev.on))
        for clock in self.clocks.values():
            if clock.running:
                clock.shift += days
        self.paused_days += days
        self.status, self.paused_on, self.paused_from = self.paused_from, None, None

    def _on_escalation_refused(self, ev: Event) -> None:
        reason = self._reason(ev)
        self.refused_stage = self.stage
        self.refusal_stopped = [c for c in self.clocks.values() if c.running and c.who == COUNCIL]
        for clock in self.refusal_stopped:
            clock.stopped = True
        self.stage -= 1
        self.status = Status.ESCALATION_REFUSED
        self.flags.add("escalation_refused")
        details = {"about": "escalation_refused", "stage": str(self.refused_stage)}
        self.new_complaints.append(Event(Kind.RECEIVED, ev.on, details | {"reason": reason}))

    def _reverse_refusal(self, ev: Event) -> None:
        if _REVERSES[ev.kind] != self.refused_stage:
            self._illegal(ev, f"the refused request was for stage {self.refused_stage}")
        for clock in self.refusal_stopped:
            clock.stopped = False
        self.stage = self.refused_stage
        refused_from = {2: Status.STAGE2_REQUESTED, 3: Status.STAGE3_REQUESTED}
        self.status = refused_from[self.refused_stage]
        self.flags.add("escalation_refusal_reversed")

    def _on_referred_to_ombudsman(self, ev: Event) -> None:
        if self.referred:
            self._illegal(ev, "already referred")
        self.referred = True
        self.flags.add("referred_to_ombudsman")

    # --- the answer ----------------------------------------------------------------------

    def finish(self, today: date) -> CaseState:
        assert self.status is not None and self.received is not None
        paused_extra = 0
        if self.status is Status.PAUSED:
            assert self.paused_on is not None
            paused_extra = calendar.working_days_between(self.paused_on, day0(today))
        deadlines = {
            name: clock.due(paused_extra if clock.running else 0)
            for name, clock in self.clocks.items()
        }
        flags = set(self.flags)
        council_late = False
        for name, clock in self.clocks.items():
            if clock.running and clock.who == COUNCIL and today > deadlines[name]:
                flags.add(f"late_{name.value}")
                council_late = True
        step, who, clock_name, data = _NEXT[self.status](self, deadlines)
        due = deadlines[clock_name] if clock_name else None
        overdue = due is not None and today > due
        closed = self.status in CLOSED_STATUSES
        return CaseState(
            stage=CLOSED_STAGE if closed else self.stage,
            stage_reached=self.stage_reached,
            status=str(self.status),
            next_step=str(step) if step else None,
            next_data=data,
            who=who,
            due=due,
            overdue=overdue,
            days_left=None if due is None or overdue else calendar.working_days_between(today, due),
            days_overdue=calendar.working_days_between(due, day0(today))
            if due is not None and overdue
            else None,
            may_escalate=self._may_escalate(today, deadlines),
            may_go_to_ombudsman=self._may_go_to_ombudsman(council_late),
            flags=frozenset(flags),
            deadlines={str(k): v for k, v in deadlines.items()},
            received=self.received,
            paused_working_days=self.paused_days + paused_extra,
            new_complaints=tuple(self.new_complaints),
            history=tuple(self.history),
        )

    def _may_escalate(self, today: date, deadlines: Mapping[Clock, date]) -> bool:
        """Whether to offer "ask to move to the next stage" (domain.md §4.4)."""
        if self.status in (Status.STAGE1_RESPONDED, Status.STAGE2_RESPONDED):
            return True  # late requests too: the council decides, never the portal
        if self.status in (Status.RECEIVED, Status.ACKNOWLEDGED):
            return today > deadlines[Clock.STAGE1]  # the council is late at stage 1
        if self.status is Status.CLOSED and self.closed_after is Status.STAGE1_RESPONDED:
            return today <= deadlines[Clock.STAGE2_REQUEST]
        if self.status is Status.CLOSED and self.closed_after is Status.STAGE2_RESPONDED:
            return today <= deadlines[Clock.STAGE3_REQUEST]
        return False

    def _may_go_to_ombudsman(self, council_late: bool) -> bool:
        """The LGSCO: after the last stage, after a refusal, or at any stage on delay (G2, S4)."""
        if self.referred:
            return False
        refused = {Status.REFUSED, Status.NO_SUFFICIENT_INTEREST, Status.ESCALATION_REFUSED}
        return (
            self.final_sent
            or self.status in refused
            or self.closed_after is Status.ESCALATION_REFUSED
            or council_late
        )


_NextAnswer = tuple[str | None, str | None, Clock | None, Mapping[str, str]]


def _iso(d: date) -> str:
    return d.isoformat()


def _next_stage1(case: _Case, deadlines: Mapping[Clock, date]) -> _NextAnswer:
    if not case.acknowledged:
        data = {"stage1_due": _iso(deadlines[Clock.STAGE1])} if Clock.STAGE1 in deadlines else {}
        return Next.ACKNOWLEDGE, COUNCIL, Clock.ACKNOWLEDGE, data
    if case.status is Status.AWAITING_DECISION:
        # "as soon as possible" (reg. 12): no figure, so no due date
        return Next.DECIDE_SUFFICIENT_INTEREST, COUNCIL, None, {}
    return Next.SEND_STAGE1_RESPONSE, COUNCIL, Clock.STAGE1, {}


def _next_stage2(case: _Case, deadlines: Mapping[Clock, date]) -> _NextAnswer:
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


def _next_request(step: Next, clock: Clock) -> Callable[[_Case, Mapping], _NextAnswer]:
    def answer(case: _Case, deadlines: Mapping[Clock, date]) -> _NextAnswer:
        return step, COMPLAINANT, clock, {"late_requests": "considered"}

    return answer


def _next_panel(case: _Case, deadlines: Mapping[Clock, date]) -> _NextAnswer:
    data = {"meeting_on": _iso(case.meeting_on)} if case.meeting_on else {}
    return Next.HOLD_PANEL, COUNCIL, Clock.PANEL, data


def _next_fixed(step: Next, clock: Clock, **data: str) -> Callable[[_Case, Mapping], _NextAnswer]:
    def answer(case: _Case, deadlines: Mapping[Clock, date]) -> _NextAnswer:
        return step, COUNCIL, clock, dict(data)

    return answer


def _next_ombudsman(case: _Case, deadlines: Mapping[Clock, date]) -> _NextAnswer:
    if case.referred:
        return None, None, None, {}
    because = "final_response" if case.final_sent else case.status.value
    return Next.GO_TO_OMBUDSMAN, COMPLAINANT, None, {"because": because}


def _next_paused(case: _Case, deadlines: Mapping[Clock, date]) -> _NextAnswer:
    return Next.RESUME, COUNCIL, None, {"reason": case.paused_reason}


def _next_none(case: _Case, deadlines: Mapping[Clock, date]) -> _NextAnswer:
    return None, None, None, {}


_NEXT: dict[Status, Callable[[_Case, Mapping[Clock, date]], _NextAnswer]] = {
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

#: the keys next_data may hold, for the pages that say the next step
_NEXT_DATA_KEYS = (
    "stage1_due",  # acknowledge: when the stage 1 answer is due as well
    "from_request_due",  # stage 2: 65 working days from the request (domain.md §9.4)
    "missing",  # appoint_investigators: "independent_person" and/or "investigating_officer"
    "late_requests",  # request_stage2/3: "considered" (a late request is never refused outright)
    "meeting_on",  # hold_panel: the arranged meeting day
    "by",  # send_panel_report: "panel"
    "because",  # go_to_ombudsman: final_response, refused, escalation_refused...
    "reason",  # resume: why the case was paused
)


def state(events: Iterable[Event], timescales: Timescales, today: date) -> CaseState:
    """Replay a complaint's events under a council's timescales, as things stand on ``today``.

    Raises IllegalTransition or InvalidEvent (both StageError, a ValueError) for an event the
    procedure does not allow, and StageError when nothing has been received by ``today``.
    """
    happened = sorted((ev for ev in events if ev.on <= today), key=lambda ev: ev.on)
    if not happened:
        raise StageError(f"no complaint has been received by {today.isoformat()}")
    case = _Case(timescales)
    for ev in happened:
        case.apply(ev)
    return case.finish(today)


# --- the whole timeline, for checking dates by hand ----------------------------------------


@dataclass(frozen=True)
class Milestone:
    #: "received", a Clock name, or "stage1_extended", "stage1_advocate", "stage2_longest"
    key: str
    due: date
    #: the step's own timescale, in working days after the milestone it counts from
    working_days: int
    #: the key of that milestone ("" for received)
    after: str
    #: working days from receipt (day 0) to ``due``
    from_received: int
    who: str


def timeline(received_on: date, timescales: Timescales) -> tuple[Milestone, ...]:
    """Every due date for a complaint received on ``received_on``, if each step takes its time.

    Each step is taken on the last day allowed, without extensions (the extended dates are
    shown as separate milestones), and the Statement of Complaint is agreed on the day stage 2
    is asked for, so both ways of starting the stage 2 clock give the same dates. The same
    counting as ``state``: replaying those events gives these dates (tests/test_stages.py).
    """
    t = timescales
    start = day0(received_on)
    dates = {"received": start}
    rows = [Milestone("received", start, 0, "", 0, COMPLAINANT)]

    def add(key: str, after: str, n: int, who: str) -> None:
        due = calendar.add_working_days(dates[after], n)
        dates[key] = due
        rows.append(
            Milestone(str(key), due, n, str(after), calendar.working_days_between(start, due), who)
        )

    add(Clock.ACKNOWLEDGE, "received", t.acknowledge, COUNCIL)
    add(Clock.STAGE1, "received", t.stage1, COUNCIL)
    if t.stage1_extension:
        add("stage1_extended", "received", t.stage1_longest, COUNCIL)
    advocate = advocate_extension(t)
    if advocate and advocate != t.stage1_extension:
        add("stage1_advocate", "received", t.stage1 + advocate, COUNCIL)
    add(Clock.STAGE2_REQUEST, Clock.STAGE1, t.stage2_request_window, COMPLAINANT)
    add(Clock.STAGE2, Clock.STAGE2_REQUEST, t.stage2, COUNCIL)
    add("stage2_longest", Clock.STAGE2_REQUEST, t.stage2_max, COUNCIL)
    add(Clock.STAGE3_REQUEST, Clock.STAGE2, t.stage3_request_window, COMPLAINANT)
    add(Clock.PANEL, Clock.STAGE3_REQUEST, t.panel, COUNCIL)
    add(Clock.PANEL_REPORT, Clock.PANEL, t.panel_report, COUNCIL)
    add(Clock.FINAL_RESPONSE, Clock.PANEL_REPORT, t.final_response, COUNCIL)
    return tuple(rows)
