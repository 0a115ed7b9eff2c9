"""What a new complaint's answers mean for the council: triage flags and the first due dates.

Flags are derived from the stored answers whenever they are needed, never stored, so a
corrected answer corrects the flag. Due dates count working days from the day the complaint
counts as received (calendar.received_date), with the council's own timescales.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from portal.domain import calendar, screening
from portal.domain.timescales import Timescales

#: flags the intake answers add to screening's
NO_CONSENT = "no_consent"
ADVOCATE_REQUESTED = "advocate_requested"
EVIDENCE_BY_POST = "evidence_by_post"
NOT_SAFE_TO_CONTACT = "not_safe_to_contact"


def triage_flags(answers: Mapping[str, Any]) -> frozenset[str]:
    """Everything the complaints team should look at first, for a submitted complaint.

    A representative without the child's agreement is accepted (GTBFC: never refuse at the
    door) and flagged, so the team can decide on consent or sufficient interest.
    """
    flags = set(screening.screen(answers).flags)
    if answers.get("consent") == "no":
        flags.add(NO_CONSENT)
    if answers.get("wants_advocate") in {"yes", "not_sure"}:
        flags.add(ADVOCATE_REQUESTED)
    if answers.get("evidence_by_post"):
        flags.add(EVIDENCE_BY_POST)
    if answers.get("safe_to_contact") == "no":
        flags.add(NOT_SAFE_TO_CONTACT)
    return frozenset(flags)


@dataclass(frozen=True)
class FirstDates:
    received: date
    acknowledge_by: date
    stage1_by: date


def first_dates(submitted: datetime, timescales: Timescales) -> FirstDates:
    """When the council must acknowledge the complaint and answer it at stage 1."""
    received = calendar.received_date(submitted)
    return FirstDates(
        received=received,
        acknowledge_by=calendar.add_working_days(received, timescales.acknowledge),
        stage1_by=calendar.add_working_days(received, timescales.stage1),
    )
