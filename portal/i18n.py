"""Language and easy-read mode: chosen by ?lang= and ?mode=, remembered for the visit.

A language is offered only when its catalogue is complete (tests/test_translations.py checks
that). An unknown value is ignored, never an error, so a mangled link still works.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cache

from babel import Locale
from babel.support import NullTranslations
from flask import Flask, current_app, g, has_request_context, request, session
from flask_babel import Babel, LazyString, format_date, get_translations

from portal import easy_read

DEFAULT_LANGUAGE = "en"
NULL_TRANSLATIONS = NullTranslations()
#: every reading mode the code knows; app.config["MODES"] lists those with content ready
MODES = ("standard", "easy")

MODE_NAMES = {"standard": lambda: gettext("Standard"), "easy": lambda: gettext("Easy read")}


@dataclass(frozen=True)
class Language:
    code: str
    #: the language's name in itself, which is how people look for it
    name: str
    rtl: bool


@cache
def language(code: str) -> Language:
    locale = Locale.parse(code)
    return Language(
        code, locale.get_display_name(locale) or code, locale.character_order == "right-to-left"
    )


def _choose(param: str, allowed: tuple[str, ...] | list[str], default: str) -> str:
    wanted = request.args.get(param)
    if wanted is not None:
        wanted = wanted.strip().lower()
        if wanted in allowed:
            if session.get(param) != wanted:
                session[param] = wanted
            return wanted
    remembered = session.get(param)
    return remembered if remembered in allowed else default


#: areas in English and standard mode only: the complaints team works in English (babel.cfg
#: leaves their strings out of the catalogues), and easy read is for the public
ENGLISH_ONLY = frozenset({"staff"})


def english_only() -> bool:
    return has_request_context() and bool(ENGLISH_ONLY.intersection(request.blueprints))


def current_language() -> str:
    if "lang" not in g:
        if english_only():
            g.lang = DEFAULT_LANGUAGE
        else:
            g.lang = _choose("lang", current_app.config["LANGUAGES"], DEFAULT_LANGUAGE)
    return g.lang


def current_mode() -> str:
    if "mode" not in g:
        if english_only():
            g.mode = "standard"
        else:
            g.mode = _choose("mode", current_app.config["MODES"], "standard")
    return g.mode


def _translations():  # noqa: ANN202 - babel.support.Translations
    """The request's catalogue, found once per request.

    Flask-Babel looks it up again for every string, through several context lookups; a
    question page has about thirty strings, so that was a tenth of the page's time.
    """
    if not g:
        return NULL_TRANSLATIONS
    try:
        return g._translations
    except AttributeError:
        g._translations = get_translations()
        return g._translations


def _easy() -> bool:
    return has_request_context() and current_mode() == "easy"


def gettext(string: str, **variables: object) -> str:
    if _easy():
        string = easy_read.variant(string)
    translated = _translations().ugettext(string)
    return translated % variables if variables else translated


def ngettext(singular: str, plural: str, num: int, **variables: object) -> str:
    variables.setdefault("num", num)
    return _translations().ungettext(singular, plural, num) % variables


def plural_messages(singular: str, plural: str) -> dict[str, str]:
    """A GOV.UK Frontend pluralised message: one text per CLDR plural category of the page's
    language (Polish has "one", "few", "many" and "other"), with the component's own
    %{count} placeholder left for its JavaScript to fill in."""
    rule = Locale.parse(current_language()).plural_form
    messages = {}
    for category in (*sorted(rule.tags), "other"):
        number = _example_number(rule, category)
        messages[category] = ngettext(singular, plural, number, count="%{count}")
    return messages


def _example_number(rule, category: str) -> int:  # noqa: ANN001 - babel.plural.PluralRule
    """A whole number in the plural category, for asking gettext which form to use. Polish
    "other" holds only fractions, which a count of characters never is: it takes the plural."""
    return next((n for n in range(0, 200) if rule(n) == category), 5)


@contextmanager
def in_english() -> Iterator[None]:
    """Words for the complaints team (their mailbox works in English), whatever language and
    reading mode the person's page is in."""
    saved = {key: g.get(key) for key in ("_translations", "mode")}
    g._translations, g.mode = NULL_TRANSLATIONS, "standard"
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                g.pop(key, None)
            else:
                setattr(g, key, value)


def long_date(value: date) -> str:
    """A date as the service writes it: "Friday 18 December 2026"."""
    return format_date(value, "EEEE d MMMM y")


def lazy_gettext(string: str, **variables: object) -> LazyString:
    """For strings defined at import time (forms): translated when shown."""
    return LazyString(gettext, string, **variables)


def init_app(app: Flask) -> None:
    app.config.setdefault("LANGUAGES", [DEFAULT_LANGUAGE])
    app.config.setdefault("MODES", list(MODES))
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(app.root_path + "/../translations"))
    Babel(app, locale_selector=current_language)
    app.jinja_env.install_gettext_callables(gettext, ngettext, newstyle=True)

    @app.before_request
    def _remember_choices() -> None:
        """A ?lang= or ?mode= on a page that redirects (a question not reached yet) is
        remembered too, not only on pages that render."""
        if "lang" in request.args or "mode" in request.args:
            current_language()
            current_mode()

    @app.context_processor
    def _language_context() -> dict:
        code = current_language()
        return {
            "lang": language(code),
            "languages": [language(c) for c in app.config["LANGUAGES"]],
            "mode": current_mode(),
            "choose_language_and_mode": not english_only(),
            "modes": [{"code": code, "name": MODE_NAMES[code]()} for code in app.config["MODES"]],
        }
