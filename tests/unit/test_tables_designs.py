"""Each construction seats everyone once per round and never repeats a pair (checked by verify)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.model import Person, Plan, Round, Rules, Table
from app.domain.scheduler.check.verify import verify
from app.domain.scheduler.designs import BEST_KNOWN, best_design
from app.domain.scheduler.designs.affine import net
from app.domain.scheduler.designs.catalogue import BASES
from app.domain.scheduler.designs.cyclic import Orbits, develop, find_base
from app.domain.scheduler.designs.galois import field, prime_power
from app.domain.scheduler.designs.matrix import MATRICES
from app.domain.scheduler.designs.matrix import develop as develop_matrix
from app.domain.scheduler.designs.mols import mols, resolvable_td
from app.domain.scheduler.designs.published import PUBLISHED
from app.domain.scheduler.designs.uneven import design_for

QS = [2, 3, 4, 5, 7, 8, 9, 16, 25, 27]


def report(rounds, size: int):
    """Verify a design as a plan of people 0..n-1."""
    n = sum(len(t) for t in rounds[0])
    plan = Plan(
        size,
        tuple(
            Round(r + 1, tuple(Table(t + 1, tuple(tb)) for t, tb in enumerate(rnd)))
            for r, rnd in enumerate(rounds)
        ),
    )
    return verify(plan, [Person(i) for i in range(n)], Rules())


@pytest.mark.parametrize("q", QS)
def test_every_nonzero_field_element_has_an_inverse(q: int) -> None:
    f = field(q)
    assert all(any(f.mul[a][b] == 1 for b in range(q)) for a in range(1, q))


@given(st.sampled_from(QS), st.data())
@settings(max_examples=60, deadline=None)
def test_field_multiplication_distributes_over_addition(q: int, data) -> None:
    f = field(q)
    a, b, c = (data.draw(st.integers(0, q - 1)) for _ in range(3))
    assert f.mul[a][f.add[b][c]] == f.add[f.mul[a][b]][f.mul[a][c]]
    assert f.sub(f.add[a][b], b) == a


def test_prime_powers_are_recognised() -> None:
    assert prime_power(64) == (2, 6)
    assert prime_power(81) == (3, 4)
    assert prime_power(12) is None


@pytest.mark.parametrize(
    ("order", "count"), [(3, 2), (4, 3), (5, 4), (7, 6), (9, 8), (10, 2), (12, 2)]
)
def test_latin_squares_are_mutually_orthogonal(order: int, count: int) -> None:
    squares = mols(order)
    assert len(squares) == count
    every = set(range(order))
    for s in squares:
        assert all(set(row) == every for row in s)
        assert all({row[b] for row in s} == every for b in range(order))
    for i, s in enumerate(squares):
        for t in squares[i + 1 :]:
            assert len({(s[a][b], t[a][b]) for a in range(order) for b in range(order)}) == order**2


@pytest.mark.parametrize(("q", "rounds"), [(4, 5), (5, 6), (7, 8), (8, 9), (9, 10)])
def test_affine_planes_let_everyone_meet_everyone(q: int, rounds: int) -> None:
    rep = report(net(q), q)
    assert rep.ok and rep.rounds == rounds and rep.repeats == 0
    assert rep.pairs_covered == rep.pairs_possible


@pytest.mark.parametrize(("k", "g"), [(3, 4), (4, 5), (5, 7), (6, 8), (8, 9), (3, 12)])
def test_resolvable_transversal_designs_give_g_rounds(k: int, g: int) -> None:
    rounds = resolvable_td(k, g)
    assert rounds is not None
    rep = report(rounds, k)
    assert rep.ok and rep.rounds == g and rep.repeats == 0


@pytest.mark.parametrize("cell", sorted(BASES))
def test_catalogue_bases_develop_into_repeat_free_rounds(cell: tuple[int, int]) -> None:
    orbits, _, base, whole = BASES[cell]
    rep = report(develop(orbits, base, whole), cell[1])
    assert rep.ok and rep.rounds == orbits.w + len(whole) and rep.repeats == 0


@pytest.mark.parametrize("cell", sorted(MATRICES))
def test_difference_matrices_develop_into_the_best_known_rounds(cell: tuple[int, int]) -> None:
    rep = report(develop_matrix(cell[0], MATRICES[cell]), cell[1])
    assert rep.ok and rep.rounds == BEST_KNOWN[cell] and rep.repeats == 0


@pytest.mark.parametrize(("cell", "rounds"), [((6, 3), 8), ((8, 4), 10)])
def test_published_schedules_repeat_no_pair(cell: tuple[int, int], rounds: int) -> None:
    rep = report(PUBLISHED[cell], cell[1])
    assert rep.ok and rep.rounds == rounds and rep.repeats == 0
    assert rep.pairs_possible - rep.pairs_covered == cell[0] * cell[1] // 2


def test_the_base_finder_rediscovers_kirkmans_schoolgirls() -> None:
    orbits = Orbits(7, 2, 1, 7)
    base = find_base(orbits, 3, seed=0, steps=2000)
    assert base is not None
    assert report(develop(orbits, base), 3).repeats == 0


@pytest.mark.parametrize(
    ("tables", "size", "rounds"),
    [
        (5, 3, 7),
        (7, 3, 10),
        (9, 3, 13),
        (10, 3, 14),
        (9, 4, 11),
        (8, 4, 10),
        (10, 4, 13),
        (6, 5, 6),
        (6, 3, 8),
        (10, 5, 9),
        (10, 7, 7),
        (10, 8, 5),
        (10, 9, 5),
        (10, 10, 4),
    ],
)
def test_best_design_reaches_the_known_rounds(tables: int, size: int, rounds: int) -> None:
    design = best_design(tables, size)
    assert len(design) >= rounds
    assert report(design, size).repeats == 0


@pytest.mark.parametrize(("n", "k"), [(47, 6), (49, 6), (53, 5), (14, 3), (22, 4)])
def test_uneven_layouts_keep_tables_within_one_and_repeat_free(n: int, k: int) -> None:
    g = -(-n // k)
    sizes = [n // g + (1 if i < n % g else 0) for i in range(g)]
    design = design_for(sizes, random.Random(0))
    assert design
    assert all(sorted(map(len, rnd)) == sorted(sizes) for rnd in design)
    assert report(design, max(sizes)).repeats == 0


def test_complete_designs_let_everyone_meet_everyone_once() -> None:
    for tables, size in [(7, 3), (10, 4)]:
        rep = report(best_design(tables, size), size)
        assert rep.repeats == 0 and rep.pairs_covered == rep.pairs_possible
