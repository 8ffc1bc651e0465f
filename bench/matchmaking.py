"""Benchmark plans by pair value against per-round maximum-weight matching (the way dosido plans).

Run from the repository root:  .venv/bin/python bench/matchmaking.py [--quick]
Prints one table (the labelled text set, then 1:1 and tables of 6 at 60/200/500 people) and the
re-plan after a walk-in, and writes bench/results/matchmaking.json. The share of bound is of the
bound the plan metrics report (`check/bound.py`, no plan of those rounds can beat it); fairness
is of each person's own bound, the value of their best partners.

The labelled text set: the demo's fifty members (`app/services/demo_profiles.py`) with their real
offers and needs, cut into phrases and read with their whole texts by the app's text model (the
lexical fallback, said so, where the model does not import), plus ten members with generic
texts or none, 60 people each of their own company; pairs valued by `pair_values` at the
model's floor, as the app does. Its labelled pairs are the 45 needs answered by another
member's offer in other words (39 distinct pairs: six are answered both ways, and count twice).

Populations are generated and seeded: 40 topics; each person needs 3 and offers 3, each with a
strength in [0.3, 1]; a pair is worth how strongly each one's needs meet the other's offers
(both directions added), plus 1 for a mutual wish and 0.5 for a one-sided one (each person
wishes 0–2 others). Labelled pairs: about n/2 disjoint pairs planted with a strong answer
(worth 3 more), the "subcontractor right next door" a good plan must find. One person in ten
shares a company with one or two others (never seated together).
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from app.adapters.embeddings import SENTENCE_ENCODER, Embedder, LexicalEmbedder, build_embedder
from app.domain.matchmaking import Profile, pair_values
from app.domain.matchmaking.phrases import Cut
from app.domain.model import Pair, Person, Plan, Rules, pair
from app.domain.scheduler import make_plan, replan, verify
from app.domain.scheduler.check.bound import value_bound
from app.services.demo_profiles import ANSWERS, PROFILES

TOPICS = 40
RESULTS = Path(__file__).parent / "results" / "matchmaking.json"
CASES = [(60, 5), (200, 12), (500, 12)]
TOP_K_FROM = 200  # from this size the reference matches on a top-k candidate graph
TOP_K = 24  # candidates per person for the reference there
GENERIC = (  # ten more members, to reach 60: what people write when they have nothing precise
    ("Rencontrer d'autres chefs d'entreprise", "Élargir mon réseau"),
    ("Networking", "Meeting new people"),
    ("Échanger les bonnes pratiques", "Des idées"),
    ("De la bonne humeur", "Des contacts"),
    ("Partage d'expérience", "Découvrir le club"),
    ("", ""),
    ("", ""),
    ("", "Voir ce qui se fait"),
    ("Un carnet d'adresses", ""),
    ("", ""),
)


def population(n: int, seed: int) -> tuple[list[Person], dict[Pair, float], list[Pair]]:
    """Make n people, their pair values and the labelled pairs, all from one seed."""
    rng = random.Random(seed)
    people = _people(n, rng)
    needs = [_topics(rng) for _ in range(n)]
    offers = [_topics(rng) for _ in range(n)]
    values: dict[Pair, float] = {}
    for a in range(n):
        for b in range(a + 1, n):
            worth = _overlap(needs[a], offers[b]) + _overlap(needs[b], offers[a])
            if worth > 0:
                values[pair(a + 1, b + 1)] = round(worth, 3)
    _add_wishes(values, n, rng)
    labelled = _plant(values, people, rng)
    return people, values, labelled


def _people(n: int, rng: random.Random) -> list[Person]:
    """Make n people; one in ten shares a company with one or two others."""
    company = [None] * n
    for c, start in enumerate(range(0, n // 10, 3)):
        for i in range(start, min(start + rng.choice((2, 3)), n // 10)):
            company[i] = f"Co{c}"
    order = list(range(n))
    rng.shuffle(order)
    return [Person(i + 1, company=company[order[i]]) for i in range(n)]


def _topics(rng: random.Random) -> dict[int, float]:
    """Pick three topics with a strength each."""
    return {t: rng.uniform(0.3, 1.0) for t in rng.sample(range(TOPICS), 3)}


def _overlap(need: dict[int, float], offer: dict[int, float]) -> float:
    """Say how strongly an offer answers a need: the shared topics' strengths multiplied."""
    return sum(s * offer[t] for t, s in need.items() if t in offer)


