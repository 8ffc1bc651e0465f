"""Text models behind one small interface, and the choice of one that never stops an event."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from app.adapters.embeddings.base import Embedder
from app.adapters.embeddings.lexical import LexicalEmbedder
from app.adapters.embeddings.sentence_encoder import NAME as SENTENCE_ENCODER
from app.adapters.embeddings.sentence_encoder import SentenceEncoder

if TYPE_CHECKING:
    from app.config import Settings

__all__ = [
    "LEXICAL",
    "SENTENCE_ENCODER",
    "Embedder",
    "LexicalEmbedder",
    "build_embedder",
    "load_embedder",
]

LEXICAL = LexicalEmbedder.name
log = logging.getLogger("tablehop.embeddings")


def build_embedder(name: str, *, threads: int = 1) -> Embedder:
    """Make the named reader, letting any failure of the model through."""
    if name == LEXICAL:
        return LexicalEmbedder()
    if name == SENTENCE_ENCODER:
        return SentenceEncoder(threads=threads)
    raise ValueError(f"unknown text model {name!r}: use {SENTENCE_ENCODER!r} or {LEXICAL!r}")


def load_embedder(settings: Settings) -> Embedder:
    """Make the configured reader; if it cannot load, say so in one line and read lexically."""
    try:
        return build_embedder(settings.text_model)
    except Exception as failure:  # any broken model: the event goes on with the fallback
        log.warning(
            "text model %r unavailable (%s: %s); matching on shared words instead",
            settings.text_model,
            type(failure).__name__,
            failure,
        )
        return LexicalEmbedder()
