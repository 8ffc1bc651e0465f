"""Benchmark the pairs scheduler against a networkx baseline, and the re-plan.

Run from the repository root:  .venv/bin/python bench/scheduler.py
Prints a table and writes bench/results/scheduler.json.
"""

from __future__ import annotations

import gc
import json
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from app.domain.model import Person, Plan, Round, Rules, Table
from app.domain.scheduler import verify
from app.domain.scheduler.constraints import Constraints
from app.domain.scheduler.pairs.plan import plan_pairs
from app.domain.scheduler.pairs.replan import replan_pairs

COMPANIES = (8, 7, 6, 6, 5, 5, 4, 4, 3, 2)
EXACT_BASELINE_UP_TO = 60  # max_weight_matching per round; greedy maximal matching above
BASELINE_UP_TO = 200  # above this the baseline takes minutes: skipped
RESULTS = Path(__file__).parent / "results" / "scheduler.json"


def crowd(n: int, companies: tuple[int, ...] = (), clubs: int = 0) -> list[Person]:
    """Make n people, the first in companies of the given sizes, clubs at random."""
    rng = random.Random(n)
    labels = [f"C{c}" for c, size in enumerate(companies) for _ in range(size)]
    labels += [None] * (n - len(labels))
    return [
        Person(i, company=c, club=f"K{rng.randrange(clubs)}" if clubs else None)
        for i, c in enumerate(labels, start=1)
    ]


def timed(make: Callable[[], object], repeat: int = 3) -> tuple[object, float, float]:
    """Run `make` a few times; give its result and the median wall and CPU times in ms.

    The time includes collecting the young and middle generations right after: the pass over
    the new objects a plan would otherwise leave to whatever code allocates next.
    """
    times, cpu, result = [], [], None
    for _ in range(repeat):
        result = None
        gc.collect()
        start, start_cpu = time.perf_counter(), time.process_time()
        result = make()
        gc.collect(1)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return result, statistics.median(times), statistics.median(cpu)


def baseline(people: list[Person], rules: Rules, rounds: int | None = None) -> Plan:
    """Repeat a maximum matching of the pairs still unmet until all met (or `rounds` run)."""
    constraints = Constraints(people, rules)
    graph = nx.Graph()
    graph.add_nodes_from(constraints.ids)
    ids = constraints.ids
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            if not constraints.forbidden(a, b):
                graph.add_edge(a, b, weight=2 if constraints.tier(a, b) == 0 else 1)
    exact = len(ids) <= EXACT_BASELINE_UP_TO
    plan_rounds: list[Round] = []
    while graph.number_of_edges() and (rounds is None or len(plan_rounds) < rounds):
        matching = (
            nx.max_weight_matching(graph, maxcardinality=True)
            if exact
            else nx.maximal_matching(graph)
        )
        graph.remove_edges_from(matching)
        seated = {p for m in matching for p in m}
        tables = tuple(Table(t, tuple(m)) for t, m in enumerate(sorted(matching), start=1))
        out = tuple(p for p in ids if p not in seated)
        plan_rounds.append(Round(len(plan_rounds) + 1, tables, out))
    return Plan(2, tuple(plan_rounds))


def figures(
    plan: Plan, people: list[Person], rules: Rules, ms: float, cpu_ms: float
) -> dict[str, object]:
    """Summarise a plan with the verifier."""
    report = verify(plan, people, rules)
    return {
        "ms": round(ms, 1),
        "cpu_ms": round(cpu_ms, 1),
        "ok": report.ok,
        "rounds": report.rounds,
        "pairs": report.pairs_covered,
        "possible": report.pairs_possible,
        "repeats": report.repeats,
        "walk": report.longest_walk,
        "spread": report.meetings_max - report.meetings_min,
        "club": report.club_meetings,
    }


def plan_case(name: str, people: list[Person], rules: Rules, rounds: int | None = None) -> dict:
    """Plan one case with the scheduler and with the baseline."""
    plan, ms, cpu = timed(lambda: plan_pairs(people, rules, rounds=rounds))
    ours = figures(plan, people, rules, ms, cpu)  # type: ignore[arg-type]
    base = None
    if len(people) <= BASELINE_UP_TO:
        plan, ms, cpu = timed(lambda: baseline(people, rules, rounds), repeat=1)
        base = figures(plan, people, rules, ms, cpu)  # type: ignore[arg-type]
    delta = Constraints(people, rules).max_degree()
    return {"case": name, "n": len(people), "delta": delta, "ours": ours, "baseline": base}


