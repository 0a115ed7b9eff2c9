"""Optional equality questions, between check your answers and the confirmation page.

The complaint submission calls `offer(next_url)` once it has made the case, and sends the person
to the URL it returns: an introduction that says the questions are optional, why we ask them and
that the answers do not affect the complaint, with a choice to answer or skip. Either way the
person ends up at next_url.

Answers go to their own table (models.EqualityResponse), through an answer store for the
generic journey views, never to the drafts table or the cookie: the session holds only the
offer (where to go next) and the random id of the person's row. Nothing ties that row to the
case, and it is read back only as counts, by `counts()`, with small numbers suppressed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, datetime
from functools import wraps
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import flask
from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import select
from sqlalchemy.orm import Session

from portal import db
from portal.i18n import gettext as _
from portal.i18n import lazy_gettext as _l
from portal.journey import csrf_rerender
from portal.journey.engine import Position, Step
from portal.journey.equality_steps import EQUALITY, QUESTIONS
from portal.journey.forms import StepForm, choice, radio
from portal.journey.govuk_fields import component, error_href
from portal.journey.views import JourneyViews
from portal.models import EqualityResponse, new_token

#: session key: where to go after the questions; present only while the offer stands
OFFER = "equality_offer"
#: session key: the id of this person's EqualityResponse row, once they answer one question
RESPONSE = "equality"
#: counts below this are reported as None ("fewer than 5")
SUPPRESS_BELOW = 5
LONDON = ZoneInfo("Europe/London")


# The offer ------------------------------------------------------------------------------------


def is_local_path(url: object) -> bool:
    """True for a path on this site ("/complaint/confirmation"), false for anything a browser
    could take elsewhere: "//host", "https://host", "/\\host", or control characters."""
    if not isinstance(url, str) or not url.startswith("/") or url.startswith("//"):
        return False
    if "\\" in url or any(ord(c) < 32 or ord(c) == 127 for c in url):
        return False
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc


def offer(next_url: str) -> str:
    """Let this visitor answer the equality questions now, then go on to next_url.

    Call it after the case is made; redirect to the URL it returns. next_url must be a path on
    this site (ValueError otherwise). Each offer starts a fresh response, so two complaints
    from one browser never share one.
    """
    if not is_local_path(next_url):
        raise ValueError(f"next_url must be a local path, not {next_url!r}")
    flask.session[OFFER] = next_url
    flask.session.pop(RESPONSE, None)
    return url_for("equality.start")


def _offered() -> bool:
    return OFFER in flask.session


def _finish() -> ResponseReturnValue:
    """End the offer, answered or skipped, and go where the submission asked."""
    next_url = flask.session.pop(OFFER, None)
    flask.session.pop(RESPONSE, None)
    return redirect(next_url if is_local_path(next_url) else url_for("pages.start"))


def _needs_offer(view: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(view)
    def wrapper(**kwargs: Any) -> Any:
        if not _offered():
            return redirect(url_for("pages.start"))
        return view(**kwargs)

    return wrapper


# Where the answers live -----------------------------------------------------------------------


def this_month() -> date:
    return datetime.now(LONDON).date().replace(day=1)


class EqualityStore:
    """Answers in an EqualityResponse row; the session holds only the row's id."""

    def _row(self) -> EqualityResponse | None:
        row_id = flask.session.get(RESPONSE)
        if not isinstance(row_id, str) or not 20 <= len(row_id) <= 64:
            return None
        return db.session().get(EqualityResponse, row_id)

    def answers(self) -> dict[str, Any]:
        row = self._row()
        return dict(row.answers) if row else {}

    def save(self, new_answers: dict[str, Any]) -> EqualityResponse:
        row = self._row()
        if row is None:
            row = EqualityResponse(
                id=new_token(32),
                council=current_app.extensions["council"].id,
                submitted_month=this_month(),
                answers={},
            )
            db.session().add(row)
            flask.session[RESPONSE] = row.id
        answers = {**row.answers, **new_answers}
        # Keep no answer to a question that no longer applies: if someone changes their age
        # to under 16, their earlier answer about sexual orientation goes.
        for step in EQUALITY.steps:
            if not step.applies(answers):
                for key in step.answer_keys:
                    answers.pop(key, None)
        row.answers = answers
        db.session().commit()
        return row


