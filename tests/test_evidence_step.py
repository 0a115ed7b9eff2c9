"""The evidence page through the client: uploads, errors, removal, recordings and post."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

from bs4 import BeautifulSoup

from tests.lint import parse
from tests.test_complaint import PARENT, answer_steps, begin, case_with, reference_on, sent

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
LOCKED_PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer << /Encrypt 5 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 40


def at_evidence(client) -> None:
    begin(client)
    answer_steps(client, PARENT, until="evidence")


def upload(client, *files: tuple[bytes, str], button: str = "upload", **extra):
    data = {"evidence_files": [(io.BytesIO(body), name) for body, name in files], **extra}
    if button:
        data[button] = "1"
    return client.submit("/complaint/evidence", data)


def soup(response) -> BeautifulSoup:
    return parse(response.get_data(as_text=True))


def summary_errors(response) -> list[str]:
    return [a.get_text(strip=True) for a in soup(response).select(".govuk-error-summary a")]


def test_the_page_is_a_multipart_form_with_the_councils_limits(client):
    at_evidence(client)
    page = client.page("/complaint/evidence")
    assert page.soup.form["enctype"] == "multipart/form-data"
    assert page.soup.select_one("input#evidence_files[type=file][multiple]")
    assert (
        "up to 10 files, each smaller than 10MB"
        in page.soup.select_one("#evidence_files-hint").get_text()
    )


def test_several_files_upload_at_once_and_are_listed(app, client):
    at_evidence(client)
    response = upload(client, (PDF, "letter.pdf"), (PNG, "photo.png"))
    assert response.location == "/complaint/evidence"
    page = client.page("/complaint/evidence")
    names = [dt.get_text(strip=True) for dt in page.soup.select(".govuk-summary-list__key")]
    assert names == ["letter.pdf", "photo.png"]
    stored = sorted(Path(app.config["UPLOAD_DIR"]).iterdir())
    assert stored and all(len(p.stem) == 32 and "letter" not in p.name for p in stored)
    mode = stat.S_IMODE(os.stat(stored[0]).st_mode)
    assert mode == 0o600


def test_continue_without_files_is_fine(client):
    at_evidence(client)
    response = client.submit("/complaint/evidence", {})
    assert response.location == "/complaint/contact-methods"


def test_upload_with_nothing_selected_asks_for_a_file(client):
    at_evidence(client)
    response = upload(client)
    assert summary_errors(response) == ["Select a file"]


def test_wrong_type_empty_and_password_protected_files_are_explained(client):
    at_evidence(client)
    response = upload(client, (b"MZ\x90\x00" + b"\x00" * 60, "photo.pdf"))
    assert summary_errors(response)[0].startswith("The selected file must be a PDF")
    assert soup(response).select_one("#evidence_files-error")
    response = upload(client, (b"", "empty.pdf"))
    assert summary_errors(response) == ["The selected file is empty"]
    response = upload(client, (LOCKED_PDF, "locked.pdf"))
    assert summary_errors(response) == ["The selected file is password protected"]
    response = upload(client, (b"", "a.pdf"), (LOCKED_PDF, "b.pdf"))
    assert summary_errors(response) == ["a.pdf is empty", "b.pdf is password protected"]


def test_too_many_files_at_once(client):
    at_evidence(client)
    response = upload(client, *[(PDF, f"{n}.pdf") for n in range(11)])
    assert summary_errors(response) == ["You can only select up to 10 files at the same time"]


def test_a_file_can_be_removed(app, client):
    at_evidence(client)
    upload(client, (PDF, "keep.pdf"), (PNG, "drop.png"))
    page = client.page("/complaint/evidence")
    buttons = page.soup.select("button[name=remove]")
    assert [b.get_text(" ", strip=True) for b in buttons] == ["Remove keep.pdf", "Remove drop.png"]
    drop = buttons[1]
    response = client.post(
        "/complaint/evidence", data={"csrf_token": page.csrf(), "remove": drop["value"]}
    )
    assert response.location == "/complaint/evidence"
    page = client.page("/complaint/evidence")
    assert "drop.png" not in page.text and "keep.pdf" in page.text
    assert not (Path(app.config["UPLOAD_DIR"]) / drop["value"]).exists()


def test_a_recording_needs_the_declaration(client):
    at_evidence(client)
    upload(client, (WAV, "call.wav"))
    response = client.submit("/complaint/evidence", {})
    assert response.location == "/complaint/recording"
    response = client.submit("/complaint/recording", {})
    assert summary_errors(response) == [
        "Confirm that the recording is complete and has not been changed"
    ]
    response = client.submit("/complaint/recording", {"recording_declaration": "yes"})
    assert response.location == "/complaint/contact-methods"


def test_hostile_file_names_are_shown_escaped_and_kept_with_the_case(app, client):
    name = "<img src=x onerror=alert(1)> رسالة 📄.pdf"
    at_evidence(client)
    upload(client, (PDF, name))
    page = client.page("/complaint/evidence")
    assert "<img src=x" not in page.response.get_data(as_text=True)
    assert name in page.text
    client.submit("/complaint/evidence", {"evidence_by_post": "yes"})
    answer_steps(
        client,
        {k: v for k, v in PARENT.items() if list(PARENT).index(k) > list(PARENT).index("evidence")},
    )
    result = client.page("/complaint/result")
    assert name in result.text and "I will send something by post" in result.text
    case = case_with(app, reference_on(sent(client)))
    assert case.answers["evidence_files"][0]["original_name"] == name
    assert case.answers["evidence_by_post"] == ["yes"]
    from portal.domain.intake import triage_flags

    assert "evidence_by_post" in triage_flags(case.answers)


def test_uploaded_files_are_never_served(app, client):
    at_evidence(client)
    upload(client, (PDF, "private.pdf"))
    stored = next(Path(app.config["UPLOAD_DIR"]).iterdir()).name
    for path in (f"/uploads/{stored}", f"/assets/{stored}", f"/complaint/{stored}"):
        assert client.get(path).status_code in (302, 404)
        assert b"%PDF" not in client.get(path, follow_redirects=True).data


def test_purging_an_abandoned_draft_deletes_its_files_but_not_a_sent_ones(app_factory):
    from tests.test_complaint import send
    from tests.test_drafts import age_all_drafts

    app = app_factory(DRAFT_LIFETIME_DAYS=28)
    abandoned, finished = app.test_client(), app.test_client()
    at_evidence(abandoned)
    upload(abandoned, (PDF, "abandoned.pdf"))
    at_evidence(finished)
    upload(finished, (PNG, "sent.png"))
    answer_steps(
        finished,
        {
            k: v
            for k, v in PARENT.items()
            if list(PARENT).index(k) >= list(PARENT).index("evidence")
        },
    )
    send(finished)
    uploads = Path(app.config["UPLOAD_DIR"])
    assert {p.suffix for p in uploads.iterdir()} == {".pdf", ".png"}
    age_all_drafts(app, 40)
    result = app.test_cli_runner().invoke(args=["drafts", "purge"])
    assert "purged 2 drafts" in result.output
    assert [p.suffix for p in uploads.iterdir()] == [".png"]
