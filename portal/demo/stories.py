"""The demo's people and what happened to them: complaints in every stage and state, and a few
compliments and comments. Everyone is invented: the addresses are at example.com (reserved,
RFC 2606), the phone numbers are Ofcom's drama numbers, and the surnames are made up.

Dates are working days before today, read against the council's own timescales, so a case
that is "due today" is due today whenever and for whichever council the demo is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from portal.domain import calendar
from portal.domain.timescales import Timescales

OMBUDSMAN = "the Local Government and Social Care Ombudsman"


@dataclass(frozen=True)
class Story:
    """One case: its answers, its events (kind, day, details) and its messages."""

    kind: str
    answers: dict[str, Any]
    received: date
    events: list[tuple[str, date, dict[str, str]]] = field(default_factory=list)
    #: (sender "person" or "council", day, text)
    messages: list[tuple[str, date, str]] = field(default_factory=list)
    advocacy: bool = False


def ago(today: date, n: int) -> date:
    """The working day n working days before today (n=0: today, or the last working day)."""
    day = today
    while not calendar.is_working_day(day):
        day -= timedelta(days=1)
    counted = 0
    while counted < n:
        day -= timedelta(days=1)
        if calendar.is_working_day(day):
            counted += 1
    return day


def _month(day: date, months_before: int) -> str:
    index = day.year * 12 + day.month - 1 - months_before
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


SCREENING_NO = {
    key: "no"
    for key in (
        "danger",
        "provider",
        "child_protection",
        "court_decision",
        "approval",
        "appeal",
        "request",
        "compensation",
        "ombudsman_done",
        "waiting_decision",
        "proceedings",
        "repeat",
        "councillor",
        "fluency",
    )
}


def complaint(
    received: date,
    name: str,
    what: str,
    effect: str,
    outcome: str,
    *,
    role: str = "parent",
    child: str | None = None,
    child_age: int | None = None,
    child_dob: str | None = None,
    service: str = "social_work",
    where: str = "",
    when: tuple[str, str | None] = ("ongoing", None),
    people: tuple[str, ...] = (),
    aware_months: int = 2,
    email: str | None = None,
    phone: str | None = None,
    address: str | None = None,
    safe: str = "yes",
    **more: Any,
) -> dict[str, Any]:
    """A complaint's answers as the journey stores them, every step on its path answered."""
    answers: dict[str, Any] = {
        "kind": "complaint",
        **SCREENING_NO,
        "about": "children_social_care",
        "aware": _month(received, aware_months),
        "aware_over_12_months": "yes" if aware_months > 12 else "no",
        "role": role,
        "your_name": name,
        "service": service,
        "service_other": None,
        "what_happened": what,
        "where": where,
        "when": when[0],
        "when_date": when[1] if when[0] == "date" else None,
        "when_month": when[1] if when[0] == "month" else None,
        "people": list(people),
        "effect": effect,
        "outcome": outcome,
        "contacted_before": "no",
        "contacted_who": None,
        "contacted_when": None,
        "evidence_files": [],
        "evidence_by_post": [],
        "evidence": "done",
        "safe_contact": "no",
        "safe_contact_details": None,
        "adjustments": ["none"],
        "interpreter_language": None,
        "adjustments_other": None,
    }
    if role != "advocate":
        answers["on_behalf"] = "yes" if child else "no"
    if child:
        answers.update(child_name=child, consent="yes")
        if child_dob:
            answers.update(child_dob_known="yes", child_dob=child_dob, child_age=None)
        else:
            answers.update(child_dob_known="no", child_dob=None, child_age=str(child_age or 10))
    if role in ("child", "care_leaver"):
        answers["wants_advocate"] = "no"
    methods = [m for m, v in (("email", email), ("phone", phone), ("post", address)) if v]
    answers.update(
        contact_methods=methods,
        contact_email=email,
        contact_phone=phone,
        contact_address=address,
    )
    if email:
        answers["email_subject_clear"] = "yes"
    if phone or address:
        answers["safe_to_contact"] = safe
    if phone:
        answers["phone_times"] = ""
    answers.update(more)
    return answers


