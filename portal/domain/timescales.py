"""The timescale settings that differ between councils (domain.md §4.2), and the defaults.

Every figure is a number of *working days* as reg. 2 of the 2006 Regulations defines them,
counted with the "day 0" rule of portal.domain.calendar: the day something arrives (a
complaint, a request, a response) is day 0 and never counts, the limit falls on the n-th
working day after it, and anything arriving on a non-working day counts as arriving on the
next working day. See calendar.py's docstring for the reasons.

Two kinds of figure, validated differently (domain.md §4.1, §4.2, §9):

* Council settings, which the law leaves to the council: the acknowledgement (2 or 5 seen;
  the corporate Complaint Handling Code's 5 is the longest allowed), stage 1 (10 + 10 or a
  flat 20: reg. 14's longest is 20 in all, of which an extension is at most 10), and the
  window to ask for stage 2 (no figure in the regulations; 20 is the default).
* Statutory figures, set by the regulations: stage 2 in 25 working days, extended to at most
  65 (reg. 17); the complainant's 20 working days to ask for a review panel (reg. 18); the
  panel meeting within 30 working days of the request (reg. 19(4)); its report within 5 of
  the meeting and the council's response within 15 of the report (reg. 20). The council's own
  limits here may only be restated, never changed: a longer one would show an unlawful date
  as on time, a shorter one would misstate the law to the family. The complainant's window is
  a floor: a council may give more time, never less.

The defaults are the regulations' figures, with acknowledgement 5 and a stage 2 window of 20
where the regulations say nothing (domain.md §9, items 1-4).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

#: where the stage 2 clock starts: the Statement of Complaint being agreed (Islington, reg. 17
#: as councils apply it) or the request for stage 2 (how LGSCO decisions count). domain.md §9.4.
STAGE2_CLOCK_STARTS = ("statement_agreed", "request")

#: the longest acknowledgement a profile may set: the corporate Complaint Handling Code's 5
ACKNOWLEDGE_LONGEST = 5
#: reg. 14: stage 1 in 10 working days, extendable by 10 more, so 20 at the longest
STAGE1_LONGEST = 20
STAGE1_EXTENSION_LONGEST = 10

#: council limits the regulations fix: a profile may only restate them
STATUTORY_LIMITS: dict[str, tuple[int, str]] = {
    "stage2": (25, "reg. 17"),
    "stage2_max": (65, "reg. 17"),
    "panel": (30, "reg. 19(4)"),
    "panel_report": (5, "reg. 20"),
    "final_response": (15, "reg. 20(3)"),
}
#: the complainant's windows the regulations fix: a profile may give more time, never less
STATUTORY_WINDOWS: dict[str, tuple[int, str]] = {
    "stage3_request_window": (20, "reg. 18"),
}


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
            # bool is an int in Python, but `stage1 = true` in a profile is a mistake
            if f.type == "int" and (type(value) is not int or value < 0):
                raise ValueError(
                    f"timescale {f.name} must be a whole number of days, not {value!r}"
                )
        if self.stage2_clock_start not in STAGE2_CLOCK_STARTS:
            raise ValueError(f"stage2_clock_start must be one of {STAGE2_CLOCK_STARTS}")
        self._check_council_settings()
        self._check_statutory_figures()

    def _check_council_settings(self) -> None:
        if not 1 <= self.acknowledge <= ACKNOWLEDGE_LONGEST:
            raise ValueError(
                f"acknowledge must be 1 to {ACKNOWLEDGE_LONGEST} working days "
                f"(the Complaint Handling Code's longest), not {self.acknowledge}"
            )
        if self.acknowledge > self.stage1:
            raise ValueError("acknowledge cannot be later than the stage 1 response")
        if self.stage1_extension > STAGE1_EXTENSION_LONGEST:
            raise ValueError(
                f"stage1_extension can be at most {STAGE1_EXTENSION_LONGEST} working days "
                f"(reg. 14), not {self.stage1_extension}"
            )
        if self.stage1_longest > STAGE1_LONGEST:
            raise ValueError(
                f"stage1 + stage1_extension can be at most {STAGE1_LONGEST} working days "
                f"(reg. 14), not {self.stage1_longest}"
            )
        if self.stage2_request_window < 1:
            raise ValueError("stage2_request_window must be at least 1 working day")

    def _check_statutory_figures(self) -> None:
        for name, (law, source) in STATUTORY_LIMITS.items():
            value = getattr(self, name)
            if value != law:
                raise ValueError(
                    f"{name} is {law} working days by {source}; a profile cannot change it "
                    f"(got {value})"
                )
        for name, (law, source) in STATUTORY_WINDOWS.items():
            value = getattr(self, name)
            if value < law:
                raise ValueError(
                    f"{name} cannot be shorter than the {law} working days of {source} "
                    f"(got {value})"
                )

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
