"""The application shell: health, headers, errors, rate limits, language and mode."""

from __future__ import annotations

import re

import pytest

from portal.config import load_config


def test_healthz_answers_when_the_database_does(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_healthz_says_so_when_the_database_is_down(app_factory, tmp_path):
    app = app_factory()
    app.config["DATABASE_URL"] = "unused"
    app.extensions["db_engine"].dispose()
    from sqlalchemy import create_engine

    app.extensions["db_engine"] = create_engine(f"sqlite:///{tmp_path}/missing/dir/x.db")
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["status"] == "error"


def test_security_headers_and_a_fresh_nonce_per_request(client):
    first, second = client.get("/"), client.get("/")
    csp = first.headers["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ):
        assert directive in csp
    assert "unsafe-inline" not in csp
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    assert nonce != re.search(r"'nonce-([^']+)'", second.headers["Content-Security-Policy"]).group(
        1
    )
    assert f'nonce="{nonce}"' in first.get_data(as_text=True)
    assert first.headers["X-Content-Type-Options"] == "nosniff"
    assert first.headers["Referrer-Policy"] == "no-referrer"
    assert first.headers["X-Frame-Options"] == "DENY"
    assert first.headers["Strict-Transport-Security"].startswith("max-age=")
    assert first.headers["Cache-Control"] == "no-store"


def test_session_cookie_is_http_only_and_lax(client):
    client.get("/?lang=en")
    cookie = client.get_cookie("portal_session")
    assert cookie is not None and cookie.http_only and cookie.same_site == "Lax"


def test_assets_are_fingerprinted_compressed_and_cached_for_a_year(client):
    html = client.get("/").get_data(as_text=True)
    css = re.search(r'href="(/assets/main\.[0-9a-f]{12}\.css)"', html).group(1)
    js = re.search(r'src="(/assets/app\.[0-9a-f]{12}\.mjs)"', html).group(1)
    response = client.get(css, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert response.mimetype == "text/css"
    assert "immutable" in response.headers["Cache-Control"]
    plain = client.get(js)
    assert plain.mimetype == "text/javascript" and "Content-Encoding" not in plain.headers
    assert client.get("/assets/manifest.json").status_code == 404
    assert client.get("/assets/../portal/config.py").status_code == 404


def test_no_crown_and_no_gov_uk_branding(client):
    html = client.get("/").get_data(as_text=True)
    for mark in ("govuk-logo", "GOV.UK", "govuk-crest", "Crown copyright", "GDS Transport"):
        assert mark not in html
    assert "Example Borough Council" in html


def test_every_public_page_has_exit_this_page_and_the_options(client):
    for url in ("/", "/help", "/cookies", "/privacy", "/accessibility", "/check/danger"):
        page = client.page(url)
        assert page.soup.select_one(".govuk-exit-this-page"), url
        assert page.soup.select_one(".govuk-skip-link")["href"] == "#main-content"
        assert page.soup.select_one(".govuk-phase-banner"), url
        assert page.soup.find("nav", attrs={"aria-label": "Language and reading options"})
        footer_links = {a["href"] for a in page.soup.select("footer a")}
        assert {"/help", "/cookies", "/privacy", "/accessibility"} <= footer_links


def test_not_found_page(client):
    page = client.page("/no/such/page", expect=404)
    assert page.h1 == "Page not found"


def test_server_error_page(app_factory):
    app = app_factory()

    @app.get("/boom")
    def boom():
        raise RuntimeError("boom")

    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = app.test_client().get("/boom")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.get_data(as_text=True)


def test_posts_are_rate_limited_per_real_client(app_factory):
    app = app_factory(RATELIMIT_ENABLED=True, POST_RATE_LIMIT="3 per minute", TRUSTED_PROXY_HOPS=1)
    client = app.test_client()
    token = client.page("/check/danger").csrf()

    def post(ip):
        return client.post(
            "/check/danger",
            data={"csrf_token": token, "danger": "no"},
            headers={"X-Forwarded-For": ip},
        )

    assert [post("203.0.113.1").status_code for _ in range(3)] == [302, 302, 302]
    limited = post("203.0.113.1")
    assert limited.status_code == 429
    assert "Too many attempts" in limited.get_data(as_text=True)
    assert post("203.0.113.2").status_code == 302, "another person is not limited"
    assert client.get("/check/danger").status_code == 200, "pages are never limited"


def test_forwarded_for_is_ignored_without_trusted_proxies(app_factory):
    app = app_factory(RATELIMIT_ENABLED=True, POST_RATE_LIMIT="2 per minute")
    client = app.test_client()
    token = client.page("/check/danger").csrf()
    codes = [
        client.post(
            "/check/danger",
            data={"csrf_token": token, "danger": "no"},
            headers={"X-Forwarded-For": f"198.51.100.{i}"},
        ).status_code
        for i in range(3)
    ]
    assert codes == [302, 302, 429], "a forged X-Forwarded-For must not dodge the limit"


@pytest.mark.parametrize(
    "query",
    ["?lang=xx", "?lang=", "?lang=../../etc", "?mode=loud", "?mode=", "?lang=EN&mode=STANDARD"],
)
def test_unknown_language_or_mode_falls_back(client, query):
    page = client.page(f"/{query}")
    assert page.soup.find("html")["lang"] == "en"


def test_language_is_remembered_and_rtl_languages_mirror(app_factory):
    app = app_factory(LANGUAGES=["en", "ur"])
    client = app.test_client()
    client.lang, client.direction = "ur", "rtl"
    client.page("/check/danger?lang=ur")
    page = client.page("/help")
    assert page.soup.find("html")["dir"] == "rtl"
    names = [li.get_text(strip=True) for li in page.soup.select(".app-options__list li")]
    assert "English" in names and "اردو" in names


def test_council_profile_is_chosen_by_environment(app_factory, monkeypatch):
    monkeypatch.setenv("COUNCIL", "islington")
    app = app_factory(COUNCIL=load_config()["COUNCIL"])
    page = app.test_client().page("/help")
    assert "Islington" in page.text
    assert "020 7527 8048" in page.text


def test_production_requires_a_secret_key(monkeypatch):
    monkeypatch.setenv("PORTAL_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        load_config()


def test_unknown_council_fails_loudly(app_factory):
    from portal.councils import UnknownCouncil

    with pytest.raises(UnknownCouncil):
        app_factory(COUNCIL="atlantis")


def test_a_reading_mode_asked_for_on_a_redirect_is_remembered(client):
    assert client.get("/check/about?mode=easy").status_code == 302
    assert "app-easy-read" in client.page("/check/danger").soup.body["class"]
