"""Every public page, clean and with its errors, in a chosen language and reading mode.

One list of "every page" for the checks that must cover them all: easy-read readability
(tests/test_easy_read.py), translated pages with no English left in them
(tests/test_translations.py) and axe in every language and mode (e2e/test_matrix.py).
Pages are reached as a person reaches them: screening, three complaint paths that between
them take every question but the recording declaration (it needs a recording uploaded; it is
covered in tests/test_evidence_step.py), the equality questions, a compliment, then tracking.

An error state is what a page shows when "Continue" is pressed with nothing answered; steps
that may be left empty have none.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

from portal.domain.screening import ROUTES
from tests.conftest import LintingClient, Page
from tests.test_complaint import PARENT
from tests.test_journey import IN_SCOPE
from tests.test_tracking_links import links_in, sign_in

RTL = {"ar", "ur"}
#: pages anyone can open directly
STATIC = ("/", "/help", "/accessibility", "/privacy", "/cookies", "/track", "/feedback/kind")

#: a young person for themselves, who wants an advocate and is called on the phone
CHILD = {
    **PARENT,
    "advocate": {"wants_advocate": "yes"},
    "contacted-before": {
        "contacted_before": "yes",
        "contacted_who": "My social worker",
        "contacted_when": "Last week",
    },
    "contacted-answer": {"contacted_answer": "waiting"},
    "contact-methods": {"contact_methods": ["phone"], "contact_phone": "07700 900123"},
    "safe-to-contact": {"safe_to_contact": "yes"},
    "phone-times": {"phone_times": "After school"},
}
#: an advocate for a child who has not been asked
ADVOCATE = {
    **PARENT,
    "organisation": {"organisation": "Advocacy for Children"},
    "consent": {"consent": "no"},
    "no-consent-reason": {"no_consent_reason": "too_young"},
}
FIRST_QUESTION = "/complaint/your-name"
COMPLIMENT = {
    "kind": {"kind": "compliment"},
    "message": {"message": "Our social worker listened to us."},
    "reply": {"reply": "yes"},
    "email": {"email": "parent@example.org"},
}
#: a parent asks for an advocate for their child, who lives at home, with their agreement
ADVOCACY = {
    "who": {"advocate_for": "child"},
    "home": {"lives_at_home": "yes"},
    "agreement": {"agreement": "parent_agrees"},
}


@dataclass(frozen=True)
class Visited:
    label: str
    path: str
    page: Page


class Catalogue:
    """Walks the portal as one person in `lang` and `mode`, keeping every page it meets."""

    def __init__(self, app, lang: str = "en", mode: str = "standard") -> None:
        self.app = app
        self.lang = lang
        self.mode = mode
        self.pages: dict[str, Visited] = {}
        #: questions that may be left unanswered (they have no error state)
        self._optional: set[str] = set()

    def _client(self) -> LintingClient:
        client = app_client(self.app, self.lang)
        client.get(f"/?lang={self.lang}&mode={self.mode}")
        return client

    def keep(self, client: LintingClient, path: str, label: str = "", expect: int = 200) -> Page:
        page = client.page(path, expect)
        label = label or urlsplit(path).path
        self.pages.setdefault(label, Visited(label, path, page))
        return page

    def walk(self, client: LintingClient, path: str, answers: dict[str, dict]) -> str:
        """Answer each step from `path` on, keeping it and its error state; returns where
        the journey went once no answer is given for the page it reached. A page met again
        on another path is answered without asking for its error state a second time."""
        while True:
            response = client.get(path)
            while response.status_code == 302:
                path = response.location
                response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            slug = urlsplit(path).path.rsplit("/", 1)[-1]
            page = _page(response)
            self.pages.setdefault(urlsplit(path).path, Visited(urlsplit(path).path, path, page))
            forms = page.tree.xpath("//form[.//input[@name='csrf_token']]")
            form = forms[0] if forms else None
            if form is None or urlsplit(form.get("action") or path).path != urlsplit(path).path:
                return path  # not a question: the end of this part of the journey
            error = f"{path} (error)"
            if error not in self.pages and path not in self._optional:
                empty = client.post(path, data={"csrf_token": page.csrf()})
                if empty.status_code == 200:
                    self.pages[error] = Visited(error, path, _page(empty))
                else:
                    self._optional.add(path)
            answer = answers.get(slug) or ({} if path in self._optional else _first_choices(page))
            if not answer and path not in self._optional:
                return path
            response = client.post(path, data={"csrf_token": page.csrf(), **answer})
            assert response.status_code == 302, (path, response.status_code)
            path = response.location

    def collect(self) -> dict[str, Visited]:
        client = self._client()
        for path in STATIC:
            self.keep(client, path)
        self.keep(client, "/no-such-page", expect=404)
        for route in sorted(set(ROUTES) - {"statutory"}):
            self.keep(client, f"/check/exit/{route}")
        # A complaint from a parent, with the equality questions, then tracking it.
        email = f"parent-{uuid.uuid4().hex[:8]}@example.org"
        client.submit("/feedback/kind", {"kind": "complaint"})
        screening = {**IN_SCOPE, "on-behalf": {"on_behalf": "yes"}}
        self.walk(client, "/check/danger", screening)
        contact = {"contact_methods": ["email"], "contact_email": email}
        # a word too long for a phone's screen, shown back on check your answers
        what = {"what_happened": f"They said {'Unbroken' * 40} and left."}
        self.walk(
            client,
            FIRST_QUESTION,
            {**PARENT, "contact-methods": contact, "what-happened": what},
        )
        result = client.page("/complaint/result")
        sent = client.post(
            "/complaint/submit", data={"csrf_token": result.csrf(), "declaration": "yes"}
        )
        self.walk(client, sent.location, {"": {"answer": "yes"}})
        self.keep(client, "/complaint/confirmation")
        self._tracking(client, email)
        # A child and an advocate take the questions the parent did not.
        for role, answers in (("child", CHILD), ("advocate", ADVOCATE)):
            other = self._client()
            other.submit("/feedback/kind", {"kind": "complaint"})
            self.walk(other, "/check/danger", {**screening, "role": {"role": role}})
            self.walk(other, FIRST_QUESTION, answers)
        # A compliment, with a reply by email.
        other = self._client()
        self.walk(other, "/feedback/kind", COMPLIMENT)
        result = other.page("/feedback/result")
        other.post("/feedback/submit", data={"csrf_token": result.csrf()})
        self.keep(other, "/feedback/confirmation")
        # Asking for a tracking link.
        other = self._client()
        self.walk(other, "/track", {})
        other.submit("/track", {"email": email, "reference": ""})
        self.keep(other, "/track/sent")
        return self.pages

    def _tracking(self, client: LintingClient, email: str) -> None:
        [path] = links_in(self.app, email)[:1]
        self.keep(client, path, "/track/<token>")
        sign_in(client, path)
        for page in ("/track/case", "/track/messages", "/track/ask", "/track/withdraw"):
            self.keep(client, page)
        form = self.keep(client, "/track/messages/new")
        errors = client.post("/track/messages/new", data={"csrf_token": form.csrf()})
        self.pages["/track/messages/new (error)"] = Visited(
            "/track/messages/new (error)", "/track/messages/new", _page(errors)
        )
        self.walk(client, "/track/advocate", ADVOCACY)


def app_client(app, lang: str) -> LintingClient:
    client = app.test_client()
    client.lang = lang
    client.direction = "rtl" if lang in RTL else "ltr"
    return client


def _first_choices(page: Page) -> dict[str, str]:
    """The first option of each radio or checkbox group: how the equality questions (all
    optional, many of them) are answered here."""
    chosen: dict[str, str] = {}
    for box in page.tree.xpath("//input[@type='radio' or @type='checkbox']"):
        chosen.setdefault(box.get("name"), box.get("value"))
    return chosen


def _page(response) -> Page:
    return Page(response, response.tree)


def every_page(app, lang: str = "en", mode: str = "standard") -> dict[str, Visited]:
    return Catalogue(app, lang, mode).collect()
