"""Ask CP-SAT for 9 rounds of 8 tables of 6 with few repeats, in one symmetric shape at a time.

Offline tool, not part of the app: it needs OR-Tools (`pip install ortools`), which the project
does not depend on. The 48 people are G x {0..5} for a group G of order 8. Rounds 1-8 are one
base round multiplied on the left by each element of G; round 9 is left in place by G, so it is
either the transversal tables {(g, a) : a in 0..5} or, for involutions h1 and h2, the tables
{g, g*h1} x {0, 1, 2} and {g, g*h2} x {3, 4, 5}; no other round is left in place by G. A pair
orbit of size s met c > 1 times costs s * (c - 1) repeats. The resolvable TD(6, 8) plus a ninth
round (24 repeats) is outside this shape: its ninth round is not left in place.

    python tools/design_search/find_869.py GROUP NINTH [--involutions H1 H2] [--bound 23]
        [--seconds S]

GROUP is z8, z4z2, z2z2z2, d4 or q8 (elements numbered as `GROUPS` lists them); NINTH is
transversal or pairs. Prints INFEASIBLE (no plan of this shape within the bound), UNKNOWN, or a
plan within the bound with its repeats counted again from the 9 rounds by the shared verifier
(`bench/tables.py`'s `grid_repeats`, so the app must be importable, as for `find_golf12.py`).
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable
from itertools import combinations, product

from ortools.sat.python import cp_model
from tables import grid_repeats  # bench/tables.py: the shared verifier's count

Element = tuple[int, ...]
SIZE, TABLES, ORBITS = 6, 8, 6


def _abelian(*orders: int) -> tuple[list[Element], Callable[[Element, Element], Element]]:
    """The abelian group with these cyclic factors."""
    elements = list(product(*(range(k) for k in orders)))
    return elements, lambda a, b: tuple((x + y) % k for x, y, k in zip(a, b, orders, strict=True))


def _dihedral() -> tuple[list[Element], Callable[[Element, Element], Element]]:
    """D_4 as (rotation r, reflection s): r^4 = s^2 = 1, s r = r^-1 s."""
    elements = [(r, s) for s in range(2) for r in range(4)]
    return elements, lambda a, b: ((a[0] + (b[0] if a[1] == 0 else -b[0])) % 4, (a[1] + b[1]) % 2)


def _quaternion() -> tuple[list[Element], Callable[[Element, Element], Element]]:
    """Q_8 as (sign, unit) with units 1, i, j, k numbered 0..3."""
    unit = {(0, u): (0, u) for u in range(4)} | {(u, 0): (0, u) for u in range(4)}
    unit |= {(u, u): (1, 0) for u in range(1, 4)}
    unit |= {(1, 2): (0, 3), (2, 3): (0, 1), (3, 1): (0, 2)}  # ij = k, jk = i, ki = j
    unit |= {(2, 1): (1, 3), (3, 2): (1, 1), (1, 3): (1, 2)}  # ji = -k, kj = -i, ik = -j
    elements = [(s, u) for s in range(2) for u in range(4)]

    def mul(a: Element, b: Element) -> Element:
        sign, u = unit[(a[1], b[1])]
        return ((a[0] + b[0] + sign) % 2, u)

    return elements, mul


GROUPS = {
    "z8": lambda: _abelian(8),
    "z4z2": lambda: _abelian(4, 2),
    "z2z2z2": lambda: _abelian(2, 2, 2),
    "d4": _dihedral,
    "q8": _quaternion,
}


def left_shifts(group: str) -> tuple[list[list[int]], list[list[int]]]:
    """Person a * 8 + i is (element i, orbit a); give every left shift and the group's table."""
    elements, mul = GROUPS[group]()
    index = {e: i for i, e in enumerate(elements)}
    table = [[index[mul(g, h)] for h in elements] for g in elements]
    shifts = [[a * 8 + table[g][i] for a in range(ORBITS) for i in range(8)] for g in range(8)]
    return shifts, table


def ninth_round(
    table: list[list[int]], ninth: str, involutions: tuple[int, int]
) -> list[list[int]]:
    """The tables of round 9 that every left shift leaves in place."""
    if ninth == "transversal":
        return [[a * 8 + g for a in range(ORBITS)] for g in range(8)]
    tables = []
    for orbits, h in zip(((0, 1, 2), (3, 4, 5)), involutions, strict=True):
        assert h != 0 and table[h][h] == 0, f"{h} is not an involution"
        cosets = {frozenset((g, table[g][h])) for g in range(8)}
        tables += [[a * 8 + g for a in orbits for g in sorted(coset)] for coset in cosets]
    return tables


