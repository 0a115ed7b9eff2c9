"""translations/messages.pot is kept up to date with the code and templates."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def msgids(path: Path) -> set[str]:
    from babel.messages.pofile import read_po

    with path.open("rb") as fh:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}


def test_messages_pot_is_not_stale(tmp_path):
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            str(Path(sys.executable).with_name("pybabel")),
            "-q",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "plural_messages:1,2",
            "--no-location",
            "-o",
            str(fresh),
            ".",
        ],
        cwd=ROOT,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},  # babel.cfg names portal's TOML extractor
    )
    committed = msgids(ROOT / "translations" / "messages.pot")
    assert msgids(fresh) == committed, "run `make translations` and commit messages.pot"


def offered_languages() -> list[str]:
    from portal.config import load_config

    return [code for code in load_config()["LANGUAGES"] if code != "en"]


def catalogue(code: str):
    from babel.messages.pofile import read_po

    with (ROOT / "translations" / code / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        return read_po(fh)


@pytest.mark.parametrize("code", offered_languages())
def test_every_offered_language_is_complete_and_checked(code):
    """A language is offered only when every message is translated, none is fuzzy, and every
    placeholder survives: CI fails otherwise (issue 8)."""
    po = catalogue(code)
    template = msgids(ROOT / "translations" / "messages.pot")
    entries = [m for m in po if m.id]
    assert {m.id if isinstance(m.id, str) else m.id[0] for m in entries} == template, (
        f"run `make translations`: {code} is out of step with messages.pot"
    )
    untranslated = [
        m.id for m in entries if not all(m.string if isinstance(m.string, tuple) else [m.string])
    ]
    fuzzy = [m.id for m in entries if m.fuzzy]
    assert not untranslated, f"{len(untranslated)} untranslated in {code}: {untranslated[:5]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy in {code}: {fuzzy[:5]}"
    problems = [(message.id, [str(e) for e in errors]) for message, errors in po.check()]
    assert not problems, problems[:5]


def _forms(string: str | tuple[str, ...]) -> tuple[str, ...]:
    return string if isinstance(string, tuple) else (string,)


def test_the_english_fallback_languages_are_real_locales():
    from babel import Locale

    for code in offered_languages():
        assert Locale.parse(code).get_display_name(code)
