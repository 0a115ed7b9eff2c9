"""The complaint itself, after screening: who, for whom, what happened, evidence, contact.

Screening has already asked who the person is (`role`) and whether they complain for someone
else (`on_behalf`); the steps here read those answers to decide what to ask. Each page asks
one thing; a few options reveal a follow-up inside the same question, as GOV.UK radios do.
"""

from __future__ import annotations

from typing import Any

from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Regexp

from portal.domain import screening
from portal.i18n import gettext as _
from portal.i18n import lazy_gettext as _l
from portal.journey.engine import Answers, Journey, Step
from portal.journey.evidence_step import Evidence, Recording, has_recording
from portal.journey.forms import (
    YES_NO,
    DateField,
    MonthYearField,
    PeopleField,
    StepForm,
    checkboxes,
    choice,
    email,
    long_text,
    optional_text,
    radio,
    short_text,
    text,
)

#: roles that speak for an organisation
WITH_ORGANISATION = frozenset({"advocate", "professional"})


def for_someone_else(answers: Answers) -> bool:
    return answers.get("role") == "advocate" or answers.get("on_behalf") == "yes"


def is_young_person(answers: Answers) -> bool:
    return answers.get("role") in {"child", "care_leaver"}


def _revealed_text(label: Any, message: Any, max_chars: int = 200, **govuk: Any) -> StringField:
    field = text(label, message, max_chars=max_chars, **govuk)
    field.kwargs["render_kw"]["govuk"].setdefault("classes", "govuk-!-width-two-thirds")
    return field


# Who ------------------------------------------------------------------------------------


class YourName(StepForm):
    your_name = text(
        _l("What is your name?"),
        _l("Enter your name"),
        autocomplete="name",
        spellcheck=False,
    )


class Organisation(StepForm):
    organisation = text(
        _l("Which organisation do you work for?"),
        _l("Enter the name of your organisation"),
        _l("For example, NYAS, Coram Voice, or the name of a school."),
        autocomplete="organization",
    )


class ChildName(StepForm):
    child_name = text(
        _l("What is the name of the child or young person?"),
        _l("Enter the name of the child or young person"),
        spellcheck=False,
    )


class ChildAge(StepForm):
    child_dob_known = radio(
        _l("Do you know their date of birth?"),
        [choice("yes", _l("Yes")), choice("no", _l("No"))],
        _l("Select yes if you know their date of birth"),
    )
    child_dob = DateField(
        _l("Date of birth"),
        description=_l("For example, 27 3 2012"),
        what=_l("Date of birth"),
        enter=_l("Enter their date of birth"),
    )
    child_age = StringField(
        _l("How old are they?"),
        validators=[
            DataRequired(message=_l("Enter how old they are")),
            Regexp(r"^\d{1,2}$", message=_l("Age must be a number, like 12")),
        ],
        filters=[lambda v: v.strip() if isinstance(v, str) else v],
        render_kw={"govuk": {"classes": "govuk-input--width-2", "inputmode": "numeric"}},
    )
    reveals = {"child_dob_known": {"yes": ("child_dob",), "no": ("child_age",)}}


class Consent(StepForm):
    consent = radio(
        _l("Does the child or young person know about this complaint, and agree to it?"),
        [choice("yes", _l("Yes, they know and agree")), choice("no", _l("No"))],
        _l("Select yes if they know about the complaint and agree to it"),
    )

    def inset(self, answers: Answers) -> str | None:
        if answers.get("role") in screening.OWN_RIGHT:
            return _(
                "You can complain in your own right, because of who you are to the child. "
                "We will still accept your complaint if they do not know or agree."
            )
        return _("We will still accept your complaint. We may need to check with them first.")


class NoConsentReason(StepForm):
    no_consent_reason = radio(
        _l("Why do they not know or agree?"),
        [
            choice("too_young", _l("They are too young to understand")),
            choice("not_safe", _l("It is not safe to ask them")),
            choice("other", _l("Another reason")),
        ],
        _l("Select why they do not know or agree"),
    )
    no_consent_other = optional_text(_l("Tell us why (optional)"))
    reveals = {"no_consent_reason": {"other": ("no_consent_other",)}}


class Advocate(StepForm):
    wants_advocate = radio(
        _l("Would you like a free advocate to help you?"),
        [
            choice("yes", _l("Yes")),
            choice("no", _l("No")),
            choice("not_sure", _l("I'm not sure")),
        ],
        _l("Select yes if you would like an advocate"),
        _l(
            "An advocate is someone who is on your side. They can help you say what you want, "
            "and they do not work for the social care team."
        ),
    )


# What happened --------------------------------------------------------------------------


