"""The decisions a complaint's triage flags need: the case page's "Decisions needed".

- sufficient interest (reg. 4, 12): yes or no, recorded as ``sufficient_interest_decided``; a
  no ends the case and its reason must name the Ombudsman (the domain checks);
- court proceedings (reg. 8): a pause, recorded as ``paused``; ``resumed`` is recorded through
  the events form;
- a late complaint (reg. 9, domain.md §3.3): accepted, and the case goes on, or refused,
  recorded as ``refused`` (its reason must name the Ombudsman);
- English fluency (Immigration Act 2016 s.77, domain.md §6.5): that part becomes a linked
  case of its own, with the answers copied and its own reference.

Each decision is kept as a CaseDecision with its reasons and who made it, audited, and told
to the person where it changes what happens to them. Once made, the section shows it instead
of the form.
"""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, redirect, url_for
from flask.typing import ResponseReturnValue
from flask_babel import format_date
from sqlalchemy import select
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from portal import cases, db, notify
from portal.domain import calendar
from portal.domain.intake import triage_flags
from portal.domain.references import display, new_reference
from portal.domain.stages import CaseState, Kind, StageError, Status
from portal.i18n import gettext as _
from portal.i18n import lazy_gettext as _l
from portal.journey.forms import StepForm, choice, radio
from portal.journey.govuk_fields import component
from portal.models import Case, CaseDecision, StaffUser, aware, new_token, utcnow
from portal.staff import audit, labels, roles
from portal.staff.case_page import CASE_ROLES, errors_of, find, render, tell_person
from portal.staff.views import bp

MAX_REASON = 2000
#: the flags this section decides, in the order it shows them
FLAGS = ("sufficient_interest", "proceedings", "late", "fluency")
#: a decision's form fields are named "<prefix>-<field>", so two forms never share an id
PREFIXES = {flag: flag.replace("_", "-") for flag in FLAGS}


def _reason(label: Any, hint: Any, required: Any = None) -> TextAreaField:
    checks = [DataRequired(message=required)] if required else [Optional()]
    return TextAreaField(
        label,
        description=hint,
        validators=[*checks, Length(max=MAX_REASON, message=_l("Use 2000 characters or fewer"))],
    )


class SufficientInterestForm(StepForm):
    decision = radio(
        _l("Does the person have sufficient interest in the child's welfare?"),
        [choice("yes", _l("Yes: the complaint goes ahead")), choice("no", _l("No"))],
        _l("Select yes if the person has sufficient interest"),
    )
    reason = _reason(
        _l("Reasons"),
        _l(
            "Needed for a no: say why, and that the person can ask the Local Government and "
            "Social Care Ombudsman to look at the decision"
        ),
    )

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        if self.decision.data == "no" and not (self.reason.data or "").strip():
            self.reason.errors = [_("Enter the reasons for the decision")]
            return False
        return valid


class PauseForm(StepForm):
    reason = _reason(
        _l("Why pause the complaint?"),
        _l("For example, the court case about the same events has not finished"),
        _l("Enter why the complaint is paused"),
    )


class LateForm(StepForm):
    decision = radio(
        _l("Will the council consider the complaint?"),
        [
            choice("accepted", _l("Yes, accept the late complaint")),
            choice("refused", _l("No, refuse it")),
        ],
        _l("Select whether to accept or refuse the late complaint"),
    )
    reason = _reason(
        _l("Reasons"),
        _l(
            "Was it reasonable to expect the complaint within 12 months, and can it still be "
            "considered fairly? A refusal must name the Local Government and Social Care "
            "Ombudsman."
        ),
        _l("Enter the reasons for the decision"),
    )


class FluencyForm(StepForm):
    part = _reason(
        _l("Which part of the complaint is about English fluency?"),
        _l("This note goes on both cases, for the complaints team only"),
        _l("Enter which part of the complaint is about English fluency"),
    )


#: each flag's form, the view it posts to, and its button
FORMS: dict[str, tuple[type[StepForm], str, Any]] = {
    "sufficient_interest": (
        SufficientInterestForm,
        "staff.decide_sufficient_interest",
        _l("Record the decision"),
    ),
    "proceedings": (PauseForm, "staff.pause_for_proceedings", _l("Pause the complaint")),
    "late": (LateForm, "staff.decide_late", _l("Record the decision")),
    "fluency": (FluencyForm, "staff.split_fluency", _l("Make it a case of its own")),
}


def form_for(flag: str, posted: bool = False) -> StepForm:
    """A decision's form: the one posted, or an empty one for the page."""
    form_class = FORMS[flag][0]
    if posted:
        return form_class(prefix=PREFIXES[flag])
    return form_class(formdata=None, prefix=PREFIXES[flag])


def _made(case: Case) -> dict[str, CaseDecision]:
    """Each flag's decision, the latest if there are several."""
    query = select(CaseDecision).where(CaseDecision.case_id == case.id).order_by(CaseDecision.id)
    return {decision.flag: decision for decision in db.session().scalars(query)}


