"""Evidence uploads: recognise files by their content, check them against limits, store them.

A file's name and the browser's content type are chosen by whoever sends it, so neither decides
what a file is: its bytes do. Stored files get a random name and the extension of what they
really are, so a caseworker's computer opens them with the right program. Messages follow the
GOV.UK file upload component; with several files each one names its file instead.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import secrets
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from flask_babel import LazyString
from markupsafe import escape

from portal.councils import EVIDENCE_KINDS, EvidenceLimits
from portal.i18n import gettext, ngettext

MIB = 1024 * 1024


@dataclass(frozen=True)
class Kind:
    name: str
    group: str  # "document", "image" or "recording" (sound or video)
    mime: str
    ext: str


_TABLE = """
pdf  document  application/pdf  pdf
doc  document  application/msword  doc
docx document  application/vnd.openxmlformats-officedocument.wordprocessingml.document  docx
rtf  document  application/rtf  rtf
txt  document  text/plain  txt
jpeg image  image/jpeg  jpg
png  image  image/png  png
heic image  image/heic  heic
gif  image  image/gif  gif
webp image  image/webp  webp
mp3  recording  audio/mpeg  mp3
m4a  recording  audio/mp4  m4a
aac  recording  audio/aac  aac
wav  recording  audio/wav  wav
ogg  recording  audio/ogg  ogg
mp4  recording  video/mp4  mp4
mov  recording  video/quicktime  mov
webm recording  video/webm  webm
"""
KINDS = {line.split()[0]: Kind(*line.split()) for line in _TABLE.strip().splitlines()}
assert tuple(KINDS) == EVIDENCE_KINDS, "portal.councils.EVIDENCE_KINDS and KINDS must agree"

# ---- Recognising files ---------------------------------------------------------------------

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PREFIXES = {
    b"\xff\xd8\xff": "jpeg",
    b"\x89PNG\r\n\x1a\n": "png",
    b"GIF87a": "gif",
    b"GIF89a": "gif",
    b"{\\rtf": "rtf",
    b"OggS": "ogg",
}
_BRANDS = dict.fromkeys(b"heic heix heim heis hevc hevx mif1 msf1".split(), "heic")
_BRANDS |= {b"M4A ": "m4a", b"M4B ": "m4a", b"qt  ": "mov"}
# 3GPP phone recordings use the same container as MP4
_BRANDS |= dict.fromkeys(b"isom iso2 iso4 iso5 iso6 mp41 mp42 avc1 MSNV dash mmp4".split(), "mp4")
_BRANDS |= dict.fromkeys(b"3gp4 3gp5 3gp6 3g2a".split(), "mp4") | {b"M4V ": "mp4"}


def _ftyp(data: bytes) -> str | None:
    """ISO media files (HEIC photos, phone recordings) list their brands first, major first."""
    end = min(max(int.from_bytes(data[:4], "big"), 16), 256, len(data))
    brands = [data[8:12]] + [data[i : i + 4] for i in range(16, end - 3, 4)]
    if b"avif" in brands or b"avis" in brands:
        return None  # AVIF also claims mif1, but is not HEIC
    return next((_BRANDS[b] for b in brands if b in _BRANDS), None)


def _audio_frame(data: bytes, at: int) -> str | None:
    """An AAC (ADTS) or MP3 frame header at `at`, its fields checked so chance bytes fail."""
    head = data[at : at + 3]
    if len(head) < 3 or head[0] != 0xFF:
        return None
    if head[1] & 0xF6 == 0xF0:
        return "aac"
    version, layer, rate = (head[1] >> 3) & 3, (head[1] >> 1) & 3, (head[2] >> 2) & 3
    valid = head[1] & 0xE0 == 0xE0 and version != 1 and layer == 1 and rate != 3  # Layer III
    return "mp3" if valid and head[2] >> 4 not in (0, 15) else None


def _id3(data: bytes) -> str | None:
    """Skip an ID3 tag (and up to 4 KiB of padding) and recognise the audio frame after it."""
    size = sum((b & 0x7F) << (7 * (3 - i)) for i, b in enumerate(data[6:10]))
    start = 10 + size + (10 if data[5] & 0x10 else 0)
    for at in range(start, min(start + 4096, len(data))):
        if data[at] == 0xFF:
            return _audio_frame(data, at)
        if data[at] != 0:
            return None
    return None


def _ole_entry(data: bytes, name: str) -> int | None:
    """Start sector of a named stream in an OLE2 file (old Word, password-protected Office).

    Directory entries are 128-byte aligned and begin with the UTF-16 name, so a match at such
    an offset is the entry, not the same text inside some content.
    """
    needle = name.encode("utf-16-le") + b"\x00\x00"
    at = data.find(needle, 512)
    while at != -1 and at % 128:
        at = data.find(needle, at + 1)
    return None if at == -1 else int.from_bytes(data[at + 0x74 : at + 0x78], "little")


def _ole2(data: bytes) -> str | None:
    if _ole_entry(data, "EncryptedPackage") is not None:
        return "docx"  # a .docx (or .xlsx) with a password: reported as password protected
    return "doc" if _ole_entry(data, "WordDocument") is not None else None


def _docx(data: bytes) -> str | None:
    """A Word document is a zip with [Content_Types].xml and a word/ folder; only names are read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        return None
    ok = "[Content_Types].xml" in names and any(n.startswith("word/") for n in names)
    return "docx" if ok else None


