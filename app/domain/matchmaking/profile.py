"""What the matchmaking knows of one member: their phrases, read into vectors, and wishes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from app.domain.matchmaking.phrases import Cut

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

    @classmethod
    def read(
        cls, person: int, offers: Cut, needs: Cut, vector: Callable[[str], Vector | None]
    ) -> Profile:
        """Build a profile from a member's cut texts, each phrase with its whole text's vector."""

        def side(cut: Cut) -> tuple[Phrase, ...]:
            context = vector(cut.whole)
            return tuple(Phrase(text, vector(text), context) for text in cut.parts)

        return cls(person, side(offers), side(needs))
