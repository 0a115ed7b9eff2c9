"""Staff sign-in (password, then a TOTP code), sign-out and the staff home page.

Sign-in is two steps. A correct password puts the account's id in the session as pending;
only a correct code from the authenticator app signs in, and then the session starts afresh
(the browser's language and mode kept). Wrong passwords and wrong codes both count towards
the lockout. An unknown email address gets the same message, takes about as long (a dummy
hash is checked) and is counted the same way, so no reply says whether an account exists.
"""

from __future__ import annotations

import hashlib
from typing import Any

import limits
import limits.storage
import limits.strategies
from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired

from portal import db
from portal.domain.references import display
from portal.i18n import gettext as _
from portal.i18n import lazy_gettext as _l
from portal.journey import csrf_rerender
from portal.models import Case, StaffUser, utcnow
from portal.security import limiter
from portal.staff import accounts, audit, roles

bp = Blueprint("staff", __name__, url_prefix="/staff")

#: sign-in attempts (password or code) allowed per client address
SIGN_IN_LIMIT = "10 per minute"
#: session keys: the account that gave a correct password, and when
PENDING, PENDING_AT = "staff_pending", "staff_pending_at"
#: how long after the password the code may be entered
PENDING_SECONDS = 5 * 60
#: session flags for a message on the sign-in page
SIGNED_OUT, LOCKED = "staff_signed_out", "staff_locked"
#: session keys that are the browser's settings, kept when a member of staff signs in or out
SETTINGS = ("lang", "mode")
#: how many of the newest cases the home page lists
NEWEST = 50


class _Form(FlaskForm):
    class Meta:
        csrf = False  # CSRFProtect checks every POST before the view runs


class SignInForm(_Form):
    email = StringField(_l("Email address"), [DataRequired(_l("Enter your email address"))])
    password = PasswordField(_l("Password"), [DataRequired(_l("Enter your password"))])


class CodeForm(_Form):
    code = StringField(
        _l("Code"),
        [DataRequired(_l("Enter the 6-digit code from your authenticator app"))],
        description=_l("The 6-digit code from your authenticator app, like 123456."),
    )


def _fresh_session(**values: Any) -> None:
    settings = {key: session[key] for key in SETTINGS if key in session}
    session.clear()
    session.update(settings)
    session.update(values)


def _now() -> int:
    return int(utcnow().timestamp())


def _wrong_credentials() -> str:
    return _("Enter a correct email address and password")


def _locked_message() -> str:
    return _(
        "There have been too many wrong attempts to sign in. Wait %(minutes)s minutes, "
        "then try again.",
        minutes=current_app.config["STAFF_LOCKOUT_MINUTES"],
    )


def _unknown_address_locked(email: str) -> bool:
    """Count a failure for an address with no account, as an account's would be counted, so
    the lockout message cannot tell anyone which addresses have accounts."""
    config = current_app.config
    item = limits.parse(
        f"{max(config['STAFF_LOCKOUT_ATTEMPTS'] - 1, 1)} per "
        f"{config['STAFF_LOCKOUT_MINUTES']} minutes"
    )
    key = hashlib.sha256(accounts.normalise_email(email).encode()).hexdigest()
    counter = current_app.extensions.get("staff_unknown_addresses")
    if counter is None:  # the rate limits' storage, but not switched off with them
        storage = limits.storage.storage_from_string(config["RATELIMIT_STORAGE_URI"])
        counter = limits.strategies.MovingWindowRateLimiter(storage)
        current_app.extensions["staff_unknown_addresses"] = counter
    return not counter.hit(item, "staff-sign-in", key)


# Sign in: email address and password ----------------------------------------------------------


def _render_sign_in(form: SignInForm, problem: str | None = None, notice: str | None = None) -> str:
    errors = []
    if problem:
        errors.append({"text": problem, "href": "#email"})
    else:
        for name in ("email", "password"):
            if form[name].errors:
                errors.append({"text": str(form[name].errors[0]), "href": f"#{name}"})
    return render_template("staff/sign_in.html", form=form, errors=errors, notice=notice)


def _rerender_sign_in() -> str:
    return _render_sign_in(
        SignInForm(),
        problem=_("You were not signed in because the page was open for a long time. Try again."),
    )


