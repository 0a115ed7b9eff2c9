"""The complaints manager's reports: the statutory annual or quarterly figures, and the equality
profile in aggregate, each as a page of charts and tables and as a CSV file.

The counting is portal.domain.reporting's; this module reads its facts in three queries (the
cases that can count, their events up to the period's end, the advocacy requests), and puts
words to the ids. Equality answers are read only as counts, by portal.journey.equality.counts,
with small numbers hidden; nothing here links them to a case. Every view and download is
audited.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode

from flask import Response, current_app, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from portal import cases, db
from portal.domain import calendar, reporting
from portal.domain.events import Event
from portal.domain.reporting import NOT_RECORDED, CaseFacts, Period, Report
from portal.i18n import gettext as _
from portal.i18n import lazy_gettext as _l
from portal.i18n import long_date
from portal.journey import equality
from portal.journey.complaint_steps import Service
from portal.journey.equality_steps import EQUALITY
from portal.journey.screening_steps import Role
from portal.models import AdvocacyRequest, Case, CaseEvent, EqualityResponse, aware
from portal.staff import audit, labels, roles
from portal.staff.charts import chart, shown
from portal.staff.views import bp

REPORT_ROLES = (roles.OFFICER, roles.MANAGER)
EQUALITY_ROLES = (roles.EQUALITIES, roles.MANAGER)
#: the first reporting year the portal's calendar covers
FIRST_YEAR = calendar.FIRST_YEAR

KINDS = {"complaint": _l("Complaints"), "compliment": _l("Compliments"), "comment": _l("Comments")}
STAGES = {1: _l("Stage 1"), 2: _l("Stage 2"), 3: _l("Stage 3")}
QUARTERS = {
    "": _l("The whole year"),
    "1": _l("Quarter 1: April to June"),
    "2": _l("Quarter 2: July to September"),
    "3": _l("Quarter 3: October to December"),
    "4": _l("Quarter 4: January to March"),
}
TIMESCALES = {
    "acknowledge": _l("Acknowledgement"),
    "stage1": _l("Stage 1 response"),
    "stage2": _l("Stage 2 response"),
    "panel": _l("Stage 3 review panel"),
    "panel_report": _l("Panel report"),
    "final_response": _l("Final response"),
}
ADVOCACY = {
    "requested": _l("Asked for an advocate on the tracking page"),
    "wanted": _l("Said in their complaint that they want an advocate"),
    "needed": _l("Recorded by the council as needing an advocate"),
}
NOT_RECORDED_LABEL = _l("Not recorded")


def _choices(field: Any) -> dict[str, Any]:
    """A question's options and the words the person saw for them."""
    return {c.value: c.label for c in field.kwargs["choices"]}


# The period -------------------------------------------------------------------------------------


def _period(args: Mapping[str, str]) -> tuple[Period | None, list[dict[str, str]]]:
    """The period the query string asks for (the current reporting year by default)."""
    current = reporting.reporting_year(cases.today())
    year, quarter = args.get("year", str(current)), args.get("quarter", "")
    errors = []
    if not (year.isdigit() and FIRST_YEAR <= int(year) <= current):
        errors.append({"text": _("Select a reporting year from the list"), "href": "#year"})
    if quarter not in QUARTERS:
        errors.append({"text": _("Select the whole year or a quarter"), "href": "#quarter"})
    if errors:
        return None, errors
    return Period(int(year), int(quarter) if quarter else None), []


def _period_form(args: Mapping[str, str], errors: list[dict[str, str]]) -> dict[str, Any]:
    current = reporting.reporting_year(cases.today())
    year, quarter = args.get("year", str(current)), args.get("quarter", "")
    error = {e["href"]: {"text": e["text"]} for e in errors}
    years = [
        {"value": str(y), "text": _("April %(y)s to March %(n)s", y=y, n=y + 1)}
        for y in range(current, FIRST_YEAR - 1, -1)
    ]
    return {
        "year": {
            "id": "year",
            "name": "year",
            "label": {"text": _("Reporting year")},
            "items": [{**item, "selected": item["value"] == year} for item in years],
            "errorMessage": error.get("#year"),
        },
        "quarter": {
            "id": "quarter",
            "name": "quarter",
            "label": {"text": _("Period")},
            "items": [
                {"value": v, "text": str(t), "selected": v == quarter} for v, t in QUARTERS.items()
            ],
            "errorMessage": error.get("#quarter"),
        },
    }


def _describe(period: Period) -> str:
    return _("%(start)s to %(end)s", start=long_date(period.start), end=long_date(period.end))


def _query(period: Period) -> str:
    return urlencode(
        {"year": period.year, **({"quarter": period.quarter} if period.quarter else {})}
    )


