"""Placeholder: filled in by the advocacy work of issue 6."""

from __future__ import annotations

from typing import Any

from portal.models import Case


def panel(case: Case) -> dict[str, Any]:
    """What the case page's advocacy section needs."""
    return {}
