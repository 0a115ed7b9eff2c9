"""The pages staff go through to type in a complaint, compliment or comment for someone.

The first page asks what came in, how and when. After it come the public journeys' own steps
and forms, so the questions, their validation, their messages and which of them apply are
the same as online:

- a compliment or comment: the feedback journey after its first question (which the first
  page has asked);
- a complaint: the screening questions whose answers shape the complaint and its triage
  flags (court cases and investigations, a repeat, a councillor, when the person found out,
  spoken English, who the person is and whether they complain for someone else), then every
  step of the complaint journey, evidence upload included (a letter may come with papers).

Left out, because they make no sense when staff type for someone:

- the scope questions and their exit pages (is a child in danger, is it about a school, the
  NHS, a court...): they help the public find the right place; the complaints team decides
  scope itself and records that decision on the case;
- the declaration that the information is true: it is the person's to make, not staff's;
- the equality questions after sending: they are the person's to answer, privately, and
  are never asked on their behalf.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from portal.domain import calendar
from portal.i18n import lazy_gettext as _l
from portal.journey.complaint_steps import COMPLAINT
from portal.journey.engine import Answers, Journey, Position, Step
from portal.journey.feedback_steps import FEEDBACK
from portal.journey.forms import MACHINERY, DateField, StepForm, choice, radio
from portal.journey.screening_steps import SCREENING

#: how something can come in when staff enter it; a case made online has "online"
CHANNELS = {
    "phone": _l("Phone"),
    "letter": _l("Letter"),
    "email": _l("Email"),
    "in_person": _l("In person"),
}
#: the screening steps kept, by id (the rest only route the public elsewhere)
SCREENING_KEPT = ("proceedings", "repeat", "councillor", "aware", "fluency", "role", "on_behalf")


class Start(StepForm):
    kind = radio(
        _l("What has been received?"),
        [
            choice("complaint", _l("A complaint")),
            choice("compliment", _l("A compliment")),
            choice("comment", _l("A comment or suggestion")),
        ],
        _l("Select what has been received"),
    )
    channel = radio(
        _l("How did it come in?"),
        [choice(value, label) for value, label in CHANNELS.items()],
        _l("Select how it came in"),
    )
    received_on = DateField(
        _l("When was it received?"),
        description=_l(
            "The day it reached the council, not today if it came earlier: the timescales "
            "count from then. For example, 27 3 2026"
        ),
        what=_l("The date it was received"),
        enter=_l("Enter the date it was received"),
    )

    def validate_received_on(self, field: DateField) -> None:
        """The working-day calendar starts in 2015, and no complaint waits that long."""
        if not field.errors and field.data and field.data < calendar.FIRST_DAY.isoformat():
            field.error_part = "year"
            field.errors.append(_l("The date it was received must be in 2015 or later"))


def is_complaint(answers: Answers) -> bool:
    return answers.get("kind") == "complaint"


def is_feedback(answers: Answers) -> bool:
    return answers.get("kind") in {"compliment", "comment"}


def _only_if(condition: Callable[[Answers], bool], step: Step) -> Step:
    """The step, asked only when `condition` holds as well as its own rule."""
    return replace(step, applies=lambda answers: condition(answers) and step.applies(answers))


START = Step("start", Start, keys=("kind", "channel", "received_on"))

ASSISTED = Journey(
    name="assisted",
    steps=(
        START,
        *(_only_if(is_feedback, step) for step in FEEDBACK.steps if step.id != "kind"),
        *(_only_if(is_complaint, step) for step in SCREENING.steps if step.id in SCREENING_KEPT),
        *(_only_if(is_complaint, step) for step in COMPLAINT.steps),
    ),
)


def on_path(answers: Answers, position: Position) -> dict[str, Any]:
    """Only the answers to the steps on the way taken: a compliment that began as a
    complaint does not keep the complaint's answers (a child's name, say)."""
    keys: set[str] = set()
    for step in position.reached:
        keys.update(step.answer_keys)
        keys.update(field.name for field in step.form() if field.name not in MACHINERY)
    return {key: value for key, value in answers.items() if key in keys}
