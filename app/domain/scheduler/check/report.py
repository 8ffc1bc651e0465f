"""What the verifier tells a host about a plan."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.scheduler.check.value import ValueFigures


@dataclass(frozen=True)
class PlanReport:
    """What a plan does: whether it breaks a rule, and the figures a host looks at."""

    ok: bool
    problems: tuple[str, ...]
    rounds: int
    people: int
    meetings: int
    pairs_covered: int
    pairs_possible: int
    repeats: int
    history_repeats: int
    company_violations: int
    club_meetings: int
    meetings_per_person: Mapping[int, int]
    sit_outs: Mapping[int, int]
    longest_walk: int
    long_walks: int
    value: ValueFigures | None = None  # when pairs carry values or pins (`Rules.values`)

    @property
    def meetings_min(self) -> int:
        """Give the fewest meetings anyone present gets."""
        return min(self.meetings_per_person.values(), default=0)

    @property
    def meetings_max(self) -> int:
        """Give the most meetings anyone present gets."""
        return max(self.meetings_per_person.values(), default=0)

    @property
    def sit_out_spread(self) -> int:
        """Give how unevenly sitting out is shared: most minus fewest rounds sat out."""
        counts = self.sit_outs.values()
        return max(counts, default=0) - min(counts, default=0)

    def to_metrics(self) -> dict[str, object]:
        """Summarise the report as JSON-friendly values for the plan's `metrics`."""
        possible = self.pairs_possible
        return {
            "ok": self.ok,
            "problems": list(self.problems),
            "rounds": self.rounds,
            "people": self.people,
            "meetings": self.meetings,
            "pairs_covered": self.pairs_covered,
            "pairs_possible": possible,
            "pairs_unmet": possible - self.pairs_covered,
            "coverage": round(self.pairs_covered / possible, 4) if possible else 1.0,
            "repeats": self.repeats,
            "history_repeats": self.history_repeats,
            "company_violations": self.company_violations,
            "club_meetings": self.club_meetings,
            "meetings_min": self.meetings_min,
            "meetings_max": self.meetings_max,
            "sit_outs_min": min(self.sit_outs.values(), default=0),
            "sit_outs_max": max(self.sit_outs.values(), default=0),
            "sit_out_spread": self.sit_out_spread,
            "longest_walk": self.longest_walk,
            "long_walks": self.long_walks,
            **(self.value.to_metrics() if self.value else {}),
        }
