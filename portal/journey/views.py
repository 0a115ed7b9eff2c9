"""One generic view walks any declared journey: show a step, save it, go where the answers lead.

Routes for a journey are made by `JourneyViews.register()`. Adding a question to a journey is a
Step entry and a form class; no view code changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from wtforms import MultipleFileField

from portal.i18n import gettext as _
from portal.journey import drafts, summary
from portal.journey.engine import Journey, Position, Step
from portal.journey.forms import (
    MACHINERY,
    PeopleField,
    StepForm,
)
from portal.journey.govuk_fields import component, error_href

RESULT = "result"


class AnswerStore(Protocol):
    """Where a journey keeps answers between pages. The drafts module is the default; a
    journey whose answers must live elsewhere (equality monitoring) passes its own."""

    def answers(self) -> dict[str, Any]: ...

    def save(self, new_answers: dict[str, Any]) -> Any: ...


class JourneyViews:
    """The routes of one journey: its steps, its exits and its end."""

    def __init__(
        self,
        journey: Journey,
        exits: tuple[str, ...] = (),
        soft_exits: frozenset[str] = frozenset(),
        override_key: Any = None,
        exit_redirects: dict[str, str] | None = None,
        store: AnswerStore = drafts,
        before_first: Callable[[], str] = lambda: url_for("pages.start"),
        endpoint: str | None = None,
        page_template: str | None = None,
        result_template: str | None = None,
    ) -> None:
        self.journey = journey
        self.store = store
        #: where the first question's back link goes: the page that led here
        self.before_first = before_first
        self.exits = exits
        self.soft_exits = soft_exits
        self.override_key = override_key
        #: exits that are another journey's start rather than a page, by endpoint
        self.exit_redirects = exit_redirects or {}
        self.name = journey.name
        #: the blueprint whose routes these are (a nested one is "parent.child")
        self.endpoint = endpoint or journey.name
        #: a template every step page is rendered through, given the step's own as
        #: `step_template` to extend (the staff side's layout); None renders the step's own
        self.page_template = page_template
        self.result_template = result_template or f"journey/{journey.name}_result.html"

    # URLs -----------------------------------------------------------------------------

    def step_url(self, step: Step, return_to: str | None = None) -> str:
        return url_for(f"{self.endpoint}.step", slug=step.slug, return_to=return_to)

    def position_url(self, position: Position, return_to: str | None = None) -> str:
        if position.exit in self.exit_redirects:
            return url_for(self.exit_redirects[position.exit])
        if position.exit:
            return url_for(f"{self.endpoint}.exit", route=position.exit)
        if position.current:
            return self.step_url(position.current, return_to)
        return url_for(f"{self.endpoint}.result")

    def _return_to(self) -> str | None:
        """A change link's destination, accepted only if it names a page of this journey."""
        value = request.args.get("return_to")
        if value == RESULT or (value and self.journey.step(value)):
            return value
        return None

    def _after_save(self, position: Position, return_to: str | None) -> str:
        if position.exit or return_to is None:
            return self.position_url(position)
        if return_to == RESULT:
            return self.position_url(position, None if position.complete else return_to)
        target = self.journey.step(return_to)
        if position.current is None or (
            target in position.reached
            and position.reached.index(target) < position.reached.index(position.current)
        ):
            return self.step_url(target) if target else self.position_url(position)
        return self.position_url(position, return_to)

    def _back_url(self, position: Position, step: Step, return_to: str | None) -> str:
        if return_to == RESULT:
            return url_for(f"{self.endpoint}.result")
        if return_to and self.journey.step(return_to):
            return self.step_url(self.journey.step(return_to))
        previous = position.previous(step)
        return self.step_url(previous) if previous else self.before_first()

    # Views ------------------------------------------------------------------------------

    def resume(self) -> ResponseReturnValue:
        return redirect(self.position_url(self.journey.walk(self.store.answers())))

    def step(self, slug: str) -> ResponseReturnValue:
        step = self.journey.step(slug)
        if step is None:
            abort(404)
        answers = self.store.answers()
        position = self.journey.walk(answers)
        if not position.can_show(step):
            return redirect(self.position_url(position))
        return_to = self._return_to()
        if request.method == "POST":
            form = step.form()
            form.saved = answers
            if form.validate():
                new_answers = form.to_answers()
                answers.update(new_answers)
                self.store.save(new_answers)
                stay = form.stay()
                if stay is not None:
                    return redirect(
                        url_for(
                            f"{self.endpoint}.step", slug=step.slug, return_to=return_to, **stay
                        )
                    )
                return redirect(self._after_save(self.journey.walk(answers), return_to))
        else:
            form = step.form(data=step.form.initial(answers))
            form.saved = answers
        return self.render_step(step, form, position, return_to, answers)

    def render_step(
        self,
        step: Step,
        form: StepForm,
        position: Position,
        return_to: str | None,
        answers: dict[str, Any],
        page_error: str | None = None,
    ) -> str:
        fields = form.question_fields()
        errors = [
            {"text": str(error), "href": error_href(f)}
            for f in form
            if f.name not in MACHINERY
            for error in f.errors[: None if isinstance(f, MultipleFileField) else 1]
        ]
        if page_error:
            errors.insert(0, {"text": page_error, "href": error_href(fields[0])})
        render = current_app.jinja_env.globals["govuk"]
        if request.args.get("add") == "1":
            for field in fields:
                if isinstance(field, PeopleField):
                    field.add_row()
        return render_template(
            self.page_template or step.template,
            step_template=step.template,
            form=form,
            step=step,
            inset=form.inset(answers),
            components=[
                component(f, form, heading=(i == 0), render=render) for i, f in enumerate(fields)
            ],
            title=str(fields[0].label.text),
            errors=errors,
            back_url=self._back_url(position, step, return_to),
            action=self.step_url(step, return_to),
        )

    def rerender_after_csrf_failure(self, slug: str) -> str:
        """Show the same question again with the person's input, after a CSRF failure."""
        step = self.journey.step(slug)
        if step is None:
            abort(404)
        answers = self.store.answers()
        position = self.journey.walk(answers)
        form = step.form()
        form.saved = answers
        return self.render_step(
            step,
            form,
            position,
            self._return_to(),
            answers,
            page_error=_(
                "Your answer was not saved because this page was open for a long "
                "time. Check your answer and select Continue."
            ),
        )

    def exit(self, route: str) -> ResponseReturnValue:
        if route not in self.exits:
            abort(404)
        answers = self.store.answers()
        position = self.journey.walk(answers)
        is_current = position.exit == route
        soft = route in self.soft_exits
        if request.method == "POST":
            if not (soft and is_current):
                return redirect(self.position_url(position))
            override = {self.override_key(route): "yes"}
            answers.update(override)
            self.store.save(override)
            return redirect(self.position_url(self.journey.walk(answers)))
        back = self.step_url(position.reached[-1]) if is_current else url_for("pages.start")
        return render_template(
            f"journey/exits/{route}.html",
            route=route,
            soft=soft and is_current,
            back_url=back,
        )

    def result(self) -> ResponseReturnValue:
        answers = self.store.answers()
        position = self.journey.walk(answers)
        if not position.complete:
            return redirect(self.position_url(position))
        return render_template(
            self.result_template,
            answers=answers,
            back_url=self.step_url(position.reached[-1]) if position.reached else None,
            summary=[
                row
                for step in position.reached
                for row in summary.rows(step, answers, self.step_url(step, RESULT))
            ],
            **self.result_context(),
        )

    def result_context(self) -> dict[str, Any]:
        """Anything else a journey's end page shows; nothing by default."""
        return {}

    def register(self, blueprint: Blueprint) -> None:
        from portal.journey import csrf_rerender  # the package imports this module

        blueprint.add_url_rule("/", "resume", self.resume)
        step_view = csrf_rerender(self.step, self.rerender_after_csrf_failure)
        blueprint.add_url_rule("/<slug>", "step", step_view, methods=["GET", "POST"])
        blueprint.add_url_rule("/exit/<route>", "exit", self.exit, methods=["GET", "POST"])
        blueprint.add_url_rule("/result", "result", self.result)
