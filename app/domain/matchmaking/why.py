"""Why two members were seated together, as one phone can say it: the best need-offer pair."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.domain.matchmaking.profile import Phrase, Profile
from app.domain.matchmaking.vectors import dimension, unit_rows


@dataclass(frozen=True)
class Reason:
    """The phrase pair that best explains a meeting, seen from one member.

    `mine` is True when it is my need met by their offer, False when my offer meets their need.
    It holds phrases only: whom anyone wished to meet is never part of a reason.
    """

    need: str
    offer: str
    mine: bool


def reason(me: Profile, other: Profile, floor: float) -> Reason | None:
    """Find the best-matching need-offer pair between two members, either way, above the floor.

    The direction with the higher cosine wins (mine on a tie); None when no pair passes the
    floor or nothing is read yet.
    """
    size = dimension([*me.needs, *me.offers, *other.needs, *other.offers])
    mine, my_need, their_offer = _best(me.needs, other.offers, size)
    theirs, their_need, my_offer = _best(other.needs, me.offers, size)
    if max(mine, theirs) <= floor:
        return None
    if mine >= theirs:
        return Reason(my_need, their_offer, mine=True)
    return Reason(their_need, my_offer, mine=False)


def _best(
    needs: tuple[Phrase, ...], offers: tuple[Phrase, ...], size: int | None
) -> tuple[float, str, str]:
    """Give the highest cosine between these needs and offers and the two phrases (-inf: none)."""
    need_rows, need_at = unit_rows(needs, size)
    offer_rows, offer_at = unit_rows(offers, size)
    if not len(need_rows) or not len(offer_rows):
        return float("-inf"), "", ""
    scores = need_rows @ offer_rows.T
    row, col = np.unravel_index(int(scores.argmax()), scores.shape)
    return float(scores[row, col]), needs[need_at[row]].text, offers[offer_at[col]].text
