"""Equality responses: optional equality answers, kept apart from cases and never linked to one.

No case id, reference, draft id or exact time: only the council and the month. On SQLite the
table has no rowid, so rows are stored in the order of their random ids, not of arrival.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "equality_responses",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("council", sa.String(64), nullable=False),
        sa.Column("submitted_month", sa.Date(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_equality_responses_council_month",
        "equality_responses",
        ["council", "submitted_month"],
    )


def downgrade():
    op.drop_index("ix_equality_responses_council_month", table_name="equality_responses")
    op.drop_table("equality_responses")
