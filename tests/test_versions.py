"""Front-end versions move together, and every dependency is pinned exactly."""

from __future__ import annotations

import json
import re
import tomllib
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: govuk-frontend-jinja release -> the GOV.UK Frontend release its macros were ported from
#: (its README's compatibility table and CHANGELOG)
JINJA_PORTED_FROM = {"4.1.0": "6.3.0", "4.0.0": "6.0.0"}


def test_npm_govuk_frontend_matches_the_jinja_macros():
    jinja = version("govuk-frontend-jinja")
    assert jinja in JINJA_PORTED_FROM, f"record which Frontend govuk-frontend-jinja {jinja} ports"
    expected = JINJA_PORTED_FROM[jinja]
    package = json.loads((ROOT / "package.json").read_text())
    assert package["dependencies"]["govuk-frontend"] == expected
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/govuk-frontend"]["version"] == expected
    installed = json.loads((ROOT / "node_modules/govuk-frontend/package.json").read_text())
    assert installed["version"] == expected


def test_npm_versions_are_exact():
    package = json.loads((ROOT / "package.json").read_text())
    for section in ("dependencies", "devDependencies"):
        for name, spec in package.get(section, {}).items():
            assert re.fullmatch(r"\d+\.\d+\.\d+", spec), f"{name} {spec} is not an exact version"


def test_python_pins_are_exact_and_locked():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = project["dependencies"] + project["optional-dependencies"]["dev"]
    lock = {
        line.split("==")[0].lower().replace("_", "-"): line.split("==")[1]
        for line in (ROOT / "requirements.lock").read_text().split()
        if "==" in line
    }
    for pin in pins:
        assert "==" in pin, f"{pin} is not pinned exactly"
        name, wanted = pin.split("==")
        assert lock.get(name.lower()) == wanted, f"{name} {wanted} differs in requirements.lock"
        assert version(name) == wanted, f"{name} installed is not {wanted}"
