"""The case page's decisions: decisions on triage flags, and a linked case for a split part.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-23
"""

from alembic import op
import sqlalchemy as sa

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade():
    # A plain ADD COLUMN, not a batch: on SQLite a batch copies and drops the table, which the
    # rows that point at cases forbid; there a constraint only comes with its column.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE cases ADD COLUMN parent_case_id INTEGER REFERENCES cases (id)")
    else:
        op.add_column("cases", sa.Column("parent_case_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            "fk_cases_parent_case_id", "cases", "cases", ["parent_case_id"], ["id"]
        )
    op.create_index("ix_cases_parent_case_id", "cases", ["parent_case_id"])
    op.create_table(
        "case_decisions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("flag", sa.String(40), nullable=False),
        sa.Column("decision", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("staff_user_id", sa.Integer(), sa.ForeignKey("staff_users.id"), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_case_decisions_case_id", "case_decisions", ["case_id"])


def downgrade():
    op.drop_index("ix_case_decisions_case_id", table_name="case_decisions")
    op.drop_table("case_decisions")
    op.drop_index("ix_cases_parent_case_id", table_name="cases")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE cases DROP COLUMN parent_case_id")
    else:
        op.drop_constraint("fk_cases_parent_case_id", "cases", type_="foreignkey")
        op.drop_column("cases", "parent_case_id")
