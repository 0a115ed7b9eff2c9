"""The timescale settings that differ between councils (domain.md §4.2), and the defaults.

Everything is in working days as reg. 2 of the 2006 Regulations defines them, except where a
name says otherwise. The statutory figures (stage 2: 25, at most 65; panel: 30; panel report: 5;
final response: 15) are defaults a profile may only restate, never shorten below the law, and
the council-set figures (acknowledgement, stage 1, request windows) come from each council's
published practice.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

STAGE2_CLOCK_STARTS = ("statement_agreed", "request")


@dataclass(frozen=True)
class Timescales:
    acknowledge: int = 5
    stage1: int = 10
    stage1_extension: int = 10
    stage2_request_window: int = 20
    stage2: int = 25
    stage2_max: int = 65
    stage2_clock_start: str = "statement_agreed"
    stage3_request_window: int = 20
    panel: int = 30
    panel_report: int = 5
    final_response: int = 15

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.type == "int" and (not isinstance(value, int) or value < 0):
                raise ValueError(
                    f"timescale {f.name} must be a whole number of days, not {value!r}"
                )
        if self.stage2_clock_start not in STAGE2_CLOCK_STARTS:
            raise ValueError(f"stage2_clock_start must be one of {STAGE2_CLOCK_STARTS}")
        if self.stage2_max < self.stage2:
            raise ValueError("stage2_max cannot be shorter than stage2")

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> Timescales:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown timescale settings: {sorted(unknown)}")
        return cls(**data)

    @property
    def stage1_longest(self) -> int:
        return self.stage1 + self.stage1_extension
