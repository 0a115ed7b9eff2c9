"""The scope-screening questions as journey steps, in the order screening.md sets.

The decision itself is portal.domain.screening.screen(); this file only says how each question
is asked. "I'm not sure" never exits: screen() turns it into a flag for triage.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from portal.domain import screening
from portal.i18n import lazy_gettext as _l
from portal.journey.engine import Answers, Journey, Step
from portal.journey.forms import YES_NO, YES_NO_NOT_SURE, MonthYearField, StepForm, choice, radio


class Danger(StepForm):
    danger = radio(
        _l("Is a child in danger right now?"),
        YES_NO,
        _l("Select yes if a child is in danger right now"),
        _l("For example, a child is being hurt, or is about to be."),
    )


class About(StepForm):
    about = radio(
        _l("What is your complaint about?"),
        [
            choice("children_social_care", _l("Children's social care")),
            choice("school", _l("A school, academy or college")),
            choice(
                "council_education",
                _l(
                    "School admissions, special educational needs support, "
                    "school attendance or early help"
                ),
            ),
            choice(
                "send_transport",
                _l("Transport to school for a child with special educational needs"),
            ),
            choice("nhs", _l("A doctor, hospital or other NHS service")),
            choice("police", _l("The police")),
            choice("other_council", _l("Another council service")),
            choice("other_organisation", _l("Another organisation")),
            choice("not_sure", _l("I'm not sure")),
        ],
        _l("Select what your complaint is about"),
    )
    item_hints = {
        "children_social_care": _l(
            "For example, social workers, children in care, leaving care, "
            "fostering, adoption, special guardianship, or support for a "
            "child in need."
        ),
        "other_council": _l("For example, housing, bins or council tax."),
    }


class Provider(StepForm):
    provider = radio(
        _l("Is it about a children's home or fostering agency that the council does not run?"),
        YES_NO_NOT_SURE,
        _l(
            "Select yes if it is about a children's home or fostering agency the council does "
            "not run"
        ),
        _l("For example, a private children's home, or an independent fostering agency."),
    )


class ChildProtection(StepForm):
    child_protection = radio(
        _l(
            "Is it about a child protection conference, or a decision about a child protection "
            "plan?"
        ),
        YES_NO,
        _l("Select yes if it is about a child protection conference or plan"),
    )


class CourtDecision(StepForm):
    court_decision = radio(
        _l(
            "Are you unhappy with a decision made by a court, or with a report written for a court?"
        ),
        YES_NO,
        _l("Select yes if you are unhappy with a court's decision or a report for a court"),
        _l("A report for a court includes a section 7 or section 37 report."),
    )


class Approval(StepForm):
    approval = radio(
        _l(
            "Has the fostering or adoption service said it plans not to approve you, or to end "
            "or change your approval?"
        ),
        YES_NO,
        _l(
            "Select yes if the fostering or adoption service plans not to approve you, or to "
            "end or change your approval"
        ),
    )


class Appeal(StepForm):
    appeal = radio(
        _l("Do you have a right to appeal this decision, for example to a tribunal?"),
        YES_NO_NOT_SURE,
        _l("Select yes if you have a right to appeal this decision"),
        _l("The letter telling you about the decision usually says if you can appeal."),
    )


class Request(StepForm):
    request = radio(
        _l(
            "Are you asking us to start a service or to help a child, rather than complaining "
            "about a service?"
        ),
        YES_NO,
        _l("Select yes if you are asking us to start a service or to help a child"),
    )


class Compensation(StepForm):
    compensation = radio(
        _l("Are you only asking for money for loss of, or damage to, property?"),
        YES_NO,
        _l("Select yes if you are only asking for money for loss or damage"),
    )


class OmbudsmanDone(StepForm):
    ombudsman_done = radio(
        _l("Has the Local Government and Social Care Ombudsman already looked at this?"),
        YES_NO,
        _l("Select yes if the Ombudsman has already looked at this"),
    )


class WaitingDecision(StepForm):
    waiting_decision = radio(
        _l("Is your complaint only about a decision the council has not made yet?"),
        YES_NO,
        _l("Select yes if your complaint is only about a decision not made yet"),
        _l("If the decision is taking too long, answer no: you can complain about the delay."),
    )


class Proceedings(StepForm):
    proceedings = radio(
        _l(
            "Is there a court case, police investigation or disciplinary process about this now, "
            "or about to start?"
        ),
        YES_NO_NOT_SURE,
        _l(
            "Select yes if there is a court case, police investigation or disciplinary process "
            "about this"
        ),
        _l("You can still complain. We may need to pause part of your complaint until it ends."),
    )


class Repeat(StepForm):
    repeat = radio(
        _l("Have you already complained about this and had a final answer from the council?"),
        YES_NO,
        _l("Select yes if you have already had a final answer about this"),
        _l("You can still tell us if there is something new."),
    )


class Councillor(StepForm):
    councillor = radio(
        _l("Is a councillor or your MP already dealing with this for you?"),
        YES_NO,
        _l("Select yes if a councillor or your MP is dealing with this"),
    )


class Aware(StepForm):
    aware = MonthYearField(
        _l("When did you first find out about the problem?"),
        description=_l("For example, 3 2025. If you are not sure, give your best guess."),
        what=_l("The date you found out"),
        enter=_l("Enter the month and year you found out about the problem"),
    )

    def to_answers(self) -> dict[str, Any]:
        year, _, month = self.aware.data.partition("-")
        today = date.today()
        late = screening.aware_over_12_months(int(month), int(year), today.month, today.year)
        return {"aware": self.aware.data, "aware_over_12_months": "yes" if late else "no"}


class Fluency(StepForm):
    fluency = radio(
        _l(
            "Is any part of your complaint that a member of staff did not speak English well "
            "enough to do their job?"
        ),
        YES_NO,
        _l("Select yes if part of your complaint is about a member of staff's spoken English"),
        _l("This does not include someone's accent, dialect, tone, or where they are from."),
    )


class Role(StepForm):
    role = radio(
        _l("Who are you?"),
        [
            choice("child", _l("A child or young person")),
            choice("care_leaver", _l("A care leaver")),
            choice("parent", _l("A parent")),
            choice("parental_responsibility", _l("Someone else with parental responsibility")),
            choice("foster_carer", _l("A foster carer")),
            choice("special_guardian", _l("A special guardian")),
            choice(
                "adoption",
                _l("An adopter, an adopted person, or a birth parent of an adopted child"),
            ),
            choice("advocate", _l("An advocate")),
            choice("relative_or_friend", _l("A relative or friend of the child")),
            choice("professional", _l("A professional, such as a teacher or doctor")),
            choice("other", _l("Someone else")),
        ],
        _l("Select who you are"),
    )
    item_hints = {
        "care_leaver": _l("You were in care, and you are now 16 to 25."),
        "advocate": _l("You help a child or young person to have their say."),
    }


class OnBehalf(StepForm):
    on_behalf = radio(
        _l("Are you complaining for someone else?"),
        YES_NO,
        _l("Select yes if you are complaining for someone else"),
        _l("For example, for your child, or a child you care for."),
    )


def _not_an_advocate(answers: Answers) -> bool:
    # An advocate always speaks for someone else; never ask the same thing twice.
    return answers.get("role") != "advocate"


def _exit_for(answers: Answers) -> str | None:
    result = screening.screen(answers)
    return None if result.in_scope else result.route


STEPS = (
    Step("danger", Danger, picture="warning"),
    Step("about", About, picture="question"),
    Step("provider", Provider, picture="home"),
    Step("child_protection", ChildProtection, picture="safe"),
    Step("court_decision", CourtDecision, picture="court"),
    Step("approval", Approval, picture="family"),
    Step("appeal", Appeal, picture="letter"),
    Step("request", Request, picture="help"),
    Step("compensation", Compensation, picture="money"),
    Step("ombudsman_done", OmbudsmanDone, picture="ombudsman"),
    Step("waiting_decision", WaitingDecision, picture="clock"),
    Step("proceedings", Proceedings, picture="police"),
    Step("repeat", Repeat, picture="complaint"),
    Step("councillor", Councillor, picture="council"),
    Step("aware", Aware, keys=("aware", "aware_over_12_months"), picture="calendar"),
    Step("fluency", Fluency, picture="talk"),
    Step("role", Role, picture="people"),
    Step("on_behalf", OnBehalf, applies=_not_an_advocate, picture="child"),
)

SCREENING = Journey(
    name="check",
    steps=STEPS,
    exit_for=_exit_for,
    extra_keys=lambda key: key.startswith("override_"),
)
