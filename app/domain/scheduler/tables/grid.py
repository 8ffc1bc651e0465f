"""What a table schedule is, and how its meetings are counted, priced and bounded.

A `Grid` holds rounds of tables of person indices (0..n-1); every search, design and stored
schedule on the tables side works on it.
"""

from __future__ import annotations

from dataclasses import dataclass

Grid = list[list[list[int]]]


def count_round(met: list[list[int]], rnd: list[list[int]], sign: int) -> None:
    """Add (sign=1) or remove (sign=-1) every meeting of one round in a count matrix."""
    for table in rnd:
        for i, a in enumerate(table):
            for b in table[i + 1 :]:
                met[a][b] += sign
                met[b][a] += sign


def count_person(met: list[list[int]], person: int, table: list[int], sign: int) -> None:
    """Add (sign=1) or remove (sign=-1) the meetings of `person` with the others at `table`."""
    for x in table:
        if x != person:
            met[person][x] += sign
            met[x][person] += sign


@dataclass
class Weights:
    """What each meeting costs: `base[a][b]` per meeting plus one per meeting beyond the first.

    `met[a][b]` counts the meetings so far, history and fixed rounds included; a pair costs
    base * meetings + C(meetings, 2) so a third meeting hurts more than a second.
    """

    base: list[list[float]]
    met: list[list[int]]

    def seat(self, rnd: list[list[int]], sign: int) -> None:
        """Add (sign=1) or remove (sign=-1) every meeting of one round."""
        count_round(self.met, rnd, sign)

    def join_cost(self, person: int, table: list[int]) -> float:
        """Price seating `person` at `table` given the meetings so far."""
        base, met = self.base[person], self.met[person]
        return sum(base[x] + met[x] for x in table)


def total_cost(weights: Weights) -> float:
    """Price every pair's meetings so far (history included: a constant offset)."""
    total = 0.0
    for a, (base, met) in enumerate(zip(weights.base, weights.met, strict=True)):
        for b in range(a + 1, len(met)):
            m = met[b]
            total += base[b] * m + m * (m - 1) / 2
    return total


def clean(grid: Grid, weights: Weights, rounds: range) -> bool:
    """Tell whether these rounds repeat no pair and seat no colleagues together."""
    base, met = weights.base, weights.met
    return not any(
        met[a][b] > 1 or base[a][b] >= 1
        for r in rounds
        for table in grid[r]
        for i, a in enumerate(table)
        for b in table[i + 1 :]
    )


def pure(weights: Weights) -> bool:
    """Tell whether only repeats are priced: no company, club or history weight anywhere."""
    return not any(any(row) for row in weights.base)


def discounted(weights: Weights) -> bool:
    """Tell whether some meeting is priced below nothing (a valuable pair, `Rules.values`)."""
    return any(v < 0 for row in weights.base for v in row)


def fresh(weights: Weights) -> bool:
    """Tell whether nothing is priced but repeats and nobody has met yet (no history)."""
    return pure(weights) and not any(any(row) for row in weights.met)


def repeat_floor(n: int, size: int, rounds: int) -> int:
    """Bound from below the repeated meetings of any `rounds` rounds at full tables of `size`.

    Each person meets rounds * (size - 1) others but only n - 1 are there, so at least the
    excess are repeats; every repeated meeting involves two people (a counting argument).
    """
    excess = max(0, rounds * (size - 1) - (n - 1))
    return -(-n * excess // 2)
