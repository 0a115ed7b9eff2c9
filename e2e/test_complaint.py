"""The complaint intake in a real browser: who complains, for whom, errors, changes, no
JavaScript, a narrow screen, hostile text and evidence.

Every page reached, and every error state, is checked with axe (full default rule set) and for
failed requests (e2e.helpers.check). The pages are walked by e2e.journeys.walk; most tests
start from a draft seeded through the app's own routes so screening is walked only once here
(e2e/test_screening.py walks it with and without JavaScript).
"""

from __future__ import annotations

import re
import zlib

from flask import Flask
from playwright.sync_api import Browser, Page, expect

from e2e.helpers import click_and_wait, expect_path, go, new_no_js_context, submit
from e2e.journeys import (
    LONG_DATE,
    PARENT_FORM,
    REFERENCE,
    Person,
    answer_row,
    fill_date,
    seed,
    tick,
    walk,
)
from e2e.test_screening import choose, expect_error_state

CONSENT_QUESTION = "Does the child or young person know about this complaint, and agree to it?"


def expect_confirmation(page: Page) -> str:
    """The confirmation page: a reference in the panel and what happens next, with dates."""
    expect_path(page, "/complaint/confirmation")
    expect(page.locator(".govuk-panel__title")).to_have_text("Complaint sent")
    reference = page.locator(".govuk-panel strong").inner_text()
    assert REFERENCE.fullmatch(reference), reference
    expect(page.get_by_role("heading", name="What happens next")).to_be_visible()
    steps = page.locator("ol.govuk-list--number li")
    expect(steps.nth(0)).to_contain_text(re.compile(rf"contact you by {LONG_DATE}"))
    expect(steps.nth(1)).to_contain_text(re.compile(rf"answer by {LONG_DATE}"))
    return reference


def start_at_check_result(page: Page) -> None:
    """Open the screening result page of a seeded draft; the walker presses its Continue."""
    go(page, "/check/result")


# 1. A parent, for their child ------------------------------------------------------------


