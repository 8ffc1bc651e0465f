"""What an organiser's spreadsheet export turns into: people, or rows reported by number."""

import csv
import io
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.adapters.spreadsheet import (
    MAX_BYTES,
    MAX_ROWS,
    ParsedSheet,
    PersonRow,
    RowError,
    SheetRejected,
    parse_people_csv,
)

HEADER = "Prénom;Nom;Société;Courriel"


def sheet(*lines: str, encoding: str = "utf-8", newline: str = "\r\n") -> bytes:
    """Write lines the way a spreadsheet saves them: one per row, each ended."""
    return "".join(line + newline for line in lines).encode(encoding)


def parse(*lines: str, **options: str) -> ParsedSheet:
    """Parse lines written by `sheet`."""
    return parse_people_csv(sheet(*lines, **options))


def person(line: int, first: str, last: str, company: str, email: str, **more: str) -> PersonRow:
    """Expect a good row, optional fields absent unless given."""
    fields = ("sector", "club", "phone", "website", "pitch", "offers", "needs")
    optional = {field: more.get(field) for field in fields}
    return PersonRow(line, first, last, company, email, **optional)


def rejection(data: bytes) -> SheetRejected:
    """Parse a file expected to be refused as a whole."""
    with pytest.raises(SheetRejected) as caught:
        parse_people_csv(data)
    return caught.value


# Separators and encodings


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_comma_semicolon_and_tab_separated_files_read_the_same(sep):
    parsed = parse(
        sep.join(["Prénom", "Nom", "Société", "Courriel"]),
        sep.join(["Jean", "Dupont", "Dupont SA", "jean@dupont.fr"]),
    )
    assert parsed == ParsedSheet((person(2, "Jean", "Dupont", "Dupont SA", "jean@dupont.fr"),), ())


def test_commas_in_the_data_do_not_make_a_semicolon_file_look_comma_separated():
    parsed = parse(HEADER, "Jean;Dupont;Dupont, Fils, Frères et Cie;jean@dupont.fr")
    assert parsed.rows[0].company == "Dupont, Fils, Frères et Cie"


def test_a_quoted_header_title_holding_a_semicolon_does_not_fool_the_separator_guess():
    parsed = parse('"Nom; prénom",Prénom,Nom,Email', "x,Jean,Dupont,jean@dupont.fr")
    assert parsed.rows == (person(2, "Jean", "Dupont", "", "jean@dupont.fr"),)


def test_a_utf8_byte_order_mark_is_not_part_of_the_first_header():
    parsed = parse_people_csv(b"\xef\xbb\xbf" + sheet("Courriel;Prénom;Nom", "a@b.fr;Élise;Noël"))
    assert parsed.rows == (person(2, "Élise", "Noël", "", "a@b.fr"),)


def test_windows_1252_keeps_oe_and_accents_intact():
    data = sheet(
        HEADER, "Françoise;Lœuillet;Cœur d'Artois Époux Gérard;f@cœur.fr", encoding="cp1252"
    )
    assert parse_people_csv(data).rows == (
        person(2, "Françoise", "Lœuillet", "Cœur d'Artois Époux Gérard", "f@cœur.fr"),
    )


def test_a_utf16_unicode_text_export_from_excel_is_read():
    data = sheet("Prénom\tNom\tCourriel", "Hélène\tCœur\th@c.fr", encoding="utf-16")
    assert parse_people_csv(data).rows == (person(2, "Hélène", "Cœur", "", "h@c.fr"),)


@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
def test_windows_unix_and_old_mac_line_endings_read_the_same(newline):
    parsed = parse(HEADER, "", "Jean;Dupont;D;j@d.fr", newline=newline)
    assert parsed.rows == (person(3, "Jean", "Dupont", "D", "j@d.fr"),)


# Headers


def test_french_headers_in_any_order_case_and_spacing_are_recognised():
    parsed = parse(
        " COURRIEL ;secteur d'ACTIVITÉ;  société; prénom  ;NOM  ;Tél.;Réseau;Site Web;Présentation",
        "j@d.fr;BTP;Dupont SA;Jean;Dupont;06 12 34 56 78;BNI;dupont.fr;Maçon depuis 1990",
    )
    assert parsed.rows == (
        person(
            2,
            "Jean",
            "Dupont",
            "Dupont SA",
            "j@d.fr",
            sector="BTP",
            club="BNI",
            phone="06 12 34 56 78",
            website="dupont.fr",
            pitch="Maçon depuis 1990",
        ),
    )


