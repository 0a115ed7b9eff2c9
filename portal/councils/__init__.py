"""Council profiles: who the council is, how to reach it, its timescales and upload limits.

One TOML file per council in this folder; COUNCIL picks one. Templates and views read
contact details and figures only from here, never from literals, so another council can run
the portal by adding a file.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any

from portal.directory import Contact
from portal.domain.timescales import Timescales

PROFILE_DIR = Path(__file__).parent
_ID = re.compile(r"^[a-z][a-z0-9_-]{1,40}$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")

CONTACT_SECTIONS = (
    "complaints_team",
    "front_door",
    "corporate_complaints",
    "advocacy",
    "insurance",
)

#: every kind of evidence file the portal can recognise by its content (portal/journey/evidence.py)
EVIDENCE_KINDS = (
    *("pdf", "doc", "docx", "rtf", "txt"),
    *("jpeg", "png", "heic", "gif", "webp"),
    *("mp3", "m4a", "aac", "wav", "ogg", "mp4", "mov", "webm"),
)


@dataclass(frozen=True)
class EvidenceLimits:
    """How much evidence a family can upload, and of which kinds: an optional [evidence] table."""

    max_files: int = 10
    max_file_mb: int = 10
    max_total_mb: int = 50
    types: tuple[str, ...] = EVIDENCE_KINDS

    def __post_init__(self) -> None:
        for name in ("max_files", "max_file_mb", "max_total_mb"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"evidence {name} must be a whole number above 0, not {value!r}")
        if self.max_file_mb > self.max_total_mb:
            raise ValueError("evidence max_file_mb cannot be more than max_total_mb")
        if not self.types or isinstance(self.types, str):
            raise ValueError("evidence types must be a list of at least one kind")
        unknown = [kind for kind in self.types if kind not in EVIDENCE_KINDS]
        if unknown:
            raise ValueError(
                f"unknown evidence types {unknown}; choose from {list(EVIDENCE_KINDS)}"
            )

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> EvidenceLimits:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown evidence settings: {sorted(unknown)}")
        data = dict(data)
        if isinstance(data.get("types"), list):
            data["types"] = tuple(data["types"])
        return cls(**data)


@dataclass(frozen=True)
class Council:
    id: str
    name: str
    short_name: str
    colour: str
    website: str
    fictional: bool
    stage1_name: str
    complaints_team: Contact
    front_door: Contact
    corporate_complaints: Contact
    advocacy: Contact
    insurance: Contact
    timescales: Timescales
    evidence: EvidenceLimits
    source: str

    @property
    def service_name(self) -> str:
        return "Children's social care complaints"


class UnknownCouncil(LookupError):
    pass


def available() -> list[str]:
    return sorted(p.stem for p in PROFILE_DIR.glob("*.toml"))


def _parse(council_id: str, raw: dict[str, Any]) -> Council:
    raw = dict(raw)
    if raw.get("id") != council_id:
        raise ValueError(f"{council_id}.toml must say id = {council_id!r}")
    colour = raw.get("colour", "#1d70b8")
    if not _COLOUR.match(colour):
        raise ValueError(f"{council_id}: colour must be #rrggbb")
    contacts = {
        section: Contact.from_mapping(raw.get(section, {}), f"{council_id}_{section}")
        for section in CONTACT_SECTIONS
    }
    return Council(
        id=council_id,
        name=raw["name"],
        short_name=raw.get("short_name", raw["name"]),
        colour=colour,
        website=raw.get("website", ""),
        fictional=bool(raw.get("fictional", False)),
        stage1_name=raw.get("stage1_name", "Local resolution"),
        timescales=Timescales.from_mapping(raw.get("timescales", {})),
        evidence=EvidenceLimits.from_mapping(raw.get("evidence", {})),
        source=raw.get("source", ""),
        **contacts,
    )


@cache
def load_council(council_id: str) -> Council:
    if not _ID.match(council_id or ""):
        raise UnknownCouncil(council_id)
    path = PROFILE_DIR / f"{council_id}.toml"
    if not path.is_file():
        raise UnknownCouncil(f"no council profile {council_id!r}; choose one of {available()}")
    with path.open("rb") as fh:
        return _parse(council_id, tomllib.load(fh))
