"""The tracking page: the case, its stages with dates, and what the person can do now."""

from __future__ import annotations

from typing import Any

from flask import render_template
from flask.typing import ResponseReturnValue

from portal.domain.references import display
from portal.journey.complaint_steps import Service
from portal.journey.summary import display as answer_in_words
from portal.models import Case
from portal.tracking import advocacy, bp, messages, visit

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


@bp.route("/case")
@visit.required
def case(found: Case) -> ResponseReturnValue:
    return render_template(
        "tracking/case.html",
        reference=display(found.reference),
        service=service(found.answers),
        excerpt=_excerpt(str(found.answers.get("what_happened") or "")),
        messages_panel=messages.panel(found),
        advocacy_panel=advocacy.panel(found),
    )
