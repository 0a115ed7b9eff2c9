"""Telling the complaints team that a person did something on their case.

The email says only what happened and the reference: it goes to a shared mailbox, and the
details are on the case page, behind the staff sign-in.
"""

from __future__ import annotations

from flask import current_app, url_for
from flask_babel import LazyString
from sqlalchemy.orm import Session

from portal import notify
from portal.domain.references import display
from portal.i18n import gettext as _
from portal.i18n import in_english
from portal.models import Case, OutboxMessage


def tell(data: Session, case: Case, what: LazyString) -> list[OutboxMessage]:
    """Queue a note to the complaints team's mailbox, if the council profile gives one. It is
    in English whatever language the person used: `what` is lazy, to be put into words here."""
    council = current_app.extensions["council"]
    address = council.complaints_team.email
    if not address:
        return []
    reference = display(case.reference)
    with in_english():
        subject = _("%(what)s: %(reference)s", what=str(what), reference=reference)
        body = _(
            "%(what)s on complaint %(reference)s.\n\nSee the case: %(url)s\n",
            what=str(what),
            reference=reference,
            url=url_for("staff.home", _external=True),
        )
    return [notify.queue(data, address, subject, body, case_id=case.id)]
