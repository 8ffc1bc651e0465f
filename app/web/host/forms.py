"""The host's HTML forms, read as text and held to the API's rules."""

from __future__ import annotations

from pydantic import BaseModel

from app.services.schemas import EventCreate, EventPublic, ParticipantCreate


class EventForm(BaseModel):
    """The event settings form, as the browser sends it (unchecked boxes are absent)."""

    title: str = ""
    date: str = ""
    venue: str = ""
    format: str = "pairs"
    table_size: str = "4"
    talk_seconds: str = "110"
    switch_seconds: str = "20"
    rounds: str = ""
    avoid_same_club: bool = False
    hold_before_talk: bool = False
    language: str = "fr"

    def to_create(self) -> EventCreate:
        """Validate as the API does; raise pydantic's ValidationError on a bad field."""
        return EventCreate(
            title=self.title,
            date=self.date.strip() or None,
            venue=self.venue.strip() or None,
            format=self.format,
            table_size=self.table_size if self.format == "tables" else 2,
            talk_seconds=self.talk_seconds,
            switch_seconds=self.switch_seconds,
            rounds=self.rounds.strip() or None,
            avoid_same_club=self.avoid_same_club,
            hold_before_talk=self.hold_before_talk,
            language=self.language,
        )

    @classmethod
    def of(cls, event: EventPublic) -> EventForm:
        """Fill the form with an event's current settings."""
        return cls(
            title=event.title,
            date=event.date or "",
            venue=event.venue or "",
            format=event.format,
            table_size=str(event.table_size if event.format == "tables" else 4),
            talk_seconds=str(event.talk_seconds),
            switch_seconds=str(event.switch_seconds),
            rounds=str(event.rounds or ""),
            avoid_same_club=event.avoid_same_club,
            hold_before_talk=event.hold_before_talk,
            language=event.language,
        )


class PersonForm(BaseModel):
    """The add-one and walk-in form; `check_in` is set by the walk-in button."""

    first_name: str = ""
    last_name: str = ""
    company: str = ""
    email: str = ""
    sector: str = ""
    club: str = ""
    check_in: bool = False

    def to_create(self) -> ParticipantCreate:
        """Validate as the API does; raise pydantic's ValidationError on a bad field."""
        return ParticipantCreate(**self.model_dump(exclude={"check_in"}))
