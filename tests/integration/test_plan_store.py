"""The stored plan reads back as the domain Plan it was, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlmodel import Session

from app.adapters.database.engine import make_engine
from app.adapters.database.plans import planned_rounds, read_plan, write_rounds_after
from app.adapters.database.roster import people_by_id, present
from app.adapters.database.tables import Event, Person, Registration
from app.domain.model import Plan, Round, Table

# Seat order within a table is the plan's, not the ids': 3 sits before 1 at table 2.
PLAN = Plan(
    2,
    (
        Round(1, (Table(1, (2, 4)), Table(2, (3, 1))), sitting_out=(5,)),
        Round(2, (Table(1, (1, 2)), Table(2, (5, 4))), sitting_out=(3,)),
    ),
)


@pytest.fixture
def session(database: str) -> Iterator[Session]:
    """Open a session on an event with five people, the first four present."""
    engine = make_engine(database)
    with Session(engine) as session:
        session.add(Event(id=1, title="Arras", created_ms=0))
        for n in range(1, 6):
            email = f"p{n}@a.fr"
            names = {"first_name": f"P{n}", "last_name": f"N{n}"}
            session.add(Person(id=n, **names, email=email, email_key=email, created_ms=0))
            status = "present" if n < 5 else "registered"
            session.add(Registration(event_id=1, person_id=n, token=f"t{n}", status=status))
        session.commit()
        yield session
    engine.dispose()


def test_a_written_plan_reads_back_the_same(session: Session) -> None:
    write_rounds_after(session, 1, PLAN, held=0)
    session.commit()
    assert read_plan(session, 1, 2) == PLAN
    assert planned_rounds(session, 1) == 2


def test_an_event_without_seats_has_a_plan_without_rounds(session: Session) -> None:
    assert read_plan(session, 1, 2) == Plan(2, ())
    assert planned_rounds(session, 1) == 0


def test_rewriting_after_held_rounds_keeps_them(session: Session) -> None:
    write_rounds_after(session, 1, PLAN, held=0)
    session.commit()
    later = Round(2, (Table(1, (1, 3)), Table(2, (2, 4))), sitting_out=(5,))
    write_rounds_after(session, 1, Plan(2, (Round(1, ()), later)), held=1)
    session.commit()
    assert read_plan(session, 1, 2) == Plan(2, (PLAN.rounds[0], later))


def test_the_roster_reads_who_is_present_and_people_by_id(session: Session) -> None:
    assert [person.id for person in present(session, 1)] == [1, 2, 3, 4]
    assert {n: p.first_name for n, p in people_by_id(session, [4, 2, 4]).items()} == {
        2: "P2",
        4: "P4",
    }
    assert people_by_id(session, []) == {}
