"""The host's pinned ("must meet") and forbidden ("never") pairs of an event."""

from fastapi import APIRouter, Depends

from app.services import pair_rules
from app.services.schemas import PairRuleSet
from app.web.auth import require_admin
from app.web.deps import PathId, SessionDep

router = APIRouter(
    prefix="/api/events/{event_id}/pairs",
    tags=["pairs"],
    dependencies=[Depends(require_admin)],
)
RULE_RESPONSES: dict = {
    200: {"content": {"application/json": {"example": {"a": 12, "b": 31, "kind": "must"}}}},
    404: {"description": "the event, or a participant not registered for it"},
    409: {"description": "the event is finished"},
    422: {"description": "the same person twice, or a must-meet within one company"},
}


@router.get("")
def list_rules(event_id: PathId, session: SessionDep) -> list[dict]:
    """List the pinned and forbidden pairs; they apply from the next plan."""
    return pair_rules.list_rules(session, event_id)


@router.put("/{person_id}/{other_id}", responses=RULE_RESPONSES)
def set_rule(
    event_id: PathId, person_id: PathId, other_id: PathId, rule: PairRuleSet, session: SessionDep
) -> dict:
    """Pin a pair or forbid it; the lower id comes first in the answer."""
    return pair_rules.set_rule(session, event_id, person_id, other_id, rule.kind)


@router.delete(
    "/{person_id}/{other_id}", responses={404: RULE_RESPONSES[404], 409: RULE_RESPONSES[409]}
)
def drop_rule(event_id: PathId, person_id: PathId, other_id: PathId, session: SessionDep) -> dict:
    """Remove the rule on a pair; removing one never set is fine."""
    return pair_rules.drop_rule(session, event_id, person_id, other_id)