# Reading the facts ------------------------------------------------------------------------------


def _moment(day: Any) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


def facts(data: Session, period: Period) -> list[CaseFacts]:
    """Every case that can count in the period, in three queries.

    Those sent in it (a day's margin either side: times are UTC, the period is in London days),
    those with an event on or after its first day, and those open now, which may have been
    open and overdue at its end. Anything else closed before the period began.
    """
    sent = Case.submitted_at.between(
        _moment(period.start - timedelta(days=1)), _moment(period.end + timedelta(days=2))
    )
    active = select(CaseEvent.case_id).where(CaseEvent.on >= period.start)
    relevant = select(Case.id).where(or_(sent, Case.id.in_(active), Case.is_open.is_(True)))
    answers = [Case.answers[key].as_string() for key in ("role", "service", "wants_advocate")]
    rows = data.execute(
        select(Case.id, Case.kind, Case.submitted_at, *answers).where(Case.id.in_(relevant))
    ).all()
    events: dict[int, list[Event]] = defaultdict(list)
    for case_id, kind, on, details in data.execute(
        select(CaseEvent.case_id, CaseEvent.kind, CaseEvent.on, CaseEvent.details)
        .where(CaseEvent.case_id.in_(relevant), CaseEvent.on <= period.end)
        .order_by(CaseEvent.case_id, CaseEvent.on, CaseEvent.id)
    ):
        events[case_id].append(Event(kind, on, details or {}))
    asked: dict[int, list[Any]] = defaultdict(list)
    for case_id, created_at in data.execute(
        select(AdvocacyRequest.case_id, AdvocacyRequest.created_at).where(
            AdvocacyRequest.created_at.between(
                _moment(period.start - timedelta(days=1)), _moment(period.end + timedelta(days=2))
            )
        )
    ):
        asked[case_id].append(calendar.london_date(aware(created_at)))
    return [
        CaseFacts(
            kind=kind,
            sent_on=calendar.london_date(aware(submitted_at)),
            answers={"role": role, "service": service, "wants_advocate": wants},
            events=tuple(events.get(case_id, ())),
            advocacy_requests=tuple(asked.get(case_id, ())),
        )
        for case_id, kind, submitted_at, role, service, wants in rows
    ]


# Charts and tables ------------------------------------------------------------------------------


def _labelled(counts: Mapping[str, int], words: Mapping[str, Any]) -> list[tuple[Any, int]]:
    """Counts in the interface's order, every option listed, then anything else there is."""
    rows = [(label, counts.get(value, 0)) for value, label in words.items()]
    rows += [
        (value, n) for value, n in counts.items() if value not in words and value != NOT_RECORDED
    ]
    return [*rows, (NOT_RECORDED_LABEL, counts.get(NOT_RECORDED, 0))]


def _sections(figures: Report) -> dict[str, Any]:
    outcomes = {**labels.OUTCOMES, NOT_RECORDED: NOT_RECORDED_LABEL}
    return {
        "received": chart(
            "received", _("Received"), [(KINDS[k], n) for k, n in figures.received.items()]
        ),
        "stages": chart(
            "stages",
            _("Complaints started at each stage"),
            [(STAGES[s], n) for s, n in figures.stages.items()],
        ),
        "outcomes": [
            chart(
                f"outcomes-{stage}",
                _("Outcomes of %(stage)s responses", stage=STAGES[stage]),
                [(outcomes[o], n) for o, n in counts.items()],
            )
            for stage, counts in figures.outcomes.items()
        ],
        "roles": chart("roles", _("Who complained"), _labelled(figures.roles, _choices(Role.role))),
        "services": chart(
            "services",
            _("The service or team complained about"),
            _labelled(figures.services, _choices(Service.service)),
        ),
        "timeliness": [
            {
                "label": TIMESCALES[name],
                "on_time": t.on_time,
                "late": t.late,
                "open_overdue": t.open_overdue,
            }
            for name, t in figures.timeliness.items()
        ],
        "advocacy": [(ADVOCACY[name], n) for name, n in figures.advocacy.items()],
        "ombudsman": figures.ombudsman,
    }