@pytest.mark.parametrize(
    "header",
    [
        "First name,Last name,Company,E-mail,Phone,Industry,Club,Website,Pitch",
        "Firstname,Surname,Organisation,Mail,Mobile,Sector,Réseau,URL,Accroche",
        "Prénom,Nom,Entreprise,Adresse e-mail,Téléphone,Secteur,Club,Site,Pitch",
    ],
)
def test_english_and_french_header_aliases_name_the_same_fields(header):
    parsed = parse(header, "Jean,Dupont,D,j@d.fr,0612,BTP,BNI,d.fr,Hello")
    assert parsed.rows == (
        person(
            2,
            "Jean",
            "Dupont",
            "D",
            "j@d.fr",
            phone="0612",
            sector="BTP",
            club="BNI",
            website="d.fr",
            pitch="Hello",
        ),
    )


def test_unknown_columns_are_ignored():
    parsed = parse("Civilité;Prénom;Nom;Cotisation;Courriel", "M.;Jean;Dupont;120 €;j@d.fr")
    assert parsed.rows == (person(2, "Jean", "Dupont", "", "j@d.fr"),)


def test_the_first_non_empty_of_two_phone_columns_is_kept():
    parsed = parse("Prénom;Nom;Courriel;Téléphone;Mobile", "Jean;Dupont;j@d.fr;;06 12")
    assert parsed.rows[0].phone == "06 12"


@pytest.mark.parametrize(
    ("full", "first", "last"),
    [
        ("Jean Dupont", "Jean", "Dupont"),
        ("Jean-Pierre Le Gall", "Jean-Pierre", "Le Gall"),
        ("LE GALL Anne-Marie", "Anne-Marie", "LE GALL"),
        ("Dupont, Jean", "Jean", "Dupont"),
        ("J. Dupont", "J.", "Dupont"),
    ],
)
def test_a_single_full_name_column_is_split_into_first_and_last_name(full, first, last):
    parsed = parse("Nom complet;Entreprise;Email", f"{full};D;j@d.fr")
    assert parsed.rows == (person(2, first, last, "D", "j@d.fr"),)


def test_a_full_name_of_one_word_lacks_a_last_name():
    assert parse("Name;Email", "Cher;c@d.fr").errors == (RowError(2, "missing last name", "Cher"),)


# Cells and rows


def test_fields_are_trimmed_and_runs_of_spaces_in_names_collapsed():
    parsed = parse(
        HEADER + ";Club", "  Jean  Pierre ;  Le   Gall ;  Gall  &  Fils ; j@g.fr ;  BNI "
    )
    assert parsed.rows == (
        person(2, "Jean Pierre", "Le Gall", "Gall & Fils", "j@g.fr", club="BNI"),
    )


def test_empty_optional_fields_are_none_and_a_missing_company_is_empty():
    parsed = parse(HEADER + ";Téléphone;Club", "Jean;Dupont;  ;j@d.fr; ;")
    assert parsed.rows == (person(2, "Jean", "Dupont", "", "j@d.fr"),)


def test_blank_lines_are_skipped_but_counted_in_line_numbers():
    parsed = parse("", HEADER, "", "Jean;Dupont;D;j@d.fr", "   ", ";;;", "Anne;Martin;M;a@m.fr", "")
    assert [row.line for row in parsed.rows] == [4, 7]
    assert parsed.errors == ()


def test_quoted_separators_and_quotes_stay_inside_the_field():
    parsed = parse(HEADER, '"Jean";"Dupont";"Dupont; Fils & ""Cie""";"j@d.fr"')
    assert parsed.rows[0].company == 'Dupont; Fils & "Cie"'


