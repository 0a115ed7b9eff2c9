"""GOV.UK Frontend components, rendered once per distinct set of parameters.

The component macros are the slowest part of a page (a plain question page reached about 11%
of a Flask hello world's throughput when it called them directly). Most calls repeat exactly
(the same question, the same header, in the same language), so each result is kept, keyed by
the component and its parameters. Per-request values (CSRF token, nonce) never go into a
component's parameters, so a cached result can never leak one person's data to another,
and the parameters that carry a person's answers simply make a different key.
"""

from __future__ import annotations

import json
import threading
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

MAX_ENTRIES = 4096


def _macro_path(name: str) -> tuple[str, str]:
    camel = "".join(part.capitalize() for part in name.split("-"))
    return f"govuk_frontend_jinja/components/{name}/macro.html", f"govuk{camel}"


def _key_default(value: Any) -> Any:
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


def _freeze(value: Any) -> Any:
    """Tell trusted HTML from text in the key, as json would treat both as plain strings."""
    if isinstance(value, Markup):
        return {"__html__": str(value)}
    if isinstance(value, dict):
        return {str(k): _freeze(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_freeze(v) for v in value]
    return value


class Components:
    def __init__(self, env: Environment) -> None:
        self.env = env
        self._macros: dict[str, Any] = {}
        self._rendered: dict[str, Markup] = {}
        self._lock = threading.Lock()

    def macro(self, name: str) -> Any:
        macro = self._macros.get(name)
        if macro is None:
            path, macro_name = _macro_path(name)
            macro = getattr(self.env.get_template(path).module, macro_name)
            self._macros[name] = macro
        return macro

    def __call__(self, name: str, params: dict[str, Any] | None = None) -> Markup:
        params = params or {}
        key = name + json.dumps(_freeze(params), sort_keys=True, default=_key_default)
        html = self._rendered.get(key)
        if html is None:
            html = Markup(self.macro(name)(params))
            with self._lock:
                if len(self._rendered) >= MAX_ENTRIES:
                    self._rendered.clear()
                self._rendered[key] = html
        return html


class Fragments:
    """Page parts that are the same for everyone in a language (header, footer, banners).

    Rendered once per key from templates/fragments/, with only the values named in the key
    and the council, so nothing from one request can end up in another's page.
    """

    def __init__(self, env: Environment) -> None:
        self.env = env
        self._rendered: dict[tuple, Markup] = {}
        self._lock = threading.Lock()

    def __call__(self, name: str, **values: Any) -> Markup:
        from flask import current_app

        key = (name, current_app.extensions["council"].id, *sorted(values.items()))
        html = self._rendered.get(key)
        if html is None:
            template = self.env.get_template(f"fragments/{name}.html")
            html = Markup(template.render(council=current_app.extensions["council"], **values))
            with self._lock:
                if len(self._rendered) >= MAX_ENTRIES:
                    self._rendered.clear()
                self._rendered[key] = html
        return html
