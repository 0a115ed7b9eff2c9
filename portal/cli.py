"""Command-line tasks: `flask --app wsgi db upgrade`, and friends as later issues add them."""

from __future__ import annotations

import time
from datetime import date, datetime
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

from portal.domain.stages import Milestone, timeline
from portal.staff.roles import ALL as STAFF_ROLES

db_cli = AppGroup("db", help="Database schema.")


@db_cli.command("upgrade")
@click.option("--revision", default="head", show_default=True)
def upgrade(revision: str) -> None:
    """Bring the database schema up to date (Alembic)."""
    from portal import db

    db.upgrade(current_app.config["DATABASE_URL"], revision)
    click.echo(f"database at {revision}")


drafts_cli = AppGroup("drafts", help="Unfinished answers.")


@drafts_cli.command("purge")
def purge_drafts() -> None:
    """Delete drafts older than DRAFT_LIFETIME_DAYS since their last change."""
    from portal import db
    from portal.journey.drafts import purge

    removed = purge(
        db.session(),
        current_app.config["DRAFT_LIFETIME_DAYS"],
        Path(current_app.config["UPLOAD_DIR"]),
    )
    click.echo(f"purged {removed} drafts")


notify_cli = AppGroup("notify", help="Emails and text messages.")


@notify_cli.command("send")
@click.option(
    "--watch",
    type=click.FloatRange(min=1),
    metavar="SECONDS",
    help="Keep going: deliver what is due every SECONDS, until stopped (a worker process).",
)
def send(watch: float | None) -> None:
    """Deliver the messages in the outbox that are due; failures wait and are tried again."""
    from portal import db
    from portal.notify import deliver_pending, sender_for

    sender = sender_for(current_app.config)
    if watch is not None:
        click.echo(f"delivering the outbox every {watch:g} seconds; Ctrl+C stops")
    try:
        while True:
            done = deliver_pending(db.session(), sender)
            if watch is None or any(done):
                click.echo(f"sent {done.sent}, failed {done.failed}, given up {done.given_up}")
            if watch is None:
                return
            db.session().close()
            time.sleep(watch)
    except KeyboardInterrupt:
        click.echo("stopped")


@notify_cli.command("retry")
@click.argument("message_ids", type=int, nargs=-1, required=True, metavar="ID...")
def retry_messages(message_ids: tuple[int, ...]) -> None:
    """Try unsent messages again now, even ones given up on (ids as /dev/outbox shows)."""
    from portal import db
    from portal.notify import deliver_pending, retry, sender_for

    data = db.session()
    found = [i for i in message_ids if retry(data, i) is not None]
    missing = sorted(set(message_ids) - set(found))
    if missing:
        click.echo(f"no unsent message with id {', '.join(map(str, missing))}", err=True)
    done = deliver_pending(data, sender_for(current_app.config), only=found)
    click.echo(f"sent {done.sent}, failed {done.failed}, given up {done.given_up}")


#: how the deadlines command names each milestone of stages.timeline(), and what it counts from
MILESTONE_LABELS = {
    "received": ("Complaint received (day 0)", "receipt"),
    "acknowledge": ("Acknowledgement", ""),
    "stage1": ("Stage 1 response", "the stage 1 response"),
    "stage1_extended": ("Stage 1 response, if extended", ""),
    "stage1_advocate": ("Stage 1 response, if an advocate is needed", ""),
    "stage2_request": ("Last day to ask for stage 2", "the stage 2 request"),
    "stage2": ("Stage 2 response", "the stage 2 response"),
    "stage2_longest": ("Stage 2 response, with every extension", ""),
    "stage3_request": ("Last day to ask for a review panel", "the panel request"),
    "panel": ("Review panel meets", "the panel"),
    "panel_report": ("Panel's report", "the report"),
    "final_response": ("Council's final response", ""),
}


def _in_words(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


@click.command("deadlines")
@click.argument("received", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD")
@click.option("--council", "council_id", help="Council profile id (default: the COUNCIL setting).")
@with_appcontext
def deadlines(received: datetime, council_id: str | None) -> None:
    """Print every due date for a complaint received on this date, under a council's profile.

    Each step is taken on its last day, so staff can check any date by hand.
    """
    from portal.councils import UnknownCouncil, load_council

    try:
        council = load_council(council_id or current_app.config["COUNCIL"])
    except UnknownCouncil as exc:
        raise click.BadParameter(str(exc), param_hint="--council") from exc
    day = received.date()
    try:
        milestones = timeline(day, council.timescales)
    except ValueError as exc:  # outside the working-day calendar
        raise click.BadParameter(str(exc), param_hint="the date") from exc
    stage2_from = (
        "the request"
        if council.timescales.stage2_clock_start == "request"
        else "the agreed Statement of Complaint (taken here as agreed on the day of the request)"
    )
    click.echo(f"{council.name}: a complaint received on {_in_words(day)} ({day.isoformat()})")
    if milestones[0].due != day:
        counts_from = _in_words(milestones[0].due)
        click.echo(f"That is not a working day, so it counts as received on {counts_from}.")
    click.echo(
        "Working days as reg. 2 of the 2006 Regulations defines them. The day something "
        "arrives is day 0 and does not count."
    )
    click.echo("Each step is taken on its last day, and the next counts from there.")
    click.echo(f"Stage 2 counts from {stage2_from}.")
    click.echo("")
    width = max(len(MILESTONE_LABELS[m.key][0]) for m in milestones)
    for m in milestones:
        label = MILESTONE_LABELS[m.key][0]
        line = f"{label:<{width}}  {_in_words(m.due):<27} {m.due.isoformat()}  {m.who:<11}"
        click.echo(f"{line}  {_counted(m)}".rstrip())


def _counted(m: Milestone) -> str:
    if not m.after:
        return ""
    counted = f"{m.working_days:>2} working days after {MILESTONE_LABELS[m.after][1]}"
    if m.after != "received":
        counted += f", {m.from_received} after receipt"
    return counted


staff_cli = AppGroup("staff", help="Staff accounts.")


@staff_cli.command("add")
@click.argument("email")
@click.option(
    "--role",
    required=True,
    type=click.Choice(STAFF_ROLES),
    help="What the account may see and do.",
)
def add_staff(email: str, role: str) -> None:
    """Create a staff account. Its password and two-factor secret are shown once, here."""
    from portal import db
    from portal.staff import accounts

    try:
        user, password = accounts.create(db.session(), email, role)
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Created an account for {user.email}, role {user.role}.")
    click.echo("These are shown once and cannot be shown again. Give them to the person")
    click.echo("by a secure route.")
    click.echo(f"Password: {password}")
    click.echo(f"Two-factor secret: {user.totp_secret}")
    click.echo("Add it to an authenticator app with this address (or a QR code made from it):")
    click.echo(accounts.provisioning_uri(user))


def init_app(app: Flask) -> None:
    app.cli.add_command(db_cli)
    app.cli.add_command(notify_cli)
    app.cli.add_command(drafts_cli)
    app.cli.add_command(deadlines)
    app.cli.add_command(staff_cli)
    from portal import demo, retention

    app.cli.add_command(retention.retention_cli)
    app.cli.add_command(demo.demo_command)
    staff_cli.add_command(demo.code_command)
