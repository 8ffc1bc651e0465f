"""The stored plan: one `Seat` row per person per round, read back as the domain's `Plan`."""

from __future__ import annotations

from sqlalchemy import delete
from sqlmodel import Session, func, select

from app.adapters.database.tables import Seat
from app.domain.model import Plan, Round, Table


def read_plan(session: Session, event_id: int, table_size: int) -> Plan:
    """Rebuild the stored plan, people in seat order; it has no rounds when none is stored."""
    seats = session.exec(select(Seat).where(Seat.event_id == event_id).order_by(Seat.id)).all()
    rounds: dict[int, tuple[dict[int, list[int]], list[int]]] = {}
    for seat in seats:
        tables, out = rounds.setdefault(seat.round, ({}, []))
        if seat.table is None:
            out.append(seat.person_id)
        else:
            tables.setdefault(seat.table, []).append(seat.person_id)
    return Plan(
        table_size,
        tuple(
            Round(n, tuple(Table(t, tuple(s)) for t, s in sorted(tables.items())), tuple(out))
            for n, (tables, out) in sorted(rounds.items())
        ),
    )


def write_rounds_after(session: Session, event_id: int, plan: Plan, held: int) -> None:
    """Replace the seats of every round after the first `held`; the caller commits."""
    session.exec(delete(Seat).where(Seat.event_id == event_id, Seat.round > held))
    for rnd in plan.rounds[held:]:
        placed = [(t.number, person_id) for t in rnd.tables for person_id in t.seats]
        placed += [(None, person_id) for person_id in rnd.sitting_out]
        session.add_all(
            Seat(event_id=event_id, round=rnd.number, table=table, person_id=person_id)
            for table, person_id in placed
        )


def planned_rounds(session: Session, event_id: int) -> int:
    """Count the rounds of the stored plan without reading it."""
    highest = session.exec(select(func.max(Seat.round)).where(Seat.event_id == event_id)).one()
    return highest or 0
