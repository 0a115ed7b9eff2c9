"""Turn a WTForms field into the parameters of the GOV.UK component that shows it.

The first question on a page is the page's heading (its legend or label is the h1), as the
GOV.UK question pages pattern asks. The values and errors a person entered are part of the
parameters; nothing per-request (tokens, nonces) is.
"""

from __future__ import annotations

from typing import Any

from wtforms import Field, RadioField, StringField, TextAreaField

from portal.i18n import gettext as _
from portal.journey.forms import MonthYearField, StepForm


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


def _radios(field: RadioField, form: StepForm, heading: bool) -> dict[str, Any]:
    items: list[dict[str, Any]] = []
    for option in field:
        if option.data in form.divider_before and items:
            items.append({"divider": _("or")})
        item: dict[str, Any] = {
            "value": option.data,
            "text": str(option.label.text),
            "checked": option.checked,
        }
        hint = form.item_hints.get(option.data)
        if hint:
            item["hint"] = {"text": str(hint)}
        items.append(item)
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
    for part, label, width in (("month", _("Month"), 2), ("year", _("Year"), 4)):
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


def component(field: Field, form: StepForm, heading: bool) -> tuple[str, dict[str, Any]]:
    """The component name and parameters for a field."""
    if isinstance(field, RadioField):
        return "radios", _radios(field, form, heading)
    if isinstance(field, MonthYearField):
        return "date-input", _month_year(field, heading)
    if isinstance(field, TextAreaField):
        limit = (field.render_kw or {}).get("max_chars")
        params = {
            "id": field.id,
            "name": field.name,
            "label": _label(field, heading),
            "hint": _hint(field),
            "errorMessage": _error(field),
            "value": field.data or "",
            "rows": 8,
        }
        if limit:
            return "character-count", {**params, "maxlength": limit}
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
    raise TypeError(f"no GOV.UK component for {type(field).__name__}")


def error_href(field: Field) -> str:
    """Where the error summary link for a field should land: its first input."""
    if isinstance(field, MonthYearField):
        return f"#{field.id}-{field.error_part or 'month'}"
    return f"#{field.id}"
