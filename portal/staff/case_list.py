"""The case list: open cases, overdue first, filtered and searched, 25 to a page.

It reads the projection on `cases` (portal.cases.refresh), never the events: replaying
100,000 histories per request is not possible. Every filter is a column of the one
`ix_cases_list` index, so a page or a count reads that index and only the shown rows.
Overdue and working days left are worked out here from due_on and today, never stored.
The filters are a GET form, so the list works without JavaScript and a filtered list is a link.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from urllib.parse import urlencode

from flask import render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import format_decimal
from sqlalchemy import ColumnElement, Row, func, select

from portal import cases, db
from portal.domain import calendar
from portal.domain.clocks import COMPLAINANT, day0
from portal.domain.references import display, normalise
from portal.i18n import gettext as _
from portal.i18n import ngettext
from portal.models import Case, StaffUser
from portal.staff import audit, labels, paging, roles
from portal.staff.views import bp

PER_PAGE = 25
#: who may open the list; an investigator sees only the cases assigned to them
LIST_ROLES = (roles.OFFICER, roles.MANAGER, roles.INVESTIGATOR)
STAGES = ("open", "1", "2", "3", "closed", "all")
#: the flag filters: stored flags, and "overdue", read from due_on and today
FLAG_FILTERS = (
    "overdue",
    "proceedings",
    "late",
    "sufficient_interest",
    "fluency",
    "advocate_requested",
)
MAX_SEARCH = 100


@dataclass(frozen=True)
class Filters:
    """What the list is asked for, from the query string; anything unknown is ignored."""

    stage: str = "open"
    status: str = ""
    flags: tuple[str, ...] = ()
    assignee: str = ""
    q: str = ""
    page: int = 1

    @classmethod
    def from_args(cls, args: Any) -> Filters:
        stage = args.get("stage", "open")
        status = args.get("status", "")
        assignee = args.get("assignee", "")
        page = args.get("page", "1")
        return cls(
            stage=stage if stage in STAGES else "open",
            status=status if status in labels.STATUSES else "",
            flags=tuple(f for f in FLAG_FILTERS if f in args.getlist("flag")),
            assignee=assignee if assignee in ("me", "none") or assignee.isdigit() else "",
            q=" ".join(args.get("q", "").split())[:MAX_SEARCH],
            page=max(int(page), 1) if page.isdigit() and len(page) < 7 else 1,
        )

    def query_string(self, **changes: Any) -> str:
        """This list's URL query, with changes (another page)."""
        filters = replace(self, **changes)
        pairs: list[tuple[str, str]] = []
        if filters.stage != "open":
            pairs.append(("stage", filters.stage))
        pairs += [(k, v) for k, v in (("status", filters.status),) if v]
        pairs += [("flag", f) for f in filters.flags]
        pairs += [(k, v) for k, v in (("assignee", filters.assignee), ("q", filters.q)) if v]
        if filters.page > 1:
            pairs.append(("page", str(filters.page)))
        return urlencode(pairs)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def conditions(filters: Filters, user: StaffUser, today: date) -> list[ColumnElement[bool]]:
    """The WHERE clause for these filters, as this member of staff may see the list."""
    where: list[ColumnElement[bool]] = []
    if filters.stage == "closed":
        where.append(Case.is_open.is_(False))
    elif filters.stage == "all":
        where.append(Case.is_open.is_not(None))
    else:
        where.append(Case.is_open.is_(True))
        if filters.stage in ("1", "2", "3"):
            where.append(Case.stage == filters.stage)
    if filters.status:
        where.append(Case.status == filters.status)
    for flag in filters.flags:
        if flag == "overdue":
            where.append(Case.due_on < today)
        else:
            where.append(Case.flags.like(f"% {flag} %"))
    if user.role == roles.INVESTIGATOR or filters.assignee == "me":
        where.append(Case.assignee_id == user.id)
    elif filters.assignee == "none":
        where.append(Case.assignee_id.is_(None))
    elif filters.assignee:
        where.append(Case.assignee_id == int(filters.assignee))
    if filters.q:
        reference = normalise(filters.q)
        if reference:
            where.append(Case.reference == reference)
        else:
            where.append(Case.search_name.like(_like(filters.q.lower()), escape="\\"))
    return where