def _add_wishes(values: dict[Pair, float], n: int, rng: random.Random) -> None:
    """Add wishes: 1 for a mutual one, 0.5 for a one-sided one."""
    everyone = range(1, n + 1)
    wishes = {(a, b) for a in everyone for b in rng.sample(everyone, rng.randint(0, 2))}
    for a, b in wishes:
        if a != b:
            mutual = (b, a) in wishes
            if mutual and a > b:
                continue
            key = pair(a, b)
            values[key] = values.get(key, 0.0) + (1.0 if mutual else 0.5)


def _plant(values: dict[Pair, float], people: list[Person], rng: random.Random) -> list[Pair]:
    """Plant about n/2 disjoint strong pairs of people from different companies."""
    ids = [p.id for p in people]
    company = {p.id: p.company for p in people}
    rng.shuffle(ids)
    labelled = []
    for a, b in zip(ids[0::2], ids[1::2], strict=False):
        if company[a] is None or company[a] != company[b]:
            key = pair(a, b)
            values[key] = values.get(key, 0.0) + 3.0
            labelled.append(key)
    return labelled


def labelled_text(
    embedder: Embedder, seed: int
) -> tuple[list[Person], dict[Pair, float], list[Pair]]:
    """Make the 60 people of the labelled text set, their pair values and the 45 labelled needs.

    Ids are dealt in a seeded shuffle and people listed by id: in the demo's order many answers
    sit next to each other (17 and 18, 30 and 31...), and a plan's filling of worthless seats
    follows the list, so unshuffled it "finds" a dozen labelled pairs no text said anything about.
    """
    cut = [(Cut.of(offers), Cut.of(needs)) for offers, needs in (*PROFILES, *GENERIC)]
    texts = sorted({text for sides in cut for side in sides for text in side.texts()})
    vectors = dict(zip(texts, embedder.embed(texts), strict=True))
    ids = list(range(1, len(cut) + 1))
    random.Random(seed).shuffle(ids)

    profiles = [
        Profile.read(ids[i], offers, needs, vectors.get) for i, (offers, needs) in enumerate(cut)
    ]
    values = pair_values(profiles, floor=embedder.floor)
    people = [Person(i, company=f"Co{i}") for i in sorted(ids)]
    return people, values, [pair(ids[needer], ids[offerer]) for needer, offerer in ANSWERS]


def within_reach(values: dict[Pair, float], labelled: list[Pair], meetings: int) -> str:
    """Say how many labelled pairs the values see at all, and among both members' best few."""

    def rank(person: int, key: Pair) -> int:
        worth = values.get(key, 0.0)
        return 1 + sum(v > worth for k, v in values.items() if person in k)

    valued = [key for key in labelled if values.get(key, 0.0) > 0]
    best = [key for key in valued if all(rank(person, key) <= meetings for person in key)]
    return (
        f"labelled needs worth more than 0: {len(valued)}/{len(labelled)}; among both members' "
        f"{meetings} most valuable partners: {len(best)}/{len(labelled)}"
    )


def text_model() -> tuple[Embedder, str]:
    """Load the app's text model, or the lexical fallback with a note why; say which and how."""
    start = time.perf_counter()
    try:
        embedder = build_embedder(SENTENCE_ENCODER)
    except Exception as failure:  # the model is optional: measure with what the app would use
        print(f"note: text model {SENTENCE_ENCODER!r} not usable here ({failure}); lexical used")
        embedder = LexicalEmbedder()
    loaded = (time.perf_counter() - start) * 1000
    return embedder, f"{embedder.name} {embedder.version}, floor {embedder.floor}, {loaded:.0f} ms"


def timed(make: Callable[[], object]) -> tuple[object, float, float]:
    """Run `make` once after a collection; give its result, wall and CPU time in ms."""
    gc.collect()
    start, start_cpu = time.perf_counter(), time.process_time()
    result = make()
    return result, (time.perf_counter() - start) * 1000, (time.process_time() - start_cpu) * 1000


def per_round_matching(people: list[Person], rules: Rules, rounds: int, top_k: int | None) -> Plan:
    """Plan like dosido: each round a maximum-weight matching of the unmet pairs' values."""
    from app.domain.model import Round, Table

    graph = nx.Graph()
    graph.add_nodes_from(p.id for p in people)
    by_id = {p.id: p for p in people}
    edges = [
        (a, b, v)
        for key, v in rules.values.items()
        for a, b in [sorted(key)]
        if not rules.forbidden(by_id[a], by_id[b])
    ]
    if top_k is not None:
        edges = _top_k(edges, top_k)
    graph.add_weighted_edges_from(edges)
    plan_rounds = []
    for r in range(1, rounds + 1):
        matching = nx.max_weight_matching(graph)
        graph.remove_edges_from(matching)
        tables = tuple(Table(t, tuple(sorted(m))) for t, m in enumerate(sorted(matching), 1))
        seated = {p for m in matching for p in m}
        plan_rounds.append(Round(r, tables, tuple(p.id for p in people if p.id not in seated)))
    return Plan(2, tuple(plan_rounds))


