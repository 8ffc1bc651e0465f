"""A value plan of the demo members, read lexically, seats first who each other need most."""

from __future__ import annotations

import random

from app.adapters.embeddings import LexicalEmbedder
from app.domain.matchmaking import Phrase, Profile, pair_values, phrases
from app.domain.model import Pair, Person, Rules
from app.domain.scheduler import make_plan
from app.services.demo_profiles import PROFILES

ROUNDS = 5


def demo_event(seed: int) -> tuple[list[Person], dict[Pair, float]]:
    """Give the fifty demo members (ids shuffled, one company each) and their lexical values."""
    reader = LexicalEmbedder()
    cut = [(phrases(offers), phrases(needs)) for offers, needs in PROFILES]
    texts = sorted({text for sides in cut for side in sides for text in side})
    vectors = dict(zip(texts, reader.embed(texts), strict=True))
    ids = list(range(1, len(cut) + 1))
    random.Random(seed).shuffle(ids)  # the list's order must not tell who goes with whom

    def read(side: tuple[str, ...]) -> tuple[Phrase, ...]:
        return tuple(Phrase(text, vectors[text]) for text in side)

    profiles = [Profile(ids[i], read(offers), read(needs)) for i, (offers, needs) in enumerate(cut)]
    people = [Person(i, company=f"Co{i}") for i in sorted(ids)]
    return people, pair_values(profiles, floor=reader.floor)


def mutual_best(values: dict[Pair, float]) -> set[Pair]:
    """Find the pairs each of whose members is worth more to the other than anyone else."""
    best: dict[int, tuple[float, Pair]] = {}
    for key, worth in values.items():
        for person in key:
            if worth > best.get(person, (0.0, key))[0]:
                best[person] = (worth, key)
    return {key for key in values if all(best[person][1] == key for person in key)}


def test_a_five_round_value_plan_meets_every_mutual_best_pair_mostly_in_round_one() -> None:
    for seed in (1, 2, 3):
        people, values = demo_event(seed)
        wanted = mutual_best(values)
        assert len(wanted) >= 5  # shared words between offers and needs: a few strong pairs
        plan = make_plan(people, 2, Rules(values=values), rounds=ROUNDS, seed=seed)
        met = set(plan.meetings())
        first = {frozenset(table.seats) for table in plan.rounds[0].tables}
        assert wanted <= met, seed
        assert len(wanted & first) > len(wanted) / 2, seed
