"""In a real browser: sign in, create an event, import, check in, plan, start with the keyboard."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ADMIN_TOKEN, skip_or_fail
from tests.e2e.conftest import watch_csp
from tests.servers import Server, migrate

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic",
]  # fmt: skip
MEMBERS = """Nom;Prénom;Société;Courriel;Secteur;Club
Lefèvre;Émilie;SARL Artois Bâtiment;emilie.lefevre@artois-batiment.fr;BTP;CJD Arras
Caron;Julien;Caron Transport SAS;j.caron@caron-transport.fr;Transport;BNI Lens
Delattre;Camille;Numéria Lens;camille@numeria.fr;Numérique;
Wattez;Thomas;Wattez Énergie;thomas@wattez-energie.fr;Énergie;CJD Arras
Vasseur;Léa;Cabinet Vasseur & Associés;lea@vasseur-associes.fr;Conseil;BNI Lens
Dupont;Nicolas;Dupont Immobilier;n.dupont@dupont-immo.fr;Immobilier;
Bouchez;Chloé;Bouchez Santé;chloe@bouchez-sante.fr;Santé;Réseau Entreprendre Artois
Lecomte;Antoine;Lecomte Banque Privée;antoine@lecomte-banque.fr;Banque;
Prévost;Manon;Prévost Agroalimentaire;manon@prevost-agro.fr;Agroalimentaire;CJD Arras
Hennebelle;Hugo;Hennebelle Communication;hugo@hennebelle.fr;Communication;BNI Lens
Fontaine;Inès;Fontaine Industrie;ines@fontaine-industrie.fr;Industrie;
Mercier;Mathieu;Mercier Commerce;mathieu@mercier-commerce.fr;Commerce;
"""

pytestmark = pytest.mark.browser


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    """Serve the app on its own port with a fresh, migrated SQLite database."""
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'tablehop.db'}",
        "TABLEHOP_DATA_DIR": str(tmp_path / "data"),
        "TABLEHOP_ADMIN_TOKEN": ADMIN_TOKEN,
        "REDIS_URL": "",
    }
    migrate(env)
    running = Server(env).start()
    yield running
    running.stop()


@pytest.fixture
def page(server: Server):
    """Open Debian's Chromium at 1440×900 as a French organiser's laptop."""
    if not CHROMIUM.exists():
        skip_or_fail(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = watch_csp(
            browser.new_context(
                viewport={"width": 1440, "height": 900}, locale="fr-FR", base_url=server.url
            )
        )
        yield context.new_page()
        browser.close()


def test_the_host_imports_plans_and_starts_round_one_with_the_space_bar(
    page, tmp_path, shots
) -> None:
    from playwright.sync_api import expect

    page.goto("/")
    page.fill("#token", ADMIN_TOKEN)
    with page.expect_navigation():
        page.press("#token", "Enter")
    page.click("text=Nouvel événement")
    page.fill("#ev-title", "Speed business — CCI Artois")
    page.fill("#ev-venue", "Stade Bollaert-Delelis, Lens")
    page.fill("#ev-talk", "110")
    with page.expect_navigation():
        page.click("text=Créer l'événement")

    page.click("text=Importer un tableur (CSV)")
    csv = tmp_path / "membres.csv"
    csv.write_text(MEMBERS, encoding="utf-8")
    page.set_input_files("#import-file", str(csv))
    page.click("#import-form button[type=submit]")
    expect(page.locator("#import-form .report")).to_contain_text("12 inscrits à cet événement")
    expect(page.locator("#people-list .person")).to_have_count(12)
    page.click("text=Importer un tableur (CSV)")

    for present in range(1, 13):
        page.locator("#people-list button:has-text('Marquer présent')").first.click()
        expect(page.locator("#people-counts")).to_contain_text(f"{present} présents")

    page.click("text=Générer le plan")
    expect(page.locator("#plan .plan-grid")).to_contain_text("Table 6")
    expect(page.locator("#live")).to_contain_text("11 tours prévus")

    page.locator("#live-title").click()  # focus leaves the search box: keys drive the clock
    page.keyboard.press("Space")
    expect(page.locator("#live")).to_have_class(re.compile("phase-talk"))
    expect(page.locator("#live-title")).to_contain_text("Tour 1 / 11")
    countdown = page.locator("#countdown")
    expect(countdown).to_have_text(re.compile(r"^1:(4\d|50)$"))
    expect(countdown).not_to_have_text(countdown.inner_text())  # it ticks, within expect's wait
    expect(countdown).to_have_text(re.compile(r"^1:4\d$"))
    expect(page.locator("#plan tr.current th")).to_have_text("1")

    page.locator("#people-search").fill("émilie")
    page.keyboard.press("Space")  # typing in a field never drives the clock
    expect(page.locator("#live")).to_have_class(re.compile("phase-talk"))
    page.locator("#people-search").fill("")
    expect(page.locator("#people-list .person")).to_have_count(12)
    page.locator("#live-title").click()
    page.mouse.move(0, 0)
    page.screenshot(path=str(shots / "host-live.png"))

    # A second laptop moves the clock: this panel follows over its live link, without a click.
    event_id = re.search(r"/events/(\d+)/host", page.url).group(1)
    moved = page.request.post(
        f"/api/events/{event_id}/clock/next", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}
    )
    assert moved.ok
    expect(page.locator("#live")).to_have_class(re.compile("phase-switch"))
    expect(page.locator("#live-title")).to_contain_text("Tour 2 / 11")