def _text(data: bytes, filename: str) -> str | None:
    """Plain text has no signature, so it needs the .txt name as well as clean UTF-8."""
    if not filename.lower().endswith(".txt") or b"\x00" in data:
        return None
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return "txt"


def sniff(data: bytes, filename: str = "") -> str | None:
    """The kind of file the bytes are, or None. The name matters only for plain text."""
    if b"%PDF-" in data[:1024]:  # PDF readers allow a little junk before the header
        return "pdf"
    for prefix, kind in _PREFIXES.items():
        if data.startswith(prefix):
            return kind
    if data.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE"):
        return "webp" if data[8:12] == b"WEBP" else "wav"
    if data[4:8] == b"ftyp":
        return _ftyp(data)
    if data.startswith(OLE2):
        return _ole2(data)
    if data.startswith(b"PK\x03\x04"):
        return _docx(data)
    if data.startswith(b"\x1a\x45\xdf\xa3"):  # Matroska: only its WebM form is accepted
        return "webm" if b"webm" in data[:64] else None
    if data.startswith(b"ID3") and len(data) > 10:
        return _id3(data)
    return _audio_frame(data, 0) or _text(data, filename)


_PDF_ENCRYPT = re.compile(rb"/Encrypt\s*(?:\d+\s+\d+\s+R|<<)")


def password_protected(kind: str, data: bytes) -> bool:
    """Whether a file is encrypted, as far as its bytes show without decrypting it.

    PDF: an /Encrypt entry (a reference or a dictionary) in a trailer or xref stream dictionary;
    those are never compressed, while page text usually is. This also catches PDFs with only an
    owner password (printing or copying restricted), which open without one. Word: a .docx
    with a password is an OLE2 file holding an EncryptedPackage stream; a .doc sets fEncrypted
    (0x0100) in the flags of the FIB, which opens its WordDocument stream.
    """
    if kind == "pdf":
        return _PDF_ENCRYPT.search(data) is not None
    if kind == "docx":
        return data.startswith(OLE2)
    if kind != "doc" or (start := _ole_entry(data, "WordDocument")) is None:
        return False
    sector = 1 << min(int.from_bytes(data[0x1E:0x20], "little"), 16)
    fib = data[(start + 1) * sector :][:12]
    return fib[:2] == b"\xec\xa5" and bool(int.from_bytes(fib[10:12], "little") & 0x0100)


