"""The files the person sent, for the complaints team to download.

Two kinds, stored the same way (portal.journey.evidence: a random name under UPLOAD_DIR that
no public route serves): the evidence in the complaint, listed in its answers, and files
added to messages later (CaseFile rows). Their ids on the page say which: "e1" is the
complaint's first evidence file, "m12" is CaseFile 12. A download is for those who may open
the case, is audited, and is always an attachment under a safe name: a file is never shown
in the browser, where an HTML or script file could run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import abort, current_app, send_file, url_for
from flask.typing import ResponseReturnValue

from portal import db
from portal.journey import evidence
from portal.journey.evidence_step import stored_files
from portal.models import Case, CaseFile
from portal.staff import audit, roles
from portal.staff.case_page import READ_ROLES, find
from portal.staff.views import bp

_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")


@dataclass(frozen=True)
class StoredOnDisk:
    """What a download needs: the name on disk, the person's name for it, and its kind."""

    stored: str
    name: str
    kind: str


def safe_filename(name: str, kind: str, fallback: str = "file") -> str:
    """The person's name for a file, reduced to plain characters, with its real extension."""
    ext = evidence.KINDS[kind].ext
    base = re.split(r"[\\/]", name)[-1]  # no folders, whatever the sender's system
    stem, dot, _given = base.rpartition(".")
    stem = stem if dot and stem else base
    stem = _UNSAFE.sub("_", stem).strip(" ._-")[:80] or fallback
    return f"{stem}.{ext}"


def evidence_files(case: Case) -> list[dict[str, Any]]:
    """The complaint's evidence files, each with the link that downloads it."""
    return [
        {
            "name": str(record.get("original_name") or ""),
            "size": int(record.get("size") or 0),
            "url": url_for("staff.case_file", reference=case.reference, file_id=f"e{number}"),
        }
        for number, record in enumerate(stored_files(case.answers or {}), start=1)
    ]


def message_file_id(file: CaseFile) -> str:
    return f"m{file.id}"


def _lookup(case: Case, file_id: str) -> StoredOnDisk | None:
    match = re.fullmatch(r"([em])([1-9][0-9]{0,8})", file_id)
    if match is None:
        return None
    number = int(match.group(2))
    if match.group(1) == "e":
        records = stored_files(case.answers or {})
        if number > len(records):
            return None
        record = records[number - 1]
        kind = record.get("kind")
        if kind not in evidence.KINDS:
            return None
        name = str(record.get("original_name") or "")
        return StoredOnDisk(str(record.get("stored_name")), name, kind)
    row = db.session().get(CaseFile, number)
    if row is None or row.case_id != case.id or row.kind not in evidence.KINDS:
        return None
    return StoredOnDisk(row.stored, row.name, row.kind)


@bp.route("/cases/<reference>/files/<file_id>")
@roles.require(*READ_ROLES)
def case_file(reference: str, file_id: str) -> ResponseReturnValue:
    found = find(reference)
    record = _lookup(found, file_id)
    if record is None:
        abort(404)
    try:
        handle = evidence.open_stored(Path(current_app.config["UPLOAD_DIR"]), record.stored)
    except (OSError, ValueError):
        abort(404)
    data = db.session()
    audit.log(
        data, roles.current_user(), "case.file_downloaded", found, file=file_id, name=record.name
    )
    data.commit()
    response = send_file(
        handle,
        mimetype=evidence.KINDS[record.kind].mime,
        as_attachment=True,
        download_name=safe_filename(record.name, record.kind),
        max_age=0,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "no-store"
    return response
