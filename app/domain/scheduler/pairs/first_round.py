"""Make round 1 of a limited plan the heaviest round its own meetings can form, keeping them all.

Kempe swaps between two rounds stop where no single alternating path or cycle is worth more in
the other round, yet a heavier perfect matching of the plan's meetings often exists. Up to
`EXACT_UP_TO` people it is the heaviest of the largest matchings (networkx's blossom algorithm:
nobody who could meet sits out, then the most value); beyond, where that is slow in pure Python
(0.7 s at 500 people × 12 rounds), it is grown greedily by value, completed along the plan's
meetings to a maximum matching (`blossom.augment`), then improved by letting two of its pairs
swap partners where both new pairs are meetings of the plan and worth more. On the labelled set
(60 people, 5 rounds) round 1 then holds 24–25 of the 40 labelled needs met, against 19–22 with
the greedy matching (bench/README.md, "Matchmaking"). The other meetings are coloured into the
other rounds (`colour.split`, the order shaken a few times if a meeting cannot be seated). The
new rounds are kept only when every meeting is still held and round 1 is worth more than any
round before: who meets whom never changes, only when, so an evening cut short loses less.
"""

from __future__ import annotations

import random

import networkx as nx

from app.domain.scheduler.pairs.blossom import augment
from app.domain.scheduler.pairs.colour import split
from app.domain.scheduler.pairs.worth import Worth

Meetings = list[tuple[int, int]]
SPLIT_TRIES = 8  # colourings of the other meetings tried, each in a shaken order
EXACT_UP_TO = 250  # people whose round 1 is an exact matching: 0.1 s at 200 × 12 rounds


def heaviest_first(planned: list[Meetings], worth: Worth, rng: random.Random) -> list[Meetings]:
    """Give the plan with a heavier round 1 made of its own meetings, or the plan as it is."""
    meetings = sorted(
        {(min(m), max(m)) for held in planned for m in held}, key=lambda m: -worth.ranked(*m)
    )
    first = (exact_matching if worth.n <= EXACT_UP_TO else heavy_matching)(meetings, worth)
    if worth.held(first) <= max(map(worth.held, planned)) + 1e-9:
        return planned
    taken = set(first)
    rest = [m for m in meetings if m not in taken]
    for _ in range(SPLIT_TRIES):
        others = split(rest, worth.n, len(planned) - 1)
        if sum(map(len, others)) == len(rest):
            return [first, *others]
        rng.shuffle(rest)
    return planned


def exact_matching(meetings: Meetings, worth: Worth) -> Meetings:
    """Match people along these meetings: as many pairs as can be, the most value among those."""
    graph = nx.Graph()
    graph.add_weighted_edges_from((i, j, worth.ranked(i, j)) for i, j in meetings)
    return sorted((min(m), max(m)) for m in nx.max_weight_matching(graph, maxcardinality=True))


def heavy_matching(meetings: Meetings, worth: Worth) -> Meetings:
    """Match people along these meetings: greedy by value, completed, then two-swapped heavier."""
    n = worth.n
    mate = [-1] * n
    mates: list[list[int]] = [[] for _ in range(n)]
    for i, j in meetings:
        mates[i].append(j)
        mates[j].append(i)
        if mate[i] < 0 and mate[j] < 0:
            mate[i], mate[j] = j, i
    for v in range(n):
        if mate[v] < 0 and mates[v]:
            augment(v, mate, mates.__getitem__)
    held = set(meetings)
    improved = True
    while improved:
        improved = False
        for a in range(n):
            if mate[a] >= 0 and _swap_partners(a, mate, mates, held, worth):
                improved = True
    return [(v, mate[v]) for v in range(n) if v < mate[v]]


def _swap_partners(
    a: int, mate: list[int], mates: list[list[int]], held: set, worth: Worth
) -> bool:
    """Swap a's pair and another's partners if both new pairs are meetings worth more; tell."""
    b = mate[a]
    for c in mates[a]:
        d = mate[c]
        if d < 0 or c == b or d in (a, b):
            continue
        if (min(b, d), max(b, d)) in held and (
            worth.ranked(a, c) + worth.ranked(b, d) > worth.ranked(a, b) + worth.ranked(c, d) + 1e-9
        ):
            mate[a], mate[c], mate[b], mate[d] = c, a, d, b
            return True
    return False