# Pages ----------------------------------------------------------------------------------------


class Intro(StepForm):
    answer = radio(
        _l("Do you want to answer the equality questions?"),
        [
            choice("yes", _l("Yes, answer the equality questions (takes 2 minutes)")),
            choice("no", _l("No, skip the equality questions")),
        ],
        _l("Select yes if you want to answer the equality questions"),
        _l("These questions are optional. Your answers will not affect your complaint."),
    )


class EqualityViews(JourneyViews):
    """The generic step views, with an introduction in place of resume, and the end going on
    to wherever the offer said rather than to a summary page."""

    def _back_url(self, position: Position, step: Step, return_to: str | None) -> str:
        if return_to is None and position.previous(step) is None:
            return url_for("equality.start")
        return super()._back_url(position, step, return_to)

    def start(self, page_error: str | None = None) -> ResponseReturnValue:
        form = Intro()
        if request.method == "POST" and page_error is None and form.validate():
            if form.answer.data == "no":
                return _finish()
            return redirect(self.position_url(self.journey.walk(self.store.answers())))
        messages = [page_error] if page_error else [str(e) for e in form.answer.errors]
        return render_template(
            "journey/equality_start.html",
            question=component(form.answer, form, heading=False),
            errors=[{"text": text, "href": error_href(form.answer)} for text in messages],
        )

    def start_after_csrf_failure(self) -> ResponseReturnValue:
        if not _offered():
            return render_template("errors/400.html")
        return self.start(
            page_error=_(
                "Your answer was not saved because this page was open for a long "
                "time. Check your answer and select Continue."
            )
        )

    def step_after_csrf_failure(self, slug: str) -> str:
        if not _offered():
            return render_template("errors/400.html")
        return self.rerender_after_csrf_failure(slug)

    def result(self) -> ResponseReturnValue:
        position = self.journey.walk(self.store.answers())
        if not position.complete:
            return redirect(self.position_url(position))
        return _finish()

    def register(self, blueprint: Blueprint) -> None:
        start = csrf_rerender(_needs_offer(self.start), self.start_after_csrf_failure)
        blueprint.add_url_rule("/", "start", start, methods=["GET", "POST"])
        step = csrf_rerender(_needs_offer(self.step), self.step_after_csrf_failure)
        blueprint.add_url_rule("/<slug>", "step", step, methods=["GET", "POST"])
        blueprint.add_url_rule("/finish", "result", _needs_offer(self.result))


def init_app(app: flask.Flask) -> None:
    blueprint = Blueprint("equality", __name__, url_prefix="/equality")
    EqualityViews(EQUALITY, store=EqualityStore()).register(blueprint)
    app.register_blueprint(blueprint)


# Reporting ------------------------------------------------------------------------------------


def counts(
    session: Session, council: str, start: date, end: date
) -> dict[str, dict[str, int | None]]:
    """How many people gave each answer to each question: question -> option -> count.

    Counts responses given in the months from start's month to end, inclusive (responses keep
    only their month, so a reporting year is date(2026, 4, 1) to date(2027, 3, 31)). Every
    option of every question is listed, so a report's shape never reveals anything; a count
    below 5, including 0, is None, to be shown as "fewer than 5". Only answers on the
    person's own path count (an answer to a question that does not apply to them is ignored),
    and free-text descriptions are never counted or returned. If a report also shows totals,
    it must suppress enough others that a hidden count cannot be worked out by subtraction.
    """
    rows = session.scalars(
        select(EqualityResponse.answers).where(
            EqualityResponse.council == council,
            EqualityResponse.submitted_month >= start.replace(day=1),
            EqualityResponse.submitted_month <= end,
        )
    )
    tally: dict[str, Counter[str]] = {question: Counter() for question in QUESTIONS}
    for answers in rows:
        for step in EQUALITY.steps:
            value = answers.get(step.id)
            if isinstance(value, str) and step.applies(answers):
                tally[step.id][value] += 1
    return {
        step.id: {option: _suppress(tally[step.id][option]) for option in _options(step)}
        for step in EQUALITY.steps
    }


def _options(step: Step) -> list[str]:
    """A question's options, in the order asked."""
    return [option.value for option in getattr(step.form, step.id).kwargs["choices"]]


def _suppress(count: int) -> int | None:
    return count if count >= SUPPRESS_BELOW else None
