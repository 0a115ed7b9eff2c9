"""Triage flags and first due dates for a new complaint (pure domain)."""

from datetime import UTC, date, datetime

from portal.domain.intake import first_dates, triage_flags
from portal.domain.timescales import Timescales


def test_a_representative_without_consent_is_flagged_not_refused():
    flags = triage_flags({"role": "relative_or_friend", "on_behalf": "yes", "consent": "no"})
    assert {"no_consent", "sufficient_interest", "on_behalf"} <= flags


def test_consent_given_adds_no_consent_flag():
    assert "no_consent" not in triage_flags(
        {"role": "parent", "on_behalf": "yes", "consent": "yes"}
    )


def test_advocate_post_and_safety_flags():
    flags = triage_flags(
        {"wants_advocate": "not_sure", "evidence_by_post": True, "safe_to_contact": "no"}
    )
    assert flags >= {"advocate_requested", "evidence_by_post", "not_safe_to_contact"}
    assert not {"advocate_requested", "evidence_by_post", "not_safe_to_contact"} & triage_flags(
        {"wants_advocate": "no", "evidence_by_post": False, "safe_to_contact": "yes"}
    )


def test_first_dates_count_working_days_from_receipt():
    # Monday 21 December 2026 at noon: 25, 28 Dec (substitute for Boxing Day) and 1 Jan are
    # not working days.
    dates = first_dates(datetime(2026, 12, 21, 12, tzinfo=UTC), Timescales(acknowledge=2))
    assert dates.received == date(2026, 12, 21)
    assert dates.acknowledge_by == date(2026, 12, 23)
    assert dates.stage1_by == date(2027, 1, 7)


def test_a_weekend_complaint_counts_from_monday():
    dates = first_dates(datetime(2026, 11, 21, 10, tzinfo=UTC), Timescales())
    assert dates.received == date(2026, 11, 23)
    assert dates.acknowledge_by == date(2026, 11, 30)
    assert dates.stage1_by == date(2026, 12, 7)
