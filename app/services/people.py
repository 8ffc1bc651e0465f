"""Members as persons kept across events: found by e-mail, created or updated in batches."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, select

from app.adapters.database.tables import Club, Person
from app.services.timekeeping import now_ms

PERSON_FIELDS = (
    "first_name",
    "last_name",
    "company",
    "email",
    "sector",
    "phone",
    "website",
    "pitch",
    "offers",
    "needs",
)
LOOKUP_CHUNK = 1000


def email_key(email: str) -> str:
    """Fold an e-mail so that any spelling of its case finds the same person."""
    return email.strip().casefold()


def upsert_people(session: Session, batch: Sequence[dict]) -> list[tuple[Person, bool]]:
    """Create or update each person by e-mail, in a few queries; tell which were created."""
    keys = [email_key(details["email"]) for details in batch]
    known = _people_by_key(session, keys)
    clubs = _clubs_for(session, [details.get("club") for details in batch])
    results = []
    for key, details in zip(keys, batch, strict=True):
        person = known.get(key)
        created = person is None
        if person is None:
            person = Person(email_key=key, created_ms=now_ms(), **_core(details))
            known[key] = person
        else:
            for name, value in _core(details).items():
                if value:  # a blank cell never erases what the member told us before
                    setattr(person, name, value)
        club = clubs.get((details.get("club") or "").strip().casefold())
        person.club_id = club.id if club else person.club_id
        session.add(person)
        results.append((person, created))
    session.flush()
    return results


def _people_by_key(session: Session, keys: list[str]) -> dict[str, Person]:
    found: dict[str, Person] = {}
    for start in range(0, len(keys), LOOKUP_CHUNK):
        chunk = keys[start : start + LOOKUP_CHUNK]
        for person in session.exec(select(Person).where(Person.email_key.in_(chunk))).all():
            found[person.email_key] = person
    return found


def _clubs_for(session: Session, names: list[str | None]) -> dict[str, Club]:
    """Find or create every club named, case-insensitively, with one flush for the new ones."""
    clubs = {club.name.casefold(): club for club in session.exec(select(Club)).all()}
    for name in names:
        key = (name or "").strip().casefold()
        if key and key not in clubs:
            clubs[key] = Club(name=name.strip())
            session.add(clubs[key])
    session.flush()
    return clubs


def _core(details: dict) -> dict:
    return {
        name: details.get(name) or ("" if name == "company" else None) for name in PERSON_FIELDS
    }
