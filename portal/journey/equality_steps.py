"""The equality questions as journey steps, following the GOV.UK "Equality information" pattern.

The questions and answers are the pattern's, which follow the Government Statistical Service
harmonised standards (England categories), with these adaptations for a children's social care
complaints service, where the person answering may be a child:

- age is asked first, as an age group rather than a date of birth: a band is all an annual
  report needs, and it is far less identifying;
- someone under 16 is not asked about gender identity, sexual orientation or marriage (the
  2021 Census asked gender identity and sexual orientation only of people aged 16 or over);
- "Roma" is among the White backgrounds, as in the harmonised standard since the 2021 Census;
- every question ends with "Prefer not to say" after an "or" divider, including sex and gender
  identity, where the pattern's example has no divider.

Every question must be answered, but "Prefer not to say" is always an answer: the pattern
validates like this ("Select an ethnic group or 'Prefer not to say'"). An "Any other ..." answer
reveals an optional box to describe it, kept only while that answer is chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wtforms import SelectChoice

from portal.i18n import lazy_gettext as _l
from portal.journey.engine import Answers, Journey, Step, always
from portal.journey.forms import StepForm, choice, radio, short_text

PREFER_NOT_TO_SAY = "prefer_not_to_say"
UNDER_16 = "under_16"


def question(label: Any, choices: list[SelectChoice], message: Any, hint: Any = None) -> Any:
    """A radio question with "Prefer not to say" as its last answer."""
    return radio(
        label, [*choices, choice(PREFER_NOT_TO_SAY, _l("Prefer not to say"))], message, hint
    )


def describe(label: Any) -> Any:
    """The optional box an "Any other ..." answer reveals."""
    return short_text(label, max_chars=100, classes="govuk-!-width-two-thirds")


class EqualityForm(StepForm):
    """One equality question. An "Any other ..." answer may reveal an optional box to describe
    it (StepForm.reveals); the box's answer is kept only while that option is chosen."""

    divider_before = (PREFER_NOT_TO_SAY,)


# Questions, in the order asked ----------------------------------------------------------------


class Age(EqualityForm):
    age = question(
        _l("How old are you?"),
        [
            choice(UNDER_16, _l("Under 16")),
            choice("16_17", _l("16 or 17")),
            choice("18_24", _l("18 to 24")),
            choice("25_34", _l("25 to 34")),
            choice("35_44", _l("35 to 44")),
            choice("45_54", _l("45 to 54")),
            choice("55_64", _l("55 to 64")),
            choice("65_74", _l("65 to 74")),
            choice("75_over", _l("75 or over")),
        ],
        _l("Select your age group or 'Prefer not to say'"),
    )


class Sex(EqualityForm):
    sex = question(
        _l("What is your sex?"),
        [choice("female", _l("Female")), choice("male", _l("Male"))],
        _l("Select your sex or 'Prefer not to say'"),
    )


class GenderIdentity(EqualityForm):
    gender_identity = question(
        _l("Is the gender you identify with the same as your sex registered at birth?"),
        [choice("yes", _l("Yes")), choice("no", _l("No"))],
        _l(
            "Select whether the gender you identify with is the same as your sex registered "
            "at birth, or 'Prefer not to say'"
        ),
    )
    gender_identity_description = describe(_l("What is your gender identity? (optional)"))
    reveals = {"gender_identity": {"no": ("gender_identity_description",)}}


class SexualOrientation(EqualityForm):
    sexual_orientation = question(
        _l("Which of the following options best describes how you think of yourself?"),
        [
            choice("heterosexual", _l("Heterosexual or straight")),
            choice("gay_lesbian", _l("Gay or lesbian")),
            choice("bisexual", _l("Bisexual")),
            choice("other", _l("Other")),
        ],
        _l(
            "Select the option that best describes how you think of yourself, or "
            "'Prefer not to say'"
        ),
    )
    sexual_orientation_description = describe(
        _l("How would you describe your sexual orientation? (optional)")
    )
    reveals = {"sexual_orientation": {"other": ("sexual_orientation_description",)}}


