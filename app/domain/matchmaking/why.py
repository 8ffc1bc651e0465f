"""Why two members were seated together, as one phone can say it: the best need-offer pair."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.matchmaking.room import Room


@dataclass(frozen=True)
class Reason:
    """The phrase pair that best explains a meeting, seen from one member.

    `mine` is True when it is my need met by their offer, False when my offer meets their need.
    It holds phrases only: whom anyone wished to meet is never part of a reason.
    """

    need: str
    offer: str
    mine: bool


def reason(room: Room, me: int, other: int) -> Reason | None:
    """Find the need-offer pair that answers best between two members, either way.

    The direction that answers better wins (mine on a tie); None when neither answers at all,
    the same test that makes the pair worth something (`Room.answers`).
    """
    mine, my_need, their_offer = room.best(me, other)
    theirs, their_need, my_offer = room.best(other, me)
    if max(mine, theirs) <= 0.0:
        return None
    if mine >= theirs:
        return Reason(my_need, their_offer, mine=True)
    return Reason(their_need, my_offer, mine=False)
