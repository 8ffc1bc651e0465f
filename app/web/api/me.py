"""A participant's own data, reached only through their personal token."""

from fastapi import APIRouter

from app.services import itinerary
from app.web.deps import SessionDep

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
                }
            ],
            "sitting_out": False,
        },
        {"round": 2, "table": None, "with": [], "sitting_out": True},
    ],
}


@router.get("", responses={200: {"content": {"application/json": {"example": ME_EXAMPLE}}}})
def me(token: str, session: SessionDep) -> dict:
    """Show my event and my itinerary; never another person's token or contact details."""
    return itinerary.my_itinerary(session, token)
