"""Evidence uploads: files are recognised by content, checked with GOV.UK messages, stored safely.

Every file here is built in the test from a few real bytes, so each case shows what it relies on.
"""

from __future__ import annotations

import io
import os
import re
import stat
import tomllib
import zipfile
from hashlib import sha256

import pytest
from flask import render_template_string
from markupsafe import escape

from portal.councils import EVIDENCE_KINDS, PROFILE_DIR, EvidenceLimits, load_council
from portal.journey.evidence import (
    KINDS,
    MIB,
    StoredFile,
    Upload,
    check,
    delete_stored,
    file_problem,
    has_recording,
    open_stored,
    password_protected,
    sniff,
    store,
)

ALL_TYPES = (
    "PDF, DOC, DOCX, RTF, TXT, JPG, PNG, HEIC, GIF, WEBP, MP3, M4A, AAC, WAV, OGG, MP4, MOV or WEBM"
)
LIMITS = EvidenceLimits()

# ---- Tiny real files -----------------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
ENCRYPTED_PDF = (
    b"%PDF-1.6\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    b"5 0 obj\n<< /Filter /Standard /V 2 /R 3 /P -3904 >>\nendobj\n"
    b"trailer\n<< /Root 1 0 R /Encrypt 5 0 R /ID [<00><00>] >>\n%%EOF\n"
)
ENCRYPTED_XREF_STREAM_PDF = (
    b"%PDF-1.7\n9 0 obj\n<</Type/XRef/Size 10/Root 1 0 R/Encrypt<</Filter/Standard/V 5>>"
    b"/Length 0>>stream\nendstream\nendobj\n%%EOF\n"
)
PDF_THAT_MENTIONS_ENCRYPT = PDF.replace(b"/Type /Catalog", b"/Title (About /Encrypt keys)")
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
GIF = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"
WEBP = b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00/\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00"
RTF = b"{\\rtf1\\ansi Hello}"
MP3_FRAME = b"\xff\xfb\x90\x64" + b"\x00" * 60
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x0a" + b"\x00" * 10 + MP3_FRAME
AAC = b"\xff\xf1\x50\x80\x02\x1f\xfc" + b"\x00" * 20
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x40\x1f\x00\x00"
OGG = b"OggS\x00\x02" + b"\x00" * 20 + b"\x01\x1e\x01vorbis"
WEBM = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm\x42\x87\x81\x04"
MKV = WEBM.replace(b"\x84webm", b"\x88matroska")


def ftyp(major: bytes, *compatible: bytes) -> bytes:
    body = b"ftyp" + major + b"\x00\x00\x02\x00" + b"".join(compatible)
    return (len(body) + 4).to_bytes(4, "big") + body + b"\x00\x00\x00\x08free"


M4A = ftyp(b"M4A ", b"M4A ", b"mp42", b"isom")
MP4 = ftyp(b"isom", b"isom", b"iso2", b"avc1", b"mp41")
MOV = ftyp(b"qt  ", b"qt  ")
HEIC = ftyp(b"heic", b"mif1", b"heic")
AVIF = ftyp(b"avif", b"avif", b"mif1", b"miaf")


