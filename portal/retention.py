"""Data retention: closed cases are deleted RETENTION_YEARS after they ended.

A complaint has ended when the domain's replay says so (portal.domain.stages): its status is a
closed one (closed, withdrawn, resolved early, refused, no sufficient interest), or nothing is
left for the council to do and nothing is due (the final response sent, or an escalation
refused, with only the Ombudsman left; a referral to the Ombudsman). The period counts from the
last event in its history, which is the closing event or later, so nothing goes early. A
compliment or a comment has no stages and counts from when it was sent. Open cases are never
purged, however old.

Purging deletes the case and everything that points at it: every table with a foreign key to
cases (events, messages, files, tracking links, advocacy requests, outbox rows, decisions...,
found from the models, so a new table is covered too), the files on disk, and its draft. The
equality answers are not linked to any case (portal.models.EqualityResponse), so they stay,
counted only. The audit log keeps every entry, by reference, and gets one more per case.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import ColumnElement, Table, delete, func, or_, select, update
from sqlalchemy.orm import Session

from portal import cases
from portal.domain import calendar
from portal.domain.references import display
from portal.domain.stages import Next, StageError, state
from portal.domain.timescales import Timescales
from portal.journey import evidence
from portal.models import AuditEntry, Base, Case, CaseEvent, CaseFile, Draft, ResumeLink, aware
from portal.staff import audit

#: tables that outlive the cases they name
KEPT = frozenset({AuditEntry.__tablename__})
#: what a purged case's audit entry is called
PURGED = "case.purged"


@dataclass(frozen=True)
class Expired:
    """A case past the retention period."""

    case: Case
    #: the day its retention period counts from
    ended_on: date


def cutoff(today: date, years: int) -> date:
    """The day `years` years before today (28 February for a 29 February)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def ended_on(data: Session, case: Case, timescales: Timescales, today: date) -> date | None:
    """The day the case's retention period counts from, or None while it is open."""
    if case.kind != "complaint":
        return calendar.london_date(aware(case.submitted_at))
    history = cases.events(data, case)
    try:
        now = state(history, timescales, max([today, *(ev.on for ev in history)]))
    except StageError:
        return None  # a history the procedure cannot read: keep it for someone to look at
    finished = not now.is_open or (
        now.due is None and now.next_step in (None, str(Next.GO_TO_OMBUDSMAN))
    )
    return max(ev.on for ev in history) if finished else None


def expired(data: Session, timescales: Timescales, years: int, today: date) -> list[Expired]:
    """Every case whose retention period is over, oldest first."""
    if years < 1:
        raise ValueError("RETENTION_YEARS must be at least 1")
    before = cutoff(today, years)
    last = (
        select(CaseEvent.case_id)
        .group_by(CaseEvent.case_id)
        .having(func.max(CaseEvent.on) < before)
    )
    candidates = data.scalars(
        select(Case)
        .where(
            or_(
                Case.id.in_(last),
                (Case.kind != "complaint")
                & (Case.submitted_at < datetime.combine(before, time(), UTC)),
            )
        )
        .order_by(Case.submitted_at, Case.id)
    )
    found = []
    for case in candidates:
        day = ended_on(data, case, timescales, today)
        if day is not None and day < before:
            found.append(Expired(case, day))
    return found


# Deleting -------------------------------------------------------------------------------------


def _case_key(table: Table) -> list[ColumnElement[bool]]:
    """How a table's rows point at a case, directly or through another such table."""
    return [fk.parent for fk in table.foreign_keys if fk.column.table is Case.__table__]


def _doomed(table: Table, ids: list[int], seen: frozenset[str] = frozenset()) -> list:
    """Conditions matching the table's rows that belong to these cases, at any depth."""
    conditions = [column.in_(ids) for column in _case_key(table)]
    for fk in table.foreign_keys:
        parent = fk.column.table
        if parent is Case.__table__ or parent.name in seen | KEPT:
            continue
        inner = _doomed(parent, ids, seen | {table.name})
        if inner:
            conditions.append(fk.parent.in_(select(fk.column).where(or_(*inner))))
    return conditions


