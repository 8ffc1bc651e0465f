"""Word-by-word search, accents and case ignored: the host's desk and the members' directory."""

from __future__ import annotations

import unicodedata

from app.services.schemas import ParticipantPublic


def matches(person: ParticipantPublic, query: str) -> bool:
    """Match every word of the search in the name, company or e-mail, ignoring accents."""
    haystack = fold(f"{person.first_name} {person.last_name} {person.company} {person.email}")
    return all(word in haystack for word in fold(query).split())


def fold(text: str) -> str:
    """Lower the case and drop the accents, so "emilie" finds "Émilie"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
