"""Search an orthogonal mate of a Latin square of order n with CP-SAT, for `designs/mols10.py`.

Offline tool, not part of the app: it needs OR-Tools (`pip install ortools`). Squares made by
switching intercalates of the cyclic square (a group table of even order has no transversal, so
no mate) are tried in turn; for each, the mate's cells holding one symbol of the square must all
differ. Two orthogonal squares of order 10 give the 4 rounds of 10 tables of 10.

    python tools/design_search/find_mate.py [--order N] [--seed N] [--seconds S]
"""

from __future__ import annotations

import argparse
import random

from ortools.sat.python import cp_model

Square = list[list[int]]


def scrambled(n: int, rng: random.Random, turns: int = 2000) -> Square:
    """Switch `turns` random intercalates (2 x 2 subsquares ab/ba) of the cyclic square."""
    sq = [[(r + c) % n for c in range(n)] for r in range(n)]
    done = 0
    while done < turns:
        r1, r2 = rng.sample(range(n), 2)
        c1, c2 = rng.sample(range(n), 2)
        if sq[r1][c1] == sq[r2][c2] and sq[r1][c2] == sq[r2][c1]:
            sq[r1][c1], sq[r1][c2] = sq[r1][c2], sq[r1][c1]
            sq[r2][c1], sq[r2][c2] = sq[r2][c2], sq[r2][c1]
            done += 1
    return sq


def mate(sq: Square, seconds: float) -> Square | None:
    """Find a Latin square orthogonal to `sq` (first row 0..n-1), or None within the time."""
    n = len(sq)
    mdl = cp_model.CpModel()
    x = [[mdl.NewIntVar(0, n - 1, "") for _ in range(n)] for _ in range(n)]
    for r in range(n):
        mdl.AddAllDifferent(x[r])
        mdl.Add(x[0][r] == r)
    for c in range(n):
        mdl.AddAllDifferent([x[r][c] for r in range(n)])
    for s in range(n):
        mdl.AddAllDifferent([x[r][c] for r in range(n) for c in range(n) if sq[r][c] == s])
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = 2
    if solver.Solve(mdl) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return [[solver.Value(v) for v in row] for row in x]


def main() -> None:
    """Try scrambled squares until one has a mate; print both and check them."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--order", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for attempt in range(20):
        sq = scrambled(args.order, rng)
        other = mate(sq, args.seconds)
        print("attempt", attempt, "mate" if other else "none")
        if other is None:
            continue
        n = args.order
        assert len({(sq[r][c], other[r][c]) for r in range(n) for c in range(n)}) == n * n
        for square in (sq, other):
            print("\n".join("".join(map(str, row)) for row in square), end="\n\n")
        return


if __name__ == "__main__":
    main()