def decided_line(decision: CaseDecision) -> str:
    """ "Accepted late complaint on 3 Dec 2026 by someone@council: the reasons"."""
    user = db.session().get(StaffUser, decision.staff_user_id) if decision.staff_user_id else None
    day = format_date(calendar.london_date(aware(decision.decided_at)), "d MMM y")
    who = user.email if user else _("an unknown member of staff")
    words = labels.decision_words(decision.flag, decision.decision, day, who)
    return (
        _("%(head)s: %(reason)s", head=words, reason=decision.reason) if decision.reason else words
    )


def _by_event(flag: str, state: CaseState | None) -> str | None:
    """A decision recorded through the events form instead of here."""
    if state is None:
        return None
    if flag == "sufficient_interest" and (
        "sufficient_interest_decided" in state.flags
        or state.status == Status.NO_SUFFICIENT_INTEREST
    ):
        return _("Decided: see the events")
    if flag == "proceedings" and state.status == Status.PAUSED:
        return _("Paused: see the events")
    return None


def section(
    case: Case, state: CaseState | None, can_act: bool, posted: dict[str, StepForm]
) -> list[dict[str, Any]]:
    """The "Decisions needed" items for the case's flags, each with its decision or form.

    A form posted with errors is always shown back, flagged or not, so its errors have a
    place on the page."""
    if case.kind != "complaint":
        return []
    flags = triage_flags(case.answers or {})
    wanted = [
        f
        for f in FLAGS
        if f in posted or (f in flags and not (f == "fluency" and case.parent_case_id))
    ]
    made = _made(case) if wanted else {}
    items = []
    for flag in wanted:
        item: dict[str, Any] = {"flag": flag, "title": str(labels.FLAGS[flag])}
        decision = made.get(flag)
        open_case = state is not None and state.is_open
        form = posted.get(flag)
        if form is None and decision is not None:
            item["decided"] = decided_line(decision)
            if flag == "fluency":
                item["parts"] = _parts(case)
        elif form is None and (done := _by_event(flag, state)):
            item["decided"] = done
        elif form is not None or (can_act and (flag == "fluency" or open_case)):
            form = form or form_for(flag)
            item["fields"] = [component(f, form, heading=False) for f in form]
            item["action"] = url_for(FORMS[flag][1], reference=case.reference)
            item["button"] = str(FORMS[flag][2])
        else:
            item["decided"] = _("Not decided")
        item["resume"] = flag == "proceedings" and state is not None and state.status == "paused"
        items.append(item)
    return items


def _parts(case: Case) -> list[tuple[str, str]]:
    query = select(Case).where(Case.parent_case_id == case.id).order_by(Case.id)
    return [
        (display(part.reference), url_for("staff.case", reference=part.reference))
        for part in db.session().scalars(query)
    ]


def split_note(case: Case) -> str | None:
    """For a part split off into its own case: the decision that made it, from its parent."""
    if case.parent_case_id is None:
        return None
    query = select(CaseDecision).where(
        CaseDecision.case_id == case.parent_case_id, CaseDecision.flag == "fluency"
    )
    decision = db.session().scalars(query.order_by(CaseDecision.id.desc())).first()
    return decided_line(decision) if decision else None


# Recording -----------------------------------------------------------------------------------


def _already(case: Case, flag: str) -> bool:
    query = select(CaseDecision.id).where(
        CaseDecision.case_id == case.id, CaseDecision.flag == flag
    )
    return db.session().scalars(query.limit(1)).first() is not None


def _record(case: Case, kind: str, details: dict[str, str], form: StepForm) -> bool:
    """Record the event the decision makes; False, with the domain's objection on the form."""
    data = db.session()
    user = roles.current_user()
    try:
        cases.record(
            data,
            case,
            kind,
            current_app.extensions["council"].timescales,
            by=f"staff:{user.id if user else 0}",
            on=cases.today(),
            details=details,
        )
    except StageError as error:
        data.rollback()
        if "must name the Ombudsman" in str(error):
            form["reason"].errors = [
                _(
                    "Name the Local Government and Social Care Ombudsman in the reasons: the "
                    "person can ask them to look at this decision"
                )
            ]
        else:  # the case has moved on: the domain says why
            next(iter(form)).errors = [_("This cannot be recorded now: %(why)s", why=str(error))]
        return False
    return True


def _save(
    case: Case, flag: str, decision: str, reason: str, tell: tuple[str, str] | None, done: str
) -> ResponseReturnValue:
    """Keep the decision, audit it and tell the person, in one transaction."""
    data = db.session()
    user = roles.current_user()
    data.add(
        CaseDecision(
            case_id=case.id,
            flag=flag,
            decision=decision,
            reason=reason,
            staff_user_id=user.id if user else None,
            decided_at=utcnow(),
        )
    )
    audit.log(data, user, "case.decided", case, flag=flag, decision=decision)
    queued = tell_person(case, *tell) if tell else []
    data.commit()
    notify.deliver_now(data, queued)
    return redirect(url_for("staff.case", reference=case.reference, done=done))


