"""The whole day in a real browser: the host runs three rounds, two phones follow up and match."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import httpx

from tests.conftest import ADMIN_TOKEN
from tests.e2e.conftest import PHONE, open_page, wait_live

HOST = {"width": 1440, "height": 900}
# Six members and, on line 6, an e-mail address the import refuses.
MEMBERS = """Nom;Prénom;Société;Courriel;Téléphone;Site web;Secteur;Club
Lefèvre;Émilie;Artois Bâtiment;emilie@artois-bat.fr;03 21 00 00 01;artois-bat.fr;BTP;CJD Arras
Caron;Julien;Caron Transport;julien@caron.fr;06 12 34 56 78;https://caron.fr;Transport;BNI Lens
Delattre;Camille;Numéria Lens;camille@numeria.fr;06 20 00 00 03;;Numérique;
Wattez;Thomas;Wattez Énergie;thomas@wattez-energie.fr;06 20 00 00 04;;Énergie;CJD Arras
Vasseur;Léa;Cabinet Vasseur & Associés;lea-at-vasseur;06 20 00 00 05;;Conseil;BNI Lens
Dupont;Nicolas;Dupont Immobilier;n.dupont@dupont-immo.fr;06 20 00 00 06;;Immobilier;
Bouchez;Chloé;Bouchez Santé;chloe@bouchez-sante.fr;06 20 00 00 07;;Santé;Réseau Entreprendre Artois
"""  # fmt: skip


def test_two_phones_that_follow_up_each_other_match_when_the_host_finishes(
    browser, server, api: httpx.Client, tmp_path: Path, shots: Path
) -> None:
    from playwright.sync_api import expect

    host = browser.new_context(viewport=HOST, locale="fr-FR", base_url=server.url).new_page()
    event_id = set_up_event(host, tmp_path)
    people = {p["id"]: p for p in api.get(f"/api/events/{event_id}/participants").json()}
    a, b, c = three_people(api.get(f"/api/events/{event_id}/plan").json())
    phone_a = open_page(browser, f"{server.url}/p/{people[a]['token']}", PHONE)
    phone_b = open_page(browser, f"{server.url}/p/{people[b]['token']}", PHONE)

    clock(host, "Space", "Tour 1 / 3", "talk")
    tap(phone_a, "#place", b)
    tap(phone_b, "#place", a)
    phone_b.check("#sharing input[name=phone]")
    expect(phone_b.locator("#sharing .share-status")).to_have_text("Saved.")

    clock(host, "ArrowRight", "Tour 2 / 3", "switch")
    clock(host, "ArrowRight", "Tour 2 / 3", "talk")
    toggle_c = phone_a.locator(f"#met-list .tap[data-person='{c}']")
    phone_a.context.set_offline(True)
    toggle_c.locator("button").click()
    expect(toggle_c.locator(".tap-error")).to_contain_text("No connection")
    expect(toggle_c.locator("button")).to_have_attribute("aria-pressed", "false")
    phone_a.context.set_offline(False)
    wait_live(phone_a)
    tap(phone_a, "#met-list", c)
    for phone in (phone_a, phone_b):
        expect(phone.locator("#matches")).to_be_hidden()

    clock(host, "ArrowRight", "Tour 3 / 3", "switch")
    clock(host, "ArrowRight", "Tour 3 / 3", "talk")
    clock(host, "ArrowRight", "Tour 3 / 3", "finished")

    details = member_details()
    expect_match(phone_a, people[b], details, with_phone=True)
    expect_match(phone_b, people[a], details, with_phone=False)
    phone_a.evaluate("window.scrollTo(0, 0)")
    phone_a.screenshot(path=shots / "phone-matches.png")
    phone_c = open_page(browser, f"{server.url}/p/{people[c]['token']}", PHONE)
    expect(phone_c.locator("#matches")).to_contain_text("No mutual match this time")
    c_toggle_on_a = phone_c.locator(f"#met-list .tap[data-person='{a}'] button")
    expect(c_toggle_on_a).to_have_attribute("aria-pressed", "false")
    expect(phone_a.locator("#matches")).not_to_contain_text(people[c]["last_name"])

    for me, other in ((a, b), (b, a)):
        vcard = httpx.get(f"{server.url}/api/me/{people[me]['token']}/contacts.vcf").text
        assert f"FN:{full_name(people[other])}" in vcard
        assert people[c]["last_name"] not in vcard

    host.goto(f"/events/{event_id}/report")
    figures = host.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('.key-figures dl > div')]
          .map((d) => [d.querySelector('dt').textContent, d.querySelector('dd').textContent]))"""
    )
    assert figures["Rencontres tenues"] == "9"  # six people in pairs, three rounds
    assert figures["Contacts réciproques"] == "1"
    # Every round was moved on by hand within seconds: held, and said to be cut short.
    assert figures["Tours joués"] == "3 sur 3 (dont 3 écourtés)"
    host.screenshot(path=shots / "report.png", full_page=True)
    for page in (host, phone_a, phone_b, phone_c):
        page.context.close()


