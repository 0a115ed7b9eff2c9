"""`N_`: marks a string for extraction into messages.pot without translating it now."""

from __future__ import annotations


def N_(string: str) -> str:  # noqa: N802 - the name gettext's tools look for
    return string
