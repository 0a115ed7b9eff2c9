"""Staff roles, and `require(*roles)`, the only way a staff view is reached.

Not signed in (or signed out for being idle): a redirect to the sign-in page. Signed in with
another role: 403. The account is read again on every request, so a deactivated account or a
changed role takes effect at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any

from flask import abort, current_app, g, redirect, session, url_for

from portal import db
from portal.models import StaffUser, utcnow

OFFICER = "officer"
MANAGER = "manager"
INVESTIGATOR = "investigator"
ADMIN = "admin"
EQUALITIES = "equalities"

#: every role, with what it is for
ROLES = {
    OFFICER: "The complaints team",
    MANAGER: "Complaints manager",
    INVESTIGATOR: "Investigating officer or independent person: assigned cases only",
    ADMIN: "Accounts and profile settings",
    EQUALITIES: "Aggregate equality reports only",
}
ALL = tuple(ROLES)

#: session keys for a signed-in member of staff
USER_ID = "staff_user_id"
LAST_SEEN = "staff_last_seen"
#: set when an idle session is ended, so the sign-in page can say why
TIMED_OUT = "staff_timed_out"


def _now_seconds() -> int:
    return int(utcnow().timestamp())


def current_user() -> StaffUser | None:
    """The signed-in member of staff, or None; ends a session that was idle too long."""
    if "staff_user" in g:
        return g.staff_user
    user = None
    user_id = session.get(USER_ID)
    if isinstance(user_id, int):
        idle = timedelta(minutes=current_app.config["STAFF_IDLE_MINUTES"]).total_seconds()
        last_seen = session.get(LAST_SEEN)
        if not isinstance(last_seen, int) or _now_seconds() - last_seen > idle:
            session.pop(USER_ID, None)
            session.pop(LAST_SEEN, None)
            session[TIMED_OUT] = True
        else:
            found = db.session().get(StaffUser, user_id)
            if found is not None and found.active:
                user = found
                session[LAST_SEEN] = _now_seconds()
            else:
                session.pop(USER_ID, None)
                session.pop(LAST_SEEN, None)
    g.staff_user = user
    return user


def require(*roles: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Only these roles may use the view (no roles given: any signed-in member of staff)."""
    unknown = set(roles) - set(ALL)
    if unknown:
        raise ValueError(f"unknown roles: {sorted(unknown)}")

    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            user = current_user()
            if user is None:
                return redirect(url_for("staff.sign_in"))
            if roles and user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        wrapper.staff_roles = roles or ALL  # type: ignore[attr-defined]
        return wrapper

    return decorator
