"""Who is connected to an event: screens and phones, counted by the hub across workers.

A phone that opens the feed with its personal token subscribes as `phone:<person id>`, so the
hub's shared presence (per worker in Redis, expiring with the worker) also tells which
participants have a live phone; a phone without a valid token counts as a plain `phone`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from app.adapters.database.tables import Registration

PHONE = "phone"


@dataclass(frozen=True)
class Presence:
    """Connected clients of one event by kind, and the participants whose phone is live."""

    screens: int = 0
    phones: int = 0
    hosts: int = 0
    public: int = 0
    people: frozenset[int] = frozenset()


def phone_label(person_id: int | None) -> str:
    """Label a phone's subscription with its participant, when known."""
    return PHONE if person_id is None else f"{PHONE}:{person_id}"


def summarise(counts: dict[str, int]) -> Presence:
    """Add up the hub's counts by kind, reading participants out of phone labels."""
    phones = sum(n for kind, n in counts.items() if kind.partition(":")[0] == PHONE)
    people = {int(kind[len(PHONE) + 1 :]) for kind in counts if kind.startswith(PHONE + ":")}
    return Presence(
        screens=counts.get("screen", 0),
        phones=phones,
        hosts=counts.get("host", 0),
        public=counts.get("public", 0),
        people=frozenset(people),
    )


def phone_owners(session: Session, event_id: int) -> dict[str, int]:
    """Map every personal token of the event to its participant, to label live phones."""
    rows = session.exec(
        select(Registration.token, Registration.person_id).where(Registration.event_id == event_id)
    ).all()
    return dict(rows)
