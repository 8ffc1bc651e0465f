"""What each 1:1 meeting is worth and whether it may be held, by person index, for fast look-ups.

The valued planner (`valued.py`) works on indices 0..n-1 of the people present; this turns
`Rules.values`, `Rules.must` and the rules `Constraints` keeps into integer-keyed tables once.
"""

from __future__ import annotations

from heapq import nlargest

from app.domain.model import Rules
from app.domain.scheduler.constraints import CLUB, HISTORY, NEW, Constraints

FORBIDDEN = -1  # the tier of a pair that may never meet


class Worth:
    """Pair values and tiers among the people present, by index (a pair not listed is worth 0).

    Only pairs that may meet as new ones carry a value: same-company, `never` and history pairs
    are worth nothing here (history pairs meet only to fill a round, as in plain plans).
    """

    def __init__(self, constraints: Constraints, rules: Rules) -> None:
        ids = constraints.ids
        n = len(ids)
        at = {pid: i for i, pid in enumerate(ids)}
        self.n = n
        self.company = [constraints.company.get(pid) for pid in ids]
        self.club = [constraints.club.get(pid) for pid in ids]
        self.never = self._keys(rules.never, at)
        self.history = self._keys(constraints.history, at)
        self.value: dict[int, float] = {}
        self.partners: list[list[tuple[float, int]]] = [[] for _ in ids]
        for met, worth in rules.values.items():
            if worth > 0 and len(met) == 2:
                self._add(at, met, float(worth))
        self.must = [
            (min(i, j), max(i, j))
            for i, j in (self._indices(at, m) for m in sorted(rules.must, key=sorted))
            if i is not None and j is not None and self.tier(i, j) in (NEW, CLUB)
        ]
        self.pinned = set(self.must)
        self.top = max(self.value.values(), default=0.0) + 1.0  # above any value: a pin

    def ranked(self, i: int, j: int) -> float:
        """Give a meeting's value for ordering, a pinned pair counting more than any value."""
        pinned = (i, j) in self.pinned or (j, i) in self.pinned
        return self.of(i, j) + (self.top if pinned else 0.0)

    def held(self, meetings: list[tuple[int, int]]) -> float:
        """Give a round's value for ordering, a pinned pair counting more than any value."""
        return sum(self.ranked(i, j) for i, j in meetings)

    def _indices(self, at: dict[int, int], met: frozenset[int]) -> tuple[int | None, int | None]:
        """Give the indices of a pair's two people (None for someone not present)."""
        a, b = sorted(met) if len(met) == 2 else (None, None)
        return at.get(a), at.get(b)  # type: ignore[arg-type]

    def _keys(self, pairs: frozenset[frozenset[int]], at: dict[int, int]) -> set[int]:
        """Turn pairs of ids into index keys, for the pairs whose two people are present."""
        keys = set()
        for met in pairs:
            i, j = self._indices(at, met)
            if i is not None and j is not None:
                keys.add(self.key(i, j))
        return keys

    def _add(self, at: dict[int, int], met: frozenset[int], worth: float) -> None:
        """Record one pair's value when both are present and may meet as a new pair."""
        i, j = self._indices(at, met)
        if i is None or j is None or self.tier(i, j) not in (NEW, CLUB):
            return
        self.value[self.key(i, j)] = worth
        self.partners[i].append((worth, j))
        self.partners[j].append((worth, i))

    def key(self, i: int, j: int) -> int:
        """Encode an unordered pair of indices as one int."""
        return i * self.n + j if i < j else j * self.n + i

    def of(self, i: int, j: int) -> float:
        """Give what a meeting between two indices is worth (0 when nothing is known)."""
        return self.value.get(self.key(i, j), 0.0)

    def tier(self, i: int, j: int) -> int:
        """Rank a meeting like `Constraints.tier` (new, club, history), or FORBIDDEN."""
        code = self.company[i]
        if (code is not None and code == self.company[j]) or self.key(i, j) in self.never:
            return FORBIDDEN
        if self.key(i, j) in self.history:
            return HISTORY
        club = self.club[i]
        return CLUB if club is not None and club == self.club[j] else NEW

    def best(self, count: int) -> list[list[tuple[float, int]]]:
        """Give each person's `count` most valuable partners, best first."""
        return [nlargest(count, options) for options in self.partners]

    def bounds(self, meetings: int) -> list[float]:
        """Give each person's own bound: the value of their `meetings` best partners."""
        return [sum(v for v, _ in best) for best in self.best(meetings)]
