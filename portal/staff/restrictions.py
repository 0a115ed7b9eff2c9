"""Contact restrictions: limits on how a person may contact the council, under its
unreasonable behaviour policy (domain.md 6.4).

A restriction says which ways of contact it limits, why, and when it will be reviewed; it is
lifted, never deleted. The person is told each time, on the tracking page and by the ways
they said are safe, and always that it does not stop them asking for the next stage or going
to the Ombudsman: the tracking page refuses only messages, and only while that way is limited
(portal.tracking.messages). The case page's section is drawn by templates/staff/_restrictions.html
with `contact_restrictions(case)`, a template global, so the case page needs no change.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import abort, current_app, g, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import format_date
from sqlalchemy import select, update
from wtforms import TextAreaField, ValidationError
from wtforms.validators import DataRequired, Length

from portal import cases, db, notify
from portal.domain.references import display
from portal.i18n import gettext as _
from portal.i18n import lazy_gettext as _l
from portal.journey.forms import CheckboxesField, DateField, StepForm, choice
from portal.journey.govuk_fields import component
from portal.models import Case, CaseMessage, ContactRestriction, StaffUser, utcnow
from portal.staff import audit, case_page, roles
from portal.staff.views import bp
from portal.tracking.messages import RESTRICTED_CHANNEL

#: who may add and lift restrictions
ROLES = (roles.OFFICER, roles.MANAGER)
MAX_REASON = 2000
#: the topic of the messages that tell the person (CaseMessage.topic)
TOPIC = "restriction"

#: every way of contact a restriction can limit: (the staff's label, how the person is told)
CHANNELS: dict[str, tuple[Any, Any]] = {
    "phone": (_l("Phone"), _l("by phone")),
    "email": (_l("Email"), _l("by email")),
    "in_person": (_l("In person"), _l("in person")),
    RESTRICTED_CHANNEL: (
        _l("Messages through the tracking page"),
        _l("by sending messages through your tracking page"),
    ),
    "letter": (_l("Letters"), _l("by letter")),
}


class ReviewDateField(DateField):
    """A date after today, with the GOV.UK date input's messages."""

    def pre_validate(self, form: Any) -> None:
        raw = self.raw
        if all(raw[p].isdigit() for p in self.parts) and len(raw["year"]) == 4:
            try:
                value = date(int(raw["year"]), int(raw["month"]), int(raw["day"]))
            except ValueError:
                value = None
            if value is not None:
                if value <= cases.today():
                    self.error_part = "day"
                    raise ValidationError(_l("%(what)s must be in the future", what=self.what))
                self.data = value.isoformat()
                return
        super().pre_validate(form)  # missing parts and dates that do not exist


class RestrictionForm(StepForm):
    # Named apart from the case page's other fields, so no id is used twice on the page.
    restriction_channels = CheckboxesField(
        _l("Which ways of contact are limited?"),
        choices=[choice(key, labels[0]) for key, labels in CHANNELS.items()],
        description=_l(
            "The person can always ask for the next stage, withdraw, ask for an advocate "
            "and go to the Ombudsman."
        ),
        message=_l("Select which ways of contact are limited"),
    )
    restriction_reason = TextAreaField(
        _l("Reason"),
        description=_l("The person will see this. Say what happened and why it is needed."),
        validators=[
            DataRequired(message=_l("Enter the reason for the restriction")),
            Length(max=MAX_REASON, message=_l("Use %(n)s characters or fewer", n=MAX_REASON)),
        ],
        render_kw={"max_chars": MAX_REASON},
    )
    review_date = ReviewDateField(
        _l("Review date"),
        description=_l("When the restriction will be looked at again. For example, 27 3 2027"),
        what=_l("The review date"),
        enter=_l("Enter the review date"),
    )


def _row(restriction: ContactRestriction, today: date) -> dict[str, Any]:
    data = db.session()
    set_by = data.get(StaffUser, restriction.set_by_id) if restriction.set_by_id else None
    lifted_by = data.get(StaffUser, restriction.lifted_by_id) if restriction.lifted_by_id else None
    return {
        "id": restriction.id,
        "channels": [str(CHANNELS[c][0]) for c in restriction.channels if c in CHANNELS],
        "reason": restriction.reason,
        "review_on": restriction.review_on,
        "overdue": restriction.lifted_at is None and restriction.review_on < today,
        "set_at": restriction.set_at,
        "set_by": set_by.email if set_by else "",
        "lifted_at": restriction.lifted_at,
        "lifted_by": lifted_by.email if lifted_by else "",
    }


@bp.app_template_global("contact_restrictions")
def section(case: Case) -> dict[str, Any]:
    """What the case page's section needs: current and past restrictions, and the form."""
    rows = db.session().scalars(
        select(ContactRestriction)
        .where(ContactRestriction.case_id == case.id)
        .order_by(ContactRestriction.set_at.desc(), ContactRestriction.id.desc())
    )
    today = cases.today()
    shown = [_row(r, today) for r in rows]
    user = roles.current_user()
    form = g.get("restriction_form") or RestrictionForm(formdata=None)
    return {
        "current": [r for r in shown if r["lifted_at"] is None],
        "past": [r for r in shown if r["lifted_at"] is not None],
        "can_act": user is not None and user.role in ROLES,
        "fields": [component(f, form, heading=False) for f in form if f.name != "csrf_token"],
        "done": request.args.get("restriction"),
    }


