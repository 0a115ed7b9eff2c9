"""Contact restrictions under the unreasonable behaviour policy.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-23
"""

from alembic import op
import sqlalchemy as sa

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "contact_restrictions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("channels", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("set_by_id", sa.Integer(), sa.ForeignKey("staff_users.id"), nullable=True),
        sa.Column("lifted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("lifted_by_id", sa.Integer(), sa.ForeignKey("staff_users.id"), nullable=True),
    )
    op.create_index("ix_contact_restrictions_case_id", "contact_restrictions", ["case_id"])


def downgrade():
    op.drop_index("ix_contact_restrictions_case_id", table_name="contact_restrictions")
    op.drop_table("contact_restrictions")
