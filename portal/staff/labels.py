"""Words for the staff side: the domain's ids (stages, statuses, next steps, flags) as the
complaints team reads them, and the options of the case list's filters.

The domain speaks in ids; the words live here, in gettext, so the domain stays free of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from portal.domain.case_state import Next, Status
from portal.domain.events import Kind
from portal.domain.replay import OUTCOMES as OUTCOME_IDS
from portal.i18n import gettext as _
from portal.i18n import lazy_gettext as _l
from portal.models import StaffUser

STAGE_NAMES = {
    "open": _l("Open cases, any stage"),
    "1": _l("Stage 1"),
    "2": _l("Stage 2"),
    "3": _l("Stage 3"),
    "closed": _l("Closed"),
    "all": _l("All cases"),
}

STATUSES = {
    Status.RECEIVED: _l("Received"),
    Status.AWAITING_DECISION: _l("Waiting for a decision on sufficient interest"),
    Status.ACKNOWLEDGED: _l("Acknowledged"),
    Status.STAGE1_RESPONDED: _l("Stage 1 response sent"),
    Status.STAGE2_REQUESTED: _l("Stage 2 asked for"),
    Status.STAGE2_INVESTIGATING: _l("Stage 2 investigation"),
    Status.STAGE2_RESPONDED: _l("Stage 2 response sent"),
    Status.STAGE3_REQUESTED: _l("Stage 3 asked for"),
    Status.PANEL_CONVENED: _l("Review panel arranged"),
    Status.PANEL_HELD: _l("Review panel held"),
    Status.PANEL_REPORTED: _l("Panel report sent"),
    Status.FINAL_RESPONSE_SENT: _l("Final response sent"),
    Status.ESCALATION_REFUSED: _l("Next stage refused"),
    Status.PAUSED: _l("Paused"),
    Status.CLOSED: _l("Closed"),
    Status.WITHDRAWN: _l("Withdrawn"),
    Status.RESOLVED_EARLY: _l("Resolved early"),
    Status.REFUSED: _l("Refused"),
    Status.NO_SUFFICIENT_INTEREST: _l("No sufficient interest"),
}

#: each event kind as the complaints team says it (the select and the events table)
EVENT_NAMES = {
    Kind.RECEIVED: _l("Received"),
    Kind.ACKNOWLEDGED: _l("Acknowledged"),
    Kind.SUFFICIENT_INTEREST_DECIDED: _l("Sufficient interest decided"),
    Kind.ADVOCATE_NEEDED: _l("Advocate needed"),
    Kind.STAGE1_EXTENDED: _l("Stage 1 extended"),
    Kind.STAGE1_RESPONSE_SENT: _l("Stage 1 response sent"),
    Kind.STAGE2_REQUESTED: _l("Stage 2 asked for"),
    Kind.STATEMENT_AGREED: _l("Statement of complaint agreed"),
    Kind.INVESTIGATING_OFFICER_APPOINTED: _l("Investigating officer appointed"),
    Kind.INDEPENDENT_PERSON_APPOINTED: _l("Independent person appointed"),
    Kind.STAGE2_EXTENDED: _l("Stage 2 extended"),
    Kind.STAGE2_RESPONSE_SENT: _l("Stage 2 response (adjudication) sent"),
    Kind.STAGE3_REQUESTED: _l("Review panel asked for"),
    Kind.PANEL_CONVENED: _l("Review panel arranged"),
    Kind.PANEL_HELD: _l("Review panel held"),
    Kind.PANEL_REPORT_SENT: _l("Panel report sent"),
    Kind.FINAL_RESPONSE_SENT: _l("Final response sent"),
    Kind.CLOSED: _l("Closed"),
    Kind.WITHDRAWN: _l("Withdrawn"),
    Kind.RESOLVED_EARLY: _l("Resolved early"),
    Kind.PAUSED: _l("Paused"),
    Kind.RESUMED: _l("Resumed"),
    Kind.REFUSED: _l("Refused"),
    Kind.ESCALATION_REFUSED: _l("Next stage refused"),
    Kind.REFERRED_TO_OMBUDSMAN: _l("Referred to the Ombudsman"),
}


def event_name(kind: str) -> str:
    return str(EVENT_NAMES.get(kind, kind.replace("_", " ").capitalize()))


#: how a complaint reached the council (cases.channel)
CHANNELS = {
    "online": _l("Online, through this service"),
    "phone": _l("By phone"),
    "letter": _l("By letter"),
    "email": _l("By email"),
    "in_person": _l("In person"),
}


def channel_name(channel: str | None) -> str:
    return str(CHANNELS.get(channel or "online", channel))


NEXT_STEPS = {
    Next.ACKNOWLEDGE: _l("Acknowledge the complaint"),
    Next.DECIDE_SUFFICIENT_INTEREST: _l("Decide on sufficient interest"),
    Next.SEND_STAGE1_RESPONSE: _l("Send the stage 1 response"),
    Next.REQUEST_STAGE2: _l("The person may ask for stage 2"),
    Next.AGREE_STATEMENT: _l("Agree the statement of complaint"),
    Next.APPOINT_INVESTIGATORS: _l("Appoint the investigating officer and independent person"),
    Next.SEND_STAGE2_RESPONSE: _l("Send the stage 2 response"),
    Next.REQUEST_STAGE3: _l("The person may ask for a review panel"),
    Next.HOLD_PANEL: _l("Hold the review panel"),
    Next.SEND_PANEL_REPORT: _l("Send the panel's report"),
    Next.SEND_FINAL_RESPONSE: _l("Send the final response"),
    Next.RESUME: _l("Restart the paused complaint"),
    Next.GO_TO_OMBUDSMAN: _l("The person may go to the Ombudsman"),
}

FLAGS = {
    "overdue": _l("Overdue"),
    "proceedings": _l("Court proceedings"),
    "late": _l("Made more than 12 months after it happened"),
    "sufficient_interest": _l("Sufficient interest to decide"),
    "fluency": _l("Needs help with English"),
    "advocate_requested": _l("Advocacy requested"),
}

#: a response's outcome (portal.domain.replay.OUTCOMES), in the order the form offers them
OUTCOMES = {
    "upheld": _l("Upheld"),
    "partly_upheld": _l("Partly upheld"),
    "not_upheld": _l("Not upheld"),
}
assert tuple(OUTCOMES) == OUTCOME_IDS, "every outcome the domain accepts needs its words"

#: an event's details, by key
DETAILS = {
    "outcome": _l("Outcome"),
    "reason": _l("Reason"),
    "days": _l("Working days"),
    "decision": _l("Decision"),
    "meeting_on": _l("Meeting on"),
}


def detail_lines(details: Mapping[str, str]) -> list[str]:
    """An event's details for the events table: "Outcome: Partly upheld", "Reason: ..."."""
    lines = []
    for key, value in details.items():
        words = OUTCOMES.get(value, value) if key == "outcome" else value
        lines.append(_("%(key)s: %(value)s", key=DETAILS.get(key, key), value=words))
    return lines


