"""The fallback reader: hashed words and character n-grams, so matching works with no model."""

from __future__ import annotations

import math
import re
import unicodedata
import zlib
from collections.abc import Sequence

DIMENSIONS = 512
_WORD = re.compile(r"[a-z0-9]+")
_GRAM = 4  # long enough to tell words apart, short enough for comptable / comptabilité
_SHORT = 3  # words shorter than this (le, of, à) carry no meaning of their own


def fold(text: str) -> str:
    """Lower the case and drop the accents, so "Sécurité" and "securite" read the same."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def features(text: str) -> list[tuple[str, float]]:
    """List what the fallback compares: each word, and each 4-letter piece of a long word."""
    found: list[tuple[str, float]] = []
    for word in _WORD.findall(fold(text)):
        if len(word) < _SHORT:
            continue
        found.append(("w:" + word, 1.0))
        padded = f"<{word}>"
        found.extend(("g:" + padded[i : i + _GRAM], 0.5) for i in range(len(padded) - _GRAM + 1))
    return found


def _vector(text: str) -> list[float]:
    """Hash the features of one text into a signed, normalised vector."""
    vector = [0.0] * DIMENSIONS
    for feature, weight in features(text):
        code = zlib.crc32(feature.encode())
        vector[code % DIMENSIONS] += weight if code & (1 << 31) else -weight
    norm = math.sqrt(sum(value * value for value in vector))
    return [value / norm for value in vector] if norm else vector


class LexicalEmbedder:
    """Reads shared words and word pieces only: no model, no download, same result everywhere."""

    name = "lexical"
    version = "1"
    floor = 0.25

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """Give each text its hashed vector (all zeros when it has no word to read)."""
        return [_vector(text) for text in texts]
