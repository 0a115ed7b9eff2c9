"""Information pages: contacts come from the council profile and the directory."""

from __future__ import annotations

import pytest

from portal.councils import load_council
from portal.directory import national_directory


def test_start_page_starts_with_the_choice(client):
    page = client.page("/")
    start = page.soup.select_one("a.govuk-button--start")
    assert "Start now" in start.get_text()
    assert start["href"] == "/feedback/"
    assert "020 7946 0321" in page.text


def test_help_directory_lists_council_and_national_help(client):
    page = client.page("/help")
    council = load_council("example")
    directory = national_directory()
    for contact in (
        council.complaints_team,
        council.advocacy,
        directory["nyas"],
        directory["coram_voice"],
        directory["help_at_hand"],
        directory["childline"],
        directory["frg"],
        directory["lgsco"],
    ):
        assert contact.name in page.text
        if contact.phone:
            assert page.soup.find("a", href=contact.tel), contact.name


@pytest.mark.parametrize("council_id", ["southwark", "islington", "north-yorkshire", "bromley"])
def test_each_council_profile_renders_its_own_details(app_factory, council_id):
    council = load_council(council_id)
    client = app_factory(COUNCIL=council_id).test_client()
    for url in ("/", "/help", "/check/exit/corporate", "/check/exit/emergency"):
        page = client.page(url)
        assert council.name in page.text
    help_page = client.page("/help")
    assert council.complaints_team.name in help_page.text
    assert council.advocacy.name in help_page.text


@pytest.mark.parametrize("route", ["emergency", "service_request", "not_decided"])
def test_front_door_exits_give_the_front_door(client, route):
    page = client.page(f"/check/exit/{route}")
    assert load_council("example").front_door.phone in page.text


def test_emergency_exit_says_999(client):
    assert "999" in client.page("/check/exit/emergency").h1


def test_easy_read_start_page_speaks_to_a_child(client):
    """Issue 8: what a complaint is, no trouble, a free advocate, the steps, and who to call."""
    page = client.page("/?mode=easy")
    headings = [h.get_text(strip=True) for h in page.soup.select("h2")]
    for heading in ("What is a complaint?", "You will not get in trouble", "What happens next"):
        assert heading in headings
    assert "You will not get in trouble for it." in page.text
    assert "An advocate" in page.text and "free" in page.text
    assert len(page.soup.select("ol.govuk-list--number > li")) >= 4
    directory = national_directory()
    for key in ("childline", "help_at_hand"):
        link = page.soup.find("a", href=directory[key].tel)
        assert link is not None and link.get_text() == directory[key].phone, key
    assert directory["childline"].phone == "0800 1111"


def test_standard_start_page_keeps_the_phone_numbers_for_children_on_the_help_page(client):
    page = client.page("/?mode=standard")
    assert page.soup.find("a", href=national_directory()["childline"].tel) is None