def _ways(channels: list[str]) -> str:
    words = [str(CHANNELS[c][1]) for c in channels if c in CHANNELS]
    if len(words) < 2:
        return "".join(words)
    return _("%(some)s or %(last)s", some=", ".join(words[:-1]), last=words[-1])


def _rights() -> str:
    return _(
        "This does not stop you asking for your complaint to go to the next stage, and it does "
        "not stop you going to the Local Government and Social Care Ombudsman. You can still "
        "withdraw your complaint or ask for an advocate from your tracking page."
    )


def added_words(restriction: ContactRestriction, reference: str) -> str:
    """What the person is told when a restriction starts: what, why, until when, and rights."""
    return "\n\n".join(
        (
            _(
                "We have decided to limit how you can contact us about your complaint "
                "%(reference)s, under our policy on unreasonable behaviour.",
                reference=reference,
            ),
            _(
                "Until we review this decision, do not contact us %(ways)s.",
                ways=_ways(restriction.channels),
            ),
            _("Why: %(reason)s", reason=restriction.reason),
            _(
                "We will review this decision by %(day)s.",
                day=format_date(restriction.review_on, "d MMMM y"),
            ),
            _rights(),
        )
    )


def lifted_words(restriction: ContactRestriction, reference: str) -> str:
    """What the person is told when a restriction ends."""
    return "\n\n".join(
        (
            _(
                "We have lifted the limit on how you can contact us about your complaint "
                "%(reference)s. You can contact us %(ways)s again.",
                reference=reference,
                ways=_ways(restriction.channels),
            ),
            _rights(),
        )
    )


def _tell(case: Case, subject: str, body: str) -> list[Any]:
    """A message on the tracking page and an email or text by the ways the person chose."""
    data = db.session()
    user = roles.current_user()
    data.add(
        CaseMessage(
            case_id=case.id,
            sender="council",
            topic=TOPIC,
            body=body,
            staff_user_id=user.id if user else None,
        )
    )
    council = current_app.extensions["council"]
    track = url_for("tracking.start", _external=True)
    return notify.to_person(
        data,
        case,
        subject,
        body + "\n\n" + _("See your complaint: %(url)s", url=track) + "\n",
        sms=_("%(council)s has sent you a message: %(url)s", council=council.name, url=track),
    )


def _back(case: Case, done: str) -> ResponseReturnValue:
    return redirect(
        url_for("staff.case", reference=case.reference, restriction=done, _anchor="restrictions")
    )


@bp.route("/cases/<reference>/restrictions", methods=["POST"])
@roles.require(*ROLES)
def add_restriction(reference: str) -> ResponseReturnValue:
    found = case_page.find(reference)
    form = RestrictionForm()
    if not form.validate():
        g.restriction_form = form
        return case_page.render(found, case_page.errors_of(form))
    data = db.session()
    user = roles.current_user()
    chosen = [key for key in CHANNELS if key in form.restriction_channels.data]
    restriction = ContactRestriction(
        case_id=found.id,
        channels=chosen,
        reason=form.restriction_reason.data,
        review_on=date.fromisoformat(form.review_date.data),
        set_at=utcnow(),
        set_by_id=user.id if user else None,
    )
    data.add(restriction)
    data.flush()
    reference_shown = display(found.reference)
    queued = _tell(
        found,
        _("How you can contact us about your complaint %(reference)s", reference=reference_shown),
        added_words(restriction, reference_shown),
    )
    audit.log(
        data,
        user,
        "case.restriction_added",
        found,
        restriction=restriction.id,
        channels=" ".join(chosen),
        review_on=restriction.review_on.isoformat(),
    )
    data.commit()
    notify.deliver_now(data, queued)
    return _back(found, "added")


@bp.route("/cases/<reference>/restrictions/lift", methods=["POST"])
@roles.require(*ROLES)
def lift_restriction(reference: str) -> ResponseReturnValue:
    found = case_page.find(reference)
    chosen = request.form.get("restriction", "")
    if not chosen:
        return _back(found, "")
    data = db.session()
    restriction = data.get(ContactRestriction, int(chosen)) if chosen.isdigit() else None
    if restriction is None or restriction.case_id != found.id:
        abort(404)
    user = roles.current_user()
    # Only the first of two lifts at the same moment tells the person.
    lifted = data.execute(
        update(ContactRestriction)
        .where(ContactRestriction.id == restriction.id, ContactRestriction.lifted_at.is_(None))
        .values(lifted_at=utcnow(), lifted_by_id=user.id if user else None)
    )
    if lifted.rowcount == 0:  # type: ignore[attr-defined]
        data.rollback()
        return _back(found, "lifted")
    reference_shown = display(found.reference)
    queued = _tell(
        found,
        _("How you can contact us about your complaint %(reference)s", reference=reference_shown),
        lifted_words(restriction, reference_shown),
    )
    audit.log(data, user, "case.restriction_lifted", found, restriction=restriction.id)
    data.commit()
    notify.deliver_now(data, queued)
    return _back(found, "lifted")
