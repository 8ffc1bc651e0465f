"""What a plan's meetings are worth, against what they could be worth: the plan's value figures.

Counted once per pair met in the rounds still to play or played alike. The bound is what no
plan of that many rounds can beat: a point of the dual of the LP where each person has
(table size − 1) × rounds meetings (`bound.py`), never looser than each person's best partners'
value, halved. The fairness figure is the least, over people who could get any value, of the
value they get over their own bound, their best partners' value (p10: the tenth percentile).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from heapq import nlargest

from app.domain.model import Pair, Person, Plan, Rules
from app.domain.scheduler.check.bound import value_bound


@dataclass(frozen=True)
class ValueFigures:
    """A plan's value figures (see the module)."""

    value: float
    bound: float
    fairness_min: float
    fairness_p10: float
    must_met: int
    must_total: int
    never_met: int

    def to_metrics(self) -> dict[str, object]:
        """Give the figures as JSON-friendly values for the plan's `metrics`."""
        return {
            "value": round(self.value, 3),
            "value_bound": round(self.bound, 3),
            "value_share": round(self.value / self.bound, 4) if self.bound else 1.0,
            "fairness_min": round(self.fairness_min, 4),
            "fairness_p10": round(self.fairness_p10, 4),
            "must_met": self.must_met,
            "must_total": self.must_total,
            "never_met": self.never_met,
        }


def value_figures(plan: Plan, present: Mapping[int, Person], rules: Rules) -> ValueFigures:
    """Measure a plan's value, its bound and its fairness for the people present."""
    met = set(plan.meetings())
    got = dict.fromkeys(present, 0.0)
    for m in met:
        for p in m:
            if p in got:
                got[p] += rules.values.get(m, 0.0)
    meetings = (plan.table_size - 1) * len(plan.rounds)
    bounds = _bounds(present, rules, meetings)
    shares = sorted(got[p] / b for p, b in bounds.items() if b > 0) or [1.0]
    must = [m for m in rules.must if m <= present.keys()]
    return ValueFigures(
        value=sum(rules.values.get(m, 0.0) for m in met if m <= present.keys()),
        bound=value_bound(present, rules, meetings),
        fairness_min=shares[0],
        fairness_p10=shares[len(shares) // 10],
        must_met=sum(m in met for m in must),
        must_total=len(must),
        never_met=len(met & rules.never),
    )


def _bounds(present: Mapping[int, Person], rules: Rules, meetings: int) -> dict[int, float]:
    """Give each person the value of their best `meetings` allowed partners."""
    options: dict[int, list[float]] = {pid: [] for pid in present}
    for key, value in rules.values.items():
        if value <= 0 or len(key) != 2 or not key <= present.keys():
            continue
        a, b = sorted(key)
        if not rules.forbidden(present[a], present[b]):
            options[a].append(value)
            options[b].append(value)
    return {pid: sum(nlargest(meetings, vs)) for pid, vs in options.items()}


def never_met(plan: Plan, rules: Rules) -> list[Pair]:
    """List the pairs that must never meet (`Rules.never`) yet meet in the plan."""
    if not rules.never:
        return []
    return sorted((m for m in set(plan.meetings()) if m in rules.never), key=sorted)
