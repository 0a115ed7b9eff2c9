"""/dev/outbox: every email and text the portal has queued, for a developer to read and click.

Registered only when the app runs in debug mode or DEV_OUTBOX is on, and never when
PORTAL_ENV=production: it shows anyone who can reach it everybody's messages, links included.
"""

from __future__ import annotations

import re

from flask import Blueprint, Flask, render_template
from markupsafe import Markup, escape
from sqlalchemy import select

from portal import db
from portal.models import OutboxMessage

#: a link in text that has already been escaped: "&amp;" may be part of it, any other entity
#: ("&lt;", "&#39;", ...) ends it, as does a full stop or bracket at its end
_LINK = re.compile(r"https?://(?:[^\s&<>\"']|&amp;)+")
_TRAILING = ".,;:)]"
#: the newest this many; older ones are still in the database
LIMIT = 200

bp = Blueprint("dev", __name__, url_prefix="/dev")


def linkify(text: str) -> Markup:
    """`text` escaped, with its http(s) addresses made into links. Escaping comes first, so
    nothing in the text can become markup; the address in href is the escaped text itself."""

    def link(match: re.Match[str]) -> str:
        url = match.group(0).rstrip(_TRAILING)
        rest = match.group(0)[len(url) :]
        return f'<a class="govuk-link" href="{url}">{url}</a>{rest}'

    return Markup(_LINK.sub(link, str(escape(text))))


def paragraphs(text: str) -> Markup:
    """A plain-text body as GOV.UK paragraphs, line breaks kept, links clickable."""
    blocks = [block for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]
    return Markup("\n").join(
        Markup('<p class="govuk-body">{}</p>').format(
            Markup("<br>\n").join(linkify(line) for line in block.splitlines())
        )
        for block in blocks
    )


def status(message: OutboxMessage) -> str:
    if message.sent_at is not None:
        return "Sent"
    if message.given_up_at is not None:
        return "Given up"
    if message.attempts:
        return "Failed, will try again"
    return "Waiting"


@bp.get("/outbox")
def outbox() -> str:
    messages = db.session().scalars(
        select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(LIMIT)
    )
    return render_template(
        "dev/outbox.html",
        messages=list(messages),
        limit=LIMIT,
        status=status,
        paragraphs=paragraphs,
    )


def init_app(app: Flask) -> None:
    """Add /dev/outbox in development when asked for (debug mode or DEV_OUTBOX)."""
    if app.config["PORTAL_ENV"] == "production":
        return
    if app.debug or app.config.get("DEV_OUTBOX"):
        app.register_blueprint(bp)