def replan_case(n: int, seeds: int = 50, frozen: int = 10) -> dict:
    """Re-plan after round `frozen` with 5 % leaving and 5 % arriving, over many seeds."""
    people, rules = crowd(n), Rules()
    previous = plan_pairs(people, rules)
    times, cpu, churn, worst_ok, repeats = [], [], [], True, 0
    for seed in range(seeds):
        rng = random.Random(seed)
        k = max(1, round(n * 0.05))
        gone = set(rng.sample([p.id for p in people], k))
        now = [p for p in people if p.id not in gone] + [Person(n + 1 + i) for i in range(k)]
        gc.collect()
        start, start_cpu = time.perf_counter(), time.process_time()
        result = replan_pairs(previous, frozen=frozen, people=now, rules=rules, seed=seed)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        report = verify(result.plan, now, rules, frozen=frozen)
        worst_ok &= report.ok
        repeats += report.repeats
        churn.append(result.churn)
        del result, report  # else freeing them lands in the next seed's timing
    return {
        "case": f"re-plan n={n} after round {frozen}, 5% leave, 5% arrive, {seeds} seeds",
        "p50_ms": _quantile(times, 0.5),
        "p99_ms": _quantile(times, 0.99),
        "cpu_p50_ms": _quantile(cpu, 0.5),
        "cpu_p99_ms": _quantile(cpu, 0.99),
        "all_ok": worst_ok,
        "repeats": repeats,
        "churn_max": max(churn),
    }


def _quantile(values: list[float], q: float) -> float:
    """Give the q-quantile (nearest rank) of some timings, rounded for display."""
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * q))], 2)


def main() -> None:
    """Run every case, print a table, write the JSON."""
    cases = [plan_case(f"plain n={n}", crowd(n), Rules()) for n in (10, 49, 50, 51, 200, 500, 1000)]
    cases.append(plan_case("companies n=50", crowd(50, COMPANIES), Rules()))
    clubs = Rules(avoid_same_club=True)
    cases.append(plan_case("companies+clubs n=50", crowd(50, COMPANIES, clubs=4), clubs))
    cases.append(plan_case("limited R=12 n=50", crowd(50), Rules(), rounds=12))
    replans = [replan_case(50), replan_case(500)]
    _print(cases, replans)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"plans": cases, "replans": replans}, indent=2))


def _print(cases: list[dict], replans: list[dict]) -> None:
    """Print the scheduler beside the baseline, with ratios."""
    head = f"{'case':24} {'Δ':>4} | {'rounds':>11} {'pairs':>13} {'ms':>17} | walk rep ok"
    print(head, "\n" + "-" * len(head))
    for c in cases:
        o, b = c["ours"], c["baseline"] or {}
        rounds = f"{o['rounds']}/{b.get('rounds', '-')}"
        pairs = f"{o['pairs']}/{b.get('pairs', '-')}"
        ms = f"{o['ms']}/{b.get('ms', 'skipped')}"
        ok = f"{o['ok']}/{b.get('ok', '-')}"
        print(
            f"{c['case']:24} {c['delta']:>4} | {rounds:>11} {pairs:>13} {ms:>17} |"
            f" {o['walk']:>2}/{b.get('walk', '-')} {o['repeats']}/{b.get('repeats', '-')} {ok}"
        )
    print(f"(each cell: ours/baseline; baseline skipped above n={BASELINE_UP_TO})")
    print("CPU ms, ours:", ", ".join(f"{c['case']} {c['ours']['cpu_ms']}" for c in cases), "\n")
    for r in replans:
        print(
            f"{r['case']}: p50 {r['p50_ms']} ms, p99 {r['p99_ms']} ms "
            f"(CPU p50 {r['cpu_p50_ms']} ms, p99 {r['cpu_p99_ms']} ms), "
            f"all ok {r['all_ok']}, repeats {r['repeats']}, max churn {r['churn_max']}"
        )


if __name__ == "__main__":
    main()
