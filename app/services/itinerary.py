"""A participant's own view: who they are, the event, and where they sit each round."""

from __future__ import annotations

from sqlmodel import Session

from app.adapters.database.plans import read_plan
from app.adapters.database.roster import people_by_id
from app.adapters.database.tables import Event, Person
from app.services import matchmaking
from app.services.personal_link import registration_by_token
from app.services.schemas import PersonPublic

EVENT_FIELDS = (
    "id", "title", "date", "venue", "format", "table_size", "talk_seconds", "switch_seconds",
    "language", "status", "plan_version",
)  # fmt: skip


def my_itinerary(session: Session, token: str) -> dict:
    """Give a participant their rounds: table, whom they meet and why, or that they sit out.

    `why` is a `Reason` or None here; the web layer says it in the page's language.
    """
    registration = registration_by_token(session, token)
    event = session.get(Event, registration.event_id)
    me = session.get(Person, registration.person_id)
    plan = read_plan(session, event.id, event.table_size)
    stops = plan.itinerary(me.id)
    people = people_by_id(session, (other for stop in stops for other in stop.others))
    why = matchmaking.reasons(session, event.id, me.id, set(people))
    itinerary = [
        {
            "round": stop.round,
            "table": stop.table,
            "with": [{**_public(people[other]), "why": why.get(other)} for other in stop.others],
            "sitting_out": stop.table is None,
        }
        for stop in stops
    ]
    return {
        "person": {**_public(me), "status": registration.status},
        "event": {name: getattr(event, name) for name in EVENT_FIELDS},
        "itinerary": itinerary,
    }


def _public(person: Person) -> dict:
    return PersonPublic.model_validate(person).model_dump()
