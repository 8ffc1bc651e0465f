"""Stored schedules for more rounds than any repeat-free design gives: 10 tables of 5, 11-12 rounds.

Person 5 * o + x is point x of orbit o (o in 0..9, x in Z_5). Every round is left in place by
x -> x + 1, so it is stored as one word per orbit: "aS" or "bS" puts the orbit in half a or b at
shift S, and the five tables of a half are {(o, S_o + t) : o in the half} for t in Z_5; "T" seats
the orbit as a table of its own. Found offline on the Z_5 quotient (the model of
`tools/design_search/find_golf12.py`; CP-SAT stalled at 35 pair orbits met twice in 150 s,
simulated annealing in `tools/design_search/anneal_golf12.py` does far better). Used for 11 and
12 rounds: for 10, the repeat-free design plus a searched round repeats 15 meetings (seed 0), and
the best 10 of these rounds 25; for 11 it is 38 against 35 for the first 11 of these rounds before
any search.
"""

from __future__ import annotations

from app.domain.scheduler.tables.grid import Grid

M = 5  # the cyclic group Z_5 that leaves every round in place
FROM_10_5 = 11  # fewest rounds of 10 tables of 5 for which the stored schedule is used

# 10 tables of 5, 12 rounds, 55 repeated meetings (11 pair orbits met twice): simulated annealing
# on the Z_5 quotient, `python tools/design_search/anneal_golf12.py --steps 25000000 --seed 3`
# (about 6 min; 3M steps gave 65, 10M steps 60). The search's third round is put last: the first
# 11 rounds then repeat 35 meetings, the fewest of any 11 of these rounds.
ROUNDS_10_5: tuple[str, ...] = (
    "b1 a1 a3 a2 b1 b3 a3 b1 a1 b0",
    "a2 a0 b3 b4 b3 b1 a4 b2 a0 a3",
    "a3 a2 a1 b2 b4 b3 b0 a2 b0 a1",
    "a2 a2 b3 b3 a1 a2 b2 b3 a1 b4",
    "a1 b3 b3 a2 b0 b0 b4 a3 a2 a1",
    "a1 b2 b0 a0 b1 a0 a0 a2 b0 b2",
    "a2 b1 a2 b4 a0 b2 a0 b2 a2 b2",
    "a2 b2 a1 b2 b0 a0 a3 b1 b3 a4",
    "a2 a4 b4 b1 a4 b0 a2 a1 b3 b3",
    "T T T T T a1 a2 a0 a1 a2",
    "a0 a1 a2 a0 a1 T T T T T",
    "a4 b1 a0 b3 b3 a0 b0 a3 a1 b3",
)


def develop_rounds(words: tuple[str, ...]) -> Grid:
    """Turn stored rounds into tables of person indices (orbit o, point x is 5 * o + x)."""
    grid: Grid = []
    for word in words:
        cells = word.split()
        rnd: list[list[int]] = []
        for o, cell in enumerate(cells):
            if cell == "T":
                rnd.append([M * o + x for x in range(M)])
        for side in "ab":
            members = [(o, int(c[1:])) for o, c in enumerate(cells) if c[0] == side]
            if members:
                rnd.extend([[M * o + (s + t) % M for o, s in members] for t in range(M)])
        grid.append(rnd)
    return grid


def stored(tables: int, size: int, rounds: int) -> Grid | None:
    """Give a stored schedule of `rounds` rounds for this layout, or None if none is kept."""
    if (tables, size) == (10, 5) and FROM_10_5 <= rounds <= len(ROUNDS_10_5):
        return develop_rounds(ROUNDS_10_5[:rounds])
    return None
