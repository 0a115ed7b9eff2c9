"""What the person can do from the tracking page without phoning anyone: ask what is
happening, ask to move to the next stage, and withdraw.

Each action is declared once (its form, when it is offered, and what it records); one
generic view shows and takes it. Whatever the person writes goes into the case history as a
message. Escalation and withdrawal are stage events, checked by portal.domain.stages before
they are stored, and written in one transaction with the emails they send.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import current_app, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from portal import cases, db, notify
from portal.domain.references import display
from portal.domain.stages import CaseState, Kind, StageError
from portal.i18n import gettext as _
from portal.i18n import lazy_gettext as _l
from portal.journey import csrf_rerender
from portal.journey.forms import StepForm, long_text, optional_text
from portal.journey.govuk_fields import component, error_href
from portal.models import Case, OutboxMessage
from portal.security import limiter
from portal.tracking import bp, messages, progress, team, visit

#: what the person last did, for the confirmation page (kept for the visit only)
DONE = "track_done"


class AskForm(StepForm):
    note = optional_text(
        _l("Is there anything you want to tell us? (optional)"),
        _l("For example, if something has changed or you need an answer by a certain date."),
        max_chars=2000,
    )


class EscalateForm(StepForm):
    reason = long_text(
        _l("What are you still unhappy about?"),
        _l("Enter what you are still unhappy about"),
        _l("Tell us in your own words. This helps us understand what to look at again."),
        max_chars=3000,
    )


class WithdrawForm(StepForm):
    reason = optional_text(
        _l("Why are you withdrawing your complaint? (optional)"),
        _l("You do not have to tell us. It can help us improve our services."),
        max_chars=2000,
    )


@dataclass(frozen=True)
class Action:
    slug: str
    form: type[StepForm]
    offered: Callable[[CaseState], bool]
    #: records what the person did, with the message `form_id` makes unique; returns the
    #: kind of confirmation to show and the emails it queued
    act: Callable[[Session, Case, CaseState, StepForm, str], tuple[str, list[OutboxMessage]]]


def next_stage(state: CaseState) -> int:
    """The stage an escalation asks for: 2 after stage 1, 3 after stage 2."""
    return 2 if state.stage_reached == 1 else 3


Done = tuple[str, list[OutboxMessage]]


def _ask(data: Session, case: Case, state: CaseState, form: StepForm, form_id: str) -> Done:
    note = (form.note.data or "").strip()
    body = note or _("You asked what is happening with your complaint.")
    messages.record(data, case, body, "chase", form_id)
    return "asked", team.tell(data, case, _l("The person asked what is happening"))


def _escalate(data: Session, case: Case, state: CaseState, form: StepForm, form_id: str) -> Done:
    stage = next_stage(state)
    kind = Kind.STAGE2_REQUESTED if stage == 2 else Kind.STAGE3_REQUESTED
    council = current_app.extensions["council"]
    after = cases.record(data, case, kind, council.timescales, by=cases.PERSON)
    messages.record(data, case, form.reason.data, f"stage{stage}", form_id)
    queued = team.tell(data, case, _l("The person asked for stage %(stage)s", stage=stage))
    due = progress.due(after)
    reference = display(case.reference)
    queued += notify.to_person(
        data,
        case,
        _("You asked for stage %(stage)s: %(reference)s", stage=stage, reference=reference),
        _(
            "You asked for stage %(stage)s of your complaint %(reference)s.\n\n"
            "%(next)s.\n\n"
            "You can follow your complaint at %(track)s\n",
            stage=stage,
            reference=reference,
            next=due.sentence if due else "",
            track=url_for("tracking.start", _external=True),
        ),
    )
    return f"stage{stage}", queued


def _withdraw(data: Session, case: Case, state: CaseState, form: StepForm, form_id: str) -> Done:
    council = current_app.extensions["council"]
    cases.record(data, case, Kind.WITHDRAWN, council.timescales, by=cases.PERSON)
    reason = (form.reason.data or "").strip()
    messages.record(data, case, reason or _("You withdrew your complaint."), "withdrawal", form_id)
    queued = team.tell(data, case, _l("The person withdrew their complaint"))
    reference = display(case.reference)
    queued += notify.to_person(
        data,
        case,
        _("You withdrew your complaint: %(reference)s", reference=reference),
        _(
            "You withdrew your complaint %(reference)s. We have stopped looking at it.\n\n"
            "If this was a mistake, or you change your mind, contact us. "
            "You can also make a new complaint.\n",
            reference=reference,
        ),
    )
    return "withdrawn", queued


ACTIONS = {
    "ask": Action("ask", AskForm, lambda s: s.is_open, _ask),
    "escalate": Action("escalate", EscalateForm, lambda s: s.may_escalate, _escalate),
    "withdraw": Action("withdraw", WithdrawForm, lambda s: s.is_open, _withdraw),
}


def _render(
    action: Action,
    case: Case,
    state: CaseState,
    form: StepForm,
    form_id: str,
    page_error: Any = None,
) -> str:
    fields = [f for f in form if f.name != "csrf_token"]
    errors = [{"text": str(f.errors[0]), "href": error_href(f)} for f in fields if f.errors]
    if page_error:
        errors.insert(0, {"text": page_error, "href": error_href(fields[0])})
    return render_template(
        f"tracking/{action.slug}.html",
        fields=[component(f, form, heading=False) for f in fields],
        errors=errors,
        stage=next_stage(state),
        state=state,
        council=current_app.extensions["council"],
        reference=display(case.reference),
        back_url=url_for("tracking.case"),
        form_id=form_id,
    )


def _state(case: Case) -> CaseState:
    return cases.state_of(db.session(), case, current_app.extensions["council"].timescales)


@visit.required
def take(case: Case, slug: str) -> ResponseReturnValue:
    action = ACTIONS[slug]
    state = _state(case)
    if not action.offered(state):
        # Already done (a second tab, a double click) or no longer possible: the case page
        # says where things stand.
        return redirect(url_for("tracking.case"))
    form = action.form()
    form_id = messages.new_form_id(request.form.get("form_id"))
    if request.method != "POST" or not form.validate():
        return _render(action, case, state, form, form_id)
    data = db.session()
    try:
        done, queued = action.act(data, case, state, form, form_id)
        data.commit()
    except (StageError, IntegrityError):
        # Not allowed any more, or the same form sent twice at once: the first one counted.
        data.rollback()
        return redirect(url_for("tracking.case"))
    notify.deliver_now(data, queued)
    session[DONE] = done
    return redirect(url_for("tracking.done"))


def _rerender(slug: str) -> ResponseReturnValue:
    case, _ended = visit.signed_in()
    if case is None:
        return redirect(url_for("tracking.start"))
    action = ACTIONS[slug]
    message = _("Your answer was not sent because this page was open for a long time. Try again.")
    form_id = messages.new_form_id(request.form.get("form_id"))
    return _render(action, case, _state(case), action.form(), form_id, page_error=message)


@visit.required
def done(case: Case) -> ResponseReturnValue:
    what = session.get(DONE)
    if what not in {"asked", "stage2", "stage3", "withdrawn"}:
        return redirect(url_for("tracking.case"))
    state = _state(case)
    return render_template(
        "tracking/done.html",
        what=what,
        due=progress.due(state),
        reference=display(case.reference),
    )


for _slug in ACTIONS:
    bp.add_url_rule(
        f"/{_slug}",
        _slug,
        limiter.limit("10 per hour", methods=["POST"])(
            csrf_rerender(take, lambda slug=_slug, **_kw: _rerender(slug))
        ),
        methods=["GET", "POST"],
        defaults={"slug": _slug},
    )
bp.add_url_rule("/done", "done", done)
