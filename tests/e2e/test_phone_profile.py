"""A member fills their profile on the phone before the start: needs, whom to meet, kept."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.e2e.conftest import make_event, open_page, wait_live

SMALL_PHONE = {"width": 375, "height": 812}


def test_a_member_edits_needs_picks_someone_to_meet_and_finds_it_kept(
    browser, server, api: httpx.Client, shots: Path
) -> None:
    from playwright.sync_api import expect

    event_id, members = make_event(api, 6)
    me, wished = members[0], members[1]
    phone = open_page(browser, f"{server.url}/p/{me['token']}", SMALL_PHONE)
    profile = phone.locator("#profile")
    expect(profile).to_be_visible()
    needs = profile.locator("textarea[name=needs]")
    needs.fill("A regional haulier for our building sites")
    expect(needs.locator("xpath=..").locator(".counter")).to_have_text("41 / 500")

    profile.locator("input[type=search]").fill(wished["last_name"])
    found = profile.locator(".found-person").filter(has_text=wished["company"])
    found.locator(".choose-meet").click()
    expect(profile.locator('.chosen[data-kind="meet"]')).to_contain_text(wished["first_name"])
    expect(profile.locator(".found-person").filter(has_text=wished["company"])).to_have_count(0)
    profile.locator(".save-profile").click()
    expect(profile.locator(".profile-status")).to_have_text("Saved.")

    phone.reload()
    wait_live(phone)
    expect(needs).to_have_value("A regional haulier for our building sites")
    chosen = profile.locator('.chosen[data-kind="meet"] .chip')
    expect(chosen).to_have_count(1)
    expect(chosen).to_contain_text(f"{wished['first_name']} {wished['last_name']}")
    profile.locator("input[type=search]").fill(members[2]["last_name"])
    expect(profile.locator(".found-person")).not_to_have_count(0)
    show(phone, "#profile", shots / "wishes-profile-en.png")
    show(phone, "#profile .wish", shots / "wishes-choose-en.png")

    french = open_page(browser, f"{server.url}/p/{me['token']}?lang=fr", SMALL_PHONE)
    expect(french.locator("#profile h2")).to_have_text("Mon profil")
    expect(french.locator('#profile .chosen[data-kind="avoid"]')).to_have_text(
        "Personne pour l'instant"
    )
    french.locator("#profile input[type=search]").fill(members[2]["last_name"])
    expect(french.locator("#profile .choose-meet")).to_have_text("Rencontrer")
    show(french, "#profile", shots / "wishes-profile-fr.png")
    show(french, "#profile .wish", shots / "wishes-choose-fr.png")

    api.post(f"/api/events/{event_id}/clock/start").raise_for_status()
    expect(profile).to_be_hidden()
    expect(french.locator("#profile")).to_be_hidden()
    stored = httpx.get(f"{server.url}/api/me/{me['token']}/profile").json()
    assert [p["id"] for p in stored["meet"]] == [wished["id"]]
    seen_by_wished = httpx.get(f"{server.url}/api/me/{wished['token']}/profile").json()
    assert seen_by_wished["meet"] == [] and seen_by_wished["avoid"] == []


def show(page, selector: str, path: Path) -> None:
    """Scroll a part of the page just under its header and take the phone's screen."""
    page.locator(selector).first.evaluate(
        "(part) => window.scrollTo(0, part.getBoundingClientRect().top + window.scrollY"
        " - document.querySelector('.top').offsetHeight - 12)"
    )
    page.screenshot(path=path)
