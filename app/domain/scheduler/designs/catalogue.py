"""Base rounds for the cells no algebraic construction reaches, developed under Z_m.

Each entry was found in this repository by `cyclic.find_base` (tabu, `steps` as noted),
`cyclic.backtrack_base` (300 000 nodes) with the seed given, or by the CP-SAT model of
`tools/design_search/find_bases.py` (OR-Tools, run offline: no dependency of the app). The optional
fourth field lists starters of rounds that every shift leaves in place (see `cyclic.develop`).
`tests/unit/test_tables_designs.py` develops every entry and checks that no pair meets twice. Their
existence is classical: Kirkman triple systems, nearly Kirkman triple systems, resolvable 2-designs
and resolvable 4-GDDs (Colbourn & Dinitz, Handbook of Combinatorial Designs, 2nd ed., II.2, II.7 and
IV.5).
"""

from __future__ import annotations

from app.domain.scheduler.designs.cyclic import Base, Orbits

Entry = tuple[Orbits, int, Base, tuple[Base, ...]]

# (tables, size) -> (orbits, seed, base round, starters of fixed rounds)
BASES: dict[tuple[int, int], Entry] = {
    # KTS(15), Kirkman's schoolgirls: Z_7 x 2 + ∞ (find_base, 5000 steps).
    (5, 3): (
        Orbits(7, 2, 1, 7),
        0,
        ((2, 11, 14), (3, 8, 9), (0, 1, 5), (4, 7, 12), (6, 10, 13)),
        (),
    ),
    # NKTS(24): Z_11 x 2 + 2∞; the 12 pairs that never meet form a 1-factor (find_base, 5000).
    (8, 3): (
        Orbits(11, 2, 2, 11),
        0,
        (
            (6, 8, 20),
            (1, 12, 14),
            (4, 13, 23),
            (0, 18, 22),
            (2, 5, 21),
            (7, 11, 17),
            (3, 9, 10),
            (15, 16, 19),
        ),
        (),
    ),
    # NKTS(30): Z_14 x 2 + 2∞ (find_base, 5000 steps).
    (10, 3): (
        Orbits(14, 2, 2, 14),
        0,
        (
            (13, 14, 18),
            (9, 22, 23),
            (10, 26, 28),
            (12, 16, 24),
            (0, 4, 21),
            (3, 6, 11),
            (5, 7, 27),
            (8, 19, 29),
            (1, 2, 25),
            (15, 17, 20),
        ),
        (),
    ),
    # Resolvable 4-GDD of type 3^8: Z_7 x 3 + 3∞ (find_base, 6000 steps).
    (6, 4): (
        Orbits(7, 3, 3, 7),
        0,
        (
            (0, 2, 3, 10),
            (4, 14, 15, 19),
            (1, 12, 17, 22),
            (6, 11, 20, 21),
            (8, 9, 13, 16),
            (5, 7, 18, 23),
        ),
        (),
    ),
    # Resolvable 2-(28, 4, 1) design: Z_9 x 3 + ∞ (backtrack_base).
    (7, 4): (
        Orbits(9, 3, 1, 9),
        1,
        (
            (1, 11, 23, 27),
            (5, 10, 21, 25),
            (4, 7, 8, 22),
            (13, 18, 20, 26),
            (0, 2, 9, 19),
            (6, 12, 14, 17),
            (3, 15, 16, 24),
        ),
        (),
    ),
    # Resolvable 4-GDD of type 3^12: Z_11 x 3 + 3∞ (backtrack_base).
    (9, 4): (
        Orbits(11, 3, 3, 11),
        7,
        (
            (7, 15, 23, 33),
            (4, 19, 25, 34),
            (5, 21, 31, 35),
            (0, 10, 22, 30),
            (2, 6, 8, 20),
            (13, 14, 16, 29),
            (12, 17, 24, 26),
            (3, 27, 28, 32),
            (1, 9, 11, 18),
        ),
        (),
    ),
    # 60 people at 10 tables of 6 for 7 rounds: Z_7 x 8 + 4∞ (find_base, 4000 steps).
    (10, 6): (
        Orbits(7, 8, 4, 7),
        0,
        (
            (3, 8, 11, 17, 36, 54),
            (12, 26, 35, 46, 50, 56),
            (7, 14, 23, 27, 41, 44),
            (4, 15, 19, 43, 48, 53),
            (2, 5, 18, 39, 40, 45),
            (0, 13, 30, 42, 55, 57),
            (6, 16, 24, 28, 49, 52),
            (9, 21, 34, 38, 47, 59),
            (1, 10, 20, 25, 33, 58),
            (22, 29, 31, 32, 37, 51),
        ),
        (),
    ),
    # KTS(21): Z_7 x 3, a base round shifted 7 times plus 3 rounds fixed by every shift, each made
    # of the tables {(x, 0), (x + a, 1), (x + b, 2)} (CP-SAT,
    # `tools/design_search/find_bases.py 7 3 0 7 3 --whole 3`). Kirkman triple systems exist for
    # every v = 3 mod 6 (Ray-Chaudhuri & Wilson, 1971); this one seats 7 tables of 3 for 10 rounds,
    # everyone meeting everyone once.
    (7, 3): (
        Orbits(7, 3, 0, 7),
        0,
        ((0, 1, 12), (3, 6, 18), (5, 8, 13), (16, 17, 19), (2, 4, 15), (9, 10, 14), (7, 11, 20)),
        (((0, 7, 14),), ((0, 9, 17),), ((0, 13, 16),)),
    ),
    # Resolvable 2-(40, 4, 1) design (the points and lines of PG(3, 3) have these parameters):
    # Z_39 + ∞. The base round is {∞, 0, 13, 26} and the three blocks {1, 5, 8, 25},
    # {2, 10, 11, 16}, {4, 6, 22, 33} with their shifts by 13 and 26; those three blocks are a
    # (39, 4, 1) difference family relative to the subgroup {0, 13, 26}, which makes the 13
    # shifts a resolution (found by a depth-first search over the blocks, one residue mod 13
    # per point). 10 tables of 4 for 13 rounds: everyone meets everyone exactly once.
    (10, 4): (
        Orbits(39, 1, 1, 13),
        0,
        (
            (0, 13, 26, 39),
            (1, 5, 8, 25),
            (14, 18, 21, 38),
            (12, 27, 31, 34),
            (2, 10, 11, 16),
            (15, 23, 24, 29),
            (3, 28, 36, 37),
            (4, 6, 22, 33),
            (7, 17, 19, 35),
            (9, 20, 30, 32),
        ),
        (),
    ),
    # 50 people at 10 tables of 5 for 9 rounds: Z_9 x 5 + 5∞. The first table holds one point of
    # each orbit, so its 9 shifts are disjoint: a walk-in can sit there every round and meet nobody
    # twice (CP-SAT, `tools/design_search/find_bases.py 9 5 5 9 5 --walk-in 1`, 154 s).
    (10, 5): (
        Orbits(9, 5, 5, 9),
        0,
        (
            (0, 14, 25, 31, 41),
            (1, 17, 30, 36, 48),
            (12, 20, 26, 27, 28),
            (5, 15, 18, 38, 45),
            (2, 4, 10, 13, 19),
            (9, 22, 39, 40, 43),
            (6, 24, 33, 37, 49),
            (3, 16, 23, 42, 47),
            (8, 11, 29, 32, 34),
            (7, 21, 35, 44, 46),
        ),
        (),
    ),
    # 30 people at 6 tables of 5 for 6 rounds: Z_6 x 5
    # (CP-SAT, `tools/design_search/find_bases.py 6 5 0 6 5`).
    (6, 5): (
        Orbits(6, 5, 0, 6),
        0,
        (
            (0, 7, 20, 22, 25),
            (4, 8, 16, 24, 28),
            (9, 11, 15, 19, 26),
            (5, 12, 14, 23, 27),
            (2, 10, 13, 21, 29),
            (1, 3, 6, 17, 18),
        ),
        (),
    ),
}
