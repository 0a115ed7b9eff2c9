"""The clocks a complaint runs, and how they count.

Counting. Every timescale is in working days as reg. 2 of the 2006 Regulations defines them,
counted as portal.domain.calendar explains: the day something arrives (the complaint, a
request, a response, a decision, a meeting) is day 0 and never counts, the limit is the n-th
working day after it, and anything dated on a non-working day counts from the next working
day. A step done on its due date is on time; one done later sets a ``late_<clock>`` flag.

A clock belongs to COUNCIL (a response it owes) or to COMPLAINANT (the window to ask for the
next stage). portal.domain.replay starts, meets, stops and pauses them; portal.domain.timeline
lays them end to end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from portal.domain import calendar
from portal.domain.timescales import STAGE1_LONGEST, Timescales

COUNCIL = "council"
COMPLAINANT = "complainant"
#: reg. 14 (as S2 and G5 summarise it): needing an advocate adds 10 working days at stage 1,
#: within reg. 14's 20 in all, so a profile that already takes 20 gets nothing more
ADVOCATE_EXTENSION = 10


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


def day0(d: date) -> date:
    """The working day an event dated ``d`` counts from: itself, or the next working day."""
    return d if calendar.is_working_day(d) else calendar.add_working_days(d, 1)


def advocate_extension(timescales: Timescales) -> int:
    """Working days an advocate adds to stage 1 under this profile."""
    return min(ADVOCATE_EXTENSION, STAGE1_LONGEST - timescales.stage1)


@dataclass
class CaseClock:
    """One Clock as a case runs it: whose it is, its day 0 and length, and how it ended."""

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
