"""The whole timeline of a complaint, for checking dates by hand (``flask deadlines``).

``timeline(received_on, timescales)`` lays every clock of portal.domain.clocks end to end, as
if each step took all the time it is allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from portal.domain import calendar
from portal.domain.clocks import COMPLAINANT, COUNCIL, Clock, advocate_extension, day0
from portal.domain.timescales import Timescales


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
