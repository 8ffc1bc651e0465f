"""Edmonds' blossom algorithm: augmenting from every free vertex gives a maximum matching."""

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.scheduler.pairs.blossom import augment


@st.composite
def graphs(draw: st.DrawFn) -> list[set[int]]:
    n = draw(st.integers(1, 14))
    edges = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=40))
    adjacent: list[set[int]] = [set() for _ in range(n)]
    for a, b in edges:
        if a != b:
            adjacent[a].add(b)
            adjacent[b].add(a)
    return adjacent


@settings(max_examples=300, deadline=None)
@given(graphs(), st.randoms(use_true_random=False))
def test_augmenting_from_every_free_vertex_gives_a_maximum_matching(adjacent, rng):
    n = len(adjacent)
    mate = [-1] * n
    for v in rng.sample(range(n), n):  # any greedy start
        free = [u for u in adjacent[v] if mate[u] < 0]
        if mate[v] < 0 and free:
            u = rng.choice(free)
            mate[u], mate[v] = v, u
    for v in range(n):
        if mate[v] < 0:
            augment(v, mate, adjacent.__getitem__)
    assert all(mate[v] < 0 or (mate[mate[v]] == v and mate[v] in adjacent[v]) for v in range(n))
    graph = nx.Graph((a, b) for a in range(n) for b in adjacent[a])
    assert sum(m >= 0 for m in mate) // 2 == len(nx.max_weight_matching(graph, maxcardinality=True))
