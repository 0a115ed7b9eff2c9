"""The replay: each event checked against the procedure and applied to the case, in turn.

``TRANSITIONS`` says in which statuses each kind may be recorded; a few handlers add a
condition of their own (acknowledged, stage1_extended, the sufficient-interest decision, each
appointment and referred_to_ombudsman happen once; the adjudication needs the IO and the IP; a
request after ``closed`` needs that stage's answer; a reversal after ``escalation_refused``
must be for the stage that was refused).

Each handler also checks the details its kind takes (domain.md §4; the table in
portal.domain.events) and raises InvalidEvent for missing or wrong ones; IllegalTransition is
for an event the case's status or history does not allow. Both name the event, its date and
the status.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from portal.domain import calendar
from portal.domain.case_state import OPEN_STATUSES, HistoryEntry, Status
from portal.domain.clocks import COMPLAINANT, COUNCIL, CaseClock, Clock, advocate_extension, day0
from portal.domain.events import Event, IllegalTransition, InvalidEvent, Kind
from portal.domain.timescales import Timescales

_OMBUDSMAN = re.compile(r"\b(ombudsman|lgsco)\b", re.IGNORECASE)

#: a response's ``outcome`` detail: a contract, as the annual report counts them (reg. 13(3)).
#: Events recorded before outcomes were asked for have none, and replay as they did.
OUTCOMES = ("upheld", "partly_upheld", "not_upheld")

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


class CaseReplay:
    """A case part way through its replay: what the events so far have made of it.

    One handler per event kind, each small enough to read against the law. Once every event is
    in, portal.domain.stages reads the CaseState from what is left here.
    """

    def __init__(self, timescales: Timescales) -> None:
        self.t = timescales
        self.status: Status | None = None
        self.stage = 1
        self.stage_reached = 1
        self.received: date | None = None
        self.clocks: dict[Clock, CaseClock] = {}
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
        self.refusal_stopped: list[CaseClock] = []
        self.final_sent = False
        self.referred = False
        self.meeting_on: date | None = None
        self.history: list[HistoryEntry] = []
        self.new_complaints: list[Event] = []
        self._answered: CaseClock | None = None
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

    def _outcome(self, ev: Event) -> None:
        outcome = ev.details.get("outcome")
        if outcome is not None and outcome not in OUTCOMES:
            self._invalid(ev, f"the outcome must be one of {', '.join(OUTCOMES)}, not {outcome!r}")

    # --- clocks --------------------------------------------------------------------------

    def _start(self, name: Clock, who: str, day: date, length: int) -> None:
        self.clocks[name] = CaseClock(who, day, length)

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
        self._outcome(ev)
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
        self._outcome(ev)
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
        self._outcome(ev)
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
