"""Messages between the person and the council: the conversation, and sending one.

The list is the case's history as the person sees it, so messages other pages write (asking
what is happening, escalating, withdrawing, asking for an advocate) appear here too, each
under a heading saying what it was. Sending is idempotent by a one-time form id that a
unique index guards: the session alone cannot stop two posts sent at the same moment.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from flask import (
    current_app,
    flash,
    get_flashed_messages,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import format_date
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from wtforms import MultipleFileField, TextAreaField

from portal import db, notify
from portal.domain.references import display
from portal.i18n import gettext as _
from portal.i18n import lazy_gettext as _l
from portal.journey import csrf_rerender, evidence
from portal.journey.forms import StepForm
from portal.journey.govuk_fields import component, error_href
from portal.models import Case, CaseFile, CaseMessage, ContactRestriction, aware, utcnow
from portal.tracking import bp, team, visit

LONDON = ZoneInfo("Europe/London")
MAX_CHARS = 5000
PERSON, COUNCIL = "person", "council"
#: what the flash after sending says, for the list page to show the success banner
SENT = "message-sent"
#: the way of contact a restriction names when the person may not send messages here
RESTRICTED_CHANNEL = "tracking_messages"
_FORM_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


# Reading --------------------------------------------------------------------------------------


def history_label(topic: str) -> str | None:
    """The heading of a message another page wrote, so the history reads as what happened.
    None for an ordinary message, which is headed by who sent it."""
    labels = {
        "chase": lambda: _("You asked what is happening"),
        "stage2": lambda: _("You asked to move to stage 2"),
        "stage3": lambda: _("You asked to move to stage 3, a review panel"),
        "withdrawal": lambda: _("You withdrew your complaint"),
        "advocacy": lambda: _("You asked for an advocate"),
    }
    label = labels.get(topic)
    return label() if label else None


def when_in_words(moment: datetime) -> str:
    """'3 March 2026 at 2:05pm', in London time, as GOV.UK writes dates and times."""
    local = aware(moment).astimezone(LONDON)
    if (local.hour, local.minute) == (12, 0):
        time = _("midday")
    elif (local.hour, local.minute) == (0, 0):
        time = _("midnight")
    else:
        suffix = _("am") if local.hour < 12 else _("pm")
        time = f"{(local.hour % 12) or 12}:{local.minute:02d}{suffix}"
    return _("%(date)s at %(time)s", date=format_date(local.date(), "d MMMM y"), time=time)


def day_in_words(moment: datetime) -> str:
    return format_date(aware(moment).astimezone(LONDON).date(), "d MMMM y")


def size_in_words(size: int) -> str:
    if size >= evidence.MIB:
        return _("%(size)s MB", size=f"{size / evidence.MIB:.1f}")
    return _("%(size)s KB", size=(size + 1023) // 1024)


def _unread(case: Case) -> Any:
    return (
        CaseMessage.case_id == case.id,
        CaseMessage.sender == COUNCIL,
        CaseMessage.read_at.is_(None),
    )


def panel(case: Case) -> dict[str, Any]:
    """What the case page's messages section needs: how many there are, how many are new."""
    data = db.session()
    total = data.scalar(select(func.count()).where(CaseMessage.case_id == case.id))
    unread = data.scalar(select(func.count()).where(*_unread(case)))
    return {"total": total or 0, "unread": unread or 0}


def _shown(message: CaseMessage, council_name: str) -> dict[str, Any]:
    sender = _("You") if message.sender == PERSON else council_name
    return {
        "id": message.id,
        "heading": history_label(message.topic) or sender,
        "sender": sender,
        "when": when_in_words(message.created_at),
        "body": message.body,
        "new": message.sender == COUNCIL and message.read_at is None,
        "files": [{"name": f.name, "size": size_in_words(f.size)} for f in message.files],
    }


@bp.route("/messages")
@visit.required
def messages(found: Case) -> ResponseReturnValue:
    data = db.session()
    rows = list(
        data.scalars(
            select(CaseMessage)
            .where(CaseMessage.case_id == found.id)
            .order_by(CaseMessage.created_at, CaseMessage.id)
        )
    )
    council = current_app.extensions["council"]
    page = render_template(
        "tracking/messages.html",
        items=[_shown(m, council.name) for m in rows],
        reference=display(found.reference),
        sent=SENT in get_flashed_messages(),
    )
    # Shown as new once; read from now on.
    now = utcnow()
    for row in rows:
        if row.sender == COUNCIL and row.read_at is None:
            row.read_at = now
    data.commit()
    return page


# Writing --------------------------------------------------------------------------------------


def new_form_id(posted: str | None = None) -> str:
    """The posted one-time form id if it is one we could have made, else a fresh one."""
    return posted if posted and _FORM_ID.match(posted) else secrets.token_urlsafe(24)


def already_sent(data: Session, case: Case, form_id: str) -> bool:
    found = data.scalar(
        select(CaseMessage.id).where(CaseMessage.case_id == case.id, CaseMessage.form_id == form_id)
    )
    return found is not None


def record(
    data: Session, case: Case, body: str, topic: str = "message", form_id: str | None = None
) -> CaseMessage:
    """Add a message from the person. The caller commits; an IntegrityError at commit means
    the same form was sent already (see already_sent), and is not a failure."""
    message = CaseMessage(
        case_id=case.id, sender=PERSON, topic=topic, body=body, created_at=utcnow(), form_id=form_id
    )
    data.add(message)
    return message


