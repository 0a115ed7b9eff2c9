"""What the tracking page says about a case: its stages, the step due now, and notices.

Everything here reads a CaseState (portal.domain.stages); nothing counts days. The words are
for the person who complained: "we" is the council, "you" is them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from portal.councils import Council
from portal.domain.stages import CLOSED_STATUSES, COMPLAINANT, CaseState, Kind, Next, Status
from portal.i18n import gettext as _
from portal.i18n import long_date, ngettext

DONE, IN_PROGRESS, NOT_STARTED, NOT_NEEDED, STOPPED = (
    "done",
    "in_progress",
    "not_started",
    "not_needed",
    "stopped",
)

#: the event that finishes each stage
_FINISHES = {
    1: Kind.STAGE1_RESPONSE_SENT,
    2: Kind.STAGE2_RESPONSE_SENT,
    3: Kind.FINAL_RESPONSE_SENT,
}


@dataclass(frozen=True)
class StageRow:
    number: int
    title: str
    status: str
    #: what has happened in the stage, each with its date, oldest first
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Due:
    """The step the case is waiting for, said in words."""

    sentence: str
    #: "4 working days left", "due today", or None when overdue or undated
    left: str | None = None
    overdue: bool = False
    #: how late the council is, in words, when overdue
    late: str | None = None
    #: the person's own step (asking for the next stage), not the council's
    yours: bool = False


@dataclass(frozen=True)
class Notice:
    """An extension, a pause or the end of the case, for a banner or inset."""

    kind: str
    title: str
    text: str
    lines: tuple[str, ...] = field(default_factory=tuple)


# The stages ------------------------------------------------------------------------------


def _stage_titles(council: Council) -> dict[int, str]:
    return {
        1: _("Stage 1: %(name)s", name=_(council.stage1_name)),
        2: _("Stage 2: Independent investigation"),
        3: _("Stage 3: Review panel"),
    }


def event_line(kind: str, on: date) -> str | None:
    """What an event means to the person, with its date, or None for one they need not hear."""
    day = long_date(on)
    lines: dict[str, Callable[[], str]] = {
        Kind.RECEIVED: lambda: _("We received your complaint on %(day)s", day=day),
        Kind.ACKNOWLEDGED: lambda: _("We told you we had your complaint on %(day)s", day=day),
        Kind.STAGE1_EXTENDED: lambda: _("We said we needed more time on %(day)s", day=day),
        Kind.ADVOCATE_NEEDED: lambda: _("An advocate was arranged on %(day)s", day=day),
        Kind.STAGE1_RESPONSE_SENT: lambda: _("We sent you our answer on %(day)s", day=day),
        Kind.STAGE2_REQUESTED: lambda: _("You asked for stage 2 on %(day)s", day=day),
        Kind.STATEMENT_AGREED: lambda: _(
            "We agreed with you what will be investigated on %(day)s", day=day
        ),
        Kind.STAGE2_EXTENDED: lambda: _("We said we needed more time on %(day)s", day=day),
        Kind.STAGE2_RESPONSE_SENT: lambda: _(
            "We sent you the result of the investigation on %(day)s", day=day
        ),
        Kind.STAGE3_REQUESTED: lambda: _("You asked for a review panel on %(day)s", day=day),
        Kind.PANEL_HELD: lambda: _("The review panel met on %(day)s", day=day),
        Kind.PANEL_REPORT_SENT: lambda: _("The panel sent its report on %(day)s", day=day),
        Kind.FINAL_RESPONSE_SENT: lambda: _("We sent you our final answer on %(day)s", day=day),
    }
    line = lines.get(kind)
    return line() if line else None


def stages(state: CaseState, council: Council) -> list[StageRow]:
    """The three stages, each done, in progress, not started, stopped or not needed."""
    by_stage: dict[int, list[str]] = {1: [], 2: [], 3: []}
    finished: set[int] = set()
    stage = 1
    for entry in state.history:
        kind = entry.event.kind
        if kind == Kind.STAGE2_REQUESTED:
            stage = 2
        elif kind == Kind.STAGE3_REQUESTED:
            stage = 3
        line = event_line(kind, entry.event.on)
        if line:
            by_stage[stage].append(line)
        for number, finishing in _FINISHES.items():
            if kind == finishing:
                finished.add(number)
    closed = state.status in CLOSED_STATUSES
    rows = []
    for number, title in _stage_titles(council).items():
        if number in finished:
            status = DONE
        elif number < state.stage_reached:
            status = DONE if not closed else STOPPED
        elif number == state.stage_reached:
            status = STOPPED if closed else IN_PROGRESS
        else:
            status = NOT_NEEDED if closed else NOT_STARTED
        rows.append(StageRow(number, title, status, tuple(by_stage[number])))
    return rows


_TAG_CLASSES = {
    DONE: "",
    IN_PROGRESS: "govuk-tag--light-blue",
    NOT_STARTED: "govuk-tag--grey",
    NOT_NEEDED: "govuk-tag--grey",
    STOPPED: "govuk-tag--grey",
}


def status_tag(status: str) -> dict[str, Any]:
    """GOV.UK tag parameters for a stage's status, in the visitor's language."""
    words = {
        DONE: _("Done"),
        IN_PROGRESS: _("In progress"),
        NOT_STARTED: _("Not started"),
        NOT_NEEDED: _("Not needed"),
        STOPPED: _("Stopped"),
    }
    return {"text": words[status], "classes": _TAG_CLASSES[status]}


# The step due now ----------------------------------------------------------------------


def _left(state: CaseState) -> str | None:
    if state.days_left is None:
        return None
    if state.days_left == 0:
        return _("due today")
    return ngettext("%(num)s working day left", "%(num)s working days left", state.days_left)


def due(state: CaseState) -> Due | None:
    """The step the case is waiting for, with its date in words, or None if nothing is."""
    step = state.next_step
    if step is None:
        return None
    when = long_date(state.due) if state.due else ""
    if step == Next.RESUME:
        return Due(_("Your complaint is on hold. We will tell you when it starts again."))
    if step == Next.DECIDE_SUFFICIENT_INTEREST:
        return Due(
            _(
                "We are deciding whether you can make this complaint for the child. "
                "We will tell you as soon as we can."
            )
        )
    if step == Next.GO_TO_OMBUDSMAN:
        return Due(
            _(
                "If you are still not happy, you can ask the Local Government and Social Care "
                "Ombudsman to look at your complaint."
            ),
            yours=True,
        )
    sentences: dict[str, Callable[[str], str]] = {
        Next.ACKNOWLEDGE: lambda d: _(
            "We should tell you we have your complaint by %(day)s", day=d
        ),
        Next.SEND_STAGE1_RESPONSE: lambda d: _("We should send you our answer by %(day)s", day=d),
        Next.REQUEST_STAGE2: lambda d: _(
            "If you are not happy with our answer, you can ask for stage 2 by %(day)s", day=d
        ),
        Next.AGREE_STATEMENT: _investigation,
        Next.APPOINT_INVESTIGATORS: _investigation,
        Next.SEND_STAGE2_RESPONSE: _investigation,
        Next.REQUEST_STAGE3: lambda d: _(
            "If you are not happy with the result, you can ask for a review panel by %(day)s",
            day=d,
        ),
        Next.HOLD_PANEL: lambda d: _("The review panel should meet by %(day)s", day=d),
        Next.SEND_PANEL_REPORT: lambda d: _(
            "The review panel should send its report by %(day)s", day=d
        ),
        Next.SEND_FINAL_RESPONSE: lambda d: _(
            "We should send you our final answer by %(day)s", day=d
        ),
    }
    if not when:
        # stage 2 counted from the agreed statement: until it is agreed, the longest it may take
        latest = state.next_data.get("from_request_due")
        return Due(
            _(
                "We will agree with you what will be investigated, then send you the result "
                "by %(day)s at the latest",
                day=long_date(date.fromisoformat(latest)),
            )
            if latest
            else _("We will tell you the date soon.")
        )
    yours = state.who == COMPLAINANT
    sentence = sentences[step](when)
    if state.overdue and not yours:
        days = state.days_overdue or 1
        late = ngettext("We are %(num)s working day late", "We are %(num)s working days late", days)
        return Due(sentence, overdue=True, late=late)
    return Due(sentence, left=_left(state), yours=yours)


def _investigation(day: str) -> str:
    return _("We should send you the result of the investigation by %(day)s", day=day)


# Notices ---------------------------------------------------------------------------------


def notices(state: CaseState) -> list[Notice]:
    """Extensions with their reasons, a pause, and how the case ended."""
    found = []
    for entry in state.history:
        ev = entry.event
        details = dict(ev.details)
        if ev.kind in (Kind.STAGE1_EXTENDED, Kind.STAGE2_EXTENDED):
            found.append(
                Notice(
                    "extended",
                    _("We need more time"),
                    _("On %(day)s we said we need more time.", day=long_date(ev.on)),
                    (_("Why: %(reason)s", reason=details.get("reason", "")),),
                )
            )
        elif ev.kind == Kind.ADVOCATE_NEEDED:
            found.append(
                Notice(
                    "extended",
                    _("More time for an advocate"),
                    _(
                        "On %(day)s we gave more time so that an advocate can help.",
                        day=long_date(ev.on),
                    ),
                )
            )
    if state.status == Status.PAUSED:
        found.append(
            Notice(
                "paused",
                _("Your complaint is on hold"),
                _("We have paused your complaint."),
                (_("Why: %(reason)s", reason=state.next_data.get("reason", "")),),
            )
        )
    ended = _ended(state)
    if ended:
        found.append(ended)
    return found


def _ended(state: CaseState) -> Notice | None:
    if state.status not in CLOSED_STATUSES:
        return None
    last = state.history[-1].event
    day = long_date(last.on)
    texts = {
        Status.WITHDRAWN: _("You withdrew your complaint on %(day)s.", day=day),
        Status.RESOLVED_EARLY: _("Your complaint was sorted out on %(day)s.", day=day),
        Status.REFUSED: _(
            "On %(day)s we decided we cannot look at your complaint under this procedure.",
            day=day,
        ),
        Status.NO_SUFFICIENT_INTEREST: _(
            "On %(day)s we decided you cannot make this complaint for the child.", day=day
        ),
        Status.CLOSED: _("We closed your complaint on %(day)s.", day=day),
    }
    reason = dict(last.details).get("reason")
    lines = (_("Why: %(reason)s", reason=reason),) if reason else ()
    return Notice("closed", _("Your complaint is closed"), texts[Status(state.status)], lines)
