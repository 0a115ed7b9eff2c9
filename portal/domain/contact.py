"""How the portal may contact the person who complained, read from their answers.

A person who says letters or texts are not safe gets no texts; a person who says emails may
not say what they are about gets subject lines that mention neither a complaint nor a child.
Texts go only to mobile numbers, and only to people who chose "Phone or text message".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_MOBILE = re.compile(r"^(?:\+44|0044|0)7\d{9}$")


@dataclass(frozen=True)
class Channels:
    #: the address to email, or None
    email: str | None
    #: the mobile number to text, in +44 form, or None
    sms: str | None
    #: subject lines must not say what the message is about
    discreet: bool


def mobile(number: str) -> str | None:
    """A UK mobile number in +44 form, or None for anything else (landlines cannot take texts)."""
    digits = re.sub(r"[\s().-]", "", (number or "").replace("(0)", ""))
    if not _MOBILE.match(digits):
        return None
    return "+44" + digits[-10:]


def channels(answers: Mapping[str, Any]) -> Channels:
    methods = set(answers.get("contact_methods") or ())
    address = answers.get("contact_email") if "email" in methods else None
    texts_safe = "phone" in methods and answers.get("safe_to_contact") == "yes"
    return Channels(
        email=str(address) if address else None,
        sms=mobile(str(answers.get("contact_phone") or "")) if texts_safe else None,
        discreet=answers.get("email_subject_clear") == "no",
    )
