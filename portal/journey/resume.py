"""'Save and come back later': a resume link by email that is signed, expires and works once.

The link carries a signed ResumeLink id (purpose salt "resume-link"). Opening it (GET) only
shows a button, because mail scanners follow links; the POST spends it, with an UPDATE that
only one request can win. No email address is kept on the link, and the email holds no
answers: it says only where to carry on.

A link lasts RESUME_LINK_DAYS, but never past its draft's own expiry. A link whose row has
gone (cleaned up after it expired) shows the expired page, as does one whose draft has gone.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from flask import (
    Blueprint,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import format_date
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import delete, select, update

from portal import db, notify
from portal.i18n import DEFAULT_LANGUAGE, current_language
from portal.i18n import gettext as _
from portal.i18n import lazy_gettext as _l
from portal.journey import csrf_rerender, drafts
from portal.journey.forms import StepForm, email
from portal.journey.govuk_fields import component, error_href
from portal.models import Case, Draft, OutboxMessage, ResumeLink, aware, new_token, utcnow
from portal.security import limiter

bp = Blueprint("resume", __name__)

SALT = "resume-link"
#: links actually sent per client address; typing mistakes do not count against it
SEND_LIMIT = "5 per hour"
#: session key: the outbox message of the last link sent, so /save/sent can say where it went
SENT = "resume_sent"
#: session keys that are the browser's settings, not a person's data, kept when it changes hands
SETTINGS = ("lang", "mode")

INVALID, EXPIRED, USED, SUBMITTED = "invalid", "expired", "used", "submitted"


class SaveForm(StepForm):
    email = email(_l("We will only use this to send you the link."))


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def _expiry(draft: Draft, now: datetime) -> datetime:
    config = current_app.config
    own = now + timedelta(days=config["RESUME_LINK_DAYS"])
    drafts_end = aware(draft.updated_at) + timedelta(days=config["DRAFT_LIFETIME_DAYS"])
    return min(own, drafts_end)


def _in_words(moment: datetime) -> str:
    return format_date(aware(moment), "d MMMM y")


def _link_url(token: str) -> str:
    language = current_language()
    lang = language if language != DEFAULT_LANGUAGE else None
    path = url_for("resume.resume", token=token, lang=lang)
    return current_app.config["PUBLIC_URL"].rstrip("/") + path


def _email_body(url: str, expires: datetime) -> str:
    council = current_app.extensions["council"]
    return _(
        "You asked %(council)s to save your answers so you can come back to them "
        "later.\n\nUse this link to carry on where you left off:\n%(url)s\n\n"
        "The link works once. It stops working on %(date)s.\n\n"
        "If you did not ask for this email, you can ignore it.\n",
        council=council.name,
        url=url,
        date=_in_words(expires),
    )


def _browser_changes_hands(draft_id: str | None = None) -> None:
    """Forget everything this browser held for the last person (their draft, their last
    case, the CSRF token) except its language and mode; then hold `draft_id`, if given."""
    settings = {key: session[key] for key in SETTINGS if key in session}
    session.clear()
    session.update(settings)
    if draft_id is not None:
        session[drafts.SESSION_KEY] = draft_id
        session.permanent = True


# Sending ------------------------------------------------------------------------------------


def _render_save(form: SaveForm, page_error: str | None = None) -> str:
    field = form.email
    errors = [{"text": str(field.errors[0]), "href": error_href(field)}] if field.errors else []
    if page_error:
        errors.insert(0, {"text": page_error, "href": error_href(field)})
    return render_template(
        "journey/resume_save.html",
        field=component(field, form, heading=False),
        errors=errors,
        back_url=url_for("feedback.resume"),
    )


def _rerender_save() -> str:
    """The form again, with what was typed, after a CSRF failure (the error handler adds 400)."""
    if drafts.current() is None:
        return render_template("errors/400.html")
    return _render_save(
        SaveForm(),
        page_error=_(
            "The link was not sent because this page was open for a long time. "
            "Check your email address and select Send link."
        ),
    )


def _sent_a_link(response: Any) -> bool:
    return response.status_code == 302 and response.location.endswith("/save/sent")


@limiter.limit(SEND_LIMIT, methods=["POST"], deduct_when=_sent_a_link)
def save() -> ResponseReturnValue:
    draft = drafts.current()
    if draft is None:
        return redirect(url_for("pages.start"))
    form = SaveForm()
    if request.method != "POST" or not form.validate():
        return _render_save(form)
    data = db.session()
    now = utcnow()
    # Expired links can go: a valid signature with no row shows the expired page anyway.
    data.execute(delete(ResumeLink).where(ResumeLink.expires_at < now))
    link = ResumeLink(
        id=new_token(32), draft_id=draft.id, created_at=now, expires_at=_expiry(draft, now)
    )
    data.add(link)
    url = _link_url(_serializer().dumps(link.id))
    message = notify.queue(
        data,
        form.email.data,
        _("Continue your complaint, compliment or comment"),
        _email_body(url, link.expires_at),
    )
    data.commit()
    notify.deliver_now(data, [message])
    session[SENT] = message.id
    # The draft's cookie now lasts only until the browser closes: the email is the way back.
    session.permanent = False
    return redirect(url_for("resume.sent"))


def sent() -> ResponseReturnValue:
    draft = drafts.current()
    message_id = session.get(SENT)
    message = (
        db.session().get(OutboxMessage, message_id)
        if isinstance(message_id, int) and draft is not None
        else None
    )
    if draft is None or message is None:
        return redirect(url_for("pages.start"))
    if request.method == "POST":  # "Finish for now": nothing of theirs stays in this browser
        _browser_changes_hands()
        return redirect(url_for("pages.start"))
    link = (
        db.session()
        .scalars(
            select(ResumeLink)
            .where(ResumeLink.draft_id == draft.id)
            .order_by(ResumeLink.created_at.desc())
            .limit(1)
        )
        .first()
    )
    if link is None:
        return redirect(url_for("resume.save"))
    return render_template(
        "journey/resume_sent.html", email=message.to, expires=_in_words(link.expires_at)
    )


# Coming back --------------------------------------------------------------------------------


def _check(token: str) -> tuple[ResumeLink | None, str | None]:
    """The link a token names and, if it cannot be used, why not."""
    try:
        link_id = _serializer().loads(
            token, max_age=current_app.config["RESUME_LINK_DAYS"] * 24 * 3600
        )
    except SignatureExpired:
        return None, EXPIRED
    except BadSignature:
        return None, INVALID
    if not isinstance(link_id, str):
        return None, INVALID
    data = db.session()
    link = data.get(ResumeLink, link_id)
    if link is None:
        return None, EXPIRED
    if link.used_at is not None:
        return link, USED
    if aware(link.expires_at) <= utcnow():
        return link, EXPIRED
    draft = data.get(Draft, link.draft_id)
    if draft is None or drafts._expired(draft, current_app.config["DRAFT_LIFETIME_DAYS"]):
        return link, EXPIRED
    if data.scalars(select(Case.id).where(Case.draft_id == draft.id)).first() is not None:
        return link, SUBMITTED
    return link, None


def _spend(link_id: str) -> bool:
    """Mark the link used. Of two requests at once, exactly one gets True."""
    data = db.session()
    result = data.execute(
        update(ResumeLink)
        .where(ResumeLink.id == link_id, ResumeLink.used_at.is_(None))
        .values(used_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    data.commit()
    return result.rowcount == 1


def _gone(reason: str) -> tuple[str, int]:
    """404 for a link we never made (tampered, or cut short when copied); 410 Gone for one
    that was real but has expired or been used, which is what happened, and tells scanners
    and caches it will not come back. Either way the page says what to do."""
    status = 404 if reason == INVALID else 410
    return render_template("journey/resume_gone.html", reason=reason), status


def _show(token: str, problem: str | None, retry: bool = False) -> tuple[str, int]:
    """The button page, or why the link cannot be used."""
    if problem:
        return _gone(problem)
    errors = []
    if retry:
        errors = [
            {
                "text": _(
                    "Select Continue where you left off again. If you see this message "
                    "again, check that your browser allows cookies."
                ),
                "href": "#continue",
            }
        ]
    return render_template("journey/resume_continue.html", token=token, errors=errors), 200


def resume(token: str) -> ResponseReturnValue:
    link, problem = _check(token)
    if problem == USED and link and session.get(drafts.SESSION_KEY) == link.draft_id:
        return redirect(url_for("feedback.resume"))  # this browser already carried on with it
    if request.method != "POST":
        return _show(token, problem)  # never spends it: mail scanners open links
    if problem or link is None:
        return _gone(problem or INVALID)
    if not _spend(link.id):
        return _gone(USED)
    _browser_changes_hands(link.draft_id)
    return redirect(url_for("feedback.resume"))


bp.add_url_rule("/save", "save", csrf_rerender(save, _rerender_save), methods=["GET", "POST"])
bp.add_url_rule("/save/sent", "sent", sent, methods=["GET", "POST"])
bp.add_url_rule(
    "/resume/<token>",
    "resume",
    csrf_rerender(resume, lambda token: _show(token, _check(token)[1], retry=True)[0]),
    methods=["GET", "POST"],
)
