"""Staff accounts and sign-in: password then TOTP code, lockout, idle timeout, roles."""

from __future__ import annotations

import re
import time
import uuid
from datetime import timedelta

import pyotp
import pytest
from sqlalchemy import select, update

from portal import db
from portal.domain.references import display, new_reference
from portal.models import Case, StaffUser, new_token, utcnow
from portal.staff import accounts, roles

WRONG = "Enter a correct email address and password"
LOCKED = "There have been too many wrong attempts to sign in. Wait 15 minutes, then try again."

#: every staff route behind sign-in, and the roles that may use it. A new staff route fails
#: test_every_staff_route_is_in_the_matrix until it is added here.
CASE_WORK = {roles.OFFICER, roles.MANAGER}
MATRIX = {
    "staff.home": set(roles.ALL),
    # investigators see only the cases assigned to them (tests/test_staff_cases.py)
    "staff.cases": {roles.OFFICER, roles.MANAGER, roles.INVESTIGATOR},
    "staff.case": CASE_WORK,
    "staff.reply": CASE_WORK,
    "staff.record_event": CASE_WORK,
    "staff.revoke_links": CASE_WORK,
    "staff.assign": CASE_WORK,
    "staff.audit_log": {roles.MANAGER},
    # the statutory report and the equality report (tests/test_staff_reports.py)
    "staff.reports": CASE_WORK,
    "staff.report_csv": CASE_WORK,
    "staff.equality_report": {roles.EQUALITIES, roles.MANAGER},
    "staff.equality_csv": {roles.EQUALITIES, roles.MANAGER},
    # decisions on triage flags, and the person's files (tests/test_staff_decisions.py)
    "staff.decide_sufficient_interest": CASE_WORK,
    "staff.pause_for_proceedings": CASE_WORK,
    "staff.decide_late": CASE_WORK,
    "staff.split_fluency": CASE_WORK,
    "staff.case_file": CASE_WORK,
    # entering a complaint that came by phone, letter or email (tests/test_staff_assisted.py)
    "staff.new": CASE_WORK,
    "staff.assisted.step": CASE_WORK,
    "staff.assisted.result": CASE_WORK,
    "staff.assisted.submit": CASE_WORK,
    "staff.assisted.confirmation": CASE_WORK,
    "staff.add_restriction": CASE_WORK,
    "staff.lift_restriction": CASE_WORK,
}
#: GET routes that need something begun first, and send anyone without it on (302)
NEED_A_START = {"staff.assisted.result", "staff.assisted.confirmation"}
#: the routes that are for signing in and out, reachable without an account
OPEN = {"staff.sign_in", "staff.code", "staff.sign_out"}


def new_email(role: str = "officer") -> str:
    return f"{role}-{uuid.uuid4().hex[:8]}@Council.example.gov.uk"


def add(app, email: str, role: str):
    return app.test_cli_runner().invoke(args=["staff", "add", email, "--role", role])


def create(app, role: str = "officer") -> tuple[str, str, str]:
    """A new account through the CLI: (email, password, TOTP secret), as printed."""
    email = new_email(role)
    result = add(app, email, role)
    assert result.exit_code == 0, result.output
    password = re.search(r"^Password: (\S+)$", result.output, re.M).group(1)
    secret = re.search(r"^Two-factor secret: (\S+)$", result.output, re.M).group(1)
    return email.lower(), password, secret


def user(app, email: str) -> StaffUser:
    with app.app_context():
        return db.session().scalars(select(StaffUser).where(StaffUser.email == email)).one()


def set_user(app, email: str, **values) -> None:
    with app.app_context():
        db.session().execute(update(StaffUser).where(StaffUser.email == email).values(**values))
        db.session().commit()


def password_step(client, email: str, password: str):
    return client.submit("/staff/sign-in", {"email": email, "password": password})


def code_step(client, code: str):
    return client.submit("/staff/sign-in/code", {"code": code})


def sign_in(client, email: str, password: str, secret: str) -> None:
    assert password_step(client, email, password).location.endswith("/staff/sign-in/code")
    response = code_step(client, pyotp.TOTP(secret).now())
    assert response.status_code == 302 and response.location.endswith("/staff/"), response.status


