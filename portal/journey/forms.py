"""Form building blocks for one-question pages, with GOV.UK error messages.

Labels, hints and messages are lazy_gettext, because forms are defined at import time and
must be translated per request. Each StepForm turns itself into answers, and back.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_wtf import FlaskForm
from wtforms import Field, RadioField, SelectChoice
from wtforms.validators import DataRequired, InputRequired, ValidationError

from portal.i18n import lazy_gettext as _l

#: fields that are page machinery, not answers
MACHINERY = frozenset({"csrf_token"})


class StepForm(FlaskForm):
    """One page's question. Subclasses declare fields; by default each field is one answer."""

    #: hints for individual radio items, by value
    item_hints: dict[str, Any] = {}
    #: radio values that get an "or" divider before them
    divider_before: tuple[str, ...] = ("not_sure",)

    def question_fields(self) -> list[Field]:
        return [f for f in self if f.name not in MACHINERY]

    def to_answers(self) -> dict[str, Any]:
        return {f.name: f.data for f in self.question_fields()}

    @classmethod
    def initial(cls, answers: dict[str, Any]) -> dict[str, Any]:
        """The form's starting data from saved answers, so a revisited page shows them."""
        return dict(answers)


def choice(value: str, label: Any) -> SelectChoice:
    return SelectChoice(value, label)


def radio(label: Any, choices: list[SelectChoice], message: Any, hint: Any = None) -> RadioField:
    """A required radio question. `message` is the GOV.UK 'Select ...' error."""
    return RadioField(
        label,
        choices=choices,
        description=hint if hint is not None else "",
        validators=[InputRequired(message=message)],
    )


YES_NO = [choice("yes", _l("Yes")), choice("no", _l("No"))]
YES_NO_NOT_SURE = [*YES_NO, choice("not_sure", _l("I'm not sure"))]


class MonthYearField(Field):
    """An approximate date: month and year only, as the GOV.UK dates pattern allows.

    Data is a (month, year) tuple. Each part keeps what the person typed, so an error page
    shows their input back, and each part gets its own error message.
    """

    parts = ("month", "year")

    def __init__(
        self,
        label: Any = None,
        validators: list | None = None,
        *,
        what: Any,
        enter: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(label, validators, **kwargs)
        #: the date's name for error messages, e.g. "The date you found out"
        self.what = what
        #: the message when nothing is entered, e.g. "Enter the month and year you found out"
        self.enter = enter
        self.raw = {"month": "", "year": ""}
        self.error_part: str | None = None

    def process_formdata(self, valuelist: list[str]) -> None:
        # Parts arrive as separate inputs, read in process() below.
        pass

    def process(self, formdata: Any, data: Any = None, extra_filters: Any = None) -> None:
        super().process(None, data, extra_filters)
        if isinstance(self.data, str) and "-" in self.data:
            year, _, month = self.data.partition("-")
            self.raw = {"month": month.lstrip("0"), "year": year}
        if formdata is not None:
            self.raw = {p: (formdata.get(f"{self.name}-{p}") or "").strip() for p in self.parts}
            self.data = None

    def pre_validate(self, form: Any) -> None:
        month, year = self.raw["month"], self.raw["year"]
        what = self.what
        if not month and not year:
            self.error_part = "month"
            raise ValidationError(self.enter)
        if not month:
            self.error_part = "month"
            raise ValidationError(_l("%(what)s must include a month", what=what))
        if not year:
            self.error_part = "year"
            raise ValidationError(_l("%(what)s must include a year", what=what))
        if not (month.isdigit() and 1 <= int(month) <= 12):
            self.error_part = "month"
            raise ValidationError(_l("%(what)s must be a real date", what=what))
        if not (year.isdigit() and len(year) == 4):
            self.error_part = "year"
            raise ValidationError(_l("Year must include 4 numbers"))
        today = date.today()
        if (int(year), int(month)) > (today.year, today.month):
            self.error_part = "month"
            raise ValidationError(_l("%(what)s must be this month or in the past", what=what))
        if int(year) < 1900:
            self.error_part = "year"
            raise ValidationError(_l("%(what)s must be after 1900", what=what))
        self.data = f"{int(year):04d}-{int(month):02d}"


EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


def long_text(label: Any, message: Any, hint: Any = None, max_chars: int = 5000) -> Any:
    """A required free-text answer with a character count; generous, as people need room."""
    from wtforms import TextAreaField
    from wtforms.validators import Length

    return TextAreaField(
        label,
        description=hint if hint is not None else "",
        validators=[
            DataRequired(message=message),
            Length(max=max_chars, message=_l("Use %(n)s characters or fewer", n=max_chars)),
        ],
        render_kw={"max_chars": max_chars},
    )


def short_text(label: Any, hint: Any = None, max_chars: int = 200, **govuk: Any) -> Any:
    """An optional one-line answer."""
    from wtforms import StringField
    from wtforms.validators import Length, Optional

    return StringField(
        label,
        description=hint if hint is not None else "",
        validators=[
            Optional(),
            Length(max=max_chars, message=_l("Use %(n)s characters or fewer", n=max_chars)),
        ],
        render_kw={"govuk": govuk},
    )
