"""Assisted digital: the complaints team types in what came by phone, letter, email or in
person (issue 7, part 4), through the public journeys' own steps (portal.staff.assisted_steps).

/staff/new starts afresh: what came in, how, and the day it was received. The questions that
follow are the generic journey views (portal.journey.views) with the staff layout and a
draft of the member of staff's own (portal.staff.assisted_drafts). Sending makes the case
as the public submission does, once per draft, with its channel and who entered it; its
submitted_at is the day it was received, so the `received` event and every due date count
from then (2006 Regulations, calendar.received_date), not from the day it was typed in.
The person gets the public receipt, with a tracking link, if they gave a way to send it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from flask import Blueprint, redirect, render_template, session, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from portal import cases, db
from portal.domain import calendar
from portal.domain.references import display
from portal.i18n import gettext as _
from portal.journey import complaint, csrf_rerender, submission
from portal.journey.views import JourneyViews
from portal.models import Case, OutboxMessage, StaffUser
from portal.staff import assisted_drafts, audit, roles
from portal.staff.assisted_steps import ASSISTED, START, on_path
from portal.staff.views import bp

ROLES = (roles.OFFICER, roles.MANAGER)
#: the session key for the case just entered, apart from the public journeys' own
LAST_CASE = "staff_last_case"

assisted = Blueprint("assisted", __name__, url_prefix="/new")


def arrived_at(received_on: date) -> datetime:
    """When a case received on this day counts as submitted: now if today, else midday (in
    London that is the same day, summer or winter)."""
    if received_on >= cases.today():
        return datetime.now(UTC)
    return datetime.combine(received_on, time(12), tzinfo=UTC)


class AssistedViews(JourneyViews):
    def result_context(self) -> dict[str, Any]:
        """The working day the timescales will count from, to check before sending."""
        received_on = date.fromisoformat(self.store.answers()["received_on"])
        return {"received": calendar.received_date(arrived_at(received_on))}


VIEWS = AssistedViews(
    ASSISTED,
    store=assisted_drafts,
    before_first=lambda: url_for("staff.home"),
    endpoint="staff.assisted",
    page_template="staff/assisted_step.html",
    result_template="staff/assisted_result.html",
)


@roles.require(*ROLES)
def new() -> ResponseReturnValue:
    """Start afresh: one person's answers must never run on into the next person's."""
    assisted_drafts.forget()
    return VIEWS.step(START.slug)


@roles.require(*ROLES)
def result() -> ResponseReturnValue:
    return VIEWS.result()


def _receipt(user: StaffUser, channel: str) -> submission.Receipt:
    """Audit the new case and queue the public receipt, in the transaction that makes it."""

    def made(case: Case) -> list[OutboxMessage]:
        audit.log(db.session(), user, "case.created", case, channel=channel)
        if case.kind == "complaint":
            return complaint.receipt(case)
        return submission.feedback_receipt(case)

    return made


@roles.require(*ROLES)
def submit() -> ResponseReturnValue:
    draft = assisted_drafts.current()
    if draft is None:  # sent already (a double click, the back button), or never started
        done = isinstance(session.get(LAST_CASE), str)
        return redirect(url_for("staff.assisted.confirmation" if done else "staff.new"))
    position = ASSISTED.walk(draft.answers)
    if not position.complete:
        return redirect(VIEWS.position_url(position))
    user = roles.current_user()
    assert user is not None
    answers = on_path(draft.answers, position)
    case, _created = submission.make_case(
        draft.id,
        answers,
        answers["kind"],
        _receipt(user, answers["channel"]),
        channel=answers["channel"],
        entered_by_id=user.id,
        submitted_at=arrived_at(date.fromisoformat(answers["received_on"])),
    )
    session[LAST_CASE] = case.reference
    assisted_drafts.forget()
    return redirect(url_for("staff.assisted.confirmation"))


@roles.require(*ROLES)
def confirmation() -> ResponseReturnValue:
    reference = session.get(LAST_CASE)
    data = db.session()
    case = (
        data.scalars(select(Case).where(Case.reference == reference)).first()
        if isinstance(reference, str)
        else None
    )
    if case is None:
        return redirect(url_for("staff.new"))
    receipts = data.scalars(
        select(OutboxMessage).where(OutboxMessage.case_id == case.id).order_by(OutboxMessage.id)
    )
    return render_template(
        "staff/assisted_confirmation.html",
        case=case,
        reference=display(case.reference),
        what=_kind_name(case.kind),
        receipts=list(receipts),
    )


def _kind_name(kind: str) -> str:
    return {"complaint": _("Complaint"), "compliment": _("Compliment")}.get(kind, _("Comment"))


def _rerender(slug: str) -> ResponseReturnValue:
    """After a CSRF failure, the question again with its input, but only for these roles: the
    plain failure page otherwise (this runs in an error handler, where 403 cannot be raised)."""
    user = roles.current_user()
    if user is None or user.role not in ROLES:
        return render_template("errors/400.html")
    return VIEWS.rerender_after_csrf_failure(slug)


bp.add_url_rule("/new", "new", new)
assisted.add_url_rule(
    "/<slug>",
    "step",
    csrf_rerender(roles.require(*ROLES)(VIEWS.step), _rerender),
    methods=["GET", "POST"],
)
assisted.add_url_rule("/result", "result", result)
assisted.add_url_rule("/submit", "submit", submit, methods=["POST"])
assisted.add_url_rule("/confirmation", "confirmation", confirmation)
bp.register_blueprint(assisted)
