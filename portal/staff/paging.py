"""GOV.UK pagination for the staff lists (cases, the audit log)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from portal.i18n import gettext as _


def pagination(current: int, pages: int, url: Callable[[int], str]) -> dict[str, Any]:
    """The pagination component's items: the first and last pages, and two either side of
    the current one, with an ellipsis for each gap."""
    shown = sorted({1, pages, *range(max(current - 2, 1), min(current + 2, pages) + 1)})
    items: list[dict[str, Any]] = []
    previous = 0
    for number in shown:
        if number - previous > 1:
            items.append({"ellipsis": True})
        items.append(
            {
                "number": number,
                "href": url(number),
                "current": number == current,
                "visuallyHiddenText": _("Page %(number)s", number=number),
            }
        )
        previous = number
    return {
        "items": items if pages > 1 else [],
        "previous": url(current - 1) if current > 1 else None,
        "next": url(current + 1) if current < pages else None,
    }
