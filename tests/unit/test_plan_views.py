"""A round and one person's itinerary, derived from the plan alone."""

from __future__ import annotations

from app.domain.model import Plan, Round, Stop, Table

PLAN = Plan(
    3,
    (
        Round(1, (Table(1, (4, 2, 7)), Table(2, (1, 3, 5)))),
        Round(2, (Table(1, (1, 2, 3)),), sitting_out=(4,)),
        Round(3, (Table(1, (2, 4, 5)), Table(2, (3, 7, 1)))),
    ),
)


def test_a_round_is_found_by_its_number() -> None:
    assert PLAN.round(2) is PLAN.rounds[1]
    assert PLAN.round(4) is None


def test_an_itinerary_names_the_table_and_the_others_in_seat_order() -> None:
    assert PLAN.itinerary(4) == (Stop(1, 1, (2, 7)), Stop(2, None), Stop(3, 1, (2, 5)))


def test_an_itinerary_leaves_out_rounds_planned_before_someone_came() -> None:
    assert PLAN.itinerary(7) == (Stop(1, 1, (4, 2)), Stop(3, 2, (3, 1)))
    assert PLAN.itinerary(9) == ()
