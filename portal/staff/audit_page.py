"""The audit log, for complaints managers: who did what, to which case, and when.

Read only: the page has no form that posts, and nothing here writes to the log except the
entry that says the log was viewed. Newest first, 50 to a page, filtered by a GET form (case
reference, staff email address, action, a range of days in UK time), so a filtered view is a
link. Entries outlive purged cases (portal.retention): those show the reference, unlinked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from flask import render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import format_decimal
from sqlalchemy import ColumnElement, and_, func, select

from portal import db
from portal.domain import calendar
from portal.domain.references import display, normalise
from portal.i18n import gettext as _
from portal.i18n import lazy_gettext as _l
from portal.i18n import ngettext
from portal.models import AuditEntry, Case, StaffUser
from portal.staff import audit, paging, roles
from portal.staff.views import bp

PER_PAGE = 50

#: the actions in words; an action not here is shown as it is stored
ACTIONS = {
    "case.viewed": _l("Viewed the case"),
    "case.event_recorded": _l("Recorded an event"),
    "case.replied": _l("Replied to the person"),
    "case.assigned": _l("Assigned the case"),
    "case.links_revoked": _l("Stopped the tracking links"),
    "case.decided": _l("Made a decision on a triage flag"),
    "case.split_from": _l("Split a part off into a case of its own"),
    "case.file_downloaded": _l("Downloaded a file"),
    "case.restriction_added": _l("Restricted how the person can contact the council"),
    "case.restriction_lifted": _l("Lifted a contact restriction"),
    "case.created": _l("Entered a complaint for the person"),
    "case.purged": _l("Deleted the case at the end of its retention period"),
    "report.viewed": _l("Viewed a report"),
    "cases.searched": _l("Searched the cases"),
    "sign_in": _l("Signed in"),
    "sign_in.failed": _l("Failed to sign in"),
    "sign_in.locked": _l("Tried to sign in while locked out"),
    "sign_out": _l("Signed out"),
    "staff.code_shown": _l("Had a demo account's sign-in code shown"),
    "audit.viewed": _l("Viewed the audit log"),
}


def action_words(action: str, detail: dict[str, str]) -> str:
    """What happened, in words: 'Recorded an event: stage 1 response sent'."""
    words = str(ACTIONS.get(action, action))
    if action == "case.event_recorded" and detail.get("kind"):
        kind = re.sub(r"stage(\d)", r"stage \1", detail["kind"]).replace("_", " ")
        words = _("%(words)s: %(kind)s", words=words, kind=kind)
    return words


def _last_sunday(year: int, month: int) -> datetime:
    end = datetime(year, month, 31, 1)
    return end - timedelta(days=(end.weekday() + 1) % 7)


def _london(at: datetime) -> datetime:
    """UK time, by the rule portal.domain.calendar.london_date uses (no tzdata needed):
    summer time from 01:00 UTC on the last Sunday of March to the last Sunday of October."""
    utc = (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(UTC).replace(tzinfo=None)
    summer = _last_sunday(utc.year, 3) <= utc < _last_sunday(utc.year, 10)
    return utc + timedelta(hours=1 if summer else 0)


def _start_of(day: date) -> datetime:
    """Midnight at the start of a UK day, as a UTC instant."""
    midnight = datetime(day.year, day.month, day.day, tzinfo=UTC)
    summer = midnight - timedelta(hours=1)
    return summer if calendar.london_date(summer) == day else midnight


@dataclass(frozen=True)
class Filters:
    reference: str = ""
    email: str = ""
    action: str = ""
    start: date | None = None
    end: date | None = None
    page: int = 1

    def query_string(self, **changes: Any) -> str:
        chosen = replace(self, **changes)
        pairs = [
            (k, v)
            for k, v in (
                ("reference", chosen.reference),
                ("email", chosen.email),
                ("action", chosen.action),
            )
            if v
        ]
        for name, day in (("from", chosen.start), ("to", chosen.end)):
            if day:
                pairs += [(f"{name}-day", str(day.day)), (f"{name}-month", str(day.month))]
                pairs.append((f"{name}-year", str(day.year)))
        if chosen.page > 1:
            pairs.append(("page", str(chosen.page)))
        return urlencode(pairs)


def _day(args: Any, name: str, label: str, errors: list[dict[str, str]]) -> date | None:
    parts = [args.get(f"{name}-{p}", "").strip() for p in ("day", "month", "year")]
    if not any(parts):
        return None
    try:
        if not all(p.isdigit() for p in parts) or len(parts[2]) != 4:
            raise ValueError
        return date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError:
        errors.append(
            {
                "text": _("%(label)s must be a real date, like 27 3 2026", label=label),
                "href": f"#{name}-day",
                "field": name,
            }
        )
        return None


def read_filters(args: Any) -> tuple[Filters, list[dict[str, str]]]:
    """The filters from the query string, and what is wrong with them."""
    errors: list[dict[str, str]] = []
    typed = " ".join(args.get("reference", "").split())[:40]
    reference = ""
    if typed:
        reference = normalise(typed) or ""
        if not reference:
            errors.append(
                {
                    "text": _("Enter a case reference like ABC-DEF-GHJ"),
                    "href": "#reference",
                    "field": "reference",
                }
            )
    start = _day(args, "from", _("The first day"), errors)
    end = _day(args, "to", _("The last day"), errors)
    if start and end and start > end:
        errors.append(
            {
                "text": _("The first day must be the same as or before the last day"),
                "href": "#from-day",
                "field": "from",
            }
        )
    action = args.get("action", "")
    page = args.get("page", "1")
    filters = Filters(
        reference=reference or typed,
        email=" ".join(args.get("email", "").split()).lower()[:320],
        action=action if action in ACTIONS else "",
        start=start,
        end=end,
        page=max(int(page), 1) if page.isdigit() and len(page) < 7 else 1,
    )
    return filters, errors


def conditions(filters: Filters) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if filters.reference:
        where.append(AuditEntry.case_reference == filters.reference)
    if filters.email:
        where.append(StaffUser.email == filters.email)
    if filters.action:
        where.append(AuditEntry.action == filters.action)
    if filters.start:
        where.append(AuditEntry.at >= _start_of(filters.start))
    if filters.end:
        where.append(AuditEntry.at < _start_of(filters.end + timedelta(days=1)))
    return where


def _url(filters: Filters, **changes: Any) -> str:
    query = filters.query_string(**changes)
    return url_for("staff.audit_log") + (f"?{query}" if query else "")


def pagination(filters: Filters, pages: int) -> dict[str, Any]:
    return paging.pagination(filters.page, pages, lambda number: _url(filters, page=number))


def _row(entry: AuditEntry, email: str | None, live: bool) -> dict[str, Any]:
    detail = {k: v for k, v in (entry.detail or {}).items()}
    return {
        "when": _london(entry.at),
        "who": email or _("Nobody signed in"),
        "what": action_words(entry.action, detail),
        "reference": display(entry.case_reference) if entry.case_reference else "",
        "url": url_for("staff.case", reference=entry.case_reference) if live else None,
        "detail": ", ".join(f"{k}: {v}" for k, v in sorted(detail.items())),
    }


@roles.require(roles.MANAGER)
def audit_log() -> ResponseReturnValue:
    user = roles.current_user()
    data = db.session()
    filters, errors = read_filters(request.args)
    where = conditions(filters) if not errors else [AuditEntry.id.is_(None)]
    joined = select(AuditEntry).outerjoin(StaffUser, StaffUser.id == AuditEntry.staff_user_id)
    total = data.scalar(select(func.count()).select_from(joined.where(*where).subquery())) or 0
    pages = max((total + PER_PAGE - 1) // PER_PAGE, 1)
    filters = replace(filters, page=min(filters.page, pages))
    found = data.execute(
        select(AuditEntry, StaffUser.email, Case.id)
        .outerjoin(StaffUser, StaffUser.id == AuditEntry.staff_user_id)
        .outerjoin(
            Case,
            and_(Case.id == AuditEntry.case_id, Case.reference == AuditEntry.case_reference),
        )
        .where(*where)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(PER_PAGE)
        .offset((filters.page - 1) * PER_PAGE)
    ).all()
    rows = [_row(entry, email, case_id is not None) for entry, email, case_id in found]
    audit.log(data, user, "audit.viewed", **{"filters": filters.query_string(page=1)})
    data.commit()
    first = (filters.page - 1) * PER_PAGE + 1
    return render_template(
        "staff/audit.html",
        filters=filters,
        errors=[{"text": e["text"], "href": e["href"]} for e in errors],
        field_errors={e["field"]: e["text"] for e in errors},
        rows=rows,
        showing=ngettext(
            "Showing %(first)s to %(last)s of %(total)s entry",
            "Showing %(first)s to %(last)s of %(total)s entries",
            total,
            first=format_decimal(first),
            last=format_decimal(first + len(rows) - 1),
            total=format_decimal(total),
        ),
        pagination=pagination(filters, pages),
        action_options=[
            {"value": "", "text": _("Any action"), "selected": not filters.action},
            *(
                {"value": k, "text": str(v), "selected": k == filters.action}
                for k, v in ACTIONS.items()
            ),
        ],
        typed={
            "reference": request.args.get("reference", "")[:40],
            **{
                f"{n}-{p}": request.args.get(f"{n}-{p}", "")[:4]
                for n in ("from", "to")
                for p in ("day", "month", "year")
            },
        },
    )


bp.add_url_rule("/audit", "audit_log", audit_log)
