"""portal.domain.calendar: working days in England and Wales, counted from day 0.

The expected dates are worked out by hand (each worked example says how) or checked against
an independent oracle (a hand-written Easter computus, a day-by-day loop, zoneinfo), so a
mistake in the module or in the holidays package fails a test rather than being copied into it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.domain import calendar
from portal.domain.calendar import (
    add_working_days,
    is_working_day,
    received_date,
    working_days_between,
)

FIRST = date(2015, 1, 1)
LAST = date(2040, 12, 31)

#: modest, so the whole file runs in well under two seconds
FEW = settings(max_examples=100, deadline=None)

#: start dates that leave room for a year of working days before the calendar ends
starts = st.dates(min_value=FIRST, max_value=date(2039, 12, 31))
counts = st.integers(min_value=0, max_value=250)
in_range = st.dates(min_value=FIRST, max_value=LAST)


def d(text: str) -> date:
    return date.fromisoformat(text)


# --- which days are working days ----------------------------------------------------------

NON_WORKING = [
    # Christmas at a weekend: the day itself and the substitute days are all non-working
    ("2021-12-25", "Christmas Day, Saturday"),
    ("2021-12-26", "Boxing Day, Sunday"),
    ("2021-12-27", "Christmas Day substitute, Monday"),
    ("2021-12-28", "Boxing Day substitute, Tuesday"),
    ("2022-12-25", "Christmas Day, Sunday"),
    ("2022-12-26", "Boxing Day, Monday"),
    ("2022-12-27", "Christmas Day substitute, Tuesday"),
    ("2027-12-25", "Christmas Day, Saturday"),
    ("2027-12-26", "Boxing Day, Sunday"),
    ("2027-12-27", "Christmas Day substitute, Monday"),
    ("2027-12-28", "Boxing Day substitute, Tuesday"),
    ("2026-12-25", "Christmas Day, Friday"),
    ("2026-12-28", "Boxing Day substitute (26th is a Saturday), Monday"),
    ("2025-12-25", "Christmas Day, Thursday"),
    ("2025-12-26", "Boxing Day, Friday"),
    # Easter
    ("2019-04-19", "Good Friday"),
    ("2019-04-22", "Easter Monday"),
    ("2024-03-29", "Good Friday"),
    ("2024-04-01", "Easter Monday"),
    ("2025-04-18", "Good Friday"),
    ("2025-04-21", "Easter Monday"),
    ("2038-04-23", "Good Friday (late Easter)"),
    ("2038-04-26", "Easter Monday (late Easter)"),
    # New Year
    ("2025-01-01", "New Year's Day, Wednesday"),
    ("2022-01-03", "New Year's Day substitute (1st is a Saturday)"),
    ("2023-01-02", "New Year's Day substitute (1st is a Sunday)"),
    # the other regular bank holidays
    ("2025-05-05", "Early May bank holiday"),
    ("2020-05-08", "Early May bank holiday moved to VE Day"),
    ("2025-05-26", "Spring bank holiday"),
    ("2025-08-25", "Summer bank holiday"),
    # one-off bank holidays
    ("2022-06-02", "Spring bank holiday moved for the Platinum Jubilee"),
    ("2022-06-03", "Platinum Jubilee"),
    ("2022-09-19", "State funeral of Queen Elizabeth II"),
    ("2023-05-08", "Coronation of King Charles III"),
    # ordinary weekends
    ("2025-06-14", "Saturday"),
    ("2025-06-15", "Sunday"),
]

WORKING = [
    ("2025-06-16", "an ordinary Monday"),
    ("2025-06-18", "an ordinary Wednesday"),
    ("2025-06-20", "an ordinary Friday"),
    ("2021-12-29", "the first working day after a weekend Christmas"),
    ("2021-12-24", "Christmas Eve is a working day"),
    ("2021-12-31", "New Year's Eve is a working day"),
    ("2022-05-30", "the usual spring bank holiday Monday, moved in 2022"),
    ("2020-05-04", "the usual early May Monday, moved in 2020"),
    ("2025-04-17", "Maundy Thursday"),
    ("2025-04-22", "the Tuesday after Easter"),
    ("2015-01-02", "the first working day in range"),
    ("2040-12-31", "the last day in range, a Monday"),
]


@pytest.mark.parametrize(("day", "why"), NON_WORKING)
def test_non_working_days(day, why):
    assert not is_working_day(d(day)), why


@pytest.mark.parametrize(("day", "why"), WORKING)
def test_working_days(day, why):
    assert is_working_day(d(day)), why


def easter_sunday(year: int) -> date:
    """The anonymous Gregorian computus: independent of the holidays package."""
    a, b, c = year % 19, year // 100, year % 100
    d_, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d_ - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


@pytest.mark.parametrize("year", range(2015, 2041))
def test_every_year_has_its_fixed_holidays(year):
    easter = easter_sunday(year)
    assert not is_working_day(easter - timedelta(days=2))  # Good Friday
    assert not is_working_day(easter + timedelta(days=1))  # Easter Monday
    assert not is_working_day(date(year, 12, 25))
    assert not is_working_day(date(year, 12, 26))
    # whichever day Christmas falls on, the first two weekdays from 25 December are off
    # (a weekend Christmas or Boxing Day moves to the following weekdays)
    weekdays = [
        day
        for day in (date(year, 12, 25) + timedelta(days=i) for i in range(5))
        if day.weekday() < 5
    ]
    assert not is_working_day(weekdays[0])
    assert not is_working_day(weekdays[1])
    # New Year's Day, or its substitute on the first Monday
    new_year = date(year, 1, 1)
    if new_year.weekday() >= 5:
        new_year += timedelta(days=7 - new_year.weekday())
    assert not is_working_day(new_year)


def test_easter_computus_matches_known_dates():
    assert easter_sunday(2024) == d("2024-03-31")
    assert easter_sunday(2025) == d("2025-04-20")
    assert easter_sunday(2038) == d("2038-04-25")


def test_year_has_the_expected_number_of_working_days():
    # 2025: 261 weekdays, less 8 bank holidays all on weekdays
    assert working_days_between(d("2024-12-31"), d("2025-12-31")) == 253


# --- add_working_days ---------------------------------------------------------------------


def test_day_zero_rule_ten_days_from_a_monday_is_the_monday_two_weeks_later():
    # no holidays between: Tue..Fri (4), Mon..Fri (5), Mon (1) = 10
    assert add_working_days(d("2025-03-03"), 10) == d("2025-03-17")


def test_across_christmas_2026():
    # Received Monday 2026-12-21. Tue 22 (1), Wed 23 (2), Thu 24 (3); Fri 25 Christmas;
    # Sat 26 Boxing Day and Sun 27; Mon 28 Boxing Day substitute; Tue 29 (4), Wed 30 (5),
    # Thu 31 (6); Fri 2027-01-01 New Year; Mon 4 (7), Tue 5 (8), Wed 6 (9), Thu 7 (10).
    assert add_working_days(d("2026-12-21"), 10) == d("2027-01-07")


def test_across_christmas_2021_with_both_substitutes():
    # Received Thursday 2021-12-23. Fri 24 (1); Sat 25 to Tue 28 all off; Wed 29 (2),
    # Thu 30 (3), Fri 31 (4); Mon 2022-01-03 New Year substitute; Tue 4 (5).
    assert add_working_days(d("2021-12-23"), 5) == d("2022-01-04")


def test_across_easter_2025():
    # Received Thursday 2025-04-10. Fri 11 (1); Mon 14 to Thu 17 (2-5); Good Friday 18 and
    # Easter Monday 21 off; Tue 22 to Fri 25 (6-9); Mon 28 (10).
    assert add_working_days(d("2025-04-10"), 10) == d("2025-04-28")
    # carrying on: Tue 29 to Fri 2 May (11-14); Mon 5 May bank holiday; Tue 6 to Fri 9
    # (15-18); Mon 12 (19), Tue 13 (20).
    assert add_working_days(d("2025-04-10"), 20) == d("2025-05-13")


def test_from_a_non_working_day_the_next_working_day_is_day_one():
    # from Saturday 2025-06-14, Monday 16 is the first working day after it
    assert add_working_days(d("2025-06-14"), 1) == d("2025-06-16")
    # from Good Friday 2025, the Tuesday after Easter
    assert add_working_days(d("2025-04-18"), 1) == d("2025-04-22")


def test_zero_days_returns_start_even_if_it_is_not_a_working_day():
    assert add_working_days(d("2025-06-14"), 0) == d("2025-06-14")
    assert add_working_days(d("2025-06-16"), 0) == d("2025-06-16")


def test_negative_days_are_refused():
    with pytest.raises(ValueError, match="negative"):
        add_working_days(d("2025-06-16"), -1)


def test_a_statutory_maximum_of_65_days():
    # 65 working days from Monday 2025-09-01: 13 weeks to Monday 2025-12-01 with no holidays
    assert add_working_days(d("2025-09-01"), 65) == d("2025-12-01")


# --- working_days_between -----------------------------------------------------------------


def test_between_excludes_start_and_includes_end():
    assert working_days_between(d("2025-06-16"), d("2025-06-16")) == 0
    assert working_days_between(d("2025-06-16"), d("2025-06-17")) == 1
    assert working_days_between(d("2025-06-13"), d("2025-06-16")) == 1  # Fri to Mon
    assert working_days_between(d("2025-06-14"), d("2025-06-15")) == 0  # Sat to Sun
    assert working_days_between(d("2026-12-21"), d("2027-01-07")) == 10


def test_between_is_negative_when_end_is_before_start():
    assert working_days_between(d("2027-01-07"), d("2026-12-21")) == -10
    assert working_days_between(d("2025-06-16"), d("2025-06-13")) == -1


# --- received_date ------------------------------------------------------------------------


def test_received_on_a_working_day_is_that_day():
    assert received_date(datetime(2025, 6, 16, 9, 0)) == d("2025-06-16")
    assert received_date(datetime(2025, 6, 16, 23, 59)) == d("2025-06-16")


def test_received_on_a_saturday_counts_from_monday():
    assert received_date(datetime(2025, 6, 14, 10, 0)) == d("2025-06-16")


def test_received_on_a_bank_holiday_counts_from_the_next_working_day():
    assert received_date(datetime(2025, 8, 25, 12, 0)) == d("2025-08-26")
    # Christmas Day 2021 (Saturday) rolls past both substitute days to Wednesday
    assert received_date(datetime(2021, 12, 25, 12, 0)) == d("2021-12-29")


def test_late_friday_evening_utc_in_summer_is_saturday_in_london():
    # 23:30 UTC on Friday 2025-07-04 is 00:30 BST on Saturday: received Monday 2025-07-07
    assert received_date(datetime(2025, 7, 4, 23, 30, tzinfo=UTC)) == d("2025-07-07")


def test_late_friday_evening_utc_in_winter_is_still_friday_in_london():
    # GMT is UTC, so 23:30 UTC on Friday 2025-01-10 is still Friday
    assert received_date(datetime(2025, 1, 10, 23, 30, tzinfo=UTC)) == d("2025-01-10")


def test_other_offsets_are_converted_to_london():
    # 08:00 on Saturday at UTC+10 is 22:00 UTC, 23:00 BST, on Friday 2025-07-04
    aest = timezone(timedelta(hours=10))
    assert received_date(datetime(2025, 7, 5, 8, 0, tzinfo=aest)) == d("2025-07-04")
    # 19:30 on Friday at UTC-5 is 00:30 GMT on Saturday 2025-01-11: received Monday
    est = timezone(timedelta(hours=-5))
    assert received_date(datetime(2025, 1, 10, 19, 30, tzinfo=est)) == d("2025-01-13")


@pytest.mark.parametrize(
    ("utc", "london"),
    [
        # spring: summer time starts at 01:00 UTC on the last Sunday of March (2025-03-30)
        ("2025-03-29T23:30", "2025-03-29"),  # still GMT
        ("2025-03-30T00:59", "2025-03-30"),
        ("2025-03-30T23:30", "2025-03-31"),  # BST from 01:00 UTC that morning
        ("2025-03-23T23:30", "2025-03-23"),  # a week earlier, GMT
        # autumn: summer time ends at 01:00 UTC on the last Sunday of October (2025-10-26)
        ("2025-10-25T23:30", "2025-10-26"),  # still BST
        ("2025-10-26T00:59", "2025-10-26"),
        ("2025-10-26T23:30", "2025-10-26"),  # GMT again
        # years where the last Sunday falls on the 31st
        ("2024-03-31T00:30", "2024-03-31"),
        ("2024-03-31T23:30", "2024-04-01"),
        ("2027-10-30T23:30", "2027-10-31"),
        ("2027-10-31T23:30", "2027-10-31"),
    ],
)
def test_london_date_across_summer_time_changes(utc, london):
    when = datetime.fromisoformat(utc).replace(tzinfo=UTC)
    assert calendar.london_date(when) == d(london)


def test_london_date_rule_agrees_with_zoneinfo():
    zoneinfo = pytest.importorskip("zoneinfo")
    try:
        london = zoneinfo.ZoneInfo("Europe/London")
    except zoneinfo.ZoneInfoNotFoundError:  # pragma: no cover - only without tzdata
        pytest.skip("no time zone database on this host")

    @FEW
    @given(st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2040, 12, 31, 22)))
    def agrees(naive_utc):
        when = naive_utc.replace(tzinfo=UTC)
        assert calendar.london_date(when) == when.astimezone(london).date()

    agrees()
    # and every night either side of each change, where a wrong rule would show
    for year in range(2015, 2041):
        for month in (3, 10):
            sunday = calendar._last_sunday(year, month)
            for day in (sunday - timedelta(days=1), sunday):
                when = datetime.combine(day, time(23, 30), tzinfo=UTC)
                assert calendar.london_date(when) == when.astimezone(london).date()


# --- out of range and wrong types ---------------------------------------------------------


@pytest.mark.parametrize("day", ["2014-12-31", "2041-01-01", "1999-06-01", "2100-01-04"])
def test_out_of_range_dates_are_refused(day):
    with pytest.raises(ValueError, match="outside the working-day calendar"):
        is_working_day(d(day))
    with pytest.raises(ValueError, match="outside"):
        add_working_days(d(day), 1)
    with pytest.raises(ValueError, match="outside"):
        working_days_between(d(day), d("2025-06-16"))
    with pytest.raises(ValueError, match="outside"):
        working_days_between(d("2025-06-16"), d(day))
    with pytest.raises(ValueError, match="outside"):
        received_date(datetime.combine(d(day), time(12)))


def test_the_edges_of_the_range():
    assert is_working_day(FIRST) is False  # New Year's Day 2015
    assert add_working_days(d("2040-12-28"), 1) == LAST
    assert add_working_days(LAST, 0) == LAST
    assert working_days_between(FIRST, LAST) == len(calendar._WORKING_DAYS)
    # 23:30 UTC on New Year's Eve 2014 is still 2014 in London (GMT)
    with pytest.raises(ValueError, match="outside"):
        received_date(datetime(2014, 12, 31, 23, 30, tzinfo=UTC))


def test_counting_past_the_end_of_the_range_is_refused():
    with pytest.raises(ValueError, match="beyond the working-day calendar"):
        add_working_days(LAST, 1)
    with pytest.raises(ValueError, match="beyond"):
        add_working_days(d("2040-12-03"), 30)


def test_a_datetime_is_not_taken_for_a_date():
    # a datetime's day depends on its time zone, so only received_date() accepts one
    with pytest.raises(TypeError, match="received_date"):
        is_working_day(datetime(2025, 6, 16, 9, 0))
    with pytest.raises(TypeError):
        add_working_days(datetime(2025, 6, 16, 9, 0), 1)


# --- properties ---------------------------------------------------------------------------


def slow_add(start: date, n: int) -> date:
    """The definition, one day at a time: an oracle for the indexed version."""
    day = start
    while n:
        day += timedelta(days=1)
        n -= is_working_day(day)
    return day


@FEW
@given(starts, counts)
def test_add_matches_counting_day_by_day(start, n):
    assert add_working_days(start, n) == slow_add(start, n)


@FEW
@given(starts, counts)
def test_add_and_between_are_inverses(start, n):
    assert working_days_between(start, add_working_days(start, n)) == n


@FEW
@given(starts, st.integers(min_value=1, max_value=250))
def test_add_lands_on_a_working_day_after_start(start, n):
    end = add_working_days(start, n)
    assert end > start
    assert is_working_day(end)


@FEW
@given(starts, starts, counts, counts)
def test_add_is_monotonic(a, b, m, n):
    a, b = sorted((a, b))
    m, n = sorted((m, n))
    assert add_working_days(a, n) <= add_working_days(b, n)
    assert add_working_days(a, m) <= add_working_days(a, n)
    if m < n:
        assert add_working_days(a, m) < add_working_days(a, n)


@FEW
@given(in_range, in_range, in_range)
def test_between_is_monotonic_and_antisymmetric(start, e1, e2):
    e1, e2 = sorted((e1, e2))
    assert working_days_between(start, e1) <= working_days_between(start, e2)
    assert working_days_between(e1, start) >= working_days_between(e2, start)
    assert working_days_between(start, e1) == -working_days_between(e1, start)
    # additive: (start, e2] splits at e1
    assert working_days_between(start, e2) == (
        working_days_between(start, e1) + working_days_between(e1, e2)
    )


@FEW
@given(
    st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2040, 12, 20)),
    st.sampled_from([None, UTC, timezone(timedelta(hours=-8)), timezone(timedelta(hours=9))]),
)
def test_received_date_is_the_first_working_day_on_or_after_the_local_day(when, tz):
    when = when.replace(tzinfo=tz)
    local = calendar.london_date(when)
    received = received_date(when)
    assert is_working_day(received)
    assert received >= local
    assert working_days_between(local, received) <= 1  # no working day skipped
    assert all(
        not is_working_day(local + timedelta(days=i)) for i in range((received - local).days)
    )
