"""/track: ask for a link, open it, and the signed-in tracking page.

Asking for a link answers the same words whether or not the address is known. A link's GET
shows a button and changes nothing; only the POST signs in. A signed-in visit is the session
holding the case id, the link it came from and when a page was last opened: it ends after
TRACKING_IDLE_MINUTES without a page, when the browser closes, or when the link is revoked.
"""

from __future__ import annotations

from typing import Any

from flask import current_app, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import func, select
from wtforms import ValidationError

from portal import db, notify
from portal.domain.references import display, normalise
from portal.i18n import gettext as _
from portal.i18n import lazy_gettext as _l
from portal.journey import csrf_rerender
from portal.journey.forms import StepForm, email, short_text
from portal.journey.govuk_fields import component, error_href
from portal.models import Case
from portal.security import limiter
from portal.tracking import bp, tokens, visit

#: links actually sent, per email address and per client address; typing mistakes are free
PER_EMAIL_LIMIT = "5 per hour"
PER_ADDRESS_LIMIT = "20 per hour"
#: at most this many cases get a link in one email: the most recent ones
MOST_CASES = 5


class TrackForm(StepForm):
    email = email(_l("Use the email address you gave when you made your complaint."))
    reference = short_text(
        _l("Reference (optional)"),
        _l("This is in the email we sent when you made your complaint, for example BDF-4K7-MZQ."),
        max_chars=20,
        autocomplete="off",
    )

    def validate_reference(self, field: Any) -> None:
        if field.data and normalise(field.data) is None:
            raise ValidationError(
                _l("Enter the reference as it is in the email, like BDF-4K7-MZQ, or leave it out")
            )


# Asking for a link --------------------------------------------------------------------------


def _render_start(form: TrackForm, page_error: str | None = None) -> str:
    errors = [
        {"text": str(field.errors[0]), "href": error_href(field)}
        for field in (form.email, form.reference)
        if field.errors
    ]
    if page_error:
        errors.insert(0, {"text": page_error, "href": error_href(form.email)})
    return render_template(
        "tracking/start.html",
        fields=[component(f, form, heading=False) for f in (form.email, form.reference)],
        errors=errors,
    )


def _rerender_start() -> str:
    return _render_start(
        TrackForm(),
        page_error=_(
            "The link was not sent because this page was open for a long time. "
            "Check your answers and select Send link."
        ),
    )


def _email_key() -> str:
    return "track-email:" + (request.form.get("email") or "").strip().lower()


def _sent_a_link(response: Any) -> bool:
    return response.status_code == 302 and response.location.endswith("/track/sent")


def _matching_cases(address: str, reference: str | None) -> list[Case]:
    query = select(Case).where(
        Case.kind == "complaint",
        func.lower(Case.answers["contact_email"].as_string()) == address.lower(),
    )
    if reference:
        query = query.where(Case.reference == reference)
    query = query.order_by(Case.submitted_at.desc(), Case.id.desc()).limit(MOST_CASES)
    return list(db.session().scalars(query))


def _links_email(links: list[tuple[Case, str]]) -> str:
    council = current_app.extensions["council"]
    lines = [
        _("Reference %(reference)s:\n%(url)s", reference=display(case.reference), url=url)
        for case, url in links
    ]
    return _(
        "You asked %(council)s for a link to follow your complaint.\n\n"
        "%(links)s\n\n"
        "Each link works for %(days)s days. Anyone with the link can see your complaint, "
        "so do not share it.\n\n"
        "If you did not ask for this email, you can ignore it.\n",
        council=council.name,
        links="\n\n".join(lines),
        days=current_app.config["TRACKING_LINK_DAYS"],
    )


@limiter.limit(PER_ADDRESS_LIMIT, methods=["POST"], deduct_when=_sent_a_link)
@limiter.limit(PER_EMAIL_LIMIT, methods=["POST"], key_func=_email_key, deduct_when=_sent_a_link)
def start() -> ResponseReturnValue:
    form = TrackForm()
    if request.method != "POST" or not form.validate():
        return _render_start(form)
    reference = normalise(form.reference.data) if form.reference.data else None
    cases = _matching_cases(form.email.data, reference)
    if cases:
        data = db.session()
        made = [(case, tokens.url(tokens.create(data, case)[1])) for case in cases]
        # To the address on the complaint, as it was given, not as it was typed here.
        to = cases[0].answers["contact_email"]
        message = notify.queue(data, to, _("Follow your complaint"), _links_email(made))
        data.commit()
        notify.deliver_now(data, [message])
    # The same answer either way: the page must not tell anyone whose email we hold.
    return redirect(url_for("tracking.sent"))


def sent() -> ResponseReturnValue:
    return render_template("tracking/sent.html")


# Opening a link -----------------------------------------------------------------------------


def _gone(problem: str) -> tuple[str, int]:
    """404 for a link we never made (tampered, or cut short); 410 for one that was real but
    has expired or been revoked. Either way the page offers a new link."""
    status = 404 if problem == tokens.INVALID else 410
    return render_template("tracking/gone.html", reason=problem), status


def _show(token: str, retry: bool = False) -> tuple[str, int]:
    checked = tokens.check(db.session(), token)
    if checked.problem:
        return _gone(checked.problem)
    errors = []
    if retry:
        errors = [
            {
                "text": _(
                    "Select Continue again. If you see this message again, check that your "
                    "browser allows cookies."
                ),
                "href": "#continue",
            }
        ]
    return render_template("tracking/continue.html", token=tokens.clean(token), errors=errors), 200


def link(token: str) -> ResponseReturnValue:
    if request.method != "POST":
        return _show(token)  # never signs in or changes anything: mail scanners open links
    data = db.session()
    checked = tokens.check(data, token)
    if checked.problem or checked.link is None:
        return _gone(checked.problem or tokens.INVALID)
    tokens.mark_used(data, checked.link)
    data.commit()
    visit.sign_in(checked.link)
    return redirect(url_for("tracking.case"))


# Signed in ----------------------------------------------------------------------------------


def sign_out() -> ResponseReturnValue:
    visit.sign_out()
    return redirect(url_for("tracking.signed_out"))


def sign_out_everywhere() -> ResponseReturnValue:
    found, _ended = visit.signed_in()
    if found is not None:
        data = db.session()
        tokens.revoke_all(data, found.id)
        data.commit()
    visit.sign_out()
    return redirect(url_for("tracking.signed_out", everywhere=1 if found else None))


def signed_out() -> ResponseReturnValue:
    reason = "everywhere" if request.args.get("everywhere") == "1" else "here"
    return render_template("tracking/signed_out.html", reason=reason)


bp.add_url_rule("", "start", csrf_rerender(start, _rerender_start), methods=["GET", "POST"])
bp.add_url_rule("/sent", "sent", sent)
bp.add_url_rule("/sign-out", "sign_out", sign_out, methods=["POST"])
bp.add_url_rule(
    "/sign-out-everywhere", "sign_out_everywhere", sign_out_everywhere, methods=["POST"]
)
bp.add_url_rule("/signed-out", "signed_out", signed_out)
bp.add_url_rule(
    "/<token>",
    "link",
    csrf_rerender(link, lambda token: _show(token, retry=True)[0]),
    methods=["GET", "POST"],
)