def set_up_event(host, tmp_path: Path) -> int:
    """Sign in, create a three-round event, import the members, check them in and plan."""
    from playwright.sync_api import expect

    host.goto("/")
    host.fill("#token", ADMIN_TOKEN)
    with host.expect_navigation():
        host.press("#token", "Enter")
    host.click("text=Nouvel événement")
    host.fill("#ev-title", "Speed business — CCI Artois")
    host.fill("#ev-date", "2026-12-03")
    host.fill("#ev-venue", "Stade Bollaert-Delelis, Lens")
    host.fill("#ev-talk", "120")
    host.fill("#ev-rounds", "3")
    with host.expect_navigation():
        host.click("text=Créer l'événement")
    event_id = int(re.search(r"/events/(\d+)/", host.url).group(1))

    host.click("text=Importer un tableur (CSV)")
    sheet = tmp_path / "membres.csv"
    sheet.write_text(MEMBERS, encoding="utf-8")
    host.set_input_files("#import-file", str(sheet))
    host.click("#import-form button[type=submit]")
    report = host.locator("#import-form .report")
    expect(report).to_contain_text("6 inscrits à cet événement")
    expect(report.locator(".line-errors li")).to_have_count(1)
    expect(report.locator(".line-errors li")).to_contain_text("Ligne 6")
    host.click("text=Importer un tableur (CSV)")

    for present in range(1, 7):
        host.locator("#people-list button:has-text('Marquer présent')").first.click()
        expect(host.locator("#people-counts")).to_contain_text(f"{present} présents")
    host.click("text=Générer le plan")
    expect(host.locator("#live")).to_contain_text("3 tours prévus")
    host.locator("#live-title").click()  # focus leaves the forms: keys drive the clock
    return event_id


def three_people(plan: dict) -> tuple[int, int, int]:
    """Pick two people at one table in round 1, and whom the first meets in round 2."""
    a, b = plan["rounds"][0]["tables"][0]["participants"]
    c = next(
        other
        for table in plan["rounds"][1]["tables"]
        if a in table["participants"]
        for other in table["participants"]
        if other != a
    )
    return a, b, c


def clock(host, key: str, title: str, phase: str) -> None:
    """Press a clock key on the host panel and wait until the panel shows where it landed."""
    from playwright.sync_api import expect

    host.keyboard.press(key)
    expect(host.locator("#live")).to_have_class(re.compile(f"phase-{phase}"))
    expect(host.locator("#live-title")).to_contain_text(title)


def tap(phone, where: str, person_id: int) -> None:
    """Tap "Follow up" on someone and wait for the server's yes."""
    from playwright.sync_api import expect

    button = phone.locator(f"{where} .tap[data-person='{person_id}'] button")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")


def expect_match(phone, other: dict, details: dict, *, with_phone: bool) -> None:
    """Check a phone shows `other` as a mutual match, with what they chose to share."""
    from playwright.sync_api import expect

    matches = phone.locator("#matches")
    expect(matches).to_contain_text(full_name(other))
    email, number = details[full_name(other)]
    expect(matches.locator(f"a[href='mailto:{email}']")).to_have_count(1)
    expect(matches.locator("a[href^='tel:']")).to_have_count(1 if with_phone else 0)
    vcf = matches.locator("a.add-all")
    expect(vcf).to_have_attribute("href", re.compile(r"/api/me/[^/]+/contacts\.vcf$"))
    if with_phone:
        expect(matches.locator("a[href^='tel:']")).to_have_text(number)


def member_details() -> dict[str, tuple[str, str]]:
    """Read each member's e-mail and phone from the imported sheet, by full name."""
    rows = csv.DictReader(io.StringIO(MEMBERS), delimiter=";")
    return {f"{r['Prénom']} {r['Nom']}": (r["Courriel"], r["Téléphone"]) for r in rows}


def full_name(person: dict) -> str:
    return f"{person['first_name']} {person['last_name']}"
