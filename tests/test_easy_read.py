"""Easy read is easy to read: every public page, clean and with its errors, measured.

Issue 8: in easy-read mode each page scores at least 80 for Flesch reading ease (or grade 5
or lower), and no sentence is longer than 15 words. The measure is textstat's, on the page's
main content as a reader meets it: each heading, label, hint, paragraph, list item, button
and error message is a block, and a block is split into sentences at full stops. What the
person typed themselves (their answers on check your answers) is not ours to simplify.

`python -m tests.test_easy_read` prints every page's figures and its longest sentences.
"""

from __future__ import annotations

import re
import string
import sys
from dataclasses import dataclass

import pytest
import textstat
from bs4 import BeautifulSoup

from portal.easy_read import VARIANTS
from tests.every_page import every_page
from tests.test_translations import ROOT, msgids

MAX_WORDS = 15
MIN_READING_EASE = 80
MAX_GRADE = 5

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "label", "legend", "dt", "dd", "th", "td"}
BLOCKS |= {"caption", "button", "summary", "div", "a"}
#: not our words: what the person typed, shown back to them
NOT_OURS = (".govuk-summary-list__value", ".app-answer")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"[^\W_]", re.UNICODE)
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


@dataclass(frozen=True)
class Reading:
    page: str
    sentences: tuple[str, ...]
    reading_ease: float
    grade: float

    @property
    def long(self) -> list[str]:
        return [s for s in self.sentences if words(s) > MAX_WORDS]

    @property
    def hard(self) -> bool:
        return self.reading_ease < MIN_READING_EASE and self.grade > MAX_GRADE


def words(sentence: str) -> int:
    return sum(1 for token in sentence.split() if WORD.search(token))


def sentences(soup: BeautifulSoup) -> list[str]:
    main = soup.find("main")
    for node in main.select(", ".join(NOT_OURS)):
        node.decompose()
    found = []
    for block in main.find_all(BLOCKS):
        if block.find(BLOCKS) is not None:
            continue  # counted through its own blocks
        text = " ".join(block.get_text(" ").split())
        found.extend(s for s in SENTENCE_END.split(text) if words(s))
    return found


def measure(page: str, soup: BeautifulSoup) -> Reading:
    found = sentences(soup)
    # Headings, labels and buttons end without a full stop; each is a sentence of its own.
    text = " ".join(s if s[-1] in ".!?" else s.rstrip(string.punctuation) + "." for s in found)
    return Reading(
        page,
        tuple(found),
        textstat.flesch_reading_ease(text),
        textstat.flesch_kincaid_grade(text),
    )


@pytest.fixture(scope="module")
def readings(app) -> list[Reading]:
    return [measure(label, seen.page.soup) for label, seen in every_page(app, mode="easy").items()]


def test_every_page_is_easy_to_read(readings):
    problems = [
        f"{r.page}: reading ease {r.reading_ease}, grade {r.grade}" for r in readings if r.hard
    ]
    assert not problems, "\n".join(problems)


def test_no_sentence_is_longer_than_15_words(readings):
    problems = [f"{r.page}: {sentence!r}" for r in readings for sentence in r.long]
    assert not problems, f"{len(problems)} long sentences:\n" + "\n".join(problems)


def test_a_variant_keeps_the_placeholders_of_its_string():
    for standard, easy in VARIANTS.items():
        assert set(PLACEHOLDER.findall(easy)) <= set(PLACEHOLDER.findall(standard)), easy


def test_every_variant_replaces_a_string_the_portal_still_has():
    """A variant of a string that has since changed would never be shown."""
    current = msgids(ROOT / "translations" / "messages.pot")
    stale = sorted(set(VARIANTS) - current)
    assert not stale, f"variants of strings no longer in the portal: {stale}"


def report() -> None:
    import tempfile
    from pathlib import Path

    from tests.conftest import LintingClient, make_app

    app = make_app(Path(tempfile.mkdtemp()))
    app.test_client_class = LintingClient
    pages = every_page(app, mode="easy")
    only = sys.argv[1] if len(sys.argv) > 1 else ""
    for label, seen in pages.items():
        if only not in label:
            continue
        reading = measure(label, seen.page.soup)
        flag = "HARD" if reading.hard else "ok"
        print(f"{flag:4} {reading.reading_ease:6.1f} {reading.grade:5.1f}  {label}")
        for sentence in reading.long:
            print(f"       long ({words(sentence)}): {sentence}")


if __name__ == "__main__":
    report()
