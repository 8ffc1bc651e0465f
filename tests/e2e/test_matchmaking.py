"""Matchmaking end to end: a sheet of offers and needs, phones that edit and wish, a plan to match.

Eight members, three rounds in pairs: 12 meetings out of 28 pairs, so who meets whom is chosen.
The sheet pairs needs with offers in other words, French and English; the offline model reads them.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import httpx

from tests.conftest import ADMIN_TOKEN
from tests.e2e.conftest import open_page, wait_live
from tests.e2e.test_phone_profile import SMALL_PHONE, show
from tests.e2e.test_whole_day import clock

HOST = {"width": 1280, "height": 800}
CUT_FIGURES = """() => [...document.querySelectorAll('#plan .metrics dd')]
  .filter((dd) => dd.scrollWidth > dd.parentElement.clientWidth).map((dd) => dd.textContent)"""
NEEDS_FIELD = "#profile label.field:nth-of-type(3)"  # "What I am looking for"
READING_TIMEOUT_S = 120  # the first read loads the multilingual model: several seconds
HEADERS = "Prénom;Nom;Entreprise;Courriel;Offres;Besoins"
MEMBERS = [
    ("Julien", "Caron", "Caron Transport", "julien@caron-transport.fr",
     "Transport routier régional et affrètement", "Des intérimaires pour l'été"),
    ("Émilie", "Lefèvre", "Artois Bâtiment", "emilie@artois-bat.fr",
     "Construction et rénovation de bureaux", ""),
    ("Léa", "Vasseur", "Cabinet Vasseur", "lea@cabinet-vasseur.fr",
     "Expertise comptable, bilans et fiscalité des PME", "Un nouveau local en centre-ville"),
    ("Sarah", "Mitchell", "Mitchell Design Ltd", "sarah@mitchell-design.co.uk",
     "Brand identity and packaging design", "An accountant for my SME"),
    ("Thomas", "Wattez", "Wattez Énergie", "thomas@wattez-energie.fr",
     "Panneaux solaires et pompes à chaleur", "Des véhicules électriques d'occasion"),
    ("James", "Carter", "Carter Warehousing", "james@carter-warehousing.co.uk",
     "Storage and pallet logistics", "Solar panels for our warehouse roof"),
    ("Camille", "Delattre", "Numéria", "camille@numeria.fr",
     "Website design and online shops", "Des bureaux à louer"),
    ("Nicolas", "Dupont", "Dupont Immobilier", "nicolas@dupont-immo.fr",
     "Location et vente de locaux professionnels", "Un nouveau site web pour l'agence"),
]  # fmt: skip
NEED_TYPED = "Un transporteur régional pour nos chantiers"
# Who answers whom: a need and the offer that meets it, in other words (and languages).
ANSWERS = [
    ("Lefèvre", "Caron"),  # a regional haulier for the sites (typed on the phone) ↔ road transport
    ("Mitchell", "Vasseur"),  # an accountant for my SME ↔ expertise comptable des PME
    ("Carter", "Wattez"),  # solar panels for the warehouse roof ↔ panneaux solaires
    ("Dupont", "Delattre"),  # un nouveau site web ↔ website design
]
WISH = ("Lefèvre", "Wattez")  # Émilie would like to meet Thomas
RATHER_NOT = ("Mitchell", "Dupont")  # Sarah would rather not meet Nicolas
PINNED = ("Mitchell", "Delattre")  # the host pins Sarah and Camille


def test_the_plan_follows_offers_needs_and_wishes_and_phones_say_why(
    browser, server, api: httpx.Client, tmp_path: Path, shots: Path
) -> None:
    from playwright.sync_api import expect

    host = browser.new_context(viewport=HOST, locale="en-GB", base_url=server.url).new_page()
    event_id = create_event(host)
    import_sheet(host, tmp_path)
    wait_read(api, event_id)
    expect(host.locator("#reading-bar")).to_have_count(0)
    host.locator(".host-side").screenshot(path=shots / "matchmaking-host-people.png")
    people = {p["last_name"]: p for p in api.get(f"/api/events/{event_id}/participants").json()}
    assert people["Caron"]["offers"] == "Transport routier régional et affrètement"
    assert people["Mitchell"]["needs"] == "An accountant for my SME"

    emilie = open_phone(browser, server, people["Lefèvre"], "fr-FR")
    sarah = open_phone(browser, server, people["Mitchell"], "en-GB")
    profile = emilie.locator("#profile")
    expect(profile.locator("h2")).to_have_text("Mon profil")
    profile.locator("textarea[name=needs]").fill(NEED_TYPED)
    choose(profile, people[WISH[1]], ".choose-meet")
    expect(profile.locator('.chosen[data-kind="meet"]')).to_contain_text("Thomas Wattez")
    clear_search(profile)
    show(emilie, NEEDS_FIELD, shots / "matchmaking-phone-profile-fr.png")
    profile.locator(".save-profile").click()
    expect(profile.locator(".profile-status")).to_have_text("Enregistré.")

    profile = sarah.locator("#profile")
    expect(profile.locator("h2")).to_have_text("My profile")
    expect(profile.locator("textarea[name=needs]")).to_have_value("An accountant for my SME")
    choose(profile, people[RATHER_NOT[1]], ".choose-avoid")
    expect(profile.locator('.chosen[data-kind="avoid"]')).to_contain_text("Nicolas Dupont")
    clear_search(profile)
    show(sarah, NEEDS_FIELD, shots / "matchmaking-phone-profile-en.png")
    profile.locator(".save-profile").click()
    expect(profile.locator(".profile-status")).to_have_text("Saved.")
    wait_read(api, event_id)  # Émilie's new need is read before the plan uses it
    stored = {p["last_name"]: p for p in api.get(f"/api/events/{event_id}/participants").json()}
    assert stored["Lefèvre"]["needs"] == NEED_TYPED

    pin(host, people[PINNED[0]], people[PINNED[1]])
    host.locator("#pairs").screenshot(path=shots / "matchmaking-host-pairs.png")
    for present in range(1, len(people) + 1):
        host.locator("#people-list button:has-text('Check in')").first.click()
        expect(host.locator("#people-counts")).to_contain_text(f"{present} present")
    host.click("text=Generate the plan")
    metrics = host.locator("#plan .metrics")
    expect(metrics).to_contain_text("Value reached, of the best possible")
    settle(host)  # the live link may fetch the new plan once more: read it after that
    assert host.evaluate(CUT_FIGURES) == []
    figures = read_figures(host)
    assert figures["Rounds"] == "3"
    assert figures["Wishes kept"] == "1 / 1"
    assert figures["Pinned pairs kept"] == "1 / 1"
    answered, asked = map(int, figures["Needs that meet an offer"].split(" / "))
    assert asked >= len(ANSWERS) and answered >= len(ANSWERS)
    host.locator("#plan").screenshot(path=shots / "matchmaking-host-plan.png")

    plan = api.get(f"/api/events/{event_id}/plan").raise_for_status().json()
    met = meetings(plan)

    def pair(a: str, b: str) -> frozenset[int]:
        return frozenset((people[a]["id"], people[b]["id"]))

    assert pair(*RATHER_NOT) not in met
    assert pair(*WISH) in met
    assert pair(*PINNED) in met
    for need, offer in ANSWERS:
        assert pair(need, offer) in met, f"{need} needs what {offer} offers, yet they do not meet"
    assert plan["metrics"]["wishes_kept"] == 1 and plan["metrics"]["wishes_made"] == 1

    # Each phone, at the round where its need meets its offer, says why in its language.
    fr_why, en_why = "^Vous cherchez : .*propose", "^You are looking for: .*offers"
    phones = [
        (met[pair("Lefèvre", "Caron")], emilie, "Julien Caron", "fr", fr_why),
        (met[pair("Mitchell", "Vasseur")], sarah, "Léa Vasseur", "en", en_why),
    ]
    host.locator("#live-title").click()  # focus leaves the forms: keys drive the clock
    reached = 1  # before the start, phones show round 1
    for number, phone, name, language, why in sorted(phones, key=lambda p: p[0]):
        while reached < number:
            reached += 1
            next_round(host, reached)
        person = phone.locator("#place .person").filter(has_text=name)
        expect(person.locator(".why")).to_have_text(re.compile(why))
        phone.evaluate("window.scrollTo(0, 0)")
        phone.screenshot(path=shots / f"matchmaking-phone-why-{language}.png")
    english = {"Accept-Language": "en-GB,en;q=0.9"}
    told = httpx.get(f"{server.url}/api/me/{people['Mitchell']['token']}", headers=english).json()
    withs = {p["last_name"]: p["why"] for stop in told["itinerary"] for p in stop["with"]}
    assert "looking for" in withs["Vasseur"] and "offers" in withs["Vasseur"]
    for page in (host, emilie, sarah):
        page.context.close()


def test_a_phone_asked_in_french_says_why_in_french_after_a_new_plan(
    browser, server, api: httpx.Client
) -> None:
    """`?lang=fr` on an English phone: the schedule it fetches when the plan comes is French too."""
    from playwright.sync_api import expect

    body = {"title": "Lang", "language": "en", "rounds": 1}
    event_id = api.post("/api/events", json=body).raise_for_status().json()["id"]
    texts = [("Transport routier régional", ""), ("", "Un transporteur régional")]
    members = []
    for index, (offers, needs) in enumerate(texts):
        person = {"first_name": f"L{index}", "last_name": "Lang", "email": f"lang{index}@e2e.fr",
                  "company": f"Lang {index}", "offers": offers, "needs": needs}  # fmt: skip
        members.append(api.post(f"/api/events/{event_id}/participants", json=person).json())
        api.post(f"/api/events/{event_id}/participants/{members[-1]['id']}/checkin")
    wait_read(api, event_id)
    phone = open_page(browser, f"{server.url}/p/{members[1]['token']}?lang=fr", SMALL_PHONE)
    expect(phone.locator("#profile h2")).to_have_text("Mon profil")
    api.post(f"/api/events/{event_id}/plan").raise_for_status()
    expect(phone.locator("#place .why")).to_have_text(re.compile(r"^Vous cherchez : .*propose"))
    phone.context.close()


def open_phone(browser, server, person: dict, locale: str):
    """Open a member's personal link on a small phone whose browser speaks `locale`."""
    context = browser.new_context(viewport=SMALL_PHONE, locale=locale)
    return open_page(browser, f"{server.url}/p/{person['token']}", SMALL_PHONE, context=context)


