"""How well a need and an offer answer each other, judged against everything else said in the room.

A plain cosine flatters vague phrases: "Des contacts" or "Networking" sit fairly close to
everything, so they crowd out the need that one offer in the room really answers. Each phrase
is therefore scored against its neighbourhood (cross-domain similarity local scaling, CSLS):
a need's crowding is the mean similarity of the `NEIGHBOURS` other members whose offers come
nearest it, each counted at least the model's floor (an offer's crowding likewise, over
members' needs), and

    answer = (2·cosine − crowding(need) − crowding(offer)) / (2·(1 − floor)), clipped to 0..1.

A need and an offer score only when they are closer to each other than each is to its usual
neighbours. Where nothing else in the room comes near, each one's nearest are the other and the
floor, and the answer is the plain `(cosine − floor) / (1 − floor)` times 1 − 1/`NEIGHBOURS`:
the same meaning is worth 0.9, the floor 0. Measured on the labelled set: bench/README.md
("Text models" and "Matchmaking").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from app.domain.matchmaking.profile import Phrase, Profile
from app.domain.matchmaking.vectors import dimension, unit_rows

NEIGHBOURS = 10  # nearest members of the other side that make a phrase's crowding
CHUNK_ROWS = 1024  # need rows multiplied at once: 1024 x 6000 offers stays near 25 MB


@dataclass(frozen=True)
class Side:
    """Everyone's needs, or everyone's offers: unit rows grouped by member, each with its text."""

    rows: np.ndarray
    owner: np.ndarray  # the profile index each row belongs to, ascending
    texts: tuple[str, ...]
    crowding: np.ndarray

    def of(self, index: int) -> slice:
        """Give the rows of one profile."""
        lo, hi = np.searchsorted(self.owner, [index, index + 1])
        return slice(int(lo), int(hi))


@dataclass(frozen=True)
class Room:
    """Every member's phrases read once, with how crowded each phrase's neighbourhood is."""

    people: tuple[int, ...]
    spots: dict[int, int]  # each person's profile index
    needs: Side
    offers: Side
    floor: float

    @classmethod
    def read(cls, profiles: Sequence[Profile], floor: float) -> Room:
        """Stack everyone's needs and offers and measure each phrase's crowding."""
        if not -1.0 <= floor < 1.0:
            raise ValueError(f"floor must be in [-1, 1), not {floor}")
        people = tuple(profile.person for profile in profiles)
        if len(set(people)) != len(people):
            raise ValueError("each person may have only one profile")
        size = dimension(phrase for p in profiles for phrase in (*p.needs, *p.offers))
        need_rows, need_owner, need_texts = _stack([p.needs for p in profiles], size)
        offer_rows, offer_owner, offer_texts = _stack([p.offers for p in profiles], size)
        need_crowd, offer_crowd = _crowding(need_rows, need_owner, offer_rows, offer_owner, floor)
        return cls(
            people,
            {person: i for i, person in enumerate(people)},
            Side(need_rows, need_owner, need_texts, need_crowd),
            Side(offer_rows, offer_owner, offer_texts, offer_crowd),
            floor,
        )

    def answers(self) -> np.ndarray:
        """Give the n x n matrix whose [i, j] is how well profile j's offers answer i's needs."""
        count = len(self.people)
        best = np.full((count, count), -np.inf, np.float32)
        needs, offers = self.needs, self.offers
        if len(needs.rows) and len(offers.rows):
            offer_starts, offer_people = _groups(offers.owner)
            for lo, hi in _chunks(len(needs.rows)):
                lo, hi = _whole_runs(needs.owner, lo, hi)
                block = self._scores(slice(lo, hi), slice(None))
                block = np.maximum.reduceat(block, offer_starts, axis=1)
                starts, people = _groups(needs.owner[lo:hi])
                best[np.ix_(people, offer_people)] = np.maximum.reduceat(block, starts, axis=0)
        np.fill_diagonal(best, -np.inf)  # one's own needs and offers never count
        return np.clip(best, 0.0, 1.0)

    def best(self, needer: int, offerer: int) -> tuple[float, str, str]:
        """Give how well one person's offers answer another's needs, and the phrases that do.

        0 and no phrases when either is not in the room, has nothing read, or is the other.
        """
        if needer == offerer or needer not in self.spots or offerer not in self.spots:
            return 0.0, "", ""
        need_at = self.needs.of(self.spots[needer])
        offer_at = self.offers.of(self.spots[offerer])
        scores = self._scores(need_at, offer_at)
        if not scores.size:
            return 0.0, "", ""
        row, col = np.unravel_index(int(scores.argmax()), scores.shape)
        need, offer = self.needs.texts[need_at][row], self.offers.texts[offer_at][col]
        return float(np.clip(scores[row, col], 0.0, 1.0)), need, offer

    def _scores(self, need_at: slice, offer_at: slice) -> np.ndarray:
        """Score these need rows against these offer rows (the module's formula, unclipped)."""
        scores = self.needs.rows[need_at] @ self.offers.rows[offer_at].T  # in place from here
        scores *= 2.0
        scores -= self.needs.crowding[need_at, None]
        scores -= self.offers.crowding[None, offer_at]
        scores /= 2.0 * (1.0 - self.floor)
        return scores


def _stack(
    groups: Sequence[Sequence[Phrase]], size: int | None
) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """Stack everyone's read phrases as unit rows, with the profile index and text of each row."""
    flat = [phrase for group in groups for phrase in group]
    owner = np.repeat(np.arange(len(groups)), [len(group) for group in groups])
    rows, kept = unit_rows(flat, size)
    return rows, owner[kept], tuple(flat[i].text for i in kept)


def _crowding(
    needs: np.ndarray,
    need_owner: np.ndarray,
    offers: np.ndarray,
    offer_owner: np.ndarray,
    floor: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Give each need's and each offer's mean similarity to its nearest other members.

    A member's similarity to a phrase is that of their closest phrase on the other side, so one
    member who says the same thing ten ways is one neighbour, not ten. Each of the `NEIGHBOURS`
    nearest counts at least `floor`, and missing ones count the floor: a room with few members
    is judged as if padded with unrelated ones.
    """
    need_crowd = np.full(len(needs), floor, np.float32)
    offer_near = np.full((NEIGHBOURS, len(offers)), floor, np.float32)
    if not len(needs) or not len(offers):
        return need_crowd, offer_near.mean(axis=0)
    offer_starts, offer_people = _groups(offer_owner)
    offer_ends = np.append(offer_starts[1:], len(offers))
    for lo, hi in _chunks(len(needs)):
        lo, hi = _whole_runs(need_owner, lo, hi)
        block = needs[lo:hi] @ offers.T
        need_starts, need_people = _groups(need_owner[lo:hi])
        need_ends = np.append(need_starts[1:], hi - lo)
        for person, first, last in zip(need_people, need_starts, need_ends, strict=True):
            mine = np.searchsorted(offer_people, person)
            if mine < len(offer_people) and offer_people[mine] == person:
                block[first:last, offer_starts[mine] : offer_ends[mine]] = floor  # one's own
        by_offerer = np.maximum.reduceat(block, offer_starts, axis=1)
        need_crowd[lo:hi] = _mean_nearest(by_offerer, floor)
        by_needer = np.maximum.reduceat(block, need_starts, axis=0)
        offer_near = _nearest(np.concatenate([offer_near, _nearest(by_needer, axis=0)]), axis=0)
    return need_crowd, np.maximum(offer_near, floor).mean(axis=0)


def _mean_nearest(block: np.ndarray, floor: float) -> np.ndarray:
    """Give each row's mean of its `NEIGHBOURS` highest scores, each counted at least `floor`."""
    if block.shape[1] > NEIGHBOURS:
        block = _nearest(block, axis=1)
    padding = NEIGHBOURS - block.shape[1]
    return (np.maximum(block, floor).sum(axis=1) + padding * floor) / NEIGHBOURS


def _nearest(scores: np.ndarray, axis: int) -> np.ndarray:
    """Keep the `NEIGHBOURS` highest scores along an axis (in no order), or all if fewer."""
    cut = scores.shape[axis] - NEIGHBOURS
    if cut <= 0:
        return scores
    return np.take(np.partition(scores, cut, axis=axis), range(cut, cut + NEIGHBOURS), axis=axis)


def _groups(owner: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Find where each owner's run of rows starts (owners are sorted), and whose run it is."""
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    return starts, owner[starts]


def _chunks(rows: int) -> Iterator[tuple[int, int]]:
    """Cut a number of rows into consecutive slices of at most CHUNK_ROWS."""
    for lo in range(0, rows, CHUNK_ROWS):
        yield lo, min(rows, lo + CHUNK_ROWS)


def _whole_runs(owner: np.ndarray, lo: int, hi: int) -> tuple[int, int]:
    """Widen a slice of rows so that no profile's run is split between two slices."""
    if lo:
        lo = int(np.searchsorted(owner, owner[lo]))
    if hi < len(owner):
        hi = int(np.searchsorted(owner, owner[hi]))
    return lo, hi
