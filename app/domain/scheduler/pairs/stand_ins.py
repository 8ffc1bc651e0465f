"""Who left, who arrived, and which newcomer takes over which leaver's seats."""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.domain.model import Plan
from app.domain.scheduler.constraints import Constraints
from app.domain.scheduler.pairs.matching import best_pairs


def key_of(a: int, b: int) -> int:
    """Encode an unordered pair of ids as one int, cheaper to hash than a frozenset."""
    return (a << 32) | b if a < b else (b << 32) | a


@dataclass
class Cast:
    """The people of a re-plan and the meetings newcomers have so far."""

    present: frozenset[int]
    leavers: frozenset[int]
    newcomers: frozenset[int]
    stand_in: dict[int, int]  # leaver -> newcomer taking over their seats
    swap: dict[int, int | None]  # every leaver -> their stand-in, or None
    unplaced: tuple[int, ...]  # newcomers with nobody to stand in for
    history: frozenset[int]  # pair keys, see `key_of`
    history_seats: frozenset[tuple[int, int]]  # the same pairs as seats, in both orders
    met: set[int] = field(default_factory=set)
    where: dict[int, int] = field(default_factory=dict)  # newcomer -> table in the last round
    benched: dict[int, int] = field(default_factory=dict)  # person -> rounds given up to one

    def fresh(self, a: int, b: int) -> bool:
        """Tell whether a pair surely has not met: only newcomers' meetings are all known.

        Two people from the previous plan already meet in it (or met before), so they are
        never paired again here.
        """
        return self.fresh_key(a, b, key_of(a, b))

    def fresh_key(self, a: int, b: int, key: int) -> bool:
        """Tell whether a pair, whose key is given, surely has not met."""
        newcomers = self.newcomers
        if a not in newcomers and b not in newcomers:
            return False
        return key not in self.met and key not in self.history

    def matches(self, free: Iterable[int], constraints: Constraints) -> list[tuple[int, int]]:
        """Match free people on fresh, allowed pairs."""
        return best_pairs(free, constraints, self.fresh)


def cast_for(plan: Plan, frozen: int, constraints: Constraints, rng: random.Random) -> Cast:
    """Compare the people present with those planned after round `frozen`."""
    present = frozenset(constraints.ids)
    rounds = plan.rounds[frozen:] or plan.rounds[-1:]
    first = rounds[0] if rounds else None
    planned = (
        {s for t in first.tables for s in t.seats} | set(first.sitting_out) if first else set()
    )
    leavers = frozenset(planned - present)
    newcomers = frozenset(present - planned)
    stand_in = _stand_ins(sorted(leavers), sorted(newcomers), constraints, rng)
    pairs = (tuple(p) for p in constraints.history if len(p) == 2)
    history = [(a, b) for a, b in pairs if a in present and b in present]
    cast = Cast(
        present=present,
        leavers=leavers,
        newcomers=newcomers,
        stand_in=stand_in,
        swap={p: stand_in.get(p) for p in leavers},
        unplaced=tuple(sorted(newcomers - set(stand_in.values()))),
        history=frozenset(key_of(*p) for p in history),
        history_seats=frozenset(history).union((b, a) for a, b in history),
    )
    for rnd in plan.rounds[:frozen]:
        for table in rnd.tables:
            if not newcomers.isdisjoint(table.seats):
                cast.met.add(key_of(table.seats[0], table.seats[-1]))
    return cast


def _stand_ins(
    leavers: list[int], newcomers: list[int], constraints: Constraints, rng: random.Random
) -> dict[int, int]:
    """Give each leaver a newcomer, one of their own company first (whose partners then fit)."""
    rng.shuffle(newcomers)
    company = constraints.company
    left_by = {}
    for leaver in leavers:
        left_by.setdefault(company.get(leaver), []).append(leaver)
    stand_in: dict[int, int] = {}
    waiting = []
    for newcomer in newcomers:
        same = left_by.get(company.get(newcomer)) if newcomer in company else None
        if same:
            stand_in[same.pop()] = newcomer
        else:
            waiting.append(newcomer)
    open_seats = [p for p in leavers if p not in stand_in]
    stand_in.update(zip(open_seats, waiting, strict=False))
    return stand_in