class Marriage(EqualityForm):
    marriage = question(
        _l("What is your legal marital or registered civil partnership status?"),
        [
            choice("never", _l("Never married and never registered in a civil partnership")),
            choice("married", _l("Married")),
            choice("civil_partnership", _l("In a registered civil partnership")),
            choice("separated_married", _l("Separated, but still legally married")),
            choice(
                "separated_civil_partnership",
                _l("Separated, but still legally in a civil partnership"),
            ),
            choice("divorced", _l("Divorced")),
            choice(
                "dissolved_civil_partnership",
                _l("Formerly in a civil partnership which is now legally dissolved"),
            ),
            choice("widowed", _l("Widowed")),
            choice(
                "surviving_civil_partner",
                _l("Surviving partner from a registered civil partnership"),
            ),
        ],
        _l(
            "Select your legal marital or registered civil partnership status, or "
            "'Prefer not to say'"
        ),
    )


class EthnicGroup(EqualityForm):
    ethnic_group = question(
        _l("What is your ethnic group?"),
        [
            choice("white", _l("White")),
            choice("mixed", _l("Mixed or multiple ethnic groups")),
            choice("asian", _l("Asian or Asian British")),
            choice("black", _l("Black, African, Caribbean or Black British")),
            choice("other", _l("Other ethnic group")),
        ],
        _l("Select an ethnic group or 'Prefer not to say'"),
    )


YOUR_BACKGROUND = _l("How would you describe your background? (optional)")


class WhiteBackground(EqualityForm):
    white_background = question(
        _l("Which of the following best describes your White background?"),
        [
            choice("british", _l("English, Welsh, Scottish, Northern Irish or British")),
            choice("irish", _l("Irish")),
            choice("gypsy_irish_traveller", _l("Gypsy or Irish Traveller")),
            choice("roma", _l("Roma")),
            choice("other", _l("Any other White background")),
        ],
        _l("Select the option that best describes your White background, or 'Prefer not to say'"),
    )
    white_background_description = describe(YOUR_BACKGROUND)
    reveals = {"white_background": {"other": ("white_background_description",)}}


class MixedBackground(EqualityForm):
    mixed_background = question(
        _l(
            "Which of the following best describes your Mixed or multiple ethnic groups background?"
        ),
        [
            choice("white_black_caribbean", _l("White and Black Caribbean")),
            choice("white_black_african", _l("White and Black African")),
            choice("white_asian", _l("White and Asian")),
            choice("other", _l("Any other Mixed or multiple ethnic background")),
        ],
        _l(
            "Select the option that best describes your Mixed or multiple ethnic groups "
            "background, or 'Prefer not to say'"
        ),
    )
    mixed_background_description = describe(YOUR_BACKGROUND)
    reveals = {"mixed_background": {"other": ("mixed_background_description",)}}


class AsianBackground(EqualityForm):
    asian_background = question(
        _l("Which of the following best describes your Asian or Asian British background?"),
        [
            choice("indian", _l("Indian")),
            choice("pakistani", _l("Pakistani")),
            choice("bangladeshi", _l("Bangladeshi")),
            choice("chinese", _l("Chinese")),
            choice("other", _l("Any other Asian background")),
        ],
        _l(
            "Select the option that best describes your Asian or Asian British background, "
            "or 'Prefer not to say'"
        ),
    )
    asian_background_description = describe(YOUR_BACKGROUND)
    reveals = {"asian_background": {"other": ("asian_background_description",)}}


class BlackBackground(EqualityForm):
    black_background = question(
        _l(
            "Which of the following best describes your Black, African, Caribbean or Black "
            "British background?"
        ),
        [
            choice("african", _l("African")),
            choice("caribbean", _l("Caribbean")),
            choice("other", _l("Any other Black, African or Caribbean background")),
        ],
        _l(
            "Select the option that best describes your Black, African, Caribbean or Black "
            "British background, or 'Prefer not to say'"
        ),
    )
    black_background_description = describe(YOUR_BACKGROUND)
    reveals = {"black_background": {"other": ("black_background_description",)}}