def create_event(host) -> int:
    """Sign in and create a three-round event in pairs; give its id."""
    host.goto("/")
    host.fill("#token", ADMIN_TOKEN)
    with host.expect_navigation():
        host.press("#token", "Enter")
    host.click("text=New event")
    host.fill("#ev-title", "Rendez-vous d'affaires — Arras")
    host.select_option("#ev-format", "pairs")
    host.fill("#ev-talk", "300")
    host.fill("#ev-rounds", "3")
    with host.expect_navigation():
        host.click("text=Create the event")
    wait_live(host)
    return int(re.search(r"/events/(\d+)/", host.url).group(1))


def import_sheet(host, tmp_path: Path) -> None:
    """Import the members through the page's file input and see them all registered."""
    from playwright.sync_api import expect

    sheet = tmp_path / "membres.csv"
    sheet.write_text("\n".join([HEADERS, *map(";".join, MEMBERS)]) + "\n", encoding="utf-8")
    host.click("text=Import a spreadsheet (CSV)")
    host.set_input_files("#import-file", str(sheet))
    host.click("#import-form button[type=submit]")
    report = host.locator("#import-form .report")
    expect(report).to_contain_text("8")
    expect(report.locator(".line-errors li")).to_have_count(0)
    expect(host.locator("#people-counts")).to_contain_text("8 expected")