def _evidence(case: Case) -> set[str]:
    return {
        record["stored_name"]
        for record in (case.answers or {}).get("evidence_files") or []
        if isinstance(record, dict) and record.get("stored_name")
    }


def _files(data: Session, found: list[Case]) -> list[str]:
    """The stored names of every file the cases hold (evidence and later uploads), except
    evidence a case split from or into them still holds: a split copies the answers, files
    included, and the part that stays keeps its evidence."""
    ids = [case.id for case in found]
    names = set(data.scalars(select(CaseFile.stored).where(CaseFile.case_id.in_(ids))))
    for case in found:
        names |= _evidence(case)
    parents = [case.parent_case_id for case in found if case.parent_case_id]
    staying = data.scalars(
        select(Case).where(
            or_(Case.parent_case_id.in_(ids), Case.id.in_(parents)), Case.id.not_in(ids)
        )
    )
    for case in staying:
        names -= _evidence(case)
    return sorted(names)


def delete_cases(data: Session, found: list[Case]) -> list[str]:
    """Delete the cases and every row that belongs to them; the caller commits. Returns the
    files to remove from disk once the deletion is committed."""
    if not found:
        return []
    ids = [case.id for case in found]
    drafts = [case.draft_id for case in found]
    files = _files(data, found)
    data.flush()
    # A case split from one of these keeps its own history; only the link goes.
    for fk in Case.__table__.foreign_keys:
        if fk.column.table is Case.__table__:
            data.execute(update(Case).where(fk.parent.in_(ids)).values({fk.parent.name: None}))
    for table in reversed(Base.metadata.sorted_tables):
        if table is Case.__table__ or table.name in KEPT:
            continue
        conditions = _doomed(table, ids)
        if conditions:
            data.execute(delete(table).where(or_(*conditions)))
    data.execute(delete(ResumeLink).where(ResumeLink.draft_id.in_(drafts)))
    data.execute(delete(Draft).where(Draft.id.in_(drafts)))
    data.execute(delete(Case).where(Case.id.in_(ids)))
    data.expunge_all()
    return files


def remove_files(upload_dir: Path, names: list[str]) -> int:
    removed = 0
    for name in names:
        with contextlib.suppress(ValueError, OSError):
            removed += evidence.delete_stored(upload_dir, name)
    return removed


def purge(
    data: Session, timescales: Timescales, years: int, upload_dir: Path, today: date
) -> list[Expired]:
    """Delete every expired case, with one audit entry each, and commit; then their files."""
    found = expired(data, timescales, years, today)
    for item in found:
        audit.log(
            data,
            None,
            PURGED,
            item.case,
            reference=display(item.case.reference),
            kind=item.case.kind,
            ended_on=item.ended_on.isoformat(),
            retention_years=years,
        )
    files = delete_cases(data, [item.case for item in found])
    data.commit()
    remove_files(upload_dir, files)
    return found


# The command ----------------------------------------------------------------------------------

retention_cli = AppGroup("retention", help="Keeping and deleting closed cases.")


@retention_cli.command("purge")
@click.option("--dry-run", is_flag=True, help="List what would be deleted, and change nothing.")
def purge_command(dry_run: bool) -> None:
    """Delete closed cases older than RETENTION_YEARS, with their files, links and messages.

    Open cases are never deleted. The audit log keeps its entries and records each deletion.
    """
    from portal import db

    config = current_app.config
    years = config["RETENTION_YEARS"]
    if years < 1:
        raise click.ClickException("RETENTION_YEARS must be at least 1")
    timescales = current_app.extensions["council"].timescales
    data = db.session()
    today = cases.today()
    if dry_run:
        found = expired(data, timescales, years, today)
    else:
        found = purge(data, timescales, years, Path(config["UPLOAD_DIR"]), today)
    verb = "would delete" if dry_run else "deleted"
    click.echo(
        f"{verb} {len(found)} cases that ended before {cutoff(today, years).isoformat()} "
        f"(RETENTION_YEARS={years})"
    )
    for item in found:
        click.echo(f"  {display(item.case.reference)}  {item.case.kind:<10} ended {item.ended_on}")
