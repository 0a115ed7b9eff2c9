"""screen() against every row of ../shared/reference/screening.md, written out by hand.

The expectations are spelled out here rather than derived from portal.domain.screening's own
table, so a mistake in that table fails a test.
"""

from __future__ import annotations

import pytest

from portal.domain.screening import QUESTION_IDS, aware_over_12_months, screen

#: a complete set of answers that reaches the end with no exit and no flag
CLEAR = {
    "danger": "no",
    "about": "children_social_care",
    "provider": "no",
    "child_protection": "no",
    "court_decision": "no",
    "approval": "no",
    "appeal": "no",
    "request": "no",
    "compensation": "no",
    "ombudsman_done": "no",
    "waiting_decision": "no",
    "proceedings": "no",
    "repeat": "no",
    "councillor": "no",
    "aware_over_12_months": "no",
    "fluency": "no",
    "role": "parent",
    "on_behalf": "no",
}

# (question, answer, route, flags): one row per answer the table names.
ROWS = [
    ("danger", "yes", "emergency", set()),
    ("danger", "no", "statutory", set()),
    ("about", "children_social_care", "statutory", set()),
    ("about", "school", "school", set()),
    ("about", "council_education", "corporate", set()),
    ("about", "send_transport", "transport_provider", set()),
    ("about", "nhs", "nhs", set()),
    ("about", "police", "police", set()),
    ("about", "other_council", "corporate", set()),
    ("about", "other_organisation", "other_organisation", set()),
    ("about", "not_sure", "statutory", {"scope_unclear"}),
    ("provider", "yes", "provider", set()),
    ("provider", "no", "statutory", set()),
    ("provider", "not_sure", "statutory", set()),
    ("child_protection", "yes", "conference_chair", set()),
    ("child_protection", "no", "statutory", set()),
    ("court_decision", "yes", "court", set()),
    ("court_decision", "no", "statutory", set()),
    ("approval", "yes", "irm", set()),
    ("approval", "no", "statutory", set()),
    ("appeal", "yes", "appeal", set()),
    ("appeal", "no", "statutory", set()),
    ("appeal", "not_sure", "statutory", set()),
    ("request", "yes", "service_request", set()),
    ("request", "no", "statutory", set()),
    ("compensation", "yes", "insurance", set()),
    ("compensation", "no", "statutory", set()),
    ("ombudsman_done", "yes", "ombudsman", set()),
    ("ombudsman_done", "no", "statutory", set()),
    ("waiting_decision", "yes", "not_decided", set()),
    ("waiting_decision", "no", "statutory", set()),
    ("proceedings", "yes", "statutory", {"proceedings"}),
    ("proceedings", "no", "statutory", set()),
    ("proceedings", "not_sure", "statutory", {"scope_unclear"}),
    ("repeat", "yes", "statutory", {"repeat"}),
    ("repeat", "no", "statutory", set()),
    ("councillor", "yes", "statutory", {"members_enquiry"}),
    ("councillor", "no", "statutory", set()),
    ("aware_over_12_months", "yes", "statutory", {"late"}),
    ("aware_over_12_months", "no", "statutory", set()),
    ("fluency", "yes", "statutory", {"fluency"}),
    ("fluency", "no", "statutory", set()),
    ("role", "child", "statutory", set()),
    ("role", "care_leaver", "statutory", set()),
    ("role", "parent", "statutory", set()),
    ("role", "parental_responsibility", "statutory", set()),
    ("role", "foster_carer", "statutory", set()),
    ("role", "special_guardian", "statutory", set()),
    ("role", "adoption", "statutory", set()),
    ("role", "advocate", "statutory", {"on_behalf"}),
    ("role", "relative_or_friend", "statutory", {"sufficient_interest"}),
    ("role", "professional", "statutory", {"sufficient_interest"}),
    ("role", "other", "statutory", {"sufficient_interest"}),
    ("on_behalf", "yes", "statutory", {"on_behalf"}),
    ("on_behalf", "no", "statutory", set()),
]


@pytest.mark.parametrize(("question", "answer", "route", "flags"), ROWS)
def test_every_row_of_the_table(question, answer, route, flags):
    result = screen({**CLEAR, question: answer})
    assert result.route == route
    assert result.flags == frozenset(flags)


def test_every_question_and_answer_has_a_row():
    from portal.domain.screening import QUESTIONS

    covered = {(q, a) for q, a, _, _ in ROWS}
    assert covered == {(q.id, a) for q in QUESTIONS for a in q.answers}
    assert [q for q in QUESTION_IDS] == list(CLEAR)


def test_the_first_exit_decides_and_later_answers_are_ignored():
    result = screen({**CLEAR, "about": "nhs", "court_decision": "yes", "repeat": "yes"})
    assert result.route == "nhs"
    assert result.exit_question == "about"
    assert result.flags == frozenset()


def test_flags_before_an_exit_are_kept():
    result = screen({**CLEAR, "about": "not_sure", "approval": "yes"})
    assert (result.route, result.flags) == ("irm", frozenset({"scope_unclear"}))


def test_missing_answers_mean_not_answered():
    assert screen({}).route == "statutory"
    assert screen({}).flags == frozenset()
    assert screen({"court_decision": "yes"}).route == "court"


def test_unknown_answers_are_ignored():
    result = screen({"danger": "maybe", "about": "<script>", "role": "president"})
    assert (result.route, result.flags) == ("statutory", frozenset())


@pytest.mark.parametrize("route_answer", [("about", "send_transport"), ("provider", "yes")])
def test_soft_exits_can_be_overridden(route_answer):
    question, answer = route_answer
    exited = screen({**CLEAR, question: answer})
    assert exited.soft
    override = {f"override_{exited.route}": "yes"}
    result = screen({**CLEAR, question: answer, **override})
    assert result.route == "statutory"
    assert f"override_{exited.route}" in result.flags


@pytest.mark.parametrize("route_answer", [("about", "school"), ("court_decision", "yes")])
def test_hard_exits_cannot_be_overridden(route_answer):
    question, answer = route_answer
    route = screen({question: answer}).route
    assert screen({question: answer, f"override_{route}": "yes"}).route == route


@pytest.mark.parametrize(
    ("month", "year", "late"),
    [(11, 2025, False), (10, 2025, True), (12, 2025, False), (1, 2020, True), (11, 2026, False)],
)
def test_aware_over_12_months_counts_whole_months(month, year, late):
    assert aware_over_12_months(month, year, today_month=11, today_year=2026) is late


def test_every_screening_error_state_is_linted_through_the_client():
    """The browser axes only two screening error states (e2e/test_screening.py,
    AXED_ERROR_STATES). That is enough because every screening step shares one template and
    tests/test_journey.py::test_every_step_explains_a_missing_answer fetches each step's error
    state through the linting client. A new step must be added there too."""
    from portal.journey.screening_steps import SCREENING
    from tests.test_journey import IN_SCOPE

    assert [step.slug for step in SCREENING.steps] == list(IN_SCOPE)
    assert {step.template for step in SCREENING.steps} == {"journey/question.html"}
