"""The case page's decisions on triage flags (sufficient interest, proceedings, a late
complaint, English fluency), the person's files for download, and the staff "Next" line."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import select

from portal import cases, db
from portal.domain.references import display, new_reference
from portal.domain.stages import Event, state
from portal.journey import evidence
from portal.models import AuditEntry, Case, CaseDecision, CaseFile, CaseMessage, new_token, utcnow
from portal.staff import roles
from portal.staff.files import safe_filename
from portal.staff.next_step import next_line
from tests.test_complaint import case_with
from tests.test_resume import mail_to
from tests.test_staff_auth import create, sign_in, summary
from tests.test_tracking_case import HOSTILE, events_of, with_history, working_days_ago
from tests.test_tracking_links import address, submitted

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
OMBUDSMAN = "You can ask the Local Government and Social Care Ombudsman to look at this."


@pytest.fixture(scope="module")
def base(app) -> dict:
    """The answers of one complaint sent through the journey, to copy with changes."""
    _to, reference = submitted(app.test_client())
    return dict(case_with(app, reference).answers)


@pytest.fixture(scope="module")
def officer_account(app) -> tuple[str, str, str]:
    return create(app, roles.OFFICER)


@pytest.fixture
def officer(app, officer_account):
    client = app.test_client()
    sign_in(client, *officer_account)
    return client


def flagged(app, base: dict, **changes) -> tuple[str, str]:
    """A new complaint with `base`'s answers and these changes: (email, reference)."""
    to = address()
    with app.app_context():
        data = db.session()
        case = Case(
            reference=new_reference(),
            kind="complaint",
            draft_id=new_token(),
            answers={**base, "contact_email": to, **changes},
            submitted_at=utcnow(),
        )
        data.add(case)
        data.flush()
        cases.received(data, case, app.extensions["council"].timescales)
        data.commit()
        return to, case.reference


def message_file(app, reference: str, name: str = "letter.pdf", data: bytes = PDF) -> str:
    """A file the person added to a message; returns its id on the case page ("m12")."""
    with app.app_context():
        session = db.session()
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        stored = evidence.store(evidence.Upload(name, data), app.config["UPLOAD_DIR"])
        message = CaseMessage(case_id=case.id, sender="person", topic="message", body="A letter")
        message.files.append(
            CaseFile(
                case_id=case.id,
                stored=stored.stored_name,
                name=name,
                kind=stored.kind,
                size=stored.size,
            )
        )
        session.add(message)
        session.commit()
        return f"m{message.files[0].id}"


def decisions_of(app, reference: str) -> list[CaseDecision]:
    with app.app_context():
        case_id = case_with(app, reference).id
        query = select(CaseDecision).where(CaseDecision.case_id == case_id)
        return list(db.session().scalars(query.order_by(CaseDecision.id)))


def audit_of(app, reference: str) -> list[str]:
    with app.app_context():
        case_id = case_with(app, reference).id
        query = select(AuditEntry.action).where(AuditEntry.case_id == case_id)
        return list(db.session().scalars(query.order_by(AuditEntry.id)))


def post(client, reference: str, flag: str, data: dict):
    page = client.page(f"/staff/cases/{reference}")
    return client.post(
        f"/staff/cases/{reference}/decisions/{flag}", data={"csrf_token": page.csrf(), **data}
    )


def section(client, reference: str, flag: str) -> str:
    page = client.page(f"/staff/cases/{reference}")
    found = page.soup.select_one(f"#decision-{flag}")
    return " ".join(found.get_text(" ").split()) if found else ""


DECIDED_ON = r"on \d{1,2} [A-Z][a-z]{2} \d{4} by "


# Sufficient interest -------------------------------------------------------------------------


