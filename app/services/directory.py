"""The other participants of my event, as a member may look them up to choose whom to meet."""

from __future__ import annotations

from sqlmodel import Session

from app.adapters.database.roster import registered
from app.adapters.database.tables import Person
from app.services.personal_link import registration_by_token
from app.services.search import found_in

SEARCH_LIMIT = 20


def find_people(
    session: Session, token: str, query: str = "", limit: int = SEARCH_LIMIT
) -> list[dict]:
    """List the event's other participants whose name, company, sector or offers match."""
    me = registration_by_token(session, token)
    found = [
        card(person)
        for person, registration in registered(session, me.event_id)
        if person.id != me.person_id and registration.status != "gone" and matches(person, query)
    ]
    return found[:limit]


def card(person: Person) -> dict:
    """Show a participant as other members may see them: no token, no contact details."""
    return {
        "id": person.id,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "company": person.company,
        "sector": person.sector,
        "offers": person.offers,
    }


def matches(person: Person, query: str) -> bool:
    """Match every word of the search in the name, company, sector or offers, ignoring accents."""
    fields = (person.first_name, person.last_name, person.company, person.sector, person.offers)
    return found_in(query, fields)