def summary(response) -> list[str]:
    from tests.lint import parse

    soup = parse(response.get_data(as_text=True))
    return [" ".join(a.get_text(" ").split()) for a in soup.select(".govuk-error-summary a")]


# Accounts -------------------------------------------------------------------------------------


def test_the_cli_creates_an_account_and_shows_its_secrets_once(app):
    email = new_email("manager")
    result = add(app, email, "manager")
    assert result.exit_code == 0, result.output
    assert f"Created an account for {email.lower()}, role manager." in result.output
    assert "shown once" in result.output
    account = user(app, email.lower())
    assert account.role == "manager" and account.active and account.failed_attempts == 0
    uri = re.search(r"^otpauth://\S+$", result.output, re.M).group(0)
    assert pyotp.parse_uri(uri).secret == account.totp_secret
    password = re.search(r"^Password: (\S+)$", result.output, re.M).group(1)
    assert len(password) >= 20
    assert password not in account.password_hash
    assert accounts.verify_password(account.password_hash, password)


def test_the_cli_refuses_an_unknown_role_and_a_duplicate(app):
    result = add(app, new_email(), "boss")
    assert result.exit_code != 0
    assert "'boss' is not one of" in result.output
    email = new_email()
    assert add(app, email, "officer").exit_code == 0
    again = add(app, email.upper(), "admin")
    assert again.exit_code == 1
    assert f"There is already an account for {email.lower()}" in again.output


def test_passwords_are_hashed_with_a_salt():
    stored = accounts.hash_password("correct horse battery staple")
    assert stored.startswith("scrypt$16384$8$1$")
    assert "correct horse" not in stored
    assert stored != accounts.hash_password("correct horse battery staple"), "salted"
    assert accounts.verify_password(stored, "correct horse battery staple")
    assert not accounts.verify_password(stored, "correct horse battery stapl")
    assert not accounts.verify_password("nonsense", "anything")


# Signing in -----------------------------------------------------------------------------------


def test_signing_in_with_password_and_code(app, client):
    email, password, secret = create(app, "officer")
    page = client.page("/staff/sign-in")
    assert page.h1 == "Sign in to the complaints staff console"
    assert page.soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.response.headers["Cache-Control"] == "no-store"
    response = password_step(client, email.upper(), password)
    assert response.location.endswith("/staff/sign-in/code")
    assert client.get("/staff/").location.endswith("/staff/sign-in"), "not signed in yet"
    code_page = client.page("/staff/sign-in/code")
    assert code_page.h1 == "Enter the code from your authenticator app"
    response = code_step(client, pyotp.TOTP(secret).now())
    assert response.location.endswith("/staff/")
    home = client.page("/staff/")
    assert f"Signed in as {email} (officer)" in home.text
    assert home.soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert user(app, email).last_sign_in_at is not None
    assert client.get("/staff/sign-in").location.endswith("/staff/")


def test_signing_in_keeps_the_language_but_nothing_else(app, client):
    email, password, secret = create(app)
    with client.session_transaction() as session:
        session["mode"] = "easy"
        session["draft_id"] = "someone-elses-draft"
    sign_in(client, email, password, secret)
    with client.session_transaction() as session:
        assert session.get("mode") == "easy"
        assert "draft_id" not in session
        assert set(session) - {"lang", "mode", "csrf_token"} == {
            roles.USER_ID,
            roles.LAST_SEEN,
        }


def test_a_wrong_password_and_an_unknown_email_get_the_same_message(app, client):
    email, _password, _secret = create(app)
    wrong = password_step(client, email, "not-the-password")
    unknown = password_step(client, new_email(), "not-the-password")
    assert wrong.status_code == unknown.status_code == 200
    assert summary(wrong) == summary(unknown) == [WRONG]
    assert user(app, email).failed_attempts == 1


def test_the_form_asks_for_both_fields(client):
    response = password_step(client, "", "")
    assert summary(response) == ["Enter your email address", "Enter your password"]


def test_a_wrong_code_is_refused(app, client):
    email, password, secret = create(app)
    password_step(client, email, password)
    totp = pyotp.TOTP(secret)
    wrong = f"{(int(totp.now()) + 500000) % 1000000:06d}"
    response = code_step(client, wrong)
    assert response.status_code == 200
    assert summary(response) == ["Enter the correct code from your authenticator app"]
    assert client.get("/staff/").location.endswith("/staff/sign-in")
    assert user(app, email).failed_attempts == 1
    assert code_step(client, totp.now()).location.endswith("/staff/")
    assert user(app, email).failed_attempts == 0


