"""portal.domain.timescales: council settings within what the law and the seeds allow."""

from __future__ import annotations

import pytest

from portal.councils import available, load_council
from portal.domain.timescales import STAGE2_CLOCK_STARTS, Timescales


def test_defaults_are_the_regulations_figures():
    t = Timescales()
    assert (t.stage1, t.stage1_extension, t.stage1_longest) == (10, 10, 20)  # reg. 14
    assert (t.stage2, t.stage2_max, t.stage2_clock_start) == (25, 65, "statement_agreed")
    assert (t.stage3_request_window, t.panel, t.panel_report, t.final_response) == (20, 30, 5, 15)
    # no figure in the regulations: the corporate Code's 5, and the common 20 (domain.md §9)
    assert (t.acknowledge, t.stage2_request_window) == (5, 20)


def test_seed_councils_carry_their_published_figures():
    islington = load_council("islington").timescales
    assert (islington.acknowledge, islington.stage1, islington.stage1_extension) == (2, 10, 10)
    assert (islington.stage2, islington.stage2_max) == (25, 65)
    north_yorkshire = load_council("north-yorkshire").timescales
    assert (north_yorkshire.acknowledge, north_yorkshire.stage1_longest) == (5, 20)


@pytest.mark.parametrize("council_id", available())
def test_every_profile_validates(council_id):
    assert isinstance(load_council(council_id).timescales, Timescales)


@pytest.mark.parametrize(
    "settings",
    [
        {"acknowledge": 2},
        {"acknowledge": 1},
        {"acknowledge": 5, "stage1": 20, "stage1_extension": 0},
        {"stage1": 15, "stage1_extension": 5},
        {"stage1_extension": 0},
        {"stage2_request_window": 28},
        {"stage2_request_window": 1},
        {"stage2_clock_start": "request"},
        {"stage3_request_window": 30},
    ],
)
def test_allowed_settings(settings):
    assert Timescales.from_mapping(settings)


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"acknowledge": -1}, "whole number"),
        ({"acknowledge": True}, "whole number"),
        ({"stage1": "10"}, "whole number"),
        ({"stage1": 10.0}, "whole number"),
        ({"acknowledge": 0}, "acknowledge must be 1 to 5"),
        ({"acknowledge": 6, "stage1": 10}, "acknowledge must be 1 to 5"),
        ({"acknowledge": 5, "stage1": 4, "stage1_extension": 0}, "later than the stage 1"),
        ({"stage1_extension": 11, "stage1": 5}, "at most 10"),
        ({"stage1": 20}, "at most 20"),
        ({"stage1": 21, "stage1_extension": 0}, "at most 20"),
        ({"stage2_request_window": 0}, "at least 1"),
        ({"stage2": 24}, "stage2 is 25 working days by reg. 17"),
        ({"stage2": 26}, "stage2 is 25"),
        ({"stage2_max": 66}, "stage2_max is 65"),
        ({"stage2_max": 64}, "stage2_max is 65"),
        ({"panel": 31}, r"panel is 30 working days by reg. 19\(4\)"),
        ({"panel": 20}, "panel is 30"),
        ({"panel_report": 6}, "panel_report is 5"),
        ({"final_response": 20}, "final_response is 15"),
        ({"stage3_request_window": 19}, "cannot be shorter than the 20 working days of reg. 18"),
        ({"stage2_clock_start": "statement"}, "stage2_clock_start must be one of"),
        ({"stage_2": 25}, r"unknown timescale settings: \['stage_2'\]"),
    ],
)
def test_refused_settings(settings, message):
    with pytest.raises(ValueError, match=message):
        Timescales.from_mapping(settings)


def test_clock_starts():
    assert STAGE2_CLOCK_STARTS == ("statement_agreed", "request")


def test_from_mapping_reads_a_whole_profile_section():
    section = {
        "acknowledge": 2,
        "stage1": 10,
        "stage1_extension": 10,
        "stage2_request_window": 20,
        "stage2": 25,
        "stage2_max": 65,
        "stage2_clock_start": "statement_agreed",
        "stage3_request_window": 20,
        "panel": 30,
        "panel_report": 5,
        "final_response": 15,
    }
    assert Timescales.from_mapping(section) == Timescales(acknowledge=2)
    assert Timescales.from_mapping({}) == Timescales()
