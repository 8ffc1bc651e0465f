"""Every screen works under the strict Content-Security-Policy: no page reports a violation."""

# Named to run after test_host_live.py, which starts its own Playwright: the shared browser of
# this package keeps an event loop running once opened.

from __future__ import annotations

import httpx

from tests.conftest import ADMIN_TOKEN
from tests.e2e.conftest import CSP_VIOLATIONS, PHONE, PROJECTOR, make_event, open_page

LAPTOP = {"width": 1440, "height": 900}
# Add an inline style, and return once the page has seen (and so reported) its violation.
INLINE_STYLE = """() => new Promise((resolve) => {
  document.addEventListener("securitypolicyviolation", () => setTimeout(resolve), { once: true });
  document.body.insertAdjacentHTML("beforeend", '<i style="color: red"></i>');
})"""


def signed_in_host(browser, server):
    """A laptop page signed in as the organiser through the sign-in form."""
    page = browser.new_context(viewport=LAPTOP, locale="en-GB", base_url=server.url).new_page()
    page.goto("/")
    page.fill("input[name=token]", ADMIN_TOKEN)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    return page


def test_host_projector_phone_print_and_report_pages_break_no_policy(
    browser, server, api: httpx.Client
) -> None:
    event_id, members = make_event(api, 6)
    host = signed_in_host(browser, server)
    for path in ("host", "print", "report"):
        response = host.goto(f"/events/{event_id}/{path}")
        assert response.ok and "content-security-policy" in response.headers
        host.wait_for_load_state("networkidle")
    host.goto(f"/events/{event_id}/host")
    host.get_by_role("button", name="Start").first.click()  # an htmx swap under the policy
    host.wait_for_load_state("networkidle")
    open_page(browser, f"{server.url}/events/{event_id}/screen", PROJECTOR)
    open_page(browser, f"{server.url}/p/{members[0]['token']}", PHONE)
    tables = browser.new_page(viewport=PHONE, locale="en-GB")
    tables.goto(f"{server.url}/events/{event_id}/tables")
    tables.wait_for_load_state("networkidle")


def test_a_violation_is_caught(browser, server, api: httpx.Client) -> None:
    event_id, _ = make_event(api, 2, plan=False)
    page = browser.new_page(viewport=PHONE, locale="en-GB")
    page.goto(f"{server.url}/events/{event_id}/tables")
    page.evaluate(INLINE_STYLE)
    assert any("style-src" in violation for violation in CSP_VIOLATIONS)
    CSP_VIOLATIONS.clear()
