"""Make plans for an event and check them: pure functions of people, rules and a seed.

The services use only this face: `make_plan` and `replan` (pairs or tables of k, chosen by
table size) and `verify`, with the values they return.
"""

from app.domain.scheduler.check.report import PlanReport
from app.domain.scheduler.check.verify import verify
from app.domain.scheduler.planner import make_plan, replan
from app.domain.scheduler.result import Replan

__all__ = ["PlanReport", "Replan", "make_plan", "replan", "verify"]
