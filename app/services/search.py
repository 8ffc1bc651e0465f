"""Word-by-word search, accents and case ignored: the host's desk and the members' directory."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from app.services.schemas import ParticipantPublic


def matches(person: ParticipantPublic, query: str) -> bool:
    """Match every word of the search in the name, company or e-mail, ignoring accents."""
    return found_in(query, (person.first_name, person.last_name, person.company, person.email))


def found_in(query: str, fields: Iterable[str | None]) -> bool:
    """Tell whether every word of the search is in these fields (empty ones skipped)."""
    haystack = fold(" ".join(field or "" for field in fields))
    return all(word in haystack for word in fold(query).split())


def fold(text: str) -> str:
    """Lower the case and drop the accents, so "emilie" finds "Émilie"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
