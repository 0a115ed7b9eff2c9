"""Data retention: purging closed cases past the retention period.

The audit log is append-only and outlives the cases it names, so audit_log.case_id stops being
a foreign key (it would block deleting a case) and the case's reference is kept beside it,
filled in here for the entries already written.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-23
"""

from alembic import op
import sqlalchemy as sa

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

#: names the unnamed foreign key of 0011 on SQLite, where batch mode rebuilds the table
NAMING = {"fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"}
SQLITE_FK = "fk_audit_log_case_id_cases"


def _case_foreign_key() -> str | None:
    for key in sa.inspect(op.get_bind()).get_foreign_keys("audit_log"):
        if key["referred_table"] == "cases" and key["constrained_columns"] == ["case_id"]:
            return key["name"] or SQLITE_FK
    return None


def upgrade():
    name = _case_foreign_key()
    with op.batch_alter_table("audit_log", naming_convention=NAMING) as batch:
        if name:
            batch.drop_constraint(name, type_="foreignkey")
        batch.add_column(sa.Column("case_reference", sa.String(16), nullable=True))
    op.execute(
        "UPDATE audit_log SET case_reference = "
        "(SELECT cases.reference FROM cases WHERE cases.id = audit_log.case_id) "
        "WHERE case_id IS NOT NULL"
    )
    op.create_index(
        "ix_audit_log_case_reference_at", "audit_log", ["case_reference", "at"], unique=False
    )


def downgrade():
    op.drop_index("ix_audit_log_case_reference_at", table_name="audit_log")
    op.execute("UPDATE audit_log SET case_id = NULL WHERE case_id NOT IN (SELECT id FROM cases)")
    with op.batch_alter_table("audit_log", naming_convention=NAMING) as batch:
        batch.drop_column("case_reference")
        batch.create_foreign_key(SQLITE_FK, "cases", ["case_id"], ["id"])
