"""Cut what a member says into the phrases that are matched one by one."""

from __future__ import annotations

import re
from typing import NamedTuple

MAX_PHRASES = 12  # a 500-character text rarely holds more distinct offers or needs
_CUTS = re.compile(r"[\n;,.•·/|]+|\s+[-–—]\s+|^\s*[-*]\s+|\s+(?:et|and|ou|or)\s+", re.I | re.M)


def phrases(text: str | None) -> tuple[str, ...]:
    """Split a text into short phrases, each worth matching alone, in order, without repeats."""
    seen: set[str] = set()
    kept: list[str] = []
    for part in _CUTS.split(text or ""):
        phrase = " ".join(part.split()).strip(" :-*'\"()")
        key = phrase.casefold()
        if len(phrase) >= 3 and key not in seen:
            seen.add(key)
            kept.append(phrase)
    return tuple(kept[:MAX_PHRASES])


class Cut(NamedTuple):
    """One side of what a member says: the whole text, and the phrases cut from it."""

    whole: str
    parts: tuple[str, ...]

    @classmethod
    def of(cls, text: str | None) -> Cut:
        """Cut a text; its whole is read too, as the context of each phrase."""
        parts = phrases(text)
        return cls(" ".join((text or "").split()) if parts else "", parts)

    def texts(self) -> tuple[str, ...]:
        """List what the model reads of this side: the phrases, then the whole text."""
        return (*self.parts, self.whole) if self.parts else ()
