"""What a participant's personal link opens: their registration, or a 404 that gives no hint."""

from __future__ import annotations

from sqlmodel import Session, select

from app.adapters.database.tables import Registration
from app.services.errors import NotFound


def registration_by_token(session: Session, token: str) -> Registration:
    """Find the registration behind a personal link, or answer 404 without a hint."""
    registration = session.exec(select(Registration).where(Registration.token == token)).first()
    if registration is None:
        raise NotFound("this personal link is not valid")
    return registration