def _update(case: Case) -> str:
    return _("Update on your complaint %(reference)s", reference=display(case.reference))


def _why(text: str, reason: str) -> str:
    return text + "\n\n" + _("Why: %(reason)s", reason=reason)


def _posted(reference: str, flag: str) -> tuple[Case, StepForm, ResponseReturnValue | None]:
    """The case and the posted form; a response if there is nothing more to do."""
    found = find(reference)
    if found.kind != "complaint":  # compliments and comments have no flags to decide
        abort(404)
    form = form_for(flag, posted=True)
    if not form.validate():
        return found, form, render(found, errors_of(form), **{flag: form})
    if _already(found, flag):  # a second click: the first one decided
        return found, form, redirect(url_for("staff.case", reference=found.reference))
    return found, form, None


@bp.route("/cases/<reference>/decisions/sufficient-interest", methods=["POST"])
@roles.require(*CASE_ROLES)
def decide_sufficient_interest(reference: str) -> ResponseReturnValue:
    found, form, answer = _posted(reference, "sufficient_interest")
    if answer is not None:
        return answer
    decision, reason = form.decision.data, (form.reason.data or "").strip()
    details = {"decision": decision, **({"reason": reason} if reason else {})}
    if not _record(found, Kind.SUFFICIENT_INTEREST_DECIDED, details, form):
        return render(found, errors_of(form), sufficient_interest=form)
    if decision == "yes":
        text = _("We have decided that you can make this complaint for the child.")
        tell = (_update(found), text + " " + _("We will now look into it."))
    else:
        text = _("We have decided that you cannot make this complaint for the child.")
        tell = (_update(found), _why(text, reason))
    return _save(found, "sufficient_interest", decision, reason, tell, "decided")


@bp.route("/cases/<reference>/decisions/proceedings", methods=["POST"])
@roles.require(*CASE_ROLES)
def pause_for_proceedings(reference: str) -> ResponseReturnValue:
    found, form, answer = _posted(reference, "proceedings")
    if answer is not None:
        return answer
    reason = form.reason.data.strip()
    if not _record(found, Kind.PAUSED, {"reason": reason}, form):
        return render(found, errors_of(form), proceedings=form)
    text = _("We have paused your complaint. We will tell you when it starts again.")
    return _save(
        found, "proceedings", "paused", reason, (_update(found), _why(text, reason)), "decided"
    )


@bp.route("/cases/<reference>/decisions/late", methods=["POST"])
@roles.require(*CASE_ROLES)
def decide_late(reference: str) -> ResponseReturnValue:
    found, form, answer = _posted(reference, "late")
    if answer is not None:
        return answer
    decision, reason = form.decision.data, form.reason.data.strip()
    if decision == "accepted":  # nothing changes for the person: the complaint goes on
        return _save(found, "late", decision, reason, None, "decided")
    if not _record(found, Kind.REFUSED, {"reason": reason}, form):
        return render(found, errors_of(form), late=form)
    text = _(
        "We cannot look at your complaint under this procedure, because it was made more "
        "than 12 months after you found out about the problem."
    )
    return _save(found, "late", decision, reason, (_update(found), _why(text, reason)), "decided")


@bp.route("/cases/<reference>/decisions/fluency", methods=["POST"])
@roles.require(*CASE_ROLES)
def split_fluency(reference: str) -> ResponseReturnValue:
    found, form, answer = _posted(reference, "fluency")
    if answer is not None:
        return answer
    if found.parent_case_id is not None:  # already a split-off part
        return redirect(url_for("staff.case", reference=found.reference))
    data = db.session()
    rows = cases.rows(data, found)
    received = next(
        (row.on for row in rows if row.kind == Kind.RECEIVED),
        calendar.received_date(found.submitted_at),
    )
    part = Case(
        reference=new_reference(),
        kind=found.kind,
        draft_id=new_token(),
        answers=dict(found.answers or {}),
        submitted_at=found.submitted_at,
        parent_case_id=found.id,
    )
    data.add(part)
    data.flush()
    user = roles.current_user()
    cases.record(
        data,
        part,
        Kind.RECEIVED,
        current_app.extensions["council"].timescales,
        by=f"staff:{user.id if user else 0}",
        on=received,
    )
    audit.log(data, user, "case.split_from", part, parent=found.reference)
    new = display(part.reference)
    text = _(
        "Part of your complaint is about whether a member of staff speaks English well enough "
        "to do their job. We will look at that part separately, under its own reference: "
        "%(new)s. The rest of your complaint keeps its reference, %(reference)s.",
        new=new,
        reference=display(found.reference),
    )
    tell = (
        _(
            "Part of your complaint %(reference)s has a new reference",
            reference=display(found.reference),
        ),
        text,
    )
    return _save(found, "fluency", "split", form.part.data.strip(), tell, "split")
