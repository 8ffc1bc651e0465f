"""Read phrases' vectors into unit rows once, so every comparison is one matrix product."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

from app.domain.matchmaking.profile import Phrase, Vector

CONTEXT = 1.5  # weight of the whole text beside the phrase (bench/README.md, "Matchmaking")


def dimension(phrases: Iterable[Phrase]) -> int | None:
    """Find the length most vectors have (the model's): others, a stale model's, count as unread."""
    counts = Counter(len(p.vector) for p in phrases if p.vector is not None and len(p.vector))
    return max(counts, key=lambda size: (counts[size], size)) if counts else None


def unit_rows(phrases: Sequence[Phrase], size: int | None) -> tuple[np.ndarray, np.ndarray]:
    """Stack the phrases read at this length as unit rows, each read in its text's context.

    A row is the phrase's unit vector plus `CONTEXT` times its whole text's, made unit again;
    without a usable context, the phrase alone. A phrase not read yet, of another length, all
    zeros or not finite gives no row: an unread or broken vector is worth nothing, never an
    error. Also gives the index of each row's phrase.
    """
    picked = [i for i, p in enumerate(phrases) if p.vector is not None and len(p.vector) == size]
    if not picked or size is None:
        return np.zeros((0, size or 0), np.float32), np.zeros(0, np.intp)
    rows = _unit([phrases[i].vector for i in picked])
    contexts = _unit([_or_zeros(phrases[i].context, size) for i in picked])
    with np.errstate(over="ignore", invalid="ignore"):
        blended = _unit(rows + CONTEXT * np.where(np.isfinite(contexts), contexts, 0.0))
    good = np.isfinite(rows).all(axis=1) & (np.abs(rows).sum(axis=1) > 0)
    return blended[good], np.asarray(picked, np.intp)[good]


def _or_zeros(vector: Vector | None, size: int) -> Vector:
    """Give a context vector of the right length, or zeros (no context) for a missing one."""
    return vector if vector is not None and len(vector) == size else np.zeros(size, np.float32)


def _unit(vectors: Sequence[Vector] | np.ndarray) -> np.ndarray:
    """Scale rows to length 1; a zero or broken row comes out all zeros or not finite."""
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        rows = np.asarray(vectors, dtype=np.float32)
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        return np.where(norms > 0, rows / np.where(norms > 0, norms, 1.0), 0.0)
