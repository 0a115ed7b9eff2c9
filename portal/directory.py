"""Who can help: contact records for the council's own teams and for national organisations.

Every phone number, address and link shown to the public comes from a record here or in a
council profile, each with the source it was taken from, so it can be checked before launch.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

DIRECTORY_FILE = Path(__file__).with_name("directory.toml")


@dataclass(frozen=True)
class Contact:
    name: str
    id: str = ""
    purpose: str = ""
    audience: str = ""
    phone: str = ""
    phone_free: bool = False
    phone_note: str = ""
    text_phone: str = ""
    email: str = ""
    web: str = ""
    address: tuple[str, ...] = ()
    hours: str = ""
    source: str = ""
    last_verified: str = ""

    @property
    def tel(self) -> str:
        """The phone number as a tel: URI, for a link that works on phones."""
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        return f"tel:{digits}" if digits else ""

    @classmethod
    def from_mapping(cls, data: dict[str, Any], default_id: str = "") -> Contact:
        data = dict(data)
        data.setdefault("id", default_id)
        data["address"] = tuple(data.get("address", ()))
        known = set(cls.__dataclass_fields__)
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown contact fields for {data.get('name')!r}: {sorted(unknown)}")
        if not data.get("name"):
            raise ValueError(f"contact {default_id!r} has no name")
        return cls(**data)


@dataclass(frozen=True)
class Directory:
    entries: dict[str, Contact] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Contact:
        return self.entries[key]

    def get(self, key: str) -> Contact | None:
        return self.entries.get(key)


@cache
def national_directory() -> Directory:
    with DIRECTORY_FILE.open("rb") as fh:
        raw = tomllib.load(fh)
    return Directory({key: Contact.from_mapping(value, key) for key, value in raw.items()})