def feedback(kind: str, message: str, team: str, email: str | None = None) -> dict[str, Any]:
    answers: dict[str, Any] = {"kind": kind, "message": message, "team": team}
    answers["reply"] = "yes" if email else "no"
    if email:
        answers["email"] = email
    return answers


def _complaints(t: Timescales, today: date) -> list[Story]:  # noqa: PLR0915 - a list of data
    def on(n: int) -> date:
        return ago(today, n)

    stories: list[Story] = []

    def add(
        received: int, answers: Callable[[date], dict[str, Any]], *events: Any, **kw: Any
    ) -> None:
        day = on(received)
        history = [
            (kind, on(n), dict(details[0]) if details else {}) for kind, n, *details in events
        ]
        messages = [(who, on(n), text) for who, n, text in kw.pop("messages", ())]
        stories.append(Story("complaint", answers(day), day, history, messages, **kw))

    def ack(received: int) -> tuple[str, int]:
        return ("acknowledged", max(received - 1, 0))

    # Stage 1 ----------------------------------------------------------------------------------
    add(
        0,
        lambda d: complaint(
            d,
            "Grace Halloway",
            "My son's social worker changed three times since June and nobody told us. "
            "The new one did not know about his asthma plan.",
            "He is anxious before every visit and will not talk to anyone new.",
            "One social worker who stays, and a meeting to go through his plan.",
            child="Noah Halloway",
            child_age=9,
            email="grace.halloway@example.com",
            when=("month", _month(d, 1)),
        ),
        messages=[("person", 0, "I have some letters from the school I can send in.")],
    )
    add(
        1,
        lambda d: complaint(
            d,
            "Tariq Mensah-Wells",
            "The contact centre cancelled my Saturday contact with my daughter twice with an "
            "hour's notice.",
            "She cried both times and thinks I did not want to come.",
            "Contact at a time that is kept, and an apology to my daughter.",
            child="Amira Mensah-Wells",
            child_dob="2017-02-14",
            phone="07700 900123",
            safe="yes",
            where="At the family contact centre",
        ),
    )
    ondays = t.stage1 // 2
    add(
        ondays,
        lambda d: complaint(
            d,
            "Bethany Quillfeather",
            "I asked for a copy of my pathway plan in May and I still have not had it.",
            "I cannot apply for a college bursary without it.",
            "A copy of my plan, and a date for my next review.",
            role="care_leaver",
            service="leaving_care",
            email="b.quillfeather@example.com",
        ),
        ack(ondays),
    )
    add(
        t.stage1,
        lambda d: complaint(
            d,
            "Marcus Applewood",
            "The assessment said I refused to meet, but nobody ever contacted me.",
            "The assessment is being used in decisions about my grandson.",
            "The assessment corrected.",
            role="relative_or_friend",
            child="Kai Applewood",
            child_age=6,
            address="14 Orchard Row\nExampleton\nEX2 4QP",
            safe="yes",
        ),
        ("received", t.stage1, {"sufficient_interest": "pending"}),
        ("sufficient_interest_decided", t.stage1, {"decision": "yes"}),
        ack(t.stage1),
    )
    late = t.stage1 + 4
    add(
        late,
        lambda d: complaint(
            d,
            "Olusegun Marchbank",
            "My foster carer allowance has been paid late every month since April.",
            "We had to borrow money to buy school uniform.",
            "The allowance paid on time and the late payments explained.",
            role="foster_carer",
            child="Jaden",
            child_age=12,
            service="fostering",
            email="o.marchbank@example.com",
        ),
        ack(late),
        messages=[
            ("person", 2, "It has been more than two weeks now. When will I hear back?"),
            ("council", 1, "Sorry for the delay. The fostering manager is looking into it."),
        ],
    )
    extended = t.stage1 + 3
    if t.stage1_extension:
        add(
            extended,
            lambda d: complaint(
                d,
                "Priya Ashdown-Vale",
                "My daughter's respite nights were cut from four to two without a review.",
                "I am exhausted and her brother is missing school to help.",
                "The nights restored until a proper review.",
                child="Esha Ashdown-Vale",
                child_age=14,
                service="disabled_children",
                email="priya.av@example.com",
            ),
            ack(extended),
            (
                "stage1_extended",
                extended - 5,
                {"reason": "The short breaks manager is on leave until the end of the month."},
            ),
        )
    add(
        9,
        lambda d: complaint(
            d,
            "Daniel Okoro-Finch",
            "The police are investigating the incident at the children's home and the staff "
            "member is still working there.",
            "My son does not feel safe going back.",
            "The staff member kept away from my son until the investigation ends.",
            child="Tobi Okoro-Finch",
            child_age=15,
            service="residential",
            email="d.okorofinch@example.com",
            proceedings="yes",
        ),
        ack(9),
        ("paused", 6, {"reason": "A police investigation into the same events is under way."}),
    )
    add(
        3,
        lambda d: complaint(
            d,
            "Rosa Penhallow",
            "My grandson told his teacher he has not seen his social worker since Easter.",
            "Nobody is checking how he is.",
            "Someone to visit him, and to know why the visits stopped.",
            role="relative_or_friend",
            child="Leo Penhallow",
            child_age=8,
            phone="07700 900456",
            safe="yes",
        ),
        ("received", 3, {"sufficient_interest": "pending"}),
        ack(3),
    )
    add(
        4,
        lambda d: complaint(
            d,
            "Skye Lindqvist-Barr",
            "I was moved to a new placement with one day's notice and I had to change school.",
            "I lost my friends and my football team.",
            "To be asked first next time, and help getting to my old club.",
            role="child",
            service="children_in_care",
            email="skye.lb@example.com",
            wants_advocate="yes",
        ),
        ack(4),
        ("advocate_needed", 2),
        advocacy=True,
        messages=[("council", 1, "We have asked the advocacy service to contact you.")],
    )
    add(
        30,
        lambda d: complaint(
            d,
            "Harriet Bellweather",
            "I first raised this two years ago: the records about my adoption have my birth "
            "mother's name wrong.",
            "I cannot trace her.",
            "The records corrected.",
            role="adoption",
            service="adoption",
            aware_months=26,
            email="h.bellweather@example.com",
        ),
        ack(30),
        ("stage1_extended", 25, {"reason": "The archived adoption file is held off site."})
        if t.stage1_extension
        else ("acknowledged", 30),
        ("stage1_response_sent", 6, {"outcome": "partly_upheld"}),
    )
    add(
        2,
        lambda d: complaint(
            d,
            "Morwenna Achterberg",
            "The young person I support was told her care plan review would happen in her "
            "placement, then it was held at the office while she was at school.",
            "She feels decisions are made about her, not with her.",
            "Her review held again, at a time she can come to.",
            role="advocate",
            organisation="Example Advocacy Service",
            child="Keira",
            child_age=15,
            service="children_in_care",
            email="m.achterberg@example.org",
            consent="yes",
        ),
        ack(2),
    )
    add(
        6,
        lambda d: complaint(
            d,
            "Anh Nguyen-Hartley",
            "The interpreter did not come to the child protection visit, and my husband had "
            "to translate about himself.",
            "I could not say what I wanted to say.",
            "An interpreter at every meeting.",
            child="Minh Nguyen-Hartley",
            child_age=3,
            phone="07700 900789",
            address="Flat 2, 7 Canal Street\nExampleton\nEX3 9LD",
            safe="yes",
            adjustments=["interpreter"],
            interpreter_language="Vietnamese",
        ),
        ack(6),
        messages=[
            ("council", 4, "We have booked a Vietnamese interpreter to call you on Thursday."),
            ("person", 3, "Thank you. Thursday morning is best."),
        ],
    )
    # Stage 2 ----------------------------------------------------------------------------------
    add(
        t.stage1 + 10,
        lambda d: complaint(
            d,
            "Wiktoria Dunmore",
            "The child in need plan was closed without a meeting, and the support stopped.",
            "My son's behaviour at school has got much worse.",
            "The plan looked at again with us in the room.",
            child="Filip Dunmore",
            child_age=11,
            email="w.dunmore@example.com",
        ),
        ack(t.stage1 + 10),
        ("stage1_response_sent", 10, {"outcome": "not_upheld"}),
        ("stage2_requested", 1),
        messages=[
            ("person", 1, "The answer did not deal with the plan being closed. I want stage 2.")
        ],
    )
    add(
        40,
        lambda d: complaint(
            d,
            "Ibrahim Castellane",
            "My nephew's special guardianship allowance was reduced without explanation.",
            "We cannot afford his after-school club.",
            "The decision explained and looked at again.",
            role="special_guardian",
            child="Yusuf",
            child_age=7,
            service="adoption",
            email="i.castellane@example.com",
        ),
        ack(40),
        ("stage1_response_sent", 32, {"outcome": "upheld"}),
        ("stage2_requested", 25),
        ("statement_agreed", 18),
        ("investigating_officer_appointed", 17, {"note": "Investigating officer: A. Frobisher"}),
        ("independent_person_appointed", 17, {"note": "Independent person: M. Tamsworth"}),
    )
    add(
        60,
        lambda d: complaint(
            d,
            "Eleanor Fairhaven",
            "The child protection investigation went on for months after it was closed in "
            "writing, and visits kept happening.",
            "My children think they are going to be taken away.",
            "An explanation and an apology.",
            child="Maisie Fairhaven",
            child_dob="2015-09-30",
            email="e.fairhaven@example.com",
        ),
        ack(60),
        ("stage1_response_sent", 50, {"outcome": "partly_upheld"}),
        ("stage2_requested", 45),
        ("statement_agreed", 40),
        ("investigating_officer_appointed", 39),
        ("independent_person_appointed", 38),
        (
            "stage2_extended",
            20,
            {"reason": "Two witnesses could not be interviewed until next month.", "days": "20"},
        ),
    )
    # Stage 3 ----------------------------------------------------------------------------------
    add(
        75,
        lambda d: complaint(
            d,
            "Nathaniel Greaves-Oduya",
            "The local authority did not assess my needs as a care leaver when I turned 21.",
            "I was homeless for six weeks.",
            "An assessment, and the support I should have had paid back.",
            role="care_leaver",
            service="leaving_care",
            email="n.greaves@example.com",
        ),
        ack(75),
        ("stage1_response_sent", 68, {"outcome": "not_upheld"}),
        ("stage2_requested", 62),
        ("statement_agreed", 55),
        ("investigating_officer_appointed", 54),
        ("independent_person_appointed", 54),
        ("stage2_response_sent", 32, {"outcome": "upheld"}),
        ("stage3_requested", 15),
        ("panel_convened", 10, {"meeting_on": (today + timedelta(days=10)).isoformat()}),
    )
    # Over, one way or another -----------------------------------------------------------------
    add(
        170,
        lambda d: complaint(
            d,
            "Winifred Stallybrass",
            "Nobody told us our foster placement was ending until the day before.",
            "The children's move was rushed and frightening.",
            "A proper goodbye, and the process changed.",
            role="foster_carer",
            child="the twins",
            child_age=5,
            service="fostering",
            email="w.stallybrass@example.com",
        ),
        ack(170),
        ("stage1_response_sent", 160, {"outcome": "partly_upheld"}),
        ("stage2_requested", 150),
        ("statement_agreed", 146),
        ("investigating_officer_appointed", 145),
        ("independent_person_appointed", 145),
        ("stage2_response_sent", 122, {"outcome": "not_upheld"}),
        ("stage3_requested", 110),
        ("panel_convened", 100, {"meeting_on": on(88).isoformat()}),
        ("panel_held", 88),
        ("panel_report_sent", 85),
        ("final_response_sent", 72, {"outcome": "upheld"}),
    )
    add(
        150,
        lambda d: complaint(
            d,
            "Augustin Ferreira-Cole",
            "The review of my son's care plan was cancelled four times.",
            "He has been in the same emergency placement for a year.",
            "A review that happens, and a long-term home for him.",
            child="Mateus Ferreira-Cole",
            child_age=13,
            service="children_in_care",
            email="a.ferreiracole@example.com",
        ),
        ack(150),
        ("stage1_response_sent", 140, {"outcome": "partly_upheld"}),
        ("stage2_requested", 132),
        ("statement_agreed", 128),
        ("investigating_officer_appointed", 127),
        ("independent_person_appointed", 127),
        ("stage2_response_sent", 100, {"outcome": "not_upheld"}),
        ("stage3_requested", 95),
        ("panel_held", 70),
        ("panel_report_sent", 66),
        ("final_response_sent", 55, {"outcome": "upheld"}),
        ("referred_to_ombudsman", 20),
    )
    add(
        45,
        lambda d: complaint(
            d,
            "Constance Ebberley",
            "The family support worker spoke about us in front of other parents.",
            "I felt humiliated at the school gate.",
            "An apology.",
            child="Ruby Ebberley",
            child_age=8,
            email="c.ebberley@example.com",
        ),
        ack(45),
        ("stage1_response_sent", 38, {"outcome": "partly_upheld"}),
        ("closed", 10),
        messages=[("council", 38, "Our stage 1 response is attached to this message.")],
    )
    add(
        20,
        lambda d: complaint(
            d,
            "Kwabena Thistlewood",
            "My daughter's pocket money was not paid for two months at her placement.",
            "She had none for her school trip.",
            "The money paid.",
            child="Abena Thistlewood",
            child_age=12,
            service="children_in_care",
            email="k.thistlewood@example.com",
        ),
        ack(20),
        ("withdrawn", 12),
        messages=[("person", 12, "It has been sorted out now, thank you. I want to withdraw.")],
    )
    add(
        15,
        lambda d: complaint(
            d,
            "Lorcan Pemberton-Hale",
            "The school will not let my son go on the residential trip.",
            "He is left out.",
            "Him allowed on the trip.",
            child="Finn Pemberton-Hale",
            child_age=10,
            service="other",
            service_other="The school",
            email="l.pembertonhale@example.com",
        ),
        ack(15),
        (
            "refused",
            12,
            {
                "reason": "This is about a school's decision, which the school's own complaints "
                f"procedure covers. If you disagree you can go to {OMBUDSMAN}."
            },
        ),
    )
    add(
        25,
        lambda d: complaint(
            d,
            "Mirela Voskuijlen",
            "I was not invited to my son's looked-after review.",
            "Decisions were made about him without me.",
            "To be invited to every review.",
            child="Luka Voskuijlen",
            child_age=9,
            service="children_in_care",
            email="m.voskuijlen@example.com",
            fluency="no",
        ),
        ack(25),
        ("resolved_early", 20),
    )
    add(
        35,
        lambda d: complaint(
            d,
            "Hollis Brackenridge",
            "My complaint to stage 1 was never answered.",
            "I have waited months.",
            "An answer.",
            child="Ava Brackenridge",
            child_age=4,
            email="h.brackenridge@example.com",
        ),
        ack(35),
        ("referred_to_ombudsman", 5),
    )
    return stories


def _feedback(today: date) -> list[Story]:
    items = [
        (
            "compliment",
            "Our social worker Jo went above and beyond when my mum was in hospital. Thank you.",
            "Jo in the Exampleton North team",
            "f.ashby@example.com",
            3,
        ),
        (
            "compliment",
            "The leaving care team helped me move into my first flat. I could not have done it "
            "without them.",
            "Leaving care team",
            None,
            11,
        ),
        (
            "comment",
            "It would help if letters said who to call, not just the team's name.",
            "",
            "r.oyelaran@example.com",
            6,
        ),
        (
            "comment",
            "The waiting room at the contact centre has no toys for toddlers.",
            "Family contact centre",
            None,
            18,
        ),
    ]
    return [
        Story(kind, feedback(kind, message, team, email), ago(today, days))
        for kind, message, team, email, days in items
    ]


def stories(timescales: Timescales, today: date) -> list[Story]:
    return _complaints(timescales, today) + _feedback(today)
