"""Form building blocks for one-question pages, with GOV.UK error messages.

Labels, hints and messages are lazy_gettext, because forms are defined at import time and
must be translated per request. Each StepForm turns itself into answers, and back.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import request
from flask_wtf import FlaskForm
from wtforms import Field, RadioField, SelectChoice, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    Optional,
    Regexp,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from portal.i18n import lazy_gettext as _l

#: fields that are page machinery, not answers
MACHINERY = frozenset({"csrf_token"})


class StepForm(FlaskForm):
    """One page's question. Subclasses declare fields; by default each field is one answer."""

    class Meta:
        # CSRFProtect already checks every POST before the view runs (and the page renders
        # csrf_token() itself); a second token per form would only cost time.
        csrf = False

    #: hints for individual radio items, by value
    item_hints: dict[str, Any] = {}
    #: radio values that get an "or" divider before them
    divider_before: tuple[str, ...] = ("not_sure",)

    #: fields shown only when an option is chosen: {field: {option value: (subfield, ...)}}
    reveals: dict[str, dict[str, tuple[str, ...]]] = {}
    #: the answers saved so far, set by the view; for pages whose answer builds on them
    saved: dict[str, Any] = {}

    def stay(self) -> dict[str, Any] | None:
        """After a valid save, stay on this page (with these URL arguments) instead of moving on.

        "Add another" buttons stay and ask for one more empty row.
        """
        return {"add": 1} if "add_another" in request.form else None

    def question_fields(self) -> list[Field]:
        """The page's questions; revealed subfields are shown inside their option instead."""
        nested = {
            name
            for by_value in self.reveals.values()
            for names in by_value.values()
            for name in names
        }
        return [f for f in self if f.name not in MACHINERY and f.name not in nested]

    def hidden_subfields(self) -> list[Field]:
        """Revealed subfields whose option is not chosen: not validated, not kept."""
        hidden = []
        for parent, by_value in self.reveals.items():
            chosen = self[parent].data
            chosen = set(chosen) if isinstance(chosen, list) else {chosen}
            for value, names in by_value.items():
                if value not in chosen:
                    hidden.extend(self[name] for name in names)
        return hidden

    def validate(self, extra_validators: Any = None) -> bool:
        super().validate(extra_validators)
        for sub in self.hidden_subfields():
            sub.errors = []
        return not any(f.errors for f in self)

    def to_answers(self) -> dict[str, Any]:
        hidden = {f.name for f in self.hidden_subfields()}
        return {
            f.name: (None if f.name in hidden else f.data) for f in self if f.name not in MACHINERY
        }

    def inset(self, answers: dict[str, Any]) -> str | None:
        """A note shown under the question, worked out from earlier answers; none by default."""
        return None

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


