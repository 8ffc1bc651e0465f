"""The check-in desk's search: every word must be found, accents and case ignored."""

import pytest

from app.services.schemas import ParticipantPublic
from app.services.search import fold, found_in, matches

EMILIE = ParticipantPublic(
    id=1,
    first_name="Émilie",
    last_name="Lefèvre",
    company="SARL Artois Bâtiment",
    club=None,
    sector="BTP",
    email="emilie@artois-batiment.fr",
    phone=None,
    website=None,
    pitch=None,
    status="registered",
    walk_in=False,
    checked_in_ms=None,
    token="t",
)


def test_folding_drops_accents_and_case() -> None:
    assert fold("ÉMILIE Lefèvre") == "emilie lefevre"
    assert fold("Œuvre ﬁne") == "œuvre fine"


@pytest.mark.parametrize(
    "query", ["", "emilie", "LEFEVRE emilie", "bâtiment", "artois-batiment.fr", "  sarl  "]
)
def test_every_word_found_in_name_company_or_email_matches(query: str) -> None:
    assert matches(EMILIE, query)


@pytest.mark.parametrize("query", ["julien", "emilie caron", "transport"])
def test_a_word_found_nowhere_does_not_match(query: str) -> None:
    assert not matches(EMILIE, query)


def test_the_words_may_lie_in_any_field_and_empty_fields_are_skipped() -> None:
    assert found_in("btp EMILIE", ("Émilie", None, "BTP"))
    assert not found_in("btp none", ("Émilie", None, "BTP"))
