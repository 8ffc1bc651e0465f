"""A phone says why two members meet: the need and offer that answer best, never any wish."""

from __future__ import annotations

import dataclasses
import math

from hypothesis import given
from hypothesis import strategies as st

from app.domain.matchmaking.profile import Profile
from app.domain.matchmaking.room import Room
from app.domain.matchmaking.why import Reason, reason
from tests.unit.matchmaking_cases import (
    ACCOUNTING,
    CATERING,
    FLOOR,
    PRINTING,
    TRANSPORT,
    answer,
    crowds,
    said,
    unit,
)


def why(me: Profile, other: Profile, floor: float = FLOOR) -> Reason | None:
    """Give the reason seen from me, the two of us alone in the room."""
    return reason(Room.read([me, other], floor), me.person, other.person)


SHOP = Profile(
    1,
    offers=said(("impression grand format", PRINTING)),
    needs=said(("un traiteur", CATERING), ("un transporteur régional", TRANSPORT)),
    wishes=frozenset({2}),
)
CARRIER = Profile(
    2,
    offers=said(
        ("expertise comptable", ACCOUNTING), ("transport routier et affrètement", TRANSPORT)
    ),
    needs=said(("des flyers", unit(1, 0, 3, 0))),
)


def test_my_need_met_by_their_offer_is_mine() -> None:
    assert why(SHOP, CARRIER) == Reason(
        "un transporteur régional", "transport routier et affrètement", mine=True
    )


def test_my_offer_meeting_their_need_is_not_mine() -> None:
    assert why(CARRIER, SHOP) == Reason(
        "un transporteur régional", "transport routier et affrètement", mine=False
    )


def test_the_direction_with_the_better_match_wins() -> None:
    printer = dataclasses.replace(SHOP, needs=said(("logistique", unit(1, 0, 0, math.sqrt(3)))))
    assert answer(printer, CARRIER) > 0  # mine passes the floor, theirs wins
    assert why(printer, CARRIER) == Reason("des flyers", "impression grand format", mine=False)


def test_nothing_that_answers_gives_no_reason() -> None:
    caterer = Profile(3, offers=said(("traiteur", CATERING)))
    near = Profile(4, needs=said(("logistique", unit(1, 0, 0, math.sqrt(3)))))  # cosine 0.5
    assert why(caterer, CARRIER) is None
    assert why(near, CARRIER, 0.5) is None
    assert why(near, CARRIER, 0.4) == Reason(
        "logistique", "transport routier et affrètement", mine=True
    )


def test_unread_or_empty_profiles_give_no_reason() -> None:
    unread = Profile(5, needs=said(("un transporteur", None)))
    assert why(unread, CARRIER) is None
    assert why(Profile(6), Profile(7)) is None


@given(crowds(max_people=2), st.sampled_from([0.0, 0.3, 0.6]))
def test_a_reason_is_a_real_need_and_offer_and_never_depends_on_wishes(
    profiles: list[Profile], floor: float
) -> None:
    me, other = profiles
    found = why(me, other, floor)
    unwished = [dataclasses.replace(p, wishes=frozenset()) for p in profiles]
    assert found == why(*unwished, floor)
    if found is None:
        assert answer(me, other, floor=floor) == answer(other, me, floor=floor) == 0
    else:
        asker, giver = (me, other) if found.mine else (other, me)
        assert found.need in {p.text for p in asker.needs if p.vector is not None}
        assert found.offer in {p.text for p in giver.offers if p.vector is not None}
        assert answer(asker, giver, floor=floor) > 0