class Service(StepForm):
    service = radio(
        _l("Which service or team is your complaint about?"),
        [
            choice("social_work", _l("A social worker or social work team")),
            choice("children_in_care", _l("Children in care")),
            choice("leaving_care", _l("Leaving care")),
            choice("fostering", _l("Fostering")),
            choice("adoption", _l("Adoption or special guardianship")),
            choice("disabled_children", _l("Services for disabled children")),
            choice("residential", _l("A children's home run by the council")),
            choice("other", _l("Another service or team")),
            choice("not_sure", _l("I'm not sure")),
        ],
        _l("Select which service or team your complaint is about"),
    )
    service_other = _revealed_text(
        _l("Name of the service or team"), _l("Enter the name of the service or team")
    )
    reveals = {"service": {"other": ("service_other",)}}


class WhatHappened(StepForm):
    what_happened = long_text(
        _l("What happened?"),
        _l("Enter what happened"),
        _l("Tell us in your own words. You can add documents or photos later."),
        max_chars=10000,
    )


class Where(StepForm):
    where = short_text(
        _l("Where did it happen? (optional)"),
        _l("For example, at home, at school, at a council office, or on the phone."),
    )


class When(StepForm):
    when = radio(
        _l("When did it happen?"),
        [
            choice("date", _l("On a date I know")),
            choice("month", _l("I know roughly when")),
            choice("ongoing", _l("It is still happening")),
        ],
        _l("Select when it happened"),
    )
    when_date = DateField(
        _l("Date"),
        description=_l("For example, 14 9 2026"),
        what=_l("The date it happened"),
        enter=_l("Enter the date it happened"),
    )
    when_month = MonthYearField(
        _l("Month and year"),
        description=_l("For example, 9 2026"),
        what=_l("The month it happened"),
        enter=_l("Enter the month and year it happened"),
    )
    reveals = {"when": {"date": ("when_date",), "month": ("when_month",)}}
    divider_before = ("ongoing",)


class People(StepForm):
    people = PeopleField(
        _l("Who was involved? (optional)"),
        description=_l(
            "Give their names or their jobs, for example 'my social worker' or 'the manager'."
        ),
    )


class Effect(StepForm):
    effect = long_text(
        _l("How has this affected you or the child?"),
        _l("Enter how this has affected you or the child"),
        max_chars=5000,
    )


class Outcome(StepForm):
    outcome = long_text(
        _l("What would you like to happen?"),
        _l("Enter what you would like to happen"),
        _l("For example, an apology, a meeting, a decision looked at again, or a change."),
        max_chars=5000,
    )


class ContactedBefore(StepForm):
    contacted_before = radio(
        _l("Have you contacted us about this before?"),
        YES_NO,
        _l("Select yes if you have contacted us about this before"),
    )
    contacted_who = _revealed_text(
        _l("Who did you contact?"),
        _l("Enter who you contacted"),
    )
    contacted_when = _revealed_text(
        _l("When did you contact them?"),
        _l("Enter when you contacted them"),
        max_chars=100,
    )
    contacted_who.kwargs["description"] = _l("A name, a team or a phone number")
    contacted_when.kwargs["description"] = _l("For example, last week, or March 2026")
    reveals = {"contacted_before": {"yes": ("contacted_who", "contacted_when")}}


class ContactedAnswer(StepForm):
    contacted_answer = radio(
        _l("Did you get an answer?"),
        [
            choice("yes", _l("Yes")),
            choice("no", _l("No")),
            choice("waiting", _l("I'm still waiting")),
        ],
        _l("Select yes if you got an answer"),
    )


# Contact and safety --------------------------------------------------------------------


class ContactMethods(StepForm):
    contact_methods = checkboxes(
        _l("How can we contact you?"),
        [
            choice("email", _l("Email")),
            choice("phone", _l("Phone or text message")),
            choice("post", _l("Letter")),
        ],
        _l("Select how we can contact you"),
        _l("Select all that apply."),
    )
    contact_email = email()
    contact_phone = StringField(
        _l("Phone number"),
        validators=[
            DataRequired(message=_l("Enter your phone number")),
            Regexp(
                r"^\+?[\d\s().-]{7,20}$",
                message=_l(
                    "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"
                ),
            ),
        ],
        filters=[lambda v: v.strip() if isinstance(v, str) else v],
        render_kw={
            "govuk": {"type": "tel", "autocomplete": "tel", "classes": "govuk-input--width-20"}
        },
    )
    contact_address = TextAreaField(
        _l("Address"),
        validators=[
            DataRequired(message=_l("Enter your address")),
            Length(max=500, message=_l("Use %(n)s characters or fewer", n=500)),
        ],
    )
    reveals = {
        "contact_methods": {
            "email": ("contact_email",),
            "phone": ("contact_phone",),
            "post": ("contact_address",),
        }
    }


def _email(answers: Answers) -> bool:
    return "email" in (answers.get("contact_methods") or ())


