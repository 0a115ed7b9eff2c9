"""The evidence page: upload files (several at once), remove them, or say they will come by post.

Files are checked by evidence.check against the council's limits and stored under UPLOAD_DIR
with random names the moment they pass, so a crash or a closed tab after "Upload files" loses
nothing; the draft keeps the list. Nothing here ever serves a file back: the list shows only
the names people gave them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import current_app, request
from wtforms import MultipleFileField

from portal.i18n import gettext as _
from portal.i18n import lazy_gettext as _l
from portal.journey import evidence
from portal.journey.engine import Answers
from portal.journey.forms import StepForm, checkboxes, choice

UPLOAD = "upload"
REMOVE = "remove"


def stored_files(answers: Answers) -> list[dict[str, Any]]:
    files = answers.get("evidence_files")
    return [f for f in files if isinstance(f, dict)] if isinstance(files, list) else []


def has_recording(answers: Answers) -> bool:
    return any(
        evidence.KINDS[f["kind"]].group == "recording"
        for f in stored_files(answers)
        if f.get("kind") in evidence.KINDS
    )


def _as_stored(record: dict[str, Any]) -> evidence.StoredFile:
    return evidence.StoredFile(**{k: record[k] for k in evidence.StoredFile.__dataclass_fields__})


class Evidence(StepForm):
    evidence_files = MultipleFileField(_l("Upload documents, photos or recordings (optional)"))
    evidence_by_post = checkboxes(
        _l("If you cannot upload something"),
        [choice("yes", _l("I will send something by post"))],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.new_files: list[evidence.Upload] = []
        self.evidence_files.description = _(
            "For example, letters, emails, reports, photos, or recordings of phone calls or "
            "meetings. You can add up to %(files)s files, each smaller than %(size)sMB, and "
            "select several at once.",
            files=self.limits.max_files,
            size=self.limits.max_file_mb,
        )

    @property
    def limits(self) -> evidence.EvidenceLimits:
        return current_app.extensions["council"].evidence

    def stay(self) -> dict[str, Any] | None:
        return {} if UPLOAD in request.form or REMOVE in request.form else None

    def validate_evidence_files(self, field: Any) -> None:
        if REMOVE in request.form:
            return
        limit = self.limits.max_file_mb * evidence.MIB
        self.new_files = [
            evidence.Upload.read(f.filename or "", f.stream, limit)
            for f in request.files.getlist(field.name)
            if f.filename
        ]
        if not self.new_files and UPLOAD not in request.form:
            return
        problems = evidence.check(
            self.new_files, self.limits, [_as_stored(r) for r in stored_files(self.saved)]
        )
        # Every problem is listed (one per file), not just the first.
        field.errors.extend(p.message for p in problems)

    def to_answers(self) -> dict[str, Any]:
        """Store the new files and list them. Runs once per valid POST."""
        upload_dir = Path(current_app.config["UPLOAD_DIR"])
        files = stored_files(self.saved)
        removing = request.form.get(REMOVE)
        if removing:
            kept = [f for f in files if f.get("stored_name") != removing]
            if len(kept) < len(files):
                evidence.delete_stored(upload_dir, removing)
            files = kept
        for upload in self.new_files:
            stored = evidence.store(upload, upload_dir)
            files.append({k: getattr(stored, k) for k in evidence.StoredFile.__dataclass_fields__})
        answers: dict[str, Any] = {
            "evidence_files": files,
            "evidence_by_post": self.evidence_by_post.data or [],
        }
        if self.stay() is None:
            answers["evidence"] = "done"
        return answers

    @classmethod
    def initial(cls, answers: dict[str, Any]) -> dict[str, Any]:
        return {"evidence_by_post": answers.get("evidence_by_post") or []}


class Recording(StepForm):
    recording_declaration = checkboxes(
        _l("Tell us about your recording"),
        [
            choice(
                "yes",
                _l("I confirm this is the whole recording, and it has not been changed or edited"),
            )
        ],
        _l("Confirm that the recording is complete and has not been changed"),
        _l(
            "We can only use a recording if it is complete. If you cut or changed it, remove it "
            "and tell us what happened instead."
        ),
    )
