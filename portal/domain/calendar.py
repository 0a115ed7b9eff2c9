"""Working days in England and Wales, as the complaint timescales count them.

Every statutory timescale for children's social care complaints is in *working days*, which
reg. 2 of the Children Act 1989 Representations Procedure (England) Regulations 2006 defines
as any day other than a Saturday, Sunday, Christmas Day, Good Friday or a day which is a bank
holiday in England and Wales under the Banking and Financial Dealings Act 1971. That includes
Boxing Day, the substitute days when Christmas, Boxing Day or New Year's Day fall at a weekend
(Christmas Day and Boxing Day themselves stay non-working then too), and one-off bank holidays
proclaimed under the Act (2022-06-03 jubilee, 2022-09-19 state funeral, 2023-05-08 coronation).

Counting convention ("day 0"): the day a complaint is received is day 0 and never counts; the
limit is reached on the n-th working day *after* it. So a complaint received on a Monday with
a 10-working-day limit is due by the Monday two weeks later when there are no holidays in
between. This matches the ordinary legal reading of "within n days of receipt" (the day of the
event is excluded) and gives councils the whole of the last day. A complaint that arrives on a
non-working day counts as received on the next working day, which is then its day 0.

The holidays come from the ``holidays`` package for England (the England and Wales calendar),
built once at import for 2015-2040. A bank holiday can be proclaimed at a few months' notice,
so the calendar refuses to answer outside that range (ValueError) rather than guess.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import accumulate

import holidays

FIRST_YEAR = 2015
LAST_YEAR = 2040
FIRST_DAY = date(FIRST_YEAR, 1, 1)
LAST_DAY = date(LAST_YEAR, 12, 31)

_YEARS = range(FIRST_YEAR, LAST_YEAR + 1)

#: the holidays in range that are not working days: bank holidays in England and Wales (with
#: substitute and one-off days) plus Christmas Day and Boxing Day named outright, so a weekend
#: Christmas never depends on how the package chooses to list it.
NON_WORKING_HOLIDAYS: frozenset[date] = frozenset(
    holidays.country_holidays("GB", subdiv="ENG", years=_YEARS)
) | frozenset(date(y, 12, d) for y in _YEARS for d in (25, 26))

_FIRST_ORDINAL = FIRST_DAY.toordinal()
_DAYS = [FIRST_DAY + timedelta(days=i) for i in range((LAST_DAY - FIRST_DAY).days + 1)]
_IS_WORKING = [d.weekday() < 5 and d not in NON_WORKING_HOLIDAYS for d in _DAYS]
#: the working days in range, in order, so the n-th one is a list index away
_WORKING_DAYS: tuple[date, ...] = tuple(d for d, ok in zip(_DAYS, _IS_WORKING, strict=True) if ok)
#: _COUNT_TO[i]: how many working days there are from FIRST_DAY up to and including day i
_COUNT_TO: tuple[int, ...] = tuple(accumulate(int(ok) for ok in _IS_WORKING))
del _DAYS, _IS_WORKING


def _index(d: date) -> int:
    """Position of ``d`` in the calendar; refuses datetimes and days it cannot vouch for."""
    if isinstance(d, datetime):
        # A datetime's day depends on its time zone: received_date() is the place to decide it.
        raise TypeError("expected a date, not a datetime: use received_date() for a moment")
    if not FIRST_DAY <= d <= LAST_DAY:
        raise ValueError(
            f"{d.isoformat()} is outside the working-day calendar "
            f"({FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()})"
        )
    return d.toordinal() - _FIRST_ORDINAL


def is_working_day(d: date) -> bool:
    """Whether ``d`` is a working day under reg. 2 of the 2006 Regulations.

    Timescales count only these days, so this is the single place the definition lives.
    """
    _index(d)
    return d.weekday() < 5 and d not in NON_WORKING_HOLIDAYS


def _last_sunday(year: int, month: int) -> date:
    """The last Sunday of a month with 31 days (March or October)."""
    end = date(year, month, 31)
    return end - timedelta(days=(end.weekday() + 1) % 7)


def london_date(when: datetime) -> date:
    """The calendar day in London at ``when``; naive datetimes already are London time.

    UK summer time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
    Sunday of October (the Summer Time Order 2002). The rule is written out here rather than
    read from ``zoneinfo`` so the domain core needs no time-zone database (tzdata is not on
    every host) and stays within its allowed imports; the tests check it against zoneinfo.
    """
    if when.utcoffset() is None:  # naive
        return when.date()
    utc = when.astimezone(UTC).replace(tzinfo=None)
    starts = datetime.combine(_last_sunday(utc.year, 3), datetime.min.time()) + timedelta(hours=1)
    ends = datetime.combine(_last_sunday(utc.year, 10), datetime.min.time()) + timedelta(hours=1)
    offset = timedelta(hours=1) if starts <= utc < ends else timedelta(0)
    return (utc + offset).date()


def received_date(when: datetime) -> date:
    """The working day a complaint that arrived at ``when`` counts as received on.

    Aware datetimes are read as London local time (a message sent at 23:30 UTC on a summer
    Friday arrives on Saturday in England); naive ones are taken to be London time already.
    A non-working day rolls forward to the next working day, which becomes day 0.
    """
    day = london_date(when)
    return day if is_working_day(day) else add_working_days(day, 1)


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after ``start``: when a timescale of n working days runs out.

    ``start`` is day 0 and never counts, so n=0 returns it unchanged. Negative n is refused
    (ValueError): counting backwards is not something a timescale does, and silently allowing
    it would hide a caller's sign error. Raises ValueError if the answer falls after 2040.
    """
    i = _index(start)
    if n < 0:
        raise ValueError(f"a number of working days cannot be negative: {n}")
    if n == 0:
        return start
    k = _COUNT_TO[i] + n - 1  # index into _WORKING_DAYS of the n-th working day after start
    if k >= len(_WORKING_DAYS):
        raise ValueError(
            f"{n} working days after {start.isoformat()} is beyond the working-day calendar "
            f"(which ends {LAST_DAY.isoformat()})"
        )
    return _WORKING_DAYS[k]


def working_days_between(start: date, end: date) -> int:
    """How many working days of a timescale have passed: those in the interval (start, end].

    ``start`` (day 0) is excluded and ``end`` included, matching add_working_days, so
    ``working_days_between(s, add_working_days(s, n)) == n``. If ``end`` is before ``start``
    the answer is negative: minus the working days in (end, start], i.e.
    ``-working_days_between(end, start)``, so a deadline already passed reads as negative.
    """
    return _COUNT_TO[_index(end)] - _COUNT_TO[_index(start)]
