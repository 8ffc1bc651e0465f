"""What the matchmaking knows of one member: their phrases, read into vectors, and wishes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

Vector = Sequence[float]


@dataclass(frozen=True)
class Phrase:
    """One offer or need as written and as read (None: not read yet), with its whole text's vector.

    `context` is the vector of the whole text the phrase was cut from: "Couverture" alone could
    be a blanket or an insurance; read beside "Couverture, charpente, zinguerie" it is a roof.
    """

    text: str
    vector: Vector | None = None
    context: Vector | None = None


@dataclass(frozen=True)
class Profile:
    """A member's offers and needs, and whom they would like to meet (ids, never shown)."""

    person: int
    offers: tuple[Phrase, ...] = ()
    needs: tuple[Phrase, ...] = ()
    wishes: frozenset[int] = field(default_factory=frozenset)
