"""portal.domain.stages: the complaint lifecycle replayed from its events.

Every expected date is worked out by hand from a printed calendar, counting working days with
the day-0 rule (the start day does not count; the n-th working day after it is the limit) and
skipping the England and Wales holidays on the way. The comment beside each date lists the
days counted, so a reader can check it without running anything. The 2026 holidays in play:
Good Friday 3 April, Easter Monday 6 April, 4 May, 25 May; and 25 and 28 December 2026,
1 January 2027.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.councils import load_council
from portal.domain import calendar
from portal.domain.intake import first_dates
from portal.domain.stages import (
    ADVOCATE_EXTENSION,
    CLOSED_STAGE,
    COMPLAINANT,
    COUNCIL,
    EVENT_KINDS,
    TRANSITIONS,
    CaseState,
    Event,
    IllegalTransition,
    InvalidEvent,
    Kind,
    StageError,
    Status,
    day0,
    state,
    timeline,
)
from portal.domain.timescales import Timescales

FEW = settings(max_examples=60, deadline=None)

#: Islington's published figures (seed S2); the rest are the regulations' defaults
ISLINGTON = Timescales(acknowledge=2)
#: North Yorkshire's (seed S3): acknowledgement 5, a flat 20 at stage 1
NORTH_YORKSHIRE = Timescales(acknowledge=5, stage1=20, stage1_extension=0)
#: a council that starts the stage 2 clock at the request, as LGSCO decisions count
FROM_REQUEST = Timescales(acknowledge=2, stage2_clock_start="request")


def d(text: str) -> date:
    return date.fromisoformat(text)


def ev(kind: str, on: str, **details: str) -> Event:
    return Event(kind, d(on), details)


def at(today: str, events: list[Event], t: Timescales = ISLINGTON) -> CaseState:
    return state(events, t, d(today))


# --- the main path, one event at a time ----------------------------------------------------

# A complaint received on Monday 2 March 2026 under Islington's timescales, every step on time.
MAIN = [
    ev("received", "2026-03-02"),
    ev("acknowledged", "2026-03-03"),
    ev("stage1_response_sent", "2026-03-13"),
    ev("stage2_requested", "2026-04-01"),
    ev("investigating_officer_appointed", "2026-04-02"),
    ev("statement_agreed", "2026-04-08"),
    ev("independent_person_appointed", "2026-04-09"),
    ev("stage2_response_sent", "2026-05-13"),
    ev("stage3_requested", "2026-06-01"),
    ev("panel_convened", "2026-06-05", meeting_on="2026-07-10"),
    ev("panel_held", "2026-07-10"),
    ev("panel_report_sent", "2026-07-16"),
    ev("final_response_sent", "2026-08-05"),
    ev("closed", "2026-08-10"),
]

# (events so far, today, status, stage, next step, who, due, days left)
MAIN_STEPS = [
    # acknowledgement: 2 after Mon 2 Mar = 3, 4 -> Wed 4 Mar; today is day 0, so 2 left
    (1, "2026-03-02", "received", 1, "acknowledge", COUNCIL, "2026-03-04", 2),
    # stage 1: 10 after 2 Mar = 3-6 (4), 9-13 (9), 16 -> Mon 16 Mar; 9 left after 3 Mar
    (2, "2026-03-03", "acknowledged", 1, "send_stage1_response", COUNCIL, "2026-03-16", 9),
    # window to ask for stage 2: 20 after Fri 13 Mar = 16-20 (5), 23-27 (10), 30, 31, 1, 2 Apr
    # (14), skip Good Friday 3 and Easter Monday 6, 7-10 (18), 13, 14 -> Tue 14 Apr
    (3, "2026-03-13", "stage1_responded", 1, "request_stage2", COMPLAINANT, "2026-04-14", 20),
    # Islington counts stage 2 from the statement: no clock yet
    (4, "2026-04-01", "stage2_requested", 2, "agree_statement", COUNCIL, None, None),
    (5, "2026-04-02", "stage2_requested", 2, "agree_statement", COUNCIL, None, None),
    # stage 2: 25 after Wed 8 Apr = 9, 10 (2), 13-17 (7), 20-24 (12), 27-30 (16), 1 May (17),
    # skip 4 May, 5-8 (21), 11-14 -> Thu 14 May
    (
        6,
        "2026-04-08",
        "stage2_investigating",
        2,
        "appoint_investigators",
        COUNCIL,
        "2026-05-14",
        25,
    ),
    (7, "2026-04-09", "stage2_investigating", 2, "send_stage2_response", COUNCIL, "2026-05-14", 24),
    # window to ask for a panel: 20 after Wed 13 May = 14, 15 (2), 18-22 (7), skip 25 May,
    # 26-29 (11), 1-5 Jun (16), 8-11 -> Thu 11 Jun
    (8, "2026-05-13", "stage2_responded", 2, "request_stage3", COMPLAINANT, "2026-06-11", 20),
    # panel: 30 after Mon 1 Jun = 2-5 (4), 8-12 (9), 15-19 (14), 22-26 (19), 29, 30, 1-3 Jul
    # (24), 6-10 (29), 13 -> Mon 13 Jul
    (9, "2026-06-01", "stage3_requested", 3, "hold_panel", COUNCIL, "2026-07-13", 30),
    # from Fri 5 Jun: 30 less the 4 days 2-5 Jun already gone
    (10, "2026-06-05", "panel_convened", 3, "hold_panel", COUNCIL, "2026-07-13", 26),
    # report: 5 after Fri 10 Jul = 13-17 -> Fri 17 Jul
    (11, "2026-07-10", "panel_held", 3, "send_panel_report", COUNCIL, "2026-07-17", 5),
    # final response: 15 after Thu 16 Jul = 17 (1), 20-24 (6), 27-31 (11), 3-6 Aug -> Thu 6 Aug
    (12, "2026-07-16", "panel_reported", 3, "send_final_response", COUNCIL, "2026-08-06", 15),
    (13, "2026-08-05", "final_response_sent", 3, "go_to_ombudsman", COMPLAINANT, None, None),
    (14, "2026-08-10", "closed", CLOSED_STAGE, None, None, None, None),
]


@pytest.mark.parametrize(
    ("count", "today", "status", "stage", "step", "who", "due", "left"), MAIN_STEPS
)
def test_main_path(count, today, status, stage, step, who, due, left):
    s = at(today, MAIN[:count])
    assert (s.status, s.stage, s.next_step, s.who) == (status, stage, step, who)
    assert s.due == (d(due) if due else None)
    assert s.days_left == left
    assert not s.overdue and s.days_overdue is None
    assert not {f for f in s.flags if f.startswith("late_")}


def test_main_path_facts_along_the_way():
    assert at("2026-03-02", MAIN[:1]).next_data == {"stage1_due": "2026-03-16"}
    # 65 after Wed 1 Apr = 2 Apr (1), 7-10 (5), 13-17 (10), 20-24 (15), 27-30 (19), 1 May
    # (20), 5-8 (24), 11-15 (29), 18-22 (34), 26-29 (38), 1-5 Jun (43), 8-12 (48), 15-19 (53),
    # 22-26 (58), 29 Jun-3 Jul (63), 6, 7 -> Tue 7 Jul
    stage2 = at("2026-04-02", MAIN[:5])
    assert stage2.next_data == {"from_request_due": "2026-07-07"}
    assert stage2.deadlines["stage2_from_request"] == d("2026-07-07")
    assert at("2026-04-08", MAIN[:6]).next_data["missing"] == "independent_person"
    assert at("2026-06-05", MAIN[:10]).next_data == {"meeting_on": "2026-07-10"}
    assert at("2026-07-10", MAIN[:11]).next_data == {"by": "panel"}
    assert at("2026-08-05", MAIN[:13]).next_data == {"because": "final_response"}
    assert at("2026-03-13", MAIN[:3]).next_data == {"late_requests": "considered"}


def test_escalation_and_ombudsman_along_the_main_path():
    offers = [
        (at(today, MAIN[:count]).may_escalate, at(today, MAIN[:count]).may_go_to_ombudsman)
        for count, today, *_ in MAIN_STEPS
    ]
    assert offers == [
        (False, False),  # received
        (False, False),  # acknowledged
        (True, False),  # stage 1 answered: may ask for stage 2
        (False, False),
        (False, False),
        (False, False),
        (False, False),
        (True, False),  # stage 2 answered: may ask for a panel
        (False, False),
        (False, False),
        (False, False),
        (False, False),
        (False, True),  # final response: the Ombudsman
        (False, True),  # closed after the final response: still the Ombudsman
    ]


def test_the_whole_main_path():
    s = at("2026-08-10", MAIN)
    assert not s.is_open and s.stage_reached == 3
    assert [h.event.kind for h in s.history] == [e.kind for e in MAIN]
    assert [h.status for h in s.history][-3:] == ["panel_reported", "final_response_sent", "closed"]
    assert {h.event.kind: h.due for h in s.history if h.due} == {
        "acknowledged": d("2026-03-04"),
        "stage1_response_sent": d("2026-03-16"),
        "stage2_requested": d("2026-04-14"),
        "stage2_response_sent": d("2026-05-14"),
        "stage3_requested": d("2026-06-11"),
        "panel_held": d("2026-07-13"),
        "panel_report_sent": d("2026-07-17"),
        "final_response_sent": d("2026-08-06"),
    }
    assert not any(h.late for h in s.history)
    assert s.deadlines == {
        "acknowledge": d("2026-03-04"),
        "stage1": d("2026-03-16"),
        "stage2_request": d("2026-04-14"),
        "stage2_from_request": d("2026-07-07"),
        "stage2": d("2026-05-14"),
        "stage3_request": d("2026-06-11"),
        "panel": d("2026-07-13"),
        "panel_report": d("2026-07-17"),
        "final_response": d("2026-08-06"),
    }
    assert s.flags == frozenset() and s.new_complaints == ()


def test_islington_and_north_yorkshire_profiles_are_the_ones_used_here():
    assert load_council("islington").timescales == ISLINGTON
    assert load_council("north-yorkshire").timescales == NORTH_YORKSHIRE


def test_stage2_from_the_request():
    # 25 after Wed 1 Apr = 2 (1), skip 3 and 6 Apr, 7-10 (5), 13-17 (10), 20-24 (15), 27-30
    # (19), 1 May (20), skip 4 May, 5-8 (24), 11 -> Mon 11 May: the statement date no longer
    # matters, so the same events answer late on 13 May
    s = at("2026-04-01", MAIN[:4], FROM_REQUEST)
    assert (s.next_step, s.due) == ("agree_statement", d("2026-05-11"))
    assert at("2026-04-09", MAIN[:7], FROM_REQUEST).due == d("2026-05-11")
    done = at("2026-05-13", MAIN[:8], FROM_REQUEST)
    assert "late_stage2" in done.flags and done.history[-1].late


def test_north_yorkshire_stage1_is_a_flat_20():
    # 20 after Mon 2 Mar = 3-6 (4), 9-13 (9), 16-20 (14), 23-27 (19), 30 -> Mon 30 Mar;
    # acknowledgement 5 after = 3-6, 9 -> Mon 9 Mar
    s = at("2026-03-02", MAIN[:1], NORTH_YORKSHIRE)
    assert s.due == d("2026-03-09") and s.deadlines["stage1"] == d("2026-03-30")


# --- stage 1 extensions and advocates ------------------------------------------------------

RECEIVED = ev("received", "2026-03-02")


@pytest.mark.parametrize(
    ("t", "extra", "due"),
    [
        # 20 after Mon 2 Mar: 16 Mar is the 10th, then 17-20 (14), 23-27 (19), 30 -> Mon 30 Mar
        (ISLINGTON, [ev("stage1_extended", "2026-03-10", reason="complex")], "2026-03-30"),
        (ISLINGTON, [ev("advocate_needed", "2026-03-10")], "2026-03-30"),
        # extensions do not stack: still 20 in all (reg. 14)
        (
            ISLINGTON,
            [
                ev("advocate_needed", "2026-03-04"),
                ev("stage1_extended", "2026-03-10", reason="complex"),
            ],
            "2026-03-30",
        ),
        # North Yorkshire's 20 is already reg. 14's longest: an advocate adds nothing
        (NORTH_YORKSHIRE, [ev("advocate_needed", "2026-03-10")], "2026-03-30"),
        # 10 + 5: 17-20 (14), 23 -> Mon 23 Mar; an advocate still brings 10 (Mon 30 Mar)
        (
            Timescales(stage1=10, stage1_extension=5),
            [ev("stage1_extended", "2026-03-10", reason="complex")],
            "2026-03-23",
        ),
        (
            Timescales(stage1=10, stage1_extension=5),
            [ev("advocate_needed", "2026-03-04")],
            "2026-03-30",
        ),
        (
            Timescales(stage1=10, stage1_extension=5),
            [
                ev("stage1_extended", "2026-03-03", reason="complex"),
                ev("advocate_needed", "2026-03-04"),
            ],
            "2026-03-30",
        ),
    ],
)
def test_stage1_extensions(t, extra, due):
    s = state([RECEIVED, ev("acknowledged", "2026-03-03"), *extra], t, d("2026-03-10"))
    assert (s.next_step, s.due) == ("send_stage1_response", d(due))


def test_advocate_extension_is_the_regulations_10():
    assert ADVOCATE_EXTENSION == 10


def test_stage1_extension_needs_a_reason_and_happens_once():
    with pytest.raises(InvalidEvent, match="reason"):
        at("2026-03-10", [RECEIVED, ev("stage1_extended", "2026-03-10")])
    with pytest.raises(InvalidEvent, match="reason"):
        at("2026-03-10", [RECEIVED, ev("stage1_extended", "2026-03-10", reason="  ")])
    twice = [
        RECEIVED,
        ev("stage1_extended", "2026-03-09", reason="complex"),
        ev("stage1_extended", "2026-03-10", reason="more"),
    ]
    with pytest.raises(IllegalTransition, match="once"):
        at("2026-03-10", twice)
    with pytest.raises(InvalidEvent, match="no extension"):
        at(
            "2026-03-10",
            [RECEIVED, ev("stage1_extended", "2026-03-10", reason="x")],
            NORTH_YORKSHIRE,
        )


def test_extended_stage1_is_flagged_and_an_advocate_later_only_flags():
    s = at(
        "2026-05-13",
        [*MAIN[:2], ev("stage1_extended", "2026-03-04", reason="complex"), *MAIN[2:8]]
        + [ev("advocate_needed", "2026-05-13")],
    )
    assert {"stage1_extended", "advocate"} <= s.flags
    assert s.deadlines["stage1"] == d("2026-03-30")  # reached through the extension


# --- stage 2 -------------------------------------------------------------------------------


def test_a_late_stage2_request_is_accepted_and_flagged():
    on_time = at("2026-04-14", [*MAIN[:3], ev("stage2_requested", "2026-04-14")])
    assert "late_stage2_request" not in on_time.flags
    late = at("2026-04-15", [*MAIN[:3], ev("stage2_requested", "2026-04-15")])
    assert late.status == "stage2_requested" and "late_stage2_request" in late.flags
    assert (late.history[-1].due, late.history[-1].late) == (d("2026-04-14"), True)


def test_stage2_extensions_up_to_65():
    base = MAIN[:7]
    # +10: 25 + 10 = 35 after Wed 8 Apr: 14 May is the 25th, then 15 (26), 18-22 (31), skip
    # 25 May, 26-29 -> Fri 29 May
    ten = [*base, ev("stage2_extended", "2026-05-01", reason="a witness is away", days="10")]
    s = at("2026-05-01", ten)
    assert s.due == d("2026-05-29") and "stage2_extended" in s.flags
    # +30 more = 65: 1-5 Jun (40), 8-12 (45), 15-19 (50), 22-26 (55), 29, 30, 1-3 Jul (60),
    # 6-10 -> Fri 10 Jul
    sixty_five = [*ten, ev("stage2_extended", "2026-05-20", reason="more records", days="30")]
    assert at("2026-05-20", sixty_five).due == d("2026-07-10")
    with pytest.raises(InvalidEvent, match="66 working days"):
        at("2026-05-21", [*sixty_five, ev("stage2_extended", "2026-05-21", reason="x", days="1")])


def test_an_extension_before_the_statement_is_agreed_counts_from_it():
    # the clock starts on Wed 8 Apr with 25 + 10: Fri 29 May, as above
    events = [
        *MAIN[:4],
        ev("stage2_extended", "2026-04-02", reason="complex", days="10"),
        *MAIN[4:7],
    ]
    assert at("2026-04-09", events).due == d("2026-05-29")


@pytest.mark.parametrize(
    "details",
    [{"days": "10"}, {"reason": "x"}, {"reason": "x", "days": "ten"}, {"reason": "x", "days": "0"}],
)
def test_stage2_extension_needs_a_reason_and_a_number_of_days(details):
    with pytest.raises(InvalidEvent):
        at("2026-04-09", [*MAIN[:7], Event("stage2_extended", d("2026-04-09"), details)])


def test_stage2_extension_days_may_be_a_number():
    events = [*MAIN[:7], Event("stage2_extended", d("2026-04-09"), {"reason": "x", "days": 10})]
    assert at("2026-04-09", events).due == d("2026-05-29")


def test_stage2_response_needs_the_io_and_the_ip():
    no_ip = [*MAIN[:6], ev("stage2_response_sent", "2026-05-13")]
    with pytest.raises(IllegalTransition, match="independent_person_appointed first"):
        at("2026-05-13", no_ip)
    neither = [MAIN[0], *MAIN[1:4], MAIN[5], ev("stage2_response_sent", "2026-05-13")]
    with pytest.raises(IllegalTransition, match="independent_person_appointed and inve"):
        at("2026-05-13", neither)
    s = at("2026-04-08", [*MAIN[:4], MAIN[5]])
    assert s.next_data["missing"] == "independent_person investigating_officer"


def test_statement_agreed_late_runs_past_65_from_the_request():
    # domain.md §9.4: the statement on Mon 15 Jun gives 25 to Mon 20 Jul (16-19 (4), 22-26
    # (9), 29, 30, 1-3 Jul (14), 6-10 (19), 13-17 (24), 20), but 65 from the request ran out
    # on Tue 7 Jul: flagged, and the Ombudsman is offered for the delay
    events = [*MAIN[:5], ev("statement_agreed", "2026-06-15"), MAIN[6]]
    s = at("2026-07-08", events)
    assert (s.next_step, s.due, s.overdue) == ("send_stage2_response", d("2026-07-20"), False)
    assert "late_stage2_from_request" in s.flags and s.may_go_to_ombudsman
    before = at("2026-07-07", events)
    assert "late_stage2_from_request" not in before.flags and not before.may_go_to_ombudsman


def test_asking_for_stage2_before_the_stage1_answer():
    # the council is late (due Mon 16 Mar): the person may ask to move on
    late = at("2026-03-17", MAIN[:2])
    assert late.overdue and late.may_escalate and late.may_go_to_ombudsman
    assert "late_stage1" in late.flags
    s = at("2026-03-18", [*MAIN[:2], ev("stage2_requested", "2026-03-18")])
    assert s.status == "stage2_requested" and s.stage == 2
    assert {"stage2_requested_before_stage1_response", "late_stage1"} <= s.flags
    early = at("2026-03-05", [*MAIN[:1], ev("stage2_requested", "2026-03-05")])
    assert "late_stage1" not in early.flags and "late_acknowledge" in early.flags


# --- stage 3 -------------------------------------------------------------------------------


def test_a_late_panel_request_is_accepted_and_flagged():
    late = at("2026-06-12", [*MAIN[:8], ev("stage3_requested", "2026-06-12")])
    assert late.status == "stage3_requested" and "late_stage3_request" in late.flags


def test_a_panel_arranged_after_its_deadline_is_flagged():
    events = [*MAIN[:9], ev("panel_convened", "2026-06-05", meeting_on="2026-07-14")]
    assert "panel_meeting_after_deadline" in at("2026-06-05", events).flags
    events = [*MAIN[:9], ev("panel_convened", "2026-06-05")]
    s = at("2026-06-05", events)
    assert s.next_data == {} and "panel_meeting_after_deadline" not in s.flags


@pytest.mark.parametrize("meeting", ["10 July", "2026-13-01", 20260710])
def test_panel_meeting_day_must_be_a_date(meeting):
    events = [*MAIN[:9], Event("panel_convened", d("2026-06-05"), {"meeting_on": meeting})]
    with pytest.raises(InvalidEvent, match="meeting_on"):
        at("2026-06-05", events)


def test_late_panel_report_and_final_response():
    events = [
        *MAIN[:9],
        ev("panel_held", "2026-07-14"),  # due Mon 13 Jul
        ev("panel_report_sent", "2026-07-22"),  # 5 after Tue 14 Jul = 15-17, 20, 21: Tue 21
        ev("final_response_sent", "2026-08-20"),  # 15 after Wed 22 Jul = ... Wed 12 Aug
    ]
    s = at("2026-08-20", events)
    assert {"late_panel", "late_panel_report", "late_final_response"} <= s.flags
    assert [h.due for h in s.history[-3:]] == [d("2026-07-13"), d("2026-07-21"), d("2026-08-12")]


# --- days left and overdue -----------------------------------------------------------------


def test_due_today_then_overdue():
    # received Fri 6 Mar: stage 1 due 10 after = 9-13 (5), 16-20 -> Fri 20 Mar
    events = [ev("received", "2026-03-06"), ev("acknowledged", "2026-03-09")]
    today = at("2026-03-20", events)
    assert (today.due, today.days_left, today.overdue) == (d("2026-03-20"), 0, False)
    # Saturday: past the due day; anything done now counts from Monday, 1 working day late
    saturday = at("2026-03-21", events)
    assert (saturday.overdue, saturday.days_left, saturday.days_overdue) == (True, None, 1)
    # Tue 24 Mar: 23, 24 -> 2 late
    assert at("2026-03-24", events).days_overdue == 2


def test_a_weekend_complaint_counts_from_monday():
    s = at("2026-03-07", [ev("received", "2026-03-07")])
    assert s.received == d("2026-03-09")
    # 2 after Mon 9 Mar = Wed 11 Mar; from Saturday there are 10, 11 left after Monday's 9
    assert (s.due, s.days_left) == (d("2026-03-11"), 3)


def test_an_overdue_acknowledgement_is_flagged_when_it_comes():
    s = at("2026-03-05", [RECEIVED, ev("acknowledged", "2026-03-05")])
    assert "late_acknowledge" in s.flags
    assert (s.history[-1].due, s.history[-1].late) == (d("2026-03-04"), True)


def test_an_answer_without_an_acknowledgement_acknowledges():
    s = at("2026-03-04", [RECEIVED, ev("stage1_response_sent", "2026-03-04")])
    assert s.status == "stage1_responded" and "late_acknowledge" not in s.flags
    late = at("2026-03-13", [RECEIVED, ev("stage1_response_sent", "2026-03-13")])
    assert late.flags == {"late_acknowledge"}


# --- pausing for proceedings ---------------------------------------------------------------


def test_pause_and_resume_move_the_due_date_by_the_days_paused():
    # stage 1 due Mon 16 Mar. Paused Wed 11 Mar, resumed Wed 18 Mar: 12, 13, 16, 17, 18 are
    # 5 working days, so due 5 after 16 Mar = 17-20, 23 -> Mon 23 Mar. (Check: 7 days were
    # used, 3-6 and 9-11; 3 remain from Wed 18: 19, 20, 23.)
    events = [
        *MAIN[:2],
        ev("paused", "2026-03-11", reason="care proceedings"),
        ev("resumed", "2026-03-18"),
    ]
    s = at("2026-03-18", events)
    assert (s.status, s.next_step, s.due) == (
        "acknowledged",
        "send_stage1_response",
        d("2026-03-23"),
    )
    assert s.paused_working_days == 5 and "paused" in s.flags


def test_a_pause_over_easter_counts_working_days_only():
    # received Mon 23 Mar: stage 1 due 10 after = 24-27 (4), 30, 31, 1, 2 Apr (8), skip 3 and
    # 6, 7, 8 -> Wed 8 Apr. Paused Thu 2 Apr, resumed Tue 14 Apr: (2 Apr, 14 Apr] holds 7-10
    # and 13, 14 = 6 working days; 6 after 8 Apr = 9, 10, 13-16 -> Thu 16 Apr
    events = [
        ev("received", "2026-03-23"),
        ev("acknowledged", "2026-03-24"),
        ev("paused", "2026-04-02", reason="police investigation"),
    ]
    paused = at("2026-04-10", events)
    assert (paused.status, paused.next_step, paused.who) == ("paused", "resume", COUNCIL)
    assert (paused.due, paused.days_left, paused.overdue) == (None, None, False)
    assert paused.next_data == {"reason": "police investigation"}
    assert not paused.may_escalate
    # as if it restarted on Fri 10 Apr: 7-10 = 4 so far, 8 Apr + 4 = 9, 10, 13, 14
    assert paused.deadlines["stage1"] == d("2026-04-14") and paused.paused_working_days == 4
    resumed = at("2026-04-14", [*events, ev("resumed", "2026-04-14")])
    assert resumed.due == d("2026-04-16") and resumed.paused_working_days == 6


def test_a_pause_does_not_move_what_has_already_happened():
    events = [*MAIN[:3], ev("paused", "2026-03-16", reason="court"), ev("resumed", "2026-03-23")]
    s = at("2026-03-23", events)
    # the request window (Tue 14 Apr) moves by 17-20, 23 = 5: 15-17, 20, 21 -> Tue 21 Apr
    assert s.deadlines["stage2_request"] == d("2026-04-21")
    assert s.deadlines["stage1"] == d("2026-03-16") and s.deadlines["acknowledge"] == d(
        "2026-03-04"
    )


@pytest.mark.parametrize(
    "events",
    [
        [RECEIVED, ev("paused", "2026-03-03")],
        [RECEIVED, ev("resumed", "2026-03-03")],
        [RECEIVED, ev("paused", "2026-03-03", reason="x"), ev("paused", "2026-03-04", reason="y")],
        [
            RECEIVED,
            ev("paused", "2026-03-03", reason="x"),
            ev("stage1_response_sent", "2026-03-04"),
        ],
        [RECEIVED, ev("paused", "2026-03-03", reason="x"), ev("closed", "2026-03-04")],
    ],
)
def test_pause_mistakes(events):
    with pytest.raises(StageError):
        at("2026-03-04", events)


def test_a_paused_case_can_still_end():
    events = [RECEIVED, ev("paused", "2026-03-03", reason="x"), ev("advocate_needed", "2026-03-04")]
    assert "advocate" in at("2026-03-04", events).flags
    s = at("2026-03-05", [*events, ev("withdrawn", "2026-03-05")])
    assert (s.stage, s.status, s.next_step) == (CLOSED_STAGE, "withdrawn", None)


# --- sufficient interest -------------------------------------------------------------------

PENDING = ev("received", "2026-03-02", sufficient_interest="pending")


def test_stage1_runs_from_the_sufficient_interest_decision():
    s = at("2026-03-02", [PENDING])
    assert (s.status, s.next_step, s.due, s.next_data) == (
        "awaiting_sufficient_interest_decision",
        "acknowledge",
        d("2026-03-04"),
        {},
    )
    assert "stage1" not in s.deadlines
    waiting = at("2026-03-09", [PENDING, ev("acknowledged", "2026-03-03")])
    assert (waiting.next_step, waiting.who, waiting.due) == (
        "decide_sufficient_interest",
        COUNCIL,
        None,
    )
    assert (waiting.days_left, waiting.overdue, waiting.may_escalate) == (None, False, False)
    # decided Tue 10 Mar: 10 after = 11-13 (3), 16-20 (8), 23, 24 -> Tue 24 Mar
    decided = [
        PENDING,
        ev("acknowledged", "2026-03-03"),
        ev("sufficient_interest_decided", "2026-03-10", decision="yes"),
    ]
    s = at("2026-03-10", decided)
    assert (s.status, s.next_step, s.due) == (
        "acknowledged",
        "send_stage1_response",
        d("2026-03-24"),
    )
    assert "sufficient_interest_decided" in s.flags


def test_a_decision_before_acknowledging_and_an_advocate_while_waiting():
    events = [
        PENDING,
        ev("advocate_needed", "2026-03-02"),
        ev("sufficient_interest_decided", "2026-03-03", decision="yes"),
    ]
    s = at("2026-03-03", events)
    # 20 after Tue 3 Mar = 4-6 (3), 9-13 (8), 16-20 (13), 23-27 (18), 30, 31 -> Tue 31 Mar
    assert (s.status, s.next_step) == ("received", "acknowledge")
    assert s.deadlines["stage1"] == d("2026-03-31")


def test_a_decision_for_a_case_not_flagged_restarts_stage1():
    s = at(
        "2026-03-10", [RECEIVED, ev("sufficient_interest_decided", "2026-03-10", decision="yes")]
    )
    assert s.deadlines["stage1"] == d("2026-03-24")


def test_no_sufficient_interest_ends_the_case_and_names_the_ombudsman():
    no = ev(
        "sufficient_interest_decided",
        "2026-03-10",
        decision="no",
        reason="Not enough interest in the child; you can ask the Ombudsman to look at this.",
    )
    s = at("2026-03-10", [PENDING, no])
    assert (s.stage, s.status, s.may_go_to_ombudsman) == (
        CLOSED_STAGE,
        "no_sufficient_interest",
        True,
    )
    assert (s.next_step, s.who, s.next_data) == (
        "go_to_ombudsman",
        COMPLAINANT,
        {"because": "no_sufficient_interest"},
    )
    with pytest.raises(InvalidEvent, match="Ombudsman"):
        at(
            "2026-03-10",
            [PENDING, ev("sufficient_interest_decided", "2026-03-10", decision="no", reason="No.")],
        )


@pytest.mark.parametrize(
    ("events", "error"),
    [
        (
            [PENDING, ev("sufficient_interest_decided", "2026-03-10", decision="maybe")],
            InvalidEvent,
        ),
        ([PENDING, ev("sufficient_interest_decided", "2026-03-10")], InvalidEvent),
        ([ev("received", "2026-03-02", sufficient_interest="yes")], InvalidEvent),
        ([PENDING, ev("stage1_response_sent", "2026-03-10")], IllegalTransition),
        (
            [
                PENDING,
                ev("sufficient_interest_decided", "2026-03-09", decision="yes"),
                ev("sufficient_interest_decided", "2026-03-10", decision="yes"),
            ],
            IllegalTransition,
        ),
        (
            [PENDING, ev("acknowledged", "2026-03-03"), ev("acknowledged", "2026-03-04")],
            IllegalTransition,
        ),
    ],
)
def test_sufficient_interest_mistakes(events, error):
    with pytest.raises(error):
        at("2026-03-10", events)


# --- refusals, the Ombudsman, withdrawals --------------------------------------------------


@pytest.mark.parametrize(
    "reason",
    [
        "Out of time; you can go to the Local Government and Social Care Ombudsman.",
        "Out of time. Contact the LGSCO.",
        "the ombudsman can look at this decision",
    ],
)
def test_a_refusal_names_the_ombudsman(reason):
    s = at("2026-03-05", [RECEIVED, ev("refused", "2026-03-05", reason=reason)])
    assert (s.stage, s.status, s.next_step, s.may_go_to_ombudsman) == (
        CLOSED_STAGE,
        "refused",
        "go_to_ombudsman",
        True,
    )


@pytest.mark.parametrize(
    "details", [{}, {"reason": ""}, {"reason": "Out of time."}, {"reason": "ombudsmanship"}]
)
def test_a_refusal_without_the_ombudsman_is_refused(details):
    with pytest.raises(InvalidEvent, match="reason"):
        at("2026-03-05", [RECEIVED, Event("refused", d("2026-03-05"), details)])


#: the three responses, each with the events that lead to it (MAIN up to and including it)
RESPONSES = [
    pytest.param(3, id="stage1_response_sent"),
    pytest.param(8, id="stage2_response_sent"),
    pytest.param(13, id="final_response_sent"),
]


@pytest.mark.parametrize("count", RESPONSES)
@pytest.mark.parametrize("outcome", ["upheld", "partly_upheld", "not_upheld"])
def test_a_response_records_its_outcome(count, outcome):
    *before, response = MAIN[:count]
    answered = Event(response.kind, response.on, {"outcome": outcome})
    s = at("2026-08-20", [*before, answered])
    assert s.history[-1].event.details == {"outcome": outcome}
    assert s.status == at("2026-08-20", MAIN[:count]).status  # the outcome changes nothing else


@pytest.mark.parametrize("count", RESPONSES)
@pytest.mark.parametrize("outcome", ["", "Upheld", "partly upheld", "rejected"])
def test_a_response_with_an_unknown_outcome_is_refused(count, outcome):
    *before, response = MAIN[:count]
    answered = Event(response.kind, response.on, {"outcome": outcome})
    with pytest.raises(InvalidEvent, match="the outcome must be one of upheld, partly_upheld"):
        at("2026-08-20", [*before, answered])


def test_a_response_without_an_outcome_is_old_data_and_still_replays():
    s = at("2026-08-06", MAIN[:13])
    assert (s.status, s.next_step) == ("final_response_sent", "go_to_ombudsman")
    assert all("outcome" not in entry.event.details for entry in s.history)


def test_referred_to_the_ombudsman():
    s = at("2026-08-20", [*MAIN, ev("referred_to_ombudsman", "2026-08-20")])
    assert "referred_to_ombudsman" in s.flags and not s.may_go_to_ombudsman
    assert s.status == "closed"
    during = at("2026-05-20", [*MAIN[:7], ev("referred_to_ombudsman", "2026-05-20")])
    # the council's procedure carries on: the LGSCO normally refers it back
    assert (during.status, during.next_step) == ("stage2_investigating", "send_stage2_response")
    final = at("2026-08-06", [*MAIN[:13], ev("referred_to_ombudsman", "2026-08-06")])
    assert (final.next_step, final.who, final.may_go_to_ombudsman) == (None, None, False)
    with pytest.raises(IllegalTransition, match="already referred"):
        at(
            "2026-08-21",
            [
                *MAIN,
                ev("referred_to_ombudsman", "2026-08-20"),
                ev("referred_to_ombudsman", "2026-08-21"),
            ],
        )


@pytest.mark.parametrize("kind", ["withdrawn", "resolved_early"])
@pytest.mark.parametrize("count", [1, 2, 3, 4, 7, 8, 9, 11, 13])
def test_withdrawn_or_resolved_at_any_open_point(kind, count):
    on = MAIN[count - 1].on.isoformat()
    s = at(on, [*MAIN[:count], ev(kind, on)])
    assert (s.stage, s.status, s.next_step, s.who, s.due) == (CLOSED_STAGE, kind, None, None, None)
    assert not s.may_escalate
    assert s.may_go_to_ombudsman == (count == 13)  # the final response had been sent
    assert not any(c.startswith("late_") for c in s.flags)


def test_withdrawn_late_records_what_was_late():
    s = at("2026-03-20", [*MAIN[:2], ev("withdrawn", "2026-03-20")])
    assert "late_stage1" in s.flags and not s.may_go_to_ombudsman


# --- the council refusing to escalate ------------------------------------------------------

REFUSAL = "Nothing further could be added"


def test_refusing_stage2_is_a_complaint_of_its_own():
    events = [*MAIN[:4], ev("escalation_refused", "2026-04-08", reason=REFUSAL)]
    s = at("2026-04-08", events)
    assert (s.status, s.stage, s.next_step, s.who) == (
        "escalation_refused",
        1,
        "go_to_ombudsman",
        COMPLAINANT,
    )
    assert s.may_go_to_ombudsman and not s.may_escalate and "escalation_refused" in s.flags
    assert s.new_complaints == (
        Event(
            "received",
            d("2026-04-08"),
            {"about": "escalation_refused", "stage": "2", "reason": REFUSAL},
        ),
    )
    assert s.next_data == {"because": "escalation_refused"}
    # the stage 2 clocks stop while it stands
    assert at("2026-08-01", events).flags == {"escalation_refused"}


def test_a_refused_escalation_can_be_reversed():
    # the council agrees the statement on Mon 20 Apr after all: 25 after = 21-24 (4), 27-30
    # (8), 1 May (9), skip 4 May, 5-8 (13), 11-15 (18), 18-22 (23), skip 25 May, 26, 27 ->
    # Wed 27 May
    events = [
        *MAIN[:4],
        ev("escalation_refused", "2026-04-08", reason=REFUSAL),
        ev("statement_agreed", "2026-04-20"),
    ]
    s = at("2026-04-20", events)
    assert (s.status, s.stage, s.due) == ("stage2_investigating", 2, d("2026-05-27"))
    assert {"escalation_refused", "escalation_refusal_reversed"} <= s.flags
    assert not s.may_go_to_ombudsman
    appointed = [
        *MAIN[:4],
        ev("escalation_refused", "2026-04-08", reason=REFUSAL),
        ev("investigating_officer_appointed", "2026-04-09"),
    ]
    assert at("2026-04-09", appointed).status == "stage2_requested"


def test_refusing_stage3_and_reversing_it():
    events = [*MAIN[:9], ev("escalation_refused", "2026-06-03", reason=REFUSAL)]
    s = at("2026-06-03", events)
    assert (s.status, s.stage, s.new_complaints[0].details["stage"]) == (
        "escalation_refused",
        2,
        "3",
    )
    held = at("2026-07-10", [*events, ev("panel_held", "2026-07-10")])
    assert (held.status, held.stage, held.history[-1].due) == ("panel_held", 3, d("2026-07-13"))
    with pytest.raises(IllegalTransition, match="stage 3"):
        at("2026-06-05", [*events, ev("statement_agreed", "2026-06-05")])


def test_closing_after_a_refused_escalation_still_points_to_the_ombudsman():
    events = [
        *MAIN[:4],
        ev("escalation_refused", "2026-04-08", reason=REFUSAL),
        ev("closed", "2026-04-09"),
    ]
    s = at("2026-04-09", events)
    assert (s.stage, s.status, s.may_go_to_ombudsman) == (CLOSED_STAGE, "closed", True)


def test_refusing_an_escalation_needs_a_reason():
    with pytest.raises(InvalidEvent, match="reason"):
        at("2026-04-08", [*MAIN[:4], ev("escalation_refused", "2026-04-08")])


# --- closing and coming back ---------------------------------------------------------------


def test_closed_after_stage1_then_a_late_request_reopens_it():
    closed = [*MAIN[:3], ev("closed", "2026-03-20")]
    within = at("2026-04-14", closed)
    assert (within.stage, within.status, within.may_escalate) == (CLOSED_STAGE, "closed", True)
    assert not within.may_go_to_ombudsman and within.next_step is None
    assert not at("2026-04-15", closed).may_escalate
    s = at("2026-04-20", [*closed, ev("stage2_requested", "2026-04-20")])
    assert s.status == "stage2_requested" and {"reopened", "late_stage2_request"} <= s.flags


def test_closed_after_stage2_then_a_panel_request():
    closed = [*MAIN[:8], ev("closed", "2026-05-20")]
    assert at("2026-06-11", closed).may_escalate
    assert not at("2026-06-12", closed).may_escalate
    s = at("2026-06-01", [*closed, ev("stage3_requested", "2026-06-01")])
    assert (s.status, s.stage) == ("stage3_requested", 3) and "late_stage3_request" not in s.flags
    with pytest.raises(IllegalTransition, match="closed before reaching 'stage1_responded'"):
        at("2026-06-01", [*closed, ev("stage2_requested", "2026-06-01")])
    with pytest.raises(IllegalTransition, match="closed before reaching 'stage2_responded'"):
        at(
            "2026-04-01",
            [*MAIN[:3], ev("closed", "2026-03-20"), ev("stage3_requested", "2026-04-01")],
        )


# --- illegal transitions -------------------------------------------------------------------

ILLEGAL = [
    # (events before, the event that cannot follow, the status named in the error)
    ([], ev("acknowledged", "2026-03-03"), "not yet received"),
    ([RECEIVED], ev("received", "2026-03-03"), "received"),
    (MAIN[:2], ev("acknowledged", "2026-03-04"), "acknowledged"),
    (MAIN[:1], ev("statement_agreed", "2026-03-04"), "received"),
    (MAIN[:2], ev("panel_held", "2026-03-04"), "acknowledged"),
    (MAIN[:2], ev("stage3_requested", "2026-03-04"), "acknowledged"),
    (MAIN[:2], ev("closed", "2026-03-04"), "acknowledged"),
    (MAIN[:2], ev("escalation_refused", "2026-03-04", reason="x"), "acknowledged"),
    (MAIN[:3], ev("stage1_response_sent", "2026-03-16"), "stage1_responded"),
    (MAIN[:3], ev("stage1_extended", "2026-03-16", reason="x"), "stage1_responded"),
    (MAIN[:3], ev("stage2_response_sent", "2026-03-16"), "stage1_responded"),
    (MAIN[:4], ev("stage2_response_sent", "2026-04-02"), "stage2_requested"),
    (MAIN[:6], ev("statement_agreed", "2026-04-09"), "stage2_investigating"),
    (MAIN[:6], ev("investigating_officer_appointed", "2026-04-09"), "stage2_investigating"),
    (MAIN[:8], ev("stage2_extended", "2026-05-14", reason="x", days="1"), "stage2_responded"),
    (MAIN[:8], ev("panel_held", "2026-05-14"), "stage2_responded"),
    (MAIN[:9], ev("panel_report_sent", "2026-06-02"), "stage3_requested"),
    (MAIN[:10], ev("panel_convened", "2026-06-06"), "panel_convened"),
    (MAIN[:11], ev("final_response_sent", "2026-07-13"), "panel_held"),
    (MAIN[:12], ev("panel_held", "2026-07-17"), "panel_reported"),
    (MAIN[:13], ev("stage2_requested", "2026-08-06"), "final_response_sent"),
    (MAIN, ev("closed", "2026-08-11"), "closed"),
    (MAIN, ev("withdrawn", "2026-08-11"), "closed"),
    (MAIN, ev("paused", "2026-08-11", reason="x"), "closed"),
    (MAIN, ev("refused", "2026-08-11", reason="Ombudsman"), "closed"),
    (MAIN, ev("advocate_needed", "2026-08-11"), "closed"),
    (MAIN[:1], ev("resumed", "2026-03-03"), "received"),
]


@pytest.mark.parametrize(("before", "event", "status"), ILLEGAL)
def test_illegal_transitions_raise_naming_the_event_and_the_state(before, event, status):
    with pytest.raises(IllegalTransition) as raised:
        state([*before, event], ISLINGTON, d("2026-12-31"))
    message = str(raised.value)
    assert repr(str(event.kind)) in message and event.on.isoformat() in message
    assert repr(status) in message
    assert raised.value.event == event and raised.value.status == status
    assert isinstance(raised.value, ValueError)


def test_every_kind_has_a_transition_rule_and_a_handler():
    assert set(TRANSITIONS) == set(Kind)
    statuses = set().union(*TRANSITIONS.values())
    assert statuses <= set(Status)


def test_event_kinds_are_the_documented_contract():
    assert {
        "received",
        "acknowledged",
        "sufficient_interest_decided",
        "advocate_needed",
        "stage1_extended",
        "stage1_response_sent",
        "stage2_requested",
        "statement_agreed",
        "investigating_officer_appointed",
        "independent_person_appointed",
        "stage2_extended",
        "stage2_response_sent",
        "stage3_requested",
        "panel_convened",
        "panel_held",
        "panel_report_sent",
        "final_response_sent",
        "closed",
        "withdrawn",
        "resolved_early",
        "paused",
        "resumed",
        "refused",
        "escalation_refused",
        "referred_to_ombudsman",
    } == EVENT_KINDS


def test_events_check_their_kind_and_day():
    with pytest.raises(InvalidEvent, match="unknown event kind 'recieved'"):
        Event("recieved", d("2026-03-02"))
    with pytest.raises(TypeError):
        Event("received", datetime(2026, 3, 2, 9))
    with pytest.raises(TypeError):
        Event("received", "2026-03-02")
    event = Event("received", d("2026-03-02"))
    assert event.kind is Kind.RECEIVED and event.kind == "received" and event.details == {}


def test_details_are_copied():
    details = {"reason": "complex"}
    event = Event("stage1_extended", d("2026-03-02"), details)
    details["reason"] = "changed"
    assert event.details == {"reason": "complex"}


# --- replay order --------------------------------------------------------------------------


def test_events_replay_in_date_order_and_future_events_wait():
    recorded_late = [MAIN[0], MAIN[2], MAIN[1]]  # the acknowledgement typed in afterwards
    assert at("2026-03-13", recorded_late).status == "stage1_responded"
    assert at("2026-03-12", MAIN).status == "acknowledged"  # as things stood that day
    with pytest.raises(StageError, match="no complaint has been received by 2026-03-01"):
        at("2026-03-01", MAIN)
    with pytest.raises(StageError):
        state([], ISLINGTON, d("2026-03-01"))


def test_events_on_the_same_day_keep_their_recorded_order():
    same_day = [
        RECEIVED,
        ev("acknowledged", "2026-03-04"),
        ev("stage1_response_sent", "2026-03-04"),
    ]
    assert at("2026-03-04", same_day).status == "stage1_responded"
    with pytest.raises(IllegalTransition):
        at("2026-03-04", [RECEIVED, same_day[2], same_day[1]])


# --- properties ----------------------------------------------------------------------------

received_days = st.dates(min_value=date(2015, 1, 1), max_value=date(2039, 6, 30))

timescales = st.builds(
    lambda ack, s1, ext, w2, start, w3: Timescales(
        acknowledge=min(ack, s1),
        stage1=s1,
        stage1_extension=min(ext, 20 - s1),
        stage2_request_window=w2,
        stage2_clock_start=start,
        stage3_request_window=w3,
    ),
    st.integers(1, 5),
    st.integers(1, 20),
    st.integers(0, 10),
    st.integers(1, 40),
    st.sampled_from(["statement_agreed", "request"]),
    st.integers(20, 40),
)


@FEW
@given(received_days, st.integers(0, 60), st.integers(0, 400), st.booleans())
def test_days_left_and_overdue_agree(received, ack_after, later, acknowledge):
    events = [Event("received", received)]
    if acknowledge:
        events.append(Event("acknowledged", received + timedelta(days=ack_after)))
    today = received + timedelta(days=ack_after + later)
    s = state(events, ISLINGTON, today)
    assert calendar.is_working_day(s.due)
    assert all(calendar.is_working_day(due) for due in s.deadlines.values())
    assert s.overdue == (today > s.due)
    if s.overdue:
        assert s.days_left is None and s.days_overdue >= 1
        assert calendar.add_working_days(s.due, s.days_overdue) == day0(today)
        assert s.may_go_to_ombudsman
    else:
        assert s.days_overdue is None and s.days_left >= 0
        assert calendar.add_working_days(today, s.days_left) == s.due


@FEW
@given(received_days, st.integers(0, 40), st.integers(0, 60))
def test_a_pause_moves_the_due_date_by_exactly_the_working_days_paused(received, paused, resumed):
    pause_on = received + timedelta(days=paused)
    resume_on = pause_on + timedelta(days=resumed)
    before = state([Event("received", received)], ISLINGTON, received)
    after = state(
        [
            Event("received", received),
            Event("paused", pause_on, {"reason": "proceedings"}),
            Event("resumed", resume_on),
        ],
        ISLINGTON,
        resume_on,
    )
    gap = calendar.working_days_between(day0(pause_on), day0(resume_on))
    for clock in ("acknowledge", "stage1"):
        assert after.deadlines[clock] == calendar.add_working_days(before.deadlines[clock], gap)
    # the same, counted as "what was left when it stopped, from the day it restarted"
    used = calendar.working_days_between(day0(received), day0(pause_on))
    if used <= ISLINGTON.stage1:
        assert after.deadlines["stage1"] == calendar.add_working_days(
            day0(resume_on), ISLINGTON.stage1 - used
        )
    assert after.paused_working_days == gap


@FEW
@given(received_days, timescales)
def test_the_timeline_is_what_replaying_each_step_on_its_last_day_gives(received, t):
    m = {milestone.key: milestone.due for milestone in timeline(received, t)}
    events = [
        Event("received", received),
        Event("acknowledged", m["acknowledge"]),
        Event("stage1_response_sent", m["stage1"]),
        Event("stage2_requested", m["stage2_request"]),
        Event("statement_agreed", m["stage2_request"]),
        Event("investigating_officer_appointed", m["stage2_request"]),
        Event("independent_person_appointed", m["stage2_request"]),
        Event("stage2_response_sent", m["stage2"]),
        Event("stage3_requested", m["stage3_request"]),
        Event("panel_held", m["panel"]),
        Event("panel_report_sent", m["panel_report"]),
        Event("final_response_sent", m["final_response"]),
    ]
    s = state(events, t, m["final_response"])
    assert s.status == "final_response_sent" and not s.flags
    assert s.received == m["received"] == day0(received)
    for clock, due in s.deadlines.items():
        key = "stage2_longest" if clock == "stage2_from_request" else clock
        assert due == m[key]
    if t.stage1_extension:
        extended = [events[0], Event("stage1_extended", received, {"reason": "complex"})]
        assert state(extended, t, received).deadlines["stage1"] == m["stage1_extended"]


# --- the timeline --------------------------------------------------------------------------


def test_islington_timeline_by_hand():
    # received Mon 21 Dec 2026; not working: Fri 25 Dec, Mon 28 Dec (Boxing Day substitute),
    # Fri 1 Jan 2027, then Good Friday 26 Mar and Easter Monday 29 Mar 2027, 3 May 2027
    # (early May) and 31 May 2027 (spring)
    rows = {
        m.key: (m.due, m.working_days, m.after, m.from_received, m.who)
        for m in timeline(d("2026-12-21"), ISLINGTON)
    }
    assert rows == {
        "received": (d("2026-12-21"), 0, "", 0, COMPLAINANT),
        # 22, 23
        "acknowledge": (d("2026-12-23"), 2, "received", 2, COUNCIL),
        # 22-24 (3), 29-31 (6), 4-7 Jan (10)
        "stage1": (d("2027-01-07"), 10, "received", 10, COUNCIL),
        # 8 (11), 11-15 (16), 18-21 (20)
        "stage1_extended": (d("2027-01-21"), 20, "received", 20, COUNCIL),
        # from Thu 7 Jan: 8, 11-15, 18-22, 25-29 (16), 1-4 Feb (20)
        "stage2_request": (d("2027-02-04"), 20, "stage1", 30, COMPLAINANT),
        # from Thu 4 Feb: 5, 8-12, 15-19, 22-26 (16), 1-5 Mar (21), 8-11 Mar (25)
        "stage2": (d("2027-03-11"), 25, "stage2_request", 55, COUNCIL),
        # on from 11 Mar (25): 12, 15-19, 22-25 (35), skip 26 and 29 Mar, 30, 31, 1, 2 Apr
        # (39), 5-9 (44), 12-16 (49), 19-23 (54), 26-30 (59), skip 3 May, 4-7 (63), 10, 11
        "stage2_longest": (d("2027-05-11"), 65, "stage2_request", 95, COUNCIL),
        # from Thu 11 Mar: 12, 15-19, 22-25 (10), 30, 31, 1, 2 Apr (14), 5-9 (19), 12 (20)
        "stage3_request": (d("2027-04-12"), 20, "stage2", 75, COMPLAINANT),
        # from Mon 12 Apr: 13-16 (4), 19-23 (9), 26-30 (14), skip 3 May, 4-7 (18), 10-14
        # (23), 17-21 (28), 24, 25 (30)
        "panel": (d("2027-05-25"), 30, "stage3_request", 105, COUNCIL),
        # 26-28 (3), skip 31 May, 1, 2 Jun
        "panel_report": (d("2027-06-02"), 5, "panel", 110, COUNCIL),
        # 3, 4, 7-11 (7), 14-18 (12), 21-23 (15)
        "final_response": (d("2027-06-23"), 15, "panel_report", 125, COUNCIL),
    }


def test_north_yorkshire_timeline_has_no_stage1_extension():
    rows = {m.key: m.due for m in timeline(d("2026-12-21"), NORTH_YORKSHIRE)}
    # acknowledgement 5: 22-24, 29, 30 -> Wed 30 Dec; stage 1 20 -> Thu 21 Jan (as above)
    assert rows["acknowledge"] == d("2026-12-30") and rows["stage1"] == d("2027-01-21")
    assert "stage1_extended" not in rows and "stage1_advocate" not in rows


def test_timeline_shows_an_advocate_extension_that_differs():
    rows = {m.key: m for m in timeline(d("2026-03-02"), Timescales(stage1=10, stage1_extension=5))}
    assert (rows["stage1_extended"].due, rows["stage1_extended"].working_days) == (
        d("2026-03-23"),
        15,
    )
    assert (rows["stage1_advocate"].due, rows["stage1_advocate"].working_days) == (
        d("2026-03-30"),
        20,
    )


def test_timeline_from_a_holiday_counts_from_the_next_working_day():
    rows = timeline(d("2026-12-25"), ISLINGTON)
    # Fri 25 Dec, weekend, Mon 28 Dec substitute: received Tue 29 Dec; ack 30, 31 -> Thu 31
    assert rows[0].due == d("2026-12-29") and rows[1].due == d("2026-12-31")


@FEW
@given(st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2039, 12, 31)))
def test_intake_first_dates_agree_with_the_lifecycle(submitted):
    first = first_dates(submitted, ISLINGTON)
    s = state([Event("received", submitted.date())], ISLINGTON, submitted.date())
    assert s.received == first.received
    assert s.deadlines["acknowledge"] == first.acknowledge_by
    assert s.deadlines["stage1"] == first.stage1_by
