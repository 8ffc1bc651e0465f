"""Say on a phone, in its language, why two members meet: a need and the offer that answers it."""

from __future__ import annotations

from app.domain.matchmaking import Reason
from app.web.i18n import _


def told(reason: Reason | None, name: str) -> str:
    """One line from my side of the meeting; empty when nothing specific brings us together."""
    if reason is None:
        return ""
    if reason.mine:
        return _(
            "You are looking for: %(need)s — %(name)s offers: %(offer)s",
            need=reason.need,
            name=name,
            offer=reason.offer,
        )
    return _(
        "%(name)s is looking for: %(need)s — you offer: %(offer)s",
        need=reason.need,
        name=name,
        offer=reason.offer,
    )


def with_reasons_told(me: dict) -> dict:
    """Give my itinerary with each reason said as a line (`why`), as the contract has it."""
    return {
        **me,
        "itinerary": [
            {
                **stop,
                "with": [
                    {**person, "why": told(person["why"], person["first_name"])}
                    for person in stop["with"]
                ],
            }
            for stop in me["itinerary"]
        ],
    }
