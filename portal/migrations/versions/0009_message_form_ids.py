"""Messages remember the one-time id of the form that sent them, unique per case.

A session cannot stop two requests sent at the same moment (a double click without
JavaScript): both carry the same cookie. A unique index can, so a second post of the same
form finds the first message instead of adding another.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24
"""

from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("case_messages") as batch:
        batch.add_column(sa.Column("form_id", sa.String(64), nullable=True))
    op.create_index(
        "ux_case_messages_case_form", "case_messages", ["case_id", "form_id"], unique=True
    )


def downgrade():
    op.drop_index("ux_case_messages_case_form", table_name="case_messages")
    with op.batch_alter_table("case_messages") as batch:
        batch.drop_column("form_id")