def test_no_sufficient_interest_needs_reasons_naming_the_ombudsman(app, base, officer):
    to, reference = flagged(app, base, role="relative_or_friend")
    page = officer.page(f"/staff/cases/{reference}")
    assert "Decisions needed" in page.text
    assert page.soup.select_one("#decision-sufficient_interest form") is not None
    assert page.soup.select_one("#decision-late") is None  # not flagged
    flag = "sufficient-interest"
    assert summary(post(officer, reference, flag, {})) == [
        "Select yes if the person has sufficient interest"
    ]
    data = {"sufficient-interest-decision": "no"}
    assert summary(post(officer, reference, flag, data)) == ["Enter the reasons for the decision"]
    data["sufficient-interest-reason"] = "Not close enough to the child."
    refused = post(officer, reference, flag, data)
    assert refused.status_code == 200
    assert summary(refused) == [
        "Name the Local Government and Social Care Ombudsman in the reasons: the person can "
        "ask them to look at this decision"
    ]
    assert [e.kind for e in events_of(app, reference)] == ["received"]
    data["sufficient-interest-reason"] = f"{HOSTILE} {OMBUDSMAN}"
    assert post(officer, reference, flag, data).status_code == 302
    last = events_of(app, reference)[-1]
    assert (last.kind, last.details["decision"]) == ("sufficient_interest_decided", "no")
    assert case_with(app, reference).status == "no_sufficient_interest"
    words = section(officer, reference, "sufficient_interest")
    assert re.search("Decided the person does not have sufficient interest " + DECIDED_ON, words)
    assert " ".join(HOSTILE.split()) in words
    page = officer.page(f"/staff/cases/{reference}")
    assert "<script>alert" not in page.response.get_data(as_text=True)
    assert page.soup.select_one("#decision-sufficient_interest form") is None
    mail = mail_to(app, to)[-1]
    assert mail["Subject"].startswith("Update on your complaint")
    assert "you cannot make this complaint for the child" in mail.get_content()
    assert audit_of(app, reference).count("case.decided") == 1


def test_sufficient_interest_yes_lets_the_complaint_go_ahead(app, base, officer):
    to, reference = flagged(app, base, role="professional")
    data = {"sufficient-interest-decision": "yes"}
    assert post(officer, reference, "sufficient-interest", data).status_code == 302
    assert events_of(app, reference)[-1].details == {"decision": "yes"}
    assert "you can make this complaint for the child" in mail_to(app, to)[-1].get_content()
    assert [d.decision for d in decisions_of(app, reference)] == ["yes"]
    # a second click changes nothing
    assert post(officer, reference, "sufficient-interest", data).status_code == 302
    assert len(decisions_of(app, reference)) == 1


# Court proceedings --------------------------------------------------------------------------


def test_proceedings_pause_the_complaint_with_a_reason(app, base, officer):
    to, reference = flagged(app, base, proceedings="yes")
    assert summary(post(officer, reference, "proceedings", {})) == [
        "Enter why the complaint is paused"
    ]
    reason = "The care proceedings about the same events have not finished."
    response = post(officer, reference, "proceedings", {"proceedings-reason": reason})
    assert response.status_code == 302
    last = events_of(app, reference)[-1]
    assert (last.kind, last.details) == ("paused", {"reason": reason})
    page = officer.page(f"/staff/cases/{reference}")
    words = section(officer, reference, "proceedings")
    assert re.search("Paused for proceedings " + DECIDED_ON + r".*: " + reason, words)
    assert page.soup.find("a", string="Record that the complaint has resumed")["href"] == "#kind"
    assert page.soup.select_one("#next").get_text().startswith("Paused: record that")
    assert "We have paused your complaint" in mail_to(app, to)[-1].get_content()
    assert "case.decided" in audit_of(app, reference)


# A late complaint ---------------------------------------------------------------------------


def test_accepting_a_late_complaint_keeps_it_going_and_shows_the_decision(
    app, base, officer, officer_account
):
    to, reference = flagged(app, base, aware_over_12_months="yes")
    before = len(mail_to(app, to))
    assert summary(post(officer, reference, "late", {})) == [
        "Select whether to accept or refuse the late complaint",
        "Enter the reasons for the decision",
    ]
    data = {"late-decision": "accepted", "late-reason": "Their illness explains the delay."}
    assert post(officer, reference, "late", data).status_code == 302
    assert [e.kind for e in events_of(app, reference)] == ["received"]
    assert len(mail_to(app, to)) == before, "nothing changes for the person"
    words = section(officer, reference, "late")
    expected = "Accepted late complaint " + DECIDED_ON + re.escape(officer_account[0])
    assert re.search(expected + ": Their illness explains the delay.", words)
    page = officer.page(f"/staff/cases/{reference}")
    assert page.soup.select_one("#decision-late form") is None
    [decision] = decisions_of(app, reference)
    assert (decision.flag, decision.decision) == ("late", "accepted")
    assert decision.staff_user_id is not None


