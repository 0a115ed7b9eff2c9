"""Command-line tasks: `flask --app wsgi db upgrade`, and friends as later issues add them."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

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


notify_cli = AppGroup("notify", help="Email.")


@notify_cli.command("send")
def send() -> None:
    """Deliver every email waiting in the outbox."""
    from portal import db
    from portal.notify import deliver_pending, sender_for

    sent, failed = deliver_pending(db.session(), sender_for(current_app.config))
    click.echo(f"sent {sent}, failed {failed}")


def init_app(app: Flask) -> None:
    app.cli.add_command(db_cli)
    app.cli.add_command(notify_cli)
    app.cli.add_command(drafts_cli)