def test_a_parent_complains_for_their_child(page: Page, live_app: Flask, base_url: str) -> None:
    """From the screening result to the confirmation. The way to the screening result, from
    "Start now", is walked page by page in e2e/test_screening.py, with and without
    JavaScript; walking it again here cost half a minute of the suite's five."""
    person = Person(
        people=["Our social worker", "The team manager"],
        service="Another service or team",
        contacted=("My key worker", "In May", "No"),
        adjustments=("Easy read letters", "An interpreter"),
    )
    seed(page, live_app, base_url, screening={"on_behalf": "yes"})
    start_at_check_result(page)
    expect(page.get_by_text("A parent", exact=True)).to_be_visible()
    walk(page, person, until="/complaint/your-name")

    # A required answer left out: the summary takes focus and links to the input.
    submit(page)
    expect_path(page, "/complaint/your-name")
    expect_error_state(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your name")

    walk(page, person, until="/complaint/child-age")
    # A date that does not exist.
    choose(page, "Yes")
    fill_date(page, "child_dob", "31", "2", "2015")
    submit(page)
    expect_error_state(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Date of birth must be a real date"
    )
    expect(page.get_by_label("Day", exact=True)).to_have_value("31")

    walk(page, person, until="/complaint/result")
    # The evidence page comes after the questions about contacting us before.
    at = person.visited.index("/complaint/evidence")
    assert person.visited[at - 2 : at + 2] == [
        "/complaint/contacted-before",
        "/complaint/contacted-answer",
        "/complaint/evidence",
        "/complaint/contact-methods",
    ], person.visited
    expect(page).to_have_title(re.compile(r"^Check your answers"))
    expect(answer_row(page, "What is your name?")).to_have_text("Sam Jones")
    expect(answer_row(page, "Who was involved? (optional)")).to_have_text(
        "Our social worker\nThe team manager", use_inner_text=True
    )
    expect(answer_row(page, "What happened?")).to_have_text(
        person.what_happened, use_inner_text=True
    )
    expect(answer_row(page, "Do you know their date of birth?")).to_contain_text("3 April 2014")
    expect(answer_row(page, "Which service or team is your complaint about?")).to_contain_text(
        "The short breaks team"
    )
    expect(answer_row(page, "Did you get an answer?")).to_have_text("No")
    expect(
        answer_row(page, "Do you need any help or changes so that you can take part?")
    ).to_contain_text("Polish")

    # Sending without the declaration.
    submit(page, "Send complaint")
    expect_error_state(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Confirm that the information you have given is true"
    )
    walk(page, person, until="/complaint/confirmation")
    assert person.visited[-2:] == ["/complaint/result", "/equality/"]
    expect_confirmation(page)
    expect(
        page.get_by_text("We have sent a copy of your reference to sam@example.com.")
    ).to_be_visible()


# 2. A child or young person, who wants an advocate ----------------------------------------


def test_a_child_is_offered_an_advocate_and_says_yes(
    page: Page, live_app: Flask, base_url: str
) -> None:
    """Only what is different for a child is walked here: the rest of the complaint is the
    same as a parent's, walked in full by the tests above and below."""
    child_form = {
        k: v for k, v in PARENT_FORM.items() if k not in {"child-name", "child-age", "consent"}
    }
    child_form["advocate"] = {"wants_advocate": "no"}
    seed(
        page,
        live_app,
        base_url,
        screening={"role": "child", "on_behalf": "no"},
        complaint=child_form,
        ask=("your-name", "advocate"),
    )
    person = Person(role="A child or young person", name="Kai", wants_advocate="Yes")
    start_at_check_result(page)
    walk(page, person, until="/complaint/advocate")
    expect(page.get_by_role("heading", level=1)).to_contain_text("free advocate")
    walk(page, person, until="/complaint/result")
    assert person.visited == ["/check/result", "/complaint/your-name", "/complaint/advocate"]
    expect(answer_row(page, "What is your name?")).to_have_text("Kai")
    expect(answer_row(page, "Would you like a free advocate to help you?")).to_have_text("Yes")
    expect(page.get_by_text(CONSENT_QUESTION)).to_have_count(0)
    walk(page, person, until="/complaint/confirmation")
    expect_confirmation(page)
    expect(
        page.get_by_text(
            re.compile(
                r"You asked about an advocate\. We will pass your details to .+, "
                r"who will contact you\."
            )
        )
    ).to_be_visible()


def _not_axed_here(path: str) -> bool:
    """Every page is axed at 320 px, as the server renders it, in every language and mode by
    e2e/test_matrix.py, which also checks none scrolls sideways (a long word included)."""
    return False


# 5. Changing answers from check your answers ----------------------------------------------


def test_change_links_come_back_to_check_your_answers(
    page: Page, live_app: Flask, base_url: str
) -> None:
    seed(page, live_app, base_url, screening={"on_behalf": "yes"}, complaint=PARENT_FORM)
    go(page, "/complaint/result")
    expect(answer_row(page, "What happened?")).to_have_text(
        "Nobody came to the meeting.\nTwice.", use_inner_text=True
    )

    click_and_wait(page, page.get_by_role("link", name="Change What happened?"))
    expect_path(page, "/complaint/what-happened")
    box = page.get_by_label("What happened?")
    expect(box).to_have_value("Nobody came to the meeting.\nTwice.")
    box.fill("The meeting was cancelled without telling us.")
    submit(page)
    expect_path(page, "/complaint/result")
    expect(answer_row(page, "What happened?")).to_have_text(
        "The meeting was cancelled without telling us."
    )

    # "No" to consent opens the question why, which is asked before coming back.
    click_and_wait(page, page.get_by_role("link", name=f"Change {CONSENT_QUESTION}"))
    expect_path(page, "/complaint/consent")
    expect(page.get_by_role("radio", name="Yes, they know and agree")).to_be_checked()
    choose(page, "No")
    submit(page)
    expect_path(page, "/complaint/no-consent-reason")
    expect(page).to_have_url(re.compile(r"return_to=result"))
    submit(page)  # nothing chosen
    expect_error_state(page)
    choose(page, "It is not safe to ask them")
    submit(page)
    expect_path(page, "/complaint/result")
    expect(answer_row(page, CONSENT_QUESTION)).to_have_text("No")
    expect(answer_row(page, "Why do they not know or agree?")).to_have_text(
        "It is not safe to ask them"
    )


# 6. Back links ----------------------------------------------------------------------------


def test_back_links_return_to_the_previous_question_with_its_answer(
    page: Page, live_app: Flask, base_url: str
) -> None:
    seed(
        page,
        live_app,
        base_url,
        screening={"on_behalf": "yes"},
        complaint=PARENT_FORM,
        until="people",
    )
    go(page, "/complaint/people")
    back = page.get_by_role("link", name="Back", exact=True)

    click_and_wait(page, back)
    expect_path(page, "/complaint/when")
    expect(page.get_by_role("radio", name="I know roughly when")).to_be_checked()
    expect(page.locator("#when_month-month")).to_have_value("9")
    expect(page.locator("#when_month-year")).to_have_value("2025")

    click_and_wait(page, back)
    expect_path(page, "/complaint/where")
    expect(page.get_by_label("Where did it happen? (optional)")).to_have_value("At home")

    click_and_wait(page, back)
    expect_path(page, "/complaint/what-happened")
    expect(page.get_by_label("What happened?")).to_have_value("Nobody came to the meeting.\nTwice.")

    click_and_wait(page, back)
    expect_path(page, "/complaint/service")
    expect(page.get_by_role("radio", name="A social worker or social work team")).to_be_checked()

    go(page, "/complaint/child-age")
    click_and_wait(page, back)
    expect_path(page, "/complaint/child-name")
    expect(page.get_by_label("What is the name of the child or young person?")).to_have_value(
        "Alex Jones"
    )
    click_and_wait(page, back)
    expect_path(page, "/complaint/your-name")
    expect(page.get_by_label("What is your name?")).to_have_value("Sam Jones")


# 7. JavaScript off ------------------------------------------------------------------------


def test_a_full_complaint_without_javascript(
    browser: Browser, live_app: Flask, base_url: str
) -> None:
    """Conditional questions are all shown without JavaScript; the revealed ones are filled,
    and "Add another person" works as a plain form button."""
    context = new_no_js_context(browser, base_url)
    try:
        page = context.new_page()
        seed(page, live_app, base_url, screening={"on_behalf": "yes"})
        person = Person(
            service="Another service or team",
            when=("date", "14", "3", "2025"),
            people=["Ms Ray", "The manager"],
            contacted=("The duty desk", "Last week", "I'm still waiting"),
            contact_methods=("Email", "Letter"),
            safe_contact="My sister, 07700 900 123",
            adjustments=("An interpreter", "Letters in large print"),
        )
        start_at_check_result(page)
        expect(page.locator("body")).not_to_have_class(re.compile(r"\bjs-enabled\b"))
        walk(page, person, until="/complaint/when", axe=_not_axed_here)
        # Every option's follow-up question is on show before anything is chosen.
        expect(page.get_by_role("radio")).to_have_count(3)
        for radio in page.get_by_role("radio").all():
            expect(radio).not_to_be_checked()
        expect(page.locator("#when_date-day")).to_be_visible()
        expect(page.locator("#when_month-month")).to_be_visible()
        walk(page, person, until="/complaint/result", axe=_not_axed_here)
        assert "/complaint/contacted-answer" in person.visited
        assert "/complaint/safe-to-contact" in person.visited  # asked because of "Letter"
        for shown in (
            "The short breaks team",
            "14 March 2025",
            "The duty desk",
            "1 High Street",
            "My sister, 07700 900 123",
            "Polish",
        ):
            expect(page.locator(".govuk-summary-list")).to_contain_text(shown)
        expect(answer_row(page, "Who was involved? (optional)")).to_have_text(
            "Ms Ray\nThe manager", use_inner_text=True
        )
        walk(page, person, until="/complaint/confirmation", axe=_not_axed_here)
        expect_confirmation(page)
    finally:
        context.close()


# 9. Hostile and unusual text ---------------------------------------------------------------


def test_hostile_text_is_shown_exactly_as_typed(page: Page, live_app: Flask, base_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    seed(page, live_app, base_url, screening={"on_behalf": "yes"}, complaint=PARENT_FORM)
    typed = (
        '<script>alert(1)</script>\nطفلي لم يحصل على المساعدة\n👩‍👧 😢 🏳️‍🌈 <b>bold</b> & "quotes"'
    )
    go(page, "/complaint/what-happened")
    page.get_by_label("What happened?").fill(typed)
    submit(page)
    expect_path(page, "/complaint/result")
    expect(answer_row(page, "What happened?")).to_have_text(typed, use_inner_text=True)
    assert page.locator(".govuk-summary-list script, .govuk-summary-list b").count() == 0
    assert not dialogs, dialogs


# 10. Evidence -----------------------------------------------------------------------------

UPLOAD_LABEL = "Upload documents, photos or recordings (optional)"
#: a minimal PDF: the %PDF-1.4 header, a catalogue object and a trailer
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")


#: a well-formed 1x1 white PNG: signature, IHDR, IDAT and IEND, with real CRCs
PNG = (
    b"\x89PNG\r\n\x1a\n"
    + _png_chunk(b"IHDR", (1).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0]))
    + _png_chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
    + _png_chunk(b"IEND", b"")
)
#: a Windows program's first bytes ("MZ" header and DOS stub), to be renamed .pdf
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48
#: an MP3: one MPEG-1 Layer III frame header, then silence
MP3 = b"\xff\xfb\x90\x00" + b"\x00" * 413


