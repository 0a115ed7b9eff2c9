"""Answers in words, for check-your-answers pages and the staff view of a case.

Every value a person typed is escaped here and joined with <br> only after escaping, so
hostile input is shown back exactly as typed and never as markup.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import format_date
from markupsafe import Markup, escape
from wtforms import Field, MultipleFileField, RadioField

from portal.i18n import gettext as _
from portal.journey.engine import Step
from portal.journey.forms import CheckboxesField, DateField, MonthYearField, PeopleField

BREAK = Markup("<br>")


def _label_for(field: RadioField | CheckboxesField, value: Any) -> str:
    for option in field.choices:
        if option.value == value:
            return str(option.label)
    return str(value)


def display(field: Field, answers: dict[str, Any]) -> str:
    """A saved answer as plain words."""
    value = answers.get(field.name)
    if value in (None, "", []):
        return _("Not provided")
    if isinstance(field, RadioField):
        return _label_for(field, value)
    if isinstance(field, CheckboxesField) and isinstance(value, list):
        return ", ".join(_label_for(field, v) for v in value)
    if isinstance(field, PeopleField) and isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(field, DateField) and isinstance(value, str):
        return format_date(date.fromisoformat(value), "d MMMM y")
    if isinstance(field, MonthYearField) and isinstance(value, str) and "-" in value:
        year, _sep, month = value.partition("-")
        return format_date(date(int(year), int(month), 1), "LLLL y")  # standalone month
    return str(value)


def _safe(value: Any) -> Markup:
    """Escaped text, with its line breaks as <br>. HTML cannot carry a NUL character, so it
    shows as U+FFFD, as a browser would; the stored answer keeps it.

    Literal newlines would not do: the component macros indent the HTML they are given, and
    the indentation would show inside any white-space-preserving element.
    """
    lines = str(value).replace("\x00", "\ufffd").replace("\r\n", "\n").split("\n")
    return BREAK.join(escape(line) for line in lines)


def display_html(field: Field, answers: dict[str, Any]) -> Markup:
    """A saved answer as escaped HTML: lists one per line, free text with its line breaks."""
    value = answers.get(field.name)
    if isinstance(field, MultipleFileField):
        names = [f.get("original_name", "") for f in value or [] if isinstance(f, dict)]
        return BREAK.join(_safe(n) for n in names) if names else _safe(_("None"))
    if isinstance(field, CheckboxesField | PeopleField) and isinstance(value, list) and value:
        items = [_label_for(field, v) if isinstance(field, CheckboxesField) else v for v in value]
        return BREAK.join(_safe(item) for item in items)
    return _safe(display(field, answers))


def rows(step: Step, answers: dict[str, Any], change_url: str) -> list[dict[str, Any]]:
    """Summary list rows for one step: its question, with any revealed follow-up answers."""
    form = step.form(data=step.form.initial(answers))
    main = form.question_fields()
    result = []
    for field in main:
        value = display_html(field, answers)
        for names in form.reveals.get(field.name, {}).values():
            for name in names:
                if answers.get(name) not in (None, "", []):
                    sub = form[name]
                    value += BREAK + escape(str(sub.label.text)) + Markup(": ")
                    value += display_html(sub, answers)
        label = str(field.label.text)
        result.append(
            {
                "key": {"text": label},
                "value": {"html": value},
                "actions": {
                    "items": [
                        {"href": change_url, "text": _("Change"), "visuallyHiddenText": label}
                    ]
                },
            }
        )
    return result
