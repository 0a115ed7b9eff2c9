"""Branches of the domain core that the other domain tests leave unvisited (100% branch cover)."""

from __future__ import annotations

from portal.domain.screening import screen


def test_soft_routes_are_the_ones_the_council_may_still_take():
    # the provider exit is "soft": the person may still ask the council (screening.md)
    provider = screen({"danger": "no", "about": "children_social_care", "provider": "yes"})
    assert (provider.route, provider.soft, provider.in_scope) == ("provider", True, False)
    school = screen({"danger": "no", "about": "school"})
    assert (school.route, school.soft) == ("school", False)
    assert not screen({}).soft
