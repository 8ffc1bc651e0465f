"""The demo event: fifty fictional members of Artois clubs, all checked in."""

from __future__ import annotations

import random

from sqlmodel import Session, select

from app.adapters.database.tables import Event, Registration
from app.services.demo_profiles import PROFILES
from app.services.events import create_event
from app.services.participants import register
from app.services.people import upsert_people
from app.services.schemas import EventCreate
from app.services.timekeeping import now_ms

DEMO_TITLE = "Speed dating business — Artois"

FIRST_NAMES = (
    "Émilie Julien Camille Thomas Léa Nicolas Chloé Antoine Manon Hugo Inès Mathieu Sarah "
    "Guillaume Pauline Romain Clémence Maxime Océane Alexandre Margaux Baptiste Élodie Quentin "
    "Anaïs"
).split()
LAST_NAMES = (
    "Lefèvre Dubois Martin Lemaire Caron Delattre Wattez Leroy Dupont Lecomte Bouchez Vasseur "
    "Dhainaut Prévost Hennebelle Carpentier Deprez Delcroix Fontaine Roussel Lenoir Ducrocq "
    "Mercier Bécourt Pruvost"
).split()
SECTORS = (
    "BTP",
    "Conseil",
    "Numérique",
    "Agroalimentaire",
    "Transport",
    "Banque",
    "Immobilier",
    "Santé",
    "Industrie",
    "Commerce",
    "Communication",
    "Énergie",
)
CLUBS = ("CJD Arras", "BNI Lens", "Réseau Entreprendre Artois", "Club des dirigeants de Béthune")
COMPANY_KINDS = ("Atelier", "Groupe", "Cabinet", "Maison", "Studio", "Agence", "Comptoir")
PLACES = ("d'Artois", "d'Arras", "de Lens", "de Béthune", "de Liévin", "d'Hénin", "de Bapaume",
          "d'Avion", "de Carvin")  # fmt: skip
SHARED_COMPANIES = ("SARL Artois Bâtiment", "Cabinet Vasseur & Associés", "Numéria Lens")


def _company_name(index: int) -> str:
    """Name a fictional company, a different one for each index below 63."""
    return f"{COMPANY_KINDS[index % 7]} {PLACES[index // 7 % 9]}"


def demo_people(count: int = 50, seed: int = 62) -> list[dict]:
    """Make the same fictional members every time: a few share a company, most a club."""
    rng = random.Random(seed)
    people = []
    for index in range(count):
        first, last = FIRST_NAMES[index % 25], LAST_NAMES[(index * 7 + index // 25) % 25]
        company = SHARED_COMPANIES[index % 3] if index < 7 else _company_name(index)
        offers, needs = PROFILES[index % len(PROFILES)]
        people.append(
            {
                "first_name": first,
                "last_name": last,
                "company": company,
                "email": f"{first}.{last}.{index}@demo.tablehop.example".lower(),
                "sector": rng.choice(SECTORS),
                "club": CLUBS[index % len(CLUBS)] if index % 5 else None,
                "phone": f"+33 3 21 {index:02d} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                "website": None,
                "pitch": offers,  # what the phones quote under the name: what the company does
                "offers": offers,
                "needs": needs,
            }
        )
    return people


def seed_demo(session: Session) -> tuple[int, bool]:
    """Create the demo event once; return its id and whether it was created now."""
    existing = session.exec(select(Event).where(Event.title == DEMO_TITLE)).first()
    if existing is not None:
        return existing.id, False
    event = create_event(
        session,
        EventCreate(
            title=DEMO_TITLE,
            format="pairs",
            talk_seconds=110,
            switch_seconds=20,
            avoid_same_club=True,
            venue="Stade Bollaert-Delelis, Lens",
        ),
    )
    stored = session.get(Event, event.id)
    for person, _ in upsert_people(session, demo_people()):
        registration = register(session, stored, person)
        registration.status, registration.checked_in_ms = "present", now_ms()
    session.commit()
    return event.id, True


def sample_token(session: Session, event_id: int) -> str:
    """Pick the first participant's personal token for the printed phone link."""
    registration = session.exec(
        select(Registration).where(Registration.event_id == event_id).order_by(Registration.id)
    ).first()
    return registration.token
