"""Babel extraction for the contact records in TOML (the help directory, council profiles).

Their descriptions are shown to the public, so they are translated like any other words:
babel.cfg runs `extract_contacts` over the TOML files, and templates/components/contact.html
passes each field through gettext. Proper names are extracted too; a translation may keep
them as they are.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from typing import IO, Any

#: the fields of a contact that are words rather than numbers or addresses
TRANSLATED_FIELDS = ("name", "purpose", "audience", "phone_note", "hours", "stage1_name")


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in TRANSLATED_FIELDS and isinstance(value, str) and value:
                yield value
            else:
                yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


def extract_contacts(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, str, list[str]]]:
    for text in _strings(tomllib.load(fileobj)):
        yield 0, "gettext", text, []
