"""What the API takes and gives back: validated at the edge, plain afterwards."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

EMAIL_PATTERN = re.compile(r"^[^@\s,;<>()]+@[^@\s,;<>()]+\.[^@\s,;<>().]{2,}$")

TITLE_MAX = 200
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TITLE_MAX)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
Label = Annotated[str | None, StringConstraints(strip_whitespace=True, max_length=120)]
OptionalText = Annotated[str | None, StringConstraints(strip_whitespace=True, max_length=300)]
PROFILE_MAX = 500
ProfileText = Annotated[
    str | None, StringConstraints(strip_whitespace=True, max_length=PROFILE_MAX)
]
Venue = Annotated[str | None, StringConstraints(strip_whitespace=True, max_length=200)]


class EventCreate(BaseModel):
    """Settings of a new event; pairs always sit two to a table."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "title": "Speed dating business — Artois",
                    "format": "pairs",
                    "table_size": 2,
                    "talk_seconds": 110,
                    "switch_seconds": 20,
                    "avoid_same_club": True,
                    "language": "fr",
                }
            ]
        }
    )

    title: Text
    format: Literal["pairs", "tables"] = "pairs"
    table_size: int = Field(default=2, ge=2, le=10)
    talk_seconds: int = Field(default=110, ge=10, le=3600)
    switch_seconds: int = Field(default=20, ge=0, le=600)
    rounds: int | None = Field(default=None, ge=1, le=2000)
    avoid_same_club: bool = False
    hold_before_talk: bool = False
    language: Literal["fr", "en"] = "fr"
    date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    venue: Venue = None
    series_id: int | None = None

    @model_validator(mode="after")
    def _table_size_fits_format(self) -> EventCreate:
        if self.format == "pairs" and self.table_size != 2:
            raise ValueError("table_size must be 2 for the pairs format")
        if self.format == "tables" and self.table_size < 3:
            raise ValueError("table_size must be between 3 and 10 for the tables format")
        return self


class EventPublic(BaseModel):
    """An event as the API shows it: stored rows are shown as they are, never re-validated."""

    id: int
    title: str
    format: str
    table_size: int
    talk_seconds: int
    switch_seconds: int
    rounds: int | None
    avoid_same_club: bool
    hold_before_talk: bool
    language: str
    date: str | None
    venue: str | None
    status: str
    plan_version: int
    series_id: int | None = None
    banner: str | None = None


class ParticipantCreate(BaseModel):
    """A member to register; the same e-mail (any case) is the same person."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "first_name": "Émilie",
                    "last_name": "Lefèvre",
                    "company": "SARL Artois Bâtiment",
                    "email": "emilie.lefevre@example.fr",
                    "sector": "BTP",
                    "club": "CJD Arras",
                    "pitch": "Rénovation énergétique des bâtiments tertiaires",
                    "offers": "Audit énergétique, isolation, pompes à chaleur",
                    "needs": "Un cabinet d'expertise comptable près d'Arras",
                }
            ]
        }
    )

    first_name: Name
    last_name: Name
    company: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = ""
    email: Annotated[str, StringConstraints(strip_whitespace=True, max_length=254)]
    sector: Label = None
    club: Label = None
    phone: Annotated[str | None, StringConstraints(strip_whitespace=True, max_length=40)] = None
    website: OptionalText = None
    pitch: OptionalText = None
    offers: ProfileText = Field(None, description="what my company does or sells")
    needs: ProfileText = Field(None, description="what I am looking for")

    @field_validator("email")
    @classmethod
    def _email_looks_real(cls, value: str) -> str:
        if not EMAIL_PATTERN.match(value):
            raise ValueError(f"'{value}' is not an e-mail address")
        return value

    @field_validator("sector", "club", "phone", "website", "pitch", "offers", "needs")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value or None


class ParticipantPublic(BaseModel):
    """A registered participant as the host sees them."""

    id: int
    token: str
    first_name: str
    last_name: str
    company: str
    club: str | None
    sector: str | None
    email: str
    phone: str | None
    website: str | None
    pitch: str | None
    offers: str | None = None
    needs: str | None = None
    status: Literal["registered", "present", "gone"]
    walk_in: bool
    checked_in_ms: int | None


class PersonPublic(BaseModel):
    """A person as anyone who meets them may see: no token, no contact details."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    first_name: str
    last_name: str
    company: str
    sector: str | None
    pitch: str | None

    @property
    def short(self) -> str:
        """Write "Émilie L.", enough to find someone in a grid of fifty."""
        return f"{self.first_name} {self.last_name[:1]}."


# What the room's projector and tables page show of each person: names and company only.
ROOM_FIELDS = frozenset({"first_name", "last_name", "company"})


class ImportLineError(BaseModel):
    """One line of a spreadsheet that was not imported, by the row number it shows."""

    line: int
    message: str
    person: str = Field("", description="the name (or e-mail) found on the line")


class ImportReport(BaseModel):
    """What an import did: new people, updated people, and the lines it skipped."""

    imported: int = Field(description="people new to the member list")
    updated: int = Field(description="people already known, whose details were refreshed")
    errors: list[ImportLineError]
    registered: int = Field(0, description="people newly registered for this event")
    known: int = Field(0, description="of those registered, members known from before")


class NextEdition(BaseModel):
    """What changes for the next edition; everything else is copied from the last one."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"title": "Speed dating business — Artois 2027"}]}
    )

    title: Text | None = None
    date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    venue: Venue = None


MEET_MAX = 5
AVOID_MAX = 200  # far more than anyone needs; bounds what one request may ask
PersonId = Annotated[int, Field(ge=1, le=2**63 - 1)]


class ProfileEdit(BaseModel):
    """What a member changes from their phone; a field left out keeps its value.

    `meet` and `avoid` replace the stored list when given (an empty list clears it); an id
    given twice counts once.
    """

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "needs": "Un transporteur régional pour nos livraisons",
                    "meet": [31, 44],
                    "avoid": [12],
                }
            ]
        }
    )

    pitch: OptionalText = None
    offers: ProfileText = Field(None, description="what my company does or sells")
    needs: ProfileText = Field(None, description="what I am looking for")
    meet: list[PersonId] | None = Field(
        None, description=f"people I would like to meet, at most {MEET_MAX}"
    )
    avoid: list[PersonId] | None = Field(
        None, max_length=AVOID_MAX, description="people I would rather not meet"
    )

    @field_validator("pitch", "offers", "needs")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value or None

    @field_validator("meet", "avoid")
    @classmethod
    def _once_each(cls, value: list[int] | None) -> list[int] | None:
        return None if value is None else list(dict.fromkeys(value))

    @field_validator("meet")
    @classmethod
    def _at_most_five(cls, value: list[int] | None) -> list[int] | None:
        if value is not None and len(value) > MEET_MAX:
            raise ValueError(f"at most {MEET_MAX} people to meet, not {len(value)}")
        return value


class PairRuleSet(BaseModel):
    """The host's decision about a pair: `must` meet, or `never`."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"kind": "must"}]})

    kind: Literal["must", "never"]