# ---- Checking uploads ----------------------------------------------------------------------


class Message(LazyString):
    """A lazy message that escapes itself in templates: flask_babel's LazyString.__html__
    returns its text unescaped, and these messages carry names people gave their files."""

    def __html__(self) -> str:
        return str(escape(str(self)))


def _l(string: str, **variables: object) -> Message:
    """portal.i18n.lazy_gettext, made safe to show; pybabel extracts it by the same `_l`."""
    return Message(gettext, string, **variables)


@dataclass(frozen=True)
class Upload:
    filename: str  # as the browser sent it: display text only
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)

    @classmethod
    def read(cls, filename: str, stream: BinaryIO, limit: int) -> Upload:
        """At most limit + 1 bytes: enough to know a file is too big without holding it all."""
        return cls(filename, stream.read(limit + 1))


@dataclass(frozen=True)
class Problem:
    code: str  # none, too_many, total, empty, too_big, wrong_type, protected, virus, failed
    message: Message
    filename: str | None = None  # None when the problem is with the whole selection


def _types(limits: EvidenceLimits) -> Message:
    labels = [k.ext.upper() for k in KINDS.values() if k.name in limits.types]
    if len(labels) == 1:
        return Message(str, labels[0])
    return _l("%(items)s or %(last)s", items=", ".join(labels[:-1]), last=labels[-1])


def N_(msgid: str) -> str:
    """Marks a message for pybabel (a default keyword); it is translated when shown."""
    return msgid


#: for each problem with a file: the GOV.UK message, and the one naming a file among several
FILE_MESSAGES = {
    "empty": (N_("The selected file is empty"), N_("%(name)s is empty")),
    "too_big": (
        N_("The selected file must be smaller than %(size)s"),
        N_("%(name)s must be smaller than %(size)s"),
    ),
    "wrong_type": (
        N_("The selected file must be a %(types)s"),
        N_("%(name)s must be a %(types)s"),
    ),
    "protected": (
        N_("The selected file is password protected"),
        N_("%(name)s is password protected"),
    ),
    "virus": (N_("The selected file contains a virus"), N_("%(name)s contains a virus")),
    "failed": (
        N_("The selected file could not be uploaded – try again"),
        N_("%(name)s could not be uploaded – try again"),
    ),
}


def file_problem(code: str, limits: EvidenceLimits, name: str | None = None) -> Problem:
    """The message for one file's problem; when several were selected, `name` says which."""
    msgid = FILE_MESSAGES[code][name is not None]
    size, types = f"{limits.max_file_mb}MB", _types(limits)
    return Problem(code, Message(gettext, msgid, name=name, size=size, types=types), name)


def _too_many(limits: EvidenceLimits, already: int) -> Message:
    if already:
        return Message(
            lambda: ngettext(
                "You can upload up to %(num)s file in total",
                "You can upload up to %(num)s files in total",
                limits.max_files,
            )
        )
    return Message(
        lambda: ngettext(
            "You can only select up to %(num)s file at the same time",
            "You can only select up to %(num)s files at the same time",
            limits.max_files,
        )
    )


def _too_much(limits: EvidenceLimits, already: int) -> Message:
    size = f"{limits.max_total_mb}MB"
    if already:
        return _l("You can upload up to %(size)s of files in total", size=size)
    return _l("The selected files must be smaller than %(size)s in total", size=size)