def test_the_code_page_needs_the_password_first(client):
    assert client.get("/staff/sign-in/code").location.endswith("/staff/sign-in")


# Lockout --------------------------------------------------------------------------------------


def test_lockout_after_repeated_failures_and_unlock_later(app, client):
    email, password, secret = create(app)
    for _ in range(4):
        assert summary(password_step(client, email, "wrong")) == [WRONG]
    assert summary(password_step(client, email, "wrong")) == [LOCKED]
    assert summary(password_step(client, email, password)) == [LOCKED], "even the right one"
    set_user(app, email, locked_until=utcnow() - timedelta(seconds=1))
    sign_in(client, email, password, secret)


def test_wrong_codes_count_towards_the_lockout(app, client):
    email, password, secret = create(app)
    for _ in range(2):
        password_step(client, email, "wrong")
    password_step(client, email, password)
    for _ in range(2):
        assert code_step(client, "000000").status_code == 200
    locked = code_step(client, "000001")
    assert locked.location.endswith("/staff/sign-in")
    assert "There have been too many wrong attempts" in client.page("/staff/sign-in").text
    assert user(app, email).locked_until is not None
    assert summary(password_step(client, email, password)) == [LOCKED]


def test_the_lockout_message_does_not_say_whether_an_account_exists(client):
    nobody = new_email()
    messages = [summary(password_step(client, nobody, "wrong")) for _ in range(5)]
    assert messages == [[WRONG]] * 4 + [[LOCKED]]


def test_sign_in_posts_are_rate_limited_per_client(app_factory):
    app = app_factory(RATELIMIT_ENABLED=True, TRUSTED_PROXY_HOPS=1)
    client = app.test_client()
    token = client.page("/staff/sign-in").csrf()

    def post(ip):
        data = {"csrf_token": token, "email": new_email(), "password": "x"}
        return client.post("/staff/sign-in", data=data, headers={"X-Forwarded-For": ip})

    assert [post("203.0.113.7").status_code for _ in range(10)] == [200] * 10
    assert post("203.0.113.7").status_code == 429
    assert post("203.0.113.8").status_code == 200


# Staying signed in ----------------------------------------------------------------------------


def test_idle_sessions_are_signed_out(app, client):
    email, password, secret = create(app)
    sign_in(client, email, password, secret)
    assert client.get("/staff/").status_code == 200
    with client.session_transaction() as session:
        session[roles.LAST_SEEN] = int(time.time()) - 31 * 60
    assert client.get("/staff/").location.endswith("/staff/sign-in")
    page = client.page("/staff/sign-in")
    assert "You were signed out because you had not used the portal for 30 minutes." in page.text
    assert client.get("/staff/").location.endswith("/staff/sign-in")


def test_signing_out(app, client):
    email, password, secret = create(app)
    sign_in(client, email, password, secret)
    home = client.page("/staff/")
    response = client.post("/staff/sign-out", data={"csrf_token": home.csrf()})
    assert response.location.endswith("/staff/sign-in")
    assert "You have signed out." in client.page("/staff/sign-in").text
    assert client.get("/staff/").location.endswith("/staff/sign-in")


def test_sign_out_needs_the_csrf_token(app, client):
    email, password, secret = create(app)
    sign_in(client, email, password, secret)
    assert client.post("/staff/sign-out").status_code == 400
    assert client.get("/staff/").status_code == 200


def test_a_deactivated_account_is_signed_out(app, client):
    email, password, secret = create(app)
    sign_in(client, email, password, secret)
    set_user(app, email, active=False)
    assert client.get("/staff/").location.endswith("/staff/sign-in")
    assert summary(password_step(client, email, password)) == [WRONG]


# Roles ----------------------------------------------------------------------------------------


def staff_endpoints(app) -> set[str]:
    return {r.endpoint for r in app.url_map.iter_rules() if r.endpoint.startswith("staff.")}


def test_every_staff_route_is_in_the_matrix(app):
    assert staff_endpoints(app) - OPEN == set(MATRIX)


