"""Turning a finished draft into a case: once, completely, with a reference and a receipt.

Submission is idempotent per draft: the case's draft_id is unique, so a double click, the
back button after confirmation or a second tab all land on the same case. Completeness is
checked again here, not trusted from the page that posted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import current_app, redirect, render_template, session, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from portal import cases, db, notify
from portal.domain.references import display, new_reference
from portal.i18n import gettext as _
from portal.journey import drafts
from portal.journey.views import JourneyViews
from portal.models import Case, OutboxMessage, utcnow

LAST_CASE = "last_case"


def _case_for_draft(draft_id: str) -> Case | None:
    return db.session().scalars(select(Case).where(Case.draft_id == draft_id)).first()


#: queues a new case's receipt (in the caller's transaction) and returns what it queued
Receipt = Callable[[Case], "list[OutboxMessage]"]


def feedback_receipt(case: Case) -> list[OutboxMessage]:
    """A compliment's or comment's receipt, if the person gave an address."""
    email = case.answers.get("email")
    if not email:
        return []
    council = current_app.extensions["council"]
    body = _(
        "Thank you for your %(kind)s to %(council)s.\n\nYour reference is %(reference)s. "
        "Keep it in case you contact us about this.\n",
        kind=_("compliment") if case.kind == "compliment" else _("comment"),
        council=council.name,
        reference=display(case.reference),
    )
    subject = _("Your reference: %(reference)s", reference=display(case.reference))
    return [notify.queue(db.session(), email, subject, body, case_id=case.id)]


def make_case(
    draft_id: str,
    answers: dict[str, Any],
    kind: str,
    receipt: Receipt = feedback_receipt,
    **columns: Any,
) -> tuple[Case, bool]:
    """The draft's case, made now unless it already was, and whether it was made now.

    A new complaint gets its `received` event, counted from submitted_at; `receipt` queues
    the messages (and may add anything else that belongs in the same transaction), which are
    tried once the case is saved. `columns` are further Case columns (submitted_at may be
    one: a complaint entered by staff was received before it was typed in).
    """
    case = _case_for_draft(draft_id)
    data = db.session()
    created = False
    queued: list[OutboxMessage] = []
    for _attempt in range(3):
        if case is not None:
            break
        case = Case(
            reference=new_reference(),
            kind=kind,
            draft_id=draft_id,
            answers=dict(answers),
            **{"submitted_at": utcnow(), **columns},
        )
        data.add(case)
        try:
            # The id, for the receipt's rows; a second submit of this draft may fail here.
            data.flush()
            if case.kind == "complaint":
                cases.received(data, case, current_app.extensions["council"].timescales)
            queued = receipt(case)
            data.commit()
            created = True
        except IntegrityError:
            data.rollback()
            case = _case_for_draft(draft_id)
            queued = []
    # Only this receipt: older failures are `flask notify send`'s job, not this page's.
    notify.deliver_now(data, queued)
    return case, created


def submit(
    views: JourneyViews,
    receipt: Receipt = feedback_receipt,
    after: Callable[[Case], str] | None = None,
) -> ResponseReturnValue:
    """Make the draft a case, once. `after` may send the person somewhere before the
    confirmation page (the equality questions); it is called only for a new case."""
    draft = drafts.current()
    if draft is None:
        previous = session.get(LAST_CASE)
        return redirect(url_for(f"{views.name}.confirmation" if previous else "pages.start"))
    position = views.journey.walk(draft.answers)
    if not position.complete:
        return redirect(views.position_url(position))
    kind = views.name if views.name == "complaint" else draft.answers["kind"]
    case, created = make_case(draft.id, draft.answers, kind, receipt)
    session[LAST_CASE] = case.reference
    drafts.forget()
    if created and after is not None:
        return redirect(after(case))
    return redirect(url_for(f"{views.name}.confirmation"))


def confirmation(
    views: JourneyViews, context: Callable[[Case], dict[str, Any]] | None = None
) -> ResponseReturnValue:
    reference = session.get(LAST_CASE)
    case = (
        db.session().scalars(select(Case).where(Case.reference == reference)).first()
        if isinstance(reference, str)
        else None
    )
    if case is None:
        return redirect(url_for("pages.start"))
    extra = context(case) if context else {}
    return render_template(
        f"journey/{views.name}_confirmation.html",
        case=case,
        reference=display(case.reference),
        **extra,
    )
