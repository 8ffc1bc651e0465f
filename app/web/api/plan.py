"""The plan: (re)generate it from the people present, and read it with its metrics."""

from typing import Any

from fastapi import APIRouter, Depends

from app.services import clock, planning
from app.web.auth import require_admin
from app.web.deps import LiveDep, PathId, SessionDep

router = APIRouter(
    prefix="/api/events/{event_id}/plan", tags=["plan"], dependencies=[Depends(require_admin)]
)

PLAN_EXAMPLE = {
    "version": 1,
    "rounds": [
        {
            "number": 1,
            "tables": [{"table": 1, "participants": [3, 8]}, {"table": 2, "participants": [5, 1]}],
            "sitting_out": [7],
        }
    ],
    "metrics": {"rounds": 5, "pairs_covered": 10, "pairs_possible": 10, "repeats": 0},
}
PLAN_RESPONSES: dict = {200: {"content": {"application/json": {"example": PLAN_EXAMPLE}}}}


@router.post("", responses={**PLAN_RESPONSES, 409: {"description": "no plan is possible"}})
def generate_plan(event_id: PathId, session: SessionDep, live: LiveDep) -> dict[str, Any]:
    """(Re)generate the plan from who is present; rounds already held stay. Bumps the version."""
    view = planning.generate_plan(session, event_id)
    live.announce_from_thread(event_id, clock.catch_up(session, event_id).public)
    return view


@router.get("", responses=PLAN_RESPONSES)
def get_plan(event_id: PathId, session: SessionDep) -> dict[str, Any]:
    """Show every round's tables and sit-outs, with the verifier's metrics."""
    return planning.plan_view(session, event_id)
