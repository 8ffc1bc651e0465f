"""Search a base round under Z_m with CP-SAT, for `app/domain/scheduler/designs/catalogue.py`.

Offline tool, not part of the app: it needs OR-Tools (`pip install ortools`), which the project
does not depend on. Points and pair orbits follow `cyclic.Orbits`: c orbits Z_m x {0..c-1} plus
e fixed points; the base round is shifted w times and no pair may meet twice. With
`--whole R` (only when c equals the table size and e = 0) it also chooses R rounds that every
shift leaves in place, each made of the tables {(x, 0), (x + d_1, 1), ..., (x + d_{c-1}, c-1)}.
With `--walk-in K` (only when c equals the table size) the first K tables take one point of each
orbit and no fixed point: their w shifts are disjoint, so a walk-in can sit at one of them every
round and meet nobody twice, without anyone moving.

    python tools/design_search/find_bases.py M C E W SIZE [--whole R] [--walk-in K]
        [--seconds S] [--seed N]

It prints the base round and the starters in the catalogue's format, and checks the result.
"""

from __future__ import annotations

import argparse
from itertools import combinations

from ortools.sat.python import cp_model

from app.domain.scheduler.designs.cyclic import Orbits, develop


def model(orbits: Orbits, size: int, whole: int, walk_in: int = 0):
    """Build the CP-SAT model; return it with the seat and offset variables."""
    m, c, n = orbits.m, orbits.c, orbits.size
    g = n // size
    mdl = cp_model.CpModel()
    x = [[mdl.NewBoolVar(f"x{p}_{t}") for t in range(g)] for p in range(n)]
    for p in range(n):
        mdl.AddExactlyOne(x[p])
    for t in range(g):
        mdl.Add(sum(x[p][t] for p in range(n)) == size)
    mdl.Add(x[0][0] == 1)
    for t in range(walk_in):
        for i in range(c):
            mdl.AddExactlyOne(x[i * m + a][t] for a in range(m))
        for p in range(m * c, n):
            mdl.Add(x[p][t] == 0)
    kinds: dict[tuple, list] = {}
    for u, v in combinations(range(n), 2):
        key = orbits.key(u, v)
        together = mdl.NewBoolVar("")
        for t in range(g):
            mdl.AddBoolOr([x[u][t].Not(), x[v][t].Not(), together])
        if key is None or key[2] < orbits.w:
            mdl.Add(together == 0)
            continue
        kinds.setdefault((key[0], key[2]), []).append((key[1], together))
    offsets = []
    for _ in range(whole):
        d = [[mdl.NewBoolVar("") for _ in range(m)] for _ in range(c)]
        mdl.Add(d[0][0] == 1)
        for row in d:
            mdl.AddExactlyOne(row)
        offsets.append(d)
    for i, j in combinations(range(c), 2):
        for delta in range(m):
            users = []
            for d in offsets:
                use = mdl.NewBoolVar("")
                for a in range(m):
                    mdl.AddBoolOr([d[i][a].Not(), d[j][(a + delta) % m].Not(), use])
                users.append(use)
            if users:
                mdl.Add(sum(users) <= 1)
                for _, together in kinds.get(((i, j, delta), m), []):
                    for use in users:
                        mdl.AddBoolOr([use.Not(), together.Not()])
    for (_, period), used in kinds.items():
        for (s1, z1), (s2, z2) in combinations(used, 2):
            if (s1 - s2) % period < orbits.w or (s2 - s1) % period < orbits.w:
                mdl.AddBoolOr([z1.Not(), z2.Not()])
    return mdl, x, offsets


def main() -> None:
    """Parse the cell, solve, print and check."""
    parser = argparse.ArgumentParser(description=__doc__)
    for name in ("m", "c", "e", "w", "size"):
        parser.add_argument(name, type=int)
    parser.add_argument("--whole", type=int, default=0)
    parser.add_argument("--walk-in", type=int, default=0)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    orbits = Orbits(args.m, args.c, args.e, args.w)
    mdl, x, offsets = model(orbits, args.size, args.whole, args.walk_in)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = args.seconds
    solver.parameters.num_workers = 2
    solver.parameters.random_seed = args.seed
    status = solver.Solve(mdl)
    print(solver.StatusName(status), f"{solver.WallTime():.1f}s")
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return
    n, g, m = orbits.size, orbits.size // args.size, orbits.m
    base = tuple(tuple(p for p in range(n) if solver.Value(x[p][t])) for t in range(g))
    whole = tuple(
        (
            tuple(
                i * m + next(a for a in range(m) if solver.Value(d[i][a])) for i in range(orbits.c)
            ),
        )
        for d in offsets
    )
    print("base", base)
    print("whole", whole)
    seen: set[tuple[int, int]] = set()
    for rnd in develop(orbits, base, whole):
        assert sorted(p for t in rnd for p in t) == list(range(n))
        for table in rnd:
            for pair in combinations(sorted(table), 2):
                assert pair not in seen, pair
                seen.add(pair)
    print("checked:", orbits.w + len(whole), "rounds, no pair twice")


if __name__ == "__main__":
    main()