class MessageForm(StepForm):
    message = TextAreaField(_l("Send a message"), render_kw={"max_chars": MAX_CHARS})
    files = MultipleFileField(_l("Add files (optional)"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limits = current_app.extensions["council"].evidence
        self.message.description = _(
            "Write to the complaints team about your complaint. They will reply here, and "
            "may also contact you in the ways you asked."
        )
        self.files.description = _(
            "For example, letters, photos or recordings. You can add up to %(files)s files, "
            "each smaller than %(size)sMB, and select several at once.",
            files=limits.max_files,
            size=limits.max_file_mb,
        )
        self.uploads: list[evidence.Upload] = []

    def text(self) -> str:
        return (self.message.data or "").replace("\r\n", "\n")

    def check(self) -> bool:
        """The text and the files, with the evidence step's rules and messages."""
        self.validate()
        limits = current_app.extensions["council"].evidence
        limit = limits.max_file_mb * evidence.MIB
        self.uploads = [
            evidence.Upload.read(f.filename, f.stream, limit)
            for f in request.files.getlist(self.files.name)
            if f.filename
        ]
        if len(self.text()) > MAX_CHARS:
            self.message.errors.append(_("Your message must be 5,000 characters or fewer"))
        elif not self.text().strip() and not self.uploads:
            self.message.errors.append(_("Enter your message or add a file"))
        if self.uploads:
            self.files.errors.extend(p.message for p in evidence.check(self.uploads, limits))
        return not (self.message.errors or self.files.errors)


def _render_new(form: MessageForm, form_id: str, page_error: str | None = None) -> str:
    fields = (form.message, form.files)
    errors = [{"text": str(e), "href": error_href(f)} for f in fields for e in f.errors]
    if page_error:
        errors.insert(0, {"text": page_error, "href": error_href(form.message)})
    return render_template(
        "tracking/message_new.html",
        title=str(form.message.label.text),
        message_field=component(form.message, form, heading=True),
        files_field=component(form.files, form, heading=False),
        form_id=form_id,
        errors=errors,
    )


def _store(form: MessageForm) -> list[evidence.StoredFile] | None:
    """Write the checked files; None (with the error shown) if the disk failed."""
    upload_dir = Path(current_app.config["UPLOAD_DIR"])
    stored: list[evidence.StoredFile] = []
    try:
        for upload in form.uploads:
            stored.append(evidence.store(upload, upload_dir))
    except OSError:
        _forget(stored)
        limits = current_app.extensions["council"].evidence
        form.files.errors.append(evidence.file_problem("failed", limits).message)
        return None
    return stored


def _forget(stored: list[evidence.StoredFile]) -> None:
    for file in stored:
        evidence.delete_stored(Path(current_app.config["UPLOAD_DIR"]), file.stored_name)


def restrictions(case: Case) -> list[ContactRestriction]:
    """The contact restrictions in force (portal.staff.restrictions), for the case page's
    notice. Only sending messages is ever refused for one; nothing else here is."""
    query = select(ContactRestriction).where(
        ContactRestriction.case_id == case.id, ContactRestriction.lifted_at.is_(None)
    )
    return list(db.session().scalars(query.order_by(ContactRestriction.id)))


def _refusal(case: Case) -> str | None:
    """The explanation instead of the form, while a restriction limits messages."""
    limiting = [r for r in restrictions(case) if RESTRICTED_CHANNEL in r.channels]
    if not limiting:
        return None
    return render_template(
        "tracking/message_new.html",
        title=_("You cannot send messages here at the moment"),
        restrictions=limiting,
    )


def _sent() -> ResponseReturnValue:
    flash(SENT)
    return redirect(url_for("tracking.messages"))


@visit.required
def new_message(found: Case) -> ResponseReturnValue:
    if (refused := _refusal(found)) is not None:
        return refused, 200 if request.method == "GET" else 403
    form = MessageForm()
    form_id = new_form_id(request.form.get("form_id"))
    if request.method != "POST":
        return _render_new(form, form_id)
    data = db.session()
    if already_sent(data, found, form_id):
        return _sent()  # a refresh or a second click: the first post did it
    if not form.check() or (stored := _store(form)) is None:
        return _render_new(form, form_id)
    message = record(data, found, form.text() if form.text().strip() else "", form_id=form_id)
    for file in stored:
        message.files.append(
            CaseFile(
                case_id=found.id,
                stored=file.stored_name,
                name=file.original_name,
                kind=file.kind,
                size=file.size,
                created_at=utcnow(),
            )
        )
    queued = team.tell(data, found, _l("The person sent a message"))
    try:
        data.commit()
    except IntegrityError:  # the same form, posted twice at the same moment
        data.rollback()
        _forget(stored)
        return _sent()
    notify.deliver_now(data, queued)
    return _sent()


def _rerender_new() -> ResponseReturnValue:
    found, ended = visit.signed_in()
    if found is None:
        return render_template("tracking/signed_out.html", reason=ended or "ended")
    if (refused := _refusal(found)) is not None:
        return refused
    return _render_new(
        MessageForm(),
        new_form_id(request.form.get("form_id")),
        page_error=_(
            "Your message was not sent because this page was open for a long time. "
            "Add any files again and select Send message."
        ),
    )


bp.add_url_rule(
    "/messages/new",
    "new_message",
    csrf_rerender(new_message, _rerender_new),
    methods=["GET", "POST"],
)
