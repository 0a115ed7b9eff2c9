"""The domain core stays pure: no web framework, no database, no I/O."""

from __future__ import annotations

import ast
from pathlib import Path

DOMAIN = Path(__file__).resolve().parent.parent / "portal" / "domain"
ALLOWED = {
    "__future__",
    "collections",
    "dataclasses",
    "datetime",
    "enum",
    "functools",
    "itertools",
    "math",
    "re",
    "secrets",  # randomness for reference numbers; no I/O
    "typing",
    "holidays",
    "portal",
}


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module.split(".")[0])
            if node.module.startswith("portal") and not node.module.startswith("portal.domain"):
                found.add(node.module)
    return found


def test_domain_imports_only_the_standard_library_and_holidays():
    files = sorted(DOMAIN.glob("*.py"))
    assert files
    for path in files:
        bad = {name for name in imports(path) if name.split(".")[0] not in ALLOWED}
        bad |= {name for name in imports(path) if name.startswith("portal.")}
        assert not bad, f"{path.name} imports {sorted(bad)}"


def test_the_check_itself_catches_a_flask_import(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text("from flask import request\nimport sqlalchemy.orm\n")
    assert {"flask", "sqlalchemy"} <= imports(sample)
