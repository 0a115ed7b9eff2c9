"""Easy read: the same pages in simpler words, for children and anyone who reads little.

DESIGN.md §6: easy read is a content variant of the same journey, not a fork. In easy-read
mode `portal.i18n.gettext` swaps a string for its variant before translating it, so every
template, form label, hint and error message takes its easy-read words without a second
template. The variants are message ids themselves (marked with `N_` so that `make
translations` extracts them), which is how easy read works in every language.

A variant keeps the placeholders of the string it replaces (tests/test_easy_read.py checks).
Strings that are already short and plain ("Continue", "Yes") need no variant.
"""

from __future__ import annotations

from portal.easy_read import journey, pages, tracking

#: standard message id -> its easy-read message id
VARIANTS: dict[str, str] = {**pages.VARIANTS, **journey.VARIANTS, **tracking.VARIANTS}


def variant(msgid: str) -> str:
    return VARIANTS.get(msgid, msgid)