@pytest.fixture(scope="module")
def signed_in(app):
    clients = {}
    for role in roles.ALL:
        client = app.test_client()
        sign_in(client, *create(app, role))
        clients[role] = client
    return clients


#: example values for the staff routes' URL arguments
EXAMPLES = {"reference": None, "slug": "start"}


def _example_url(app, rule) -> str:
    if EXAMPLES["reference"] is None:
        from tests.test_tracking_links import submitted

        EXAMPLES["reference"] = submitted(app.test_client())[1]
    if "file_id" in rule.arguments and "file_id" not in EXAMPLES:
        from tests.test_staff_decisions import message_file

        EXAMPLES["file_id"] = message_file(app, EXAMPLES["reference"])
    url = rule.rule
    for name in rule.arguments:
        assert name in EXAMPLES, f"{rule.endpoint}: give the matrix test an example {name}"
        url = url.replace(f"<{name}>", EXAMPLES[name])
    return url


def _request(client, url: str, method: str, token_page: str):
    """GET, or a POST with a valid CSRF token (so the check reaches the role, not the token)."""
    if method == "GET":
        return client.get(url)
    token = client.page(token_page).csrf()
    return client.post(url, data={"csrf_token": token})


def test_the_authorisation_matrix(app, signed_in):
    anonymous = app.test_client()
    checked = 0
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("staff.") or rule.endpoint in OPEN:
            continue
        assert rule.endpoint in MATRIX, f"{rule.endpoint} is not in the authorisation matrix"
        url = _example_url(app, rule)
        method = "GET" if "GET" in rule.methods else "POST"
        response = _request(anonymous, url, method, "/staff/sign-in")
        assert response.status_code == 302, rule.rule
        assert response.location.endswith("/staff/sign-in")
        for role, client in signed_in.items():
            response = _request(client, url, method, "/staff/")
            status = response.status_code
            if status == 302:
                assert not response.location.endswith("/staff/sign-in"), (rule.rule, role)
            if role not in MATRIX[rule.endpoint]:
                assert status == 403, (rule.rule, role)
            elif method == "GET":
                assert status == (302 if rule.endpoint in NEED_A_START else 200), (rule.rule, role)
            else:  # allowed: the view ran (an empty form is refused, or the action done)
                assert status in (200, 302), (rule.rule, role, status)
            checked += 1
    assert checked == len(MATRIX) * len(roles.ALL)


def test_a_wrong_role_gets_403_with_a_way_back(app_factory):
    app = app_factory()
    app.add_url_rule(
        "/staff/example-admin-page",
        "example_admin",
        roles.require(roles.ADMIN)(lambda: ("ok", {"Content-Type": "text/plain"})),
    )
    admin, officer = app.test_client(), app.test_client()
    sign_in(admin, *create(app, roles.ADMIN))
    sign_in(officer, *create(app, roles.OFFICER))
    assert admin.get("/staff/example-admin-page").get_data(as_text=True) == "ok"
    page = officer.page("/staff/example-admin-page", expect=403)
    assert page.h1 == "You do not have access to this page"
    assert page.soup.find("a", string="Go to the staff console")["href"] == "/staff/"
    assert page.soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_each_role_sees_its_own_home_page(app, signed_in, client):
    with app.app_context():
        reference = new_reference()
        db.session().add(
            Case(reference=reference, kind="complaint", draft_id=new_token(), answers={})
        )
        db.session().commit()
    for role in ("officer", "manager"):
        page = signed_in[role].page("/staff/")
        assert "Newest cases" in page.text
        row = page.soup.find("td", string=display(reference)).find_parent("tr")
        assert "complaint" in row.get_text()
    assert "Your assigned cases" in signed_in["investigator"].page("/staff/").text
    assert "See the cases assigned to you" in signed_in["investigator"].page("/staff/").text
    equalities = signed_in["equalities"].page("/staff/").text
    assert "Equality report: the equality answers, in aggregate" in equalities
    admin = signed_in["admin"].page("/staff/")
    assert "Staff accounts" in admin.text
    assert admin.soup.find("td", string=re.compile(r"^admin-.*@council\.example\.gov\.uk$"))
    for role in ("investigator", "equalities", "admin"):
        assert "Newest cases" not in signed_in[role].page("/staff/").text


def test_require_rejects_an_unknown_role():
    with pytest.raises(ValueError):
        roles.require("boss")
