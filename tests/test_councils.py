"""Council profiles and the national directory: they load, and their data is checkable.

Plain unit tests: no Flask app is needed.
"""

from __future__ import annotations

import re

import pytest

from portal.councils import (
    CONTACT_SECTIONS,
    PROFILE_DIR,
    UnknownCouncil,
    available,
    load_council,
)
from portal.directory import Contact, national_directory

REAL_COUNCILS = ("bromley", "islington", "north-yorkshire", "southwark")
PHONE = re.compile(r"^(999|101|0\d{2,4}( \d{3,4}){1,2})$")


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a #rrggbb colour."""
    channels = []
    for start in (1, 3, 5):
        c = int(colour[start : start + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def council_contacts() -> list[tuple[str, str, Contact]]:
    return [
        (council_id, section, getattr(load_council(council_id), section))
        for council_id in available()
        for section in CONTACT_SECTIONS
    ]


def has_details(contact: Contact) -> bool:
    return bool(contact.phone or contact.email or contact.address or contact.web)


def test_contrast_helper_matches_known_values():
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1)
    assert contrast_ratio("#ffffff", "#767676") == pytest.approx(4.54, abs=0.01)


def test_the_real_councils_have_profiles():
    assert set(REAL_COUNCILS) <= set(available())


@pytest.mark.parametrize("council_id", available())
def test_profile_loads_and_id_matches_file_name(council_id):
    council = load_council(council_id)
    assert council.id == council_id
    assert (PROFILE_DIR / f"{council_id}.toml").is_file()
    assert council.name
    assert council.source


@pytest.mark.parametrize("council_id", available())
def test_white_text_on_profile_colour_is_readable(council_id):
    colour = load_council(council_id).colour
    assert contrast_ratio("#ffffff", colour) >= 4.5, colour


@pytest.mark.parametrize("council_id", REAL_COUNCILS)
def test_real_council_is_not_fictional_and_has_a_website(council_id):
    council = load_council(council_id)
    assert not council.fictional
    assert council.website.startswith("https://www.")


@pytest.mark.parametrize(
    ("council_id", "section", "contact"),
    council_contacts(),
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_council_contact_details_have_a_source(council_id, section, contact):
    if has_details(contact):
        assert contact.source.strip(), f"{council_id} {section} has details but no source"
    if contact.phone:
        assert PHONE.match(contact.phone), contact.phone


@pytest.mark.parametrize("council_id", REAL_COUNCILS)
def test_every_real_council_contact_says_where_it_came_from(council_id):
    council = load_council(council_id)
    for section in CONTACT_SECTIONS:
        assert getattr(council, section).source.strip(), f"{council_id} {section}"


def test_directory_contacts_with_details_have_a_source():
    for key, contact in national_directory().entries.items():
        assert contact.id == key
        if has_details(contact):
            assert contact.source.strip(), key
        if contact.phone:
            assert PHONE.match(contact.phone), contact.phone


@pytest.mark.parametrize("key", ["nyas", "coram_voice", "help_at_hand", "frg", "lgsco"])
def test_directory_has_the_main_help_organisations(key):
    contact = national_directory().get(key)
    assert contact is not None
    assert contact.phone or contact.web


def test_directory_has_the_screening_exit_organisations():
    entries = national_directory().entries
    for key in ("ofsted", "irm", "fosterline", "phso", "iopc", "dfe", "pals", "citizens_advice"):
        assert key in entries
    assert entries["emergency"].phone == "999"


def test_directory_leaves_out_numbers_the_references_doubt():
    directory = national_directory()
    assert directory["nyas"].phone != "0800 616 101"
    assert "616101" not in directory["nyas"].phone.replace(" ", "")
    assert directory["lgsco"].hours == ""  # domain.md §9 item 10: sources disagree
    assert directory["irm"].phone == ""  # old 0845 number, likely out of date


def test_islington_timescales_follow_its_page():
    council = load_council("islington")
    assert council.stage1_name == "Informal Resolution"
    assert council.timescales.acknowledge == 2
    assert council.timescales.stage1 == 10
    assert council.timescales.stage1_extension == 10
    assert council.timescales.stage2 == 25
    assert council.timescales.stage2_max == 65
    assert council.timescales.stage2_clock_start == "statement_agreed"
    assert council.timescales.stage3_request_window == 20


def test_north_yorkshire_timescales_follow_its_page():
    timescales = load_council("north-yorkshire").timescales
    assert timescales.acknowledge == 5
    assert timescales.stage1 == 20
    assert timescales.stage1_extension == 0
    assert timescales.stage1_longest == 20


@pytest.mark.parametrize("council_id", REAL_COUNCILS)
def test_statutory_figures_are_not_shortened(council_id):
    timescales = load_council(council_id).timescales
    assert timescales.stage2 == 25
    assert timescales.stage2_max == 65
    assert timescales.panel == 30
    assert timescales.panel_report == 5
    assert timescales.final_response == 15


def test_seed_phone_numbers_are_kept():
    assert load_council("southwark").complaints_team.phone == "020 7525 3977"
    assert load_council("islington").complaints_team.phone == "020 7527 8048"
    assert load_council("bromley").complaints_team.phone == "020 8461 7644"
    assert load_council("north-yorkshire").advocacy.name.startswith("National Youth Advocacy")


@pytest.mark.parametrize("council_id", ["nope", "../etc", "", "Southwark", "a/b"])
def test_unknown_council_is_refused(council_id):
    with pytest.raises(UnknownCouncil):
        load_council(council_id)
