"""Demo data: `flask --app wsgi demo` fills an empty database with invented cases and one staff
account per role, and `flask --app wsgi staff code EMAIL` prints a demo account's current code.

Every complaint is built as the portal builds a real one: answers the journey would have
stored, then its events through portal.cases.record, so the stage machine checks each one
(an event the procedure does not allow stops the load). Nothing is sent: messages are written
straight into the case history, and the outbox is left alone.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import click
import pyotp
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from portal import cases
from portal.domain.references import new_reference
from portal.domain.timescales import Timescales
from portal.models import AdvocacyRequest, Case, CaseMessage, StaffUser, new_token
from portal.staff import accounts, audit, roles
from portal.tracking import advocacy_steps

from .stories import Story, stories

#: demo accounts' addresses are at .invalid (RFC 2606): no real person can ever have one
DOMAIN = "demo.invalid"


def demo_email(role: str) -> str:
    return f"{role}@{DOMAIN}"


def is_demo(user: StaffUser) -> bool:
    return user.email.endswith(f"@{DOMAIN}")


def _at(day: date, hour: int = 10) -> datetime:
    """A time on that day: 10:00 UTC is the same day in London, summer or winter."""
    return datetime.combine(day, time(hour), UTC)


def accounts_for_demo(data: Session) -> list[tuple[StaffUser, str]]:
    """One account per role, each with a new password (an existing demo account gets a new
    password and secret, as its old ones were shown only once)."""
    made = []
    for role in roles.ALL:
        user = accounts.find(data, demo_email(role))
        if user is None:
            user, password = accounts.create(data, demo_email(role), role)
        else:
            password = accounts.new_password()
            user.password_hash = accounts.hash_password(password)
            user.totp_secret = accounts.new_totp_secret()
            user.role, user.active, user.failed_attempts, user.locked_until = role, True, 0, None
            data.commit()
        made.append((user, password))
    return made


def _add_case(data: Session, story: Story, timescales: Timescales, officer: StaffUser) -> Case:
    case = Case(
        reference=new_reference(),
        kind=story.kind,
        draft_id=new_token(32),
        answers=story.answers,
        submitted_at=_at(story.received, 9),
    )
    data.add(case)
    data.flush()
    if story.kind != "complaint":
        cases.refresh(data, case, timescales)
        return case
    history = story.events
    if not history or history[0][0] != "received":
        history = [("received", story.received, {}), *history]
    for kind, on, details in history:
        by = cases.PORTAL if kind == "received" else f"staff:{officer.id}"
        if kind in ("stage2_requested", "stage3_requested", "withdrawn"):
            by = cases.PERSON
        cases.record(data, case, kind, timescales, by=by, on=on, details=details)
        if by != cases.PERSON and kind != "received":
            entry = audit.log(data, officer, "case.event_recorded", case, kind=kind, on=on)
            entry.at = _at(on, 14)
    for sender, on, body in story.messages:
        data.add(
            CaseMessage(
                case_id=case.id,
                sender=sender,
                body=body,
                created_at=_at(on, 11 if sender == "person" else 15),
                staff_user_id=officer.id if sender == "council" else None,
            )
        )
    if story.advocacy:
        asked = {"advocate_for": "me"}
        data.add(
            AdvocacyRequest(
                case_id=case.id,
                stage=1,
                answers={
                    **asked,
                    **advocacy_steps.who(case.answers, asked),
                    "to_check": advocacy_steps.to_check(case.answers, asked),
                },
                created_at=_at(story.received, 12),
            )
        )
        data.add(
            CaseMessage(
                case_id=case.id,
                sender="person",
                topic="advocacy",
                body=advocacy_steps.message_text(case.answers, asked),
                created_at=_at(story.received, 12),
            )
        )
        data.flush()
        cases.refresh(data, case, timescales)
    return case


def load(data: Session, timescales: Timescales, today: date | None = None) -> list[Case]:
    """Add the demo's cases (the accounts must exist: accounts_for_demo) and commit."""
    officer = accounts.find(data, demo_email(roles.OFFICER))
    if officer is None:
        raise click.ClickException("make the demo accounts first")
    # The advocacy request's words are gettext's, which wants a request for its language.
    with current_app.test_request_context():
        made = [
            _add_case(data, story, timescales, officer)
            for story in stories(timescales, today or cases.today())
        ]
    investigator = accounts.find(data, demo_email(roles.INVESTIGATOR))
    for number, case in enumerate(made):
        if case.status == "stage2_investigating" and investigator is not None:
            case.assignee_id = investigator.id
        elif case.is_open and number % 3 == 0:
            case.assignee_id = officer.id
    data.commit()
    return made


def has_cases(data: Session) -> bool:
    return bool(data.scalar(select(func.count()).select_from(Case)))


@click.command("demo")
@click.option("--force", is_flag=True, help="Load it even on a database that has cases.")
@click.option(
    "--if-empty",
    is_flag=True,
    help="On a database that has cases, do nothing and succeed (as `make run` does).",
)
@with_appcontext
def demo_command(force: bool, if_empty: bool) -> None:
    """Load invented demo cases and one staff account per role, for demonstrations.

    Refuses on a database that already has cases, and when PORTAL_ENV=production, unless
    given --force. Prints how to sign in as each role.
    """
    from portal import db

    data = db.session()
    production = current_app.config["PORTAL_ENV"] == "production"
    if has_cases(data) and not force:
        if if_empty:
            click.echo(
                "The database has cases, so no demo data was loaded. Demo accounts, if any: "
                f"officer@{DOMAIN} and the other roles; their passwords were shown when the demo "
                "was loaded (flask --app wsgi demo --force sets new ones)."
            )
            return
        raise click.ClickException("the database already has cases: use --force to add the demo")
    if production and not force:
        raise click.ClickException("PORTAL_ENV is production: use --force to load demo data")
    council = current_app.extensions["council"]
    made = accounts_for_demo(data)
    loaded = load(data, council.timescales)
    complaints = sum(1 for c in loaded if c.kind == "complaint")
    click.echo(
        f"Loaded {complaints} complaints and {len(loaded) - complaints} compliments and "
        f"comments for {council.name}."
    )
    click.echo(f"Sign in at {current_app.config['PUBLIC_URL']}/staff/sign-in as:")
    for user, password in made:
        click.echo(f"  {user.role:<13} {user.email:<26} password {password}")
        click.echo(f"  {'':<13} two-factor secret {user.totp_secret}")
    click.echo("The 6-digit code for an account, now: flask --app wsgi staff code EMAIL")
    click.echo(f"For example: .venv/bin/flask --app wsgi staff code {demo_email(roles.OFFICER)}")


@click.command("code")
@click.argument("email")
@with_appcontext
def code_command(email: str) -> None:
    """Print a demo account's current 6-digit sign-in code (for demos and development).

    Only accounts that `flask demo` made (addresses at demo.invalid, which no real person can
    have) are answered, in any mode: a real account's second factor is its owner's phone, and
    a command that printed it would make the second factor as weak as access to the server.
    """
    from portal import db

    data = db.session()
    user = accounts.find(data, email)
    if user is None or not is_demo(user):
        raise click.ClickException(f"only demo accounts (…@{DOMAIN}) have their code shown here")
    audit.log(data, user, "staff.code_shown")
    data.commit()
    click.echo(pyotp.TOTP(user.totp_secret).now())


__all__ = ["DOMAIN", "code_command", "demo_command", "load"]
