"""The questions of an advocacy request, which of them apply, and what staff must check.

Who the advocate could be for comes from the complaint: someone complaining for a child
(screening's `role` and `on_behalf`) is asked whether it is for them or for the child; anyone
else is asking for themselves. Only for a child is home and agreement asked about.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from flask import url_for

from portal.i18n import gettext as _
from portal.i18n import lazy_gettext as _l
from portal.journey.complaint_steps import for_someone_else
from portal.journey.forms import StepForm, choice, radio

Answers = Mapping[str, Any]
#: each question's answer key
KEYS = {"who": "advocate_for", "home": "lives_at_home", "agreement": "agreement"}
#: roles the statutory right to an advocate (Children Act 1989 s.26A) is for
YOUNG = frozenset({"child", "care_leaver"})
PARENTS = frozenset({"parent", "parental_responsibility"})


def child_name(case_answers: Answers) -> str:
    return str(case_answers.get("child_name") or _("the child or young person"))


class _Question(StepForm):
    def __init__(self, *args: Any, case_answers: Answers, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.case_answers = case_answers
        self.name = child_name(case_answers)


class WhoFor(_Question):
    advocate_for = radio(
        _l("Who is the advocate for?"),
        [choice("me", _l("Me")), choice("child", _l("The child or young person"))],
        _l("Select who the advocate is for"),
        _l(
            "An advocate is someone who is on your side and does not work for children's social "
            "care. They can help a person say what they want, or speak for them."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.advocate_for.choices = [
            choice("me", _("Me")),
            choice("child", _("%(name)s, who the complaint is about", name=self.name)),
        ]


class Home(_Question):
    lives_at_home = radio(
        _l("Does the child or young person live at home with their parents?"),
        [
            choice("yes", _l("Yes")),
            choice("no", _l("No")),
            choice("not_sure", _l("I'm not sure")),
        ],
        _l("Select yes if the child or young person lives at home with their parents"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lives_at_home.label.text = _(
            "Does %(name)s live at home with their parents?", name=self.name
        )
        self.item_hints = {
            "no": _(
                "For example, they live with foster carers, in a children's home or with relatives."
            )
        }


class Agreement(_Question):
    agreement = radio(
        _l("Does a parent agree, or does the child or young person want an advocate themselves?"),
        [
            choice("parent_agrees", _l("A parent agrees")),
            choice("child_wants", _l("They understand what an advocate does, and want one")),
            choice("not_yet", _l("Neither yet, or I'm not sure")),
        ],
        _l("Select if a parent agrees, or if the child or young person wants an advocate"),
    )
    divider_before = ("not_yet",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.agreement
        field.label.text = _(
            "Does a parent agree, or does %(name)s want an advocate themselves?", name=self.name
        )
        field.description = _(
            "When a child lives at home, an advocacy service usually needs a parent to agree. "
            "A child who understands what an advocate does can ask for one themselves. "
            "We will still pass on your request whatever you answer."
        )
        field.choices = [
            choice("parent_agrees", _("A parent agrees")),
            choice(
                "child_wants",
                _("%(name)s understands what an advocate does, and wants one", name=self.name),
            ),
            choice("not_yet", _("Neither yet, or I'm not sure")),
        ]
        if self.case_answers.get("role") in PARENTS:
            self.item_hints = {"parent_agrees": _("You can choose this if you are their parent.")}


FORMS: dict[str, type[_Question]] = {"who": WhoFor, "home": Home, "agreement": Agreement}


# Which questions, in which order --------------------------------------------------------------


def advocate_for(case_answers: Answers, answers: Answers) -> str | None:
    """ "me" or "child"; None while the question is unanswered."""
    return answers.get("advocate_for") if for_someone_else(case_answers) else "me"


def applicable(case_answers: Answers, answers: Answers) -> list[str]:
    slugs = ["who"] if for_someone_else(case_answers) else []
    if advocate_for(case_answers, answers) == "child":
        slugs.append("home")
        if answers.get("lives_at_home") in ("yes", "not_sure"):
            slugs.append("agreement")
    return slugs


def next_missing(case_answers: Answers, answers: Answers) -> str | None:
    return next((s for s in applicable(case_answers, answers) if KEYS[s] not in answers), None)


def previous(case_answers: Answers, answers: Answers, slug: str) -> str | None:
    slugs = applicable(case_answers, answers)
    at = slugs.index(slug) if slug in slugs else 0
    return slugs[at - 1] if at > 0 else None


def relevant(case_answers: Answers, answers: Answers) -> dict[str, Any]:
    """Only the answers to questions that still apply, after a change made others moot."""
    keys = {KEYS[s] for s in applicable(case_answers, answers)}
    return {k: v for k, v in answers.items() if k in keys}


def who(case_answers: Answers, answers: Answers) -> dict[str, str]:
    """Who the advocate is for, by name, and who asked, for staff."""
    for_whom = advocate_for(case_answers, answers) or "me"
    name = child_name(case_answers) if for_whom == "child" else case_answers.get("your_name", "")
    return {"for": for_whom, "name": str(name), "role": str(case_answers.get("role") or "")}


# What staff must check ------------------------------------------------------------------------

CHECKS: dict[str, Callable[[], str]] = {
    "agreement": lambda: _(
        "A parent's agreement, or whether the child understands what an advocate does and wants one"
    ),
    "home": lambda: _("Whether the child lives at home with their parents"),
    "child_views": lambda: _("That the child knows about the request and wants an advocate"),
    "adult": lambda: _(
        "What help there is: the right to an advocate is for children, young people and "
        "care leavers"
    ),
}


def to_check(case_answers: Answers, answers: Answers) -> list[str]:
    """What staff need to check before an advocacy service can start. Never a refusal."""
    checks = []
    if advocate_for(case_answers, answers) == "child":
        if answers.get("lives_at_home") == "not_sure":
            checks.append("home")
        if answers.get("agreement") == "not_yet":
            checks.append("agreement")
        if answers.get("agreement") != "child_wants":
            checks.append("child_views")
    elif case_answers.get("role") not in YOUNG:
        checks.append("adult")
    return checks


def _in_words(case_answers: Answers, answers: Answers) -> list[tuple[str, str, str]]:
    """(question slug, question, answer) for each answer given."""
    name = child_name(case_answers)
    rows = []
    if "who" in applicable(case_answers, answers):
        value = name if answers.get("advocate_for") == "child" else _("Me")
        rows.append(("who", _("Who the advocate is for"), value))
    home = answers.get("lives_at_home")
    if home:
        words = {"yes": _("Yes"), "no": _("No"), "not_sure": _("I'm not sure")}
        rows.append(("home", _("Lives at home with their parents"), words[home]))
    agreement = answers.get("agreement")
    if agreement:
        words = {
            "parent_agrees": _("A parent agrees"),
            "child_wants": _(
                "%(name)s understands what an advocate does, and wants one", name=name
            ),
            "not_yet": _("Neither yet, or I'm not sure"),
        }
        rows.append(("agreement", _("Agreement"), words[agreement]))
    return rows


def summary(case_answers: Answers, answers: Answers) -> list[dict[str, str]]:
    """Rows for the check page, each with its change link."""
    return [
        {
            "key": question,
            "value": value,
            "href": url_for("tracking.advocate_question", slug=slug),
        }
        for slug, question, value in _in_words(case_answers, answers)
    ]


def message_text(case_answers: Answers, answers: Answers) -> str:
    """The request in words, for the case history both sides read."""
    if advocate_for(case_answers, answers) == "child":
        lines = [_("Please arrange an advocate for %(name)s.", name=child_name(case_answers))]
    else:
        lines = [_("Please arrange an advocate for me.")]
    lines += [
        f"{question}: {value}"
        for slug, question, value in _in_words(case_answers, answers)
        if slug != "who"
    ]
    checks = to_check(case_answers, answers)
    if checks:
        lines.append(_("To check:"))
        lines += [f"- {CHECKS[c]()}" for c in checks]
    return "\n".join(lines)
