"""Complaint reference numbers: short, easy to read aloud, and checked for typing mistakes.

A reference is 8 random characters and a check character, shown in groups of three
(for example "BDF-4K7-MZQ"). The alphabet has no vowels (so no words), and no 0, 1, O or I
(so nothing is misread over the phone). The check character (Luhn mod N) catches every
single wrong character and almost every swap of neighbours, so a mistyped reference is
rejected instead of matching someone else's.

A reference identifies a case; it is never enough on its own to see one.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

ALPHABET = "23456789BCDFGHJKLMNPQRSTVWXZ"
BODY_LENGTH = 8
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}


def check_character(body: str) -> str:
    """Luhn mod N over ALPHABET."""
    n = len(ALPHABET)
    total = 0
    factor = 2
    for ch in reversed(body):
        addend = factor * _INDEX[ch]
        total += addend // n + addend % n
        factor = 1 if factor == 2 else 2
    return ALPHABET[(n - total % n) % n]


def new_reference(randbelow: Callable[[int], int] = secrets.randbelow) -> str:
    body = "".join(ALPHABET[randbelow(len(ALPHABET))] for _ in range(BODY_LENGTH))
    return body + check_character(body)


def normalise(text: str) -> str | None:
    """A reference as typed (any case, spaces or hyphens) in canonical form, or None."""
    compact = "".join(ch for ch in text.upper() if ch not in " -\t")
    if len(compact) != BODY_LENGTH + 1 or any(ch not in _INDEX for ch in compact):
        return None
    if check_character(compact[:-1]) != compact[-1]:
        return None
    return compact


def display(reference: str) -> str:
    return "-".join(reference[i : i + 3] for i in range(0, len(reference), 3))
