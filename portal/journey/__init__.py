"""Intake journeys: screening first, then (later) the complaint itself."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Blueprint, Flask, url_for

from portal.domain import screening


def csrf_rerender(view: Callable[..., Any], rerender: Callable[..., Any]) -> Callable[..., Any]:
    """Mark a view so that a CSRF failure shows the same form again instead of an error page."""

    @wraps(view)
    def wrapper(**kwargs: Any) -> Any:
        return view(**kwargs)

    wrapper.rerender_on_csrf_failure = rerender  # type: ignore[attr-defined]
    return wrapper


def init_app(app: Flask) -> None:
    from portal.journey import submission
    from portal.journey.feedback_steps import COMPLAINT, FEEDBACK
    from portal.journey.screening_steps import SCREENING
    from portal.journey.views import JourneyViews

    blueprint = Blueprint("check", __name__, url_prefix="/check")
    JourneyViews(
        SCREENING,
        exits=tuple(r for r in screening.ROUTES if r != screening.STATUTORY),
        soft_exits=screening.SOFT_ROUTES,
        override_key=screening.override_key,
        before_first=lambda: url_for("feedback.step", slug="kind"),
    ).register(blueprint)
    app.register_blueprint(blueprint)

    feedback = Blueprint("feedback", __name__, url_prefix="/feedback")
    feedback_views = JourneyViews(FEEDBACK, exit_redirects={COMPLAINT: "check.resume"})
    feedback_views.register(feedback)
    feedback.add_url_rule(
        "/submit", "submit", lambda: submission.submit(feedback_views), methods=["POST"]
    )
    feedback.add_url_rule(
        "/confirmation", "confirmation", lambda: submission.confirmation(feedback_views)
    )
    app.register_blueprint(feedback)

    from portal.journey import equality

    equality.init_app(app)
    from portal.journey import resume

    app.register_blueprint(resume.bp)
    from portal.journey import complaint

    complaint.init_app(app)
    app.jinja_env.globals["screening_flags"] = lambda answers: screening.screen(answers).flags