def _top_k(edges: list[tuple[int, int, float]], k: int) -> list[tuple[int, int, float]]:
    """Keep the pairs among either person's k most valuable."""
    mine: dict[int, list[tuple[float, int, int]]] = {}
    for a, b, v in edges:
        mine.setdefault(a, []).append((v, a, b))
        mine.setdefault(b, []).append((v, a, b))
    kept = {(a, b, v) for options in mine.values() for v, a, b in sorted(options)[-k:]}
    return sorted(kept)


def measure(plan: Plan, people: list[Person], rules: Rules, labelled: list[Pair]) -> dict:
    """Give a plan's value, fairness and labelled pairs held (each pair counted once)."""
    met = set(plan.meetings())
    got = dict.fromkeys((p.id for p in people), 0.0)
    for m in met:
        for p in m:
            got[p] += rules.values.get(m, 0.0)
    first = _round_pairs(plan, 0)
    held = [m for m in labelled if m in met]
    return {
        "value": sum(rules.values.get(m, 0.0) for m in met),
        "got": got,
        "labelled": len(held) / len(labelled),
        "held": len(held),
        "of": len(labelled),
        "held_round1": sum(m in first for m in held),
        "ok": verify(plan, people, rules).ok,
        "never": sum(m in rules.never for m in met),
    }


def _round_pairs(plan: Plan, r: int) -> set[Pair]:
    """List the meetings of one round."""
    return {
        pair(a, b)
        for t in plan.rounds[r].tables
        for i, a in enumerate(t.seats)
        for b in t.seats[i + 1 :]
    }


def own_bounds(people: list[Person], rules: Rules, meetings: int) -> dict[int, float]:
    """Give each person's own bound, the value of their best `meetings` partners: for fairness."""
    by_id = {p.id: p for p in people}
    options: dict[int, list[float]] = {p.id: [] for p in people}
    for key, v in rules.values.items():
        a, b = sorted(key)
        if not rules.forbidden(by_id[a], by_id[b]):
            options[a].append(v)
            options[b].append(v)
    return {p: sum(sorted(vs, reverse=True)[:meetings]) for p, vs in options.items()}


