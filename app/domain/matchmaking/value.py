"""What a meeting between two members is worth: needs met by offers, each way, and wishes.

A pair's value is how well b's offers answer a's needs plus how well a's answer b's (each 0..1,
judged against the whole room: `room.py`), so text alone gives at most 2, plus a wish bonus:
`WISHED` when one of them asked to meet the other, `MUTUAL` when both did. `WISHED` is 1.0,
what one direction fully answered is worth, so a wish weighs about as much as a strong match;
`MUTUAL` is 2.5, above the 2.0 no text match can pass, so two people who both asked are the
first meetings kept. "Must meet" is not a value (the planner schedules `Rules.must` first) and
"rather not" is a rule (`Rules.never`); pairs given in `never` are left out here so they do
not swell the bounds the metrics compare a plan with.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from app.domain.matchmaking.profile import Profile
from app.domain.matchmaking.room import Room
from app.domain.model import Pair

WISHED = 1.0  # one member asked to meet the other: about one need fully answered
MUTUAL = 2.5  # both asked: more than any text match (at most 2.0) can be worth


def pair_values(
    profiles: Sequence[Profile],
    *,
    floor: float,
    never: frozenset[Pair] = frozenset(),
    wished_weight: float = WISHED,
    mutual_weight: float = MUTUAL,
    room: Room | None = None,
) -> dict[Pair, float]:
    """Value every pair of members at once, listing only those worth more than 0.

    The result is meant for `Rules.values`, which takes a missing pair as 0: with nothing read
    and no wishes it is empty and plans are the plain ones. `room` is these profiles' room
    when it is already read (`Room.read(profiles, floor)`).
    """
    room = room or Room.read(profiles, floor)
    ids = list(room.people)
    index = {person: i for i, person in enumerate(ids)}
    worth = room.answers().astype(np.float64)
    upper = np.triu(worth + worth.T, 1)  # one's own needs and offers never count
    for (i, j), bonus in _wish_bonuses(profiles, index, wished_weight, mutual_weight).items():
        upper[i, j] += bonus
    for banned in never:
        spots = sorted(index.get(person, -1) for person in banned)
        if len(spots) == 2 and spots[0] >= 0:
            upper[spots[0], spots[1]] = 0.0
    rows, cols = np.nonzero(upper > 0)
    people = np.asarray(ids)
    pairs = map(frozenset, zip(people[rows].tolist(), people[cols].tolist(), strict=True))
    return dict(zip(pairs, upper[rows, cols].tolist(), strict=True))  # pair(a, b), in bulk


def _wish_bonuses(
    profiles: Sequence[Profile], index: dict[int, int], wished: float, mutual: float
) -> dict[tuple[int, int], float]:
    """Give each wished pair's bonus, keyed by (lower, higher) profile index."""
    asked = {
        (index[profile.person], index[other])
        for profile in profiles
        for other in profile.wishes
        if other in index and other != profile.person
    }
    return {(min(i, j), max(i, j)): mutual if (j, i) in asked else wished for i, j in asked}
