"""Bar charts drawn on the server, for the reports (templates/staff/_chart.html draws them).

No JavaScript and no chart library: the drawing is worked out here, in a viewBox that the page
scales to its column, and each chart is followed on the page by a table of the same figures.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from typing import Any

from flask_babel import format_decimal

from portal.i18n import gettext as _

#: the chart's drawing: its width, text size and line height, and the bars' height
WIDTH, TEXT, LINE, BAR = 300, 14, 18, 20
#: characters of a label per line at that size, and room left for the figure after a bar
WRAP, ROOM = 38, 70


def shown(count: int | None) -> str:
    return _("fewer than 5") if count is None else format_decimal(count)


def chart(key: str, title: str, rows: Iterable[tuple[Any, int | None]]) -> dict[str, Any]:
    """A horizontal bar chart's drawing (templates/staff/_chart.html draws it), and its rows.

    Each bar has its label above it and its figure after it in words, so nothing is told by
    colour or length alone; a hidden count ("fewer than 5") has no bar.
    """
    rows = [(str(label), count) for label, count in rows]
    top = max([count or 0 for _label, count in rows] + [1])
    bars, y = [], 0
    for label, count in rows:
        lines = []
        for line in textwrap.wrap(label, WRAP) or [""]:
            y += LINE
            lines.append({"y": y, "text": line})
        width = round((WIDTH - ROOM) * (count or 0) / top)
        bars.append(
            {
                "lines": lines,
                "y": y + 6,
                "width": width,
                "value": shown(count),
                "value_x": width + 6,
            }
        )
        y += 6 + BAR + 10
    return {
        "id": f"chart-{key}",
        "title": title,
        "desc": "; ".join(f"{label}: {shown(count)}" for label, count in rows),
        "width": WIDTH,
        "height": y,
        "text_size": TEXT,
        "bar_height": BAR,
        "bars": bars,
        "rows": [{"label": label, "value": shown(count), "count": count} for label, count in rows],
    }
