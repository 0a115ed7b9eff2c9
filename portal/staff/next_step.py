"""The case page's "Next" line: what the council must do next, and by when, in staff words.

Read from the domain's CaseState like the person's wording (portal.tracking.progress.due),
but said to the complaints team: "Acknowledge the complaint by Friday 4 December 2026 –
2 working days left". Nothing here counts days: the state has counted them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from portal.domain.stages import COMPLAINANT, CaseState, Next
from portal.i18n import gettext as _
from portal.i18n import long_date, ngettext


@dataclass(frozen=True)
class NextLine:
    """The next step in one sentence, and whether the council is late with it."""

    text: str
    overdue: bool = False


_DATED: dict[str, Callable[[str], str]] = {
    Next.ACKNOWLEDGE: lambda d: _("Acknowledge the complaint by %(day)s", day=d),
    Next.SEND_STAGE1_RESPONSE: lambda d: _("Send the stage 1 response by %(day)s", day=d),
    Next.REQUEST_STAGE2: lambda d: _(
        "Waiting for the person: they can ask for stage 2 until %(day)s", day=d
    ),
    Next.AGREE_STATEMENT: lambda d: _(
        "Agree the statement of complaint: the stage 2 response is due by %(day)s", day=d
    ),
    Next.SEND_STAGE2_RESPONSE: lambda d: _("Send the stage 2 response by %(day)s", day=d),
    Next.REQUEST_STAGE3: lambda d: _(
        "Waiting for the person: they can ask for a review panel until %(day)s", day=d
    ),
    Next.HOLD_PANEL: lambda d: _("Hold the review panel by %(day)s", day=d),
    Next.SEND_PANEL_REPORT: lambda d: _("The panel must send its report by %(day)s", day=d),
    Next.SEND_FINAL_RESPONSE: lambda d: _("Send the final response by %(day)s", day=d),
}

#: who is still to be appointed, from next_data["missing"]
_MISSING = {
    "investigating_officer": lambda: _("the investigating officer"),
    "independent_person": lambda: _("the independent person"),
}


def _appoint(state: CaseState, day: str) -> str:
    missing = [_MISSING[m]() for m in state.next_data.get("missing", "").split() if m in _MISSING]
    who = _(" and ").join(missing) if missing else _("the investigators")
    if day:
        return _("Appoint %(who)s: the stage 2 response is due by %(day)s", who=who, day=day)
    return _("Appoint %(who)s", who=who)


def _undated(state: CaseState) -> str:
    """Steps with no date of their own."""
    step = state.next_step
    if step == Next.RESUME:
        return _(
            "Paused: record that the complaint has resumed when it can go on. Why it was "
            "paused: %(reason)s",
            reason=state.next_data.get("reason", ""),
        )
    if step == Next.DECIDE_SUFFICIENT_INTEREST:
        return _("Decide on sufficient interest as soon as possible: stage 1 waits for it")
    if step == Next.GO_TO_OMBUDSMAN:
        return _("Nothing for the council: the person can go to the Ombudsman")
    latest = state.next_data.get("from_request_due")
    if latest:  # stage 2 counted from the statement, not yet agreed
        day = long_date(date.fromisoformat(latest))
        if step == Next.AGREE_STATEMENT:
            return _(
                "Agree the statement of complaint: the stage 2 response is due by %(day)s at "
                "the latest",
                day=day,
            )
        return _("Send the stage 2 response by %(day)s at the latest", day=day)
    return str(step)


def _when(state: CaseState) -> tuple[str | None, bool]:
    """The days left or late, in words, and whether the council is late."""
    yours = state.who == COMPLAINANT
    if state.overdue:
        if yours:
            return _("the time to ask has passed; a late request is still considered"), False
        days = state.days_overdue or 1
        late = ngettext("%(num)s working day late", "%(num)s working days late", days)
        return late, True
    if state.days_left is None:
        return None, False
    if state.days_left == 0:
        return _("due today"), False
    return ngettext("%(num)s working day left", "%(num)s working days left", state.days_left), False


def next_line(state: CaseState) -> NextLine | None:
    """What is due next on the case, or None when nothing is."""
    step = state.next_step
    if step is None:
        return None
    day = long_date(state.due) if state.due else ""
    if step == Next.APPOINT_INVESTIGATORS:
        sentence = _appoint(state, day)
    elif day and step in _DATED:
        sentence = _DATED[step](day)
    else:
        sentence = _undated(state)
    if step == Next.HOLD_PANEL and state.next_data.get("meeting_on"):
        meeting = long_date(date.fromisoformat(state.next_data["meeting_on"]))
        sentence = _("%(sentence)s (arranged for %(meeting)s)", sentence=sentence, meeting=meeting)
    if not day:
        return NextLine(sentence)
    when, late = _when(state)
    return NextLine(f"{sentence} – {when}" if when else sentence, late)
