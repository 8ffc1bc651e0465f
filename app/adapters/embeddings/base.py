"""The small face every text model shows: phrases in, unit vectors out, and a floor."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable


@runtime_checkable
class Embedder(Protocol):
    """Reads phrases into vectors whose cosine says how close two phrases are in meaning."""

    name: str  # stored beside each vector: another model's vectors are never compared
    version: str  # a new version recomputes the vectors
    floor: float  # a cosine unrelated phrases often reach; a match must beat it (room.py)

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """Give one unit-length vector per text (all zeros for a text with nothing to read)."""
        ...
