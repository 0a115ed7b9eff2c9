"""The tracking page: the case, its stages with dates, and what the person can do now."""

from __future__ import annotations

from typing import Any

from flask import current_app, render_template
from flask.typing import ResponseReturnValue
from markupsafe import Markup, escape

from portal import cases, db
from portal.councils import Council
from portal.domain.references import display
from portal.domain.stages import CaseState
from portal.journey.complaint_steps import Service
from portal.journey.summary import display as answer_in_words
from portal.models import Case
from portal.tracking import actions, advocacy, bp, messages, progress, visit

EXCERPT_CHARS = 200


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= EXCERPT_CHARS:
        return text
    return text[:EXCERPT_CHARS].rsplit(" ", 1)[0] + "…"


def service(answers: dict[str, Any]) -> str:
    """The service or team the complaint is about, in words."""
    if answers.get("service") == "other" and answers.get("service_other"):
        return str(answers["service_other"])
    return answer_in_words(Service(formdata=None).service, answers)


def _stage_items(state: CaseState, council: Council) -> list[dict[str, Any]]:
    """GOV.UK task list items: each stage, its status and what has happened in it."""
    items = []
    for row in progress.stages(state, council):
        lines = [escape(line) for line in row.lines]
        item: dict[str, Any] = {
            "title": {"text": row.title},
            "status": {"tag": progress.status_tag(row.status)},
        }
        if lines:
            item["hint"] = {"html": Markup("<br>").join(lines)}
        items.append(item)
    return items


@bp.route("/case")
@visit.required
def case(found: Case) -> ResponseReturnValue:
    council = current_app.extensions["council"]
    state = cases.state_of(db.session(), found, council.timescales)
    return render_template(
        "tracking/case.html",
        reference=display(found.reference),
        service=service(found.answers),
        excerpt=_excerpt(str(found.answers.get("what_happened") or "")),
        state=state,
        due=progress.due(state),
        notices=progress.notices(state),
        stage_items=_stage_items(state, council),
        next_stage=actions.next_stage(state),
        messages_panel=messages.panel(found),
        restrictions=messages.restrictions(found),
        advocacy_panel=advocacy.panel(found),
    )