@limiter.limit(SIGN_IN_LIMIT, methods=["POST"])
def sign_in() -> ResponseReturnValue:
    if request.method != "POST":
        if roles.current_user() is not None:
            return redirect(url_for("staff.home"))
        notice = None
        if session.pop(roles.TIMED_OUT, False):
            notice = _(
                "You were signed out because you had not used the portal for %(minutes)s minutes.",
                minutes=current_app.config["STAFF_IDLE_MINUTES"],
            )
        elif session.pop(SIGNED_OUT, False):
            notice = _("You have signed out.")
        problem = _locked_message() if session.pop(LOCKED, False) else None
        return _render_sign_in(SignInForm(formdata=None), problem=problem, notice=notice)
    form = SignInForm()
    if not form.validate():
        return _render_sign_in(form)
    config = current_app.config
    data = db.session()
    user = accounts.find(data, form.email.data)
    password = form.password.data
    if user is None or not user.active:
        accounts.burn_time(password)
        locked = _unknown_address_locked(form.email.data)
        audit.log(data, None, "sign_in.failed", email=form.email.data.strip().lower()[:320])
        data.commit()
        return _render_sign_in(form, _locked_message() if locked else _wrong_credentials())
    if accounts.is_locked(user):
        accounts.burn_time(password)
        audit.log(data, user, "sign_in.locked")
        data.commit()
        return _render_sign_in(form, _locked_message())
    if not accounts.verify_password(user.password_hash, password):
        accounts.record_failure(
            user, config["STAFF_LOCKOUT_ATTEMPTS"], config["STAFF_LOCKOUT_MINUTES"]
        )
        audit.log(data, user, "sign_in.failed", step="password")
        data.commit()
        return _render_sign_in(
            form, _locked_message() if accounts.is_locked(user) else _wrong_credentials()
        )
    session.pop(roles.USER_ID, None)
    session[PENDING], session[PENDING_AT] = user.id, _now()
    return redirect(url_for("staff.code"))


# Sign in: the code from the authenticator app -------------------------------------------------


def _pending_user() -> StaffUser | None:
    user_id, at = session.get(PENDING), session.get(PENDING_AT)
    if not isinstance(user_id, int) or not isinstance(at, int) or _now() - at > PENDING_SECONDS:
        return None
    user = db.session().get(StaffUser, user_id)
    return user if user is not None and user.active else None


def _render_code(form: CodeForm, problem: str | None = None) -> str:
    errors = []
    if problem or form.code.errors:
        errors.append({"text": problem or str(form.code.errors[0]), "href": "#code"})
    return render_template("staff/sign_in_code.html", form=form, errors=errors)


def _rerender_code() -> ResponseReturnValue:
    return _render_code(
        CodeForm(formdata=None),
        problem=_("The page was open for a long time. Enter a new code from your app."),
    )


@limiter.limit(SIGN_IN_LIMIT, methods=["POST"])
def code() -> ResponseReturnValue:
    user = _pending_user()
    if user is None:
        session.pop(PENDING, None)
        session.pop(PENDING_AT, None)
        return redirect(url_for("staff.sign_in"))
    form = CodeForm()
    if request.method != "POST":
        return _render_code(CodeForm(formdata=None))
    if not form.validate():
        return _render_code(form)
    config = current_app.config
    data = db.session()
    if accounts.is_locked(user) or not accounts.verify_code(user, form.code.data):
        if not accounts.is_locked(user):
            accounts.record_failure(
                user, config["STAFF_LOCKOUT_ATTEMPTS"], config["STAFF_LOCKOUT_MINUTES"]
            )
        audit.log(data, user, "sign_in.failed", step="code")
        data.commit()
        if accounts.is_locked(user):
            _fresh_session(**{LOCKED: True})
            return redirect(url_for("staff.sign_in"))
        return _render_code(form, _("Enter the correct code from your authenticator app"))
    accounts.record_success(user)
    audit.log(data, user, "sign_in")
    data.commit()
    _fresh_session(**{roles.USER_ID: user.id, roles.LAST_SEEN: _now()})
    return redirect(url_for("staff.home"))


def sign_out() -> ResponseReturnValue:
    user = roles.current_user()
    if user is not None:
        data = db.session()
        audit.log(data, user, "sign_out")
        data.commit()
    _fresh_session(**{SIGNED_OUT: True})
    return redirect(url_for("staff.sign_in"))


# Home -----------------------------------------------------------------------------------------


@roles.require()
def home() -> ResponseReturnValue:
    user = roles.current_user()
    assert user is not None
    data = db.session()
    cases: list[dict[str, Any]] = []
    accounts_list: list[StaffUser] = []
    if user.role in (roles.OFFICER, roles.MANAGER):
        newest = data.scalars(
            select(Case).order_by(Case.submitted_at.desc(), Case.id.desc()).limit(NEWEST)
        )
        cases = [
            {"reference": display(c.reference), "kind": c.kind, "submitted": c.submitted_at}
            for c in newest
        ]
    elif user.role == roles.ADMIN:
        accounts_list = list(data.scalars(select(StaffUser).order_by(StaffUser.email)))
    return render_template(
        "staff/home.html",
        user=user,
        role_name=roles.ROLES[user.role],
        cases=cases,
        accounts=accounts_list,
        newest=NEWEST,
    )


bp.add_url_rule(
    "/sign-in", "sign_in", csrf_rerender(sign_in, _rerender_sign_in), methods=["GET", "POST"]
)
bp.add_url_rule(
    "/sign-in/code", "code", csrf_rerender(code, _rerender_code), methods=["GET", "POST"]
)
bp.add_url_rule("/sign-out", "sign_out", sign_out, methods=["POST"])
bp.add_url_rule("/", "home", home)
