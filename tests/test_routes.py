"""The list of URLs is a contract: links go out in emails and letters.

If this fails because you added a route, run `UPDATE_ROUTES=1 make test-fast` and commit the
new tests/route-list.json. If you removed or renamed one, add a redirect from the old URL.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

SNAPSHOT = Path(__file__).with_name("route-list.json")


def routes(app) -> list[str]:
    rows = []
    for rule in app.url_map.iter_rules():
        methods = ",".join(sorted(rule.methods - {"HEAD", "OPTIONS"}))
        rows.append(f"{methods} {rule.rule} -> {rule.endpoint}")
    return sorted(rows)


def test_routes_match_the_snapshot(app):
    current = routes(app)
    if os.environ.get("UPDATE_ROUTES") == "1":
        SNAPSHOT.write_text(json.dumps(current, indent=2) + "\n")
    assert current == json.loads(SNAPSHOT.read_text())


def test_design_contract_routes_exist(app):
    paths = {rule.rule for rule in app.url_map.iter_rules()}
    for path in (
        "/",
        "/healthz",
        "/help",
        "/cookies",
        "/privacy",
        "/accessibility",
        "/staff/sign-in",
    ):
        assert path in paths
