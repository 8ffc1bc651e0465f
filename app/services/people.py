"""Members as persons kept across events: find by e-mail, create or update."""

from __future__ import annotations

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
)


def email_key(email: str) -> str:
    """Fold an e-mail so that any spelling of its case finds the same person."""
    return email.strip().casefold()


def find_by_email(session: Session, email: str) -> Person | None:
    """Return the person with this e-mail, in any case, if there is one."""
    return session.exec(select(Person).where(Person.email_key == email_key(email))).first()


def upsert_person(session: Session, details: dict, clubs: dict[str, Club]) -> tuple[Person, bool]:
    """Create the person or update the one with the same e-mail; tell which happened."""
    person = find_by_email(session, details["email"])
    created = person is None
    if person is None:
        person = Person(
            email_key=email_key(details["email"]), created_ms=now_ms(), **_core(details)
        )
    else:
        for name, value in _core(details).items():
            if value:  # a blank cell never erases what the member told us before
                setattr(person, name, value)
    person.club_id = club_id(session, details.get("club"), clubs) or person.club_id
    session.add(person)
    session.flush()
    return person, created


def club_id(session: Session, name: str | None, cache: dict[str, Club]) -> int | None:
    """Find or create a club by name, case-insensitively, remembering it for the batch."""
    if not name:
        return None
    key = name.strip().casefold()
    if key not in cache:
        existing = {club.name.casefold(): club for club in session.exec(select(Club)).all()}
        cache.update(existing)
    if key not in cache:
        club = Club(name=name.strip())
        session.add(club)
        session.flush()
        cache[key] = club
    return cache[key].id


def _core(details: dict) -> dict:
    return {
        name: details.get(name) or ("" if name == "company" else None) for name in PERSON_FIELDS
    }
