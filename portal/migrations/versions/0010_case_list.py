"""The case list's projection on cases: stage, status, next step, due date, flags, assignee.

Status is still derived from the events; these columns are a copy of the answer, rewritten
by portal.cases.refresh in the same transaction as every event, so the staff list can sort
and filter 100,000 cases without replaying each one. Existing cases are computed here from
their events with the council profile in COUNCIL (the same one the app runs with).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-23
"""

import os

from alembic import op
import sqlalchemy as sa

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

LIST_ORDER = [sa.text("is_open DESC"), sa.text("(due_on IS NULL)"), "due_on", sa.text("id DESC")]


def upgrade():
    # Plain ADD COLUMNs, not a batch (on SQLite a batch copies and drops the table, which the
    # rows that point at cases forbid); each needs no rewrite of the table.
    for column in (
        sa.Column("is_open", sa.Boolean(), nullable=True),
        sa.Column("stage", sa.String(8), nullable=True),
        sa.Column("status", sa.String(40), nullable=True),
        sa.Column("next_step", sa.String(40), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("who", sa.String(12), nullable=True),
        sa.Column("flags", sa.String(500), nullable=False, server_default=""),
        sa.Column("search_name", sa.String(500), nullable=False, server_default=""),
    ):
        op.add_column("cases", column)
    if op.get_bind().dialect.name == "sqlite":  # a constraint only comes with its column there
        op.execute("ALTER TABLE cases ADD COLUMN assignee_id INTEGER REFERENCES staff_users (id)")
    else:
        op.add_column("cases", sa.Column("assignee_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            "fk_cases_assignee_id", "cases", "staff_users", ["assignee_id"], ["id"]
        )
    _project_existing()
    op.create_index(
        "ix_cases_list",
        "cases",
        [*LIST_ORDER, "stage", "status", "who", "assignee_id", "flags", "search_name"],
    )
    op.create_index("ix_cases_assignee_list", "cases", ["assignee_id", *LIST_ORDER])
    # the staff home page lists the newest cases: without this it reads every case
    op.create_index("ix_cases_submitted_at", "cases", ["submitted_at"])


def _project_existing():
    from portal.cases import projection, today
    from portal.councils import load_council
    from portal.domain.stages import Event

    timescales = load_council(os.environ.get("COUNCIL", "example")).timescales
    connection = op.get_bind()
    meta = sa.MetaData()
    cases = sa.Table("cases", meta, autoload_with=connection)
    events = sa.Table("case_events", meta, autoload_with=connection)
    requests = sa.Table("advocacy_requests", meta, autoload_with=connection)
    asked = set(
        connection.scalars(
            sa.select(requests.c.case_id).where(requests.c.handled_at.is_(None)).distinct()
        )
    )
    history: dict[int, list] = {}
    for row in connection.execute(
        sa.select(events.c.case_id, events.c.kind, events.c.on, events.c.details).order_by(
            events.c.case_id, events.c.on, events.c.id
        )
    ):
        history.setdefault(row.case_id, []).append(Event(row.kind, row.on, row.details or {}))
    day = today()
    for row in connection.execute(sa.select(cases.c.id, cases.c.kind, cases.c.answers)).all():
        columns = projection(
            row.kind, row.answers or {}, history.get(row.id, []), timescales, day, row.id in asked
        )
        connection.execute(sa.update(cases).where(cases.c.id == row.id).values(**columns))


def downgrade():
    op.drop_index("ix_cases_submitted_at", table_name="cases")
    op.drop_index("ix_cases_assignee_list", table_name="cases")
    op.drop_index("ix_cases_list", table_name="cases")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("fk_cases_assignee_id", "cases", type_="foreignkey")
    with op.batch_alter_table("cases") as batch:
        for name in (
            "search_name",
            "assignee_id",
            "flags",
            "who",
            "due_on",
            "next_step",
            "status",
            "stage",
            "is_open",
        ):
            batch.drop_column(name)
