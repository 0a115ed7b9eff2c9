"""The complaint's own pages: its steps, check your answers with the declaration, and the end.

The complaint continues the draft that screening started, so its pages open only once the
screening answers say the complaint is in scope; anyone arriving early is sent to the
question they still have to answer.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, redirect, request, url_for
from flask.typing import ResponseReturnValue

from portal.domain.contact import channels
from portal.domain.intake import first_dates, triage_flags
from portal.domain.references import display
from portal.i18n import gettext as _
from portal.i18n import long_date
from portal.journey import drafts, equality, submission
from portal.journey.complaint_steps import COMPLAINT
from portal.journey.screening_steps import SCREENING
from portal.journey.views import JourneyViews
from portal.models import Case, OutboxMessage

DECLARATION = "declaration"


class ComplaintViews(JourneyViews):
    def result_context(self) -> dict[str, Any]:
        """The declaration's error, after an attempt to send without it."""
        if request.args.get("error") != DECLARATION:
            return {"errors": [], "declaration_error": None}
        error = _("Confirm that the information you have given is true")
        return {"errors": [{"text": error, "href": f"#{DECLARATION}"}], "declaration_error": error}


VIEWS = ComplaintViews(COMPLAINT, before_first=lambda: url_for("check.result"))


def _screening_first() -> ResponseReturnValue | None:
    """Send anyone whose screening is unfinished, or out of scope, back to it."""
    if request.endpoint in {"complaint.submit", "complaint.confirmation"}:
        return None
    position = SCREENING.walk(drafts.answers())
    if position.complete:
        return None
    if position.exit:
        return redirect(url_for("check.exit", route=position.exit))
    return redirect(url_for("check.step", slug=position.current.slug))


def _submit() -> ResponseReturnValue:
    if drafts.current() is not None and request.form.get(DECLARATION) != "yes":
        # Back to the page with the error, so a refresh does not post the form again.
        return redirect(url_for("complaint.result", error=DECLARATION))
    return submission.submit(VIEWS, receipt=receipt, after=_after_submit)


def _after_submit(case: Case) -> str:
    """Optional equality questions come between check your answers and the confirmation."""
    return equality.offer(url_for("complaint.confirmation"))


def receipt(case: Case) -> list[OutboxMessage]:
    """The acknowledgement, by the ways the person said are safe: an email with the reference,
    the first dates and the tracking link, and a short text with the reference and the link.

    The case must already have its id; the messages join the caller's transaction.
    """
    reach = channels(case.answers)
    if not (reach.email or reach.sms):
        return []
    council = current_app.extensions["council"]
    dates = first_dates(case.submitted_at, council.timescales)
    reference = display(case.reference)
    # A real link, in the same transaction as the case: signing in needs no email address.
    from portal import db, notify
    from portal.tracking import tokens

    track = tokens.url(tokens.create(db.session(), case)[1])
    body = _(
        "We have received your complaint to %(council)s.\n\n"
        "Your reference is %(reference)s.\n\n"
        "What happens next:\n"
        "- we will contact you by %(acknowledge)s to say we have your complaint and talk about it\n"
        "- we aim to send you our answer by %(stage1)s\n\n"
        "You can follow your complaint at %(track)s\n"
        "You will need this email address to sign in.\n\n"
        "If you did not make this complaint, reply to tell us.\n",
        council=council.name,
        reference=reference,
        acknowledge=long_date(dates.acknowledge_by),
        stage1=long_date(dates.stage1_by),
        track=track,
    )
    # Short, and like the discreet subject it does not say what it is about: texts show on
    # a locked phone's screen.
    sms = _(
        "%(council)s: your reference is %(reference)s. See how it is going: %(track)s",
        council=council.name,
        reference=reference,
        track=track,
    )
    return notify.to_person(
        db.session(),
        case,
        _("Your complaint reference: %(r)s", r=reference),
        body,
        sms=sms,
    )


def _confirmation_context(case: Case) -> dict[str, Any]:
    council = current_app.extensions["council"]
    return {
        "dates": first_dates(case.submitted_at, council.timescales),
        "flags": triage_flags(case.answers),
    }


def init_app(app: Any) -> None:
    blueprint = Blueprint("complaint", __name__, url_prefix="/complaint")
    blueprint.before_request(_screening_first)
    VIEWS.register(blueprint)
    blueprint.add_url_rule("/submit", "submit", _submit, methods=["POST"])
    blueprint.add_url_rule(
        "/confirmation",
        "confirmation",
        lambda: submission.confirmation(VIEWS, context=_confirmation_context),
    )
    app.register_blueprint(blueprint)
