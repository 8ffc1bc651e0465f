"""Benchmark the tables scheduler against a greedy baseline; print a table, write JSON.

Run from the repository root: `python bench/tables.py [--best-known PATH] [--runs N]`.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from pathlib import Path

from app.domain.model import Person, Plan, Rules
from app.domain.scheduler.check.verify import verify
from app.domain.scheduler.tables.grid import Weights, repeat_floor
from app.domain.scheduler.tables.layout import table_sizes
from app.domain.scheduler.tables.plan import plan_tables, replan_tables, to_rounds
from app.domain.scheduler.tables.search import greedy_round

ROOT = Path(__file__).resolve().parent.parent
OVER_HORIZON = [(10, 5, 12), (8, 6, 9), (8, 4, 11)]
UNEVEN = [(n, k) for k in (5, 6) for n in (47, 49, 53)]
COMPANIES = [8, 7, 6, 6, 5, 5, 4, 4, 3, 2]


def timed(fn, *args, **kwargs):
    """Run fn once and return (result, seconds)."""
    start = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - start


def crowd(n: int) -> list[Person]:
    """Make n people with no company."""
    return [Person(i + 1) for i in range(n)]


def greedy(n: int, size: int, rounds: int, seed: int = 0) -> list[list[list[int]]]:
    """Fill each round greedily, each person at the table they met least (the baseline)."""
    weights = Weights([[0.0] * n for _ in range(n)], [[0] * n for _ in range(n)])
    rng, grid = random.Random(seed), []
    for _ in range(rounds):
        rnd = greedy_round(table_sizes(n, size), weights, rng)
        weights.seat(rnd, 1)
        grid.append(rnd)
    return grid


def repeat_free_prefix(grid: list[list[list[int]]]) -> int:
    """Count the rounds before the first repeated pair."""
    seen: set[tuple[int, int]] = set()
    for r, rnd in enumerate(grid):
        pairs = {(a, b) for t in rnd for a in t for b in t if a < b}
        if pairs & seen:
            return r
        seen |= pairs
    return len(grid)


def grid_repeats(grid: list[list[list[int]]]) -> tuple[int, int]:
    """Count repeated meetings and distinct pairs of an index grid, with the shared verifier."""
    people = crowd(1 + max(p for rnd in grid for t in rnd for p in t))
    size = max(len(t) for rnd in grid for t in rnd)
    report = verify(Plan(size, to_rounds(grid, people)), people, Rules())
    return report.repeats, report.pairs_covered


def matrix(cells: list[dict]) -> list[dict]:
    """Measure repeat-free rounds per cell of the social golfer table."""
    rows = []
    for cell in cells:
        g, p, best = cell["groups"], cell["size"], cell["best_known_rounds"]
        people = crowd(g * p)
        plan, secs = timed(plan_tables, people, p, Rules())
        report = verify(plan, people, Rules())
        reached = len(plan.rounds) if report.ok and report.repeats == 0 else 0
        base = repeat_free_prefix(greedy(g * p, p, cell["counting_bound"]))
        rows.append(
            {
                "cell": f"{g}-{p}",
                "people": g * p,
                "best_known": best,
                "reached": reached,
                "greedy": base,
                "seconds": round(secs, 4),
                "ok": report.ok,
            }
        )
    return rows


def over_horizon() -> list[dict]:
    """Measure repeats when more rounds are asked than any repeat-free design gives."""
    rows = []
    for g, p, w in OVER_HORIZON:
        people = crowd(g * p)
        plan, secs = timed(plan_tables, people, p, Rules(), rounds=w)
        report = verify(plan, people, Rules())
        base_repeats, base_pairs = grid_repeats(greedy(g * p, p, w))
        rows.append(
            {
                "case": f"{g}-{p}-{w}",
                "repeats": report.repeats,
                "lower_bound": repeat_floor(g * p, p, w),
                "pairs": report.pairs_covered,
                "greedy_repeats": base_repeats,
                "greedy_pairs": base_pairs,
                "max_meetings_spread": report.meetings_max - report.meetings_min,
                "seconds": round(secs, 3),
            }
        )
    return rows


def uneven() -> list[dict]:
    """Measure repeat-free rounds for head counts that do not fill every table."""
    rows = []
    for n, k in UNEVEN:
        people = crowd(n)
        plan, secs = timed(plan_tables, people, k, Rules())
        report = verify(plan, people, Rules())
        sizes = sorted({len(t.seats) for t in plan.rounds[0].tables})
        base = repeat_free_prefix(greedy(n, k, (n - 1) // (k - 2)))
        rows.append(
            {
                "case": f"{n} at {k}",
                "sizes": sizes,
                "rounds": len(plan.rounds),
                "repeats": report.repeats,
                "greedy": base,
                "seconds": round(secs, 3),
            }
        )
    return rows


def companies() -> dict:
    """Measure a 50-person event where ten companies send several people each."""
    people, pid = [], 1
    for c, count in enumerate(COMPANIES):
        for _ in range(count):
            people.append(Person(pid, company=f"Co{c}"))
            pid += 1
    people += [Person(i) for i in range(pid, 51)]
    plan, secs = timed(plan_tables, people, 5, Rules())
    report = verify(plan, people, Rules())
    return {
        "rounds": len(plan.rounds),
        "repeats": report.repeats,
        "company_violations": report.company_violations,
        "seconds": round(secs, 3),
    }


def large() -> list[dict]:
    """Measure 500 people over 12 rounds at tables of 5 and 8."""
    rows = []
    for k in (5, 8):
        people = crowd(500)
        plan, secs = timed(plan_tables, people, k, Rules(), rounds=12)
        report = verify(plan, people, Rules())
        base_repeats, _ = grid_repeats(greedy(500, k, 12))
        rows.append(
            {
                "case": f"500 at {k}",
                "repeats": report.repeats,
                "greedy_repeats": base_repeats,
                "seconds": round(secs, 3),
            }
        )
    return rows


def walk_in(runs: int) -> dict:
    """Time re-plans after one walk-in at n = 50 with half the rounds played."""
    people = crowd(50)
    plan = plan_tables(people, 5, Rules())
    times, churns = [], []
    for seed in range(runs):
        frozen = seed % len(plan.rounds)
        now = [*people, Person(1000 + seed)]
        replan, secs = timed(
            replan_tables, plan, frozen=frozen, people=now, rules=Rules(), seed=seed
        )
        assert replan.plan.rounds[:frozen] == plan.rounds[:frozen]
        assert verify(replan.plan, now, Rules(), frozen=frozen).repeats == 0
        times.append(secs)
        churns.append(replan.churn)
    times.sort()
    return {
        "runs": runs,
        "p50_ms": round(1000 * statistics.median(times), 2),
        "p99_ms": round(1000 * times[int(0.99 * (runs - 1))], 2),
        "max_churn": max(churns),
    }


def show(title: str, rows: list[dict]) -> None:
    """Print rows as an aligned text table."""
    print(f"\n{title}")
    if not rows:
        return
    keys = list(rows[0])
    widths = {k: max(len(k), *(len(str(r[k])) for r in rows)) for k in keys}
    print("  ".join(k.rjust(widths[k]) for k in keys))
    for r in rows:
        print("  ".join(str(r[k]).rjust(widths[k]) for k in keys))


def main() -> None:
    """Run every section, print the tables and write bench/results/tables.json."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--best-known", type=Path, default=ROOT / "bench/sgp_best_known.json")
    parser.add_argument("--runs", type=int, default=200, help="re-plans timed for the p99")
    args = parser.parse_args()
    cells = [c for c in json.loads(args.best_known.read_text())["cells"] if c["size"] >= 3]
    rows = matrix(cells)
    best = sum(r["best_known"] for r in rows)
    score = sum(min(r["reached"], r["best_known"]) for r in rows)
    greedy_score = sum(min(r["greedy"], r["best_known"]) for r in rows)
    summary = {
        "score": score,
        "best_known_total": best,
        "ratio": round(score / best, 4),
        "greedy_score": greedy_score,
        "greedy_ratio": round(greedy_score / best, 4),
        "cells_at_best": sum(r["reached"] >= r["best_known"] for r in rows),
        "slowest_cell_s": max(r["seconds"] for r in rows),
    }
    results = {
        "summary": summary,
        "matrix": rows,
        "over_horizon": over_horizon(),
        "uneven": uneven(),
        "companies": companies(),
        "large": large(),
        "walk_in": walk_in(args.runs),
    }
    show("Social golfer cells (repeat-free rounds)", rows)
    show("Summary", [summary])
    for key in ("over_horizon", "uneven", "large"):
        show(key.replace("_", " ").capitalize(), results[key])
    show("Companies (50 people, tables of 5)", [results["companies"]])
    show("Walk-in re-plan at n = 50", [results["walk_in"]])
    out = ROOT / "bench/results/tables.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
