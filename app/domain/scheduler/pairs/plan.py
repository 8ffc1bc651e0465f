"""Plan a 1:1 event: everyone meets every allowed partner once, in as few rounds as possible."""

from __future__ import annotations

import random
from collections.abc import Sequence

from app.domain.model import Person, Plan, PlanError, Rules
from app.domain.scheduler.constraints import Constraints
from app.domain.scheduler.pairs import valued
from app.domain.scheduler.pairs.circle import circle_rounds, couples_for
from app.domain.scheduler.pairs.compact import compact
from app.domain.scheduler.pairs.early import arrange, best_rotation
from app.domain.scheduler.pairs.limit import keep_rounds
from app.domain.scheduler.pairs.seating import Seating, to_plan
from app.domain.scheduler.pairs.unmet import Unmet, plan_unmet
from app.domain.scheduler.pairs.walks import seat_along, shorten_walks
from app.domain.scheduler.pairs.worth import Worth


def plan_pairs(
    people: Sequence[Person], rules: Rules, *, rounds: int | None = None, seed: int = 0
) -> Plan:
    """Plan 1:1 rounds; with `rounds` fewer than needed, choose the fairest, most wished ones.

    More rounds than needed are not added: they could only repeat meetings.
    When some people present met before (`rules.history`), rounds are maximum matchings of
    the pairs not met yet (`unmet`); else the circle method lays out every round at once.
    When pairs carry values (`rules.values`, `rules.must`), `valued` chooses the meetings.
    """
    constraints = Constraints(people, rules)
    constraints.check()
    if rounds is not None and rounds < 1:
        raise PlanError(f"A plan needs at least one round, not {rounds}.")
    if rules.values or rules.must:
        seatings = valued_seatings(constraints, rules, rounds, seed)
        return to_plan(shorten_walks(seatings, len(constraints.ids) // 2), constraints.ids)
    return to_plan(plain_seatings(constraints, rounds, seed), constraints.ids)


def valued_seatings(
    constraints: Constraints, rules: Rules, rounds: int | None, seed: int
) -> list[Seating]:
    """Seat a plan by value: the best R rounds when not all fit, else all in order of value."""
    worth = Worth(constraints, rules)
    if rounds is not None and rounds < lower_bound(constraints):
        return valued.limited(constraints, worth, rounds, random.Random(seed))
    matched = unmet_seatings(constraints, None, seed)
    circle = matched is None
    seatings = full_seatings(constraints, random.Random(seed), worth) if circle else matched
    if rounds is not None and rounds < len(seatings):
        return valued.limited(constraints, worth, rounds, random.Random(seed))
    if circle:
        return best_rotation(seatings, worth, constraints.ids)
    return seat_along(valued.by_value(seatings, constraints, worth))


def plain_seatings(constraints: Constraints, rounds: int | None, seed: int) -> list[Seating]:
    """Seat a plan where every pair is worth the same: the circle method or unmet matchings."""
    planned = unmet_seatings(constraints, rounds, seed)
    if planned is not None:
        return planned
    seatings = full_seatings(constraints, random.Random(seed))
    if rounds is not None and rounds < len(seatings):
        seatings = keep_rounds(seatings, rounds, constraints)
    return seatings


def unmet_seatings(constraints: Constraints, rounds: int | None, seed: int) -> list[Seating] | None:
    """Seat rounds as maximum matchings of the pairs not met yet, when some people met before.

    None when nobody present met before, or when no such plan fits: the circle method serves.
    """
    if not constraints.history:
        return None
    unmet = Unmet(constraints)
    if not unmet.has_old():
        return None
    return plan_unmet(unmet, rounds, lower_bound(constraints), random.Random(seed))


def full_seatings(
    constraints: Constraints, rng: random.Random, worth: Worth | None = None
) -> list[Seating]:
    """Seat every allowed meeting: the circle method, then sparse rounds emptied.

    Given pair values, people's starting seats are traded so valuable pairs meet early.
    """
    couples = couples_for(constraints, rng)
    if worth is not None:
        couples = arrange(couples, constraints, worth)
    forbidden = constraints.forbidden if constraints.apart() else None
    seatings = circle_rounds(couples, forbidden)
    if forbidden is not None:
        tables = len(constraints.ids) // 2
        seatings = shorten_walks(compact(seatings, lower_bound(constraints), tables), tables)
    return seatings


def lower_bound(constraints: Constraints) -> int:
    """Give the fewest rounds any plan needs: Δ, or more when a round cannot hold enough."""
    per_round = len(constraints.ids) // 2
    return max(constraints.max_degree(), -(-constraints.allowed_pairs() // per_round))