def _csv(filename: str, header: tuple[str, ...], rows: Iterable[Iterable[Any]]) -> Response:
    """A CSV download. A cell that a spreadsheet would read as a formula is quoted with '."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_safe(cell) for cell in row])
    response = Response("\ufeff" + out.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def _safe(cell: Any) -> str:
    text = str(cell)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _filename(name: str, period: Period) -> str:
    return f"{current_app.extensions['council'].id}-{name}-{period.key}.csv"


def _audit(report: str, period: Period, form: str) -> None:
    data = db.session()
    audit.log(
        data, roles.current_user(), "report.viewed", report=report, period=period.key, format=form
    )
    data.commit()


# The statutory report ---------------------------------------------------------------------------


def _figures(period: Period) -> Report:
    data = db.session()
    return reporting.report(
        facts(data, period), current_app.extensions["council"].timescales, period, cases.today()
    )


@roles.require(*REPORT_ROLES)
def report_page() -> ResponseReturnValue:
    period, errors = _period(request.args)
    context: dict[str, Any] = {
        "form": _period_form(request.args, errors),
        "errors": errors,
        "number": shown,
    }
    if period is not None:
        figures = _figures(period)
        _audit("complaints", period, "html")
        context |= {
            "period": _describe(period),
            "as_of": long_date(figures.as_of),
            "csv_url": url_for("staff.report_csv") + "?" + _query(period),
            **_sections(figures),
        }
    return render_template("staff/reports.html", **context)


@roles.require(*REPORT_ROLES)
def report_csv() -> ResponseReturnValue:
    period, errors = _period(request.args)
    if period is None:
        return redirect(url_for("staff.reports") + "?" + urlencode(request.args))
    figures = _figures(period)
    sections = _sections(figures)
    rows: list[tuple[Any, ...]] = [
        (_("Council"), current_app.extensions["council"].name, ""),
        (_("Period"), _describe(period), ""),
        (_("Figures as at"), long_date(figures.as_of), ""),
    ]
    drawn = [sections["received"], sections["stages"], *sections["outcomes"]]
    for each in [*drawn, sections["roles"], sections["services"]]:
        rows += [(each["title"], row["label"], row["count"]) for row in each["rows"]]
    for row in sections["timeliness"]:
        rows += [
            (_("Timeliness: %(step)s", step=row["label"]), str(words), row[key])
            for key, words in (
                ("on_time", _("On time")),
                ("late", _("Late")),
                ("open_overdue", _("Open and overdue")),
            )
        ]
    rows += [(_("Advocacy"), str(label), n) for label, n in sections["advocacy"]]
    rows.append(
        (
            _("Ombudsman"),
            _("Referred to the Local Government and Social Care Ombudsman"),
            figures.ombudsman,
        )
    )
    _audit("complaints", period, "csv")
    return _csv(
        _filename("complaints-report", period), (_("Section"), _("Measure"), _("Count")), rows
    )


# The equality report ----------------------------------------------------------------------------


def _equality(period: Period) -> tuple[int | None, list[dict[str, Any]]]:
    """How many people answered, and each question's chart: counts only, small ones hidden."""
    data = db.session()
    council = current_app.extensions["council"].id
    counts = equality.counts(data, council, period.start, period.end)
    people = data.scalar(
        select(func.count())
        .select_from(EqualityResponse)
        .where(
            EqualityResponse.council == council,
            EqualityResponse.submitted_month >= period.start,
            EqualityResponse.submitted_month <= period.end,
        )
    )
    charts = []
    for step in EQUALITY.steps:
        field = getattr(step.form, step.id)
        words = _choices(field)
        hidden = reporting.suppress(counts[step.id])
        charts.append(
            chart(
                f"equality-{step.id}",
                str(field.args[0]),
                [(words[v], n) for v, n in hidden.items()],
            )
        )
    return reporting.small(people or 0), charts


@roles.require(*EQUALITY_ROLES)
def equality_page() -> ResponseReturnValue:
    period, errors = _period(request.args)
    context: dict[str, Any] = {"form": _period_form(request.args, errors), "errors": errors}
    if period is not None:
        people, charts = _equality(period)
        _audit("equality", period, "html")
        context |= {
            "period": _describe(period),
            "people": shown(people),
            "charts": charts,
            "csv_url": url_for("staff.equality_csv") + "?" + _query(period),
        }
    return render_template("staff/reports_equality.html", **context)


@roles.require(*EQUALITY_ROLES)
def equality_csv() -> ResponseReturnValue:
    period, errors = _period(request.args)
    if period is None:
        return redirect(url_for("staff.equality_report") + "?" + urlencode(request.args))
    people, charts = _equality(period)
    rows = [(_("Everyone who answered"), _("People"), shown(people) if people is None else people)]
    rows += [
        (c["title"], row["label"], row["value"] if row["count"] is None else row["count"])
        for c in charts
        for row in c["rows"]
    ]
    _audit("equality", period, "csv")
    return _csv(
        _filename("equality-report", period), (_("Question"), _("Answer"), _("People")), rows
    )


bp.add_url_rule("/reports", "reports", report_page)
bp.add_url_rule("/reports.csv", "report_csv", report_csv)
bp.add_url_rule("/reports/equality", "equality_report", equality_page)
bp.add_url_rule("/reports/equality.csv", "equality_csv", equality_csv)
