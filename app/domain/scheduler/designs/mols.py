"""Mutually orthogonal Latin squares and the resolvable transversal designs they give.

k-1 MOLS of order g give a resolvable TD(k, g) (Colbourn & Dinitz, Handbook of Combinatorial
Designs, III.3): k groups of g people, g rounds of g tables of k, no pair meeting twice.
"""

from __future__ import annotations

from functools import cache
from itertools import product

from app.domain.scheduler.designs.galois import field, prime_power
from app.domain.scheduler.designs.mols10 import MOLS_10

Square = tuple[tuple[int, ...], ...]
Rounds = list[list[tuple[int, ...]]]


@cache
def mols(order: int) -> tuple[Square, ...]:
    """Build as many MOLS of `order` as GF(q) (q-1), MacNeish's product or the stored pair give."""
    if order < 2:
        return ()
    if order == 10:
        return MOLS_10
    if prime_power(order):
        f = field(order)
        return tuple(
            tuple(tuple(f.add[a][f.mul[r][b]] for b in range(order)) for a in range(order))
            for r in range(1, order)
        )
    q = _prime_power_factor(order)
    left, right = mols(q), mols(order // q)
    return tuple(_product(s, t) for s, t in zip(left, right, strict=False))


def _prime_power_factor(order: int) -> int:
    """Return the prime power dividing order fully for its smallest prime."""
    p = next(d for d in range(2, order + 1) if order % d == 0)
    q = p
    while order % (q * p) == 0:
        q *= p
    return q


def _product(s: Square, t: Square) -> Square:
    """Combine two Latin squares into one of order |s|*|t| (MacNeish 1922)."""
    n = len(t)
    cells = list(product(range(len(s)), range(n)))
    return tuple(tuple(s[a1][b1] * n + t[a2][b2] for b1, b2 in cells) for a1, a2 in cells)


def resolvable_td(k: int, g: int) -> Rounds | None:
    """Give g rounds of g tables of k (person i*g + y is y in group i), or None without MOLS."""
    squares = mols(g)
    if k < 2 or len(squares) < k - 1:
        return None
    cols = [None, *squares[: k - 1]]
    return [
        [
            tuple(i * g + (b if sq is None else sq[a][b]) for i, sq in enumerate(cols))
            for b in range(g)
        ]
        for a in range(g)
    ]
