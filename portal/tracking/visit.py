"""A signed-in tracking visit: the session holds the case id, the link it came from and
when a page was last opened. It ends after TRACKING_IDLE_MINUTES without a page, when the
browser closes, or when the link is revoked; every page of a visit checks all three.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import current_app, redirect, render_template, session, url_for
from flask.typing import ResponseReturnValue

from portal import db
from portal.journey.resume import _browser_changes_hands
from portal.models import Case, TrackingLink
from portal.tracking import tokens

#: session keys of a signed-in visit
CASE, LINK, SEEN = "track_case", "track_link", "track_seen"


def sign_in(link: TrackingLink) -> None:
    _browser_changes_hands()
    session[CASE] = link.case_id
    session[LINK] = link.id
    session[SEEN] = int(time.time())
    session.permanent = False  # closing the browser signs out: family computers are shared


def sign_out() -> None:
    for key in (CASE, LINK, SEEN):
        session.pop(key, None)


def signed_in() -> tuple[Case | None, str | None]:
    """The case this browser is signed in to and, if the visit has ended, why."""
    case_id, link_id, seen = session.get(CASE), session.get(LINK), session.get(SEEN)
    if not isinstance(case_id, int) or not isinstance(link_id, str):
        return None, None
    idle = current_app.config["TRACKING_IDLE_MINUTES"] * 60
    if not isinstance(seen, int) or time.time() - seen > idle:
        return None, "idle"
    data = db.session()
    link_row = data.get(TrackingLink, link_id)
    if tokens.problem(link_row) or link_row is None or link_row.case_id != case_id:
        return None, "ended"
    case = data.get(Case, case_id)
    if case is None:
        return None, "ended"
    session[SEEN] = int(time.time())
    return case, None


def required(view: Callable[..., ResponseReturnValue]) -> Callable[..., ResponseReturnValue]:
    """For a page of a visit: the view gets the case as its first argument. Without a visit,
    the person is sent to ask for a link, or told why their visit ended."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> ResponseReturnValue:
        found, ended = signed_in()
        if found is None:
            if ended:
                sign_out()
                return render_template("tracking/signed_out.html", reason=ended)
            return redirect(url_for("tracking.start"))
        return view(found, *args, **kwargs)

    return wrapper
