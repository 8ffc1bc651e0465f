"""The host's pinned and forbidden pairs, and the pairs the planner must keep or keep apart.

Rules take effect at the next plan: the host's "generate", or the re-plan a walk-in or a
departure triggers; a member's "rather not" always wins over a host's "must".
"""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app.adapters.database.tables import Event, PairRule, Person, Registration, Wish
from app.domain.model import Pair, pair
from app.services.errors import Conflict, NotFound, Unprocessable
from app.services.events import load_event
from app.services.timekeeping import now_ms

MUST, NEVER = "must", "never"


def list_rules(session: Session, event_id: int) -> list[dict]:
    """List the host's rules of an event, by pair."""
    load_event(session, event_id)
    rows = session.exec(
        select(PairRule)
        .where(PairRule.event_id == event_id)
        .order_by(PairRule.person_a, PairRule.person_b)
    ).all()
    return [_view(row) for row in rows]


def set_rule(session: Session, event_id: int, a: int, b: int, kind: str) -> dict:
    """Pin a pair (`must`) or forbid it (`never`); setting it again replaces the kind."""
    event = _open_event(session, event_id)
    if a == b:
        raise Unprocessable("b: a pair needs two different participants")
    first, second = _participant(session, event.id, a), _participant(session, event.id, b)
    if kind == MUST and _same_company(first, second):
        raise Unprocessable(f"kind: people of the same company never meet ({first.company})")
    low, high = sorted((a, b))
    row = _rule(session, event.id, low, high) or PairRule(
        event_id=event.id, person_a=low, person_b=high, kind=kind
    )
    row.kind, row.created_ms = kind, now_ms()
    session.add(row)
    try:
        session.commit()
    except IntegrityError:  # the same pair set twice at once: the other request's kind stays
        session.rollback()
        raise Conflict("this pair was being set twice at once; try again") from None
    return _view(row)


def drop_rule(session: Session, event_id: int, a: int, b: int) -> dict:
    """Remove the host's rule on a pair; removing one never set is fine."""
    event = _open_event(session, event_id)
    _participant(session, event.id, a), _participant(session, event.id, b)
    low, high = sorted((a, b))
    session.exec(
        delete(PairRule).where(
            PairRule.event_id == event.id, PairRule.person_a == low, PairRule.person_b == high
        )
    )
    session.commit()
    return {"a": low, "b": high, "kind": None}


def must_and_never(session: Session, event_id: int) -> tuple[frozenset[Pair], frozenset[Pair]]:
    """Give the pairs to schedule (host's "must") and those never to (any "rather not", "never")."""
    avoided = session.exec(
        select(Wish.person_id, Wish.other_id).where(Wish.event_id == event_id, Wish.kind == "avoid")
    ).all()
    rules = session.exec(
        select(PairRule.person_a, PairRule.person_b, PairRule.kind).where(
            PairRule.event_id == event_id
        )
    ).all()
    never = {pair(a, b) for a, b in avoided} | {pair(a, b) for a, b, k in rules if k == NEVER}
    must = {pair(a, b) for a, b, k in rules if k == MUST} - never
    return frozenset(must), frozenset(never)


def _open_event(session: Session, event_id: int) -> Event:
    event = load_event(session, event_id)
    if event.status == "finished":
        raise Conflict("the event is finished; its pairs can no longer change")
    return event


def _participant(session: Session, event_id: int, person_id: int) -> Person:
    """Fetch a participant of this event (any status) or answer 404."""
    person = session.exec(
        select(Person)
        .join(Registration, Registration.person_id == Person.id)
        .where(Registration.event_id == event_id, Person.id == person_id)
    ).first()
    if person is None:
        raise NotFound(f"participant {person_id} not found in event {event_id}")
    return person


def _same_company(first: Person, second: Person) -> bool:
    one, other = (first.company or "").strip().casefold(), (second.company or "").strip().casefold()
    return bool(one) and one == other


def _rule(session: Session, event_id: int, low: int, high: int) -> PairRule | None:
    return session.exec(
        select(PairRule).where(
            PairRule.event_id == event_id, PairRule.person_a == low, PairRule.person_b == high
        )
    ).first()


def _view(row: PairRule) -> dict:
    return {"a": row.person_a, "b": row.person_b, "kind": row.kind}