def test_refusing_a_late_complaint_names_the_ombudsman(app, base, officer):
    to, reference = flagged(app, base, aware_over_12_months="yes")
    data = {"late-decision": "refused", "late-reason": "Too long ago to look at fairly."}
    assert "Name the Local Government" in summary(post(officer, reference, "late", data))[0]
    assert decisions_of(app, reference) == []
    data["late-reason"] += " " + OMBUDSMAN
    assert post(officer, reference, "late", data).status_code == 302
    assert events_of(app, reference)[-1].kind == "refused"
    assert case_with(app, reference).status == "refused"
    assert "more than 12 months" in mail_to(app, to)[-1].get_content()
    assert re.search("Refused late complaint " + DECIDED_ON, section(officer, reference, "late"))


# English fluency -----------------------------------------------------------------------------


def test_the_fluency_part_becomes_a_linked_case_of_its_own(app, base, officer):
    to, reference = flagged(app, base, fluency="yes")
    received = working_days_ago(3)
    with_history(app, reference, ("received", received, {}))
    assert summary(post(officer, reference, "fluency", {})) == [
        "Enter which part of the complaint is about English fluency"
    ]
    note = "The duty manager on 3 March: " + HOSTILE
    assert post(officer, reference, "fluency", {"fluency-part": note}).status_code == 302
    original = case_with(app, reference)
    with app.app_context():
        [part] = db.session().scalars(select(Case).where(Case.parent_case_id == original.id))
    assert part.reference != reference and part.answers == original.answers
    assert [(e.kind, e.on) for e in events_of(app, part.reference)] == [("received", received)]
    # the original links to its part, and the part back, with the note
    page = officer.page(f"/staff/cases/{reference}")
    link = page.soup.select_one("#decision-fluency a")
    assert link.get_text() == display(part.reference)
    assert link["href"] == f"/staff/cases/{part.reference}"
    assert " ".join(HOSTILE.split()) in section(officer, reference, "fluency")
    assert "<script>alert" not in page.response.get_data(as_text=True)
    split = officer.page(f"/staff/cases/{part.reference}")
    back = split.soup.select_one("#split-from a")
    assert back["href"] == f"/staff/cases/{reference}"
    assert "Split off the part about English fluency" in split.soup.select_one("#split-from").text
    assert split.soup.select_one("#decision-fluency") is None  # no splitting a split
    mail = mail_to(app, to)[-1]
    assert display(part.reference) in mail.get_content()
    assert display(reference) in mail["Subject"]
    assert "case.decided" in audit_of(app, reference)
    assert "case.split_from" in audit_of(app, part.reference)


def test_only_the_team_decides(app, base):
    investigator = app.test_client()
    sign_in(investigator, *create(app, roles.INVESTIGATOR))
    _to, reference = flagged(app, base, fluency="yes")
    token = investigator.page("/staff/").csrf()
    data = {"csrf_token": token, "fluency-part": "All of it"}
    response = investigator.post(f"/staff/cases/{reference}/decisions/fluency", data=data)
    assert response.status_code == 403
    assert decisions_of(app, reference) == []


# Files ---------------------------------------------------------------------------------------


