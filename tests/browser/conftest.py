"""Browser journeys: one headless Chromium per session, a fresh context per test.

Every test here runs against pytest-django's ``live_server`` (so the database is
transactional) and drives the real pages with Playwright's sync API. Screenshots of
each step land in ``test-artifacts/<test name>/`` at the repository root.
"""

import os
import re
import shutil
from pathlib import Path

import pytest

from tests import factories

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
TIMEOUT_MS = 15_000


def pytest_collection_modifyitems(config, items):
    """Browser tests run last: once Playwright's event loop runs in this thread, Django's
    connections become context-local for the rest of the session; other tests never see that."""
    here = Path(__file__).resolve().parent
    mine = [item for item in items if here in Path(item.path).resolve().parents]
    if mine:
        items[:] = [item for item in items if item not in mine] + mine


@pytest.fixture(scope="session")
def browser():
    if CHROMIUM is None:
        pytest.skip("Browser tests need Chromium at /usr/bin/chromium "
                    "(apt-get install -y chromium); it is not installed here.")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django refuses database
    # calls from such a thread unless told it is intended. Only while the browser runs.
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()
    playwright.stop()
    if before is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture(autouse=True)
def _wagtail_root(transactional_db):
    """The Wagtail root page, home page, site and locale, as the migrations create them.

    live_server tests empty the database after each test (and so do other transactional
    tests); post_migrate brings back groups and permissions but not these rows.
    """
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page, Site

    if Page.objects.filter(depth=1).exists():
        return
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(instance=Page(title="Selection", slug="home"))
    Site.objects.get_or_create(
        hostname="localhost", defaults={"root_page": home, "is_default_site": True}
    )


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Users made by the tests need no slow password hashing (the login form still checks)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def context(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900},
        accept_downloads=True, locale="en-GB", timezone_id="Europe/London",
    )
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context):
    """A tab that records script errors; a test fails if the page threw one."""
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.js_errors = errors
    yield tab
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def shot(request):
    """``shot(page, name)`` saves a full-page screenshot as <nn>-<name>.png for this test."""
    folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.name)
    shutil.rmtree(folder, ignore_errors=True)
    counter = iter(range(1, 100))

    def take(page, name: str) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{next(counter):02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


def log_in(page, email: str, password: str = factories.PASSWORD) -> None:
    """Logs in through the real allauth form and waits for the app to answer."""
    page.goto("/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.locator("form").filter(has=page.locator("input[name=password]")).locator(
            "button[type=submit]"
        ).click()
    assert "/accounts/login/" not in page.url, f"login as {email} failed: {page.url}"


def log_out(page) -> None:
    page.context.clear_cookies()


class RequestWatch:
    """Counts the page's requests whose URL contains ``part``, to wait until none is open."""

    def __init__(self, page, part: str):
        self.page, self.part, self.started, self.done = page, part, 0, 0
        page.on("request", self._start)
        page.on("requestfinished", self._finish)
        page.on("requestfailed", self._finish)

    def _start(self, request) -> None:
        self.started += self.part in request.url

    def _finish(self, request) -> None:
        self.done += self.part in request.url

    def wait_idle(self, at_least: int = 1, timeout_ms: int = TIMEOUT_MS) -> None:
        """Waits until at least ``at_least`` matching requests ran and none is still open."""
        waited = 0
        while self.started < at_least or self.done < self.started:
            assert waited < timeout_ms, f"requests to {self.part} still open after {waited} ms"
            self.page.wait_for_timeout(50)
            waited += 50


def overflowing(page) -> list[str]:
    """Empty when the page has no horizontal scroll; else the elements sticking out."""
    return page.evaluate("""() => {
        const root = document.documentElement;
        if (root.scrollWidth <= root.clientWidth) return [];
        const out = [`scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}`];
        for (const el of document.body.querySelectorAll("*")) {
            const box = el.getBoundingClientRect();
            if (box.right > root.clientWidth + 1 && box.width > 0) {
                out.push(`${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}` +
                         `${el.className && typeof el.className === "string" ?
                            "." + el.className.trim().split(/\\s+/).join(".") : ""}` +
                         ` right=${Math.round(box.right)}`);
            }
        }
        return out.slice(0, 15);
    }""")


# --- Data, built through the apps' own functions -------------------------------------

OTHER_NOTE = "Kwame heard a vague story about a lost renewal"


def publish_question(dimension, text: str):
    """A published SAR question on a dimension, saved with a revision as HR would."""
    from interviews.models import Question

    question = Question(
        dimension=dimension, text=text,
        probe_situation="Who was involved and what was at stake?",
        probe_action="What did you do yourself?", probe_result="What came of it?",
        probe_learned="What do you do differently now?",
        best_case="One concrete deal, their own actions, a measurable result.",
        red_flags="Talks only about the team; no result.",
    )
    question.save()
    question.save_revision().publish()
    return question


@pytest.fixture
def interviewer2(groups):
    return factories.make_user("interviewer2@example.com", "Interviewer")


@pytest.fixture
def scheduled(library, opening, application, manager, interviewer, interviewer2):
    """Ada Lovelace's interviews: the kit split between two interviewers, and the second
    interviewer has already submitted a scorecard with OTHER_NOTE in it.

    Returns (application, own scorecard, the other interviewer's scorecard).
    """
    from interviews import planning, scoring
    from interviews.models import Scorecard
    from selection.models import HiringTeamMember

    HiringTeamMember.objects.create(
        opening=opening, user=interviewer2, role=HiringTeamMember.INTERVIEWER
    )
    for slug, topics in {
        "discovery": ["a discovery call that changed the deal", "a buyer who hid the real need"],
        "negotiating": ["a discount you refused", "a negotiation you walked away from"],
        "resilience": ["a quarter when nothing closed"],
    }.items():
        for topic in topics:
            publish_question(library[slug], f"Tell me about {topic}.")
    kit = planning.build_kit(opening=opening, by=manager)
    planning.apply_auto_split(kit=kit, by=manager)
    planning.schedule_interviews(application=application, by=manager)
    cards = Scorecard.objects.filter(interview__application=application)
    own = cards.get(interview__interviewer=interviewer)
    other = cards.get(interview__interviewer=interviewer2)
    data = {"recommendation": "no", "rationale": "Few specifics in the examples."}
    for answer in other.answers.all():
        data[f"q{answer.question_id}-rating"] = 2
        data[f"q{answer.question_id}-situation"] = OTHER_NOTE
    scoring.save_draft(scorecard=other, by=interviewer2, base_version=other.version, data=data)
    scoring.submit_scorecard(scorecard=other, by=interviewer2, base_version=other.version)
    return application, own, other


SCENARIOS = [
    ("The silent champion", "Your champion at a prospect stops answering two weeks "
     "before the buyer's budget deadline."),
    ("The early discount", "In a first meeting the buyer asks for 20 % off before you "
     "know what problem they want solved."),
    ("The missing stakeholder", "Finance was never in your meetings, and the contract is "
     "now with their procurement team."),
    ("The lost forecast", "A deal you forecast at 90 % slips to next quarter on the last "
     "day of this one."),
]
RESPONSES = [
    ("Ask a colleague who knows the account to find out what changed.", 4),
    ("Send a reminder with the discount you can offer.", 1),
    ("Write to the economic buyer with a short summary of the agreed problem.", 5),
    ("Wait: they are busy, and pushing looks desperate.", 2),
]


@pytest.fixture
def sjt_link(library, application, manager):
    """A published four-scenario SJT (rate each response) and Ada's invitation link."""
    from assessments import delivery
    from assessments.models import JudgmentTest, ResponseOption, Scenario

    test = JudgmentTest(
        title="Sales judgment test", slug="sales-judgment",
        instructions="Rate how effective each response would be.",
        time_limit_minutes=30, scoring_method="rate_each", live=False,
    )
    test.scenarios = [
        Scenario(title=title, situation=situation, question="How effective is each response?",
                 sort_order=n, dimensions=[library["discovery"]],
                 options=[ResponseOption(text=text, key=key, sort_order=m)
                          for m, (text, key) in enumerate(RESPONSES)])
        for n, (title, situation) in enumerate(SCENARIOS)
    ]
    test.save()
    test.save_revision().publish()
    test = JudgmentTest.objects.get(pk=test.pk)
    invitation, _ = delivery.invite(test=test, by=manager, candidate=application.candidate,
                                    application=application)
    return delivery.link_path(invitation)


@pytest.fixture
def demo(groups):
    """The whole demo (manage.py seed_demo): producers, cohorts, evidence, snapshots."""
    from io import StringIO

    from django.core.management import call_command

    call_command("seed_demo", stdout=StringIO())
