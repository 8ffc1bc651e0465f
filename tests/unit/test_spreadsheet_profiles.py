"""What members offer and need, read from a spreadsheet under any header an organiser types."""

import pytest

from app.adapters.spreadsheet import ParsedSheet, RowError, parse_people_csv
from tests.unit.test_spreadsheet import person, sheet


@pytest.mark.parametrize(
    "offers", ["Offre", "Offres", "OFFRES", "Ce que je propose", "ce que je PROPOSE ", "Offers"]
)
@pytest.mark.parametrize(
    "needs", ["Besoin", "Besoins", "besoins", "Je recherche", "Je Recherche", "Needs", "NEEDS"]
)
def test_every_offers_and_needs_header_is_understood(offers: str, needs: str) -> None:
    parsed = parse_people_csv(
        sheet(
            f"Prénom;Nom;Courriel;{offers};{needs}",
            "Jean;Dupont;jean@dupont.fr;Transport routier;Un expert-comptable",
        )
    )
    expected = person(
        2, "Jean", "Dupont", "", "jean@dupont.fr",
        offers="Transport routier", needs="Un expert-comptable",
    )  # fmt: skip
    assert parsed == ParsedSheet((expected,), ())


def test_accents_on_the_headers_are_optional() -> None:
    parsed = parse_people_csv(
        sheet("Prénom;Nom;Courriel;Cé que je proposé;Jé récherche", "A;B;a@b.fr;Vins;Verres")
    )
    assert (parsed.rows[0].offers, parsed.rows[0].needs) == ("Vins", "Verres")


def test_a_list_of_offers_keeps_its_line_breaks_and_loses_its_outer_spaces() -> None:
    parsed = parse_people_csv(
        sheet("Prénom;Nom;Courriel;Offres", 'A;B;a@b.fr;"  Audit\r\nFormation\r\nConseil  "')
    )
    assert parsed.rows[0].offers == "Audit\r\nFormation\r\nConseil"


def test_a_blank_profile_is_none() -> None:
    parsed = parse_people_csv(sheet("Prénom;Nom;Courriel;Offres;Besoins", "A;B;a@b.fr;  ;"))
    assert (parsed.rows[0].offers, parsed.rows[0].needs) == (None, None)


def test_a_repeated_e_mail_names_the_needs_it_did_not_use() -> None:
    parsed = parse_people_csv(
        sheet("Prénom;Nom;Courriel;Besoins", "A;B;a@b.fr;Vins", "A;B;A@b.fr;Verres")
    )
    assert parsed.errors == (
        RowError(
            3, "same e-mail as line 2, which was imported; not used from this line: needs 'Verres'",
            "A B",
        ),
    )  # fmt: skip
