"""Telling the complaints team that a person did something on their case.

The email says only what happened and the reference: it goes to a shared mailbox, and the
details are on the case page, behind the staff sign-in.
"""

from __future__ import annotations

from flask import current_app, url_for
from sqlalchemy.orm import Session

from portal import notify
from portal.domain.references import display
from portal.i18n import gettext as _
from portal.models import Case, OutboxMessage


def tell(data: Session, case: Case, what: str) -> list[OutboxMessage]:
    """Queue a note to the complaints team's mailbox, if the council profile gives one."""
    council = current_app.extensions["council"]
    address = council.complaints_team.email
    if not address:
        return []
    reference = display(case.reference)
    message = notify.queue(
        data,
        address,
        _("%(what)s: %(reference)s", what=what, reference=reference),
        _(
            "%(what)s on complaint %(reference)s.\n\nSee the case: %(url)s\n",
            what=what,
            reference=reference,
            url=url_for("staff.home", _external=True),
        ),
        case_id=case.id,
    )
    return [message]