class CheckboxesField(SelectMultipleField):
    """Several options; `message` is the GOV.UK error when none is chosen, if one must be."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(
        self,
        label: Any = None,
        validators: Any = None,
        *,
        message: Any = None,
        exclusive: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(label, validators, **kwargs)
        self.message = message
        #: the "none of these" option that cannot be combined with the others
        self.exclusive = exclusive

    def pre_validate(self, form: Any) -> None:
        chosen = self.data or []
        allowed = {c.value if isinstance(c, SelectChoice) else c[0] for c in self.choices}
        if any(value not in allowed for value in chosen):
            raise ValidationError(self.message or _l("Select a valid option"))
        if self.message and not chosen:
            raise ValidationError(self.message)
        if self.exclusive and self.exclusive in chosen and len(chosen) > 1:
            raise ValidationError(self.message or _l("Select a valid option"))


def checkboxes(
    label: Any,
    choices: list[SelectChoice],
    message: Any = None,
    hint: Any = None,
    exclusive: str | None = None,
) -> CheckboxesField:
    return CheckboxesField(
        label,
        choices=choices,
        description=hint if hint is not None else "",
        message=message,
        exclusive=exclusive,
    )


class PeopleField(Field):
    """A list of short answers, one input each, that grows by "Add another" without JavaScript.

    Inputs are named `<name>-0`, `<name>-1`, ...; blank ones are dropped.
    """

    max_rows = 20
    max_chars = 200

    def __init__(self, label: Any = None, validators: Any = None, **kwargs: Any) -> None:
        super().__init__(label, validators, **kwargs)
        self.raw: list[str] = []
        self.error_row: int | None = None

    def process(self, formdata: Any, data: Any = None, extra_filters: Any = None) -> None:
        super().process(None, data, extra_filters)
        self.raw = list(self.data) if isinstance(self.data, list) else []
        if formdata is not None:
            self.raw = [
                (formdata.get(f"{self.name}-{i}") or "").strip()
                for i in range(self.max_rows)
                if f"{self.name}-{i}" in formdata
            ]
        self.data = [value for value in self.raw if value]

    def add_row(self) -> None:
        if len(self.raw) < self.max_rows and (not self.raw or self.raw[-1]):
            self.raw.append("")

    def pre_validate(self, form: Any) -> None:
        for row, value in enumerate(self.raw):
            if len(value) > self.max_chars:
                self.error_row = row
                raise ValidationError(_l("Use %(n)s characters or fewer", n=self.max_chars))


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
        self.raw = dict.fromkeys(self.parts, "")
        self.error_part: str | None = None

    def process_formdata(self, valuelist: list[str]) -> None:
        # Parts arrive as separate inputs, read in process() below.
        pass

    def process(self, formdata: Any, data: Any = None, extra_filters: Any = None) -> None:
        super().process(None, data, extra_filters)
        if isinstance(self.data, str) and "-" in self.data:
            self.raw = self.split(self.data)
        if formdata is not None:
            self.raw = {p: (formdata.get(f"{self.name}-{p}") or "").strip() for p in self.parts}
            self.data = None

    @staticmethod
    def split(value: str) -> dict[str, str]:
        year, _, month = value.partition("-")
        return {"month": month.lstrip("0"), "year": year}

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


class DateField(MonthYearField):
    """A full date (day, month and year), with the GOV.UK date input's error messages."""

    parts = ("day", "month", "year")

    @staticmethod
    def split(value: str) -> dict[str, str]:
        year, month, day = (value.split("-") + ["", "", ""])[:3]
        return {"day": day.lstrip("0"), "month": month.lstrip("0"), "year": year}

    def pre_validate(self, form: Any) -> None:
        raw, what = self.raw, self.what
        missing = [p for p in self.parts if not raw[p]]
        if len(missing) == 3:
            self.error_part = "day"
            raise ValidationError(self.enter)
        if missing:
            self.error_part = missing[0]
            raise ValidationError(
                _l("%(what)s must include a %(part)s", what=what, part=_PART_NAMES[missing[0]])
            )
        if not all(raw[p].isdigit() for p in self.parts) or len(raw["year"]) != 4:
            self.error_part = next((p for p in self.parts if not raw[p].isdigit()), "year")
            if self.error_part == "year" and raw["year"].isdigit():
                raise ValidationError(_l("Year must include 4 numbers"))
            raise ValidationError(_l("%(what)s must be a real date", what=what))
        try:
            value = date(int(raw["year"]), int(raw["month"]), int(raw["day"]))
        except ValueError:
            self.error_part = "day"
            raise ValidationError(_l("%(what)s must be a real date", what=what)) from None
        if value > date.today():
            self.error_part = "day"
            raise ValidationError(_l("%(what)s must be today or in the past", what=what))
        if value.year < 1900:
            self.error_part = "year"
            raise ValidationError(_l("%(what)s must be after 1900", what=what))
        self.data = value.isoformat()


_PART_NAMES = {"day": _l("day"), "month": _l("month"), "year": _l("year")}


def text(label: Any, message: Any, hint: Any = None, max_chars: int = 200, **govuk: Any) -> Any:
    """A required one-line answer."""
    return StringField(
        label,
        description=hint if hint is not None else "",
        validators=[
            DataRequired(message=message),
            Length(max=max_chars, message=_l("Use %(n)s characters or fewer", n=max_chars)),
        ],
        render_kw={"govuk": govuk},
    )


EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def email(hint: Any = None) -> Any:
    """A required email address, with the GOV.UK email field's messages and attributes."""
    return StringField(
        _l("Email address"),
        description=hint if hint is not None else "",
        validators=[
            DataRequired(message=_l("Enter your email address")),
            Length(max=254, message=_l("Email address must be 254 characters or fewer")),
            Regexp(
                EMAIL,
                message=_l("Enter an email address in the correct format, like name@example.com"),
            ),
        ],
        filters=[_strip],
        render_kw={"govuk": {"type": "email", "autocomplete": "email", "spellcheck": False}},
    )


def long_text(label: Any, message: Any, hint: Any = None, max_chars: int = 5000) -> Any:
    """A required free-text answer with a character count; generous, as people need room."""
    return TextAreaField(
        label,
        description=hint if hint is not None else "",
        validators=[
            DataRequired(message=message),
            Length(max=max_chars, message=_l("Use %(n)s characters or fewer", n=max_chars)),
        ],
        render_kw={"max_chars": max_chars},
    )


def optional_text(label: Any, hint: Any = None, max_chars: int = 500) -> Any:
    """An optional free-text answer with a character count."""
    return TextAreaField(
        label,
        description=hint if hint is not None else "",
        validators=[
            Optional(),
            Length(max=max_chars, message=_l("Use %(n)s characters or fewer", n=max_chars)),
        ],
        render_kw={"max_chars": max_chars},
    )


def short_text(label: Any, hint: Any = None, max_chars: int = 200, **govuk: Any) -> Any:
    """An optional one-line answer."""
    return StringField(
        label,
        description=hint if hint is not None else "",
        validators=[
            Optional(),
            Length(max=max_chars, message=_l("Use %(n)s characters or fewer", n=max_chars)),
        ],
        render_kw={"govuk": govuk},
    )
