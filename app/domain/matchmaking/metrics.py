"""What a plan did for what members said: needs that met an offer, wishes kept.

The plan's value, its bound and the fairness figure need only the pairs' values, so the plan
checker measures them (`app/domain/scheduler/check/value.py`); these two need the profiles.
A meeting counts once however often a pair meets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from app.domain.matchmaking.profile import Profile
from app.domain.matchmaking.room import Room
from app.domain.model import Pair

Meetings = Iterable[Pair]


def needs_answered(meetings: Meetings, profiles: Sequence[Profile], room: Room) -> tuple[int, int]:
    """Count people whose needs some offer answered at a meeting, of those who wrote needs.

    Answered is the test that makes a pair worth something (`Room.answers`). Everyone who wrote
    a need counts in the total, read or not: an unread need is not answered.
    """
    partners = _partners(meetings)
    askers = [profile.person for profile in profiles if profile.needs]
    answered = sum(
        any(room.best(asker, other)[0] > 0.0 for other in partners.get(asker, ()))
        for asker in askers
    )
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
