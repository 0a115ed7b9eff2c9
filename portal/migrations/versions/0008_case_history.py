"""Case history: events, messages, files added later and advocacy requests; outbox channels.

Every case that exists gets its `received` event, dated the working day its submission
counts as received, so the tracking page can replay it like any new case.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23
"""

from datetime import UTC, datetime

from alembic import op
import sqlalchemy as sa

from portal.domain.calendar import received_date

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(
            sa.Column("channel", sa.String(10), nullable=False, server_default="email")
        )
        batch.add_column(sa.Column("case_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("given_up_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_foreign_key("fk_outbox_case_id", "cases", ["case_id"], ["id"])
        batch.create_index("ix_outbox_case_id", ["case_id"])
    op.create_table(
        "case_events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(40), nullable=False),
    )
    op.create_index("ix_case_events_case_order", "case_events", ["case_id", "on", "id"])
    op.create_table(
        "case_messages",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("sender", sa.String(10), nullable=False),
        sa.Column("topic", sa.String(20), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("staff_user_id", sa.Integer(), sa.ForeignKey("staff_users.id"), nullable=True),
    )
    op.create_index("ix_case_messages_case_created", "case_messages", ["case_id", "created_at"])
    op.create_table(
        "case_files",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("message_id", sa.Integer(), sa.ForeignKey("case_messages.id"), nullable=True),
        sa.Column("stored", sa.String(100), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_case_files_case_id", "case_files", ["case_id"])
    op.create_index("ix_case_files_message_id", "case_files", ["message_id"])
    op.create_table(
        "advocacy_requests",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("stage", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_advocacy_requests_case_id", "advocacy_requests", ["case_id"])
    _received_events()


def _received_events():
    connection = op.get_bind()
    cases = sa.table(
        "cases",
        sa.column("id", sa.Integer()),
        sa.column("kind", sa.String()),
        sa.column("submitted_at", sa.DateTime(timezone=True)),
    )
    events = sa.table(
        "case_events",
        sa.column("case_id", sa.Integer()),
        sa.column("kind", sa.String()),
        sa.column("on", sa.Date()),
        sa.column("details", sa.JSON()),
        sa.column("recorded_at", sa.DateTime(timezone=True)),
        sa.column("recorded_by", sa.String()),
    )
    now = datetime.now(UTC)
    rows = [
        {
            "case_id": case_id,
            "kind": "received",
            "on": received_date(submitted if submitted.tzinfo else submitted.replace(tzinfo=UTC)),
            "details": {},
            "recorded_at": now,
            "recorded_by": "portal",
        }
        for case_id, submitted in connection.execute(
            sa.select(cases.c.id, cases.c.submitted_at).where(cases.c.kind == "complaint")
        )
    ]
    if rows:
        op.bulk_insert(events, rows)


def downgrade():
    op.drop_table("advocacy_requests")
    op.drop_index("ix_case_files_message_id", table_name="case_files")
    op.drop_index("ix_case_files_case_id", table_name="case_files")
    op.drop_table("case_files")
    op.drop_index("ix_case_messages_case_created", table_name="case_messages")
    op.drop_table("case_messages")
    op.drop_index("ix_case_events_case_order", table_name="case_events")
    op.drop_table("case_events")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_index("ix_outbox_case_id")
        batch.drop_constraint("fk_outbox_case_id", type_="foreignkey")
        batch.drop_column("given_up_at")
        batch.drop_column("next_attempt_at")
        batch.drop_column("case_id")
        batch.drop_column("channel")
