"""Browser tests: the real server in a subprocess on a fresh SQLite file, driven by Chromium."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.services.demo import demo_people
from tests.conftest import ADMIN_TOKEN, skip_or_fail
from tests.servers import Server, migrate

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
# Every page reports each CSP violation to the test through this binding; any one fails the test.
REPORT_CSP = """document.addEventListener("securitypolicyviolation", (e) => window.tablehopCsp(
  `${e.effectiveDirective} refused ${e.blockedURI || "inline"}`
  + ` at ${e.sourceFile}:${e.lineNumber}`));"""
CSP_VIOLATIONS: list[str] = []
PROJECTOR = {"width": 1920, "height": 1080}
PHONE = {"width": 390, "height": 844}

pytestmark = pytest.mark.browser


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test of this folder as a browser test."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


def watch_csp(context):
    """Record every CSP violation that any page of this browser context reports."""

    def record(source: dict, text: str) -> None:
        CSP_VIOLATIONS.append(f"{source['page'].url}: {text}")

    context.expose_binding("tablehopCsp", record)
    context.add_init_script(REPORT_CSP)
    return context


class WatchedBrowser:
    """The browser, each of whose contexts reports CSP violations (see `watch_csp`)."""

    def __init__(self, browser) -> None:
        self.browser = browser

    def new_context(self, **options):
        """Open a context that reports CSP violations."""
        return watch_csp(self.browser.new_context(**options))

    def new_page(self, **options):
        """Open a page in a context of its own that reports CSP violations."""
        return self.new_context(**options).new_page()


@pytest.fixture(autouse=True)
def no_csp_violation() -> Iterator[None]:
    """Fail any browser test during which a page broke the Content-Security-Policy."""
    CSP_VIOLATIONS.clear()
    yield
    assert not CSP_VIOLATIONS, "CSP violations:\n" + "\n".join(CSP_VIOLATIONS)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Serve the app as `make run` does, on its own migrated SQLite database."""
    data = tmp_path_factory.mktemp("e2e-data")
    env = {
        "DATABASE_URL": f"sqlite:///{data / 'tablehop.db'}",
        "TABLEHOP_DATA_DIR": str(data),
        "TABLEHOP_ADMIN_TOKEN": ADMIN_TOKEN,
        "REDIS_URL": "",
    }
    migrate(env)
    running = Server(env).start()
    yield running
    running.stop()


@pytest.fixture(scope="package")
def browser() -> Iterator:
    """Launch Debian's Chromium once for every browser test.

    Package scope, not session: Playwright's sync API keeps an event loop running in the main
    thread while it is open, which would break the async tests that run after these.
    """
    if not CHROMIUM.exists():
        skip_or_fail(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield WatchedBrowser(chromium)
        chromium.close()


@pytest.fixture
def api(server: Server) -> Iterator[httpx.Client]:
    """An HTTP client signed in as the organiser."""
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    with httpx.Client(base_url=server.url, headers=headers, timeout=10) as client:
        yield client


@pytest.fixture(scope="session")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for screenshots (TABLEHOP_SCREENSHOTS keeps them, e.g. docs/screenshots)."""
    kept = os.environ.get("TABLEHOP_SCREENSHOTS")
    return Path(kept) if kept else tmp_path_factory.mktemp("screenshots")


def make_event(
    api: httpx.Client, people: int, *, talk: int = 60, switch: int = 10, plan: bool = True
) -> tuple[int, list[dict]]:
    """Create an English event with `people` checked-in demo members and, by default, a plan."""
    body = {
        "title": "Speed business Arras",
        "talk_seconds": talk,
        "switch_seconds": switch,
        "language": "en",
    }
    event_id = api.post("/api/events", json=body).raise_for_status().json()["id"]
    members = []
    # Past the first seven demo members, who share three companies and so meet fewer people.
    for index, person in enumerate(demo_people(people + 7)[7:]):
        person = {**person, "email": f"e2e.{event_id}.{index}@example.fr"}
        member = api.post(f"/api/events/{event_id}/participants", json=person).raise_for_status()
        members.append(member.json())
        api.post(f"/api/events/{event_id}/participants/{members[-1]['id']}/checkin")
    if plan:
        api.post(f"/api/events/{event_id}/plan").raise_for_status()
    return event_id, members


def open_page(browser, url: str, viewport: dict, *, shift_ms: int = 0, context=None):
    """Open a page in its own context, its Date.now() shifted when asked; wait for the link."""
    context = context or browser.new_context(viewport=viewport, locale="en-GB")
    if shift_ms:
        context.add_init_script(
            f"{{ const real = Date.now.bind(Date); Date.now = () => real() + {shift_ms}; }}"
        )
    page = context.new_page()
    page.goto(url)
    wait_live(page)
    return page


def wait_live(page, timeout: int = 5000) -> None:
    """Wait until the page's link is up and its first offset burst is done."""
    page.wait_for_function(
        # A function, not an expression: Playwright would `eval` an expression, which the CSP
        # forbids.
        "() => window.tablehopClock && tablehopClock.link.status === 'live'"
        " && (tablehopClock.link.samples || []).length >= 5",
        timeout=timeout,
    )
