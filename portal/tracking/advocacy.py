"""Asking for an advocate from the tracking page, on any stage.

A few questions, one per page, kept in the session until the check page sends them. For a
child living at home an advocacy service needs a parent's agreement unless the child
understands and wants one themselves (domain.md 2.4); the portal never refuses a request
for that: it records the answers and tells staff what needs checking. Sending stores an
AdvocacyRequest and a message in the case history, in one transaction guarded by the
message's one-time form id, so a double click makes one request.
"""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from portal import cases, db, notify
from portal.domain.case_state import CLOSED_STAGE
from portal.i18n import lazy_gettext as _l
from portal.journey.govuk_fields import component, error_href
from portal.models import AdvocacyRequest, Case, utcnow
from portal.tracking import advocacy_steps as steps
from portal.tracking import bp, messages, team, visit

#: the session key of a request in progress: {"case": id, "answers": {...}, "form_id": str}
KEY = "track_advocacy"


def latest(case: Case) -> AdvocacyRequest | None:
    query = select(AdvocacyRequest).where(AdvocacyRequest.case_id == case.id)
    return db.session().scalars(query.order_by(AdvocacyRequest.id.desc()).limit(1)).first()


def _stage(case: Case) -> int | str:
    timescales = current_app.extensions["council"].timescales
    return cases.state_of(db.session(), case, timescales).stage


def panel(case: Case) -> dict[str, Any]:
    """What the case page's advocacy section needs: the stage, and any request made."""
    asked = latest(case)
    return {
        "stage": "closed" if _stage(case) == CLOSED_STAGE else _stage(case),
        "asked_on": messages.day_in_words(asked.created_at) if asked else None,
        "may_ask": asked is None or asked.handled_at is not None,
    }


# The questions --------------------------------------------------------------------------------


def _progress(case: Case) -> dict[str, Any]:
    """The answers so far, for this case only: another case's never carry over."""
    held = session.get(KEY)
    if not isinstance(held, dict) or held.get("case") != case.id:
        held = {"case": case.id, "answers": {}, "form_id": messages.new_form_id()}
        session[KEY] = held
    return held


def _save(case: Case, answers: dict[str, Any]) -> None:
    held = _progress(case)
    session[KEY] = {**held, "answers": {**held["answers"], **answers}}


def _open_request(case: Case) -> bool:
    asked = latest(case)
    return asked is not None and asked.handled_at is None


@bp.route("/advocate")
@visit.required
def advocate(found: Case) -> ResponseReturnValue:
    if _open_request(found):
        return redirect(url_for("tracking.advocate_sent"))
    answers = _progress(found)["answers"]
    slug = steps.next_missing(found.answers, answers)
    if slug is None:
        return redirect(url_for("tracking.advocate_check"))
    return redirect(url_for("tracking.advocate_question", slug=slug))


def _render_question(case: Case, slug: str, form: Any) -> str:
    fields = form.question_fields()
    errors = [{"text": str(f.errors[0]), "href": error_href(f)} for f in fields if f.errors]
    previous = steps.previous(case.answers, _progress(case)["answers"], slug)
    return render_template(
        "tracking/advocate_question.html",
        title=str(fields[0].label.text),
        components=[component(f, form, heading=i == 0) for i, f in enumerate(fields)],
        action=url_for("tracking.advocate_question", slug=slug),
        back_url=url_for("tracking.advocate_question", slug=previous)
        if previous
        else url_for("tracking.case"),
        errors=errors,
    )


@bp.route("/advocate/<any(who, home, agreement):slug>", methods=["GET", "POST"])
@visit.required
def advocate_question(found: Case, slug: str) -> ResponseReturnValue:
    if _open_request(found):
        return redirect(url_for("tracking.advocate_sent"))
    answers = _progress(found)["answers"]
    if slug not in steps.applicable(found.answers, answers):
        return redirect(url_for("tracking.advocate"))
    form_class = steps.FORMS[slug]
    if request.method != "POST":
        form = form_class(data=answers, case_answers=found.answers)
        return _render_question(found, slug, form)
    form = form_class(case_answers=found.answers)
    if not form.validate():
        return _render_question(found, slug, form)
    _save(found, form.to_answers())
    return redirect(url_for("tracking.advocate"))


# Check and send -------------------------------------------------------------------------------


@bp.route("/advocate/check", methods=["GET", "POST"])
@visit.required
def advocate_check(found: Case) -> ResponseReturnValue:
    held = _progress(found)
    answers = steps.relevant(found.answers, held["answers"])
    if request.method == "POST" and (_open_request(found) or _already(found)):
        return redirect(url_for("tracking.advocate_sent"))
    missing = steps.next_missing(found.answers, answers)
    if missing:
        return redirect(url_for("tracking.advocate_question", slug=missing))
    if request.method != "POST":
        council = current_app.extensions["council"]
        return render_template(
            "tracking/advocate_check.html",
            rows=steps.summary(found.answers, answers),
            checks=[steps.CHECKS[c]() for c in steps.to_check(found.answers, answers)],
            provider=council.advocacy.name,
            form_id=held["form_id"],
        )
    return _send(found, answers)


def _posted_form_id() -> str:
    return messages.new_form_id(request.form.get("form_id"))


def _already(case: Case) -> bool:
    return messages.already_sent(db.session(), case, _posted_form_id())


def _send(case: Case, answers: dict[str, Any]) -> ResponseReturnValue:
    data = db.session()
    posted = _posted_form_id()
    timescales = current_app.extensions["council"].timescales
    checks = steps.to_check(case.answers, answers)
    stored = {**answers, **steps.who(case.answers, answers), "to_check": checks}
    data.add(
        AdvocacyRequest(
            case_id=case.id,
            stage=cases.state_of(data, case, timescales).stage_reached,
            answers=stored,
            created_at=utcnow(),
        )
    )
    messages.record(
        data, case, steps.message_text(case.answers, answers), topic="advocacy", form_id=posted
    )
    queued = team.tell(data, case, _l("The person asked for an advocate"))
    data.flush()
    cases.refresh(data, case, timescales)  # the case list shows "advocacy requested"
    try:
        data.commit()
    except IntegrityError:  # the same form, posted twice at the same moment
        data.rollback()
        return redirect(url_for("tracking.advocate_sent"))
    session.pop(KEY, None)
    notify.deliver_now(data, queued)
    return redirect(url_for("tracking.advocate_sent"))


@bp.route("/advocate/sent")
@visit.required
def advocate_sent(found: Case) -> ResponseReturnValue:
    asked = latest(found)
    if asked is None:
        abort(404)
    return render_template(
        "tracking/advocate_sent.html",
        asked_on=messages.day_in_words(asked.created_at),
        for_child=asked.answers.get("for") == "child",
        name=asked.answers.get("name") or "",
    )
