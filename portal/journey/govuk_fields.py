"""Turn a WTForms field into the parameters of the GOV.UK component that shows it.

The first question on a page is the page's heading (its legend or label is the h1), as the
GOV.UK question pages pattern asks. The values and errors a person entered are part of the
parameters; nothing per-request (tokens, nonces) is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask_babel import format_number
from markupsafe import Markup, escape
from wtforms import (
    Field,
    MultipleFileField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)

from portal.i18n import gettext as _
from portal.i18n import ngettext, plural_messages
from portal.journey.forms import CheckboxesField, MonthYearField, PeopleField, StepForm

Render = Callable[[str, dict[str, Any]], Markup]


def _error(field: Field) -> dict[str, str] | None:
    if not field.errors:
        return None
    return {"text": str(field.errors[0]), "visuallyHiddenText": _("Error")}


def _hint(field: Field) -> dict[str, str] | None:
    return {"text": str(field.description)} if field.description else None


def _fieldset(field: Field, heading: bool) -> dict[str, Any]:
    size = "l" if heading else "m"
    return {
        "legend": {
            "text": str(field.label.text),
            "isPageHeading": heading,
            "classes": f"govuk-fieldset__legend--{size}",
        }
    }


def _options(
    field: RadioField | CheckboxesField, form: StepForm, render: Render | None
) -> list[dict[str, Any]]:
    """Radio or checkbox items, with dividers, hints and the subfields each option reveals."""
    items: list[dict[str, Any]] = []
    reveals = form.reveals.get(field.name, {})
    chosen = field.data if isinstance(field.data, list) else [field.data]
    for value, label in ((c.value, c.label) for c in _choices(field)):
        if value in form.divider_before and items:
            items.append({"divider": _("or")})
        item: dict[str, Any] = {"value": value, "text": str(label), "checked": value in chosen}
        hint = form.item_hints.get(value)
        if hint:
            item["hint"] = {"text": str(hint)}
        if isinstance(field, CheckboxesField) and value == field.exclusive:
            item["behaviour"] = "exclusive"
        if value in reveals and render is not None:
            html = Markup("").join(
                render(*component(form[name], form, heading=False)) for name in reveals[value]
            )
            item["conditional"] = {"html": html}
        items.append(item)
    return items


def _choices(field: RadioField | CheckboxesField) -> list[Any]:
    return [c if isinstance(c, SelectChoice) else SelectChoice(c[0], c[1]) for c in field.choices]


def _radios(
    field: RadioField | CheckboxesField, form: StepForm, heading: bool, render: Render | None
) -> dict[str, Any]:
    items = _options(field, form, render)
    return {
        "idPrefix": field.id,
        "name": field.name,
        "fieldset": _fieldset(field, heading),
        "hint": _hint(field),
        "errorMessage": _error(field),
        "items": items,
    }


def _label(field: Field, heading: bool) -> dict[str, Any]:
    return {
        "text": str(field.label.text),
        "isPageHeading": heading,
        "classes": "govuk-label--l" if heading else "govuk-label--m",
    }


def _month_year(field: MonthYearField, heading: bool) -> dict[str, Any]:
    error_part = field.error_part if field.errors else None
    items = []
    widths = {"day": (_("Day"), 2), "month": (_("Month"), 2), "year": (_("Year"), 4)}
    for part in field.parts:
        label, width = widths[part]
        classes = f"govuk-input--width-{width}"
        if error_part == part or (field.errors and error_part is None):
            classes += " govuk-input--error"
        items.append(
            {
                "id": f"{field.id}-{part}",
                "name": part,
                "label": label,
                "value": field.raw[part],
                "classes": classes,
                "inputmode": "numeric",
            }
        )
    return {
        "id": field.id,
        "namePrefix": field.name,
        "fieldset": _fieldset(field, heading),
        "hint": _hint(field),
        "errorMessage": _error(field),
        "items": items,
    }


def _people(field: PeopleField, heading: bool, render: Render) -> dict[str, Any]:
    """One input per person and a secondary "Add another person" button, in one fieldset."""
    rows = field.raw or [""]
    parts = []
    if field.description:
        parts.append(
            Markup('<div id="{}-hint" class="govuk-hint">{}</div>').format(
                field.id, str(field.description)
            )
        )
    for row, value in enumerate(rows):
        error = _error(field) if field.error_row == row else None
        parts.append(
            render(
                "input",
                {
                    "id": f"{field.id}-{row}",
                    "name": f"{field.name}-{row}",
                    "label": {"text": _("Person %(n)s", n=row + 1)},
                    "value": value,
                    "classes": "govuk-!-width-two-thirds",
                    "spellcheck": False,
                    "errorMessage": error,
                },
            )
        )
    if len(rows) < field.max_rows:
        parts.append(
            render(
                "button",
                {
                    "text": _("Add another person"),
                    "classes": "govuk-button--secondary",
                    "name": "add_another",
                    "value": "1",
                },
            )
        )
    return {
        **_fieldset(field, heading),
        "describedBy": f"{field.id}-hint" if field.description else None,
        "html": Markup("").join(parts),
    }


def _multiline(value: str | None) -> Markup:
    """A textarea's text with its line breaks as character references.

    The radios and checkboxes macros indent a revealed question's HTML; literal newlines
    inside a textarea would gain those spaces and change what the person typed.
    """
    text = str(escape(value or ""))  # a plain str, so replace() does not escape "&#10;"
    return Markup(text.replace("\r", "&#13;").replace("\n", "&#10;"))


def character_count(limit: int) -> dict[str, Any]:
    """The character count's words, which GOV.UK Frontend would otherwise give in English."""
    return {
        "maxlength": limit,
        "textareaDescriptionText": ngettext(
            "You can enter up to %(count)s character",
            "You can enter up to %(count)s characters",
            limit,
            count=format_number(limit),
        ),
        "charactersUnderLimitText": plural_messages(
            "You have %(count)s character remaining", "You have %(count)s characters remaining"
        ),
        "charactersAtLimitText": _("You have 0 characters remaining"),
        "charactersOverLimitText": plural_messages(
            "You have %(count)s character too many", "You have %(count)s characters too many"
        ),
    }


