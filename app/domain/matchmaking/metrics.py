"""What a plan achieved with the pairs' values: how much, of how much it could, and for whom.

A meeting counts once however often a pair meets: a repeat answers no new need. The upper bound
gives each person their best `partners_per_person` partners ((table size - 1) x rounds), which no
plan can beat, since every plan gives each person at most that many partners. Fairness is the
lowest share anyone got of their own best, over the people who had anyone worth meeting.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass

from app.domain.matchmaking.profile import Profile
from app.domain.matchmaking.vectors import best_cosine, dimension, unit_rows
from app.domain.model import Pair

Meetings = Iterable[Pair]


@dataclass(frozen=True)
class ValueMetrics:
    """The value figures of one plan, as the host's view and the report show them."""

    value: float
    value_bound: float
    value_share: float
    fairness: float
    fairness_p10: float
    needs_answered: int
    needs_total: int
    wishes_kept: int
    wishes_made: int

    def to_dict(self) -> dict[str, float | int]:
        """Give the figures as JSON-friendly values for the plan's `metrics`, floats rounded."""
        return {
            key: round(figure, 4) if isinstance(figure, float) else figure
            for key, figure in asdict(self).items()
        }


def value_metrics(
    meetings: Meetings,
    values: Mapping[Pair, float],
    people: Iterable[int],
    profiles: Sequence[Profile],
    *,
    floor: float,
    partners_per_person: int,
) -> ValueMetrics:
    """Measure a plan's meetings: value, its bound and share, fairness, needs and wishes."""
    held = _distinct(meetings)
    present = set(people)
    value = total_value(held, values)
    bound = value_bound(values, present, partners_per_person)
    lowest, p10 = fairness(held, values, present, partners_per_person)
    answered, total = needs_answered(held, profiles, floor)
    kept, made = wishes_kept(held, {profile.person: profile.wishes for profile in profiles})
    return ValueMetrics(
        value, bound, value_share(value, bound), lowest, p10, answered, total, kept, made
    )


def total_value(meetings: Meetings, values: Mapping[Pair, float]) -> float:
    """Add up what the meetings held are worth, each pair once."""
    return math.fsum(values.get(meeting, 0.0) for meeting in _distinct(meetings))


def value_bound(
    values: Mapping[Pair, float], people: Iterable[int], partners_per_person: int
) -> float:
    """Bound any plan's value: half the sum, over people, of their best partners' values."""
    return math.fsum(_own_bounds(values, set(people), partners_per_person).values()) / 2


def value_share(value: float, bound: float) -> float:
    """Give the share of the bound a plan reached, 0..1 (1 when there was nothing to gain)."""
    return min(1.0, max(0.0, value / bound)) if bound > 0 else 1.0


def fairness(
    meetings: Meetings,
    values: Mapping[Pair, float],
    people: Iterable[int],
    partners_per_person: int,
) -> tuple[float, float]:
    """Give the lowest and the 10th-percentile share people got of their own best partners.

    Only people with someone worth meeting count; with nobody, both are 1. The percentile is the
    nearest rank: the smallest share at least a tenth of them are at or below.
    """
    present = set(people)
    bounds = _own_bounds(values, present, partners_per_person)
    got: dict[int, float] = defaultdict(float)
    for meeting in _distinct(meetings):
        for person in meeting:
            got[person] += values.get(meeting, 0.0)
    shares = sorted(min(1.0, got[p] / bound) for p, bound in bounds.items() if bound > 0)
    if not shares:
        return 1.0, 1.0
    return shares[0], shares[math.ceil(len(shares) / 10) - 1]


def needs_answered(
    meetings: Meetings, profiles: Sequence[Profile], floor: float
) -> tuple[int, int]:
    """Count people whose needs met an offer above the floor at some meeting, of those with needs.

    Everyone who wrote a need counts in the total, read or not: an unread need is not answered.
    """
    size = dimension(phrase for p in profiles for phrase in (*p.needs, *p.offers))
    offers = {profile.person: unit_rows(profile.offers, size)[0] for profile in profiles}
    partners = _partners(meetings)
    askers = [profile for profile in profiles if profile.needs]
    answered = 0
    for asker in askers:
        needs = unit_rows(asker.needs, size)[0]
        met = (offers[other] for other in partners.get(asker.person, ()) if other in offers)
        answered += any(best_cosine(needs, offered) > floor for offered in met)
    return answered, len(askers)


def wishes_kept(meetings: Meetings, wishes: Mapping[int, Iterable[int]]) -> tuple[int, int]:
    """Count the wishes the meetings kept, of those made (a mutual wish is two wishes)."""
    partners = _partners(meetings)
    made = [
        (person, other) for person, others in wishes.items() for other in others if other != person
    ]
    kept = sum(other in partners.get(person, ()) for person, other in made)
    return kept, len(made)


def _distinct(meetings: Meetings) -> frozenset[Pair]:
    """Keep each pair once and only real pairs (two different people)."""
    return frozenset(meeting for meeting in meetings if len(meeting) == 2)


def _partners(meetings: Meetings) -> dict[int, set[int]]:
    """List whom each person met."""
    partners: dict[int, set[int]] = defaultdict(set)
    for meeting in _distinct(meetings):
        a, b = meeting
        partners[a].add(b)
        partners[b].add(a)
    return partners


def _own_bounds(
    values: Mapping[Pair, float], people: set[int], partners_per_person: int
) -> dict[int, float]:
    """Give each person present the sum of their best `partners_per_person` partner values."""
    worth: dict[int, list[float]] = {person: [] for person in people}
    for meeting, value in values.items():
        if value > 0 and len(meeting) == 2 and meeting <= people:
            for person in meeting:
                worth[person].append(value)
    keep = max(0, partners_per_person)
    return {
        person: math.fsum(sorted(found, reverse=True)[:keep]) for person, found in worth.items()
    }