def zip_of(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            archive.writestr(name, "<xml/>")
    return buffer.getvalue()


DOCX = zip_of("[Content_Types].xml", "_rels/.rels", "word/document.xml")
NOT_DOCX = zip_of("holiday/photo1.txt", "holiday/photo2.txt")
XLSX = zip_of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml")


def ole2(stream_name: str, fib_flags: int | None = None) -> bytes:
    """A minimal OLE2 file: header, one directory sector, and a WordDocument FIB if flags given."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[0x1E:0x20] = (9).to_bytes(2, "little")  # 512-byte sectors
    entry = bytearray(128)
    name = stream_name.encode("utf-16-le") + b"\x00\x00"
    entry[: len(name)] = name
    entry[0x40:0x42] = len(name).to_bytes(2, "little")
    entry[0x42] = 2  # a stream
    entry[0x74:0x78] = (1).to_bytes(4, "little")  # starts at sector 1, just after the directory
    directory = bytes(entry) + bytes(384)
    fib = bytearray(512)
    if fib_flags is not None:
        fib[:2] = b"\xec\xa5"
        fib[10:12] = fib_flags.to_bytes(2, "little")
    return bytes(header) + directory + bytes(fib)


DOC = ole2("WordDocument", fib_flags=0x0000)
ENCRYPTED_DOC = ole2("WordDocument", fib_flags=0x0100)
ENCRYPTED_DOCX = ole2("EncryptedPackage")
XLS = ole2("Workbook")


def messages(problems) -> list[str]:
    return [str(p.message) for p in problems]


# ---- Recognising files by content ----------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "filename", "kind"),
    [
        (PDF, "letter.pdf", "pdf"),
        (b"\xef\xbb\xbf" + PDF, "letter.pdf", "pdf"),
        (JPEG, "photo.jpg", "jpeg"),
        (PNG, "screenshot.png", "png"),
        (GIF, "a.gif", "gif"),
        (WEBP, "a.webp", "webp"),
        (HEIC, "IMG_0001.HEIC", "heic"),
        (DOCX, "statement.docx", "docx"),
        (DOC, "statement.doc", "doc"),
        (RTF, "statement.rtf", "rtf"),
        ("Notes – café\n".encode(), "notes.txt", "txt"),
        (MP3, "call.mp3", "mp3"),
        (MP3_FRAME, "call.mp3", "mp3"),
        (M4A, "Voice memo.m4a", "m4a"),
        (AAC, "call.aac", "aac"),
        (WAV, "call.wav", "wav"),
        (OGG, "call.ogg", "ogg"),
        (MP4, "video.mp4", "mp4"),
        (MOV, "IMG_0002.MOV", "mov"),
        (WEBM, "clip.webm", "webm"),
    ],
)
def test_files_are_recognised_by_content(data, filename, kind):
    assert sniff(data, filename) == kind
    assert check([Upload(filename, data)], LIMITS) == []


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (PDF, "letter.exe"),
        (PNG, "photo"),
        (JPEG, "photo.txt"),
    ],
)
def test_the_file_name_does_not_decide_the_kind(data, filename):
    assert sniff(data, filename) == sniff(data)
    assert check([Upload(filename, data)], LIMITS) == []


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (EXE, "photo.jpg"),
        (NOT_DOCX, "statement.docx"),
        (XLSX, "money.docx"),
        (XLS, "money.doc"),
        (AVIF, "photo.heic"),
        (MKV, "clip.webm"),
        (b"ID3\x04\x00\x00\x00\x00\x00\x0a" + b"\x00" * 10 + EXE, "call.mp3"),
        (b"hello\x00world", "notes.txt"),
        (b"\xff\xfe\x00h\x00i", "notes.txt"),  # UTF-16 is not accepted as text
        (b"plain words", "notes.pdf"),  # text needs the .txt name
        (b"<svg onload=alert(1)>", "picture.svg"),
    ],
)
def test_other_files_are_the_wrong_type(data, filename):
    assert sniff(data, filename) is None
    assert messages(check([Upload(filename, data)], LIMITS)) == [
        f"The selected file must be a {ALL_TYPES}"
    ]


def test_recordings_are_grouped_as_recordings():
    groups = {kind.name: kind.group for kind in KINDS.values()}
    assert {k for k, g in groups.items() if g == "recording"} == {
        *("mp3", "m4a", "aac", "wav", "ogg", "mp4", "mov", "webm"),
    }
    assert {k for k, g in groups.items() if g == "image"} == {"jpeg", "png", "heic", "gif", "webp"}
    assert tuple(KINDS) == EVIDENCE_KINDS


def test_each_kind_has_a_canonical_mime_type_and_safe_extension():
    assert KINDS["jpeg"].mime == "image/jpeg" and KINDS["jpeg"].ext == "jpg"
    assert KINDS["m4a"].mime == "audio/mp4"
    assert KINDS["docx"].ext == "docx"
    for kind in KINDS.values():
        assert re.fullmatch(r"[a-z0-9]{3,4}", kind.ext)
        assert re.fullmatch(r"(application|image|audio|video|text)/[a-z0-9.+-]+", kind.mime)


# ---- Password protection -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (ENCRYPTED_PDF, "statement.pdf"),
        (ENCRYPTED_XREF_STREAM_PDF, "statement.pdf"),
        (ENCRYPTED_DOCX, "statement.docx"),
        (ENCRYPTED_DOC, "statement.doc"),
    ],
)
def test_password_protected_files_are_refused(data, name):
    assert password_protected(sniff(data, name), data)
    assert messages(check([Upload(name, data)], LIMITS)) == [
        "The selected file is password protected"
    ]


@pytest.mark.parametrize("data", [PDF, PDF_THAT_MENTIONS_ENCRYPT, DOCX, DOC])
def test_ordinary_documents_are_not_password_protected(data):
    assert not password_protected(sniff(data), data)


# ---- Limits and messages -------------------------------------------------------------------


def test_no_file_selected():
    assert messages(check([], LIMITS)) == ["Select a file"]
    assert messages(check([Upload("", b"")], LIMITS)) == ["Select a file"]
    assert check([], LIMITS)[0].code == "none"


def test_empty_file():
    [problem] = check([Upload("letter.pdf", b"")], LIMITS)
    assert (problem.code, str(problem.message)) == ("empty", "The selected file is empty")


def test_file_size_limit_is_in_mebibytes():
    limits = EvidenceLimits(max_file_mb=1)
    just_fits = PDF.ljust(MIB, b" ")
    too_big = PDF.ljust(MIB + 1, b" ")
    assert check([Upload("letter.pdf", just_fits)], limits) == []
    assert messages(check([Upload("letter.pdf", too_big)], limits)) == [
        "The selected file must be smaller than 1MB"
    ]


def test_wrong_type_lists_only_the_councils_types():
    limits = EvidenceLimits(types=("pdf", "jpeg"))
    assert messages(check([Upload("a.png", PNG)], limits)) == [
        "The selected file must be a PDF or JPG"
    ]
    assert messages(check([Upload("a.png", PNG)], EvidenceLimits(types=("pdf",)))) == [
        "The selected file must be a PDF"
    ]


def test_with_several_files_each_message_names_its_file():
    files = [
        Upload("photo.jpg", EXE),
        Upload("letter.pdf", PDF),
        Upload("blank.pdf", b""),
        Upload("secret.pdf", ENCRYPTED_PDF),
        Upload("huge.pdf", PDF.ljust(MIB + 1, b" ")),
    ]
    problems = check(files, EvidenceLimits(max_file_mb=1, max_total_mb=5))
    assert [(p.filename, p.code) for p in problems] == [
        ("photo.jpg", "wrong_type"),
        ("blank.pdf", "empty"),
        ("secret.pdf", "protected"),
        ("huge.pdf", "too_big"),
    ]
    assert messages(problems) == [
        f"photo.jpg must be a {ALL_TYPES}",
        "blank.pdf is empty",
        "secret.pdf is password protected",
        "huge.pdf must be smaller than 1MB",
    ]


def test_too_many_files_is_reported_alone():
    limits = EvidenceLimits(max_files=2)
    three = [Upload(f"{n}.png", PNG) for n in "abc"]
    three[0] = Upload("a.exe", EXE)
    assert messages(check(three, limits)) == ["You can only select up to 2 files at the same time"]
    assert messages(check(three[:1] * 2, EvidenceLimits(max_files=1))) == [
        "You can only select up to 1 file at the same time"
    ]


def test_files_already_stored_count_towards_the_limit(tmp_path):
    stored = [store(Upload("a.png", PNG), tmp_path)]
    limits = EvidenceLimits(max_files=2)
    assert check([Upload("b.png", PNG)], limits, stored) == []
    problems = check([Upload("b.png", PNG), Upload("c.png", PNG)], limits, stored)
    assert [p.code for p in problems] == ["too_many"]
    assert messages(problems) == ["You can upload up to 2 files in total"]


def test_total_size_limit():
    limits = EvidenceLimits(max_file_mb=1, max_total_mb=2)
    nearly_1mb = PDF.ljust(MIB - 100, b" ")
    assert check([Upload("a.pdf", nearly_1mb), Upload("b.pdf", nearly_1mb)], limits) == []
    three = [Upload(f"{n}.pdf", nearly_1mb) for n in "abc"]
    problems = check(three, limits)
    assert [(p.code, p.filename) for p in problems] == [("total", None)]
    assert messages(problems) == ["The selected files must be smaller than 2MB in total"]


def test_total_size_counts_stored_files(tmp_path):
    limits = EvidenceLimits(max_file_mb=1, max_total_mb=2)
    nearly_1mb = PDF.ljust(MIB - 100, b" ")
    stored = [store(Upload(f"{n}.pdf", nearly_1mb), tmp_path) for n in "ab"]
    assert messages(check([Upload("c.pdf", nearly_1mb)], limits, stored)) == [
        "You can upload up to 2MB of files in total"
    ]
    assert check([Upload("c.pdf", b"%PDF-1.4")], limits, stored) == []


def test_virus_scanner_hook():
    def infected(data: bytes) -> bool:
        return b"EICAR" in data

    def broken(data: bytes) -> bool:
        raise ConnectionError("scanner is down")

    bad = PDF + b"EICAR"
    assert messages(check([Upload("a.pdf", bad)], LIMITS, scan=infected)) == [
        "The selected file contains a virus"
    ]
    assert check([Upload("a.pdf", PDF)], LIMITS, scan=infected) == []
    assert messages(check([Upload("a.pdf", PDF)], LIMITS, scan=broken)) == [
        "The selected file could not be uploaded – try again"
    ]
    several = check([Upload("a.pdf", bad), Upload("b.pdf", PDF)], LIMITS, scan=infected)
    assert messages(several) == ["a.pdf contains a virus"]


def test_could_not_be_uploaded_message_for_storage_failures():
    assert str(file_problem("failed", LIMITS).message) == (
        "The selected file could not be uploaded – try again"
    )
    assert str(file_problem("failed", LIMITS, "a.pdf").message) == (
        "a.pdf could not be uploaded – try again"
    )


def test_messages_translate_when_shown_and_escape_file_names(app):
    name = '<img src=x onerror="alert(1)">.exe'
    [problem, _] = check([Upload(name, EXE), Upload("b.pdf", b"")], LIMITS)
    with app.test_request_context():
        html = render_template_string("<p>{{ message }}</p>", message=problem.message)
    assert "<img" not in html
    assert str(escape(name)) in html
    assert str(problem.message).startswith(name)
    assert (
        str(file_problem("empty", LIMITS, "100%(name)s.pdf").message) == "100%(name)s.pdf is empty"
    )


def test_upload_read_stops_just_past_the_limit():
    upload = Upload.read("big.pdf", io.BytesIO(PDF.ljust(5 * MIB, b" ")), MIB)
    assert upload.size == MIB + 1
    assert [p.code for p in check([upload], EvidenceLimits(max_file_mb=1))] == ["too_big"]


# ---- Storage -------------------------------------------------------------------------------

STORED_NAME = re.compile(r"[A-Za-z0-9_-]{32}\.[a-z0-9]{3,4}")


def test_store_uses_a_random_name_and_the_real_extension(tmp_path):
    upload_dir = tmp_path / "uploads"
    original = "../../etc/passwd <b>bold</b> ‘quotes’.exe"
    first = store(Upload(original, PNG), upload_dir)
    second = store(Upload(original, PNG), upload_dir)
    assert STORED_NAME.fullmatch(first.stored_name)
    assert first.stored_name.endswith(".png")
    assert first.stored_name != second.stored_name
    assert first.original_name == original
    assert (first.kind, first.mime, first.size) == ("png", "image/png", len(PNG))
    assert first.sha256 == sha256(PNG).hexdigest()
    assert sorted(p.name for p in upload_dir.iterdir()) == sorted(
        [first.stored_name, second.stored_name]
    )  # no temporary files left behind, nothing outside the folder
    assert not (tmp_path / "etc").exists()


def test_stored_files_are_private(tmp_path):
    upload_dir = tmp_path / "new" / "uploads"
    stored = store(Upload("letter.pdf", PDF), upload_dir)
    assert stat.S_IMODE(upload_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((upload_dir / stored.stored_name).stat().st_mode) == 0o600


def test_open_and_delete_stored(tmp_path):
    stored = store(Upload("letter.pdf", PDF), tmp_path)
    with open_stored(tmp_path, stored.stored_name) as fh:
        assert fh.read() == PDF
    assert delete_stored(tmp_path, stored.stored_name) is True
    assert delete_stored(tmp_path, stored.stored_name) is False
    with pytest.raises(FileNotFoundError):
        open_stored(tmp_path, stored.stored_name)


@pytest.mark.parametrize(
    "name",
    [
        "../x",
        "a/b",
        "/etc/passwd",
        "",
        "..",
        "letter.pdf",
        "../" + "A" * 32 + ".pdf",
        "A" * 32 + ".pdf/../../x",
        "A" * 32 + ".exe",
        "A" * 32 + ".pdf\n",
        ".upload-abcdef",
        None,
    ],
)
def test_stored_names_cannot_reach_outside_the_folder(tmp_path, name):
    with pytest.raises(ValueError):
        open_stored(tmp_path, name)
    with pytest.raises(ValueError):
        delete_stored(tmp_path, name)


def test_open_stored_refuses_a_symbolic_link(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("not evidence")
    (tmp_path / "uploads").mkdir()
    link = "B" * 32 + ".txt"
    os.symlink(secret, tmp_path / "uploads" / link)
    with pytest.raises(OSError):
        open_stored(tmp_path / "uploads", link)


def test_store_refuses_unknown_bytes(tmp_path):
    with pytest.raises(ValueError):
        store(Upload("photo.jpg", EXE), tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_has_recording(tmp_path):
    document = store(Upload("letter.pdf", PDF), tmp_path)
    photo = store(Upload("photo.jpg", JPEG), tmp_path)
    assert not has_recording([document, photo])
    assert not has_recording([])
    for data in (MP3, M4A, WAV, MP4):
        recording = store(Upload("recording", data), tmp_path)
        assert recording.group == "recording"
        assert has_recording([document, recording])
    assert isinstance(document, StoredFile) and document.group == "document"


# ---- Council limits ------------------------------------------------------------------------


def test_councils_get_the_default_limits():
    limits = load_council("example").evidence
    assert limits == EvidenceLimits()
    assert (limits.max_files, limits.max_file_mb, limits.max_total_mb) == (10, 10, 50)
    assert limits.types == EVIDENCE_KINDS


def test_the_commented_example_in_example_toml_is_valid_and_matches_the_defaults():
    text = (PROFILE_DIR / "example.toml").read_text()
    block = text[text.index("# [evidence]") :]
    uncommented = "\n".join(line.removeprefix("# ") for line in block.splitlines())
    raw = tomllib.loads(uncommented)["evidence"]
    assert EvidenceLimits.from_mapping(raw) == EvidenceLimits()


def test_limits_from_mapping():
    limits = EvidenceLimits.from_mapping({"max_files": 3, "types": ["pdf", "jpeg"]})
    assert limits == EvidenceLimits(max_files=3, types=("pdf", "jpeg"))


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        ({"max_files": 0}, "max_files must be a whole number above 0"),
        ({"max_file_mb": -1}, "max_file_mb must be a whole number above 0"),
        ({"max_total_mb": 2.5}, "max_total_mb must be a whole number above 0"),
        ({"max_files": True}, "max_files must be a whole number above 0"),
        ({"max_file_mb": 60}, "max_file_mb cannot be more than max_total_mb"),
        ({"types": []}, "at least one kind"),
        ({"types": "pdf"}, "at least one kind"),
        ({"types": ["pdf", "exe"]}, "unknown evidence types ['exe']"),
        ({"max_size": 5}, "unknown evidence settings: ['max_size']"),
    ],
)
def test_limits_are_validated(raw, error):
    with pytest.raises(ValueError, match=re.escape(error)):
        EvidenceLimits.from_mapping(raw)
