"""Follow-up taps, shared details and mutual matches, reached only through a personal token."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel

from app.adapters.vcard import MEDIA_TYPE, vcards
from app.services import follow_up, matches
from app.web import i18n
from app.web.deps import PathId, SessionDep
from app.web.i18n import _

router = APIRouter(prefix="/api/me/{token}", tags=["participant"])

TAP_RESPONSES: dict = {
    404: {"description": "unknown personal link"},
    409: {"description": "you have not met this person in a round held so far"},
    422: {"description": "a tap on yourself"},
}
MATCHES_EXAMPLE = {
    "revealed": True,
    "matches": [
        {
            "id": 31,
            "first_name": "Julien",
            "last_name": "Caron",
            "company": "Caron Transport SAS",
            "sector": "Transport",
            "pitch": "Logistique du dernier kilomètre",
            "email": "julien.caron@example.fr",
        }
    ],
}


class Sharing(BaseModel):
    """Which details my mutual matches get; a field left out keeps its setting."""

    email: bool | None = None
    phone: bool | None = None
    website: bool | None = None


@router.get("/interests")
def my_interests(token: str, session: SessionDep) -> list[dict]:
    """List the people I want to follow up with."""
    return follow_up.my_follow_ups(session, token)


@router.put("/interests/{person_id}", responses=TAP_RESPONSES)
def tap(token: str, person_id: PathId, session: SessionDep) -> dict:
    """Say I want to follow up with someone met in a round held; twice is the same as once."""
    return follow_up.follow_up(session, token, person_id)


@router.delete("/interests/{person_id}", responses={404: TAP_RESPONSES[404]})
def untap(token: str, person_id: PathId, session: SessionDep) -> dict:
    """Take back a follow-up tap; taking back one never made is fine."""
    return follow_up.drop_follow_up(session, token, person_id)


@router.get("/sharing")
def my_sharing(token: str, session: SessionDep) -> dict[str, bool]:
    """Tell which details (email, phone, website) my mutual matches get."""
    return follow_up.my_sharing(session, token)


@router.put("/sharing")
def set_sharing(token: str, choices: Sharing, session: SessionDep) -> dict[str, bool]:
    """Choose which details my mutual matches get; by default the e-mail address only."""
    return follow_up.set_sharing(session, token, choices.model_dump())


@router.get(
    "/matches",
    responses={200: {"content": {"application/json": {"example": MATCHES_EXAMPLE}}}},
)
def my_matches(token: str, session: SessionDep) -> dict:
    """Show my mutual matches once the event is finished; before that, `revealed` is false."""
    return matches.my_matches(session, token)


@router.get(
    "/contacts.vcf",
    response_class=Response,
    responses={
        200: {"content": {"text/vcard": {}}, "description": "one vCard per mutual match"},
        409: {"description": "the event is not finished yet"},
    },
)
def my_contacts(token: str, request: Request, session: SessionDep) -> Response:
    """Download my mutual matches as vCards, with only the details each chose to share."""
    event, contacts = matches.my_contacts(session, token)
    i18n.use_language(i18n.choose_language(request.headers.get("accept-language"), event.language))
    note = _("Met at %(event)s", event=event.title)
    return Response(
        vcards(contacts, note),
        media_type=MEDIA_TYPE,
        headers={"Content-Disposition": f'attachment; filename="tablehop-{event.id}.vcf"'},
    )
