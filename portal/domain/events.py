"""What can be recorded about a complaint: the event kinds, Event, and the errors for a bad one.

A complaint is an append-only list of Events (DESIGN.md §1, principle 3);
portal.domain.stages replays them into the case's state. An Event checks its own kind and
day; the details each kind takes are checked when it is replayed, against the case as it
stands then (portal.domain.replay), and a bad one raises InvalidEvent.

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
                                stage 2 starts. ``outcome``: see below
stage2_requested                asked for stage 2; a late request is accepted and        §9.3
                                flagged ``late_stage2_request``
statement_agreed                the Statement of Complaint is agreed (stage 2 day 0      reg. 16-17
                                when the profile counts from it)
investigating_officer_appointed the IO                                                   reg. 17
independent_person_appointed    the IP                                                   reg. 17
stage2_extended                 ``reason`` and ``days`` required; never beyond 65        reg. 17
stage2_response_sent            the adjudication; the 20 working days to ask for a       reg. 17-18
                                review panel start. ``outcome``: see below
stage3_requested                asked for a review panel (late: accepted and flagged)    reg. 18
panel_convened                  the panel is arranged; optional ``meeting_on`` (ISO)     reg. 19
panel_held                      the panel met (due 30 working days after the request)    reg. 19(4)
panel_report_sent               its report (due 5 working days after the meeting)        reg. 20
final_response_sent             the council's response (due 15 after the report).        reg. 20(3)
                                ``outcome``: see below
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

``outcome`` (the three responses): ``upheld``, ``partly_upheld`` or ``not_upheld``, a contract
with the annual report (reg. 13(3): the outcome of each complaint). Any other value is
InvalidEvent; a missing one is allowed, as events recorded before it was asked for have none.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


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