def test_files_download_as_attachments_and_are_audited(app, base, officer):
    stored = evidence.store(evidence.Upload("report.pdf", PDF), app.config["UPLOAD_DIR"])
    record = {k: getattr(stored, k) for k in evidence.StoredFile.__dataclass_fields__}
    _to, reference = flagged(app, base, evidence_files=[record])
    hostile = message_file(app, reference, name='<script>".pdf')
    page = officer.page(f"/staff/cases/{reference}")
    links = [a["href"] for a in page.soup.select("a[download]")]
    assert links == [
        f"/staff/cases/{reference}/files/e1",
        f"/staff/cases/{reference}/files/{hostile}",
    ]
    assert "Download report.pdf" in page.text and 'Download <script>".pdf' in page.text
    response = officer.get(links[0])
    assert response.status_code == 200 and response.data == PDF
    assert response.headers["Content-Disposition"] == "attachment; filename=report.pdf"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.mimetype == "application/pdf"
    response = officer.get(links[1])
    assert response.headers["Content-Disposition"] == "attachment; filename=script.pdf"
    assert audit_of(app, reference).count("case.file_downloaded") == 2


def test_a_file_of_another_case_or_no_file_is_not_found(app, base, officer):
    _to, mine = flagged(app, base)
    _to, other = flagged(app, base)
    theirs = message_file(app, other)
    for file_id in (theirs, "e1", "m0", "x1", "m99999999", "..%2Fportal.db"):
        assert officer.get(f"/staff/cases/{mine}/files/{file_id}").status_code == 404, file_id
    assert officer.get(f"/staff/cases/{other}/files/{theirs}").status_code == 200


def test_an_investigator_downloads_only_from_assigned_cases(app, base, officer):
    email, password, secret = create(app, roles.INVESTIGATOR)
    investigator = app.test_client()
    sign_in(investigator, email, password, secret)
    _to, reference = flagged(app, base)
    file_id = message_file(app, reference)
    url = f"/staff/cases/{reference}/files/{file_id}"
    assert investigator.get(url).status_code == 403
    page = officer.page(f"/staff/cases/{reference}")
    option = page.soup.find("option", string=lambda s: s and email in s)
    officer.post(
        f"/staff/cases/{reference}/assign",
        data={"csrf_token": page.csrf(), "assignee": option["value"]},
    )
    assert investigator.get(url).status_code == 200
    assert app.test_client().get(url).location.endswith("/staff/sign-in")


@pytest.mark.parametrize(
    ("name", "kind", "safe"),
    [
        ("letter.pdf", "pdf", "letter.pdf"),
        ("../../etc/passwd", "txt", "passwd.txt"),
        ("photo.exe", "jpeg", "photo.jpg"),
        ("C:\\Users\\me\\.hidden", "pdf", "hidden.pdf"),
        ("", "png", "file.png"),
        ("Zoë’s letter.docx", "docx", "Zo_s letter.docx"),
    ],
)
def test_safe_filenames(name, kind, safe):
    assert safe_filename(name, kind) == safe


# The "Next" line -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("events", "today", "line", "overdue"),
    [
        (
            [("received", "2026-12-02", {})],
            "2026-12-02",
            "Acknowledge the complaint by Friday 4 December 2026 – 2 working days left",
            False,
        ),
        (
            [("received", "2026-12-02", {}), ("acknowledged", "2026-12-03", {})],
            "2026-12-03",
            "Send the stage 1 response by Wednesday 16 December 2026 – 9 working days left",
            False,
        ),
        (
            [("received", "2026-12-02", {})],
            "2026-12-09",
            "Acknowledge the complaint by Friday 4 December 2026 – 3 working days late",
            True,
        ),
        (
            [("received", "2026-12-02", {}), ("stage1_response_sent", "2026-12-03", {})],
            "2026-12-03",
            "Waiting for the person: they can ask for stage 2 until",
            False,
        ),
        (
            [("received", "2026-12-02", {}), ("paused", "2026-12-03", {"reason": "Court"})],
            "2026-12-03",
            "Paused: record that the complaint has resumed when it can go on. Why it was "
            "paused: Court",
            False,
        ),
    ],
)
def test_the_next_line_says_what_the_council_must_do(app, events, today, line, overdue):
    history = [Event(kind, date.fromisoformat(on), details) for kind, on, details in events]
    now = state(history, app.extensions["council"].timescales, date.fromisoformat(today))
    with app.test_request_context("/staff/"):
        said = next_line(now)
    assert said.text.startswith(line) and said.overdue is overdue
