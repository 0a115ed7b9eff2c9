"""The statutory report's counting (portal.domain.reporting): periods, figures, small numbers."""

from __future__ import annotations

from datetime import date

import pytest

from portal.domain.calendar import add_working_days
from portal.domain.events import Event
from portal.domain.reporting import (
    NOT_RECORDED,
    CaseFacts,
    Period,
    Timeliness,
    report,
    reporting_year,
    small,
    suppress,
)
from portal.domain.timescales import Timescales

T = Timescales()
YEAR = Period(2026)
#: a working day early in the 2026-27 year, and the day after the year ends
START = date(2026, 4, 13)
AFTER = date(2027, 4, 30)


def wd(day: date, n: int) -> date:
    return add_working_days(day, n)


def complaint(*events: tuple, sent_on: date = START, **answers) -> CaseFacts:
    return CaseFacts(
        kind="complaint",
        sent_on=sent_on,
        answers=answers,
        events=tuple(Event(e[0], e[1], e[2] if len(e) > 2 else {}) for e in events),
    )


def figures(*cases: CaseFacts, period: Period = YEAR, today: date = AFTER):
    return report(cases, T, period, today)


# Periods ----------------------------------------------------------------------------------------


def test_the_reporting_year_turns_on_1_april():
    assert reporting_year(date(2027, 3, 31)) == 2026
    assert reporting_year(date(2027, 4, 1)) == 2027


@pytest.mark.parametrize(
    ("quarter", "start", "end", "key"),
    [
        (None, date(2026, 4, 1), date(2027, 3, 31), "2026-27"),
        (1, date(2026, 4, 1), date(2026, 6, 30), "2026-27-q1"),
        (2, date(2026, 7, 1), date(2026, 9, 30), "2026-27-q2"),
        (3, date(2026, 10, 1), date(2026, 12, 31), "2026-27-q3"),
        (4, date(2027, 1, 1), date(2027, 3, 31), "2026-27-q4"),
    ],
)
def test_a_period_is_a_year_or_a_quarter(quarter, start, end, key):
    period = Period(2026, quarter)
    assert (period.start, period.end, period.key) == (start, end, key)
    assert start in period and end in period
    assert date.fromordinal(start.toordinal() - 1) not in period
    assert date.fromordinal(end.toordinal() + 1) not in period


def test_the_year_1999_2000_is_named_with_two_digits():
    assert Period(1999).key == "1999-00"


@pytest.mark.parametrize("quarter", [0, 5, "1"])
def test_there_are_four_quarters(quarter):
    with pytest.raises(ValueError, match="a quarter is 1 to 4"):
        Period(2026, quarter)


# What was received ------------------------------------------------------------------------------


def test_received_counts_each_kind_by_its_day():
    cases = [
        complaint(("received", date(2027, 3, 31)), role="parent", service="fostering"),
        complaint(("received", date(2027, 4, 1)), role="child"),  # the next year
        complaint(("received", date(2026, 3, 31)), role="child"),  # the year before
        CaseFacts("compliment", date(2026, 4, 1)),
        CaseFacts("comment", date(2027, 3, 31)),
        CaseFacts("comment", date(2027, 4, 1)),
    ]
    result = figures(*cases)
    assert result.received == {"complaint": 1, "compliment": 1, "comment": 1}
    assert result.stages == {1: 1, 2: 0, 3: 0}
    assert result.roles == {"parent": 1}
    assert result.services == {"fostering": 1}
    assert figures(*cases, period=Period(2027)).received == {
        "complaint": 1,
        "compliment": 0,
        "comment": 1,
    }


def test_a_complaint_without_its_received_event_counts_on_the_day_it_was_sent():
    facts = CaseFacts("complaint", date(2026, 5, 5))
    assert facts.received_on == date(2026, 5, 5)
    later = CaseFacts("complaint", date(2026, 5, 5), events=(Event("acknowledged", START),))
    assert later.received_on == date(2026, 5, 5)
    result = figures(facts)
    assert result.received["complaint"] == 1
    assert result.roles == {NOT_RECORDED: 1} and result.services == {NOT_RECORDED: 1}
    assert result.timeliness["acknowledge"] == Timeliness()


def test_the_quarter_counts_only_its_months():
    cases = [
        complaint(("received", date(2026, 6, 30))),
        complaint(("received", date(2026, 7, 1))),
    ]
    assert figures(*cases, period=Period(2026, 1)).received["complaint"] == 1
    assert figures(*cases, period=Period(2026, 2)).received["complaint"] == 1
    assert figures(*cases, period=Period(2026, 3)).received["complaint"] == 0


def test_a_period_that_has_not_ended_counts_up_to_today():
    case = complaint(("received", START), ("acknowledged", wd(START, 1)))
    result = figures(case, today=START)
    assert result.as_of == START
    assert result.received["complaint"] == 1
    assert result.timeliness["acknowledge"] == Timeliness(), "acknowledged after today"


# Stages, outcomes, advocacy and the Ombudsman ----------------------------------------------------


