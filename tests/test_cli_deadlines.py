"""`flask --app wsgi deadlines DATE --council ID`: the whole timeline, to check dates by hand.

The dates are the ones worked out by hand in tests/test_stages.py (test_islington_timeline_by_hand).
"""

from __future__ import annotations

import re

import pytest


def run(app, *args: str):
    return app.test_cli_runner().invoke(args=["deadlines", *args])


def rows(output: str) -> dict[str, str]:
    """Each timeline line by its label (the text before the first run of two spaces)."""
    found = {}
    for line in output.splitlines():
        if re.search(r"\d{4}-\d{2}-\d{2}  ", line):
            label, rest = re.split(r" {2,}", line, maxsplit=1)
            found[label] = rest
    return found


def test_islington_timeline(app):
    result = run(app, "2026-12-21", "--council", "islington")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        "Islington Council: a complaint received on Monday 21 December 2026 (2026-12-21)\n"
    )
    assert "day 0" in result.output and "reg. 2" in result.output
    assert "agreed Statement of Complaint" in result.output
    got = rows(result.output)
    expected = {
        "Complaint received (day 0)": ("Monday 21 December 2026", "2026-12-21", ""),
        "Acknowledgement": (
            "Wednesday 23 December 2026",
            "2026-12-23",
            " 2 working days after receipt",
        ),
        "Stage 1 response": (
            "Thursday 7 January 2027",
            "2027-01-07",
            "10 working days after receipt",
        ),
        "Stage 1 response, if extended": (
            "Thursday 21 January 2027",
            "2027-01-21",
            "20 working days after receipt",
        ),
        "Last day to ask for stage 2": (
            "Thursday 4 February 2027",
            "2027-02-04",
            "20 working days after the stage 1 response, 30 after receipt",
        ),
        "Stage 2 response": (
            "Thursday 11 March 2027",
            "2027-03-11",
            "25 working days after the stage 2 request, 55 after receipt",
        ),
        "Stage 2 response, with every extension": (
            "Tuesday 11 May 2027",
            "2027-05-11",
            "65 working days after the stage 2 request, 95 after receipt",
        ),
        "Last day to ask for a review panel": (
            "Monday 12 April 2027",
            "2027-04-12",
            "20 working days after the stage 2 response, 75 after receipt",
        ),
        "Review panel meets": (
            "Tuesday 25 May 2027",
            "2027-05-25",
            "30 working days after the panel request, 105 after receipt",
        ),
        "Panel's report": (
            "Wednesday 2 June 2027",
            "2027-06-02",
            " 5 working days after the panel, 110 after receipt",
        ),
        "Council's final response": (
            "Wednesday 23 June 2027",
            "2027-06-23",
            "15 working days after the report, 125 after receipt",
        ),
    }
    assert list(got) == list(expected)
    for label, (words, iso, counted) in expected.items():
        assert words in got[label] and iso in got[label], label
        assert got[label].endswith(counted), (label, got[label])


def test_who_acts_is_shown(app):
    got = rows(run(app, "2026-12-21", "--council", "islington").output)
    assert "council" in got["Acknowledgement"]
    assert "complainant" in got["Last day to ask for stage 2"]


def test_north_yorkshire_has_a_flat_20_and_no_extension(app):
    result = run(app, "2026-12-21", "--council", "north-yorkshire")
    assert result.exit_code == 0, result.output
    got = rows(result.output)
    # acknowledgement 5: 22-24, 29, 30 December
    assert "Wednesday 30 December 2026" in got["Acknowledgement"]
    assert "Thursday 21 January 2027" in got["Stage 1 response"]
    assert got["Stage 1 response"].endswith("20 working days after receipt")
    assert not any("if extended" in label for label in got)


def test_a_holiday_counts_from_the_next_working_day(app):
    result = run(app, "2026-12-25", "--council", "islington")
    assert result.exit_code == 0, result.output
    assert "counts as received on Tuesday 29 December 2026" in result.output
    assert "2026-12-29" in rows(result.output)["Complaint received (day 0)"]


def test_the_configured_council_is_the_default(app):
    result = run(app, "2026-12-21")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(app.extensions["council"].name + ": ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2026-12-21", "--council", "nowhere"], "no council profile 'nowhere'"),
        (["21/12/2026"], "does not match the format"),
        (["2046-12-21"], "outside the working-day calendar"),
        ([], "Missing argument"),
    ],
)
def test_mistakes_are_explained(app, args, message):
    result = run(app, *args)
    assert result.exit_code == 2
    assert message in result.output
