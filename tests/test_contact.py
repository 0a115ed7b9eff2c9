"""How the portal may contact a person (portal.domain.contact), from their answers."""

from __future__ import annotations

import pytest

from portal.domain.contact import Channels, channels, mobile


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("07700 900982", "+447700900982"),
        ("+44 7700 900982", "+447700900982"),
        ("0044 7700 900982", "+447700900982"),
        ("+44 (0)7700 900982", "+447700900982"),
        ("01632 960001", None),
        ("+44 1632 960001", None),
        ("0770090098", None),
        ("", None),
    ],
)
def test_only_uk_mobiles_can_take_texts(given, expected):
    assert mobile(given) == expected


def test_texts_only_when_phone_was_chosen_and_texts_are_safe():
    answers = {
        "contact_methods": ["email", "phone"],
        "contact_email": "sam@example.org",
        "contact_phone": "07700 900982",
        "safe_to_contact": "yes",
        "email_subject_clear": "no",
    }
    assert channels(answers) == Channels("sam@example.org", "+447700900982", discreet=True)
    assert channels({**answers, "safe_to_contact": "no"}).sms is None
    assert channels({**answers, "contact_methods": ["email"]}).sms is None
    assert channels({**answers, "contact_methods": ["phone"]}).email is None
    assert channels({}) == Channels(None, None, discreet=False)
