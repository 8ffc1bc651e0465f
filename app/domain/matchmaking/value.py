"""What a meeting between two members is worth: needs met by offers, each way, and wishes.

A pair's value is `answer(a.needs, b.offers) + answer(b.needs, a.offers)` (each 0..1, so text
alone gives at most 2) plus a wish bonus: `WISHED` when one of them asked to meet the other,
`MUTUAL` when both did. `WISHED` is 1.0, what one direction fully answered is worth, so a wish
weighs about as much as a strong match; `MUTUAL` is 2.5, above the 2.0 no text match can pass,
so two people who both asked are the first meetings kept. "Must meet" is not a value (the
planner schedules `Rules.must` first) and "rather not" is a rule (`Rules.never`); pairs given in
`never` are left out here so they do not swell the bounds the metrics compare a plan with.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from app.domain.matchmaking.profile import Phrase, Profile
from app.domain.matchmaking.vectors import best_cosine, dimension, rescale, unit_rows
from app.domain.model import Pair

WISHED = 1.0  # one member asked to meet the other: about one need fully answered
MUTUAL = 2.5  # both asked: more than any text match (at most 2.0) can be worth
CHUNK_ROWS = 1024  # need rows multiplied at once: 1024 x 6000 offers stays near 25 MB


def answer(needs: Sequence[Phrase], offers: Sequence[Phrase], floor: float) -> float:
    """Tell how well one side's needs are met by the other's offers, from 0 to 1.

    It is the best need-offer phrase pair's cosine, rescaled so the `floor` gives 0 and the same
    meaning 1. Best pair rather than mean: one need really answered is what makes a meeting
    worth having, and a mean would punish members for saying more, each unrelated offer or
    need diluting the one that matches. Phrases not read yet count for nothing.
    """
    size = dimension([*needs, *offers])
    need_rows, _ = unit_rows(needs, size)
    offer_rows, _ = unit_rows(offers, size)
    return float(rescale(best_cosine(need_rows, offer_rows), floor))


def pair_values(
    profiles: Sequence[Profile],
    *,
    floor: float,
    never: frozenset[Pair] = frozenset(),
    wished_weight: float = WISHED,
    mutual_weight: float = MUTUAL,
) -> dict[Pair, float]:
    """Value every pair of members at once, listing only those worth more than 0.

    The result is meant for `Rules.values`, which takes a missing pair as 0: with nothing read
    and no wishes it is empty and plans are the plain ones. All needs are multiplied by all
    offers in a few matrix products, then reduced to each pair of people's best phrase pair.
    """
    ids = [profile.person for profile in profiles]
    index = {person: i for i, person in enumerate(ids)}
    if len(index) != len(ids):
        raise ValueError("each person may have only one profile")
    worth = _answers(profiles, floor).astype(np.float64)
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


def _answers(profiles: Sequence[Profile], floor: float) -> np.ndarray:
    """Give the n x n matrix whose [i, j] is answer(profiles[i].needs, profiles[j].offers)."""
    count = len(profiles)
    best = np.full((count, count), -np.inf, np.float32)
    size = dimension(phrase for p in profiles for phrase in (*p.needs, *p.offers))
    needs, need_owner = _stack([p.needs for p in profiles], size)
    offers, offer_owner = _stack([p.offers for p in profiles], size)
    if len(needs) and len(offers):
        offer_starts, offer_people = _groups(offer_owner)
        need_starts, need_people = _groups(need_owner)
        ends = np.append(need_starts[1:], len(needs))
        for lo, hi in _chunks(need_starts, ends):
            first, last = need_starts[lo], ends[hi - 1]
            block = np.maximum.reduceat(needs[first:last] @ offers.T, offer_starts, axis=1)
            block = np.maximum.reduceat(block, need_starts[lo:hi] - first, axis=0)
            best[np.ix_(need_people[lo:hi], offer_people)] = block
    return rescale(best, floor)


def _stack(groups: Sequence[Sequence[Phrase]], size: int | None) -> tuple[np.ndarray, np.ndarray]:
    """Stack everyone's read phrases as unit rows, with the profile index owning each row."""
    flat = [phrase for group in groups for phrase in group]
    owner = np.repeat(np.arange(len(groups)), [len(group) for group in groups])
    rows, kept = unit_rows(flat, size)
    return rows, owner[kept]


def _groups(owner: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Find where each owner's run of rows starts (owners are sorted), and whose run it is."""
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    return starts, owner[starts]


def _chunks(starts: np.ndarray, ends: np.ndarray) -> Iterator[tuple[int, int]]:
    """Cut the runs into consecutive slices of about CHUNK_ROWS rows, never splitting a run."""
    lo = 0
    for run in range(1, len(starts)):
        if ends[run] - starts[lo] > CHUNK_ROWS:
            yield lo, run
            lo = run
    yield lo, len(starts)


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
