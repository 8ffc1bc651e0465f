"""Members for matchmaking tests: hand-made unit vectors and drawn profiles."""

from __future__ import annotations

import math

from hypothesis import strategies as st

from app.domain.matchmaking.profile import Phrase, Profile
from app.domain.matchmaking.room import Room

SIZE = 4  # hand-made vectors live in 4 dimensions: one axis per trade, mixtures between
FLOOR = 0.3


def unit(*coordinates: float) -> tuple[float, ...]:
    """Scale a vector to length 1, padded with zeros to SIZE."""
    padded = (*coordinates, *([0.0] * (SIZE - len(coordinates))))
    norm = math.sqrt(sum(c * c for c in padded))
    return tuple(c / norm for c in padded)


TRANSPORT = unit(1, 0, 0, 0)
ACCOUNTING = unit(0, 1, 0, 0)
PRINTING = unit(0, 0, 1, 0)
CATERING = unit(0, 0, 0, 1)


def answer(needer: Profile, offerer: Profile, *others: Profile, floor: float = FLOOR) -> float:
    """Give how well offerer's offers answer needer's needs in a room of these members."""
    return Room.read([needer, offerer, *others], floor).best(needer.person, offerer.person)[0]


def said(*texts_and_vectors: tuple[str, tuple[float, ...] | None]) -> tuple[Phrase, ...]:
    """Make the phrases of one side of a profile from (text, vector) pairs."""
    return tuple(Phrase(text, vector) for text, vector in texts_and_vectors)


coordinate = st.sampled_from([-1.0, 0.0, 0.5, 1.0, 2.0])
vectors = st.one_of(st.none(), st.tuples(*[coordinate] * SIZE).filter(any).map(lambda v: unit(*v)))
phrase_lists = st.lists(
    st.builds(Phrase, st.text("abcdefgh ", min_size=3, max_size=8), vectors), max_size=4
).map(tuple)


@st.composite
def crowds(draw: st.DrawFn, max_people: int = 8) -> list[Profile]:
    """Draw a few members with some offers, needs (read or not) and wishes among them."""
    ids = draw(st.lists(st.integers(1, 99), min_size=2, max_size=max_people, unique=True))
    wishes = st.frozensets(st.sampled_from(ids), max_size=3)
    return [Profile(person, draw(phrase_lists), draw(phrase_lists), draw(wishes)) for person in ids]
