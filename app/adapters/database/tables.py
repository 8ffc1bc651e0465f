"""The stored shape of Tablehop: one SQLModel table per thing the event keeps."""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Column, Index, LargeBinary, MetaData, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _ms(**kwargs: Any) -> Any:
    """Declare an epoch-milliseconds column (64 bits everywhere)."""
    return Field(sa_type=BigInteger, **kwargs)


class Club(SQLModel, table=True):
    """A business club or network members belong to; same-club pairs can be kept apart."""

    __tablename__ = "clubs"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, unique=True)


class Series(SQLModel, table=True):
    """A recurring event; its editions share history so later ones bring new encounters."""

    __tablename__ = "series"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)


class Person(SQLModel, table=True):
    """A member, kept across events; `email_key` makes e-mail unique in any case."""

    __tablename__ = "people"
    id: int | None = Field(default=None, primary_key=True)
    first_name: str = Field(max_length=100)
    last_name: str = Field(max_length=100)
    company: str = Field(default="", max_length=200)
    sector: str | None = Field(default=None, max_length=120)
    club_id: int | None = Field(default=None, foreign_key="clubs.id", index=True)
    email: str = Field(max_length=254)
    email_key: str = Field(max_length=254, unique=True)
    phone: str | None = Field(default=None, max_length=40)
    website: str | None = Field(default=None, max_length=300)
    pitch: str | None = Field(default=None, max_length=300)
    offers: str | None = Field(default=None, max_length=500)
    needs: str | None = Field(default=None, max_length=500)
    share_email: bool = True
    share_phone: bool = False
    share_website: bool = False
    created_ms: int = _ms()


class Event(SQLModel, table=True):
    """One edition of a speed-networking event and how its rounds are run."""

    __tablename__ = "events"
    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    date: str | None = Field(default=None, max_length=10)
    venue: str | None = Field(default=None, max_length=200)
    format: str = Field(default="pairs", max_length=10)
    table_size: int = 2
    talk_seconds: int = 110
    switch_seconds: int = 20
    rounds: int | None = None
    avoid_same_club: bool = False
    hold_before_talk: bool = False
    language: str = Field(default="fr", max_length=5)
    status: str = Field(default="draft", max_length=10)
    series_id: int | None = Field(default=None, foreign_key="series.id", index=True)
    plan_version: int = 0
    banner: str | None = Field(default=None, max_length=280)
    banner_ms: int | None = _ms(default=None)
    created_ms: int = _ms()


class Registration(SQLModel, table=True):
    """A person at an event: their personal token and whether they are here."""

    __tablename__ = "registrations"
    __table_args__ = (UniqueConstraint("event_id", "person_id"),)
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="events.id", index=True)
    person_id: int = Field(foreign_key="people.id", index=True)
    token: str = Field(max_length=64, unique=True)
    status: str = Field(default="registered", max_length=12)
    walk_in: bool = False
    checked_in_ms: int | None = _ms(default=None)
    left_ms: int | None = _ms(default=None)


class Seat(SQLModel, table=True):
    """Where one person sits in one round of the current plan; no table means sitting out."""

    __tablename__ = "seats"
    __table_args__ = (UniqueConstraint("event_id", "round", "person_id"),)
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="events.id", index=True)
    round: int
    table: int | None = None
    person_id: int = Field(foreign_key="people.id")


class PhraseVector(SQLModel, table=True):
    """One phrase as one text model read it, kept so it is read once for every member and event."""

    __tablename__ = "phrase_vectors"
    __table_args__ = (UniqueConstraint("model", "version", "digest"),)
    id: int | None = Field(default=None, primary_key=True)
    model: str = Field(max_length=60)
    version: str = Field(max_length=30)
    digest: str = Field(max_length=64)  # SHA-256 of the text: a short key for any phrase
    text: str = Field(max_length=500)
    vector: bytes = Field(sa_column=Column(LargeBinary, nullable=False))  # float32, little-endian


class ClockRow(SQLModel, table=True):
    """The stored countdown of an event; `version` guards concurrent writers."""

    __tablename__ = "clocks"
    event_id: int = Field(foreign_key="events.id", primary_key=True)
    version: int = 0
    state: str = Field(sa_column=Column(Text, nullable=False))


class PhaseChange(SQLModel, table=True):
    """A moment the clock entered a phase, kept to tell how long each round really ran."""

    __tablename__ = "phase_changes"
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="events.id", index=True)
    at_ms: int = _ms()
    round: int
    phase: str = Field(max_length=10)


class Meeting(SQLModel, table=True):
    """A meeting that happened: recorded once when its round's talk began."""

    __tablename__ = "meetings"
    __table_args__ = (
        UniqueConstraint("event_id", "round", "person_a", "person_b"),
        Index("ix_meetings_pair", "person_a", "person_b"),
    )
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="events.id", index=True)
    round: int
    table: int
    person_a: int = Field(foreign_key="people.id")
    person_b: int = Field(foreign_key="people.id")


class Interest(SQLModel, table=True):
    """One person's wish to follow up with someone they met; mutual ones become matches."""

    __tablename__ = "interests"
    __table_args__ = (UniqueConstraint("event_id", "from_person", "to_person"),)
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="events.id", index=True)
    from_person: int = Field(foreign_key="people.id")
    to_person: int = Field(foreign_key="people.id")
    created_ms: int = _ms()


class Wish(SQLModel, table=True):
    """A member's own wish about another participant: to meet them, or rather not.

    Kept apart from the host's `PairRule`: a wish is one person's private, directed choice
    (limited to 5 "meet", editable only before the start, never shown to the other), while a
    host rule is an undirected decision about a pair that applies at any time. One row per
    (person, other) pair, so nobody can be both wished for and avoided by the same member.
    """

    __tablename__ = "wishes"
    __table_args__ = (UniqueConstraint("event_id", "person_id", "other_id"),)
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="events.id", index=True)
    person_id: int = Field(foreign_key="people.id")
    other_id: int = Field(foreign_key="people.id")
    kind: str = Field(max_length=5)  # "meet" or "avoid"
    created_ms: int = _ms()


class PairRule(SQLModel, table=True):
    """The host's decision about a pair: they must meet, or must never; the lower id first."""

    __tablename__ = "pair_rules"
    __table_args__ = (UniqueConstraint("event_id", "person_a", "person_b"),)
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="events.id", index=True)
    person_a: int = Field(foreign_key="people.id")
    person_b: int = Field(foreign_key="people.id")
    kind: str = Field(max_length=5)  # "must" or "never"
    created_ms: int = _ms()


class EmailLog(SQLModel, table=True):
    """One e-mail to one participant: queued, then sent or failed after its attempts."""

    __tablename__ = "email_log"
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="events.id", index=True)
    person_id: int = Field(foreign_key="people.id")
    kind: str = Field(max_length=10)
    status: str = Field(default="queued", max_length=10)
    attempts: int = 0
    last_error: str | None = Field(default=None, max_length=500)
    queued_ms: int = _ms()
    sent_ms: int | None = _ms(default=None)