def test_a_cell_with_line_breaks_is_one_spreadsheet_row_and_later_rows_keep_their_numbers():
    parsed = parse(
        HEADER + ";Pitch",
        'Jean;Dupont;D;j@d.fr;"Maçon;\r\ncharpentier\r\ncouvreur"',
        "Anne;Martin;M;bad",
    )
    assert parsed.rows == (
        person(2, "Jean", "Dupont", "D", "j@d.fr", pitch="Maçon;\r\ncharpentier\r\ncouvreur"),
    )
    assert parsed.errors == (RowError(3, "invalid e-mail 'bad'", "Anne Martin"),)


def test_extra_empty_trailing_cells_are_ignored():
    assert parse(HEADER, "Jean;Dupont;D;j@d.fr;;; ").rows[0].email == "j@d.fr"


def test_extra_filled_cells_are_reported_as_a_misplaced_separator():
    parsed = parse("Prénom,Nom,Société,Courriel", "Jean,Dupont,Dupont, Fils et Cie,j@d.fr")
    assert parsed.errors == (
        RowError(
            2,
            "5 cells for 4 columns: is a separator inside a value without quotes?",
            "Jean Dupont",
        ),
    )


def test_a_short_row_is_fine_when_the_required_fields_come_first():
    parsed = parse("Prénom;Nom;Courriel;Société;Club", "Jean;Dupont;j@d.fr")
    assert parsed.rows == (person(2, "Jean", "Dupont", "", "j@d.fr"),)


# Errors on rows


def test_missing_required_fields_are_named_on_their_row():
    parsed = parse(HEADER, ";Dupont;D;j@d.fr", "Jean;;D;", ";;D;", "Anne;Martin;;a@m.fr")
    assert parsed.errors == (
        RowError(2, "missing first name", "Dupont"),
        RowError(3, "missing last name, e-mail", "Jean"),
        RowError(4, "missing first name, last name, e-mail"),
    )
    assert parsed.rows == (person(5, "Anne", "Martin", "", "a@m.fr"),)


@pytest.mark.parametrize(
    "email",
    [
        "jean@",
        "@d.fr",
        "jean.d.fr",
        "jean@d",
        "jean dupont@d.fr",
        "jean@@d.fr",
        "jean@d..fr",
        ".jean@d.fr",
        "jean.@d.fr",
        "jean..d@d.fr",
        "jean@-d.fr",
        "jean@d.f",
        "<j@d.fr>",
        "j@d.fr;a@b.fr",
    ],
)
def test_bad_emails_are_reported_as_typed(email):
    parsed = parse("Prénom\tNom\tCourriel", f"Jean\tDupont\t{email}")
    assert parsed.errors == (RowError(2, f"invalid e-mail '{email}'", "Jean Dupont"),)


@pytest.mark.parametrize(
    "email",
    [
        "jean@d.fr",
        "Jean.Dupont@D.FR",
        "jean+cci@mail.d.co.uk",
        "o'brien@d.ie",
        "j_d-1@d-2.fr",
        "élise@cœur.fr",
    ],
)
def test_usual_emails_are_accepted_as_typed(email):
    assert parse("Prénom\tNom\tCourriel", f"Jean\tDupont\t{email}").rows[0].email == email


def test_the_same_email_in_another_case_is_reported_on_the_later_row():
    parsed = parse(HEADER, "Jean;Dupont;D;Jean@D.fr", "", "Jeanne;Dupont;D;jean@d.FR")
    assert parsed.rows == (person(2, "Jean", "Dupont", "D", "Jean@D.fr"),)
    unused = "not used from this line: first name 'Jeanne'"
    assert parsed.errors == (
        RowError(4, f"same e-mail as line 2, which was imported; {unused}", "Jeanne Dupont"),
    )
    assert parsed.rows[0].key == "jean@d.fr"


def test_a_repeated_email_says_what_its_line_held_that_was_not_used():
    header = "Prénom;Nom;Société;Courriel;Téléphone"
    parsed = parse(header, "Jean;Dupont;D;j@d.fr;0601", "Jean;Dupont;D;J@d.fr;0699")
    assert parsed.errors == (
        RowError(
            3,
            "same e-mail as line 2, which was imported; not used from this line: phone '0699'",
            "Jean Dupont",
        ),
    )


def test_a_row_refused_for_another_reason_does_not_claim_its_email():
    parsed = parse(HEADER, ";Dupont;D;j@d.fr", "Jean;Dupont;D;J@D.FR")
    assert parsed.errors == (RowError(2, "missing first name", "Dupont"),)
    assert parsed.rows == (person(3, "Jean", "Dupont", "D", "J@D.FR"),)


