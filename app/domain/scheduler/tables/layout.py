"""Shape an event for tables: how many tables of which size, and what each meeting costs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.domain.model import Person, Rules
from app.domain.scheduler.constraints import Constraints
from app.domain.scheduler.tables.grid import Weights

FORBIDDEN = 1000.0  # a company meeting: never worth it while any other seat exists
CLUB = 0.25  # a club-mate: worse than a stranger, better than someone met before
VALUE = 0.9  # what a table's most valuable meetings may take off in all: less than a repeat


def table_sizes(n: int, size: int) -> list[int]:
    """Split n people into balanced tables of about `size`, none of one or two when avoidable."""
    tables = max(1, -(-n // size))
    if size >= 3 and n >= 3 and n // tables < 3:
        tables = max(1, n // 3)
    return [n // tables + (1 if i < n % tables else 0) for i in range(tables)]


@dataclass(frozen=True)
class Room:
    """How full a round's tables may get: `top` seats at most, at no more than `many` tables."""

    top: int
    many: int

    @classmethod
    def of(cls, sizes: list[int]) -> Room:
        """Read the room a layout gives (none for no tables)."""
        return cls(max(sizes), sizes.count(max(sizes))) if sizes else cls(0, 0)

    def full(self, tables: list[list[int]]) -> int:
        """Count the tables of a round already at `top`."""
        return sum(len(t) == self.top for t in tables)

    def takes(self, table: list[int], full: int) -> bool:
        """Tell whether one more may join `table` while `full` tables are at `top`."""
        return len(table) < self.top - 1 or (len(table) < self.top and full < self.many)


def weights_for(
    people: Sequence[Person],
    rules: Rules,
    played: Iterable[Sequence[int]] = (),
    size: int = 2,
) -> Weights:
    """Price meetings between people (by index): company, club, history and tables played.

    A pair's value (`Rules.values`) lowers its price, the most valuable pair's by
    VALUE / (2 · (size − 1)): a swap touches two tables of `size`, so all the value it can
    gain stays below one repeat (1), and a company meeting (`FORBIDDEN`) costs far more:
    valuable pairs are seated together, never at the price of a repeat or a colleague.
    """
    constraints = Constraints(people, rules)
    ids = [p.id for p in people]
    index = {pid: i for i, pid in enumerate(ids)}
    n = len(ids)
    base = [[0.0] * n for _ in range(n)]
    met = [[0] * n for _ in range(n)]
    for group in _alike(ids, constraints.club):
        _price_within(base, group, CLUB)
    for group in _alike(ids, constraints.company):
        _price_within(base, group, FORBIDDEN)
    for key in rules.never:
        a, b = (index.get(pid) for pid in key) if len(key) == 2 else (None, None)
        if a is not None and b is not None:
            base[a][b] = base[b][a] = FORBIDDEN
    _discount_values(base, rules, index, VALUE / (2 * max(1, size - 1)))
    for key in rules.history:
        a, b = (index.get(pid) for pid in key) if len(key) == 2 else (None, None)
        if a is not None and b is not None:
            met[a][b] = met[b][a] = 1
    for table in played:
        seats = [index[p] for p in table if p in index]
        for i, a in enumerate(seats):
            for b in seats[i + 1 :]:
                met[a][b] += 1
                met[b][a] += 1
    return Weights(base, met)


def _alike(ids: list[int], code: dict[int, str]) -> list[list[int]]:
    """Group people (by index) who share a code: a company or a club."""
    groups: dict[str, list[int]] = {}
    for i, pid in enumerate(ids):
        if pid in code:
            groups.setdefault(code[pid], []).append(i)
    return list(groups.values())


def _price_within(base: list[list[float]], group: list[int], price: float) -> None:
    """Price every meeting within a group (each pair looked at once, not all n²)."""
    for i, a in enumerate(group):
        for b in group[i + 1 :]:
            base[a][b] = base[b][a] = price


def _discount_values(
    base: list[list[float]], rules: Rules, index: dict[int, int], most: float
) -> None:
    """Lower the price of valuable pairs, the most valuable by `most` (forbidden ones stay)."""
    top = max(rules.values.values(), default=0.0)
    if top <= 0:
        return
    for key, worth in rules.values.items():
        if not worth > 0 or len(key) != 2:
            continue
        x, y = key
        a, b = index.get(x), index.get(y)
        if a is not None and b is not None and base[a][b] < FORBIDDEN:
            base[a][b] = base[b][a] = base[a][b] - most * worth / top


def company_groups(people: Sequence[Person], rules: Rules) -> list[list[int]]:
    """List colleagues (as indices) company by company, largest first."""
    constraints = Constraints(people, rules)
    groups: dict[str, list[int]] = {}
    for i, p in enumerate(people):
        if p.id in constraints.company:
            groups.setdefault(constraints.company[p.id], []).append(i)
    return sorted((g for g in groups.values() if len(g) > 1), key=len, reverse=True)
