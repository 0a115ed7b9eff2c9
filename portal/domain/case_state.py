"""What ``state()`` answers: CaseState and the vocabulary it is given in (Status, Next).

Flags (CaseState.flags): ``late_<clock>`` for every Clock whose step came after its due date,
or which is running past it today (the council's clocks only: a person's late request is
``late_stage2_request`` / ``late_stage3_request`` when it comes); ``stage1_extended``,
``stage2_extended``, ``advocate``, ``sufficient_interest_decided``, ``paused``,
``stage2_requested_before_stage1_response``, ``reopened`` (a request after closing),
``escalation_refused``, ``escalation_refusal_reversed``, ``referred_to_ombudsman`` and
``panel_meeting_after_deadline``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from portal.domain.events import Event

#: CaseState.stage of a case that is over
CLOSED_STAGE = "closed"


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
