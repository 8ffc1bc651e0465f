"""A participant's own data, reached only through their personal token."""

from typing import Annotated

from fastapi import APIRouter, Query, Request

from app.services import directory, itinerary, wishes
from app.services.schemas import ProfileEdit
from app.web import i18n
from app.web.deps import SessionDep
from app.web.why import with_reasons_told

router = APIRouter(prefix="/api/me/{token}", tags=["participant"])

ME_EXAMPLE = {
    "person": {"id": 12, "first_name": "Émilie", "last_name": "Lefèvre", "status": "present"},
    "event": {"id": 1, "title": "Speed dating business — Artois", "plan_version": 2},
    "itinerary": [
        {
            "round": 1,
            "table": 7,
            "with": [
                {
                    "id": 31,
                    "first_name": "Julien",
                    "last_name": "Caron",
                    "company": "Caron Transport SAS",
                    "sector": "Transport",
                    "pitch": "Logistique du dernier kilomètre",
                    "why": "Vous cherchez : un transporteur régional — Julien propose : "
                    "transport routier et affrètement",
                }
            ],
            "sitting_out": False,
        },
        {"round": 2, "table": None, "with": [], "sitting_out": True},
    ],
}


@router.get("", responses={200: {"content": {"application/json": {"example": ME_EXAMPLE}}}})
def me(token: str, request: Request, session: SessionDep) -> dict:
    """Show my event and my itinerary, why I meet each person in my language; never contacts."""
    mine = itinerary.my_itinerary(session, token)
    i18n.use_language(
        i18n.choose_language(
            request.headers.get("accept-language"),
            mine["event"]["language"],
            request.query_params.get("lang"),
        )
    )
    return with_reasons_told(mine)


PROFILE_EXAMPLE = {
    "pitch": "Rénovation énergétique des bâtiments tertiaires",
    "offers": "Audit énergétique, isolation, pompes à chaleur",
    "needs": "Un transporteur régional pour nos chantiers",
    "meet": [
        {
            "id": 31,
            "first_name": "Julien",
            "last_name": "Caron",
            "company": "Caron Transport SAS",
            "sector": "Transport",
            "offers": "Transport routier et affrètement",
        }
    ],
    "avoid": [],
    "meet_max": 5,
    "editable": True,
}
PROFILE_RESPONSES: dict = {
    200: {"content": {"application/json": {"example": PROFILE_EXAMPLE}}},
    404: {"description": "unknown personal link, or a chosen person not at this event"},
    409: {"description": "the first round has started (walk-ins excepted while rounds remain)"},
    422: {"description": "a text too long, more than 5 to meet, myself, or one in both lists"},
}


@router.get("/profile", responses={200: PROFILE_RESPONSES[200], 404: PROFILE_RESPONSES[404]})
def my_profile(token: str, session: SessionDep) -> dict:
    """Show my pitch, offers, needs and my own wishes; nobody else ever sees my wishes."""
    return wishes.my_profile(session, token)


@router.put("/profile", responses=PROFILE_RESPONSES)
def edit_profile(token: str, edit: ProfileEdit, session: SessionDep) -> dict:
    """Change my profile and whom I would like (or rather not) to meet, before the start."""
    return wishes.edit_profile(session, token, edit)


@router.get("/people")
def people(
    token: str,
    session: SessionDep,
    q: Annotated[
        str, Query(max_length=200, description="words of a name, company, sector or offer")
    ] = "",
    limit: Annotated[int, Query(ge=1, le=100)] = directory.SEARCH_LIMIT,
) -> list[dict]:
    """Find the other participants of my event to choose whom to meet; accents and case ignored."""
    return directory.find_people(session, token, q, limit)