def component(
    field: Field, form: StepForm, heading: bool, render: Render | None = None
) -> tuple[str, dict[str, Any]]:
    """The component name and parameters for a field. `render` draws revealed subfields."""
    if isinstance(field, RadioField):
        return "radios", _radios(field, form, heading, render)
    if isinstance(field, CheckboxesField):
        return "checkboxes", _radios(field, form, heading, render)
    if isinstance(field, MonthYearField):
        return "date-input", _month_year(field, heading)
    if isinstance(field, MultipleFileField):
        messages = [Markup.escape(str(e)) for e in field.errors]
        return "file-upload", {
            "id": field.id,
            "name": field.name,
            "label": _label(field, heading),
            "hint": _hint(field),
            "errorMessage": {"html": Markup("<br>").join(messages)} if messages else None,
            "multiple": True,
        }
    if isinstance(field, PeopleField) and render is not None:
        return "fieldset", _people(field, heading, render)
    if isinstance(field, TextAreaField):
        limit = (field.render_kw or {}).get("max_chars")
        params = {
            "id": field.id,
            "name": field.name,
            "label": _label(field, heading),
            "hint": _hint(field),
            "errorMessage": _error(field),
            "value": _multiline(field.data),
            "rows": 8,
        }
        if limit:
            return "character-count", {**params, **character_count(limit)}
        return "textarea", params
    if isinstance(field, StringField):
        return "input", {
            "id": field.id,
            "name": field.name,
            "label": _label(field, heading),
            "hint": _hint(field),
            "errorMessage": _error(field),
            "value": field.data or "",
            "spellcheck": False,
            **(field.render_kw or {}).get("govuk", {}),
        }
    if isinstance(field, SelectField):
        return "select", {
            "id": field.id,
            "name": field.name,
            "label": _label(field, heading),
            "hint": _hint(field),
            "errorMessage": _error(field),
            "items": [
                {"value": value, "text": str(label), "selected": value == field.data}
                for value, label, *_rest in field.iter_choices()
            ],
        }
    raise TypeError(f"no GOV.UK component for {type(field).__name__}")


def error_href(field: Field) -> str:
    """Where the error summary link for a field should land: its first input."""
    if isinstance(field, MonthYearField):
        return f"#{field.id}-{field.error_part or field.parts[0]}"
    if isinstance(field, PeopleField):
        return f"#{field.id}-{field.error_row or 0}"
    return f"#{field.id}"
