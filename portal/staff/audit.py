"""The audit log: every staff view and change of a case, appended and never edited.

The caller commits, so a change and its audit entry are saved together or not at all.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from portal.models import AuditEntry, Case, StaffUser, utcnow


def log(
    data: Session,
    user: StaffUser | None,
    action: str,
    case: Case | None = None,
    **detail: Any,
) -> AuditEntry:
    entry = AuditEntry(
        at=utcnow(),
        staff_user_id=user.id if user else None,
        action=action,
        case_id=case.id if case else None,
        case_reference=case.reference if case else None,
        detail={k: str(v) for k, v in detail.items()},
    )
    data.add(entry)
    return entry
