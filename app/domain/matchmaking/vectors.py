"""Read phrases' vectors into unit rows once, so every comparison is one matrix product."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

from app.domain.matchmaking.profile import Phrase


def dimension(phrases: Iterable[Phrase]) -> int | None:
    """Find the length most vectors have (the model's): others, a stale model's, count as unread."""
    counts = Counter(len(p.vector) for p in phrases if p.vector is not None and len(p.vector))
    return max(counts, key=lambda size: (counts[size], size)) if counts else None


def unit_rows(phrases: Sequence[Phrase], size: int | None) -> tuple[np.ndarray, np.ndarray]:
    """Stack the phrases read at this length as unit rows, with the index of each row's phrase.

    A phrase not read yet, of another length, all zeros or not finite gives no row: an unread
    or broken vector is worth nothing, never an error.
    """
    picked = [i for i, p in enumerate(phrases) if p.vector is not None and len(p.vector) == size]
    if not picked or size is None:
        return np.zeros((0, size or 0), np.float32), np.zeros(0, np.intp)
    with np.errstate(over="ignore", invalid="ignore"):
        rows = np.asarray([phrases[i].vector for i in picked], dtype=np.float32)
        norms = np.linalg.norm(rows, axis=1)
    good = np.isfinite(norms) & (norms > 0)
    return rows[good] / norms[good, None], np.asarray(picked, np.intp)[good]


def best_cosine(needs: np.ndarray, offers: np.ndarray) -> float:
    """Give the highest cosine between any need row and any offer row (-inf: either is empty)."""
    if not len(needs) or not len(offers):
        return float("-inf")
    return float((needs @ offers.T).max())


def rescale(cosine: np.ndarray | float, floor: float) -> np.ndarray:
    """Map a cosine to 0..1: 0 at or below the floor, 1 for the same meaning."""
    if not -1.0 <= floor < 1.0:
        raise ValueError(f"floor must be in [-1, 1), not {floor}")
    return np.clip((np.asarray(cosine) - floor) / (1.0 - floor), 0.0, 1.0)