def fairness(got: dict[int, float], bounds: dict[int, float]) -> tuple[float, float]:
    """Give the fairness figure, min and 10th percentile of value got over own bound."""
    shares = sorted(got[p] / b for p, b in bounds.items() if b > 0)
    return shares[0], shares[len(shares) // 10]


def case(n: int, rounds: int, size: int, seed: int) -> dict:
    """Plan one generated case ours and reference; give the figures side by side."""
    people, values, labelled = population(n, seed)
    return compare(f"n={n} R={rounds}", people, values, labelled, rounds, size, seed)


def compare(
    name: str,
    people: list[Person],
    values: dict[Pair, float],
    labelled: list[Pair],
    rounds: int,
    size: int,
    seed: int,
) -> dict:
    """Plan one set of people ours and reference; give the figures side by side."""
    n = len(people)
    rules = Rules(values=values)
    plan, ms, cpu = timed(lambda: make_plan(people, size, rules, rounds=rounds, seed=seed))
    top_k = TOP_K if n >= TOP_K_FROM else None
    if size == 2:
        reference = "per-round max_weight_matching" + (f" (top-{top_k})" if top_k else "")
        ref, ref_ms, ref_cpu = timed(lambda: per_round_matching(people, rules, rounds, top_k))
    else:
        reference = "today's value-blind plan"
        ref, ref_ms, ref_cpu = timed(
            lambda: make_plan(people, size, Rules(), rounds=rounds, seed=seed)
        )
    bounds = own_bounds(people, rules, (size - 1) * rounds)
    bound = value_bound({p.id: p for p in people}, rules, (size - 1) * rounds)
    return {
        "case": f"{name} {'1:1' if size == 2 else f'tables of {size}'}",
        "reference": reference,
        "bound": bound,
        "own_bound": sum(bounds.values()) / 2,
        "chance": rounds * (size - 1) / (n - 1),
        "ours": _row(measure(plan, people, rules, labelled), bound, bounds, ms, cpu),  # type: ignore[arg-type]
        "ref": _row(measure(ref, people, rules, labelled), bound, bounds, ref_ms, ref_cpu),  # type: ignore[arg-type]
    }


def _row(m: dict, bound: float, bounds: dict[int, float], ms: float, cpu: float) -> dict:
    """Summarise one plan's figures."""
    low, p10 = fairness(m.pop("got"), bounds)
    share = m["value"] / bound
    return {**m, "share": share, "fair_min": low, "fair_p10": p10, "ms": ms, "cpu_ms": cpu}


def walk_in(n: int, rounds: int, runs: int, seed: int) -> dict:
    """Re-plan after round 2 when one person walks in, `runs` times; give p50 and p99."""
    people, values, _ = population(n + 1, seed)
    newcomer = people[-1]
    here = people[:-1]
    known = {k: v for k, v in values.items() if newcomer.id not in k}
    previous = make_plan(here, 2, Rules(values=known), rounds=rounds, seed=seed)
    rules = Rules(values=values)
    times, cpu, ok = [], [], True
    for run in range(runs):
        result, ms, cpu_ms = timed(
            lambda run=run: replan(previous, frozen=2, people=people, rules=rules, seed=run)
        )
        times.append(ms)
        cpu.append(cpu_ms)
        ok &= verify(result.plan, people, rules, frozen=2).ok  # type: ignore[attr-defined]
    return {
        "case": f"re-plan n={n} R={rounds} after round 2, one walk-in, {runs} runs",
        "p50_ms": statistics.median(times),
        "p99_ms": _p99(times),
        "cpu_p99_ms": _p99(cpu),
        "ok": ok,
    }


def _p99(values: list[float]) -> float:
    """Give the 99th percentile of a list of times."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.99 * len(ordered)))]


def show(rows: list[dict], replans: list[dict], model: str, reach: str) -> None:
    """Print the figures as one table, ours beside the reference."""
    print(f"labelled text: 60 people, text model {model}; {reach}\n")
    print(
        "| case | reference | value ours / ref | share of bound ours / ref | labelled held "
        "ours / ref (chance) | of those in round 1 ours / ref | fairness min, p10 ours / ref "
        "| ms ours / ref (ratio) | CPU ms ours / ref | valid |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for row in rows:
        o, r = row["ours"], row["ref"]
        print(
            f"| {row['case']} | {row['reference']} | {o['value']:.1f} / {r['value']:.1f} "
            f"| {o['share']:.1%} / {r['share']:.1%} "
            f"| {o['labelled']:.0%} ({o['held']}/{o['of']}) / {r['labelled']:.0%} "
            f"({r['held']}/{r['of']}) ({row['chance']:.0%}) "
            f"| {o['held_round1']} / {r['held_round1']} "
            f"| {o['fair_min']:.2f}, {o['fair_p10']:.2f} "
            f"/ {r['fair_min']:.2f}, {r['fair_p10']:.2f} "
            f"| {o['ms']:.0f} / {r['ms']:.0f} ({r['ms'] / o['ms']:.1f}×) "
            f"| {o['cpu_ms']:.0f} / {r['cpu_ms']:.0f} "
            f"| {o['ok'] and not o['never']} |"
        )
    for rp in replans:
        p50, p99, cpu = rp["p50_ms"], rp["p99_ms"], rp["cpu_p99_ms"]
        times = f"p50 {p50:.1f} ms, p99 {p99:.1f} ms (CPU p99 {cpu:.1f} ms)"
        print(f"\n{rp['case']}: {times}, ok {rp['ok']}")


def main() -> None:
    """Run every case and the walk-in re-plan; print and save."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="60 and 200 people only")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    cases = CASES[:2] if args.quick else CASES
    embedder, model = text_model()
    text = labelled_text(embedder, args.seed)
    rows = [compare("labelled text n=60 R=5", *text, 5, size, args.seed) for size in (2, 6)]
    rows += [case(n, r, size, args.seed) for size in (2, 6) for n, r in cases]
    replans = [walk_in(cases[-1][0], cases[-1][1], 100, args.seed)]
    reach = within_reach(text[1], text[2], 5)
    show(rows, replans, model, reach)
    RESULTS.parent.mkdir(exist_ok=True)
    figures = {"model": model, "reach": reach, "cases": rows, "replans": replans}
    RESULTS.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
