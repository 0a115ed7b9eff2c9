"""The one axe finding e2e.helpers lets through is exactly GOV.UK Frontend's aria-expanded on
a conditional radio; anything like it but different still fails (a test of the test)."""

from __future__ import annotations

from e2e.helpers import _without_known_govuk_issues

RADIO = (
    '<input class="govuk-radios__input" id="when" name="when" type="radio" value="date" '
    'aria-controls="conditional-when" aria-expanded="false">'
)


def violation(html: str, message: str, rule: str = "aria-allowed-attr") -> dict:
    return {
        "id": rule,
        "nodes": [{"html": html, "any": [], "none": [], "all": [{"message": message}]}],
    }


def test_govuk_conditional_radio_aria_expanded_is_let_through() -> None:
    found = [violation(RADIO, 'ARIA attribute is not allowed: aria-expanded="false"')]
    assert _without_known_govuk_issues(found) == []


def test_anything_else_still_fails() -> None:
    others = [
        violation(RADIO, 'ARIA attribute is not allowed: aria-checked="true"'),
        violation(
            '<div aria-expanded="false">', 'ARIA attribute is not allowed: aria-expanded="false"'
        ),
        violation(
            RADIO.replace("radio", "checkbox"),
            'ARIA attribute is not allowed: aria-expanded="true"',
        ),
        violation(
            RADIO,
            'ARIA attribute is not allowed: aria-expanded="false"',
            rule="aria-valid-attr-value",
        ),
    ]
    assert _without_known_govuk_issues(others) == others


def test_other_nodes_of_the_same_rule_are_kept() -> None:
    mixed = violation(RADIO, 'ARIA attribute is not allowed: aria-expanded="false"')
    bad = {"html": '<span aria-expanded="true">', "all": [{"message": "x"}], "any": [], "none": []}
    mixed["nodes"].append(bad)
    assert _without_known_govuk_issues([mixed]) == [{**mixed, "nodes": [bad]}]
