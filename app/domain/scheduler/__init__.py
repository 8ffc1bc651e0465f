"""Make plans for an event and check them: pure functions of people, rules and a seed."""

from app.domain.scheduler.pairs import plan_pairs
from app.domain.scheduler.replan import Replan, replan_pairs
from app.domain.scheduler.report import PlanReport
from app.domain.scheduler.verify import verify

__all__ = ["PlanReport", "Replan", "plan_pairs", "replan_pairs", "verify"]
