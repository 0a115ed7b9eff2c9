"""translations/messages.pot is kept up to date with the code and templates."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
