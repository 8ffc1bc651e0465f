"""The banner: a short message from the host, shown on every screen until cleared."""

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, StringConstraints

from app.services import banner
from app.web.auth import require_admin
from app.web.deps import LiveDep, PathId, SessionDep

router = APIRouter(tags=["banner"], dependencies=[Depends(require_admin)])


class BannerIn(BaseModel):
    """The text to show; empty clears the banner."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"text": "Le buffet ouvre après la ronde 20 !"}]}
    )

    text: Annotated[str, StringConstraints(strip_whitespace=True, max_length=banner.MAX_LENGTH)]


BANNER_EXAMPLE = {"type": "banner", "text": "Le buffet ouvre après la ronde 20 !", "at_ms": 1}


@router.post(
    "/api/events/{event_id}/banner",
    responses={
        200: {"content": {"application/json": {"example": BANNER_EXAMPLE}}},
        422: {"description": "longer than 280 characters"},
    },
)
def post_banner(event_id: PathId, body: BannerIn, session: SessionDep, live: LiveDep) -> dict:
    """Show a message (≤ 280 characters) on every screen and phone; an empty text clears it."""
    shown = banner.set_banner(session, event_id, body.text)
    banner.publish_from_thread(live.hub, event_id, shown)
    return shown