class OtherBackground(EqualityForm):
    other_background = question(
        _l("Which of the following best describes your background?"),
        [
            choice("arab", _l("Arab")),
            choice("other", _l("Any other ethnic group")),
        ],
        _l("Select the option that best describes your background, or 'Prefer not to say'"),
    )
    other_background_description = describe(YOUR_BACKGROUND)
    reveals = {"other_background": {"other": ("other_background_description",)}}


class Religion(EqualityForm):
    religion = question(
        _l("What is your religion?"),
        [
            choice("none", _l("No religion")),
            choice("christian", _l("Christian")),
            choice("buddhist", _l("Buddhist")),
            choice("hindu", _l("Hindu")),
            choice("jewish", _l("Jewish")),
            choice("muslim", _l("Muslim")),
            choice("sikh", _l("Sikh")),
            choice("other", _l("Any other religion")),
        ],
        _l("Select your religion, 'No religion' or 'Prefer not to say'"),
    )
    religion_description = describe(_l("What is your religion? (optional)"))
    reveals = {"religion": {"other": ("religion_description",)}}
    item_hints = {
        "christian": _l(
            "Including Church of England, Catholic, Protestant and all other Christian "
            "denominations."
        ),
    }


class Disability(EqualityForm):
    disability = question(
        _l(
            "Do you have any physical or mental health conditions or illness lasting or "
            "expected to last 12 months or more?"
        ),
        [choice("yes", _l("Yes")), choice("no", _l("No"))],
        _l(
            "Select whether you have any physical or mental health conditions or illness "
            "lasting 12 months or more, or 'Prefer not to say'"
        ),
    )


class DisabilityImpact(EqualityForm):
    disability_impact = question(
        _l(
            "Do any of your conditions or illnesses reduce your ability to carry out "
            "day-to-day activities?"
        ),
        [
            choice("a_lot", _l("Yes, a lot")),
            choice("a_little", _l("Yes, a little")),
            choice("not_at_all", _l("Not at all")),
        ],
        _l(
            "Select how much your conditions or illnesses reduce your ability to carry out "
            "day-to-day activities, or 'Prefer not to say'"
        ),
        _l("For example, eating, washing, walking or going shopping."),
    )


# When each question is asked ------------------------------------------------------------------


def _16_or_over(answers: Answers) -> bool:
    # "Prefer not to say" about age still asks: "Prefer not to say" is on every question.
    return answers.get("age") != UNDER_16


def _ethnic_group(group: str) -> Callable[[Answers], bool]:
    def applies(answers: Answers) -> bool:
        return answers.get("ethnic_group") == group

    return applies


def _has_condition(answers: Answers) -> bool:
    return answers.get("disability") == "yes"


TEMPLATE = "journey/equality_question.html"


def _step(
    id_: str,
    form: type[EqualityForm],
    applies: Callable[[Answers], bool] = always,
    picture: str = "people",
) -> Step:
    """A question's step: it writes its option and the descriptions its answers reveal."""
    described = (
        name for by_value in form.reveals.values() for names in by_value.values() for name in names
    )
    return Step(
        id_, form, applies=applies, keys=(id_, *described), template=TEMPLATE, picture=picture
    )


EQUALITY = Journey(
    name="equality",
    steps=(
        _step("age", Age, picture="calendar"),
        _step("sex", Sex),
        _step("gender_identity", GenderIdentity, _16_or_over),
        _step("sexual_orientation", SexualOrientation, _16_or_over),
        _step("marriage", Marriage, _16_or_over, picture="family"),
        _step("ethnic_group", EthnicGroup),
        _step("white_background", WhiteBackground, _ethnic_group("white")),
        _step("mixed_background", MixedBackground, _ethnic_group("mixed")),
        _step("asian_background", AsianBackground, _ethnic_group("asian")),
        _step("black_background", BlackBackground, _ethnic_group("black")),
        _step("other_background", OtherBackground, _ethnic_group("other")),
        _step("religion", Religion),
        _step("disability", Disability, picture="health"),
        _step("disability_impact", DisabilityImpact, _has_condition, picture="health"),
    ),
)

#: the answer keys that hold a chosen option (not free text): what reports may count
QUESTIONS = tuple(step.id for step in EQUALITY.steps)
