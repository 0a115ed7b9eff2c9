"""A case, for the complaints team: what the person sent, its stages, messages and requests,
and the actions that move it on.

Every view and every change is written to the audit log in the same transaction. Stage
events go through portal.cases.record, so the procedure's rules (portal.domain.stages)
decide what can be recorded; the person is told by the ways they said are safe. The
decisions the triage flags need are in portal.staff.decisions, and the files the person sent
in portal.staff.files; both add their part of the page through `render`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import abort, current_app, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import select, update
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, Regexp

from portal import cases, db, notify
from portal.domain.intake import triage_flags
from portal.domain.references import display, normalise
from portal.domain.stages import EVENT_KINDS, CaseState, Kind, StageError
from portal.i18n import gettext as _
from portal.i18n import lazy_gettext as _l
from portal.journey.complaint_steps import COMPLAINT
from portal.journey.forms import DateField, StepForm, choice
from portal.journey.govuk_fields import component, error_href
from portal.journey.screening_steps import SCREENING
from portal.journey.summary import rows as answer_rows
from portal.models import AdvocacyRequest, Case, CaseMessage, StaffUser, TrackingLink, utcnow
from portal.staff import audit, labels, roles
from portal.staff.next_step import next_line
from portal.staff.views import bp
from portal.tracking import progress, tokens

CASE_ROLES = (roles.OFFICER, roles.MANAGER)
#: investigators open only the cases assigned to them
READ_ROLES = (*CASE_ROLES, roles.INVESTIGATOR)
#: who a case can be assigned to
ASSIGNABLE = (roles.OFFICER, roles.MANAGER, roles.INVESTIGATOR)
MAX_REPLY = 5000
#: the events that answer a stage, and so take an outcome (portal.domain.replay.OUTCOMES)
RESPONSES = frozenset(
    {Kind.STAGE1_RESPONSE_SENT, Kind.STAGE2_RESPONSE_SENT, Kind.FINAL_RESPONSE_SENT}
)


class ReplyForm(StepForm):
    reply = TextAreaField(
        _l("Reply to the person"),
        validators=[
            DataRequired(message=_l("Enter your reply")),
            Length(max=MAX_REPLY, message=_l("Use %(n)s characters or fewer", n=MAX_REPLY)),
        ],
        render_kw={"max_chars": MAX_REPLY},
    )


class EventForm(StepForm):
    kind = SelectField(
        _l("What happened?"),
        choices=[choice("", _l("Choose"))]
        + [choice(k, labels.EVENT_NAMES[k]) for k in sorted(EVENT_KINDS)],
        validators=[DataRequired(message=_l("Select what happened"))],
    )
    on = DateField(
        _l("When did it happen?"),
        description=_l("For example, 27 3 2026"),
        what=_l("The date"),
        enter=_l("Enter the date it happened"),
    )
    reason = TextAreaField(
        _l("Reason or note (optional)"),
        validators=[Optional(), Length(max=2000)],
        description=_l(
            "Needed for an extension, a pause, a refusal and a no on sufficient interest"
        ),
    )
    days = StringField(
        _l("Working days (stage 2 extensions only)"),
        validators=[
            Optional(),
            Regexp(r"^\d{1,2}$", message=_l("Enter a number of days, like 10")),
        ],
        render_kw={"govuk": {"classes": "govuk-input--width-2", "inputmode": "numeric"}},
    )
    outcome = SelectField(
        _l("Outcome (responses only)"),
        choices=[choice("", _l("Choose"))]
        + [choice(value, words) for value, words in labels.OUTCOMES.items()],
        validators=[Optional()],
        description=_l("Needed for a stage 1, stage 2 or final response"),
    )

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        if self.kind.data in RESPONSES and not self.outcome.data:
            self.outcome.errors = [_("Select the outcome of the response")]
            return False
        return valid

    def details(self) -> dict[str, str]:
        """The details the chosen kind takes, as the domain stores them."""
        given = {"reason": self.reason.data or "", "days": self.days.data or ""}
        if self.kind.data in RESPONSES:
            given["outcome"] = self.outcome.data or ""
        return {key: value.strip() for key, value in given.items() if value.strip()}


def find(reference: str) -> Case:
    """The case with this reference, for the signed-in member of staff; 404 or 403 if not."""
    found = normalise(reference)
    case = (
        db.session().scalars(select(Case).where(Case.reference == found)).first() if found else None
    )
    if case is None:
        abort(404)
    user = roles.current_user()
    if user is not None and user.role == roles.INVESTIGATOR and case.assignee_id != user.id:
        abort(403)
    return case


def _answers(case: Case) -> list[dict[str, Any]]:
    """Everything the person sent (equality answers are never in a case), without change links."""
    result = []
    for journey in (SCREENING, COMPLAINT):
        for step in journey.walk(case.answers).reached:
            for row in answer_rows(step, case.answers, ""):
                row.pop("actions", None)
                result.append(row)
    return result


def _state(case: Case) -> CaseState | None:
    try:
        return cases.state_of(db.session(), case, current_app.extensions["council"].timescales)
    except StageError:
        return None  # a compliment or a comment has no stages


def render(case: Case, errors: list[dict[str, str]] | None = None, **forms: Any) -> str:
    """The case page. `forms` are the posted forms to show back with their errors, by name
    (reply, event, or a decision's); the others are shown empty."""
    data = db.session()
    state = _state(case)
    reply = forms.pop("reply", None) or ReplyForm(formdata=None)
    event = forms.pop("event", None) or EventForm(formdata=None)
    can_act = (user := roles.current_user()) is not None and user.role in CASE_ROLES
    return render_template(
        "staff/case.html",
        case=case,
        reference=display(case.reference),
        state=state,
        next=next_line(state) if state else None,
        status_words=labels.STATUSES.get(state.status, state.status) if state else "",
        flags=sorted(triage_flags(case.answers) | (state.flags if state else frozenset())),
        answers=_answers(case),
        parent=data.get(Case, case.parent_case_id) if case.parent_case_id else None,
        split_note=decisions.split_note(case),
        display=display,
        decisions=decisions.section(case, state, can_act, forms),
        evidence=files.evidence_files(case),
        file_id=files.message_file_id,
        events=cases.rows(data, case),
        detail_lines=labels.detail_lines,
        event_name=labels.event_name,
        channel=labels.channel_name(case.channel),
        entered_by=data.get(StaffUser, case.entered_by_id) if case.entered_by_id else None,
        messages=list(
            data.scalars(
                select(CaseMessage).where(CaseMessage.case_id == case.id).order_by(CaseMessage.id)
            )
        ),
        advocacy=list(
            data.scalars(select(AdvocacyRequest).where(AdvocacyRequest.case_id == case.id))
        ),
        live_links=sum(
            1
            for link in data.scalars(select(TrackingLink).where(TrackingLink.case_id == case.id))
            if not tokens.problem(link)
        ),
        reply_field=component(reply.reply, reply, heading=False),
        event_fields=[component(f, event, heading=False) for f in event if f.name != "csrf_token"],
        errors=errors or [],
        done=request.args.get("done"),
        can_act=can_act,
        assignee=data.get(StaffUser, case.assignee_id) if case.assignee_id else None,
        staff=list(
            data.scalars(
                select(StaffUser)
                .where(StaffUser.active.is_(True), StaffUser.role.in_(ASSIGNABLE))
                .order_by(StaffUser.email)
            )
        ),
    )


def errors_of(form: StepForm) -> list[dict[str, str]]:
    """The error summary's items for a form that did not validate."""
    return [
        {"text": str(f.errors[0]), "href": error_href(f)}
        for f in form
        if f.errors and f.name != "csrf_token"
    ]


@bp.route("/cases/<reference>")
@roles.require(*READ_ROLES)
def case(reference: str) -> ResponseReturnValue:
    found = find(reference)
    data = db.session()
    audit.log(data, roles.current_user(), "case.viewed", found)
    page = render(found)
    data.execute(
        update(CaseMessage)
        .where(
            CaseMessage.case_id == found.id,
            CaseMessage.sender == "person",
            CaseMessage.read_at.is_(None),
        )
        .values(read_at=utcnow())
    )
    data.commit()
    return page


def tell_person(case: Case, subject: str, body: str) -> list[Any]:
    """Queue a message to the person by the ways they said are safe; the caller commits."""
    council = current_app.extensions["council"]
    track = url_for("tracking.start", _external=True)
    return notify.to_person(
        db.session(),
        case,
        subject,
        body + "\n\n" + _("See your complaint and reply: %(url)s", url=track) + "\n",
        sms=_("%(council)s has sent you a message: %(url)s", council=council.name, url=track),
    )


@bp.route("/cases/<reference>/reply", methods=["POST"])
@roles.require(*CASE_ROLES)
def reply(reference: str) -> ResponseReturnValue:
    found = find(reference)
    form = ReplyForm()
    if not form.validate():
        return render(found, errors_of(form), reply=form)
    data = db.session()
    user = roles.current_user()
    data.add(
        CaseMessage(
            case_id=found.id,
            sender="council",
            topic="message",
            body=form.reply.data,
            staff_user_id=user.id if user else None,
        )
    )
    audit.log(data, user, "case.replied", found)
    queued = tell_person(
        found,
        _("New message about your complaint %(reference)s", reference=display(found.reference)),
        _(
            "We have sent you a message about your complaint %(reference)s.",
            reference=display(found.reference),
        ),
    )
    data.commit()
    notify.deliver_now(data, queued)
    return redirect(url_for("staff.case", reference=found.reference, done="replied"))


@bp.route("/cases/<reference>/events", methods=["POST"])
@roles.require(*CASE_ROLES)
def record_event(reference: str) -> ResponseReturnValue:
    found = find(reference)
    form = EventForm()
    if not form.validate():
        return render(found, errors_of(form), event=form)
    on = date.fromisoformat(form.on.data)
    details = form.details()
    data = db.session()
    user = roles.current_user()
    try:
        cases.record(
            data,
            found,
            form.kind.data,
            current_app.extensions["council"].timescales,
            by=f"staff:{user.id if user else 0}",
            on=on,
            details=details,
        )
    except StageError as error:
        data.rollback()
        form.kind.errors = [str(error)]
        return render(found, errors_of(form), event=form)
    audit.log(data, user, "case.event_recorded", found, kind=form.kind.data, on=on.isoformat())
    queued = []
    words = progress.event_line(form.kind.data, on)
    if words:
        queued = tell_person(
            found,
            _("Update on your complaint %(reference)s", reference=display(found.reference)),
            words + ".",
        )
    data.commit()
    notify.deliver_now(data, queued)
    return redirect(url_for("staff.case", reference=found.reference, done="recorded"))


@bp.route("/cases/<reference>/assign", methods=["POST"])
@roles.require(*CASE_ROLES)
def assign(reference: str) -> ResponseReturnValue:
    found = find(reference)
    data = db.session()
    chosen = request.form.get("assignee", "")
    person = data.get(StaffUser, int(chosen)) if chosen.isdigit() else None
    if chosen and (person is None or not person.active or person.role not in ASSIGNABLE):
        abort(400)
    found.assignee_id = person.id if person else None
    audit.log(data, roles.current_user(), "case.assigned", found, to=person.email if person else "")
    data.commit()
    return redirect(url_for("staff.case", reference=found.reference, done="assigned"))


@bp.route("/cases/<reference>/revoke-links", methods=["POST"])
@roles.require(*CASE_ROLES)
def revoke_links(reference: str) -> ResponseReturnValue:
    found = find(reference)
    data = db.session()
    stopped = tokens.revoke_all(data, found.id)
    audit.log(data, roles.current_user(), "case.links_revoked", found, count=stopped)
    data.commit()
    return redirect(url_for("staff.case", reference=found.reference, done="revoked"))


# Last, as they build on this module: their routes, and their parts of the page.
from portal.staff import decisions, files  # noqa: E402