def pair_orbits(shifts: list[list[int]]) -> dict[tuple[int, int], int]:
    """Number each pair by its orbit under the left shifts."""
    orbit: dict[tuple[int, int], int] = {}
    labels = 0
    for u, v in combinations(range(8 * ORBITS), 2):
        if (u, v) not in orbit:
            for s in shifts:
                orbit[(min(s[u], s[v]), max(s[u], s[v]))] = labels
            labels += 1
    return orbit


def _seating(mdl: cp_model.CpModel, n: int) -> tuple[list[list], dict[tuple[int, int], object]]:
    """Seat n people at the tables of one round; give the seats and who sits with whom."""
    x = [[mdl.NewBoolVar("") for _ in range(TABLES)] for _ in range(n)]
    for p in range(n):
        mdl.AddExactlyOne(x[p])
    for t in range(TABLES):
        mdl.Add(sum(x[p][t] for p in range(n)) == SIZE)
        if t:  # tables in order of their first person
            for p in range(n):
                mdl.Add(x[p][t] <= sum(x[q][t - 1] for q in range(p)))
    mdl.Add(x[0][0] == 1)
    met = {}
    partners: list[list] = [[] for _ in range(n)]
    for u, v in combinations(range(n), 2):
        both = [mdl.NewBoolVar("") for _ in range(TABLES)]
        for t, b in enumerate(both):
            mdl.AddBoolOr([x[u][t].Not(), x[v][t].Not(), b])
            mdl.AddImplication(b, x[u][t])
            mdl.AddImplication(b, x[v][t])
        met[(u, v)] = mdl.NewBoolVar("")
        mdl.Add(met[(u, v)] == sum(both))
        partners[u].append(met[(u, v)])
        partners[v].append(met[(u, v)])
    for p in range(n):  # redundant, but it keeps CP-SAT's search short
        mdl.Add(sum(partners[p]) == SIZE - 1)
    return x, met


def solve(group: str, ninth: str, involutions: tuple[int, int], bound: int, seconds: float):
    """Build and solve the model; return the status name and the 9 rounds found, if any."""
    shifts, table = left_shifts(group)
    orbit = pair_orbits(shifts)
    sizes = Counter(orbit.values())
    n = 8 * ORBITS
    mdl = cp_model.CpModel()
    x, met = _seating(mdl, n)
    in_orbit: dict[int, list] = {}
    for pair, m in met.items():
        in_orbit.setdefault(orbit[pair], []).append(m)
    last = ninth_round(table, ninth, involutions)
    in_last = {orbit[(u, v)] for t in last for u, v in combinations(t, 2)}
    repeats = []
    for label, size in sizes.items():
        extra = mdl.NewIntVar(0, 8, "")
        mdl.Add(extra >= (8 // size) * sum(in_orbit[label]) + (label in in_last) - 1)
        repeats.append(size * extra)
    mdl.Add(sum(repeats) <= bound)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = 1
    status = solver.Solve(mdl)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return solver.StatusName(status), None
    base = [[p for p in range(n) if solver.Value(x[p][t])] for t in range(TABLES)]
    return solver.StatusName(status), [*([[s[p] for p in t] for t in base] for s in shifts), last]


def count_repeats(rounds: list[list[list[int]]]) -> int:
    """Count repeated meetings from the rounds alone, each round checked to seat everyone once."""
    for rnd in rounds:
        assert sorted(p for tbl in rnd for p in tbl) == list(range(8 * ORBITS))
        assert [len(tbl) for tbl in rnd] == [SIZE] * TABLES
    return grid_repeats(rounds)[0]


def main() -> None:
    """Parse the shape, solve, and print the verdict."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("group", choices=sorted(GROUPS))
    parser.add_argument("ninth", choices=("transversal", "pairs"))
    parser.add_argument("--involutions", type=int, nargs=2, default=(0, 0))
    parser.add_argument("--bound", type=int, default=23)
    parser.add_argument("--seconds", type=float, default=150.0)
    args = parser.parse_args()
    status, rounds = solve(
        args.group, args.ninth, tuple(args.involutions), args.bound, args.seconds
    )
    print(status)
    if rounds:
        print(f"{count_repeats(rounds)} repeats, recounted from the rounds")
        for rnd in rounds:
            print(" | ".join(" ".join(map(str, tbl)) for tbl in rnd))


if __name__ == "__main__":
    main()
