"""Scope screening: is this a children's social care complaint, and if not, where should it go?

The decision table is ../shared/reference/screening.md; the question, answer, route and flag ids
are a contract with the screening pages, the exit pages and triage. Questions are asked in
order and the first exit decides the route. Flags never stop anyone: they go to triage.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

YES, NO, NOT_SURE = "yes", "no", "not_sure"

STATUTORY = "statutory"

#: Routes where the law leaves the choice to the council: the exit page offers
#: "I still want to complain to the council", which is the answer override_<route> = yes.
SOFT_ROUTES = frozenset({"transport_provider", "provider"})

ROUTES = (
    STATUTORY,
    "emergency",
    "school",
    "corporate",
    "transport_provider",
    "nhs",
    "police",
    "other_organisation",
    "provider",
    "conference_chair",
    "court",
    "irm",
    "appeal",
    "service_request",
    "insurance",
    "ombudsman",
    "not_decided",
)

FLAGS = (
    "proceedings",
    "repeat",
    "members_enquiry",
    "late",
    "fluency",
    "sufficient_interest",
    "on_behalf",
    "scope_unclear",
)

ROLES = (
    "child",
    "care_leaver",
    "parent",
    "parental_responsibility",
    "foster_carer",
    "special_guardian",
    "adoption",
    "advocate",
    "relative_or_friend",
    "professional",
    "other",
)

#: people who may complain in their own right (Children Act 1989 s.26(3), 2006 Regs reg. 4);
#: anyone else needs the child's agreement or a decision that they have sufficient interest
OWN_RIGHT = frozenset(ROLES) - {"advocate", "relative_or_friend", "professional", "other"}

ABOUT = (
    "children_social_care",
    "school",
    "council_education",
    "send_transport",
    "nhs",
    "police",
    "other_council",
    "other_organisation",
    "not_sure",
)


@dataclass(frozen=True)
class Question:
    id: str
    answers: tuple[str, ...]
    routes: Mapping[str, str]
    flags: Mapping[str, str]


def _q(
    qid: str,
    answers: tuple[str, ...],
    routes: Mapping[str, str] | None = None,
    flags: Mapping[str, str] | None = None,
) -> Question:
    return Question(qid, answers, dict(routes or {}), dict(flags or {}))


YN = (YES, NO)
YNS = (YES, NO, NOT_SURE)

#: The table, in the order the questions are asked.
QUESTIONS: tuple[Question, ...] = (
    _q("danger", YN, {YES: "emergency"}),
    _q(
        "about",
        ABOUT,
        {
            "school": "school",
            "council_education": "corporate",
            "send_transport": "transport_provider",
            "nhs": "nhs",
            "police": "police",
            "other_council": "corporate",
            "other_organisation": "other_organisation",
        },
        {"not_sure": "scope_unclear"},
    ),
    _q("provider", YNS, {YES: "provider"}),
    _q("child_protection", YN, {YES: "conference_chair"}),
    _q("court_decision", YN, {YES: "court"}),
    _q("approval", YN, {YES: "irm"}),
    _q("appeal", YNS, {YES: "appeal"}),
    _q("request", YN, {YES: "service_request"}),
    _q("compensation", YN, {YES: "insurance"}),
    _q("ombudsman_done", YN, {YES: "ombudsman"}),
    _q("waiting_decision", YN, {YES: "not_decided"}),
    _q("proceedings", YNS, flags={YES: "proceedings", NOT_SURE: "scope_unclear"}),
    _q("repeat", YN, flags={YES: "repeat"}),
    _q("councillor", YN, flags={YES: "members_enquiry"}),
    _q("aware_over_12_months", YN, flags={YES: "late"}),
    _q("fluency", YN, flags={YES: "fluency"}),
    _q(
        "role",
        ROLES,
        flags={
            "relative_or_friend": "sufficient_interest",
            "professional": "sufficient_interest",
            "other": "sufficient_interest",
            "advocate": "on_behalf",
        },
    ),
    _q("on_behalf", YN, flags={YES: "on_behalf"}),
)

QUESTION_IDS = tuple(q.id for q in QUESTIONS)
BY_ID = {q.id: q for q in QUESTIONS}


@dataclass(frozen=True)
class Screening:
    route: str
    flags: frozenset[str]
    #: the question whose answer decided an exit, or None when the route is statutory
    exit_question: str | None = None

    @property
    def in_scope(self) -> bool:
        return self.route == STATUTORY

    @property
    def soft(self) -> bool:
        return self.route in SOFT_ROUTES


def override_key(route: str) -> str:
    return f"override_{route}"


def screen(answers: Mapping[str, str]) -> Screening:
    """Walk the table in order; the first exit not overridden decides the route.

    A missing or unknown answer is "not answered": no exit and no flag. Keys for questions
    after the exit are ignored, as the person was never asked them.
    """
    flags: set[str] = set()
    for question in QUESTIONS:
        answer = answers.get(question.id)
        if answer not in question.answers:
            continue
        flag = question.flags.get(answer)
        if flag:
            flags.add(flag)
        route = question.routes.get(answer)
        if route is None:
            continue
        if route in SOFT_ROUTES and answers.get(override_key(route)) == YES:
            flags.add(override_key(route))
            continue
        return Screening(route, frozenset(flags), question.id)
    return Screening(STATUTORY, frozenset(flags))


def aware_over_12_months(month: int, year: int, today_month: int, today_year: int) -> bool:
    """True when the first month the person knew of the problem is more than 12 months ago.

    Only a month and year are asked for (people rarely remember the day), so this counts
    whole months: March 2025 is more than 12 months before April 2026, but not before
    March 2026. The council still decides; this only sets the `late` flag for triage.
    """
    return (today_year * 12 + today_month) - (year * 12 + month) > 12
