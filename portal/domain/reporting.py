"""The statutory complaints report: what happened in a reporting year or quarter, in counts.

A council must publish an annual report on its children's social care complaints, for 1 April
to 31 March, with their number, outcomes and whether the timescales were met (reg. 13(3),
as domain.md cites it). ``report()`` counts all of it from plain facts about each case (its
kind, a few answers, its stored events, the days the person asked for an advocate), replayed
through ``portal.domain.stages.state`` under the council's timescales, so every "on time" or
"late" here is the one the case page shows. Nothing here reads the clock or the database.

What counts in a period:

* received: complaints by the day of their ``received`` event, compliments and comments by
  the day they were sent; who complained, the team and whether they want an advocate are
  counted for the complaints received;
* stages started: stage 1 is a complaint received, stages 2 and 3 a request for them;
* outcomes: each stage's answer sent in the period, by its ``outcome`` detail (``upheld``,
  ``partly_upheld``, ``not_upheld``); an answer without one is "not recorded";
* timeliness: each step the council took in the period, on time or late against its due date,
  and each step still open and overdue at the period's end (today, if it has not ended);
* advocacy and the Ombudsman: the requests and events dated in the period.

Equality answers are counted elsewhere (portal.journey.equality.counts); ``suppress`` here
hides the cells that would give a small count away.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from portal.domain.case_state import CaseState, Next
from portal.domain.clocks import COUNCIL
from portal.domain.events import Event, Kind
from portal.domain.replay import OUTCOMES
from portal.domain.stages import state
from portal.domain.timescales import Timescales

#: the kinds of case, in the order a report lists them
KINDS = ("complaint", "compliment", "comment")
#: what an answer without an ``outcome`` detail (portal.domain.replay.OUTCOMES) counts as
NOT_RECORDED = "not_recorded"
#: the answer that ends each stage
ANSWERS = {
    Kind.STAGE1_RESPONSE_SENT: 1,
    Kind.STAGE2_RESPONSE_SENT: 2,
    Kind.FINAL_RESPONSE_SENT: 3,
}
#: the council's timescales a report measures, in the order they run (Clock names)
TIMESCALES = ("acknowledge", "stage1", "stage2", "panel", "panel_report", "final_response")
#: the event that meets each timescale
_MEETS = {
    Kind.ACKNOWLEDGED: "acknowledge",
    Kind.STAGE1_RESPONSE_SENT: "stage1",
    Kind.STAGE2_RESPONSE_SENT: "stage2",
    Kind.PANEL_HELD: "panel",
    Kind.PANEL_REPORT_SENT: "panel_report",
    Kind.FINAL_RESPONSE_SENT: "final_response",
}
#: the timescale a step that is due next belongs to
_WAITING_FOR = {
    Next.ACKNOWLEDGE: "acknowledge",
    Next.SEND_STAGE1_RESPONSE: "stage1",
    Next.AGREE_STATEMENT: "stage2",
    Next.APPOINT_INVESTIGATORS: "stage2",
    Next.SEND_STAGE2_RESPONSE: "stage2",
    Next.HOLD_PANEL: "panel",
    Next.SEND_PANEL_REPORT: "panel_report",
    Next.SEND_FINAL_RESPONSE: "final_response",
}
#: the advocacy figures: asked for on the tracking page, wanted in the complaint, and the
#: council's own record that an advocate is needed
ADVOCACY = ("requested", "wanted", "needed")
#: counts below this are shown as "fewer than 5" in the equality report
SUPPRESS_BELOW = 5
#: the first month of each quarter of a reporting year (Q1 is April to June)
_QUARTER_STARTS = {1: 4, 2: 7, 3: 10, 4: 1}


# Periods --------------------------------------------------------------------------------------


def reporting_year(day: date) -> int:
    """The reporting year ``day`` is in, named by the year it starts: 1 April to 31 March."""
    return day.year if day.month >= 4 else day.year - 1


@dataclass(frozen=True)
class Period:
    """A reporting year (1 April ``year`` to 31 March the year after), or one of its quarters."""

    year: int
    quarter: int | None = None

    def __post_init__(self) -> None:
        if self.quarter not in (None, *_QUARTER_STARTS):
            raise ValueError(f"a quarter is 1 to 4, not {self.quarter!r}")

    @property
    def start(self) -> date:
        if self.quarter is None:
            return date(self.year, 4, 1)
        month = _QUARTER_STARTS[self.quarter]
        return date(self.year + (month < 4), month, 1)

    @property
    def end(self) -> date:
        if self.quarter in (None, 4):
            return date(self.year + 1, 3, 31)
        return Period(self.year, self.quarter + 1).start - timedelta(days=1)  # type: ignore[operator]

    @property
    def key(self) -> str:
        """A name for files: "2026-27", or "2026-27-q1"."""
        year = f"{self.year}-{(self.year + 1) % 100:02d}"
        return f"{year}-q{self.quarter}" if self.quarter else year

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


# The facts a report counts ----------------------------------------------------------------------


@dataclass(frozen=True)
class CaseFacts:
    """What a report needs to know about one case, read from the database by the caller."""

    kind: str
    #: the London day it was sent
    sent_on: date
    #: the answers a report counts: ``role``, ``service`` and ``wants_advocate``
    answers: Mapping[str, Any] = field(default_factory=dict)
    #: its stored events, in the order they were recorded
    events: Sequence[Event] = ()
    #: the London days the person asked for an advocate from the tracking page
    advocacy_requests: Sequence[date] = ()

    @property
    def received_on(self) -> date:
        """A complaint is received on the day of its received event; anything else when sent."""
        for ev in self.events:
            if ev.kind is Kind.RECEIVED:
                return ev.on
        return self.sent_on


@dataclass(frozen=True)
class Timeliness:
    """One timescale: steps taken in the period on time or late, and steps still overdue."""

    on_time: int = 0
    late: int = 0
    open_overdue: int = 0


@dataclass(frozen=True)
class Report:
    period: Period
    #: the day the figures stand on: the period's last day, or today if it has not ended
    as_of: date
    #: kind -> how many were received
    received: Mapping[str, int]
    #: 1, 2, 3 -> how many complaints started that stage
    stages: Mapping[int, int]
    #: stage -> outcome (or NOT_RECORDED) -> how many answers
    outcomes: Mapping[int, Mapping[str, int]]
    #: timescale (TIMESCALES) -> its figures
    timeliness: Mapping[str, Timeliness]
    #: the complainant's ``role`` answer (or NOT_RECORDED) -> complaints received
    roles: Mapping[str, int]
    #: the ``service`` answer (or NOT_RECORDED) -> complaints received
    services: Mapping[str, int]
    #: ADVOCACY -> count
    advocacy: Mapping[str, int]
    #: referrals to the Local Government and Social Care Ombudsman
    ombudsman: int


# Counting ---------------------------------------------------------------------------------------


class _Tally:
    """The counters a report is made of, filled one case at a time."""

    def __init__(self, period: Period, as_of: date) -> None:
        self.period, self.as_of = period, as_of
        self.received: Counter[str] = Counter()
        self.stages: Counter[int] = Counter()
        self.outcomes: dict[int, Counter[str]] = {stage: Counter() for stage in ANSWERS.values()}
        self.timeliness: dict[str, Counter[str]] = {name: Counter() for name in TIMESCALES}
        self.roles: Counter[str] = Counter()
        self.services: Counter[str] = Counter()
        self.advocacy: Counter[str] = Counter()
        self.ombudsman = 0

    def _in_period(self, day: date) -> bool:
        return day in self.period and day <= self.as_of

    def add(self, case: CaseFacts, timescales: Timescales) -> None:
        if self._in_period(case.received_on):
            self._received(case)
        self.advocacy["requested"] += sum(1 for d in case.advocacy_requests if self._in_period(d))
        if case.kind != "complaint":
            return
        for ev in case.events:
            if self._in_period(ev.on):
                self._event(ev)
        happened = [ev for ev in case.events if ev.on <= self.as_of]
        if happened:
            self._timeliness(state(happened, timescales, self.as_of))

    def _received(self, case: CaseFacts) -> None:
        self.received[case.kind] += 1
        if case.kind == "complaint":
            self.stages[1] += 1
            self.roles[str(case.answers.get("role") or NOT_RECORDED)] += 1
            self.services[str(case.answers.get("service") or NOT_RECORDED)] += 1
            if case.answers.get("wants_advocate") == "yes":
                self.advocacy["wanted"] += 1

    def _event(self, ev: Event) -> None:
        if ev.kind is Kind.STAGE2_REQUESTED:
            self.stages[2] += 1
        elif ev.kind is Kind.STAGE3_REQUESTED:
            self.stages[3] += 1
        elif ev.kind in ANSWERS:
            outcome = ev.details.get("outcome")
            self.outcomes[ANSWERS[ev.kind]][outcome if outcome in OUTCOMES else NOT_RECORDED] += 1
        elif ev.kind is Kind.ADVOCATE_NEEDED:
            self.advocacy["needed"] += 1
        elif ev.kind is Kind.REFERRED_TO_OMBUDSMAN:
            self.ombudsman += 1

    def _timeliness(self, now: CaseState) -> None:
        acknowledged = False
        for entry in now.history:
            kind = entry.event.kind
            acknowledged = acknowledged or kind is Kind.ACKNOWLEDGED
            if kind not in _MEETS or entry.due is None or entry.event.on not in self.period:
                continue
            self.timeliness[_MEETS[kind]]["late" if entry.late else "on_time"] += 1
            if kind is Kind.STAGE1_RESPONSE_SENT and not acknowledged:
                # the answer was the acknowledgement too (portal.domain.replay)
                late = "late_acknowledge" in now.flags
                self.timeliness["acknowledge"]["late" if late else "on_time"] += 1
        waiting = _WAITING_FOR.get(now.next_step or "")
        if now.who != COUNCIL or not now.overdue or waiting is None:
            return
        self.timeliness[waiting]["open_overdue"] += 1
        stage1_due = now.deadlines.get("stage1")
        if waiting == "acknowledge" and stage1_due is not None and self.as_of > stage1_due:
            self.timeliness["stage1"]["open_overdue"] += 1

    def report(self) -> Report:
        return Report(
            period=self.period,
            as_of=self.as_of,
            received={kind: self.received[kind] for kind in KINDS},
            stages={stage: self.stages[stage] for stage in (1, 2, 3)},
            outcomes={
                stage: {o: counts[o] for o in (*OUTCOMES, NOT_RECORDED)}
                for stage, counts in self.outcomes.items()
            },
            timeliness={
                name: Timeliness(c["on_time"], c["late"], c["open_overdue"])
                for name, c in self.timeliness.items()
            },
            roles=dict(self.roles),
            services=dict(self.services),
            advocacy={name: self.advocacy[name] for name in ADVOCACY},
            ombudsman=self.ombudsman,
        )


def report(
    cases: Iterable[CaseFacts], timescales: Timescales, period: Period, today: date
) -> Report:
    """Count the period's figures from these cases, as things stood at its end (or today).

    Pass every case that could count: those sent in the period, those with an event in it,
    and those that may still have been open at its end. Others count nothing. Raises the
    domain's StageError for a case whose stored events the procedure does not allow.
    """
    tally = _Tally(period, min(period.end, today))
    for case in cases:
        tally.add(case, timescales)
    return tally.report()


# Small numbers ----------------------------------------------------------------------------------


def small(count: int) -> int | None:
    """A count as a report may show it: None ("fewer than 5") below SUPPRESS_BELOW."""
    return count if count >= SUPPRESS_BELOW else None


def suppress(counts: Mapping[str, int | None]) -> dict[str, int | None]:
    """One question's counts, with a second cell hidden where only one is.

    With one hidden cell, the total of the question (known from another question everybody
    answers, or the number of people) less the shown cells would give it away; hiding the
    smallest shown cell as well means it cannot be worked out by subtraction.
    """
    result = dict(counts)
    hidden = [key for key, value in result.items() if value is None]
    shown = [(value, key) for key, value in result.items() if value is not None]
    if len(hidden) == 1 and shown:
        _value, key = min(shown)
        result[key] = None
    return result