#: a decision on a triage flag once made (portal.staff.decisions), by flag and decision
DECISIONS = {
    ("sufficient_interest", "yes"): "Decided the person has sufficient interest on %(day)s by "
    "%(who)s",
    ("sufficient_interest", "no"): "Decided the person does not have sufficient interest on "
    "%(day)s by %(who)s",
    ("proceedings", "paused"): "Paused for proceedings on %(day)s by %(who)s",
    ("late", "accepted"): "Accepted late complaint on %(day)s by %(who)s",
    ("late", "refused"): "Refused late complaint on %(day)s by %(who)s",
    ("fluency", "split"): "Split off the part about English fluency on %(day)s by %(who)s",
}


def decision_words(flag: str, decision: str, day: str, who: str) -> str:
    """ "Accepted late complaint on 3 Dec 2026 by someone@council"."""
    return _(DECISIONS[(flag, decision)], day=day, who=who)


def stage(value: str | None) -> str:
    return str(STAGE_NAMES.get(value or "", value or ""))


def next_step(value: str | None, status: str | None) -> str:
    if value:
        return str(NEXT_STEPS.get(value, value))  # type: ignore[call-overload]
    return str(STATUSES.get(status, status or ""))  # type: ignore[call-overload]


def _options(choices: Iterable[tuple[str, Any]], selected: str) -> list[dict[str, Any]]:
    return [{"value": v, "text": str(t), "selected": v == selected} for v, t in choices]


def stage_options(selected: str) -> list[dict[str, Any]]:
    return _options(STAGE_NAMES.items(), selected)


def status_options(selected: str) -> list[dict[str, Any]]:
    return _options([("", _l("Any status")), *STATUSES.items()], selected)


def flag_options(selected: Iterable[str]) -> list[dict[str, Any]]:
    chosen = set(selected)
    return [{"value": v, "text": str(t), "checked": v in chosen} for v, t in FLAGS.items()]


def assignee_options(
    selected: str, staff: Iterable[StaffUser], user: StaffUser
) -> list[dict[str, Any]]:
    people = [(str(s.id), s.email) for s in staff if s.id != user.id]
    choices = [("", _l("Anyone")), ("me", _l("Me")), ("none", _l("Nobody yet")), *people]
    return _options(choices, selected)
