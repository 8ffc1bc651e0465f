"""A byte-order mark means UTF-8: one bad byte spoils its own row, not the whole file."""

from __future__ import annotations

import codecs

from app.adapters.spreadsheet import parse_people_csv


def test_a_bom_file_with_one_invalid_byte_imports_the_other_rows() -> None:
    lines = (
        b"first_name;last_name;company;email",
        "Émilie;Lefèvre;Artois Bâtiment;emilie@example.fr".encode(),
        b"Jo\xe9l;Martin;Lens Services;joel@example.fr",  # é in Windows-1252, not UTF-8
        "Luc;Durand;Béthune Conseil;luc@example.fr".encode(),
    )
    data = codecs.BOM_UTF8 + b"".join(line + b"\r\n" for line in lines)
    sheet = parse_people_csv(data)
    assert [(row.line, row.first_name) for row in sheet.rows] == [(2, "Émilie"), (4, "Luc")]
    assert [error.line for error in sheet.errors] == [3]
    assert "UTF-8" in sheet.errors[0].message
