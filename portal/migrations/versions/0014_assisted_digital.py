"""Complaints entered by staff: the channel and who entered it.

A case keeps how it came in ("online" for every case so far) and, when a member of staff
typed it in from a call, letter, email or visit, who that was. A draft being typed in by
staff is marked with its member of staff, so it is never anyone else's, nor a public draft.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-23
"""

from alembic import op
import sqlalchemy as sa

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def _add_staff_column(table):
    # Plain ADD COLUMNs, not a batch (on SQLite a batch copies and drops the table, which the
    # rows that point at cases forbid); there a constraint only comes with its column.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN entered_by_id INTEGER REFERENCES staff_users (id)"
        )
    else:
        op.add_column(table, sa.Column("entered_by_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            f"fk_{table}_entered_by_id", table, "staff_users", ["entered_by_id"], ["id"]
        )


def upgrade():
    op.add_column(
        "cases", sa.Column("channel", sa.String(20), nullable=False, server_default="online")
    )
    _add_staff_column("cases")
    _add_staff_column("drafts")


def downgrade():
    for table in ("drafts", "cases"):
        if op.get_bind().dialect.name != "sqlite":
            op.drop_constraint(f"fk_{table}_entered_by_id", table, type_="foreignkey")
        with op.batch_alter_table(table) as batch:
            batch.drop_column("entered_by_id")
            if table == "cases":
                batch.drop_column("channel")