# Whole files refused


def test_png_bytes_are_refused_as_not_a_text_file():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"
    refused = rejection(png)
    assert (refused.status, str(refused)) == (422, "not a text file: export the sheet as CSV")


def test_bytes_invalid_in_both_utf8_and_windows_1252_are_refused():
    assert rejection(sheet("Prénom;Nom;Courriel", encoding="cp1252") + b"\x81\x8d").status == 422


def test_a_workbook_is_refused_with_a_hint_to_save_it_as_csv():
    refused = rejection(b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml")
    assert (refused.status, str(refused)) == (
        422,
        "this is a workbook (.xlsx or .ods), not a CSV: save it as CSV and import that",
    )


@pytest.mark.parametrize("data", [b"", b"\r\n\r\n  \r\n", b";;;\n"])
def test_an_empty_file_is_refused(data):
    assert str(rejection(data)) == "the file is empty: it needs a header row"


def test_a_header_only_file_has_no_rows_and_no_errors():
    assert parse(HEADER) == ParsedSheet((), ())


def test_a_header_without_the_required_columns_names_what_is_missing_and_what_was_found():
    refused = rejection(sheet("Nom;Société;Tel;;Adresse"))
    assert refused.status == 422
    assert (
        str(refused)
        == "missing columns: first name, e-mail; found: 'Nom', 'Société', 'Tel', 'Adresse'"
    )


def test_an_unclosed_quote_that_swallows_the_rest_of_a_large_file_is_refused_with_its_row():
    rows = [f"P{i};N{i};C;p{i}@d.fr" for i in range(10_000)]
    refused = rejection(sheet(HEADER, "Jean;Dupont;D;j@d.fr", 'Anne;"Martin;M;a@m.fr', *rows))
    assert refused.status == 422
    assert str(refused).startswith("row 3 cannot be read")


def test_a_file_over_the_size_limit_is_refused_as_too_large():
    data = sheet(HEADER, *["Jean;Dupont;D;j@d.fr"] * (MAX_BYTES // 20))
    assert len(data) > MAX_BYTES
    assert rejection(data).status == 413


def test_more_data_rows_than_the_limit_are_refused_as_too_large():
    data = sheet(HEADER, *(f"P;N;C;p{i}@d.fr" for i in range(MAX_ROWS + 1)))
    assert rejection(data).status == 413


def test_exactly_the_row_limit_is_accepted_and_blank_lines_do_not_count():
    data = sheet(HEADER, "", "", *(f"P;N;C;p{i}@d.fr" for i in range(MAX_ROWS)))
    parsed = parse_people_csv(data)
    assert (len(parsed.rows), parsed.rows[-1].line) == (MAX_ROWS, MAX_ROWS + 3)


# A real export, and any export


FIRST_NAMES = ["Élise", "François", "Hélène", "Loïc", "Benoît", "Zoé", "Gaëlle", "Jérôme", "Anaïs"]
LAST_NAMES = ["Lœuillet", "Cœurderoy", "Leclère", "Ménard", "Dupré", "Le Gall", "Bœuf", "Façon"]
SECTORS = ["BTP", "Négoce", "Industrie agroalimentaire", "Conseil, audit", "Santé"]
CLUBS = ["BNI Arras", "Réseau Entreprendre", "Club des Dirigeants", ""]


def member(i: int, rng: random.Random) -> list[str]:
    """Invent the i-th member of the chamber as an export row."""
    pitch = rng.choice(["", f"Spécialiste n°{i}; « qualité »", f'Devis "gratuit"\nsous 48 h ({i})'])
    return [
        rng.choice(FIRST_NAMES),
        rng.choice(LAST_NAMES),
        f"Société {rng.choice(LAST_NAMES)} n°{i % 450}" if i % 7 else "",
        f"membre.{i}@cci-artois.fr",
        f"03 21 {i % 100:02d} {i % 97:02d} 00",
        rng.choice(SECTORS),
        rng.choice(CLUBS),
        f"www.m{i}.fr" if i % 3 else "",
        pitch,
    ]


def spoil(i: int, row: list[str]) -> str | None:
    """Break a few members the way hand-kept sheets break, saying what the parser should report."""
    faults = {
        37: (3, "", "missing e-mail"),
        120: (3, "jean.dupont@", "invalid e-mail 'jean.dupont@'"),
        250: (3, "MEMBRE.10@CCI-Artois.fr", "same e-mail as line {first}, which was imported"),
        333: (0, "  ", "missing first name"),
        480: (3, "membre 480@cci-artois.fr", "invalid e-mail 'membre 480@cci-artois.fr'"),
    }
    if i not in faults:
        return None
    column, value, message = faults[i]
    row[column] = value
    return message


def test_a_500_member_windows_export_keeps_every_good_member_and_numbers_the_faulty_rows():
    rng = random.Random(2026)
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            "Prénom",
            "Nom",
            "Société",
            "Courriel",
            "Téléphone",
            "Secteur d'activité",
            "Club",
            "Site web",
            "Présentation",
        ]
    )
    line, expected_rows, expected_errors, line_of_member_10 = 1, [], [], 0
    for i in range(500):
        if i % 60 == 59:
            writer.writerow([])
            line += 1
        row = member(i, rng)
        message = spoil(i, row)
        writer.writerow(row)
        line += 1
        line_of_member_10 = line if i == 10 else line_of_member_10
        if message:
            who = " ".join(name for name in (row[0].strip(), row[1].strip()) if name)
            expected_errors.append((line, message.format(first=line_of_member_10), who))
        else:
            first, last, company, email, phone, sector, club, website, pitch = row
            expected_rows.append(
                PersonRow(
                    line,
                    first,
                    last,
                    company,
                    email,
                    sector,
                    club or None,
                    phone,
                    website or None,
                    pitch or None,
                )
            )

    parsed = parse_people_csv(out.getvalue().encode("cp1252"))

    # A repeated e-mail goes on to list what its line held that was not used.
    found = [(error.line, error.message.partition(";")[0], error.person) for error in parsed.errors]
    assert found == expected_errors
    assert [error.line for error in parsed.errors] == [39, 124, 256, 340, 490]
    assert parsed.rows == tuple(expected_rows)
    assert len(parsed.rows) == 495


HEADERS = {
    "first_name": ["Prénom", "First name", "FIRSTNAME"],
    "last_name": ["Nom", "Last name", "surname "],
    "company": ["Société", "Entreprise", "Company"],
    "email": ["Courriel", "E-mail", "Adresse e-mail"],
    "club": ["Club", "Réseau"],
    "pitch": ["Pitch", "Présentation", "Accroche"],
}
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèêëàâçîïôùûüÿœŒÉÈÇÀ"
words = st.text(alphabet=LETTERS + "'-\",;.", min_size=1, max_size=8)
names = st.lists(words, min_size=1, max_size=3).map(" ".join)
pitches = st.text(alphabet=LETTERS + " \n\t,;\"'", max_size=40).map(str.strip)
people = st.tuples(names, names, names | st.just(""), names | st.just(""), pitches)


@settings(max_examples=150, deadline=None)
@given(
    people=st.lists(people, max_size=12),
    order=st.permutations(list(HEADERS)),
    titles=st.fixed_dictionaries({field: st.sampled_from(t) for field, t in HEADERS.items()}),
    delimiter=st.sampled_from([",", ";", "\t"]),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
    newline=st.sampled_from(["\r\n", "\n"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
)
def test_rows_written_by_any_spreadsheet_dialect_read_back_the_same(
    people, order, titles, delimiter, quoting, newline, encoding
):
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator=newline)
    writer.writerow([titles[field] for field in order])
    expected = []
    for i, (first, last, company, club, pitch) in enumerate(people):
        email = f"Membre.{i}@Exemple.fr"
        values = dict(
            first_name=first, last_name=last, company=company, email=email, club=club, pitch=pitch
        )
        writer.writerow([values[field] for field in order])
        expected.append(
            person(i + 2, first, last, company, email, club=club or None, pitch=pitch or None)
        )

    parsed = parse_people_csv(out.getvalue().encode(encoding))

    assert parsed == ParsedSheet(tuple(expected), ())
