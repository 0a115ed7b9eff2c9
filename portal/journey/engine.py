"""The journey engine: steps declared as data, and where a person is in them.

A journey is an ordered tuple of steps. Whether a step is on the person's path, and whether
an answer ends the journey at an exit, are functions of the answers so far. `walk()` replays
the answers from the start every time, so a changed answer re-routes everything after it,
and nothing about the path is stored. This module knows nothing of Flask.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

Answers = Mapping[str, Any]


def always(_answers: Answers) -> bool:
    return True


@dataclass(frozen=True)
class Step:
    id: str
    form: type
    applies: Callable[[Answers], bool] = always
    #: the answer keys this step writes; the step is answered when all are present
    keys: tuple[str, ...] = ()
    template: str = "journey/question.html"
    #: easy read's picture beside the question (a name in static/images/easy/); "" for none
    picture: str = ""

    @property
    def slug(self) -> str:
        return self.id.replace("_", "-")

    @property
    def answer_keys(self) -> tuple[str, ...]:
        return self.keys or (self.id,)

    def answered(self, answers: Answers) -> bool:
        return all(key in answers for key in self.answer_keys)


@dataclass(frozen=True)
class Position:
    #: the steps on the person's path up to and including the current one
    reached: tuple[Step, ...]
    #: the first step still to answer, or None
    current: Step | None
    #: the exit the answers lead to, or None
    exit: str | None

    @property
    def complete(self) -> bool:
        return self.current is None and self.exit is None

    def can_show(self, step: Step) -> bool:
        return step in self.reached

    def previous(self, step: Step) -> Step | None:
        index = self.reached.index(step)
        return self.reached[index - 1] if index > 0 else None


@dataclass(frozen=True)
class Journey:
    name: str
    steps: tuple[Step, ...]
    #: the exit the answers to the reached steps lead to, or None to go on
    exit_for: Callable[[Answers], str | None] = lambda _answers: None
    #: answer keys that are not any step's, but that exit_for reads (e.g. overrides)
    extra_keys: Callable[[str], bool] = lambda _key: False
    by_slug: dict[str, Step] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        slugs = [step.slug for step in self.steps]
        if len(set(slugs)) != len(slugs):
            raise ValueError(f"journey {self.name} has duplicate step ids")
        object.__setattr__(self, "by_slug", {step.slug: step for step in self.steps})

    def step(self, slug: str) -> Step | None:
        return self.by_slug.get(slug)

    def walk(self, answers: Answers) -> Position:
        reached: list[Step] = []
        seen: dict[str, Any] = {k: v for k, v in answers.items() if self.extra_keys(k)}
        for step in self.steps:
            if not step.applies(answers):
                continue
            reached.append(step)
            if not step.answered(answers):
                return Position(tuple(reached), step, None)
            for key in step.answer_keys:
                seen[key] = answers[key]
            exit_id = self.exit_for(seen)
            if exit_id:
                return Position(tuple(reached), None, exit_id)
        return Position(tuple(reached), None, None)
