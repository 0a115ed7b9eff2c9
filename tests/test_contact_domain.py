"""How the portal may reach a person: portal.domain.contact."""

from __future__ import annotations

import pytest

from portal.domain.contact import channels, mobile


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("07700 900982", "+447700900982"),
        ("+44 7700 900 982", "+447700900982"),
        ("0044 (7700) 900-982", "+447700900982"),
        ("01632 960001", None),  # a landline cannot take texts
        ("0770090098", None),  # a digit short
        ("", None),
    ],
)
def test_only_uk_mobiles_take_texts(typed, expected):
    assert mobile(typed) == expected


def test_email_and_texts_when_both_are_chosen_and_safe():
    reach = channels(
        {
            "contact_methods": ["email", "phone"],
            "contact_email": "sam@example.com",
            "contact_phone": "07700 900982",
            "safe_to_contact": "yes",
            "email_subject_clear": "yes",
        }
    )
    assert (reach.email, reach.sms, reach.discreet) == ("sam@example.com", "+447700900982", False)


def test_no_texts_when_texts_are_not_safe_and_discreet_subjects_when_asked():
    reach = channels(
        {
            "contact_methods": ["email", "phone"],
            "contact_email": "sam@example.com",
            "contact_phone": "07700 900982",
            "safe_to_contact": "no",
            "email_subject_clear": "no",
        }
    )
    assert (reach.email, reach.sms, reach.discreet) == ("sam@example.com", None, True)


def test_an_address_left_from_an_unticked_method_is_not_used():
    reach = channels({"contact_methods": ["post"], "contact_email": "old@example.com"})
    assert (reach.email, reach.sms) == (None, None)
