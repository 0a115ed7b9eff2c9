"""The audit log: every staff route that shows or changes a case writes an entry naming the
member of staff and the case, and managers (only) read the log on /staff/audit, filtered and
paged, without any way to change it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from portal import db
from portal.domain.references import display
from portal.models import AuditEntry, StaffUser, utcnow
from portal.staff import audit, roles
from portal.staff.audit_page import action_words
from tests.test_staff_auth import MATRIX, create, sign_in
from tests.test_staff_decisions import flagged, message_file
from tests.test_tracking_case import HOSTILE, working_days_ago
from tests.test_tracking_links import submitted


@pytest.fixture(scope="module")
def base(app) -> dict:
    from tests.test_complaint import case_with

    _to, reference = submitted(app.test_client())
    return dict(case_with(app, reference).answers)


@pytest.fixture(scope="module")
def manager_account(app):
    return create(app, roles.MANAGER)


@pytest.fixture
def manager(app, manager_account):
    client = app.test_client()
    sign_in(client, *manager_account)
    return client


def _user_id(app, email: str) -> int:
    with app.app_context():
        return db.session().scalars(select(StaffUser.id).where(StaffUser.email == email)).one()


def _last_id(app) -> int:
    with app.app_context():
        return db.session().scalar(select(func.max(AuditEntry.id))) or 0


def _entries_after(app, after: int) -> list[AuditEntry]:
    with app.app_context():
        query = select(AuditEntry).where(AuditEntry.id > after).order_by(AuditEntry.id)
        return list(db.session().scalars(query))


def _post(client, url: str, reference: str, data: dict | None = None):
    page = client.page(f"/staff/cases/{reference}")
    return client.post(url, data={"csrf_token": page.csrf(), **(data or {})})


def _today() -> dict:
    today = working_days_ago(0)
    return {"on-day": today.day, "on-month": today.month, "on-year": today.year}


def _restricted(client, app, reference: str):
    review = working_days_ago(0) + timedelta(days=60)
    return _post(
        client,
        f"/staff/cases/{reference}/restrictions",
        reference,
        {
            "restriction_channels": ["phone"],
            "restriction_reason": "Calls every hour to the duty line",
            "review_date-day": review.day,
            "review_date-month": review.month,
            "review_date-year": review.year,
        },
    )


def _lifted(client, app, reference: str):
    assert _restricted(client, app, reference).status_code == 302
    page = client.page(f"/staff/cases/{reference}")
    restriction = page.soup.select_one("form[action$='/restrictions/lift'] [name=restriction]")
    return client.post(
        f"/staff/cases/{reference}/restrictions/lift",
        data={"csrf_token": page.csrf(), "restriction": restriction["value"]},
    )


def _file(client, app, reference: str):
    file_id = message_file(app, reference)
    return client.get(f"/staff/cases/{reference}/files/{file_id}")


#: how to use each staff route that shows or changes one case, as a member of staff would:
#: (answers the case needs, what to do). A new case route fails the completeness test until
#: it is added here.
DRIVE: dict[str, tuple[dict, Callable]] = {
    "staff.case": ({}, lambda c, app, r: c.get(f"/staff/cases/{r}")),
    "staff.reply": (
        {},
        lambda c, app, r: _post(c, f"/staff/cases/{r}/reply", r, {"reply": "We are on it."}),
    ),
    "staff.record_event": (
        {},
        lambda c, app, r: _post(
            c, f"/staff/cases/{r}/events", r, {"kind": "acknowledged", **_today()}
        ),
    ),
    "staff.assign": ({}, lambda c, app, r: _post(c, f"/staff/cases/{r}/assign", r, {})),
    "staff.revoke_links": ({}, lambda c, app, r: _post(c, f"/staff/cases/{r}/revoke-links", r)),
    "staff.decide_sufficient_interest": (
        {"role": "relative_or_friend"},
        lambda c, app, r: _post(
            c,
            f"/staff/cases/{r}/decisions/sufficient-interest",
            r,
            {"sufficient-interest-decision": "yes"},
        ),
    ),
    "staff.pause_for_proceedings": (
        {"proceedings": "yes"},
        lambda c, app, r: _post(
            c, f"/staff/cases/{r}/decisions/proceedings", r, {"proceedings-reason": "A court case"}
        ),
    ),
    "staff.decide_late": (
        {"aware_over_12_months": "yes"},
        lambda c, app, r: _post(
            c,
            f"/staff/cases/{r}/decisions/late",
            r,
            {"late-decision": "accepted", "late-reason": "Good reason for the delay"},
        ),
    ),
    "staff.split_fluency": (
        {"fluency": "yes"},
        lambda c, app, r: _post(
            c,
            f"/staff/cases/{r}/decisions/fluency",
            r,
            {"fluency-part": "The interpreter's English"},
        ),
    ),
    "staff.case_file": ({}, _file),
    "staff.add_restriction": ({}, _restricted),
    "staff.lift_restriction": ({}, _lifted),
}


#: routes whose entry is one that driving other routes also writes
ACTION_OF = {"staff.case": "case.viewed", "staff.add_restriction": "case.restriction_added"}


def _case_routes(app) -> set[str]:
    return {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("staff.") and "reference" in rule.arguments
    }


def test_every_case_route_is_driven_here_and_in_the_matrix(app):
    routes = _case_routes(app)
    assert routes <= set(MATRIX)
    assert routes == set(DRIVE), "add a way to drive each new case route to DRIVE"


@pytest.mark.parametrize("endpoint", sorted(DRIVE))
def test_audit_completeness(app, base, manager, manager_account, endpoint):
    """Each route that shows or changes a case writes an entry naming the user and the case."""
    changes, drive = DRIVE[endpoint]
    _to, reference = flagged(app, base, **changes)
    before = _last_id(app)
    response = drive(manager, app, reference)
    expected = 200 if endpoint in ("staff.case", "staff.case_file") else 302
    assert response.status_code == expected, (endpoint, response.status_code)
    user_id = _user_id(app, manager_account[0])
    # the pages opened on the way (case.viewed) and any setup do not count
    setup = {"case.viewed", "case.restriction_added"} - {ACTION_OF.get(endpoint)}
    named = [
        e
        for e in _entries_after(app, before)
        if e.staff_user_id == user_id
        and (e.case_reference == reference or (e.detail or {}).get("parent") == reference)
        and e.action not in setup
    ]
    assert named, f"{endpoint} wrote no audit entry naming the user and the case"


# The page --------------------------------------------------------------------------------------


def _log(app, action: str, **values) -> None:
    with app.app_context():
        data = db.session()
        entry = audit.log(data, None, action, **values.pop("detail", {}))
        for key, value in values.items():
            setattr(entry, key, value)
        data.commit()


def test_only_managers_see_the_log_and_the_link_to_it(app, manager):
    assert "Audit log" in manager.page("/staff/").text
    for role in (roles.OFFICER, roles.INVESTIGATOR, roles.ADMIN, roles.EQUALITIES):
        client = app.test_client()
        sign_in(client, *create(app, role))
        assert client.get("/staff/audit").status_code == 403
        assert "Audit log" not in client.page("/staff/").text
    assert app.test_client().get("/staff/audit").location.endswith("/staff/sign-in")


def test_the_log_shows_who_did_what_to_which_case_in_words_and_is_audited(
    app, base, manager, manager_account
):
    _to, reference = flagged(app, base)
    page = manager.page(f"/staff/cases/{reference}")
    response = manager.post(
        f"/staff/cases/{reference}/events",
        data={
            "csrf_token": page.csrf(),
            "kind": "stage1_response_sent",
            "outcome": "upheld",
            **_today(),
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    log = manager.page(f"/staff/audit?reference={display(reference).lower()}")
    assert log.h1 == "Audit log"
    rows = [" ".join(r.get_text(" ").split()) for r in log.soup.select("tbody tr")]
    assert "Recorded an event: stage 1 response sent" in rows[0], "newest first"
    assert "Viewed the case" in rows[-1]
    assert all(manager_account[0] in row and display(reference) in row for row in rows)
    link = log.soup.select_one("tbody tr a")
    assert link["href"] == f"/staff/cases/{reference}"
    # viewing it is audited, with the filters used
    with app.app_context():
        last = db.session().scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert last.action == "audit.viewed" and last.staff_user_id == _user_id(app, manager_account[0])
    assert reference in last.detail["filters"]


def test_the_page_has_no_form_that_changes_anything(app, manager):
    page = manager.page("/staff/audit")
    methods = {(f.get("method") or "get").lower() for f in page.soup.find_all("form")}
    actions = {f.get("action") for f in page.soup.find_all("form") if f.get("method") == "post"}
    assert actions <= {"/staff/sign-out"}, "only the layout's sign-out, if any"
    assert "get" in methods
    token = manager.page("/staff/").csrf()
    assert manager.post("/staff/audit", data={"csrf_token": token}).status_code == 405


def test_filters_by_email_action_and_dates(app, manager, manager_account):
    email = manager_account[0]
    _log(app, "sign_in.failed", detail={"email": HOSTILE}, at=utcnow() - timedelta(days=400))
    page = manager.page(f"/staff/audit?email={email.upper()}&action=sign_in")
    rows = page.soup.select("tbody tr")
    assert rows and all(email in r.get_text() and "Signed in" in r.get_text() for r in rows)
    old = (utcnow() - timedelta(days=400)).date()
    query = (
        f"from-day={old.day}&from-month={old.month}&from-year={old.year}"
        f"&to-day={old.day}&to-month={old.month}&to-year={old.year}"
    )
    page = manager.page(f"/staff/audit?{query}")
    [row] = page.soup.select("tbody tr")
    assert "Failed to sign in" in row.get_text() and "Nobody signed in" in row.get_text()
    assert HOSTILE in row.get_text(), "shown exactly"
    assert "<script>alert" not in page.response.get_data(as_text=True), "and escaped"


def test_bad_filters_are_explained_not_a_500(manager):
    page = manager.page(
        "/staff/audit?reference=nonsense&from-day=31&from-month=2&from-year=2026"
        "&to-day=1&to-month=1&to-year=2020"
    )
    assert page.errors() == [
        "Enter a case reference like ABC-DEF-GHJ",
        "The first day must be a real date, like 27 3 2026",
    ]
    assert page.soup.select_one("#reference-error")
    assert "No entries match these filters." in page.text
    page = manager.page(
        "/staff/audit?from-day=2&from-month=1&from-year=2026&to-day=1&to-month=1&to-year=2026"
    )
    assert page.errors() == ["The first day must be the same as or before the last day"]


def test_fifty_a_page_with_pagination(app, manager):
    with app.app_context():
        data = db.session()
        for n in range(120):
            audit.log(data, None, "sign_in.failed", email=f"page-test-{n:03d}@example.org")
        data.commit()
    first = manager.page("/staff/audit?action=sign_in.failed")
    assert len(first.soup.select("tbody tr")) == 50
    assert "page-test-119" in first.soup.select("tbody tr")[0].get_text()
    nav = first.soup.select_one("nav.govuk-pagination")
    assert nav is not None and nav.select_one(".govuk-pagination__next a")
    last_href = nav.select(".govuk-pagination__item a")[-1]["href"]
    assert "action=sign_in.failed" in last_href
    last = manager.page(last_href)
    assert last.soup.select(".govuk-pagination__prev a")
    assert "Showing" in last.text
    assert manager.page("/staff/audit?page=999999").status == 200


def test_actions_in_words():
    assert action_words("case.viewed", {}) == "Viewed the case"
    assert (
        action_words("case.event_recorded", {"kind": "stage2_extended"})
        == "Recorded an event: stage 2 extended"
    )
    assert action_words("something.new", {}) == "something.new"
