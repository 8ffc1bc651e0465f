"""Crowds for scheduler tests: plain, with companies, clubs and history."""

from __future__ import annotations

import random

from hypothesis import strategies as st

from app.domain.model import Person, Rules, pair

EXAMPLE_COMPANIES = (8, 7, 6, 6, 5, 5, 4, 4, 3, 2)


def crowd(n: int) -> list[Person]:
    return [Person(i) for i in range(1, n + 1)]


def companies(sizes: tuple[int, ...], n: int, clubs: int = 0, seed: int = 0) -> list[Person]:
    """People of companies of the given sizes, then singletons up to n; clubs at random."""
    rng = random.Random(seed)
    labels = [f"Company {c}" for c, size in enumerate(sizes) for _ in range(size)]
    labels += [None] * (n - len(labels))
    return [
        Person(i, company=label, club=f"Club {rng.randrange(clubs)}" if clubs else None)
        for i, label in enumerate(labels, start=1)
    ]


@st.composite
def events(draw: st.DrawFn, max_people: int = 30) -> tuple[list[Person], Rules]:
    """Draw people (some in companies and clubs) and rules (some history)."""
    n = draw(st.integers(2, max_people))
    company = st.one_of(st.none(), st.sampled_from(["Acme", "Bolt", "Crux", "Dyna"]))
    club = st.one_of(st.none(), st.sampled_from(["Rotary", "Lions"]))
    people = [Person(i, draw(company), draw(club)) for i in range(1, n + 1)]
    if len({p.company for p in people}) == 1 and people[0].company:
        people[0] = Person(1)
    ids = [p.id for p in people]
    pairs = st.tuples(st.sampled_from(ids), st.sampled_from(ids)).filter(lambda t: t[0] != t[1])
    history = frozenset(pair(a, b) for a, b in draw(st.lists(pairs, max_size=n)))
    return people, Rules(avoid_same_club=draw(st.booleans()), history=history)
