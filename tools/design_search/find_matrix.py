"""Search a difference matrix over Z_g with CP-SAT, for `app/domain/scheduler/designs/matrix.py`.

Offline tool, not part of the app: it needs OR-Tools (`pip install ortools`). It looks for
`size` rows of `rounds` entries in Z_g such that, for every two columns, the differences of the
rows are all distinct; `matrix.develop` turns such rows into `rounds` rounds of g tables of
`size` with no pair meeting twice. Row 0 and column 0 are fixed to 0 (shifting a whole row or
column keeps the differences distinct).

    python tools/design_search/find_matrix.py TABLES SIZE ROUNDS [--seconds S]
"""

from __future__ import annotations

import argparse
from itertools import combinations

from ortools.sat.python import cp_model


def main() -> None:
    """Build the model, solve, print the rows in the catalogue's format and check them."""
    parser = argparse.ArgumentParser(description=__doc__)
    for name in ("tables", "size", "rounds"):
        parser.add_argument(name, type=int)
    parser.add_argument("--seconds", type=float, default=600)
    args = parser.parse_args()
    g, k, w = args.tables, args.size, args.rounds
    mdl = cp_model.CpModel()
    rows = [[mdl.NewIntVar(0, g - 1, "") for _ in range(w)] for _ in range(k)]
    for i in range(w):
        mdl.Add(rows[0][i] == 0)
    for r in range(k):
        mdl.Add(rows[r][0] == 0)
    for i, j in combinations(range(w), 2):
        diffs = []
        for r in range(k):
            d, wrap = mdl.NewIntVar(0, g - 1, ""), mdl.NewBoolVar("")
            mdl.Add(d == rows[r][j] - rows[r][i] + g * wrap)
            diffs.append(d)
        mdl.AddAllDifferent(diffs)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = args.seconds
    solver.parameters.num_workers = 2
    status = solver.Solve(mdl)
    print(solver.StatusName(status), f"{solver.WallTime():.1f}s")
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return
    found = [[solver.Value(v) for v in row] for row in rows]
    for i, j in combinations(range(w), 2):
        assert len({(row[j] - row[i]) % g for row in found}) == k
    print(" ".join("".join(map(str, row)) for row in found))


if __name__ == "__main__":
    main()