class EmailSubject(StepForm):
    email_subject_clear = radio(
        _l("Can the subject line of our emails say they are about your complaint?"),
        YES_NO,
        _l("Select yes if our emails can say they are about your complaint"),
        _l(
            "If you select no, the subject line will only say it is a message from the council. "
            "Select no if someone else might see your emails or the messages on your phone."
        ),
    )


def _phone_or_post(answers: Answers) -> bool:
    return bool({"phone", "post"} & set(answers.get("contact_methods") or ()))


def _phone(answers: Answers) -> bool:
    return "phone" in (answers.get("contact_methods") or ())


class SafeToContact(StepForm):
    safe_to_contact = radio(
        _l("Is it safe for us to send letters or text messages to you?"),
        YES_NO,
        _l("Select yes if it is safe to send letters or text messages to you"),
        _l("For example, answer no if someone else reads your post or your phone."),
    )


class PhoneTimes(StepForm):
    phone_times = short_text(
        _l("Are there times when we should not phone you? (optional)"),
        _l("For example, not before 10am, or not on Tuesdays."),
    )


class SafeContact(StepForm):
    safe_contact = radio(
        _l("Is there someone else we can contact safely if we cannot reach you?"),
        YES_NO,
        _l("Select yes if there is someone else we can contact"),
    )
    safe_contact_details = TextAreaField(
        _l("Their name, and how to contact them"),
        validators=[
            DataRequired(message=_l("Enter their name and how to contact them")),
            Length(max=500, message=_l("Use %(n)s characters or fewer", n=500)),
        ],
    )
    reveals = {"safe_contact": {"yes": ("safe_contact_details",)}}


class Adjustments(StepForm):
    adjustments = checkboxes(
        _l("Do you need any help or changes so that you can take part?"),
        [
            choice("large_print", _l("Letters in large print")),
            choice("easy_read", _l("Easy read letters")),
            choice("interpreter", _l("An interpreter")),
            choice("bsl", _l("A British Sign Language (BSL) interpreter")),
            choice("helper", _l("Someone to help me")),
            choice("other", _l("Something else")),
            choice("none", _l("No, I do not need any help")),
        ],
        _l("Select the help you need, or select 'No, I do not need any help'"),
        _l("Select all that apply."),
        exclusive="none",
    )
    interpreter_language = _revealed_text(
        _l("Which language?"), _l("Enter the language you need an interpreter for"), 100
    )
    adjustments_other = optional_text(_l("Tell us what you need (optional)"))
    reveals = {
        "adjustments": {"interpreter": ("interpreter_language",), "other": ("adjustments_other",)}
    }
    divider_before = ("none",)


STEPS = (
    Step("your_name", YourName, picture="smile"),
    Step(
        "organisation",
        Organisation,
        applies=lambda a: a.get("role") in WITH_ORGANISATION,
        picture="people",
    ),
    Step("child_name", ChildName, applies=for_someone_else, picture="child"),
    Step(
        "child_age",
        ChildAge,
        applies=for_someone_else,
        keys=("child_dob_known",),
        picture="calendar",
    ),
    Step("consent", Consent, applies=for_someone_else, picture="check"),
    Step(
        "no_consent_reason",
        NoConsentReason,
        applies=lambda a: for_someone_else(a) and a.get("consent") == "no",
        keys=("no_consent_reason",),
        picture="question",
    ),
    Step(
        "advocate", Advocate, applies=is_young_person, keys=("wants_advocate",), picture="advocate"
    ),
    Step("service", Service, keys=("service",), picture="council"),
    Step("what_happened", WhatHappened, picture="complaint"),
    Step("where", Where, picture="place"),
    Step("when", When, keys=("when",), picture="calendar"),
    Step("people", People, picture="people"),
    Step("effect", Effect, picture="feelings"),
    Step("outcome", Outcome, picture="wish"),
    Step("contacted_before", ContactedBefore, keys=("contacted_before",), picture="talk"),
    Step(
        "contacted_answer",
        ContactedAnswer,
        applies=lambda a: a.get("contacted_before") == "yes",
        picture="message",
    ),
    Step(
        "evidence",
        Evidence,
        keys=("evidence",),
        template="journey/evidence.html",
        picture="evidence",
    ),
    Step(
        "recording",
        Recording,
        applies=has_recording,
        keys=("recording_declaration",),
        picture="listen",
    ),
    Step("contact_methods", ContactMethods, keys=("contact_methods",), picture="phone"),
    Step(
        "email_subject",
        EmailSubject,
        applies=_email,
        keys=("email_subject_clear",),
        picture="email",
    ),
    Step("safe_to_contact", SafeToContact, applies=_phone_or_post, picture="privacy"),
    Step("phone_times", PhoneTimes, applies=_phone, picture="clock"),
    Step("safe_contact", SafeContact, keys=("safe_contact",), picture="safe"),
    Step("adjustments", Adjustments, keys=("adjustments",), picture="help"),
)

COMPLAINT = Journey(name="complaint", steps=STEPS)
