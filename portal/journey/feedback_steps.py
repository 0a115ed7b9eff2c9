"""The first choice (complaint, compliment or comment) and the short path for the last two.

Compliments and comments need no screening: what it is about, who it is about, and a way to
reply only if the person wants one. A complaint goes on to the scope check.
"""

from __future__ import annotations

from portal.i18n import lazy_gettext as _l
from portal.journey.engine import Answers, Journey, Step
from portal.journey.forms import YES_NO, StepForm, choice, email, long_text, radio, short_text

COMPLAINT = "complaint"


class Kind(StepForm):
    kind = radio(
        _l("What would you like to do?"),
        [
            choice("complaint", _l("Make a complaint")),
            choice("compliment", _l("Give a compliment")),
            choice("comment", _l("Leave a comment or suggestion")),
        ],
        _l("Select what you would like to do"),
    )
    item_hints = {
        "complaint": _l("Tell us when you think we have done something wrong."),
        "compliment": _l("Say thank you to a team or a member of staff."),
        "comment": _l("Tell us what you think, or how we could do better."),
    }


class Message(StepForm):
    message = long_text(
        _l("What would you like to tell us?"),
        _l("Enter what you would like to tell us"),
    )


class Team(StepForm):
    team = short_text(
        _l("Which team or member of staff is it about? (optional)"),
        _l("For example, the name of your social worker, or the fostering team."),
    )


class Reply(StepForm):
    reply = radio(
        _l("Would you like us to reply?"),
        YES_NO,
        _l("Select yes if you would like us to reply"),
        _l("You do not have to give your name or contact details."),
    )


class Email(StepForm):
    email = email(_l("We will only use this to reply to you."))


def _wants_reply(answers: Answers) -> bool:
    return answers.get("reply") == "yes"


FEEDBACK = Journey(
    name="feedback",
    steps=(
        Step("kind", Kind),
        Step("message", Message),
        Step("team", Team),
        Step("reply", Reply),
        Step("email", Email, applies=_wants_reply),
    ),
    exit_for=lambda answers: COMPLAINT if answers.get("kind") == COMPLAINT else None,
)