def upload(page: Page, *files) -> None:
    page.get_by_label(UPLOAD_LABEL).set_input_files(list(files))
    submit(page, "Upload files")


def added_files(page: Page):
    return page.locator(".govuk-summary-list__key")


def test_evidence_errors_then_files_are_added_and_one_removed(
    page: Page, live_app: Flask, base_url: str, tmp_path
) -> None:
    seed(
        page,
        live_app,
        base_url,
        screening={"on_behalf": "yes"},
        complaint=PARENT_FORM,
        ask=("evidence",),
    )
    go(page, "/complaint/evidence")
    expect(page.get_by_role("heading", name="Files you have added")).to_have_count(0)

    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    upload(page, empty)
    expect_path(page, "/complaint/evidence")
    expect_error_state(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("The selected file is empty")
    expect(page.locator(".govuk-error-message")).to_contain_text("The selected file is empty")

    program = tmp_path / "invoice.pdf"
    program.write_bytes(EXE)
    upload(page, program)
    expect_error_state(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        re.compile(r"The selected file must be a PDF, .+ or [A-Z0-9]+")
    )
    expect(added_files(page)).to_have_count(0)

    report, photo = tmp_path / "report.pdf", tmp_path / "photo.png"
    report.write_bytes(PDF)
    photo.write_bytes(PNG)
    upload(page, report, photo)
    expect_path(page, "/complaint/evidence")
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    expect(page.get_by_role("heading", name="Files you have added")).to_be_visible()
    expect(added_files(page)).to_have_text(["report.pdf", "photo.png"])

    submit(page, "Remove photo.png")
    expect_path(page, "/complaint/evidence")
    expect(added_files(page)).to_have_text(["report.pdf"])

    tick(page, "I will send something by post")
    person = Person()
    walk(page, person, until="/complaint/result")
    assert person.visited == ["/complaint/evidence"]
    expect(answer_row(page, UPLOAD_LABEL)).to_have_text("report.pdf")
    expect(page.locator(".govuk-summary-list")).to_contain_text("I will send something by post")


def test_a_recording_asks_for_its_declaration(
    page: Page, live_app: Flask, base_url: str, tmp_path
) -> None:
    seed(
        page,
        live_app,
        base_url,
        screening={"on_behalf": "yes"},
        complaint=PARENT_FORM,
        ask=("evidence",),
    )
    recording = tmp_path / "meeting.mp3"
    recording.write_bytes(MP3)
    person = Person(evidence=lambda page: upload(page, recording))
    go(page, "/complaint/evidence")
    walk(page, person, until="/complaint/recording")
    expect(page.get_by_text("Tell us about your recording")).to_be_visible()
    submit(page)  # not confirmed
    expect_error_state(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Confirm that the recording is complete and has not been changed"
    )
    walk(page, person, until="/complaint/result")
    assert person.visited == ["/complaint/evidence", "/complaint/recording"]
    expect(answer_row(page, UPLOAD_LABEL)).to_have_text("meeting.mp3")