#: the list's order, which is ix_cases_list's: open first, then overdue first (the earliest
#: due dates), then by due date, no due date last, newest first among equals
ORDER = (Case.is_open.desc(), Case.due_on.is_(None), Case.due_on, Case.id.desc())
#: the columns a row shows: not the whole case
SHOWN = (
    Case.reference,
    Case.answers,
    Case.stage,
    Case.status,
    Case.next_step,
    Case.due_on,
    Case.who,
    Case.assignee_id,
)


def countdown(due: date | None, who: str | None, today: date) -> str:
    """Working days left or late, in words, counted as CaseState counts them."""
    if due is None:
        return ""
    if today > due:
        late = calendar.working_days_between(due, day0(today))
        if who == COMPLAINANT:
            return ngettext("ended %(num)s working day ago", "ended %(num)s working days ago", late)
        return ngettext("%(num)s working day late", "%(num)s working days late", late)
    left = calendar.working_days_between(today, due)
    if left == 0:
        return _("due today")
    return ngettext("%(num)s working day left", "%(num)s working days left", left)


def _case_url(reference: str) -> str:
    """The case page's address (portal.staff.case_page), written out so the list does not
    depend on that module being loaded."""
    return f"{bp.url_prefix}/cases/{reference}"


def _list_url(filters: Filters, **changes: Any) -> str:
    query = filters.query_string(**changes)
    return f"{bp.url_prefix}/cases" + (f"?{query}" if query else "")


def _row(case: Row[Any], names: dict[int, str], today: date) -> dict[str, Any]:
    answers = case.answers or {}
    return {
        "reference": display(case.reference),
        "url": _case_url(case.reference),
        "name": answers.get("your_name") or "",
        "child": answers.get("child_name") or "",
        "stage": labels.stage(case.stage),
        "next": labels.next_step(case.next_step, case.status),
        "who": case.who,
        "due": case.due_on,
        "overdue": case.due_on is not None and today > case.due_on,
        "countdown": countdown(case.due_on, case.who, today),
        "assignee": names.get(case.assignee_id or 0, ""),
    }


def _staff() -> list[StaffUser]:
    """Who cases can be assigned to."""
    query = select(StaffUser).where(StaffUser.active.is_(True), StaffUser.role.in_(LIST_ROLES))
    return list(db.session().scalars(query.order_by(StaffUser.email)))


@roles.require(*LIST_ROLES)
def case_list() -> ResponseReturnValue:
    user = roles.current_user()
    assert user is not None
    data = db.session()
    filters = Filters.from_args(request.args)
    today = cases.today()
    where = conditions(filters, user, today)
    total = data.scalar(select(func.count()).select_from(Case).where(*where)) or 0
    pages = max((total + PER_PAGE - 1) // PER_PAGE, 1)
    filters = replace(filters, page=min(filters.page, pages))
    found = data.execute(
        select(*SHOWN)
        .where(*where)
        .order_by(*ORDER)
        .limit(PER_PAGE)
        .offset((filters.page - 1) * PER_PAGE)
    ).all()
    staff = _staff() if user.role != roles.INVESTIGATOR else [user]
    names = {s.id: s.email for s in staff}
    if filters.q:
        audit.log(data, user, "cases.searched", q=filters.q)
        data.commit()
    first = (filters.page - 1) * PER_PAGE + 1
    last = first + len(found) - 1
    return render_template(
        "staff/list.html",
        user=user,
        filters=filters,
        rows=[_row(c, names, today) for c in found],
        total=total,
        showing=ngettext(
            "Showing %(first)s to %(last)s of %(total)s case",
            "Showing %(first)s to %(last)s of %(total)s cases",
            total,
            first=format_decimal(first),
            last=format_decimal(last),
            total=format_decimal(total),
        ),
        pages=pages,
        pagination=pagination(filters, pages),
        stage_options=labels.stage_options(filters.stage),
        status_options=labels.status_options(filters.status),
        flag_options=labels.flag_options(filters.flags),
        assignee_options=labels.assignee_options(filters.assignee, staff, user),
    )


def pagination(filters: Filters, pages: int) -> dict[str, Any]:
    return paging.pagination(filters.page, pages, lambda number: _list_url(filters, page=number))


bp.add_url_rule("/cases", "cases", case_list)
