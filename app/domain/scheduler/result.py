"""What a re-plan gives back, for pairs and tables alike."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.model import Plan


@dataclass(frozen=True)
class Replan:
    """A new plan and how much it disturbs the old one."""

    plan: Plan
    churn: int  # person-rounds where someone staying loses or changes the table they had
    newcomers: tuple[int, ...]
    leavers: tuple[int, ...]