def check(
    files: Sequence[Upload],
    limits: EvidenceLimits,
    stored: Sequence[StoredFile] = (),
    scan: Callable[[bytes], bool] | None = None,
) -> list[Problem]:
    """Everything wrong with newly selected files, given those stored already; [] means store.

    `scan` says whether bytes hold a virus; if it raises, the file "could not be uploaded".
    Too many files is reported alone, as the person must choose again; the total size counts
    the stored files and only the new files with no problem of their own.
    """
    files = [f for f in files if f.filename or f.data]  # browsers send an empty part for none
    if not files:
        return [Problem("none", _l("Select a file"))]
    if len(files) + len(stored) > limits.max_files:
        return [Problem("too_many", _too_many(limits, len(stored)))]
    problems, good = [], 0
    for upload in files:
        if code := _file_code(upload, limits, scan):
            name = upload.filename if len(files) > 1 else None
            problems.append(file_problem(code, limits, name))
        else:
            good += upload.size
    already = sum(s.size for s in stored)
    if good and already + good > limits.max_total_mb * MIB:
        problems.append(Problem("total", _too_much(limits, already)))
    return problems


def _file_code(upload: Upload, limits: EvidenceLimits, scan: Callable | None) -> str | None:
    if upload.size == 0:
        return "empty"
    if upload.size > limits.max_file_mb * MIB:
        return "too_big"
    kind = sniff(upload.data, upload.filename)
    if kind not in limits.types:
        return "wrong_type"
    if password_protected(kind, upload.data):
        return "protected"
    try:
        return "virus" if scan and scan(upload.data) else None
    except Exception:  # a scanner that fails means "try again", never "no virus"
        return "failed"


# ---- Storing files -------------------------------------------------------------------------

_EXTS = "|".join(sorted(k.ext for k in KINDS.values()))
_STORED_NAME = re.compile(rf"[A-Za-z0-9_-]{{32}}\.(?:{_EXTS})")


@dataclass(frozen=True)
class StoredFile:
    stored_name: str  # random: the only name used on disk
    original_name: str  # exactly as given, for display only: escape it on output
    kind: str
    mime: str
    size: int
    sha256: str

    @property
    def group(self) -> str:
        return KINDS[self.kind].group


def store(upload: Upload, upload_dir: Path) -> StoredFile:
    """Write a checked upload under a random name, atomically, readable only by the portal.

    Raises ValueError for bytes of no known kind (call check first), and OSError if the disk
    fails: show file_problem("failed", ...) for that.
    """
    kind = sniff(upload.data, upload.filename)
    if kind is None:
        raise ValueError("store() needs a file that check() accepted")
    upload_dir = Path(upload_dir)
    upload_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    stored_name = f"{secrets.token_urlsafe(24)}.{KINDS[kind].ext}"
    fd, temp = tempfile.mkstemp(dir=upload_dir, prefix=".upload-")  # always mode 0o600
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(upload.data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, upload_dir / stored_name)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return StoredFile(
        stored_name,
        upload.filename,
        kind,
        KINDS[kind].mime,
        upload.size,
        hashlib.sha256(upload.data).hexdigest(),
    )


def _stored_path(upload_dir: Path, stored_name: str) -> Path:
    """Only names that store() makes are accepted, so no name reaches outside upload_dir."""
    if not isinstance(stored_name, str) or not _STORED_NAME.fullmatch(stored_name):
        raise ValueError(f"not a stored file name: {stored_name!r}")
    return Path(upload_dir) / stored_name


def open_stored(upload_dir: Path, stored_name: str) -> BinaryIO:
    """Open a stored file for reading; a symbolic link is refused as well as an odd name."""
    path = _stored_path(upload_dir, stored_name)
    return open(path, "rb", opener=lambda p, flags: os.open(p, flags | os.O_NOFOLLOW))  # noqa: SIM115


def delete_stored(upload_dir: Path, stored_name: str) -> bool:
    """Remove a stored file; False if it was already gone, as deleting twice is no error."""
    try:
        _stored_path(upload_dir, stored_name).unlink()
    except FileNotFoundError:
        return False
    return True


def has_recording(files: Iterable[StoredFile]) -> bool:
    """Whether any file is a sound or video recording: those need a declaration from the
    person that the recording is complete and unaltered."""
    return any(f.group == "recording" for f in files)
