"""Split chosen meetings, at most R per person, into R rounds where nobody sits twice.

An edge colouring with R colours: each meeting, in the order given (the most valuable first),
takes the first round where both people are free; failing that, a Kempe chain swap (as in
Vizing's proof) frees one: with round c free for i and d free for j, the alternating c/d path
from j has its two rounds swapped, which frees c for j unless the path ends at i. A meeting no
swap can seat is left out (rare: a few in a thousand); the rounds are filled up afterwards.
"""

from __future__ import annotations

Meetings = list[tuple[int, int]]


def split(meetings: Meetings, people: int, rounds: int) -> list[Meetings]:
    """Give `rounds` matchings holding as many of `meetings` as the colouring can seat."""
    at: list[dict[int, int]] = [{} for _ in range(people)]  # person -> round -> partner
    for i, j in meetings:
        c = _common_free(at, i, j, rounds)
        if c is None:
            c = _swap_for(at, i, j, rounds)
        if c is None:
            c = _swap_twice(at, i, j, rounds)
        if c is not None:
            at[i][c] = j
            at[j][c] = i
    split_rounds: list[Meetings] = [[] for _ in range(rounds)]
    for i, held in enumerate(at):
        for c, j in held.items():
            if i < j:
                split_rounds[c].append((i, j))
    return split_rounds


def _common_free(at: list[dict[int, int]], i: int, j: int, rounds: int) -> int | None:
    """Give the first round where both are free, or None."""
    a, b = at[i], at[j]
    return next((c for c in range(rounds) if c not in a and c not in b), None)


def _swap_for(at: list[dict[int, int]], i: int, j: int, rounds: int) -> int | None:
    """Free a round for both by swapping a Kempe chain from j; give it, or None.

    Chains that leave the first round alone are tried first: it holds the most valuable
    meetings, which should stay there.
    """
    free_i = [c for c in range(rounds) if c not in at[i]]
    free_j = [d for d in range(rounds) if d not in at[j]]
    for c, d in sorted(((c, d) for c in free_i for d in free_j), key=lambda cd: 0 in cd):
        path = _chain(at, j, c, d)
        if i not in path:
            _flip(at, path, c, d)
            return c
    return None


def _swap_twice(at: list[dict[int, int]], i: int, j: int, rounds: int) -> int | None:
    """Free a round for both with two chains from j when one cannot; give it, or None.

    With c free for i and d for j, the e/d chain from j (missing i) frees e for j, then the
    c/e chain from j frees c, unless it ends at i. Each swap keeps the rounds valid, so one
    that leads nowhere only leaves another colouring. The first round, holding the most
    valuable meetings, is left alone: this is for the few least valuable, seated last.
    """
    free_i = [c for c in range(1, rounds) if c not in at[i]]
    for d in (d for d in range(1, rounds) if d not in at[j]):
        for e in (e for e in range(1, rounds) if e in at[j] and e not in free_i):
            first = _chain(at, j, e, d)
            if i in first:
                continue
            _flip(at, first, e, d)
            for c in free_i:
                second = _chain(at, j, c, e)
                if i not in second:
                    _flip(at, second, c, e)
                    return c
            return None
    return None


def _chain(at: list[dict[int, int]], start: int, c: int, d: int) -> list[int]:
    """Follow the path from `start` along rounds c, d, c, ... as far as it goes."""
    path = [start]
    here, colour = start, c
    while colour in at[here]:
        here = at[here][colour]
        path.append(here)
        colour = d if colour == c else c
    return path


def _flip(at: list[dict[int, int]], path: list[int], c: int, d: int) -> None:
    """Swap rounds c and d along a path."""
    edges = [(path[k], path[k + 1]) for k in range(len(path) - 1)]
    olds = [c if k % 2 == 0 else d for k in range(len(edges))]
    for (u, v), old in zip(edges, olds, strict=True):
        del at[u][old]
        del at[v][old]
    for (u, v), old in zip(edges, olds, strict=True):
        new = d if old == c else c
        at[u][new] = v
        at[v][new] = u