def escalated(outcomes: tuple[str | None, str | None, str | None]) -> CaseFacts:
    """A complaint taken through all three stages, each step on its last day."""
    s1, s2, s3 = ({"outcome": o} if o else {} for o in outcomes)
    day = START
    events = [("received", day)]
    steps = [
        ("acknowledged", 5, {}),
        ("stage1_response_sent", 5, s1),
        ("stage2_requested", 3, {}),
        ("statement_agreed", 1, {}),
        ("investigating_officer_appointed", 1, {}),
        ("independent_person_appointed", 0, {}),
        ("stage2_response_sent", 20, s2),
        ("stage3_requested", 5, {}),
        ("panel_held", 30, {}),
        ("panel_report_sent", 5, {}),
        ("final_response_sent", 15, s3),
        ("referred_to_ombudsman", 3, {}),
    ]
    for kind, gap, details in steps:
        day = wd(day, gap)
        events.append((kind, day, details))
    return complaint(*events, role="child", wants_advocate="yes")


def test_stages_outcomes_and_referrals_are_counted_when_they_happen():
    result = figures(
        escalated(("upheld", "partly_upheld", "not_upheld")),
        escalated((None, None, "upheld")),
    )
    assert result.stages == {1: 2, 2: 2, 3: 2}
    assert result.outcomes[1] == {"upheld": 1, "partly_upheld": 0, "not_upheld": 0, NOT_RECORDED: 1}
    assert result.outcomes[2] == {"upheld": 0, "partly_upheld": 1, "not_upheld": 0, NOT_RECORDED: 1}
    assert result.outcomes[3] == {"upheld": 1, "partly_upheld": 0, "not_upheld": 1, NOT_RECORDED: 0}
    assert result.ombudsman == 2
    assert result.advocacy == {"requested": 0, "wanted": 2, "needed": 0}
    for name in ("acknowledge", "stage1", "stage2", "panel", "panel_report", "final_response"):
        assert result.timeliness[name] == Timeliness(on_time=2), name


def test_advocacy_is_asked_for_wanted_and_recorded():
    case = CaseFacts(
        "complaint",
        START,
        {"wants_advocate": "not_sure"},
        (Event("received", START), Event("advocate_needed", wd(START, 2))),
        advocacy_requests=(wd(START, 1), date(2027, 4, 1)),
    )
    assert figures(case).advocacy == {"requested": 1, "wanted": 0, "needed": 1}


# Timeliness -------------------------------------------------------------------------------------


def test_late_steps_are_counted_late():
    case = complaint(
        ("received", START),
        ("acknowledged", wd(START, 6)),
        ("stage1_response_sent", wd(START, 11)),
    )
    result = figures(case)
    assert result.timeliness["acknowledge"] == Timeliness(late=1)
    assert result.timeliness["stage1"] == Timeliness(late=1)


@pytest.mark.parametrize(("answered", "acknowledgement"), [(5, "on_time"), (6, "late")])
def test_an_answer_without_an_acknowledgement_is_the_acknowledgement(answered, acknowledgement):
    case = complaint(("received", START), ("stage1_response_sent", wd(START, answered)))
    result = figures(case)
    assert result.timeliness["stage1"] == Timeliness(on_time=1)
    assert result.timeliness["acknowledge"] == Timeliness(**{acknowledgement: 1})


def test_steps_before_the_period_count_in_their_own_year():
    case = complaint(("received", date(2026, 3, 2)), ("acknowledged", date(2026, 3, 3)))
    assert figures(case).timeliness["acknowledge"] == Timeliness()
    assert figures(case, period=Period(2025)).timeliness["acknowledge"] == Timeliness(on_time=1)


def test_overdue_steps_are_counted_at_the_end_of_the_period():
    cases = [
        # nothing done: the acknowledgement and the stage 1 answer are both overdue
        complaint(("received", date(2027, 3, 1))),
        # acknowledged, the answer overdue
        complaint(("received", date(2027, 3, 1)), ("acknowledged", date(2027, 3, 2))),
        # not acknowledged, but the answer is not due yet
        complaint(("received", date(2027, 3, 24))),
        # waiting for a decision on sufficient interest: no stage 1 clock yet
        complaint(("received", date(2027, 3, 1), {"sufficient_interest": "pending"})),
        # answered: now the person's turn, which is never "overdue" for the council
        complaint(("received", date(2027, 3, 1)), ("stage1_response_sent", date(2027, 3, 2))),
        # on time
        complaint(("received", date(2027, 3, 30))),
        # received after the period ended: nothing to count
        complaint(("received", date(2027, 4, 6))),
    ]
    result = figures(*cases)
    assert result.timeliness["acknowledge"].open_overdue == 2
    assert result.timeliness["stage1"].open_overdue == 2
    assert result.timeliness["stage2"].open_overdue == 0


def test_a_stage_2_investigation_past_its_date_is_overdue():
    agreed = date(2026, 9, 1)
    case = complaint(
        ("received", date(2026, 8, 3)),
        ("stage1_response_sent", date(2026, 8, 4)),
        ("stage2_requested", agreed),
        ("statement_agreed", agreed),
    )
    assert figures(case, period=Period(2026, 2)).timeliness["stage2"] == Timeliness()
    assert figures(case, period=Period(2026, 3)).timeliness["stage2"] == Timeliness(open_overdue=1)


# Small numbers ----------------------------------------------------------------------------------


def test_small_counts_are_hidden():
    assert small(4) is None and small(0) is None
    assert small(5) == 5


def test_a_lone_hidden_cell_hides_the_smallest_other_one():
    assert suppress({"a": 9, "b": None, "c": 6, "d": 40}) == {
        "a": 9,
        "b": None,
        "c": None,
        "d": 40,
    }
    assert suppress({"a": 9, "b": None, "c": None}) == {"a": 9, "b": None, "c": None}
    assert suppress({"a": 9, "b": 12}) == {"a": 9, "b": 12}
    assert suppress({"a": None}) == {"a": None}