def wait_read(api: httpx.Client, event_id: int) -> None:
    """Wait until the host's reading bar says every member's text is read (the model may load).

    Asked of the server, not of the page: a page whose bar is gone may not have asked yet.
    """
    deadline = time.monotonic() + READING_TIMEOUT_S
    while "<progress" in (text := api.get(f"/events/{event_id}/host/reading", timeout=60).text):
        assert time.monotonic() < deadline, f"texts still being read: {text}"
        time.sleep(0.2)


def choose(profile, person: dict, button: str) -> None:
    """Search someone by company on the phone and press Meet or Rather not on them."""
    profile.locator("input[type=search]").fill(person["company"])
    found = profile.locator(".found-person").filter(has_text=person["company"])
    found.locator(button).click()


def clear_search(profile) -> None:
    """Empty the phone's search box and wait until its results are gone."""
    from playwright.sync_api import expect

    profile.locator("input[type=search]").fill("")
    expect(profile.locator(".found")).to_be_empty()


def pin(host, a: dict, b: dict) -> None:
    """Pin a pair on the host page: these two must meet."""
    from playwright.sync_api import expect

    host.select_option("#pair-a", str(a["id"]))
    host.select_option("#pair-kind", "must")
    host.select_option("#pair-b", str(b["id"]))
    host.click("#pairs button[type=submit]")
    expect(host.locator("#pairs .pair-rules li")).to_contain_text(
        f"{a['first_name']} {a['last_name']}"
    )


def settle(host) -> None:
    """Wait until the page has no htmx request, swap or settle under way."""
    host.wait_for_function(
        "() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')"
    )


def read_figures(host) -> dict[str, str]:
    """Read the plan panel's figures, label to value."""
    return host.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('#plan .metrics > div')]
          .map((d) => [d.querySelector('dt').textContent.trim(),
                       d.querySelector('dd').textContent.trim()]))"""
    )


def meetings(plan: dict) -> dict[frozenset[int], int]:
    """Map each pair that meets to its round."""
    return {
        frozenset(table["participants"]): rnd["number"]
        for rnd in plan["rounds"]
        for table in rnd["tables"]
    }


def next_round(host, number: int) -> None:
    """Move the host's clock on to the change-over into round `number` (from the one before)."""
    if number == 2:
        clock(host, "Space", "Round 1 / 3", "talk")  # the lobby shows round 1: start it
    else:
        clock(host, "ArrowRight", f"Round {number - 1} / 3", "talk")
    clock(host, "ArrowRight", f"Round {number} / 3", "switch")
