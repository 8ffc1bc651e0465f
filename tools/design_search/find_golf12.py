"""Search 12 rounds of 10 tables of 5 (50 people) under Z_5 with CP-SAT, for `over_horizon.py`.

Offline tool, not part of the app: it needs OR-Tools (`pip install ortools`), which the project
does not depend on. Person 5 * o + x is point x of orbit o (o in 0..9, x in Z_5); every round is
left in place by x -> x + 1, so a round is one choice per orbit and the model stays small:

- rounds 0..9 split the orbits into two halves of 5; orbit o sits at shift a_o and the five
  tables of a half are {(o, a_o + t) : o in half} for t in Z_5;
- rounds 10 and 11 seat five orbits each as a table of their own (so everyone meets their own
  orbit once) and the other five orbits as one half as above.

A pair of people in orbits o < o' is the pair orbit (o, o', d) with d = x' - x; it is met once in
each round where o and o' share a half and a_o' - a_o = d. Every pair orbit holds 5 pairs, so
the repeats of the schedule are 5 times the sum over pair orbits of max(0, times met - 1).

    python tools/design_search/find_golf12.py [--seconds S] [--workers W] [--seed N]

It prints the rounds in `over_horizon.py`'s format (one string per round: a half-letter and a
shift per orbit, or "T" for an orbit seated as its own table) and checks the result.
"""

from __future__ import annotations

import argparse
from itertools import combinations

from ortools.sat.python import cp_model
from tables import grid_repeats  # bench/tables.py: the shared verifier's count

from app.domain.scheduler.tables.over_horizon import develop_rounds

ORBITS, M, ROUNDS, HALVES = 10, 5, 12, 10
TABLED = {10: range(0, 5), 11: range(5, 10)}  # rounds seating orbits as tables of their own


def solve(seconds: float, workers: int, seed: int) -> list[str]:
    """Build and solve the model; return the rounds as strings."""
    mdl = cp_model.CpModel()
    live = {r: [o for o in range(ORBITS) if o not in TABLED.get(r, ())] for r in range(ROUNDS)}
    half = {
        r: [mdl.NewBoolVar(f"h{r}_{o}") if r < HALVES else None for o in range(ORBITS)]
        for r in range(ROUNDS)
    }
    for r in range(HALVES):
        mdl.Add(sum(half[r]) == 5)
        mdl.Add(half[r][0] == 0)
    shift = {(r, o): [mdl.NewBoolVar("") for _ in range(M)] for r in range(ROUNDS) for o in live[r]}
    for (r, _o), row in shift.items():
        mdl.AddExactlyOne(row)
        if r == 0:  # every orbit may be turned on its own: fix the first round's shifts
            mdl.Add(row[0] == 1)
    count: dict[tuple[int, int, int], list] = {}
    for r in range(ROUNDS):
        for o, q in combinations(live[r], 2):
            diff = [mdl.NewBoolVar("") for _ in range(M)]
            mdl.AddExactlyOne(diff)
            for s in range(M):
                for d in range(M):
                    mdl.AddBoolOr([shift[r, o][s].Not(), shift[r, q][(s + d) % M].Not(), diff[d]])
            if r < HALVES:
                same = mdl.NewBoolVar("")
                mdl.Add(half[r][o] == half[r][q]).OnlyEnforceIf(same)
                mdl.Add(half[r][o] != half[r][q]).OnlyEnforceIf(same.Not())
            for d in range(M):
                if r < HALVES:
                    cov = mdl.NewBoolVar("")
                    mdl.AddBoolOr([diff[d].Not(), same.Not(), cov])
                else:
                    cov = diff[d]
                count.setdefault((o, q, d), []).append(cov)
    reps = []
    for covs in count.values():
        rep = mdl.NewIntVar(0, ROUNDS, "")
        mdl.Add(rep >= sum(covs) - 1)
        reps.append(rep)
    mdl.Minimize(sum(reps))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    solver.parameters.log_search_progress = True
    solver.parameters.log_to_stdout = True
    status = solver.Solve(mdl)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise SystemExit(f"no schedule: {solver.StatusName(status)}")
    rounds = []
    for r in range(ROUNDS):
        word = []
        for o in range(ORBITS):
            if o not in live[r]:
                word.append("T")
                continue
            side = "ab"[solver.Value(half[r][o])] if r < HALVES else "a"
            s = next(s for s in range(M) if solver.Value(shift[r, o][s]))
            word.append(f"{side}{s}")
        rounds.append(" ".join(word))
    return rounds


def main() -> None:
    """Run the search and print the rounds with their repeats."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seconds", type=float, default=120.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rounds = solve(args.seconds, args.workers, args.seed)
    grid = develop_rounds(tuple(rounds))
    print("ROUNDS = (")
    for word in rounds:
        print(f'    "{word}",')
    print(")")
    print("repeats:", grid_repeats(grid)[0])


if __name__ == "__main__":
    main()
