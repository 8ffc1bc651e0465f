"""Nets: g^2 people on a g x g grid meet by rows, columns and the symbols of each Latin square.

With the g - 1 MOLS of a prime power g this is the affine plane AG(2, g): g + 1 rounds in which
everyone meets everyone once (Colbourn & Dinitz, Handbook of Combinatorial Designs, III.3.3).
For other orders it gives as many rounds as MOLS are known, plus two.
"""

from __future__ import annotations

from app.domain.scheduler.designs.mols import Rounds, mols


def net(order: int) -> Rounds:
    """Give rows, columns and symbol classes of the grid (person a*order + b sits in cell a, b)."""
    g = order
    rows = [tuple(a * g + b for b in range(g)) for a in range(g)]
    cols = [tuple(a * g + b for a in range(g)) for b in range(g)]
    symbols = [
        [
            tuple(a * g + b for a in range(g) for b in range(g) if square[a][b] == s)
            for s in range(g)
        ]
        for square in mols(g)
    ]
    return [rows, cols, *symbols]
